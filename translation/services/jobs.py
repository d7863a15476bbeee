"""Machine-translation jobs: request, run (resumable), cancel, retry, reconcile."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log as audit_log
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, TranslatableObject, TranslationSource

from cms.database_retry import DISCONNECT_ERRORS
from cms.queue import MACHINE_TRANSLATION, enqueue
from translation import machine
from translation.machine import TranslationEngineError, argos_code
from translation.models import JobTarget, SegmentReview, TranslationJob
from translation.models.memory import field_kind
from translation.selectors import Segment, segments_for
from translation.services.adopt import target_text_adopt
from translation.services.drafts import TargetLockedError, draft_build
from translation.services.memory import memory_record_many, memory_use

log = logging.getLogger(__name__)
Status = TranslationJob.Status
TOOL_NAME = "CHM machine translation"
# Flags that mean the output needs a person's eye before anyone relies on it.
FAILURE_FLAGS = {"markup_fallback", "source_markup_invalid"}


class JobRequestError(ValueError):
    """A request that cannot become a job (message fit for the user)."""


def _batch_size() -> int:
    return int(getattr(settings, "MT_BATCH_SIZE", 32))


def _locales(codes: Iterable[str] | None, source_locale: Locale) -> list[Locale]:
    locales = Locale.objects.exclude(pk=source_locale.pk)
    if codes is not None:
        codes = list(codes)
        locales = locales.filter(language_code__in=codes)
        unknown = (
            set(codes) - {loc.language_code for loc in locales} - {source_locale.language_code}
        )
        if unknown:
            raise JobRequestError(
                _("Unknown language: %(codes)s.") % {"codes": ", ".join(sorted(unknown))}
            )
    return list(locales.order_by("language_code"))


def job_request(
    *,
    instance: Model,
    user: AbstractBaseUser | None,
    languages: Iterable[str] | None = None,
    trigger: str = TranslationJob.Trigger.MANUAL,
) -> TranslationJob | None:
    """Create a job translating ``instance`` into ``languages`` (default: all others).

    Locales that already have an active job for this object are left out (never two jobs
    for the same object and locale); returns None when nothing is left to do. The task
    is enqueued when the transaction commits.
    """
    if isinstance(instance, Page):
        instance = instance.specific
    source_locale = instance.locale
    locales = _locales(languages, source_locale)
    obj, _created = TranslatableObject.objects.get_or_create_from_instance(instance)
    with transaction.atomic():
        busy = set(
            JobTarget.objects.filter(object=obj, active=True).values_list("locale_id", flat=True)
        )
        wanted = [loc for loc in locales if loc.pk not in busy]
        if not wanted:
            return None
        job = TranslationJob.objects.create(
            object=obj,
            source_locale=source_locale,
            requested_by=user if user is not None and user.is_authenticated else None,
            trigger=trigger,
            object_label=str(getattr(instance, "title", None) or instance)[:255],
        )
        for locale in wanted:
            try:
                with transaction.atomic():
                    JobTarget.objects.create(job=job, object=obj, locale=locale)
            except IntegrityError:
                continue  # a concurrent request took this locale first
        if not job.targets.exists():
            job.delete()
            return None
        _enqueue(job.pk)
    return job


def jobs_request_many(
    *,
    pages: Sequence[Page],
    user: AbstractBaseUser | None,
    languages: Iterable[str] | None = None,
    trigger: str = TranslationJob.Trigger.BULK,
) -> list[TranslationJob]:
    languages = list(languages) if languages is not None else None
    jobs = []
    for page in pages:
        job = job_request(instance=page, user=user, languages=languages, trigger=trigger)
        if job is not None:
            jobs.append(job)
    return jobs


def pages_with_subpages(pages: Sequence[Page]) -> list[Page]:
    """The pages and their descendants in the same language, each once, in tree order."""
    seen: dict[int, Page] = {}
    for page in sorted(pages, key=lambda p: p.path):
        if page.pk in seen:
            continue
        seen[page.pk] = page
        for child in page.get_descendants().filter(locale_id=page.locale_id).specific():
            seen.setdefault(child.pk, child)
    return list(seen.values())


def jobs_request_subtree(
    *, page: Page, user: AbstractBaseUser | None, languages: Iterable[str] | None = None
) -> list[TranslationJob]:
    pages = [page, *page.get_descendants().filter(locale_id=page.locale_id).specific()]
    return jobs_request_many(
        pages=pages, user=user, languages=languages, trigger=TranslationJob.Trigger.SUBTREE
    )


def _enqueue(job_id: int) -> None:
    enqueue("translation.tasks.job_run", job_id, group="translation", queue=MACHINE_TRANSLATION)


def _job_log(job: TranslationJob, action: str, user: AbstractBaseUser | None, before: str) -> None:
    """Wagtail's audit log: who changed the job, and its status before and after."""
    audit_log(
        job,
        action,
        user=user if user is not None and user.is_authenticated else None,
        data={"before": {"status": before}, "after": {"status": job.status}},
    )


