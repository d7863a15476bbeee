"""The six UN languages: codes, directions and the Babel locale for each."""

from django.conf import settings

RTL_LANGUAGES = frozenset({"ar"})

# Django language code -> Babel/CLDR locale identifier.
_BABEL_LOCALES = {"zh-hans": "zh_Hans"}


def babel_locale_name(language_code: str) -> str:
    return _BABEL_LOCALES.get(language_code, language_code.replace("-", "_"))


def language_direction(language_code: str) -> str:
    return "rtl" if language_code in RTL_LANGUAGES else "ltr"


def content_language_codes() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def language_name(language_code: str) -> str:
    """The language's name in itself ("Français"), as the switcher shows it."""
    return dict(settings.LANGUAGES).get(language_code, language_code)


def list_format(items, language_code: str | None = None) -> str:
    """Items joined the language's own way: "a, b and c", "a، b وc", "a、b和c"."""
    from babel.lists import format_list
    from django.utils.translation import get_language

    items = [str(item) for item in items]
    if not items:
        return ""
    return format_list(items, locale=babel_locale_name(language_code or get_language() or "en"))
