"""Finding 9 of issue 16: workers stop within `Q_TIMEOUT` (+ `Q_STOP_GRACE`) of SIGTERM.

A real `manage.py qcluster` on a real Redis takes a task that django-q2's own timeout cannot
interrupt, then its main process (alone, as a deploy or `kill <pid>` does) gets SIGTERM: the
main process and every process it started must be gone within the bound, the task's worker
included. An idle cluster stops at once and cleanly. Before cms/management/commands/qcluster.py
the cluster waited for the task for as long as it ran (26 minutes seen).
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cms.worker_stop import HARD_STOP_EXIT_CODE
from tests.redis_server import RedisServer
from tests.waiting import wait_until

pytestmark = [pytest.mark.reliability, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
Q_TIMEOUT, Q_STOP_GRACE = 4, 2
SLACK = 6  # starting Python and reaping processes on a busy two-core machine

ENQUEUE = """
from django_q.tasks import async_task
async_task("tests.reliability.stubborn_task.hold_the_worker", {marker!r}, 600)
"""


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def cluster_env(tmp_path, redis_server):
    env = {
        **os.environ,
        "DEBUG": "1",
        "CHM_DATA_DIR": str(tmp_path),
        "REDIS_URL": redis_server.url,
        "Q_WORKERS": "1",
        "Q_TIMEOUT": str(Q_TIMEOUT),
        "Q_STOP_GRACE": str(Q_STOP_GRACE),
    }
    for name in ("DATABASE_URL", "PYTEST_CURRENT_TEST", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)
    return env


def start_cluster(env, log: Path) -> subprocess.Popen:
    with open(log, "w") as out:
        return subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "qcluster"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, to find every process it started
        )


def living_members(group: int) -> list[int]:
    """Processes of the group that still run (zombies waiting for init are gone for us)."""
    living = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            living.append(int(stat.parent.name))
    return living


def running(process: subprocess.Popen) -> bool:
    return process.poll() is None and len(living_members(process.pid)) >= 4


def stop_and_time(process: subprocess.Popen) -> tuple[float, int]:
    """SIGTERM to the main process only; seconds until it and its whole group are gone."""
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    try:
        status = process.wait(timeout=Q_TIMEOUT + Q_STOP_GRACE + SLACK)
        wait_until(lambda: not living_members(process.pid), 5, "the cluster's processes to end")
        return time.monotonic() - started, status
    finally:
        if process.poll() is None or living_members(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def test_a_task_the_timeout_cannot_reach_is_killed_within_the_bound(cluster_env, tmp_path):
    marker = tmp_path / "worker.pid"
    cluster = start_cluster(cluster_env, tmp_path / "qcluster.log")
    try:
        wait_until(lambda: running(cluster), 60, "the cluster's sentinel, worker, monitor, pusher")
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "shell", "-c", ENQUEUE.format(marker=str(marker))],
            cwd=ROOT,
            env=cluster_env,
            check=True,
            capture_output=True,
            timeout=120,
        )
        taken = wait_until(lambda: marker.exists() and marker.read_text(), 60, "the task")
    except BaseException:
        os.killpg(cluster.pid, signal.SIGKILL)
        raise
    assert int(taken) in living_members(cluster.pid)  # the worker holding the task

    seconds, status = stop_and_time(cluster)

    log = (tmp_path / "qcluster.log").read_text()
    assert seconds <= Q_TIMEOUT + Q_STOP_GRACE + SLACK, log[-3000:]
    assert seconds >= Q_TIMEOUT, log[-3000:]  # the task had its timeout to finish
    assert status == HARD_STOP_EXIT_CODE, log[-3000:]
    assert "did not stop within" in log  # and stop_and_time saw the whole group gone


def test_an_idle_cluster_stops_at_once_and_cleanly(cluster_env, tmp_path):
    cluster = start_cluster(cluster_env, tmp_path / "qcluster.log")
    try:
        wait_until(lambda: running(cluster), 60, "the cluster's sentinel, worker, monitor, pusher")
    except BaseException:
        os.killpg(cluster.pid, signal.SIGKILL)
        raise

    seconds, status = stop_and_time(cluster)

    log = (tmp_path / "qcluster.log").read_text()
    assert status == 0, log[-3000:]
    assert seconds < Q_TIMEOUT, log[-3000:]
