"""Dispatch: Delivery rows, sending one message per recipient, and what comes back.

Sending is **at most once** per attempt: a row is claimed (`sending`, a fresh token) in
its own commit before SMTP is spoken, and the answer is recorded afterwards only if the
token still matches. A worker killed between the two leaves the row `sending`; the
reconciler then marks it `unconfirmed` and never sends it again on its own, because the
server may well have accepted it. Staff can resend those explicitly.
"""

import datetime
import logging
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from notifications import selectors
from notifications.mail.compose import (
    PreparedMessage,
    message_bytes,
    message_id_domain,
    message_prepare,
    sender_address,
)
from notifications.mail.smtp import SmtpAnswer, SmtpSession
from notifications.models import Delivery, DeliveryEvent, Notification, SuppressedAddress
from notifications.services.letters import letter_ensure

logger = logging.getLogger(__name__)

BATCH_SIZE = 200


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


def letters_prepare(*, notification: Notification) -> None:
    """Render the PDF letter of every published language (cached across calls)."""
    for text in selectors.notification_live_texts(notification).values():
        letter_ensure(notification=notification, text=text)


@dataclass
class _MessageCache:
    """Prepared messages per (notification, language) for one batch."""

    kind: str = "notification"
    texts: dict[int, dict] = field(default_factory=dict)
    prepared: dict[tuple[int, str], PreparedMessage] = field(default_factory=dict)

    def get(self, notification: Notification, language: str) -> PreparedMessage:
        texts = self.texts.get(notification.pk)
        if texts is None:
            texts = self.texts[notification.pk] = selectors.notification_live_texts(notification)
        text = selectors.text_for_language(texts, language)
        key = (notification.pk, text.locale.language_code)
        if key not in self.prepared:
            letter = (
                letter_ensure(notification=notification, text=text)
                if self.kind == "notification"
                else None
            )
            self.prepared[key] = message_prepare(
                notification=notification, text=text, letter=letter, kind=self.kind
            )
        return self.prepared[key]


def _backoff(attempts: int) -> datetime.timedelta:
    base = _setting("NOTIFICATIONS_RETRY_BASE_SECONDS", 300)
    return datetime.timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), 24 * 3600))


def _record(delivery: Delivery, token: uuid.UUID, answer: SmtpAnswer) -> str:
    now = timezone.now()
    max_attempts = _setting("NOTIFICATIONS_MAX_ATTEMPTS", 6)
    values: dict = {"smtp_code": answer.code, "updated_at": now}
    event = None
    if answer.accepted:
        values.update(status=Delivery.Status.SENT, sent_at=now, last_error="")
    elif answer.permanent:
        values.update(status=Delivery.Status.FAILED, last_error=answer.text)
        event = "failed"
    elif delivery.attempts + 1 >= max_attempts:
        values.update(status=Delivery.Status.FAILED, last_error=answer.text)
        event = "gave up"
    else:
        values.update(
            status=Delivery.Status.DEFERRED,
            last_error=answer.text,
            next_attempt_at=now + _backoff(delivery.attempts + 1),
        )
        event = "deferred"
    with transaction.atomic():
        updated = Delivery.objects.filter(
            pk=delivery.pk, status=Delivery.Status.SENDING, attempt_token=token
        ).update(**values)
        if updated and event:
            DeliveryEvent.objects.create(
                delivery_id=delivery.pk,
                source="smtp",
                event=event,
                detail=f"{answer.code or ''} {answer.text}".strip(),
            )
        if updated and answer.permanent:
            SuppressedAddress.objects.get_or_create(
                email=delivery.email.lower(),
                defaults={"reason": f"{answer.code} {answer.text}"[:500]},
            )
    return values["status"]


