"""The life of a notification: approve, issue (numbering), withdraw."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from notifications.models import Notification, NotificationCounter
from notifications.services.dispatch import notification_dispatch_enqueue
from notifications.services.errors import NotificationsError


def notification_number_normalise(value: str) -> str:
    """`" 2014-107 "` and `"2014-107"` name the same notification."""
    return (value or "").strip().upper()


def notification_approve(*, notification_id: int, user=None) -> Notification:
    with transaction.atomic():
        notification = Notification.objects.select_for_update().get(pk=notification_id)
        if notification.status != Notification.Status.DRAFT:
            raise NotificationsError(_("Only a draft notification can be approved."))
        if not notification.texts.filter(live=True).exists():
            raise NotificationsError(_("The notification has no published text yet."))
        notification.status = Notification.Status.APPROVED
        notification.approved_at = timezone.now()
        notification.approved_by = user
        notification.save(update_fields=["status", "approved_at", "approved_by"])
    return notification


def notification_issue(
    *,
    notification_id: int,
    user=None,
    issue_date: datetime.date | None = None,
    dispatch: bool = True,
) -> Notification:
    """Give the approved notification the next number of its issue year and issue it.

    Invariants: numbers are `YYYY-NNN`, gap-free per year and never reused. The year's
    counter row is locked (SELECT … FOR UPDATE) inside the same transaction that writes the
    number, so concurrent issuers queue on that row and a rolled-back issue gives its number
    back. On SQLite the whole write transaction is serialized (IMMEDIATE mode).
    Dispatch is enqueued only once the transaction has committed.
    """
    with transaction.atomic():
        notification = Notification.objects.select_for_update().get(pk=notification_id)
        if notification.status in (Notification.Status.ISSUED, Notification.Status.WITHDRAWN):
            raise NotificationsError(
                _("Notification %(number)s has already been issued.")
                % {"number": notification.number}
            )
        if notification.status != Notification.Status.APPROVED:
            raise NotificationsError(_("Only an approved notification can be issued."))
        issue_date = issue_date or timezone.localdate()
        year = issue_date.year
        # The counter row may not exist yet: create it without racing (a concurrent insert
        # is ignored), then lock it.
        NotificationCounter.objects.bulk_create(
            [NotificationCounter(year=year, last_sequence=0)], ignore_conflicts=True
        )
        counter = NotificationCounter.objects.select_for_update().get(year=year)
        counter.last_sequence += 1
        counter.save(update_fields=["last_sequence"])

        notification.year = year
        notification.sequence = counter.last_sequence
        notification.number = f"{year}-{counter.last_sequence:03d}"
        notification.issue_date = issue_date
        notification.status = Notification.Status.ISSUED
        notification.issued_at = timezone.now()
        notification.issued_by = user
        if not notification.slug:
            notification.slug = _default_slug(notification)
        notification.save()
        if dispatch:
            notification_dispatch_enqueue(notification.pk)
    return notification


def _default_slug(notification: Notification) -> str:
    text = (
        notification.texts.filter(locale__language_code="en").first()
        or notification.texts.order_by("pk").first()
    )
    slug = slugify(text.title)[:60].strip("-") if text else ""
    return slug or "notification"


def notification_withdraw(*, notification_id: int, user=None, reason: str = "") -> Notification:
    """Withdraw an issued notification. It stays public, shown as withdrawn; its number
    stays taken."""
    with transaction.atomic():
        notification = Notification.objects.select_for_update().get(pk=notification_id)
        if notification.status != Notification.Status.ISSUED:
            raise NotificationsError(_("Only an issued notification can be withdrawn."))
        notification.status = Notification.Status.WITHDRAWN
        notification.withdrawn_at = timezone.now()
        notification.withdrawn_by = user
        notification.withdrawal_reason = reason
        notification.save(
            update_fields=["status", "withdrawn_at", "withdrawn_by", "withdrawal_reason"]
        )
    return notification