def job_cancel(*, job: TranslationJob, user: AbstractBaseUser | None = None) -> TranslationJob:
    """Stop a job: the worker notices at its next batch; what is done stays done. Logged
    (``translation.job.cancel``) with the user who cancelled it."""
    with transaction.atomic():
        job = TranslationJob.objects.select_for_update().get(pk=job.pk)
        if not job.is_active:
            return job
        before = job.status
        job.status = Status.CANCELLED
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "finished_at"])
        job.targets.filter(active=True).update(
            active=False, status=Status.CANCELLED, finished_at=timezone.now()
        )
        _job_log(job, "translation.job.cancel", user, before)
    return job


def job_retry(*, job: TranslationJob, user: AbstractBaseUser | None = None) -> TranslationJob:
    """Run a failed or cancelled job again; it resumes where its segments say. Logged
    (``translation.job.retry``) with the user who asked."""
    with transaction.atomic():
        job = TranslationJob.objects.select_for_update().get(pk=job.pk)
        if job.is_active:
            return job
        reopened = 0
        for target in job.targets.exclude(status=Status.DONE).filter(active=False):
            if JobTarget.objects.filter(
                object=target.object_id, locale=target.locale_id, active=True
            ).exists():
                continue
            target.active, target.status, target.error = True, Status.QUEUED, ""
            target.save(update_fields=["active", "status", "error"])
            reopened += 1
        if not reopened:
            return job
        before = job.status
        job.status, job.error, job.finished_at = Status.QUEUED, "", None
        job.save(update_fields=["status", "error", "finished_at"])
        _job_log(job, "translation.job.retry", user, before)
        _enqueue(job.pk)
    return job


def jobs_reconcile(*, stale_after: timedelta | None = None) -> list[int]:
    """Re-enqueue active jobs whose worker stopped beating (killed, or lost by Redis)."""
    stale_after = stale_after or timedelta(
        seconds=int(getattr(settings, "MT_JOB_STALE_SECONDS", 300))
    )
    limit = timezone.now() - stale_after
    stale = list(
        TranslationJob.objects.filter(status__in=TranslationJob.ACTIVE)
        .filter(_stale_filter(limit))
        .values_list("pk", flat=True)
    )
    for job_id in stale:
        # Back to queued so the next run starts at once; the fresh heartbeat keeps the
        # next reconciler pass from enqueueing it again before a worker picks it up.
        TranslationJob.objects.filter(pk=job_id).update(
            status=Status.QUEUED, heartbeat_at=timezone.now()
        )
        _enqueue(job_id)
    return stale


def _stale_filter(limit):
    from django.db.models import Q

    return Q(heartbeat_at__lt=limit) | Q(heartbeat_at__isnull=True, created_at__lt=limit)