def deliveries_send(*, delivery_ids: list[int], kind: str = "notification") -> dict[str, int]:
    """Send the due deliveries among `delivery_ids` over one SMTP connection.

    Safe to run twice at once or again after a crash: a row is sent only by the worker
    whose conditional UPDATE claimed it.
    """
    now = timezone.now()
    outcome: dict[str, int] = {}
    deliveries = list(
        selectors.deliveries_due(now)
        .filter(pk__in=delivery_ids)
        .select_related("notification", "focal_point")
        .order_by("pk")
    )
    if not deliveries:
        return outcome
    suppressed = set(
        SuppressedAddress.objects.filter(
            email__in={d.email.lower() for d in deliveries}
        ).values_list("email", flat=True)
    )
    cache = _MessageCache(kind=kind)
    sender = sender_address()
    session = SmtpSession()
    # The answer for one recipient is recorded in the same commit that claims the next
    # one: one commit per message instead of two. A crash in between leaves that row
    # `sending`, exactly as a crash right after SMTP would.
    unrecorded: tuple[Delivery, uuid.UUID, SmtpAnswer] | None = None

    def count(status: str) -> None:
        outcome[status] = outcome.get(status, 0) + 1

    try:
        for delivery in deliveries:
            if delivery.email.lower() in suppressed:
                _suppressed_fail(delivery)
                count("suppressed")
                continue
            prepared = cache.get(delivery.notification, delivery.focal_point.preferred_language)
            token = uuid.uuid4()
            with transaction.atomic():
                if unrecorded is not None:
                    count(_record(*unrecorded))
                    unrecorded = None
                claimed = Delivery.objects.filter(pk=delivery.pk, status=delivery.status).update(
                    status=Delivery.Status.SENDING,
                    attempt_token=token,
                    claimed_at=timezone.now(),
                    attempts=F("attempts") + 1,
                    language=prepared.language,
                )
            if not claimed:
                continue  # another worker has it
            if session.connection is None:
                try:
                    session.open()
                except (OSError, Exception) as error:  # noqa: BLE001 (any failure to connect)
                    logger.warning("SMTP connection failed: %s", error)
            data = message_bytes(
                prepared=prepared,
                name=delivery.focal_point.full_name,
                address=delivery.email,
                message_id=delivery.message_id,
            )
            unrecorded = (
                delivery,
                token,
                session.send(sender=sender, recipient=delivery.email, data=data),
            )
        if unrecorded is not None:
            count(_record(*unrecorded))
    finally:
        session.close()
    return outcome


def _suppressed_fail(delivery: Delivery) -> None:
    with transaction.atomic():
        updated = Delivery.objects.filter(pk=delivery.pk, status=delivery.status).update(
            status=Delivery.Status.FAILED,
            last_error="suppressed address",
            updated_at=timezone.now(),
        )
        if updated:
            DeliveryEvent.objects.create(
                delivery_id=delivery.pk,
                source="smtp",
                event="suppressed",
                detail=delivery.email,
            )


def deliveries_reconcile(*, now: datetime.datetime | None = None) -> dict[str, list[int]]:
    """Find stuck work. Rows left `sending` past the threshold become `unconfirmed`
    (never resent automatically); due deferred rows and long-queued rows are returned to
    be enqueued again."""
    now = now or timezone.now()
    stale_after = datetime.timedelta(seconds=_setting("NOTIFICATIONS_SENDING_STALE_SECONDS", 600))
    queued_after = datetime.timedelta(seconds=_setting("NOTIFICATIONS_QUEUED_STALE_SECONDS", 600))
    with transaction.atomic():
        stuck = list(
            Delivery.objects.select_for_update()
            .filter(status=Delivery.Status.SENDING, claimed_at__lt=now - stale_after)
            .values_list("pk", flat=True)
        )
        Delivery.objects.filter(pk__in=stuck).update(
            status=Delivery.Status.UNCONFIRMED,
            last_error="worker stopped while sending; not resent automatically",
            updated_at=now,
        )
        DeliveryEvent.objects.bulk_create(
            [
                DeliveryEvent(delivery_id=pk, source="reconciler", event="unconfirmed")
                for pk in stuck
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
    return {"unconfirmed": stuck, "due": sorted(due)}


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


def suppression_clear(*, email: str) -> bool:
    deleted, _ = SuppressedAddress.objects.filter(email=email.strip().lower()).delete()
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
