"""The production profile's workers under faults: django-q2 clusters on a real Redis broker
and a scratch PostgreSQL database, messages counted at a real SMTP server on loopback.

- A worker killed (SIGKILL) in the middle of a dispatch of 1,000 deliveries, then restarted:
  every recipient gets exactly one message.
- Redis restarted (it keeps nothing on disk) while a dispatch and a translation job wait in
  the queue: the reconciler finds both from the database and they complete, once.

Redis here is a server of our own on a free port, so restarting it disturbs nobody.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import psycopg
import pytest

from notifications.mail.sink import sink_start
from tests.notifications.conftest import Mailbox
from tests.redis_server import RedisServer
from tests.scratch_database import scratch_postgres_database
from tests.waiting import wait_until
from translation.demo_models.builder import build_demo_packages
from translation.engine import packages

pytestmark = [pytest.mark.reliability, pytest.mark.postgres]

ROOT = Path(__file__).resolve().parents[2]
RECORD_EVERY = 10
UNFINISHED = {"queued", "sending", "deferred"}


class Cluster:
    """A `manage.py qcluster` in its own process group, so SIGKILL reaches all its workers."""

    def __init__(self, env: dict, log: Path) -> None:
        self.env, self.log = env, log
        self.process: subprocess.Popen | None = None

    def start(self) -> Cluster:
        with open(self.log, "a") as log:
            self.process = subprocess.Popen(  # noqa: S603
                [sys.executable, "manage.py", "qcluster"],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()
            self.process.wait(timeout=10)


class ProductionSite:
    def __init__(self, env: dict, database_url: str, redis_server: RedisServer, logs: Path):
        self.env, self.database_url, self.redis = env, database_url, redis_server
        self.logs = logs

    def run(self, *args: str, extra_env: dict | None = None) -> dict:
        command = [sys.executable, "-m", "tests.reliability.worker_harness", *args]
        done = subprocess.run(  # noqa: S603
            command,
            env={**self.env, **(extra_env or {})},
            capture_output=True,
            text=True,
            timeout=600,
            cwd=ROOT,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(done.stdout.strip().splitlines()[-1])

    def query(self, sql: str, *params):
        with psycopg.connect(self.database_url) as connection:
            return connection.execute(sql, params).fetchall()

    def delivery_states(self, notification_id: int) -> Counter:
        rows = self.query(
            "SELECT status, COUNT(*) FROM notifications_delivery WHERE notification_id = %s "
            "GROUP BY status",
            notification_id,
        )
        return Counter(dict(rows))

    def cluster(self, extra_env: dict, name: str) -> Cluster:
        return Cluster({**self.env, **extra_env}, self.logs / f"{name}.log")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("production-site")
    packages_dir = data_dir / "mt-models" / "packages"
    for archive in build_demo_packages(tmp_path_factory.mktemp("mt-archives")):
        packages.install(packages_dir, archive)
    redis_server = RedisServer(data_dir)
    redis_server.start()
    try:
        with scratch_postgres_database("chm_reliability_workers") as database_url:
            env = {
                **os.environ,
                "DEBUG": "1",
                "CHM_DATA_DIR": str(data_dir),
                "CHM_ROOT": str(ROOT),
                "PYTHONPATH": str(ROOT),
                "DATABASE_URL": database_url,
                "REDIS_URL": redis_server.url,
                "MT_MODELS_DIR": str(packages_dir.parent),
                "Q_WORKERS": "1",
                "EMAIL_HOST": "127.0.0.1",
            }
            env.pop("PYTEST_CURRENT_TEST", None)
            production = ProductionSite(env, database_url, redis_server, data_dir)
            production.run("setup")
            yield production
    finally:
        redis_server.stop()


def test_worker_killed_mid_dispatch_of_1000_then_restarted_each_recipient_once(site):
    count, kill_at = 1000, 300
    received: list[str] = []
    lock = threading.Lock()
    first = site.cluster({}, "dispatch-killed")

    def store(mail_from: str, recipient: str, data: bytes) -> None:
        with lock:
            received.append(recipient)
            if len(received) == kill_at:
                # The server holds message 300; the worker dies before it hears "250 OK".
                first.kill()

    sink = sink_start(store)
    smtp = {"EMAIL_PORT": str(sink.port), "NOTIFICATIONS_RECORD_EVERY": str(RECORD_EVERY)}
    first.env.update(smtp)
    try:
        notification = site.run("issue_and_dispatch", str(count), "CHM-FP", "chm")["notification"]
        first.start()
        assert first.process.wait(timeout=300) == -signal.SIGKILL
        states = site.delivery_states(notification)
        assert sum(states.values()) == count
        assert 0 < states["sent"] < kill_at and states["sending"] > 0  # killed mid-dispatch

        # Recovery: the reconciler's pass (rows left `sending` by the dead worker, tasks the
        # dead cluster had taken from Redis), then a new worker.
        site.run(
            "reconcile",
            extra_env={
                **smtp,
                "NOTIFICATIONS_SENDING_STALE_SECONDS": "0",
                "NOTIFICATIONS_QUEUED_STALE_SECONDS": "0",
            },
        )
        second = site.cluster(smtp, "dispatch-restarted").start()
        try:
            wait_until(
                lambda: not (set(site.delivery_states(notification)) & UNFINISHED),
                300,
                "every delivery to be sent",
            )
        finally:
            second.stop()
    finally:
        first.stop()
        sink.stop()

    # Every recipient got the notification exactly once: nobody twice, nobody missed.
    assert len(received) == count
    assert set(Counter(received).values()) == {1}
    assert set(received) == {f"chm{i}@example.org" for i in range(count)}
    states = site.delivery_states(notification)
    # The few handed to SMTP since the worker last recorded answers are `unconfirmed` (they
    # were received, as counted above, and are never sent twice); all others are `sent`.
    assert states["sent"] + states["unconfirmed"] == count
    assert 1 <= states["unconfirmed"] <= RECORD_EVERY


def test_redis_restarted_with_tasks_queued_the_reconciler_recovers_every_one(site):
    count = 150
    mailbox = Mailbox()
    sink = sink_start(mailbox.store)
    smtp = {"EMAIL_PORT": str(sink.port)}
    try:
        # No worker is running: the dispatch, the job (and the publish's indexing) wait.
        notification = site.run("issue_and_dispatch", str(count), "PA-FP", "pa")["notification"]
        job = site.run("translation_job")
        assert site.redis.queued_tasks() >= 2

        site.redis.restart()  # Redis keeps nothing on disk: the queue is gone
        assert site.redis.queued_tasks() == 0

        time.sleep(1.1)  # past the (shortened) staleness thresholds below
        found = site.run("reconcile", extra_env={**smtp, "NOTIFICATIONS_QUEUED_STALE_SECONDS": "1"})
        assert found["deliveries"]["undispatched"] == 1
        assert found["jobs"] == [job["job"]]
        cluster = site.cluster(smtp, "after-redis-restart").start()
        try:
            wait_until(
                lambda: (
                    sum(site.delivery_states(notification).values()) == count
                    and not (set(site.delivery_states(notification)) & UNFINISHED)
                ),
                300,
                "the dispatch to finish",
            )
            wait_until(
                lambda: (
                    site.query(
                        "SELECT status FROM translation_translationjob WHERE id = %s", job["job"]
                    )[0][0]
                    in ("done", "failed")
                ),
                300,
                "the translation job to finish",
            )
        finally:
            cluster.stop()
    finally:
        sink.stop()

    assert sorted(mailbox.recipients()) == sorted(f"pa{i}@example.org" for i in range(count))
    assert site.delivery_states(notification) == {"sent": count}
    status, total, machine, memory, failed = site.query(
        "SELECT status, segments_total, segments_machine, segments_memory, segments_failed "
        "FROM translation_translationjob WHERE id = %s",
        job["job"],
    )[0]
    assert status == "done"
    assert total == job["segments"]
    assert machine + memory + failed == total  # each segment translated exactly once
