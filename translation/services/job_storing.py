"""Writing a machine-translation job's output: each batch of one language with its
counters in one transaction, then each language's draft and the job's outcome."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail_localize.models import StringTranslation, TranslationSource

from translation.models import JobTarget, SegmentReview, TranslationJob
from translation.models.memory import field_kind
from translation.selectors import Segment
from translation.services.drafts import TargetLockedError, draft_build
from translation.services.memory import memory_record_many

Status = TranslationJob.Status
TOOL_NAME = "CHM machine translation"
# Flags that mean the output needs a person's eye before anyone relies on it.
FAILURE_FLAGS = {"markup_fallback", "source_markup_invalid"}


def segments_store(
    job: TranslationJob, target: JobTarget, segments: list[Segment], outputs, src: str
) -> None:
    """Write one batch of one target, with its counters, in one transaction."""
    counts = {"memory": 0, "machine": 0, "failed": 0}
    pairs = []
    with transaction.atomic():
        current, reviews = _translations_locked(target, segments)
        for segment in segments:
            key = (segment.segment.string_id, segment.segment.context_id)
            existing = current.get(key)
            review = reviews.get(existing.pk) if existing else None
            if existing is not None and not (review and review.state == SegmentReview.State.STALE):
                continue  # a person (or this job before a crash) got there first
            result = outputs[segment.segment.pk]
            _segment_write(job, target, segment, existing, result)
            if set(result.flags) & FAILURE_FLAGS:
                counts["failed"] += 1
            elif result.from_memory:
                counts["memory"] += 1
            else:
                counts["machine"] += 1
                pairs.append((segment.source_text, result.text, field_kind(segment.path)))
        memory_record_many(
            source_language=src,
            target_language=target.locale.language_code,
            pairs=pairs,
            origin="machine",
        )
        JobTarget.objects.filter(pk=target.pk).update(
            segments_done=F("segments_done") + sum(counts.values()),
            segments_memory=F("segments_memory") + counts["memory"],
            segments_machine=F("segments_machine") + counts["machine"],
            segments_failed=F("segments_failed") + counts["failed"],
        )


def _translations_locked(target: JobTarget, segments: list[Segment]):
    """The batch's existing translations, locked, by (string, context), and their reviews."""
    locked = list(
        StringTranslation.objects.select_for_update().filter(
            locale=target.locale,
            translation_of_id__in=[s.segment.string_id for s in segments],
            context_id__in=[s.segment.context_id for s in segments],
        )
    )
    reviews = {
        r.translation_id: r
        for r in SegmentReview.objects.filter(translation_id__in=[t.pk for t in locked])
    }
    return {(t.translation_of_id, t.context_id): t for t in locked}, reviews


def _segment_write(job, target: JobTarget, segment: Segment, current, result) -> None:
    """The machine output of one segment, waiting for review (replacing a stale text).

    Two writes for a new segment: the translation (its source string is already loaded,
    which wagtail-localize's validity check reads) and its review row.
    """
    new = current is None
    if new:
        current = StringTranslation(
            translation_of=segment.segment.string,
            context_id=segment.segment.context_id,
            locale=target.locale,
        )
    current.data = result.text
    current.translation_type = StringTranslation.TRANSLATION_TYPE_MACHINE
    current.tool_name = TOOL_NAME
    current.last_translated_by = None
    current.has_error = False
    current.save()
    origin = SegmentReview.Origin.MEMORY if result.from_memory else SegmentReview.Origin.MACHINE
    review = {
        "state": SegmentReview.State.MACHINE,
        "origin": origin,
        "job": job,
        "flags": ",".join(result.flags)[:200],
        "reviewed_by": None,
        "reviewed_at": None,
    }
    if new:
        SegmentReview.objects.create(translation=current, **review)
    else:
        SegmentReview.objects.update_or_create(translation=current, defaults=review)


def job_cancelled(job_id: int) -> bool:
    return TranslationJob.objects.filter(pk=job_id, status=Status.CANCELLED).exists()


def target_finish(
    job: TranslationJob, target: JobTarget, source: TranslationSource, error: str | None
) -> None:
    if job_cancelled(job.pk):
        return
    if error:
        JobTarget.objects.filter(pk=target.pk).update(
            status=Status.FAILED, error=error, active=False, finished_at=timezone.now()
        )
        return
    try:
        with transaction.atomic():
            revision = draft_build(
                source=source, locale=target.locale, user=job.requested_by, adopt=False
            )
            target.refresh_from_db()
            # Everything not translated by now was already translated before this job.
            JobTarget.objects.filter(pk=target.pk).update(
                status=Status.DONE,
                active=False,
                finished_at=timezone.now(),
                segments_done=target.segments_total,
                draft_revision=revision or target.draft_revision,
            )
    except TargetLockedError as exc:
        JobTarget.objects.filter(pk=target.pk).update(
            status=Status.FAILED,
            active=False,
            finished_at=timezone.now(),
            error=_(
                "The translations are saved, but the draft was not written because the "
                "page is locked (%(reason)s). Retry once it is unlocked."
            )
            % {"reason": exc},
        )


def job_totals(job_id: int) -> None:
    totals = JobTarget.objects.filter(job_id=job_id).aggregate(
        total=Sum("segments_total"),
        done=Sum("segments_done"),
        memory=Sum("segments_memory"),
        machine=Sum("segments_machine"),
        failed=Sum("segments_failed"),
    )
    TranslationJob.objects.filter(pk=job_id).update(
        segments_total=totals["total"] or 0,
        segments_done=totals["done"] or 0,
        segments_memory=totals["memory"] or 0,
        segments_machine=totals["machine"] or 0,
        segments_failed=totals["failed"] or 0,
    )


def job_finish(job_id: int) -> None:
    job_totals(job_id)
    with transaction.atomic():
        job = TranslationJob.objects.select_for_update().get(pk=job_id)
        if job.status != Status.RUNNING:
            return
        targets = list(job.targets.all())
        failed = [t for t in targets if t.status == Status.FAILED]
        job.status = Status.FAILED if failed and len(failed) == len(targets) else Status.DONE
        job.error = "\n".join(f"{t.locale.language_code}: {t.error}" for t in failed)
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "error", "finished_at"])
