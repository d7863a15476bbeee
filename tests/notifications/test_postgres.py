"""Real concurrency on PostgreSQL: many issuers at once, and a worker killed mid-send.

Both run in separate processes against a scratch PostgreSQL database (see conftest).
"""

import json
import os
import signal
import subprocess
import threading
from collections import Counter

from notifications.mail.sink import sink_start


def test_concurrent_issuers_get_gap_free_unique_numbers(pg_harness):
    result = pg_harness.run("issue", "60", "12", "2040")
    assert result["errors"] == []
    assert sorted(result["numbers"]) == [f"2040-{n:03d}" for n in range(1, 61)]


def test_worker_killed_after_smtp_accepted_never_sends_twice(pg_harness):
    made = pg_harness.run("recipients", "20")
    received: list[str] = []
    lock = threading.Lock()
    worker: dict = {}
    kill_at = 8

    def store(mail_from: str, recipient: str, data: bytes) -> None:
        with lock:
            received.append(recipient)
            if len(received) == kill_at:
                # The server has the message; the worker dies before it can record that.
                os.kill(worker["process"].pid, signal.SIGKILL)

    controller = sink_start(store)
    smtp_env = {**pg_harness.env, "EMAIL_PORT": str(controller.port)}
    try:
        worker["process"] = subprocess.Popen(  # noqa: S603
            pg_harness.command("send", json.dumps(made["deliveries"])),
            env=smtp_env,
            cwd=pg_harness.env["CHM_ROOT"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert worker["process"].wait(timeout=180) == -signal.SIGKILL
        states = Counter(pg_harness.run("statuses").values())
        assert states == {"sent": kill_at - 1, "sending": 1, "queued": 20 - kill_at}

        found = pg_harness.run(
            "reconcile",
            extra_env={
                "NOTIFICATIONS_SENDING_STALE_SECONDS": "0",
                "NOTIFICATIONS_QUEUED_STALE_SECONDS": "0",
            },
        )
        assert len(found["unconfirmed"]) == 1
        assert len(found["due"]) == 20 - kill_at
        pg_harness.run("send", json.dumps(found["due"] + found["unconfirmed"]), extra_env=smtp_env)
    finally:
        controller.stop()

    # Everyone got the notification exactly once: nobody twice, nobody lost.
    assert len(received) == 20
    assert set(Counter(received).values()) == {1}
    states = Counter(pg_harness.run("statuses").values())
    assert states == {"sent": 19, "unconfirmed": 1}
