"""The national CHM award (COP/12/11 B.3): calls, entries, jury scores, results."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel


class AwardCall(ClusterableModel):
    """A call for entries. Titles are kept per language: results publish only when all six
    exist. Entries are accepted until `deadline`; the jury scores until it is closed."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open for entries")
        JUDGING = "judging", _("Jury at work")
        PUBLISHED = "published", _("Results published")

    titles = models.JSONField(_("title in each language"), default=dict)
    deadline = models.DateTimeField(_("deadline"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    jury = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="award_juries")
    jury_closed_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    panels = [
        FieldPanel("titles"),
        FieldPanel("deadline"),
        FieldPanel("jury"),
        InlinePanel("criteria", label=_("Criteria")),
    ]

    class Meta:
        ordering = ["-deadline"]
        verbose_name = _("award call")
        verbose_name_plural = _("award calls")

    def __str__(self) -> str:
        return self.title_in("en")

    def title_in(self, language: str) -> str:
        return self.titles.get(language) or self.titles.get("en") or ""


class AwardCriterion(models.Model):
    call = ParentalKey(AwardCall, on_delete=models.CASCADE, related_name="criteria")
    names = models.JSONField(_("name in each language"), default=dict)
    max_score = models.PositiveSmallIntegerField(default=10)
    position = models.PositiveSmallIntegerField(default=0)
    panels = [FieldPanel("names"), FieldPanel("max_score"), FieldPanel("position")]

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("award criterion")
        verbose_name_plural = _("award criteria")

    def __str__(self) -> str:
        return self.name_in("en")

    def name_in(self, language: str) -> str:
        return self.names.get(language) or self.names.get("en") or ""


class AwardEntry(models.Model):
    """One Party's questionnaire for a call (one entry per Party and call)."""

    class Category(models.TextChoices):
        EXISTING = "existing", _("Existing national CHM")
        NEW = "new", _("New national CHM")

    class Level(models.TextChoices):
        GOLD = "gold", _("Gold")
        SILVER = "silver", _("Silver")
        BRONZE = "bronze", _("Bronze")

    call = models.ForeignKey(AwardCall, on_delete=models.CASCADE, related_name="entries")
    party = models.ForeignKey("cms.Party", on_delete=models.PROTECT, related_name="award_entries")
    category = models.CharField(_("category"), max_length=10, choices=Category.choices)
    site_url = models.URLField(_("national CHM address"))
    description = models.TextField(_("describe your national CHM"))
    audience = models.TextField(_("who uses it and how"))
    languages = models.JSONField(_("languages offered"), default=list)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now=True)
    average_score = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    level = models.CharField(max_length=10, choices=Level.choices, blank=True)

    class Meta:
        ordering = ["party__code"]
        verbose_name = _("award entry")
        verbose_name_plural = _("award entries")
        constraints = [
            models.UniqueConstraint(fields=["call", "party"], name="one_award_entry_per_party")
        ]

    def __str__(self) -> str:
        return f"{self.call_id} {self.party.code}"


class AwardScore(models.Model):
    entry = models.ForeignKey(AwardEntry, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(AwardCriterion, on_delete=models.CASCADE, related_name="+")
    juror = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = _("award score")
        verbose_name_plural = _("award scores")
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "criterion", "juror"], name="one_score_per_juror_criterion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.entry_id}/{self.criterion_id}/{self.juror_id}={self.score}"
