"""Runs Wagtail's django-tasks jobs (search indexing, reference index…) on django-q2.

django-q2 ships no `TASKS` backend (FINDINGS.md); this one hands each task's dotted path to
the queue (cms/queue.py) once the surrounding transaction commits, so one worker fleet runs everything
and the web request never waits for indexing.
"""

from django.db import IntegrityError
from django.utils.module_loading import import_string
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import Task, TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id

from cms.queue import enqueue

RUNNER = "cms.tasks_backend.task_run"


def task_run(module_path: str, args: list, kwargs: dict, takes_context: bool = False):
    """Executed by the django-q2 worker: look the task up by path and call its function."""
    task = import_string(module_path)
    if takes_context:
        raise ValueError(f"{module_path} needs a task context, which django-q2 cannot give")
    try:
        return task.call(*args, **kwargs)
    except IntegrityError:
        # Two workers indexing the same object race on the index's unique row; Wagtail's
        # tasks are upserts, so running again once sees the other's row and updates it.
        return task.call(*args, **kwargs)


class DjangoQ2Backend(BaseTaskBackend):
    supports_defer = False
    supports_async_task = False
    supports_priority = False

    def enqueue(self, task: Task, args, kwargs) -> TaskResult:
        self.validate_task(task)
        result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=list(args),
            kwargs=dict(kwargs),
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        enqueue(
            RUNNER,
            task.module_path,
            list(args),
            dict(kwargs),
            task.takes_context,
            task_name=f"wagtail:{task.name}",
            group="wagtail-tasks",
        )
        return result
