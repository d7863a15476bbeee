"""Sending deliveries in batches: claim many rows at once, one SMTP connection, record in bulk.

At most once, without a heavy commit per message:
1. **Claim** up to `NOTIFICATIONS_CLAIM_BATCH` due rows in ONE transaction: `sending`, one
   fresh claim token, `claimed_at`, `attempts + 1`, the language actually used. On
   PostgreSQL the candidates are locked with `SELECT … FOR UPDATE SKIP LOCKED`, so parallel
   workers take disjoint rows without waiting; on SQLite writers are serialized
   (IMMEDIATE transactions) and the UPDATE is conditional on the status, so a row already
   claimed by someone else is simply not ours. Which rows we got is read back by token.
2. Right before its message goes to SMTP, a row gets `send_started_at` (one single-row,
   single-column UPDATE in autocommit: no index touched, the cheapest durable write there
   is). That is what lets the reconciler tell "perhaps received" from "never attempted"
   after a crash, so nobody loses the notification and nobody gets it twice.
3. **Record** the answers in ONE transaction per `NOTIFICATIONS_RECORD_EVERY` messages
   (bulk UPDATE, events and suppressions in bulk), only for rows still carrying our token.

After a crash: recorded answers stay; rows of the batch with `send_started_at` become
`unconfirmed` (never resent on their own: the server may have accepted them), rows without
it go back to `queued` (provably never handed to SMTP). See docs/NOTIFICATIONS.md.
"""

import datetime
import logging
import uuid
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.db import Error, connection, transaction
from django.db.models import F
from django.utils import timezone

from notifications import selectors
from notifications.mail.compose import (
    PreparedMessage,
    message_bytes,
    message_prepare,
    sender_address,
)
from notifications.mail.smtp import SmtpAnswer, SmtpSession
from notifications.models import Delivery, DeliveryEvent, Notification, SuppressedAddress
from notifications.services.letters import letter_ensure

logger = logging.getLogger(__name__)


def _setting(name: str, default):
    return getattr(settings, name, default)


@dataclass
class _MessageCache:
    """Prepared messages per (notification, language): the PDF is read and encoded once."""

    kind: str = "notification"
    texts: dict[int, dict] = field(default_factory=dict)
    prepared: dict[tuple[int, str, str, datetime.date | None], PreparedMessage] = field(
        default_factory=dict
    )

    def get(
        self, notification: Notification, language: str, due_date: datetime.date | None = None
    ) -> PreparedMessage:
        """`due_date`: for a reminder, the date it reminds of (named in its subject)."""
        texts = self.texts.get(notification.pk)
        if texts is None:
            texts = self.texts[notification.pk] = selectors.notification_live_texts(notification)
        text = selectors.text_for_language(texts, language)
        notice = (
            language
            if text.locale.language_code != language
            and language in notification.english_notice_languages
            else ""
        )
        key = (notification.pk, text.locale.language_code, notice, due_date)
        if key not in self.prepared:
            letter = (
                letter_ensure(notification=notification, text=text)
                if self.kind == "notification"
                else None
            )
            self.prepared[key] = message_prepare(
                notification=notification,
                text=text,
                letter=letter,
                kind=self.kind,
                notice_language=notice,
                due_date=due_date,
            )
        return self.prepared[key]


def _backoff(attempts: int) -> datetime.timedelta:
    base = _setting("NOTIFICATIONS_RETRY_BASE_SECONDS", 300)
    return datetime.timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), 24 * 3600))


def _due_filter(now: datetime.datetime):
    return selectors.deliveries_due(now)


