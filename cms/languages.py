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
