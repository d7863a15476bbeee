"""Dispatch: Delivery rows, reconciling stuck ones, resending, and provider events.

Sending itself (claimed in batches, at most once) lives in `sending.py`. A worker killed
while sending leaves its batch `sending`; the reconciler marks the rows that were handed to
SMTP `unconfirmed` (never sent again on their own, the server may well have accepted them)
and puts the rows it never reached back in the queue. Staff can resend the unconfirmed.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone

from cms.queue import enqueue
from notifications import selectors
from notifications.mail.compose import message_id_domain
from notifications.models import Delivery, DeliveryEvent, Notification, SuppressedAddress
from notifications.services.letters import letter_ensure
from notifications.services.sending import deliveries_send

logger = logging.getLogger(__name__)

# Ids per queued task; each task claims them in smaller batches (NOTIFICATIONS_CLAIM_BATCH).
BATCH_SIZE = 200

__all__ = ["BATCH_SIZE", "deliveries_send"]


def deliveries_enqueue(ids: list[int]) -> None:
    """Queue the sending of these deliveries, BATCH_SIZE per task, once the caller commits."""
    for start in range(0, len(ids), BATCH_SIZE):
        enqueue(
            "notifications.tasks.deliveries_send_task",
            ids[start : start + BATCH_SIZE],
            group="notifications",
        )


def notification_dispatch_enqueue(notification_id: int) -> None:
    enqueue(
        "notifications.tasks.notification_dispatch_task", notification_id, group="notifications"
    )


def _setting(name: str, default):
    return getattr(settings, name, default)


def delivery_message_id(notification: Notification, focal_point_id: int) -> str:
    """Stable: the same notification to the same person always carries the same id."""
    return f"<ntf-{notification.number}.fp{focal_point_id}@{message_id_domain()}>"


def deliveries_create(*, notification: Notification) -> list[int]:
    """One queued Delivery per active focal point in the notification's categories.

    Idempotent: the (notification, focal point) pair is unique, existing rows are kept.
    Returns the ids of every delivery of the notification that is still queued.
    """
    focal_points = selectors.focal_points_active_in(notification.categories)
    with transaction.atomic():
        Delivery.objects.bulk_create(
            [
                Delivery(
                    notification=notification,
                    focal_point=focal_point,
                    email=focal_point.primary_email,
                    language=focal_point.preferred_language,
                    message_id=delivery_message_id(notification, focal_point.pk),
                )
                for focal_point in focal_points
            ],
            ignore_conflicts=True,
            batch_size=500,
        )
    return list(
        Delivery.objects.filter(notification=notification, status=Delivery.Status.QUEUED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def notification_dispatch(*, notification: Notification) -> list[int]:
    """Deliveries and letters of an issued notification; returns the ids still to send.

    Idempotent, so a dispatch that runs twice (a reconciled task) creates nothing twice.
    """
    if notification.status != Notification.Status.ISSUED:
        return []
    ids = deliveries_create(notification=notification)
    letters_prepare(notification=notification)
    Notification.objects.filter(pk=notification.pk, dispatched_at__isnull=True).update(
        dispatched_at=timezone.now()
    )
    return ids


def notifications_undispatched(*, now: datetime.datetime | None = None) -> list[int]:
    """Issued notifications whose dispatch task never ran (lost by the broker)."""
    now = now or timezone.now()
    queued_after = datetime.timedelta(seconds=_setting("NOTIFICATIONS_QUEUED_STALE_SECONDS", 600))
    return list(
        Notification.objects.filter(
            status=Notification.Status.ISSUED,
            dispatched_at__isnull=True,
            issued_at__lt=now - queued_after,
        ).values_list("pk", flat=True)
    )


def letters_prepare(*, notification: Notification) -> None:
    """Render the PDF letter of every published language (cached across calls)."""
    for text in selectors.notification_live_texts(notification).values():
        letter_ensure(notification=notification, text=text)


def deliveries_reconcile(*, now: datetime.datetime | None = None) -> dict[str, list[int]]:
    """Find stuck work.

    Rows left `sending` past the threshold by a worker that stopped: those it had handed to
    SMTP (`send_started_at` set) become `unconfirmed` and are never resent automatically;
    those it never reached go back to `queued` (nothing was sent, so sending is safe). Due
    deferred rows, long-queued rows and the released ones are returned to be enqueued.
    """
    now = now or timezone.now()
    stale_after = datetime.timedelta(seconds=_setting("NOTIFICATIONS_SENDING_STALE_SECONDS", 600))
    queued_after = datetime.timedelta(seconds=_setting("NOTIFICATIONS_QUEUED_STALE_SECONDS", 600))
    with transaction.atomic():
        stuck = list(
            Delivery.objects.select_for_update()
            .filter(status=Delivery.Status.SENDING, claimed_at__lt=now - stale_after)
            .values_list("pk", "send_started_at")
        )
        unconfirmed = sorted(pk for pk, started in stuck if started is not None)
        released = sorted(pk for pk, started in stuck if started is None)
        Delivery.objects.filter(pk__in=unconfirmed).update(
            status=Delivery.Status.UNCONFIRMED,
            last_error="worker stopped while sending; not resent automatically",
            updated_at=now,
        )
        # `attempts` was counted at the claim; a row never handed to SMTP gets it back.
        Delivery.objects.filter(pk__in=released).update(
            status=Delivery.Status.QUEUED,
            attempt_token=None,
            attempts=Greatest(F("attempts") - 1, Value(0)),
            updated_at=now,
        )
        DeliveryEvent.objects.bulk_create(
            [
                DeliveryEvent(delivery_id=pk, source="reconciler", event="unconfirmed")
                for pk in unconfirmed
            ]
            + [
                DeliveryEvent(delivery_id=pk, source="reconciler", event="released unsent")
                for pk in released
            ]
        )
    due = list(
        Delivery.objects.filter(
            status=Delivery.Status.DEFERRED, next_attempt_at__lte=now
        ).values_list("pk", flat=True)
    ) + list(
        Delivery.objects.filter(
            status=Delivery.Status.QUEUED, updated_at__lt=now - queued_after
        ).values_list("pk", flat=True)
    )
    return {"unconfirmed": unconfirmed, "released": released, "due": sorted(set(due + released))}


def deliveries_resend(
    *, notification_id: int, user=None, include_unconfirmed: bool = False
) -> list[int]:
    """Queue the failed deliveries of a notification again (staff action).

    Addresses still suppressed are left alone until a person clears them.
    """
    statuses = [Delivery.Status.FAILED, Delivery.Status.BOUNCED]
    if include_unconfirmed:
        statuses.append(Delivery.Status.UNCONFIRMED)
    suppressed = set(SuppressedAddress.objects.values_list("email", flat=True))
    with transaction.atomic():
        rows = [
            d
            for d in Delivery.objects.select_for_update().filter(
                notification_id=notification_id, status__in=statuses
            )
            if d.email.lower() not in suppressed
        ]
        ids = [d.pk for d in rows]
        Delivery.objects.filter(pk__in=ids).update(
            status=Delivery.Status.QUEUED,
            next_attempt_at=None,
            attempts=0,
            updated_at=timezone.now(),
        )
        DeliveryEvent.objects.bulk_create(
            [
                DeliveryEvent(
                    delivery_id=pk,
                    source="staff",
                    event="resend",
                    detail=getattr(user, "username", ""),
                )
                for pk in ids
            ]
        )
    return ids


def suppression_clear(*, email: str, user=None) -> bool:
    """A person clears a suppressed address; the address's deliveries record who and when."""
    email = email.strip().lower()
    with transaction.atomic():
        deleted, _ = SuppressedAddress.objects.filter(email=email).delete()
        if deleted:
            DeliveryEvent.objects.bulk_create(
                DeliveryEvent(
                    delivery_id=pk,
                    source="staff",
                    event="suppression cleared",
                    detail=getattr(user, "username", "") or "",
                )
                for pk in Delivery.objects.filter(email__iexact=email).values_list("pk", flat=True)
            )
    return bool(deleted)