# -- running --------------------------------------------------------------------------------


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
    instance = job.object.get_instance(job.source_locale)
    if isinstance(instance, Page):
        instance = instance.specific
    if hasattr(instance, "get_latest_revision_as_object") and instance.latest_revision_id:
        instance = instance.get_latest_revision_as_object()
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    targets = list(job.targets.filter(active=True).select_related("locale"))
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
    _job_totals(job.pk)
    engine = machine.engine()
    glossary = machine.glossary_load()
    src = source.locale.language_code
    size = _batch_size()
    failed_targets: dict[int, str] = {}
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
        if _cancelled(job.pk):
            return
        texts = [all_segments[pk].source_text for pk in batch_ids]
        by_target = {t.pk: t for t in targets}
        codes = [by_target[pk].locale.language_code for pk in needed]
        results, errors = _translate(engine, glossary, texts, src, codes)
        for target_pk, segs in needed.items():
            target = by_target[target_pk]
            code = target.locale.language_code
            if code in errors:
                failed_targets[target_pk] = errors[code]
                continue
            outputs = {pk: results[code][i] for i, pk in enumerate(batch_ids)}
            _store(job, target, segs, outputs, src)
        TranslationJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())
        _job_totals(job.pk)
        _pause()
    for target in targets:
        _target_finish(job, target, source, failed_targets.get(target.pk))
    _job_finish(job.pk)


def _pause() -> None:
    """Optional pause between batches, so a shared machine stays responsive."""
    import time

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


def _store(job: TranslationJob, target: JobTarget, segments: list[Segment], outputs, src: str):
    """Write one batch of one target, with its counters, in one transaction."""
    memory_hits = machine_hits = failures = 0
    pairs = []
    with transaction.atomic():
        locked = {
            t.pk: t
            for t in StringTranslation.objects.select_for_update().filter(
                locale=target.locale,
                translation_of_id__in=[s.segment.string_id for s in segments],
                context_id__in=[s.segment.context_id for s in segments],
            )
        }
        reviews = {
            r.translation_id: r
            for r in SegmentReview.objects.filter(translation_id__in=list(locked))
        }
        for segment in segments:
            result = outputs[segment.segment.pk]
            current = next(
                (
                    t
                    for t in locked.values()
                    if t.translation_of_id == segment.segment.string_id
                    and t.context_id == segment.segment.context_id
                ),
                None,
            )
            review = reviews.get(current.pk) if current else None
            stale = review is not None and review.state == SegmentReview.State.STALE
            if current is not None and not stale:
                continue  # a person (or this job before a crash) got there first
            broken = bool(set(result.flags) & FAILURE_FLAGS)
            from_memory = result.from_memory
            if current is None:
                current = StringTranslation(
                    translation_of_id=segment.segment.string_id,
                    context_id=segment.segment.context_id,
                    locale=target.locale,
                )
            current.data = result.text
            current.translation_type = StringTranslation.TRANSLATION_TYPE_MACHINE
            current.tool_name = TOOL_NAME
            current.last_translated_by = None
            current.has_error = False
            current.save()
            SegmentReview.objects.update_or_create(
                translation=current,
                defaults={
                    "state": SegmentReview.State.MACHINE,
                    "origin": SegmentReview.Origin.MEMORY
                    if from_memory
                    else SegmentReview.Origin.MACHINE,
                    "job": job,
                    "flags": ",".join(result.flags)[:200],
                    "reviewed_by": None,
                    "reviewed_at": None,
                },
            )
            if broken:
                failures += 1
            elif from_memory:
                memory_hits += 1
            else:
                machine_hits += 1
                pairs.append((segment.source_text, result.text, field_kind(segment.path)))
        memory_record_many(
            source_language=src,
            target_language=target.locale.language_code,
            pairs=pairs,
            origin="machine",
        )
        JobTarget.objects.filter(pk=target.pk).update(
            segments_done=F("segments_done") + memory_hits + machine_hits + failures,
            segments_memory=F("segments_memory") + memory_hits,
            segments_machine=F("segments_machine") + machine_hits,
            segments_failed=F("segments_failed") + failures,
        )


def _cancelled(job_id: int) -> bool:
    return TranslationJob.objects.filter(pk=job_id, status=Status.CANCELLED).exists()


def _target_finish(
    job: TranslationJob, target: JobTarget, source: TranslationSource, error: str | None
) -> None:
    if _cancelled(job.pk):
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


def _job_totals(job_id: int) -> None:
    from django.db.models import Sum

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


def _job_finish(job_id: int) -> None:
    _job_totals(job_id)
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
