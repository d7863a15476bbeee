"""django-q2 tasks: take ids, call one service."""

from __future__ import annotations

from datetime import timedelta

from translation import services


def job_run(job_id: int) -> str | None:
    job = services.job_run(job_id=job_id)
    return job.status if job else None


def jobs_reconcile(stale_seconds: int | None = None) -> list[int]:
    stale = timedelta(seconds=stale_seconds) if stale_seconds else None
    return services.jobs_reconcile(stale_after=stale)


def reviewers_notify(source_id: int, stale: dict[str, int]) -> int:
    return services.reviewers_notify(source_id=source_id, stale=stale)
