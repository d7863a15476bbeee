"""The national CHM tracker (COP/12/11 B.1): one row per Party, with its history."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.model_fields import user_reference
from cms.public_fields import PublicFields


class NationalSite(PublicFields, models.Model):
    """A Party's national CHM website. A Party without a row has status NONE.

    `notes` are the Secretariat's and the Party's working notes: never public."""

    PUBLIC_FIELDS = (
        "party",
        "status",
        "url",
        "platform",
        "languages",
        "launch_date",
        "last_verified",
        "link_ok",
        "link_checked_at",
        "updated_at",
    )

    class Status(models.TextChoices):
        NONE = "none", _("None")
        PLANNED = "planned", _("Planned")
        IN_DEVELOPMENT = "in-development", _("In development")
        OPERATIONAL = "operational", _("Operational")
        NEEDS_UPDATE = "needs-update", _("Needs update")

    class Platform(models.TextChoices):
        BIOLAND = "bioland", _("Bioland")
        PTK = "ptk", _("Portal Toolkit")
        OTHER = "other", _("Other")

    party = models.OneToOneField(
        "cms.Party", verbose_name=_("Party"), on_delete=models.CASCADE, related_name="national_site"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NONE
    )
    url = models.URLField(_("URL"), blank=True)
    platform = models.CharField(_("platform"), max_length=10, choices=Platform.choices, blank=True)
    languages = models.JSONField(_("languages offered"), default=list, blank=True)
    launch_date = models.DateField(_("launch date"), null=True, blank=True)
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = user_reference()
    # Written by the scheduled link checker.
    link_checked_at = models.DateTimeField(_("link checked"), null=True, blank=True)
    link_ok = models.BooleanField(_("site answers"), null=True)
    link_status = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["party__code"]
        verbose_name = _("national CHM site")
        verbose_name_plural = _("national CHM sites")

    def __str__(self) -> str:
        return f"{self.party.code} {self.status}"


TRACKED_FIELDS = ("status", "url", "platform", "languages", "launch_date", "last_verified", "notes")


class NationalSiteVersion(models.Model):
    """A snapshot of a tracker row after each change: the history."""

    site = models.ForeignKey(NationalSite, on_delete=models.CASCADE, related_name="versions")
    data = models.JSONField()
    changed_by = user_reference()
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("tracker history entry")
        verbose_name_plural = _("tracker history")

    def __str__(self) -> str:
        return f"{self.site_id} @ {self.changed_at}"
