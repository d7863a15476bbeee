"""The one way every app hands work to the django-q2 workers.

A task is enqueued only once the surrounding transaction commits (at once outside one), so a
worker never looks for a row that is not there yet, and a rolled-back request queues nothing.
The database stays the source of truth; the queue is only a wake-up call.

The tasks of one transaction are handed over together when it commits, each distinct task
once (Wagtail queues the same page's index task several times per save): one broker
transaction on the ORM broker, one broker client per cluster for the process. django-q2
alone opens a new Redis client per task, and on the ORM broker outside a transaction closes
the database connection before every task (with CONN_MAX_AGE=0: a reconnect each).

Work goes to a named queue; `settings.TASK_QUEUES` maps each name to a django-q2 cluster
(None: the default cluster). Machine translation uses the "mt" queue, which `MT_CLUSTER`
points at its own cluster in the production profile, so long jobs never hold up e-mail.
"""

from __future__ import annotations

from contextlib import nullcontext

from django.conf import settings
from django.core import checks
from django.db import transaction
from django_q.brokers import Broker, get_broker
from django_q.conf import Conf
from django_q.tasks import async_task

from cms.on_commit import OnCommitBatch

DEFAULT = "default"
MACHINE_TRANSLATION = "mt"


def queue_cluster(queue: str) -> str | None:
    """The django-q2 cluster a named queue's tasks go to (None: the default cluster)."""
    return settings.TASK_QUEUES[queue]


_BROKERS: dict[tuple, Broker] = {}


def _broker(cluster: str | None) -> Broker:
    """The process's broker for a cluster (keyed on the broker settings too: tests swap them)."""
    key = (cluster, Conf.ORM, repr(Conf.REDIS), Conf.BROKER_CLASS)
    if key not in _BROKERS:
        _BROKERS[key] = get_broker(cluster)
    return _BROKERS[key]


class PendingTasks(OnCommitBatch):
    """The tasks to hand over when the current transaction commits (cms/on_commit.py)."""

    def handle(self, items: list[tuple[str, tuple, dict]]) -> None:
        # The ORM broker: one transaction for all, so no reconnect before each.
        with transaction.atomic(using=Conf.ORM) if Conf.ORM else nullcontext():
            for func, args, options in items:
                async_task(func, *args, broker=_broker(options["cluster"]), **options)


def enqueue(
    func: str, *args, group: str, queue: str = DEFAULT, task_name: str | None = None
) -> None:
    """Queue `func(*args)` (a dotted path) on `queue` once the current transaction commits."""
    cluster = queue_cluster(queue)
    options = {"group": group, "cluster": cluster}
    if task_name:
        options["task_name"] = task_name
    # repr: arguments may be lists; a task queued twice for one commit runs once.
    PendingTasks.collect(repr((func, args, sorted(options.items()))), (func, args, options))


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
