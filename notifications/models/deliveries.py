"""One e-mail per (notification, focal point), its state, and what happened to it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Delivery(models.Model):
    """The delivery of one notification to one focal point.

    Unique per (notification, focal point, kind): the notification itself, and at most
    one follow-up carrying the translation to someone who first got the English text
    with a notice. Sending is at most once: a worker claims a
    batch of rows (`sending` + one fresh `attempt_token`) in one commit, stamps
    `send_started_at` on each right before SMTP, and records the answers in bulk. A row
    left `sending` by a crashed worker after `send_started_at` is never sent again
    automatically: the reconciler marks it `unconfirmed` for a person to decide.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        DELIVERED = "delivered", _("Delivered")
        DEFERRED = "deferred", _("Deferred")
        BOUNCED = "bounced", _("Bounced")
        FAILED = "failed", _("Failed")
        UNCONFIRMED = "unconfirmed", _("Outcome unknown")

    class Kind(models.TextChoices):
        NOTIFICATION = "notification", _("Notification")
        TRANSLATION = "translation", _("Translation that followed")

    notification = models.ForeignKey(
        "notifications.Notification", on_delete=models.CASCADE, related_name="deliveries"
    )
    kind = models.CharField(
        _("kind"), max_length=12, choices=Kind.choices, default=Kind.NOTIFICATION
    )
    focal_point = models.ForeignKey(
        "notifications.FocalPoint", on_delete=models.PROTECT, related_name="deliveries"
    )
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=10, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    message_id = models.CharField(_("Message-ID"), max_length=200, unique=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    attempt_token = models.UUIDField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    # Set (and committed) right before the message goes to SMTP: after a crash, a row
    # `sending` with it may have been received; one without it was never attempted.
    send_started_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    smtp_code = models.PositiveSmallIntegerField(_("SMTP code"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["notification", "focal_point", "kind"], name="delivery_per_focal_point"
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.email} ({self.status})"


class Reminder(models.Model):
    """One reminder of one delivery before one due date: sent (or refused by SMTP), or
    skipped because the recipient's Party has responded. Unique per delivery and date, and
    written before the message goes out, so nobody is reminded twice for a date."""

    class Status(models.TextChoices):
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED_RESPONDED = "responded", _("Not sent: the Party has responded")

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="reminders")
    due_date = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    smtp_code = models.PositiveSmallIntegerField(_("SMTP code"), null=True, blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(fields=["delivery", "due_date"], name="reminder_per_date")
        ]

    def __str__(self) -> str:
        return f"{self.delivery_id} {self.due_date} {self.status}"


class DeliveryEvent(models.Model):
    """What SMTP or the provider's webhook said about a delivery, in order."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    source = models.CharField(max_length=20)  # smtp, webhook, reconciler, staff
    event = models.CharField(max_length=40)
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("delivery event")
        verbose_name_plural = _("delivery events")

    def __str__(self) -> str:
        return f"{self.event} {self.at:%Y-%m-%d %H:%M}"


class SuppressedAddress(models.Model):
    """An address that failed permanently: nothing is sent to it until a person clears it."""

    email = models.EmailField(_("e-mail"), unique=True)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("suppressed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")

    def __str__(self) -> str:
        return self.email
