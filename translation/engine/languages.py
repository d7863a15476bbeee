"""Language codes: the engine speaks Argos codes (en ar es fr ru zh)."""

from __future__ import annotations

from translation.engine.errors import UnknownLanguageError

PIVOT_LANGUAGE = "en"
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "ar", "es", "fr", "ru", "zh")
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "ar": "Arabic",
    "es": "Spanish",
    "fr": "French",
    "ru": "Russian",
    "zh": "Chinese",
}
RIGHT_TO_LEFT = frozenset({"ar"})
# Django and Wagtail name Chinese by script; Argos by language.
_ALIASES = {"zh-hans": "zh", "zh-cn": "zh", "zh-sg": "zh", "zh-hans-cn": "zh"}
_DJANGO_CODES = {"zh": "zh-hans"}


def argos_code(code: str) -> str:
    """Map a Django/Wagtail language code to the Argos code: ``argos_code("zh-hans") == "zh"``.

    Raises :class:`UnknownLanguageError` for codes outside the six UN languages (Traditional
    Chinese is not Simplified Chinese, so ``zh-hant`` is refused rather than guessed).
    """
    normalized = code.strip().lower().replace("_", "-")
    if normalized in _ALIASES:
        return _ALIASES[normalized]
    primary = normalized.split("-", 1)[0]
    if primary in SUPPORTED_LANGUAGES and (primary != "zh" or normalized == "zh"):
        return primary
    raise UnknownLanguageError(code)


def django_code(code: str) -> str:
    """The Django language code for an Argos code (``zh`` → ``zh-hans``)."""
    return _DJANGO_CODES.get(code, code)
