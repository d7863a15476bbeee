"""The one way every app hands work to the django-q2 workers.

A task is enqueued only once the surrounding transaction commits (at once outside one), so a
worker never looks for a row that is not there yet, and a rolled-back request queues nothing.
The database stays the source of truth; the queue is only a wake-up call.

Work goes to a named queue; `settings.TASK_QUEUES` maps each name to a django-q2 cluster
(None: the default cluster). Machine translation uses the "mt" queue, which `MT_CLUSTER`
points at its own cluster in the production profile, so long jobs never hold up e-mail.
"""

from __future__ import annotations

from django.conf import settings
from django.core import checks
from django.db import transaction
from django_q.tasks import async_task

DEFAULT = "default"
MACHINE_TRANSLATION = "mt"


def queue_cluster(queue: str) -> str | None:
    """The django-q2 cluster a named queue's tasks go to (None: the default cluster)."""
    return settings.TASK_QUEUES[queue]


def enqueue(
    func: str, *args, group: str, queue: str = DEFAULT, task_name: str | None = None
) -> None:
    """Queue `func(*args)` (a dotted path) on `queue` once the current transaction commits."""
    cluster = queue_cluster(queue)
    options = {"group": group, "cluster": cluster}
    if task_name:
        options["task_name"] = task_name
    transaction.on_commit(lambda: async_task(func, *args, **options))


@checks.register(checks.Tags.compatibility)
def queues_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """A queue pointing at a cluster no worker is configured for would never run."""
    known = {settings.Q_CLUSTER["name"], *settings.Q_CLUSTER.get("ALT_CLUSTERS", {})}
    return [
        checks.Error(
            f"TASK_QUEUES[{queue!r}] names the cluster {cluster!r}, which Q_CLUSTER does "
            f"not define (known: {', '.join(sorted(known))}).",
            hint="Set MT_CLUSTER to one of the known clusters, or leave it empty.",
            id="cms.E001",
        )
        for queue, cluster in settings.TASK_QUEUES.items()
        if cluster is not None and cluster not in known
    ]
