"""Machine-translation jobs: one per request and source object, one target row per locale."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Revision
from wagtail_localize.models import TranslatableObject

from cms.model_fields import user_reference


class SegmentProgress(models.Model):
    """How far a job, or one of its languages, has got: its segments counted by where their
    translation came from, and the error that stopped it. Subclasses have `status`."""

    segments_total = models.PositiveIntegerField(_("segments"), default=0)
    segments_done = models.PositiveIntegerField(_("segments done"), default=0)
    segments_memory = models.PositiveIntegerField(_("from memory"), default=0)
    segments_machine = models.PositiveIntegerField(_("machine-translated"), default=0)
    segments_failed = models.PositiveIntegerField(_("failed"), default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        abstract = True

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.segments_total:
            return 0
        # 100 % means finished: after its last segment a job still writes the drafts, so a
        # running job with every segment done shows 99 % until then.
        return min(99, int(100 * self.segments_done / self.segments_total))


class TranslationJob(SegmentProgress):
    """A request to machine-translate one translatable object into one or more locales.

    The database is the source of truth: the queue only wakes a worker, which resumes from
    whatever the targets and segments say is still missing.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    class Trigger(models.TextChoices):
        MANUAL = "manual", _("Requested by a person")
        SUBTREE = "subtree", _("Page and its subpages")
        BULK = "bulk", _("Bulk action")
        ON_PUBLISH = "on_publish", _("Rule: translate on publish")

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    object = models.ForeignKey(
        TranslatableObject, on_delete=models.CASCADE, related_name="+", verbose_name=_("object")
    )
    source_locale = models.ForeignKey(
        Locale, on_delete=models.CASCADE, related_name="+", verbose_name=_("source language")
    )
    requested_by = user_reference(_("requested by"))
    trigger = models.CharField(
        _("trigger"), max_length=20, choices=Trigger.choices, default=Trigger.MANUAL
    )
    object_label = models.CharField(_("title"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("heartbeat"), null=True, blank=True)

    class Meta:
        verbose_name = _("translation job")
        verbose_name_plural = _("translation jobs")
        ordering = ["-created_at", "-pk"]
        permissions = [("request_machine_translation", _("Can request machine translation"))]

    def __str__(self) -> str:
        return f"#{self.pk} {self.object_label}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def segments_kept(self) -> int:
        """Segments that already had a translation (a person's or earlier machine output):
        left as they were, so that the counts add up to the total."""
        done = self.segments_memory + self.segments_machine + self.segments_failed
        return max(0, self.segments_total - done) if self.status == self.Status.DONE else 0


class JobTarget(SegmentProgress):
    """One target locale of a job, with its own counts, error and resulting draft.

    At most one *active* target exists per (object, locale): two jobs never write the same
    translation at the same time (enforced by a partial unique constraint).
    """

    Status = TranslationJob.Status

    job = models.ForeignKey(
        TranslationJob, on_delete=models.CASCADE, related_name="targets", verbose_name=_("job")
    )
    object = models.ForeignKey(TranslatableObject, on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey(
        Locale, on_delete=models.CASCADE, related_name="+", verbose_name=_("language")
    )
    active = models.BooleanField(default=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    draft_revision = models.ForeignKey(
        Revision, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("job target")
        verbose_name_plural = _("job targets")
        ordering = ["locale__language_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["object", "locale"],
                condition=Q(active=True),
                name="translation_one_active_job_per_object_locale",
            ),
            models.UniqueConstraint(fields=["job", "locale"], name="translation_job_locale"),
        ]

    def __str__(self) -> str:
        return f"{self.job_id} → {self.locale.language_code}"

    @property
    def wrote_nothing(self) -> bool:
        """Done without translating a segment: everything was translated already."""
        return (
            self.status == self.Status.DONE
            and self.segments_memory + self.segments_machine == 0
            and not self.segments_failed
        )
