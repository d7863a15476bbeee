"""The life of a notification: approve, issue (numbering), withdraw."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from cms.languages import list_format
from notifications import selectors
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
        log(
            instance=notification,
            action="notifications.approve",
            user=user,
            data={"before": {"status": "draft"}, "after": {"status": "approved"}},
        )
    return notification


def notification_issue(
    *,
    notification_id: int,
    user=None,
    issue_date: datetime.date | None = None,
    dispatch: bool = True,
    english_notice: list[str] | tuple[str, ...] = (),
) -> Notification:
    """Give the approved notification the next number of its issue year and issue it.

    Refused while a language that has recipients has no published text, unless that
    language is in `english_notice`: its recipients then get the English text with a
    notice in their language that an official translation will follow (recorded on the
    notification).

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
        summary = selectors.notification_language_summary(notification, list(english_notice))
        blocked = [language.name for language in summary if language.blocked]
        if blocked:
            raise NotificationsError(
                _(
                    "No published text for %(languages)s, whose focal points would receive "
                    "it. Publish the translation, or choose to send them the English text "
                    "with a notice."
                )
                % {"languages": list_format(blocked)}
            )
        notification.english_notice_languages = [
            language.code for language in summary if language.english_notice and language.recipients
        ]
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
        log(
            instance=notification,
            action="notifications.issue",
            user=user,
            data={
                "english_notice": notification.english_notice_languages,
                "before": {"status": "approved", "number": ""},
                "after": {"status": "issued", "number": notification.number},
            },
        )
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
        log(
            instance=notification,
            action="notifications.withdraw",
            user=user,
            data={
                "before": {"status": "issued"},
                "after": {"status": "withdrawn", "withdrawal_reason": reason},
            },
        )
    return notification


def notification_delete(*, notification_id: int, user) -> None:
    """Delete a notification that was never issued (a draft or an approved one).

    An issued or withdrawn notification is refused whoever asks, superusers included:
    withdrawal is the way to take one back. The database keeps the same rule for any other
    path (`signals.notification_delete_guard`).
    """
    with transaction.atomic():
        notification = Notification.objects.select_for_update().get(pk=notification_id)
        if not (user and user.has_perm("notifications.delete_notification")):
            raise NotificationsError(_("You are not allowed to do that."))
        if not notification.is_deletable:
            raise NotificationsError(deletion_refused_message(notification))
        log(instance=notification, action="wagtail.delete", user=user, deleted=True)
        notification.delete()


def deletion_refused_message(notification: Notification) -> str:
    return _(
        "Notification %(number)s has been issued and cannot be deleted. Withdraw it instead."
    ) % {"number": notification.number or notification.pk}
