"""Messages kept by the demo SMTP sink (`manage.py mail_sink`), readable in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SinkMessage(models.Model):
    """One message as the local SMTP server received it, for one recipient."""

    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    mail_from = models.CharField(_("from"), max_length=320)
    recipient = models.CharField(_("recipient"), max_length=320)
    subject = models.CharField(_("subject"), max_length=998, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    raw = models.BinaryField(_("raw message"))

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("received message (demo mail sink)")
        verbose_name_plural = _("received messages (demo mail sink)")

    def __str__(self) -> str:
        return f"{self.recipient}: {self.subject}"
