"""The national focal points registry: who receives notifications for each Party."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.model_fields import party_reference, user_reference
from cms.public_fields import PublicFields


class Category(models.TextChoices):
    """The Secretariat's focal point category codes (DOMAIN.md)."""

    CBD_FP1 = "CBD-FP1", _("CBD National Focal Point (primary)")
    CBD_FP2 = "CBD-FP2", _("CBD National Focal Point (secondary)")
    SBSTTA_FP = "SBSTTA-FP", _("SBSTTA Focal Point")
    CHM_FP = "CHM-FP", _("Clearing-House Mechanism Focal Point")
    CHM_IAC = "CHM-IAC", _("CHM Informal Advisory Committee")
    GSPC_FP = "GSPC-FP", _("Global Strategy for Plant Conservation Focal Point")
    GTI_FP = "GTI-FP", _("Global Taxonomy Initiative Focal Point")
    PA_FP = "PA-FP", _("Protected Areas Focal Point")
    RM_FP = "RM-FP", _("Resource Mobilization Focal Point")
    TKBD_FP = "TKBD-FP", _("Article 8(j) and Traditional Knowledge Focal Point")
    CPB_FP1 = "CPB-FP1", _("Cartagena Protocol Focal Point (primary)")
    CPB_FP2 = "CPB-FP2", _("Cartagena Protocol Focal Point (secondary)")
    BCH_FP = "BCH-FP", _("Biosafety Clearing-House Focal Point")
    ABS_FP = "ABS-FP", _("Nagoya Protocol ABS Focal Point")
    ABS_FP2 = "ABS-FP2", _("Nagoya Protocol ABS Focal Point (secondary)")
    ABS_IC = "ABS-IC", _("Nagoya Protocol Interim Contact")
    ABSCH_IAC = "ABSCH-IAC", _("ABS Clearing-House Informal Advisory Committee")


class FocalPoint(PublicFields, models.Model):
    """A person a Party designated for one or more categories.

    Only `active` focal points receive notifications or appear in the public directory.
    A nomination becomes active only after the Secretariat verified it. `categories` is a
    list of `Category` codes (a JSON list, so SQLite and PostgreSQL behave the same;
    filtering by category is done by `selectors.focal_points_in_categories`).
    """

    class Status(models.TextChoices):
        NOMINATED = "nominated", _("Nominated")
        VERIFIED = "verified", _("Verified")
        ACTIVE = "active", _("Active")
        RETIRED = "retired", _("Retired")

    # Who the person is and where they work.
    IDENTITY_FIELDS = (
        "title",
        "first_name",
        "last_name",
        "organisation",
        "department",
        "designation",
    )
    # Everything the person's record says about them (the registry's edit form, its export).
    CONTACT_FIELDS = (
        *IDENTITY_FIELDS,
        "address",
        "phones",
        "emails",
        "websites",
        "preferred_language",
    )
    # The directory, its API and OData show these; contacts only with the person's consent.
    PUBLIC_FIELDS = ("party", "categories", *IDENTITY_FIELDS, "websites", "preferred_language")
    PUBLIC_WITH_CONSENT = {
        "emails": "publish_email",
        "phones": "publish_phone",
        "address": "publish_address",
    }

    party = party_reference("focal_points")
    categories = models.JSONField(_("categories"), default=list)
    title = models.CharField(_("courtesy title"), max_length=40, blank=True)
    first_name = models.CharField(_("first name"), max_length=120)
    last_name = models.CharField(_("last name"), max_length=120)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    department = models.CharField(_("department"), max_length=255, blank=True)
    designation = models.CharField(_("designation"), max_length=255, blank=True)
    address = models.TextField(_("address"), blank=True)
    phones = models.JSONField(_("phone numbers"), default=list, blank=True)
    emails = models.JSONField(_("e-mail addresses"), default=list)
    websites = models.JSONField(_("websites"), default=list, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    # What the focal point agreed to publish in the public directory.
    publish_email = models.BooleanField(_("publish e-mail"), default=False)
    publish_phone = models.BooleanField(_("publish phone"), default=False)
    publish_address = models.BooleanField(_("publish address"), default=False)

    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NOMINATED
    )
    nominated_at = models.DateTimeField(_("nominated at"), null=True, blank=True)
    nominated_by = user_reference()
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = user_reference()
    activated_at = models.DateTimeField(_("activated at"), null=True, blank=True)
    activated_by = user_reference()
    retired_at = models.DateTimeField(_("retired at"), null=True, blank=True)
    retired_by = user_reference()
    # The last public change: activation or the latest recorded change, whichever is later.
    # A column (not derived per row) so that harvesters' `updated gt …` and ordering by it
    # are index scans; kept by `save()` below and by `FocalPointChange.save()`.
    updated_at = models.DateTimeField(
        _("updated at"), null=True, blank=True, editable=False, db_index=True
    )

    class Meta:
        ordering = ["party__code", "last_name", "first_name"]
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        indexes = [models.Index(fields=["status", "party"])]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.party.code})"

    def save(self, *args, **kwargs):
        if self.activated_at and (self.updated_at is None or self.activated_at > self.updated_at):
            self.updated_at = self.activated_at
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.title, self.first_name, self.last_name) if part)

    @property
    def primary_email(self) -> str:
        return self.emails[0] if self.emails else ""

    def category_labels(self) -> list[str]:
        labels = dict(Category.choices)
        return [str(labels.get(code, code)) for code in self.categories]


class FocalPointChange(models.Model):
    """Audit trail: one row per change to a focal point, who, when, what."""

    focal_point = models.ForeignKey(FocalPoint, on_delete=models.CASCADE, related_name="changes")
    user = user_reference()
    at = models.DateTimeField(_("at"), auto_now_add=True)
    action = models.CharField(_("action"), max_length=20)
    changes = models.JSONField(_("changes"), default=dict)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("focal point change")
        verbose_name_plural = _("focal point changes")

    def __str__(self) -> str:
        return f"{self.action} {self.focal_point_id} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        adding = self._state.adding
        super().save(*args, **kwargs)
        if adding:
            # Moves the focal point's `updated_at` forward, never back.
            FocalPoint.objects.filter(
                models.Q(updated_at__isnull=True) | models.Q(updated_at__lt=self.at),
                pk=self.focal_point_id,
            ).update(updated_at=self.at)
