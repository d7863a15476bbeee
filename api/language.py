"""Which language a machine client gets: `?lang=` first, then Accept-Language, then English."""

from django.utils import translation

from api.errors import ApiError
from cms.languages import content_language_codes

DEFAULT_LANGUAGE = "en"


def language_normalize(code: str) -> str | None:
    """'fr', 'FR', 'fr-CA', 'zh-Hans', 'zh-CN', 'zh' → a content language code, or None."""
    code = code.strip().lower().replace("_", "-")
    codes = content_language_codes()
    if code in codes:
        return code
    if code.startswith("zh"):
        return "zh-hans" if "zh-hans" in codes else None
    base = code.split("-")[0]
    return base if base in codes else None


def language_negotiate(request, lang: str | None) -> str:
    """Pick the language, activate it for messages, and remember it for the response."""
    if lang:
        chosen = language_normalize(lang)
        if chosen is None:
            raise ApiError(400, "invalid_language", details={"lang": lang[:20]})
    else:
        chosen = _from_accept_language(request.headers.get("Accept-Language", ""))
    translation.activate(chosen)
    request.LANGUAGE_CODE = chosen
    request.api_language = chosen
    return chosen


def _from_accept_language(header: str) -> str:
    ranked = []
    for index, part in enumerate(header.split(",")):
        pieces = part.strip().split(";")
        quality = 1.0
        for piece in pieces[1:]:
            name, _sep, value = piece.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranked.append((-quality, index, pieces[0]))
    for negative_quality, _index, code in sorted(ranked):
        if negative_quality >= 0:
            break
        chosen = language_normalize(code) if code and code != "*" else None
        if chosen:
            return chosen
    return DEFAULT_LANGUAGE
