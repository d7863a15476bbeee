"""Reads of the site-search index: results in the visitor's language, English standing in
(and marked as such) for what has no version in that language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.apps import apps
from django.db.models import F, FilteredRelation, Q, Sum
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


def _with_term(term: str) -> Q:
    return Q(pk__in=SearchTerm.objects.filter(term=term).values("document_id"))


def _matching(items: list[list[list[str]]]) -> Q:
    """Documents holding every item, an item being any of its alternatives (each a list of
    terms, all required). One condition of sub-queries: the matching ids never leave the
    database (on a big site a common word is on thousands of documents)."""
    condition = Q()
    for alternatives in items:
        if not alternatives:
            return Q(pk__in=[])  # an item nothing can match
        either = Q()
        for terms in alternatives:
            every = Q()
            for term in terms:
                every &= _with_term(term)
            either |= every
        condition &= either
    return condition


def site_search(query: str, language: str) -> list[SearchHit]:
    """Documents holding every word of the query, best first (title and exact-symbol matches
    weigh more), then newest."""
    hits: list[SearchHit] = []
    languages = [language] + ([FALLBACK_LANGUAGE] if language != FALLBACK_LANGUAGE else [])
    for current in languages:
        items = analysis.query_terms(query, current)
        if not items:
            continue
        documents = SearchDocument.objects.filter(_matching(items), language=current)
        fallback = current != language
        if fallback:
            translated = SearchDocument.objects.filter(language=language).values("group")
            documents = documents.exclude(group__in=translated)
        terms = {term for alternatives in items for terms in alternatives for term in terms}
        # Ranked in the database before the cut: on a big site a common word matches more
        # than MAX_RESULTS documents, and cutting first kept arbitrary ones, not the best.
        # The query's terms are in the join itself (the (document, term) index finds them),
        # not in the sum's filter, which joined every term of every matching document first.
        ranked = documents.annotate(
            matched=FilteredRelation("terms", condition=Q(terms__term__in=terms)),
            score=Coalesce(Sum("matched__weight"), 0),
        ).order_by("-score", F("date").desc(nulls_last=True), "pk")
        hits += [SearchHit(document, document.score, fallback) for document in ranked[:MAX_RESULTS]]
    hits.sort(
        key=lambda hit: (hit.fallback, -hit.score, -(hit.document.date or date.min).toordinal())
    )
    return hits
