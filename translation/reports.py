"""The status report: each page × each language, one state per cell."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from translation import selectors
from translation.models import SegmentReview

STATES = {
    "missing": _("Missing"),
    "machine": _("Machine"),
    "partly": _("Partly reviewed"),
    "reviewed": _("Reviewed"),
    "stale": _("Stale"),
    "published": _("Published"),
}


@dataclass
class Cell:
    state: str
    reviewed: int = 0
    total: int = 0
    page: Page | None = None

    @property
    def label(self) -> str:
        return str(STATES[self.state])


def cell_for(page: Page, source: TranslationSource | None, locale: Locale) -> Cell:
    target = page.get_translation_or_none(locale)
    if target is None:
        return Cell("missing")
    if source is None:
        # Translated by people outside the workflow.
        return Cell("published" if target.live else "reviewed", page=target)
    progress = selectors.progress_for(source, locale)
    cell = Cell("machine", progress.reviewed, progress.total, target)
    if progress.counts.get(SegmentReview.State.STALE) or progress.counts.get("missing"):
        cell.state = "stale"
    elif progress.complete:
        cell.state = (
            "published" if target.live and not target.has_unpublished_changes else "reviewed"
        )
    elif progress.reviewed:
        cell.state = "partly"
    return cell


def status_matrix(
    *, pages: QuerySet[Page], locales: list[Locale], state: str | None = None
) -> list[tuple[Page, list[Cell]]]:
    rows = []
    for page in pages:
        source = TranslationSource.objects.filter(
            object_id=page.translation_key, locale_id=page.locale_id
        ).first()
        cells = [cell_for(page, source, locale) for locale in locales]
        if state and not any(c.state == state for c in cells):
            continue
        rows.append((page, cells))
    return rows
