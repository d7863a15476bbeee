"""Reads of the knowledge base: help articles in the visitor's language, with the English
article standing in (and marked as such) where no translation is live yet."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from wagtail.models import Locale

from helpdesk.models import HelpArticlePage, HelpIndexPage

WORD = re.compile(r"\w{3,}", re.UNICODE)
MAX_SUGGESTIONS = 5


@dataclass(frozen=True)
class HelpArticle:
    """An article as shown to a visitor; `fallback` is True when it is the English
    article shown because the visitor's language has no live translation of it."""

    page: HelpArticlePage
    fallback: bool

    @property
    def language(self) -> str:
        return self.page.locale.language_code


def _fallback_language() -> str:
    return settings.LANGUAGE_CODE


def help_articles(language: str, among: HelpIndexPage | None = None) -> list[HelpArticle]:
    """Live, public articles in `language`, plus the English ones not translated into it.

    `among` limits the list to the articles of one help section (in any language)."""
    articles = HelpArticlePage.objects.live().public().select_related("locale")
    if among is not None:
        sections = HelpIndexPage.objects.filter(translation_key=among.translation_key)
        in_sections = Q(pk__in=[])
        for section in sections:
            in_sections |= Q(path__startswith=section.path, depth=section.depth + 1)
        articles = articles.filter(in_sections)
    own = [a for a in articles if a.locale.language_code == language]
    shown = [HelpArticle(a, fallback=False) for a in own]
    if language != _fallback_language():
        translated = {a.translation_key for a in own}
        shown += [
            HelpArticle(a, fallback=True)
            for a in articles
            if a.locale.language_code == _fallback_language()
            and a.translation_key not in translated
        ]
    return sorted(shown, key=lambda item: (item.fallback, item.page.title.lower()))


def article_suggestions(query: str, language: str) -> list[HelpArticle]:
    """The articles that best match what the requester typed: each query word found in the
    title counts 3, in the keywords 2, in the summary 1; a translation ranks before an
    English stand-in with the same score. (A few dozen articles: done in Python.)"""
    words = {word.lower() for word in WORD.findall(query or "")}
    if not words or not Locale.objects.filter(language_code=language).exists():
        return []
    scored = []
    for item in help_articles(language):
        page = item.page
        title, keywords, intro = page.title.lower(), page.keywords.lower(), page.intro.lower()
        score = sum(3 * (w in title) + 2 * (w in keywords) + (w in intro) for w in words)
        if score:
            scored.append((-score, item.fallback, title, item))
    scored.sort(key=lambda row: row[:3])
    return [row[3] for row in scored[:MAX_SUGGESTIONS]]
