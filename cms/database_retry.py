"""Background tasks outlive a dropped database connection.

A PostgreSQL restart, a failover or an administrator's `pg_terminate_backend` kills the
connection a worker holds. The task's transaction rolls back on the server; the worker
reconnects and runs the task again. Every task is idempotent (it works from the state in the
database), so running it again after a rollback is safe.
"""

import functools
import logging
import time
from collections.abc import Callable
from typing import TypeVar

from django.db import InterfaceError, OperationalError, connections

log = logging.getLogger(__name__)

T = TypeVar("T")

DISCONNECT_ERRORS = (OperationalError, InterfaceError)
ATTEMPTS = 3
PAUSE_SECONDS = 1.0


def run_with_database_retry(
    work: Callable[[int], T], *, attempts: int = ATTEMPTS, pause: float = PAUSE_SECONDS
) -> T:
    """Call `work(attempt)`; on a lost connection, reconnect and call it again.

    `attempt` counts from 0, so work can tell a retry from a first run. The last failure is
    raised as it was, for django-q2 to record.
    """
    for attempt in range(attempts):
        try:
            return work(attempt)
        except DISCONNECT_ERRORS as error:
            if attempt == attempts - 1:
                raise
            log.warning("database connection lost (%s); retrying, attempt %s", error, attempt + 2)
            connections.close_all()
            time.sleep(pause * (attempt + 1))
    raise AssertionError("unreachable")


def retry_on_database_disconnect(task: Callable[..., T]) -> Callable[..., T]:
    """Decorator for django-q2 task functions (the dotted path still names the task)."""

    @functools.wraps(task)
    def wrapper(*args, **kwargs) -> T:
        return run_with_database_retry(lambda _attempt: task(*args, **kwargs))

    return wrapper
