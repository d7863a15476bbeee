"""Running a machine-translation job: resumable, batch by batch, one failing language never
stopping the others. Writes go through `job_storing.py`."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from cms.database_retry import DISCONNECT_ERRORS
from translation import machine
from translation.machine import TranslationEngineError, argos_code
from translation.models import JobTarget, SegmentReview, TranslationJob
from translation.selectors import Segment, segments_for
from translation.services.adopt import target_text_adopt
from translation.services.job_storing import (
    job_cancelled,
    job_finish,
    job_totals,
    segments_store,
    target_finish,
)
from translation.services.memory import memory_use

log = logging.getLogger(__name__)
Status = TranslationJob.Status


def _batch_size() -> int:
    return int(getattr(settings, "MT_BATCH_SIZE", 32))


def job_run(*, job_id: int, takeover: bool = False) -> TranslationJob | None:
    """Run (or resume) a job. Safe to call any number of times, concurrently or after a crash.

    Each batch of segments is written in one transaction together with the counters, so a
    killed worker loses at most the batch in flight and the next run picks up exactly the
    segments that are still missing. `takeover` runs a job even though it looks running: the
    caller is the worker that was running it and lost its database connection.
    """
    with transaction.atomic():
        job = TranslationJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or not job.is_active:
            return job
        now = timezone.now()
        if (
            not takeover
            and job.status == Status.RUNNING
            and job.heartbeat_at
            and now - job.heartbeat_at < timedelta(seconds=_min_stale_seconds())
        ):
            return job  # another worker is on it
        job.status, job.attempts, job.heartbeat_at = Status.RUNNING, job.attempts + 1, now
        job.started_at = job.started_at or now
        job.save(update_fields=["status", "attempts", "heartbeat_at", "started_at"])
    try:
        _job_execute(job)
    except DISCONNECT_ERRORS:
        raise  # nothing can be recorded without a connection; the task retries the job
    except Exception as exc:  # a bug: the job says so, the worker lives on
        log.exception("translation job %s failed", job_id)
        TranslationJob.objects.filter(pk=job_id, status=Status.RUNNING).update(
            status=Status.FAILED, error=str(exc)[:2000], finished_at=timezone.now()
        )
        JobTarget.objects.filter(job_id=job_id, active=True).update(
            active=False, status=Status.FAILED, error=str(exc)[:2000]
        )
    job.refresh_from_db()
    return job


def _min_stale_seconds() -> int:
    return max(5, int(getattr(settings, "MT_JOB_STALE_SECONDS", 300)) // 2)


def _job_execute(job: TranslationJob) -> None:
    source = _source_of(job)
    targets = list(job.targets.filter(active=True).select_related("locale"))
    work = _targets_start(job, source, targets)
    engine = machine.engine()
    glossary = machine.glossary_load()
    src = source.locale.language_code
    size = _batch_size()
    failed_targets: dict[int, str] = {}
    by_target = {t.pk: t for t in targets}
    all_segments = {s.segment.pk: s for t in targets for s in work[t.pk]}
    order = sorted(all_segments)
    for start in range(0, len(order), size):
        batch_ids = order[start : start + size]
        needed = {
            t.pk: [s for s in work[t.pk] if s.segment.pk in batch_ids]
            for t in targets
            if t.pk not in failed_targets
        }
        needed = {k: v for k, v in needed.items() if v}
        if not needed:
            continue
        if job_cancelled(job.pk):
            return
        texts = [all_segments[pk].source_text for pk in batch_ids]
        codes = [by_target[pk].locale.language_code for pk in needed]
        results, errors = _translate(engine, glossary, texts, src, codes)
        for target_pk, segs in needed.items():
            code = by_target[target_pk].locale.language_code
            if code in errors:
                failed_targets[target_pk] = errors[code]
                continue
            outputs = {pk: results[code][i] for i, pk in enumerate(batch_ids)}
            segments_store(job, by_target[target_pk], segs, outputs, src)
        TranslationJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())
        job_totals(job.pk)
        _pause()
    for target in targets:
        target_finish(job, target, source, failed_targets.get(target.pk))
    job_finish(job.pk)


def _source_of(job: TranslationJob) -> TranslationSource:
    """The source as last saved (a page's latest revision, not only what is live)."""
    instance = job.object.get_instance(job.source_locale)
    if isinstance(instance, Page):
        instance = instance.specific
    if hasattr(instance, "get_latest_revision_as_object") and instance.latest_revision_id:
        instance = instance.get_latest_revision_as_object()
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    return source


def _targets_start(
    job: TranslationJob, source: TranslationSource, targets: list[JobTarget]
) -> dict[int, list[Segment]]:
    """Each target's segments still to translate; counters set for an honest progress bar."""
    for target in targets:
        # Text people wrote in an existing target is theirs: recorded before anything is
        # translated, so it counts as done and no machine output replaces it.
        target_text_adopt(source=source, locale=target.locale)
    work = {t.pk: _todo(source, t, job) for t in targets}
    for target in targets:
        total = len(segments_for(source, target.locale))
        # Segments translated before this run (by people, earlier jobs or this job before
        # a crash) count as done, so the progress bar is honest after a resume.
        JobTarget.objects.filter(pk=target.pk).update(
            segments_total=total, segments_done=total - len(work[target.pk]), status=Status.RUNNING
        )
    job_totals(job.pk)
    return work


def _pause() -> None:
    """Optional pause between batches, so a shared machine stays responsive."""
    pause = float(getattr(settings, "MT_BATCH_PAUSE", 0) or 0)
    if pause:
        time.sleep(pause)


def _todo(source: TranslationSource, target: JobTarget, job: TranslationJob) -> list[Segment]:
    """Segments the job must (still) translate into ``target``: missing and stale ones.

    Everything else already has a translation: a person's (never replaced), or machine
    output waiting for review (a new request does not churn what reviewers may be
    reading; a resumed run skips what it wrote before the crash).
    """
    return [
        segment
        for segment in segments_for(source, target.locale)
        if segment.source_text.strip()
        # A stale text translates an older source: replacing it overwrites nobody's
        # translation of the current one (the old pair stays in the memory).
        and (segment.translation is None or segment.state == SegmentReview.State.STALE)
    ]


def _translate(engine, glossary, texts: list[str], source: str, targets: list[str]):
    """Translate a batch; one failing target does not stop the others."""
    memory = {argos_code(code): machine.MemoryLookup(source, code) for code in targets}
    try:
        results = engine.translate_many(texts, source, targets, memory=memory, glossary=glossary)
        _count_memory_uses(memory.values())
        return {code: results[argos_code(code)].segments for code in targets}, {}
    except TranslationEngineError:
        pass
    results, errors = {}, {}
    for code in targets:
        lookup = memory[argos_code(code)]
        lookup.used_ids.clear()
        try:
            result = engine.translate(texts, source, code, memory=lookup, glossary=glossary)
            results[code] = result.segments
            _count_memory_uses([lookup])
        except TranslationEngineError as exc:
            errors[code] = str(exc)
    return results, errors


def _count_memory_uses(lookups: Iterable[machine.MemoryLookup]) -> None:
    entry_ids = {pk for lookup in lookups for pk in lookup.used_ids}
    if entry_ids:
        memory_use(entry_ids=entry_ids)
