"""Every app queues work through cms/queue.py: on commit only, on its named queue's cluster."""

import json

import pytest
import redis
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings
from django_q.conf import Conf
from django_q.models import OrmQ
from django_q.signing import SignedPackage

from tests.cms.test_settings import run_python
from tests.redis_server import RedisServer
from tests.translation.builders import english_page
from translation import services

pytestmark = pytest.mark.django_db
MT_ON_ITS_CLUSTER = {"default": None, "mt": "mt"}


@pytest.fixture
def redis_broker(tmp_path, monkeypatch):
    """django-q2 on a real Redis of the test's own (it reads its broker once, from Conf)."""
    server = RedisServer(tmp_path)
    server.start()
    monkeypatch.setattr(Conf, "ORM", None)
    monkeypatch.setattr(Conf, "REDIS", server.url)
    monkeypatch.setattr(Conf, "SYNC", False)
    yield redis.Redis.from_url(server.url)
    server.stop()


def queued(client: redis.Redis, cluster: str) -> list[tuple[str, tuple]]:
    packages = [SignedPackage.loads(raw) for raw in client.lrange(f"django_q:{cluster}:q", 0, -1)]
    return [(package["func"], package["args"]) for package in packages]


def test_a_translation_job_lands_on_the_mt_cluster_on_redis(
    redis_broker, django_capture_on_commit_callbacks
):
    page = english_page(slug="queued-on-mt")
    with (
        override_settings(TASK_QUEUES=MT_ON_ITS_CLUSTER),
        django_capture_on_commit_callbacks(execute=True),
    ):
        job = services.job_request(instance=page, user=None, languages=["fr"])
    assert queued(redis_broker, "mt") == [("translation.tasks.job_run", (job.pk,))]
    assert queued(redis_broker, Conf.CLUSTER_NAME) == []


def test_without_mt_cluster_the_job_stays_on_the_default_cluster(
    redis_broker, django_capture_on_commit_callbacks
):
    page = english_page(slug="queued-on-default")
    with django_capture_on_commit_callbacks(execute=True):
        job = services.job_request(instance=page, user=None, languages=["fr"])
    assert queued(redis_broker, Conf.CLUSTER_NAME) == [("translation.tasks.job_run", (job.pk,))]
    assert queued(redis_broker, "mt") == []


def test_nothing_is_queued_before_the_transaction_commits(django_capture_on_commit_callbacks):
    page = english_page(slug="queued-on-commit")
    with (
        override_settings(TASK_QUEUES=MT_ON_ITS_CLUSTER),
        django_capture_on_commit_callbacks(execute=False) as callbacks,
    ):
        job = services.job_request(instance=page, user=None, languages=["fr"])
    assert not OrmQ.objects.exists()
    for callback in callbacks:
        callback()
    assert [(task.key, task.task["args"]) for task in OrmQ.objects.all()] == [("mt", (job.pk,))]


def test_mt_cluster_from_the_environment_names_the_mt_queue(tmp_path):
    code = (
        "import json, django; django.setup(); from cms.queue import queue_cluster; "
        "print(json.dumps([queue_cluster('mt'), queue_cluster('default')]))"
    )
    assert json.loads(run_python(code, tmp_path, DEBUG="1", MT_CLUSTER="mt").stdout) == ["mt", None]


def test_a_queue_naming_a_cluster_no_worker_runs_fails_the_checks():
    with override_settings(TASK_QUEUES={"default": None, "mt": "translation"}):
        with pytest.raises(SystemCheckError, match="cms.E001"):
            call_command("check")
    call_command("check")


def orm_queued() -> list[tuple[str, tuple]]:
    return [(task.task["func"], task.task["args"]) for task in OrmQ.objects.order_by("pk")]


def test_a_transactions_tasks_are_queued_each_once_in_order(django_capture_on_commit_callbacks):
    from django.db import transaction

    from cms.queue import enqueue

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        enqueue("helpdesk.tasks.ticket_mail_send", 1, group="helpdesk")
        enqueue("notifications.tasks.deliveries_send_task", [4, 5], group="notifications")
        enqueue("helpdesk.tasks.ticket_mail_send", 1, group="helpdesk")  # Wagtail does this
        enqueue("helpdesk.tasks.ticket_mail_send", 2, group="helpdesk")
    assert orm_queued() == [
        ("helpdesk.tasks.ticket_mail_send", (1,)),
        ("notifications.tasks.deliveries_send_task", ([4, 5],)),
        ("helpdesk.tasks.ticket_mail_send", (2,)),
    ]


def test_a_rolled_back_savepoint_takes_its_own_tasks_with_it(django_capture_on_commit_callbacks):
    from django.db import transaction

    from cms.queue import enqueue

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        enqueue("helpdesk.tasks.ticket_mail_send", 1, group="helpdesk")
        try:
            with transaction.atomic():
                enqueue("helpdesk.tasks.ticket_mail_send", 2, group="helpdesk")
                raise ValueError("the inner step fails")
        except ValueError:
            pass
        enqueue("helpdesk.tasks.ticket_mail_send", 3, group="helpdesk")
    assert orm_queued() == [
        ("helpdesk.tasks.ticket_mail_send", (1,)),
        ("helpdesk.tasks.ticket_mail_send", (3,)),
    ]


@pytest.mark.django_db(transaction=True)
def test_handing_tasks_to_the_orm_broker_keeps_the_database_connection(monkeypatch):
    # django-q2's ORM broker closes the connection before each task outside a transaction
    # (CONN_MAX_AGE=0: a reconnect per task, the cost that slowed translation jobs).
    from django.db import connection, transaction

    from cms.queue import enqueue

    closes = []
    close = connection.close
    monkeypatch.setattr(connection, "close", lambda: closes.append(1) or close())
    with transaction.atomic():
        for number in range(5):
            enqueue("helpdesk.tasks.ticket_mail_send", number, group="helpdesk")
    assert closes == []
    assert len(orm_queued()) == 5


def test_tasks_reuse_one_redis_connection(redis_broker, django_capture_on_commit_callbacks):
    from django.db import transaction

    from cms.queue import enqueue

    def connections_received() -> int:
        return redis_broker.info("stats")["total_connections_received"]

    with django_capture_on_commit_callbacks(execute=True):  # the process's client
        enqueue("helpdesk.tasks.ticket_mail_send", 0, group="helpdesk")
    before = connections_received()
    for number in range(1, 21):
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            enqueue("helpdesk.tasks.ticket_mail_send", number, group="helpdesk")
    assert connections_received() - before <= 1  # 20 transactions, no new client each
    assert len(queued(redis_broker, Conf.CLUSTER_NAME)) == 21


def test_a_task_queued_in_a_nested_atomic_and_again_outside_it_is_queued_once(
    django_capture_on_commit_callbacks,
):
    # Wagtail saves a page inside an atomic() of its own, and queues its index tasks there.
    from django.db import transaction

    from cms.queue import enqueue

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        with transaction.atomic():
            enqueue("helpdesk.tasks.ticket_mail_send", 1, group="helpdesk")
        enqueue("helpdesk.tasks.ticket_mail_send", 1, group="helpdesk")
        enqueue("helpdesk.tasks.ticket_mail_send", 2, group="helpdesk")
    assert orm_queued() == [
        ("helpdesk.tasks.ticket_mail_send", (1,)),
        ("helpdesk.tasks.ticket_mail_send", (2,)),
    ]
