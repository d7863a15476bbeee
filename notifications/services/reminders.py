"""Deadline reminders, set per notification: before which dates ("action required by",
"deadline" or both), how many days before, and for which focal-point categories.

A recipient is reminded at most once per due date (a `Reminder` row, unique per delivery
and date, is written before the message goes out, so a crash never sends twice). No
reminder goes to a focal point whose Party has already responded (recorded as skipped, so
staff see why), nor to anyone sent the notification or a reminder less than
`NOTIFICATIONS_REMINDER_MIN_INTERVAL_DAYS` ago (they are reminded on a later run if the
date is still ahead: a notification issued inside the window is not followed by its
reminder minutes later).
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from notifications.mail.compose import message_bytes, sender_address
from notifications.mail.smtp import SmtpSession
from notifications.models import (
    Delivery,
    Notification,
    Reminder,
    Response,
    SuppressedAddress,
)
from notifications.services.sending import _MessageCache

LONGEST_LEAD_DAYS = 90


def reminder_due_dates(notification: Notification, today: datetime.date) -> list[datetime.date]:
    """The notification's chosen dates whose reminder window contains `today` (a date
    chosen twice, when both fields hold it, counts once)."""
    lead = datetime.timedelta(days=notification.reminder_days_before)
    dates = {getattr(notification, field) for field in notification.reminder_dates}
    return sorted(d for d in dates if d is not None and d - lead <= today <= d)


def _min_interval() -> datetime.timedelta:
    return datetime.timedelta(days=settings.NOTIFICATIONS_REMINDER_MIN_INTERVAL_DAYS)


def reminders_send(*, today: datetime.date | None = None) -> int:
    """Send the reminders due today; returns how many SMTP accepted."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=LONGEST_LEAD_DAYS)
    notifications = Notification.objects.filter(status=Notification.Status.ISSUED).filter(
        Q(action_required_by__range=(today, horizon)) | Q(deadline__range=(today, horizon))
    )
    suppressed = set(SuppressedAddress.objects.values_list("email", flat=True))
    cache = _MessageCache(kind="reminder")
    sent = 0
    with SmtpSession() as session:
        for notification in notifications:
            for due_date in reminder_due_dates(notification, today):
                sent += _remind(notification, due_date, session, cache, suppressed)
    return sent


def _remind(notification, due_date, session, cache, suppressed: set[str]) -> int:
    responded = set(
        Response.objects.filter(notification=notification, party__isnull=False).values_list(
            "party_id", flat=True
        )
    )
    categories = set(notification.reminder_categories)
    recently = timezone.now() - _min_interval()
    deliveries = (
        notification.deliveries.filter(
            # one reminder per person, not one per message (a translation that followed)
            kind=Delivery.Kind.NOTIFICATION,
            status__in=[Delivery.Status.SENT, Delivery.Status.DELIVERED],
        )
        .exclude(reminders__due_date=due_date)
        .select_related("focal_point")
        .order_by("pk")
    )
    sent = 0
    for delivery in deliveries:
        if categories and not categories & set(delivery.focal_point.categories):
            continue
        if delivery.focal_point.party_id in responded:
            _claim(delivery, due_date, Reminder.Status.SKIPPED_RESPONDED)
            continue
        if delivery.email.lower() in suppressed:
            continue
        last_contact = max(
            filter(None, [delivery.sent_at, delivery.reminder_sent_at]), default=None
        )
        if last_contact is not None and last_contact > recently:
            continue  # notified or reminded recently: a later run reminds them
        reminder = _claim(delivery, due_date, Reminder.Status.SENDING)
        if reminder is None:
            continue
        prepared = cache.get(notification, delivery.language or "en", due_date)
        answer = session.send(
            sender=sender_address(),
            recipient=delivery.email,
            data=message_bytes(
                prepared=prepared,
                name=delivery.focal_point.full_name,
                address=delivery.email,
                message_id=delivery.message_id.replace("@", f".reminder-{due_date:%Y%m%d}@", 1),
            ),
        )
        reminder.status = Reminder.Status.SENT if answer.accepted else Reminder.Status.FAILED
        reminder.smtp_code = answer.code
        reminder.save(update_fields=["status", "smtp_code"])
        sent += bool(answer.accepted)
    return sent


def _claim(delivery: Delivery, due_date: datetime.date, status: str) -> Reminder | None:
    """Write the delivery's reminder row for the date; None when another run has it."""
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(delivery=delivery, due_date=due_date, status=status)
            if status == Reminder.Status.SENDING:
                Delivery.objects.filter(pk=delivery.pk).update(reminder_sent_at=timezone.now())
    except IntegrityError:
        return None
    return reminder
