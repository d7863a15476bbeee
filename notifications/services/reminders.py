"""Deadline reminders: once per recipient, when the action-required date is near."""

import datetime

from django.conf import settings
from django.utils import timezone

from notifications.mail.compose import message_bytes, sender_address
from notifications.mail.smtp import SmtpSession
from notifications.models import Delivery, Notification, SuppressedAddress
from notifications.services.sending import _MessageCache


def reminders_send(*, today: datetime.date | None = None) -> int:
    """E-mail every reached recipient of notifications due within the configured days.

    At most once per delivery: `reminder_sent_at` is set by a conditional UPDATE before the
    message goes out, so a crash never sends a second reminder.
    """
    today = today or timezone.localdate()
    days = getattr(settings, "NOTIFICATIONS_REMINDER_DAYS", 7)
    deliveries = (
        Delivery.objects.filter(
            notification__status=Notification.Status.ISSUED,
            notification__action_required_by__gte=today,
            notification__action_required_by__lte=today + datetime.timedelta(days=days),
            status__in=[Delivery.Status.SENT, Delivery.Status.DELIVERED],
            reminder_sent_at__isnull=True,
        )
        .select_related("notification", "focal_point")
        .order_by("pk")
    )
    suppressed = set(SuppressedAddress.objects.values_list("email", flat=True))
    cache = _MessageCache(kind="reminder")
    sent = 0
    with SmtpSession() as session:
        for delivery in deliveries:
            if delivery.email.lower() in suppressed:
                continue
            claimed = Delivery.objects.filter(pk=delivery.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=timezone.now()
            )
            if not claimed:
                continue
            prepared = cache.get(delivery.notification, delivery.language or "en")
            answer = session.send(
                sender=sender_address(),
                recipient=delivery.email,
                data=message_bytes(
                    prepared=prepared,
                    name=delivery.focal_point.full_name,
                    address=delivery.email,
                    message_id=delivery.message_id.replace("@", ".reminder@", 1),
                ),
            )
            if answer.accepted:
                sent += 1
    return sent
