"""django-q2 tasks: take ids, call one service."""

from __future__ import annotations

from datetime import timedelta

from cms.database_retry import retry_on_database_disconnect, run_with_database_retry
from translation import services


def job_run(job_id: int) -> str | None:
    # A retry after a lost connection takes the job over: the "running" mark it finds is
    # this worker's own, left when the connection died.
    job = run_with_database_retry(
        lambda attempt: services.job_run(job_id=job_id, takeover=attempt > 0)
    )
    return job.status if job else None


@retry_on_database_disconnect
def jobs_reconcile(stale_seconds: int | None = None) -> list[int]:
    stale = timedelta(seconds=stale_seconds) if stale_seconds else None
    return services.jobs_reconcile(stale_after=stale)


@retry_on_database_disconnect
def reviewers_notify(source_id: int, stale: dict[str, int]) -> int:
    return services.reviewers_notify(source_id=source_id, stale=stale)
