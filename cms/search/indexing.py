"""Writes of the site-search index: what each object is found by, kept up to date.

Apps describe their searchable things through a *provider* (`search_provider_register`):
a prefix, a function building the documents of one group (every language version of one
page, or of one notification) and a function listing every group for a rebuild. Changes are
indexed when their transaction commits, each group once, whatever the number of saves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils.html import strip_tags

from cms.models import SearchDocument, SearchTerm
from cms.on_commit import OnCommitBatch
from cms.search import analysis

SUMMARY_LENGTH = 300
TITLE_WEIGHT = 3
EXACT_WEIGHT = 5


@dataclass
class DocumentData:
    key: str
    language: str
    kind: str
    title: str
    url: str
    summary: str = ""
    date: date | None = None
    texts: list[tuple[str, int]] = field(default_factory=list)  # (text, weight)


@dataclass(frozen=True)
class Provider:
    build: Callable[[str], list[DocumentData]]
    identifiers: Callable[[], Iterable[str]]


PROVIDERS: dict[str, Provider] = {}


def search_provider_register(
    prefix: str,
    build: Callable[[str], list[DocumentData]],
    identifiers: Callable[[], Iterable[str]],
) -> None:
    PROVIDERS[prefix] = Provider(build, identifiers)


def plain_text(html: str) -> str:
    """Text of an HTML fragment, blocks kept apart (strip_tags glues paragraphs)."""
    return " ".join(strip_tags(html.replace("<", " <")).split())


def summary_of(text: str) -> str:
    text = plain_text(text)
    return (
        text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    )


def _terms(document: DocumentData) -> dict[str, int]:
    weights: dict[str, int] = {}
    for text, weight in [(document.title, TITLE_WEIGHT), *document.texts]:
        for term in analysis.index_terms(text, document.language):
            weights[term] = max(weights.get(term, 0), weight)
        for term in analysis.exact_terms(text):
            weights[term] = EXACT_WEIGHT
    return weights


@transaction.atomic
def search_group_update(group: str) -> int:
    """Index one group afresh (or drop it when nothing of it is public); returns documents."""
    prefix, _sep, identifier = group.partition(":")
    provider = PROVIDERS.get(prefix)
    documents = provider.build(identifier) if provider else []
    SearchDocument.objects.filter(group=group).delete()
    for data in documents:
        document = SearchDocument.objects.create(
            key=data.key,
            group=group,
            language=data.language,
            kind=data.kind,
            title=data.title[:500],
            summary=data.summary,
            url=data.url[:500],
            date=data.date,
        )
        SearchTerm.objects.bulk_create(
            SearchTerm(document=document, term=term, weight=weight)
            for term, weight in _terms(data).items()
        )
    return len(documents)


class PendingSearchGroups(OnCommitBatch):
    """The groups to index when the current transaction commits (cms/on_commit.py).

    Collected in the transaction's own callbacks, so a rollback drops them. (A thread-local
    set did not: after one rolled-back transaction it stayed behind, and that thread never
    indexed anything again.)
    """

    @property
    def groups(self) -> set[str]:
        return set(self.items)

    def handle(self, items: list[str]) -> None:
        for group in sorted(items):
            search_group_update(group)


def search_group_update_on_commit(group: str) -> None:
    """Index the group once the current transaction commits (once, however many saves)."""
    PendingSearchGroups.collect(group, group)


def search_rebuild() -> int:
    """Index everything again (`manage.py search_rebuild`); returns documents."""
    SearchDocument.objects.all().delete()
    return sum(
        search_group_update(f"{prefix}:{identifier}")
        for prefix, provider in PROVIDERS.items()
        for identifier in provider.identifiers()
    )
