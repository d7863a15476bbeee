"""Responses to notifications: submissions by Parties, non-Parties and observers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.model_fields import user_reference


class Response(models.Model):
    """A submission answering a notification; Parties submit through the portal."""

    class RespondentType(models.TextChoices):
        PARTY = "party", _("Parties")
        NON_PARTY = "non-party", _("Non-Parties")
        OBSERVER = "observer", _("Observers")

    notification = models.ForeignKey(
        "notifications.Notification", on_delete=models.CASCADE, related_name="responses"
    )
    respondent_type = models.CharField(
        _("respondent"),
        max_length=12,
        choices=RespondentType.choices,
        default=RespondentType.PARTY,
    )
    party = models.ForeignKey(
        "cms.Party", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    submitted_by = user_reference()
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self) -> str:
        return self.respondent_name

    @property
    def respondent_name(self) -> str:
        return self.party.name if self.party_id else self.organisation


class ResponseFile(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("file"), upload_to="notifications/responses/")

    class Meta:
        verbose_name = _("response file")
        verbose_name_plural = _("response files")

    def __str__(self) -> str:
        return self.file.name
