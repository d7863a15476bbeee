"""National reports and national biodiversity strategies and action plans (NBSAPs).

A Party's national authorized users write a report (draft), submit it; the Secretariat
publishes it. Only published reports are public (site, API, OData). Titles and summaries
are kept per language (`{"fr": "…"}`); files carry the language they are written in.
`updated_at` moves on every change, so harvesters can pull what changed since a moment.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.model_fields import user_reference
from cms.storage import private_storage_get

AICHI_TARGETS = range(1, 21)


class Report(models.Model):
    class Kind(models.TextChoices):
        NATIONAL_REPORT = "national-report", _("National report")
        NBSAP = "nbsap", _("National biodiversity strategy and action plan")

    class Cycle(models.IntegerChoices):
        FIRST = 1, _("First national report")
        SECOND = 2, _("Second national report")
        THIRD = 3, _("Third national report")
        FOURTH = 4, _("Fourth national report")
        FIFTH = 5, _("Fifth national report")
        SIXTH = 6, _("Sixth national report")
        SEVENTH = 7, _("Seventh national report")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    party = models.ForeignKey(
        "cms.Party", verbose_name=_("Party"), on_delete=models.PROTECT, related_name="reports"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    cycle = models.PositiveSmallIntegerField(
        _("reporting cycle"), choices=Cycle.choices, null=True, blank=True
    )
    titles = models.JSONField(_("titles"), default=dict)
    summaries = models.JSONField(_("summaries"), default=dict, blank=True)
    original_language = models.CharField(
        _("original language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    document_date = models.DateField(_("date of the document"))
    period_start = models.PositiveSmallIntegerField(_("period from (year)"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("period to (year)"), null=True, blank=True)
    aichi_targets = models.JSONField(_("Aichi Biodiversity Targets"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_index=True)
    created_by = user_reference()
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = user_reference()
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = user_reference()
    # Folded titles, summaries and Party names in every language, for the site's search.
    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta:
        ordering = ["-document_date", "-pk"]
        verbose_name = _("national report or NBSAP")
        verbose_name_plural = _("national reports and NBSAPs")
        permissions = [("publish_report", _("Can publish national reports and NBSAPs"))]
        indexes = [models.Index(fields=["status", "kind", "party"])]

    def __str__(self) -> str:
        return f"{self.party.code} · {self.title_in('en')}"

    def title_in(self, language: str) -> str:
        return (
            self.titles.get(language)
            or self.titles.get(self.original_language)
            or next(iter(self.titles.values()), "")
        )

    def summary_in(self, language: str) -> str:
        if language in self.titles:
            return self.summaries.get(language, "")
        return self.summaries.get(self.original_language, "")

    def display_language(self, language: str) -> str:
        """The language the title is shown in for a reader of `language`."""
        return language if self.titles.get(language) else self.original_language

    def languages(self) -> list[str]:
        codes = set(self.titles) | {item.language for item in self.files.all()}
        return [code for code, _name in settings.LANGUAGES if code in codes]

    def clean(self):
        languages = {code for code, _name in settings.LANGUAGES}
        if not isinstance(self.titles, dict) or not any(
            isinstance(value, str) and value.strip() for value in self.titles.values()
        ):
            raise ValidationError({"titles": _("Give a title in at least one language.")})
        unknown = (set(self.titles) | set(self.summaries or {})) - languages
        if unknown:
            raise ValidationError({"titles": _("Titles and summaries use the six UN languages.")})
        if self.kind == self.Kind.NATIONAL_REPORT and not self.cycle:
            raise ValidationError({"cycle": _("A national report belongs to a reporting cycle.")})
        if self.kind == self.Kind.NBSAP and self.cycle:
            raise ValidationError({"cycle": _("An NBSAP has no reporting cycle.")})
        if not isinstance(self.aichi_targets, list) or any(
            target not in AICHI_TARGETS for target in self.aichi_targets
        ):
            raise ValidationError(
                {"aichi_targets": _("Aichi Biodiversity Targets are numbered 1 to 20.")}
            )
        if self.period_start and self.period_end and self.period_start > self.period_end:
            raise ValidationError({"period_end": _("The period ends before it starts.")})


class ReportFile(models.Model):
    """One file of a report, in one language."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    # Private: a draft's file must not be reachable; `reports.views.report_file` serves
    # files of published reports, and drafts' files to their Party and the Secretariat.
    file = models.FileField(_("file"), upload_to="reports/%Y/", storage=private_storage_get)
    filename = models.CharField(_("file name"), max_length=255)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["language", "pk"]
        verbose_name = _("report file")
        verbose_name_plural = _("report files")

    def __str__(self) -> str:
        return f"{self.filename} ({self.language})"
