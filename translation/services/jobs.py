"""Machine-translation jobs: request (one page, many, a subtree), queue, cancel, retry and
reconcile. Running a job is `job_running.py`; writing its segments and finishing it is
`job_storing.py`."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log as audit_log
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslatableObject

from cms.queue import MACHINE_TRANSLATION, enqueue
from translation.models import JobTarget, TranslationJob

log = logging.getLogger(__name__)
Status = TranslationJob.Status


class JobRequestError(ValueError):
    """A request that cannot become a job (message fit for the user)."""


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
    is enqueued when the transaction commits. Logged (``translation.job.request``) with who
    asked and the languages.
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
        languages = sorted(job.targets.values_list("locale__language_code", flat=True))
        if not languages:
            job.delete()
            return None
        audit_log(
            job,
            "translation.job.request",
            user=job.requested_by,
            data={"before": None, "after": {"status": job.status, "languages": languages}},
        )
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
