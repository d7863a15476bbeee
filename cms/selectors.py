"""Reads for the public site: language alternates of a page, search, Parties."""

import re
from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from cms.languages import content_language_codes, language_name
from cms.models import Party

FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    available: bool  # False: the link leads to the English version with a notice
    current: bool


def page_language_links(page: Page, request) -> list[LanguageLink]:
    """One link per UN language: the page in that language, or its English version.

    A missing translation leads to the English page with `?missing=<code>`, which shows a
    notice in the language the visitor asked for.
    """
    current = get_language()
    translations = {
        p.locale.language_code: p
        for p in page.get_translations(inclusive=True).live().public().select_related("locale")
    }
    fallback = translations.get(FALLBACK_LANGUAGE) or page
    links = []
    for code in content_language_codes():
        translated = translations.get(code)
        if translated is not None:
            url = translated.get_url(request)
        else:
            url = f"{fallback.get_url(request)}?missing={code}"
        links.append(
            LanguageLink(code, language_name(code), url, translated is not None, code == current)
        )
    return links


def path_language_links(request) -> list[LanguageLink]:
    """Language links for views that are not pages: the same path under another prefix."""
    current = get_language()
    return [
        LanguageLink(
            code,
            language_name(code),
            translate_url(request.get_full_path(), code),
            True,
            code == current,
        )
        for code in content_language_codes()
    ]


# Search syntax of the full-text engines (FTS5 quotes, operators, brackets) is not ours to
# expose: a visitor's query is words, in any script, and nothing else.
NOT_A_WORD = re.compile(r"[^\w\s]+")


def search_words(query: str) -> str:
    return " ".join(NOT_A_WORD.sub(" ", query).split())


def page_search(query: str, language_code: str) -> QuerySet | list:
    """Live pages in the visitor's language that match the query's words."""
    query = search_words(query)
    if not query:
        return Page.objects.none()
    locale = Locale.objects.filter(language_code=language_code).first()
    pages = Page.objects.live().public().specific().filter(depth__gt=1)
    if locale is not None:
        pages = pages.filter(locale=locale)
    return pages.search(query, operator="and")


def parties_sorted(language_code: str) -> list[Party]:
    """All Parties sorted by their name in the given language."""
    parties = list(Party.objects.all())
    return sorted(parties, key=lambda party: party.name_in(language_code).casefold())
