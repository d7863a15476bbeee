"""Reads for the public site: language alternates of a page, menus, search, Parties."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from cms.languages import content_language_codes, language_name
from cms.models import NavigationMenu, Party
from cms.navigation import MenuEntry, default_menu, service_entry
from cms.page_cache import generation
from cms.party_names import collation_key

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


def parties_sorted(language_code: str, parties: Iterable[Party] | None = None) -> list[Party]:
    """Parties (all, or those given) sorted by their name in the given language, as its
    readers sort (Unicode collation), never by code."""
    parties = Party.objects.all() if parties is None else parties
    return sorted(parties, key=party_sort_key(language_code))


def party_sort_key(language_code: str):
    """Key for sorting Parties (or rows by their Party) by name in the language."""
    return lambda party: collation_key(party.name_in(language_code))


def party_choices(language_code: str | None = None) -> list[tuple[str, str]]:
    """(code, name) of every Party, sorted by name in the language (default: the active
    one): the one helper for Party drop-downs anywhere."""
    language_code = language_code or get_language() or FALLBACK_LANGUAGE
    return [(party.code, party.name_in(language_code)) for party in parties_sorted(language_code)]


def menu_entries(language_code: str) -> list[MenuEntry]:
    """The main menu in a language: the editors' menu for it, else the default menu.

    Links that lead nowhere (an unpublished page, a service whose page does not exist) are
    left out rather than shown broken. Kept in the cache under the page cache's generation,
    which every publish, unpublish, move, delete, view restriction and menu edit bumps:
    finding "the first news index in Arabic" walks the page tree in path order, a cost that
    grew with the size of the site on every uncached page. Only where the cache is shared by
    every process (settings.MENU_CACHE_SECONDS).
    """
    if settings.MENU_CACHE_SECONDS <= 0:
        return _menu_entries_built(language_code)
    key = f"menu:{generation()}:{language_code}"
    entries = cache.get(key)
    if entries is None:
        entries = _menu_entries_built(language_code)
        cache.set(key, entries, settings.MENU_CACHE_SECONDS)
    return entries


def _menu_entries_built(language_code: str) -> list[MenuEntry]:
    menu = NavigationMenu.objects.filter(locale__language_code=language_code).first()
    if menu is None:
        return default_menu(language_code)
    entries = []
    for block in menu.items:
        if block.block_type == "group":
            children = [_link_entry(child, language_code) for child in block.value["links"]]
            children = [child for child in children if child is not None]
            if children:
                entries.append(MenuEntry(block.value["label"], children=children))
        elif entry := _link_entry(block, language_code):
            entries.append(entry)
    return entries


def _link_entry(block, language_code: str) -> MenuEntry | None:
    value = block.value
    if block.block_type == "service":
        return service_entry(value["service"], language_code, value["label"])
    if block.block_type == "page":
        page = value["page"]
        if page is None:
            return None
        locale = Locale.objects.filter(language_code=language_code).first()
        translated = page.get_translation_or_none(locale) if locale else None
        page = translated if translated is not None and translated.live else page
        if not page.live:
            return None
        return MenuEntry(value["label"] or page.title, page.url)
    return MenuEntry(value["label"], value["url"])
