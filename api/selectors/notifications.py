"""Public notifications as the API sees them (through the notifications app's selectors)."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, QuerySet

from notifications.models import Notification, NotificationText
from notifications.selectors import notification_public_get, notifications_search


@dataclass(frozen=True)
class NotificationView:
    notification: Notification
    texts: dict[str, NotificationText]  # published texts by language
    updated: datetime | None


def _updated(notification: Notification, texts: dict[str, NotificationText]) -> datetime | None:
    """Last public change: issued, withdrawn, or a language (re)published."""
    moments = [notification.issued_at, notification.withdrawn_at]
    moments += [text.last_published_at for text in texts.values()]
    moments = [moment for moment in moments if moment is not None]
    return max(moments) if moments else None


def _live_texts() -> Prefetch:
    return Prefetch(
        "texts",
        queryset=NotificationText.objects.filter(live=True).select_related("locale"),
        to_attr="live_texts",
    )


def notifications_filtered(
    *,
    year: int | None = None,
    subject: str | None = None,
    text: str | None = None,
    updated_since: datetime | None = None,
) -> QuerySet:
    """Issued (and withdrawn) notifications, newest first, filtered as the site filters
    them (notifications.selectors.notifications_search), with what the API shows."""
    return notifications_search(
        year=year, subject=subject, text=text, updated_since=updated_since
    ).prefetch_related(_live_texts(), "subjects", "letters")


def notification_views(notifications) -> list[NotificationView]:
    views = []
    for notification in notifications:
        texts = {text.locale.language_code: text for text in notification.live_texts}
        views.append(NotificationView(notification, texts, _updated(notification, texts)))
    return views


def notification_view_get(number: str) -> NotificationView | None:
    notification = notification_public_get(number[:20])
    if notification is None:
        return None
    notification = (
        Notification.objects.filter(pk=notification.pk)
        .prefetch_related(_live_texts(), "subjects", "letters", "attachments")
        .get()
    )
    return notification_views([notification])[0]
