"""The public focal point directory: only what each focal point agreed to publish."""

from datetime import datetime

from django.db.models import Max

from notifications.models import FocalPoint
from notifications.selectors import focal_points_public


def focal_point_public_data(focal_point: FocalPoint, updated: datetime | None) -> dict:
    """The published fields. E-mail, phone and address appear only with consent."""
    return {
        "id": focal_point.pk,
        "party": focal_point.party.code,
        "categories": list(focal_point.categories),
        "title": focal_point.title,
        "first_name": focal_point.first_name,
        "last_name": focal_point.last_name,
        "organisation": focal_point.organisation,
        "department": focal_point.department,
        "designation": focal_point.designation,
        "websites": list(focal_point.websites or []),
        "emails": list(focal_point.emails) if focal_point.publish_email else [],
        "phones": list(focal_point.phones or []) if focal_point.publish_phone else [],
        "address": focal_point.address if focal_point.publish_address else "",
        "preferred_language": focal_point.preferred_language,
        "updated": updated,
    }


def directory_entries(*, party_code: str = "", category: str = "") -> list[dict]:
    """Active focal points, by Party then name, as public records."""
    focal_points = focal_points_public(party_code=party_code, category=category)
    changed = dict(
        FocalPoint.objects.filter(pk__in=[fp.pk for fp in focal_points])
        .annotate(last_change=Max("changes__at"))
        .values_list("pk", "last_change")
    )
    entries = []
    for focal_point in focal_points:
        moments = [changed.get(focal_point.pk), focal_point.activated_at]
        moments = [moment for moment in moments if moment is not None]
        entries.append(focal_point_public_data(focal_point, max(moments) if moments else None))
    entries.sort(key=lambda entry: (entry["party"], entry["last_name"], entry["first_name"]))
    return entries
