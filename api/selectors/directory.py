"""The public focal point directory: only what each focal point agreed to publish."""

from datetime import datetime

from django.db.models import F, QuerySet

from notifications.models import FocalPoint


def focal_point_public_data(focal_point: FocalPoint, updated: datetime | None) -> dict:
    """The published fields. E-mail, phone and address appear only with consent."""
    public = focal_point.public_values()
    return {
        "id": focal_point.pk,
        **public,
        "party": focal_point.party.code,
        "categories": list(public["categories"]),
        "websites": list(public["websites"] or []),
        "emails": list(public["emails"]),
        "phones": list(public["phones"] or []),
        "updated": updated,
    }


def focal_points_directory() -> QuerySet[FocalPoint]:
    """Active focal points annotated with `updated`: their last recorded change or their
    activation, whichever is later (`FocalPoint.updated_at`, an indexed column, so filters
    and orderings on it do not compute anything per row)."""
    return (
        FocalPoint.objects.filter(status=FocalPoint.Status.ACTIVE)
        .select_related("party")
        .annotate(updated=F("updated_at"))
    )


def directory_entries(*, party_code: str = "", category: str = "") -> list[dict]:
    """Active focal points, by Party then name, as public records."""
    focal_points = focal_points_directory().order_by("party__code", "last_name", "first_name")
    if party_code:
        focal_points = focal_points.filter(party__code=party_code.upper())
    return [
        focal_point_public_data(focal_point, focal_point.updated)
        for focal_point in focal_points
        if not category or category in focal_point.categories
    ]