# Provider events (Anymail's normalized event types) -> our states. Events that say
# nothing about the outcome (opened, clicked, queued, deferred by the provider) are
# recorded but change nothing.
_WEBHOOK_STATUS = {
    "delivered": Delivery.Status.DELIVERED,
    "bounced": Delivery.Status.BOUNCED,
    "rejected": Delivery.Status.FAILED,
    "failed": Delivery.Status.FAILED,
}
_SUPPRESSING_EVENTS = {"bounced", "rejected", "complained", "unsubscribed"}
_FINAL = {Delivery.Status.DELIVERED, Delivery.Status.BOUNCED}


def delivery_event_record(*, message_id: str, event_type: str, description: str = "") -> bool:
    """Apply one provider event to the delivery carrying that Message-ID."""
    message_id = (message_id or "").strip()
    if not message_id:
        return False
    if not message_id.startswith("<"):
        message_id = f"<{message_id}>"
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().filter(message_id=message_id).first()
        if delivery is None:
            return False
        DeliveryEvent.objects.create(
            delivery=delivery, source="webhook", event=event_type, detail=description[:2000]
        )
        status = _WEBHOOK_STATUS.get(event_type)
        if status and delivery.status not in _FINAL:
            delivery.status = status
            if status == Delivery.Status.DELIVERED:
                delivery.delivered_at = timezone.now()
            else:
                delivery.last_error = description[:2000]
            delivery.save(update_fields=["status", "delivered_at", "last_error", "updated_at"])
        if event_type in _SUPPRESSING_EVENTS:
            SuppressedAddress.objects.get_or_create(
                email=delivery.email.lower(),
                defaults={"reason": f"{event_type} {description}"[:500]},
            )
    return True
