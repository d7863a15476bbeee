"""Reads of reports, shared by the site, the REST API and OData."""

from datetime import datetime

from django.db.models import Q, QuerySet, TextField
from django.db.models.functions import Cast

from reports.models import Report
from reports.permissions import user_is_secretariat, user_party


def reports_published() -> QuerySet[Report]:
    return (
        Report.objects.filter(status=Report.Status.PUBLISHED)
        .select_related("party")
        .prefetch_related("files")
    )


def reports_search(
    *,
    query: str = "",
    party_code: str = "",
    kind: str = "",
    cycle: int | None = None,
    aichi_target: int | None = None,
    updated_since: datetime | None = None,
) -> QuerySet[Report]:
    """Published reports matching every given criterion, newest document first.

    The text is looked up in titles, summaries and the Party's name in all six languages
    (case-folded, so "BIODIVERSITÉ" finds "biodiversité" on SQLite as on PostgreSQL).
    """
    reports = reports_published()
    for word in query.casefold().split()[:10]:
        reports = reports.filter(search_text__contains=word)
    if party_code:
        reports = reports.filter(party__code=party_code.upper())
    if kind:
        reports = reports.filter(kind=kind)
    if cycle:
        reports = reports.filter(cycle=cycle)
    if aichi_target:
        # A JSON list of integers (`[1, 5, 12]` as text on both databases): the number
        # stands between non-digits. JSON containment is not available on SQLite.
        reports = reports.annotate(targets_text=Cast("aichi_targets", TextField())).filter(
            targets_text__regex=rf"(^|[^0-9]){int(aichi_target)}([^0-9]|$)"
        )
    if updated_since is not None:
        reports = reports.filter(updated_at__gt=updated_since)
    return reports.order_by("-document_date", "-pk")


def reports_visible_to(user) -> QuerySet[Report]:
    """What a user may open: published reports, their Party's own, everything for staff."""
    if user_is_secretariat(user):
        return Report.objects.select_related("party")
    party = user_party(user)
    visible = Q(status=Report.Status.PUBLISHED)
    if party is not None:
        visible |= Q(party=party)
    return Report.objects.filter(visible).select_related("party")


def reports_of_party(party) -> QuerySet[Report]:
    """A Party's own reports in every state, last changed first (its national authorized
    users' list)."""
    return (
        Report.objects.filter(party=party)
        .select_related("party")
        .prefetch_related("files")
        .order_by("-updated_at", "-pk")
    )
