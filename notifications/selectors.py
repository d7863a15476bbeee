"""Reads of the notifications app."""

import datetime
from collections import defaultdict

from django.db.models import Count, Q, QuerySet

from notifications.models import (
    Delivery,
    FocalPoint,
    Notification,
    NotificationText,
    Response,
)


def focal_points_active_in(categories: list[str]) -> list[FocalPoint]:
    """Active focal points holding any of the categories and having an e-mail address.

    Categories are a JSON list, filtered here in Python so SQLite and PostgreSQL agree.
    """
    wanted = set(categories)
    return [
        focal_point
        for focal_point in FocalPoint.objects.filter(status=FocalPoint.Status.ACTIVE).order_by("pk")
        if wanted.intersection(focal_point.categories) and focal_point.emails
    ]


def focal_point_history(focal_point: FocalPoint, limit: int = 50) -> list:
    """The audit trail of one focal point, newest first, with who did it."""
    return list(focal_point.changes.select_related("user").order_by("-at", "-pk")[:limit])


def focal_point_next_actions(focal_point: FocalPoint) -> list[str]:
    """What the Secretariat can do next: verify a nomination, activate a verified one, retire."""
    status = focal_point.status
    actions = {
        FocalPoint.Status.NOMINATED: ["verify", "retire"],
        FocalPoint.Status.VERIFIED: ["activate", "retire"],
        FocalPoint.Status.ACTIVE: ["retire"],
    }
    return actions.get(status, [])


def focal_points_public(*, party_code: str = "", category: str = "") -> list[FocalPoint]:
    focal_points = FocalPoint.objects.filter(status=FocalPoint.Status.ACTIVE).select_related(
        "party"
    )
    if party_code:
        focal_points = focal_points.filter(party__code=party_code.upper())
    return [fp for fp in focal_points if not category or category in fp.categories]


def notification_live_texts(notification: Notification) -> dict[str, NotificationText]:
    """Published texts by language code."""
    return {
        text.locale.language_code: text
        for text in notification.texts.filter(live=True).select_related("locale")
    }


def text_for_language(texts: dict[str, NotificationText], language: str) -> NotificationText:
    """The recipient's language if published, else English, else whatever exists."""
    return texts.get(language) or texts.get("en") or next(iter(texts.values()))


def notifications_public() -> QuerySet[Notification]:
    return Notification.objects.filter(
        status__in=[Notification.Status.ISSUED, Notification.Status.WITHDRAWN]
    ).order_by("-issue_date", "-year", "-sequence")


def notifications_with_text(notifications, language: str) -> list[Notification]:
    """Attach `.text`: the published text in `language`, or English, with `.fallback`."""
    items = list(notifications)
    texts: dict[int, dict] = {}
    for n in items:
        texts[n.pk] = {}
    for text in NotificationText.objects.filter(notification__in=items, live=True).select_related(
        "locale"
    ):
        texts[text.notification_id][text.locale.language_code] = text
    for n in items:
        available = texts[n.pk]
        n.text = available and text_for_language(available, language)
        n.fallback = bool(n.text) and n.text.locale.language_code != language
        n.languages = sorted(available)
    return items


def notification_public_get(number: str) -> Notification | None:
    return notifications_public().filter(number=number.strip().upper()).first()


def notification_delivery_counts(notification: Notification) -> dict[str, int]:
    counts = {status: 0 for status in Delivery.Status.values}
    for row in (
        Delivery.objects.filter(notification=notification).values("status").annotate(n=Count("pk"))
    ):
        counts[row["status"]] = row["n"]
    counts["total"] = sum(counts.values())
    return counts


def responses_grouped(notification: Notification) -> list[tuple[str, list[Response]]]:
    groups: dict[str, list[Response]] = defaultdict(list)
    for response in notification.responses.select_related("party").prefetch_related("files"):
        groups[response.respondent_type].append(response)
    return [
        (label, groups[value]) for value, label in Response.RespondentType.choices if groups[value]
    ]


def deliveries_due(now) -> QuerySet[Delivery]:
    return Delivery.objects.filter(
        Q(status=Delivery.Status.DEFERRED, next_attempt_at__lte=now)
        | Q(status=Delivery.Status.QUEUED)
    )


def notification_reminder_dates(notification: Notification) -> list[tuple[str, datetime.date]]:
    """The (label, date) pairs the notification's reminders are set for, dates known only."""
    labels = {
        "action_required_by": Notification._meta.get_field("action_required_by").verbose_name,
        "deadline": Notification._meta.get_field("deadline").verbose_name,
    }
    return [
        (str(labels[field]).capitalize(), getattr(notification, field))
        for field in notification.reminder_dates
        if field in labels and getattr(notification, field) is not None
    ]
