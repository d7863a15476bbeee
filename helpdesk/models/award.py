"""The national CHM award (COP/12/11 B.3): calls, entries, jury scores, results."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from cms.languages import language_direction

# The six languages, English first (the one required), as (code, field suffix).
LANGUAGE_SUFFIXES = sorted(
    ((code, code.replace("-", "_")) for code, _name in settings.LANGUAGES),
    key=lambda pair: pair[0] != "en",
)
AWARD_JURORS_GROUP = "Award jurors"


def _in_language(label, code: str, max_length: int) -> models.CharField:
    """A text field for one language, labelled with the language's own name ("Français")
    so staff see at a glance which box takes which language. English is required."""
    return models.CharField(
        format_lazy("{} — {}", label, dict(settings.LANGUAGES)[code]),
        max_length=max_length,
        blank=code != "en",
        default="",
    )


def _text_in(instance, prefix: str, language: str) -> str:
    suffix = language.replace("-", "_")
    return getattr(instance, f"{prefix}_{suffix}", "") or getattr(instance, f"{prefix}_en")


def _language_panels(prefix: str) -> list[FieldPanel]:
    """One box per language, marked with its language and direction: Arabic is typed and
    shown right to left, and each box is spelled and read in its own language."""
    return [
        FieldPanel(
            f"{prefix}_{suffix}",
            widget=forms.TextInput(attrs={"lang": code, "dir": language_direction(code)}),
        )
        for code, suffix in LANGUAGE_SUFFIXES
    ]


class AwardCall(ClusterableModel):
    """A call for entries. Titles are kept per language: results publish only when all six
    exist. Entries are accepted until `deadline`; the jury scores until it is closed."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open for entries")
        JUDGING = "judging", _("Jury at work")
        PUBLISHED = "published", _("Results published")

    title_en = _in_language(_("title"), "en", 255)
    title_ar = _in_language(_("title"), "ar", 255)
    title_es = _in_language(_("title"), "es", 255)
    title_fr = _in_language(_("title"), "fr", 255)
    title_ru = _in_language(_("title"), "ru", 255)
    title_zh_hans = _in_language(_("title"), "zh-hans", 255)
    deadline = models.DateTimeField(_("deadline"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    jury = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="award_juries",
        verbose_name=_("jury"),
        help_text=_(
            "Helpdesk staff and invited experts (group “Award jurors”); Party users cannot "
            "sit on the jury."
        ),
    )
    jury_closed_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    panels = [
        MultiFieldPanel(_language_panels("title"), heading=_("Title in each language")),
        FieldPanel("deadline"),
        FieldPanel("jury", widget=forms.CheckboxSelectMultiple),
        InlinePanel("criteria", label=_("Criteria")),
    ]

    class Meta:
        ordering = ["-deadline"]
        verbose_name = _("award call")
        verbose_name_plural = _("award calls")

    def __str__(self) -> str:
        return self.title_in("en")

    def title_in(self, language: str) -> str:
        return _text_in(self, "title", language)

    def titles_missing(self) -> list[str]:
        """Language codes without a title (results publish only when there are none)."""
        return [code for code, suffix in LANGUAGE_SUFFIXES if not getattr(self, f"title_{suffix}")]


class AwardCriterion(models.Model):
    call = ParentalKey(AwardCall, on_delete=models.CASCADE, related_name="criteria")
    name_en = _in_language(_("name"), "en", 200)
    name_ar = _in_language(_("name"), "ar", 200)
    name_es = _in_language(_("name"), "es", 200)
    name_fr = _in_language(_("name"), "fr", 200)
    name_ru = _in_language(_("name"), "ru", 200)
    name_zh_hans = _in_language(_("name"), "zh-hans", 200)
    max_score = models.PositiveSmallIntegerField(_("highest score"), default=10)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    panels = [
        *_language_panels("name"),
        FieldRowPanel([FieldPanel("max_score"), FieldPanel("position")]),
    ]

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("award criterion")
        verbose_name_plural = _("award criteria")

    def __str__(self) -> str:
        return self.name_in("en")

    def name_in(self, language: str) -> str:
        return _text_in(self, "name", language)


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
    answer_language = models.CharField(
        _("language of the answers"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    # Machine translations of the answers that jurors asked for, per language:
    # {"fr": {"status": "pending" | "done" | "failed", "description": …, "audience": …}}.
    # Emptied whenever the Party changes its answers.
    answer_translations = models.JSONField(default=dict, blank=True)
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
