"""Reads of the site-search index: results in the visitor's language, English standing in
(and marked as such) for what has no version in that language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.apps import apps
from django.db.models import F, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext

from cms.models import SearchDocument, SearchTerm
from cms.search import analysis

FALLBACK_LANGUAGE = "en"
MAX_RESULTS = 500


@dataclass(frozen=True)
class SearchHit:
    document: SearchDocument
    score: int
    fallback: bool  # an English version shown because the visitor's language has none

    @property
    def kind_label(self) -> str:
        if self.document.kind == "notification":
            return gettext("Notification")
        try:
            return str(apps.get_model(self.document.kind)._meta.verbose_name)
        except (LookupError, ValueError):
            return ""


def _documents_with(term: str, language: str) -> set[int]:
    return set(
        SearchTerm.objects.filter(term=term, document__language=language).values_list(
            "document_id", flat=True
        )
    )


def _matching(items: list[list[list[str]]], language: str) -> set[int]:
    found: set[int] | None = None
    for alternatives in items:
        matched: set[int] = set()
        for terms in alternatives:
            documents = _documents_with(terms[0], language)
            for term in terms[1:]:
                documents &= _documents_with(term, language)
            matched |= documents
        found = matched if found is None else found & matched
        if not found:
            return set()
    return found or set()


def site_search(query: str, language: str) -> list[SearchHit]:
    """Documents holding every word of the query, best first (title and exact-symbol matches
    weigh more), then newest."""
    hits: list[SearchHit] = []
    languages = [language] + ([FALLBACK_LANGUAGE] if language != FALLBACK_LANGUAGE else [])
    for current in languages:
        items = analysis.query_terms(query, current)
        if not items:
            continue
        ids = _matching(items, current)
        if not ids:
            continue
        documents = SearchDocument.objects.filter(pk__in=ids)
        fallback = current != language
        if fallback:
            translated = SearchDocument.objects.filter(language=language).values("group")
            documents = documents.exclude(group__in=translated)
        terms = {term for alternatives in items for terms in alternatives for term in terms}
        # Ranked in the database before the cut: on a big site a common word matches more
        # than MAX_RESULTS documents, and cutting first kept arbitrary ones, not the best.
        ranked = documents.annotate(
            score=Coalesce(Sum("terms__weight", filter=Q(terms__term__in=terms)), 0)
        ).order_by("-score", F("date").desc(nulls_last=True), "pk")
        hits += [SearchHit(document, document.score, fallback) for document in ranked[:MAX_RESULTS]]
    hits.sort(
        key=lambda hit: (hit.fallback, -hit.score, -(hit.document.date or date.min).toordinal())
    )
    return hits