def _claim(
    *, candidate_ids: list[int], token: uuid.UUID, cache: _MessageCache, outcome: dict
) -> list[Delivery]:
    """Claim the due rows among `candidate_ids` in one transaction; return those we got."""
    now = timezone.now()
    with transaction.atomic():
        _synchronous_commit()
        due = _due_filter(now).filter(pk__in=candidate_ids)
        if connection.features.has_select_for_update_skip_locked:
            # Rows another worker is claiming right now are skipped, not waited for.
            due = due.select_for_update(skip_locked=True, of=("self",))
        rows = list(due.select_related("notification", "focal_point").order_by("pk"))
        if not rows:
            return []
        suppressed = set(
            SuppressedAddress.objects.filter(
                email__in={row.email.lower() for row in rows}
            ).values_list("email", flat=True)
        )
        by_language: dict[str, list[int]] = defaultdict(list)
        failed: list[Delivery] = []
        for row in rows:
            if row.email.lower() in suppressed:
                failed.append(row)
                continue
            prepared = cache.get(row.notification, row.focal_point.preferred_language)
            by_language[prepared.language].append(row.pk)
        if failed:
            done = Delivery.objects.filter(
                pk__in=[row.pk for row in failed], status__in=[r.status for r in failed]
            ).update(status=Delivery.Status.FAILED, last_error="suppressed address", updated_at=now)
            if done:
                DeliveryEvent.objects.bulk_create(
                    DeliveryEvent(
                        delivery_id=r.pk, source="smtp", event="suppressed", detail=r.email
                    )
                    for r in failed
                )
                outcome["suppressed"] = outcome.get("suppressed", 0) + done
        for language, ids in by_language.items():
            # Conditional on the status: a row someone else moved on is not taken.
            _due_filter(now).filter(pk__in=ids).update(
                status=Delivery.Status.SENDING,
                attempt_token=token,
                claimed_at=now,
                send_started_at=None,
                attempts=F("attempts") + 1,
                language=language,
                updated_at=now,
            )
    ours = {row.pk for row in rows}
    claimed = set(
        Delivery.objects.filter(pk__in=ours, attempt_token=token).values_list("pk", flat=True)
    )
    return [row for row in rows if row.pk in claimed]


def _mark_started(delivery: Delivery, token: uuid.UUID) -> bool:
    """Durably note that this row is about to go to SMTP (autocommit, before any byte).

    Plain SQL on purpose: it runs once per message, and building the ORM UPDATE cost
    more than executing it (profiled). Same statement as
    `filter(pk=…, status=SENDING, attempt_token=token).update(send_started_at=now)`.
    One round trip: on PostgreSQL the session does not wait for the WAL flush while it
    sends (`_stamps_without_wal_flush`); SQLite runs WAL with synchronous=NORMAL. Either
    way the database has the row once the statement returns, so a killed worker loses
    nothing; only a crash of the database server itself could lose the last few stamps.
    """
    field = Delivery._meta.get_field
    now = field("send_started_at").get_db_prep_value(timezone.now(), connection)
    token_value = field("attempt_token").get_db_prep_value(token, connection)
    params = [now, delivery.pk, Delivery.Status.SENDING.value, token_value]
    with connection.cursor() as cursor:
        cursor.execute(_MARK_STARTED_SQL, params)
        return cursor.rowcount == 1


@contextmanager
def _stamps_without_wal_flush():
    """PostgreSQL: the sending session commits without waiting for the WAL flush (an fsync
    per message otherwise), claims and records excepted (`_synchronous_commit`).

    It was `SET LOCAL` in a transaction around each stamp: four round trips per message
    (BEGIN, SET, UPDATE, COMMIT) where one does.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute("RESET synchronous_commit")
        except Error:  # the connection is gone (or broken), and its session setting with it
            logger.warning("could not reset synchronous_commit", exc_info=True)


def _synchronous_commit() -> None:
    """Inside a claim's or a record's transaction: its COMMIT waits for the WAL flush."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO ON")


_MARK_STARTED_SQL = (
    f"UPDATE {Delivery._meta.db_table} SET send_started_at = %s "  # noqa: S608 (fixed names)
    "WHERE id = %s AND status = %s AND attempt_token = %s"
)


def _outcome_of(delivery: Delivery, answer: SmtpAnswer, now: datetime.datetime) -> tuple[str, str]:
    """(new status, event name or "") for one SMTP answer. `attempts` is already counted."""
    if answer.accepted:
        return Delivery.Status.SENT, ""
    if answer.permanent:
        return Delivery.Status.FAILED, "failed"
    if delivery.attempts + 1 >= _setting("NOTIFICATIONS_MAX_ATTEMPTS", 6):
        return Delivery.Status.FAILED, "gave up"
    return Delivery.Status.DEFERRED, "deferred"


def _record(
    answers: list[tuple[Delivery, SmtpAnswer]], token: uuid.UUID, outcome: dict[str, int]
) -> None:
    """Write a group of SMTP answers in one transaction, only where our claim still holds."""
    if not answers:
        return
    now = timezone.now()
    with transaction.atomic():
        _synchronous_commit()
        held = Delivery.objects.filter(
            pk__in=[delivery.pk for delivery, _answer in answers],
            status=Delivery.Status.SENDING,
            attempt_token=token,
        )
        if connection.features.has_select_for_update:
            held = held.select_for_update()
        still_ours = set(held.values_list("pk", flat=True))
        # Rows with the same outcome get the same values: one UPDATE per outcome (usually
        # one for the whole group) is far cheaper than bulk_update's per-row CASE.
        groups: dict[tuple, list[int]] = defaultdict(list)
        events, suppress = [], []
        for delivery, answer in answers:
            if delivery.pk not in still_ours:
                continue
            status, event = _outcome_of(delivery, answer, now)
            values = {
                "status": status,
                "smtp_code": answer.code,
                "last_error": "" if answer.accepted else answer.text,
                "updated_at": now,
            }
            if status == Delivery.Status.SENT:
                values["sent_at"] = now
            if status == Delivery.Status.DEFERRED:
                values["next_attempt_at"] = now + _backoff(delivery.attempts + 1)
            groups[tuple(sorted(values.items()))].append(delivery.pk)
            if event:
                detail = f"{answer.code or ''} {answer.text}".strip()
                events.append(
                    DeliveryEvent(
                        delivery_id=delivery.pk, source="smtp", event=event, detail=detail
                    )
                )
            if answer.permanent:
                suppress.append(
                    SuppressedAddress(
                        email=delivery.email.lower(), reason=f"{answer.code} {answer.text}"[:500]
                    )
                )
            outcome[status] = outcome.get(status, 0) + 1
        for values, pks in groups.items():
            Delivery.objects.filter(pk__in=pks).update(**dict(values))
        DeliveryEvent.objects.bulk_create(events)
        SuppressedAddress.objects.bulk_create(suppress, ignore_conflicts=True)


def deliveries_send(*, delivery_ids: list[int], kind: str = "notification") -> dict[str, int]:
    """Send the due deliveries among `delivery_ids` over one SMTP connection.

    Safe to run twice at once or again after a crash: a row is sent only by the worker
    whose claim (one transaction per batch) holds its token. Returns counts per outcome.
    """
    outcome: dict[str, int] = {}
    claim_batch = max(1, _setting("NOTIFICATIONS_CLAIM_BATCH", 50))
    ids = sorted(set(delivery_ids))
    cache = _MessageCache(kind=kind)
    session = SmtpSession()
    try:
        with _stamps_without_wal_flush():
            for start in range(0, len(ids), claim_batch):
                token = uuid.uuid4()
                batch = _claim(
                    candidate_ids=ids[start : start + claim_batch],
                    token=token,
                    cache=cache,
                    outcome=outcome,
                )
                _batch_send(batch, token=token, cache=cache, session=session, outcome=outcome)
    finally:
        session.close()
    return outcome


def _batch_send(
    batch: list[Delivery],
    *,
    token: uuid.UUID,
    cache: _MessageCache,
    session: SmtpSession,
    outcome: dict[str, int],
) -> None:
    """Send a claimed batch, recording the answers every NOTIFICATIONS_RECORD_EVERY."""
    record_every = max(1, _setting("NOTIFICATIONS_RECORD_EVERY", 10))
    sender = sender_address()
    answers: list[tuple[Delivery, SmtpAnswer]] = []
    try:
        for delivery in batch:
            prepared = cache.get(delivery.notification, delivery.focal_point.preferred_language)
            if session.connection is None:
                try:
                    session.open()
                except Exception as error:  # noqa: BLE001 (any failure to connect)
                    logger.warning("SMTP connection failed: %s", error)
            if session.connection is not None and not _mark_started(delivery, token):
                continue  # taken away from us (staff or reconciler): not ours to send
            data = message_bytes(
                prepared=prepared,
                name=delivery.focal_point.full_name,
                address=delivery.email,
                message_id=delivery.message_id,
            )
            answers.append(
                (delivery, session.send(sender=sender, recipient=delivery.email, data=data))
            )
            if len(answers) >= record_every:
                _record(answers, token, outcome)
                answers = []
    finally:
        # An exception (not a kill) still records what SMTP already answered.
        _record(answers, token, outcome)
