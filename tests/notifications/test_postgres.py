"""Real concurrency on PostgreSQL: many issuers at once, and a worker killed mid-send.

Both run in separate processes against a scratch PostgreSQL database (see conftest).
"""

import json
import os
import signal
import subprocess
from collections import Counter

from notifications.mail.sink import sink_start
from tests.notifications.conftest import Mailbox


def test_concurrent_issuers_get_gap_free_unique_numbers(pg_harness):
    result = pg_harness.run("issue", "60", "12", "2040")
    assert result["errors"] == []
    assert sorted(result["numbers"]) == [f"2040-{n:03d}" for n in range(1, 61)]


def test_worker_killed_after_smtp_accepted_never_sends_twice(pg_harness):
    made = pg_harness.run("recipients", "20")
    mailbox = Mailbox()
    worker: dict = {}
    kill_at = 8

    def store(mail_from: str, recipient: str, data: bytes) -> None:
        mailbox.store(mail_from, recipient, data)
        if len(mailbox.recipients()) == kill_at:
            # The server has the message; the worker dies before it can record that.
            os.kill(worker["process"].pid, signal.SIGKILL)

    controller = sink_start(store)
    smtp_env = {**pg_harness.env, "EMAIL_PORT": str(controller.port)}
    # The worker claims all 20 in one batch and records answers every 5 messages.
    batch_env = {"NOTIFICATIONS_CLAIM_BATCH": "50", "NOTIFICATIONS_RECORD_EVERY": "5"}
    try:
        worker["process"] = subprocess.Popen(  # noqa: S603
            pg_harness.command("send", json.dumps(made["deliveries"])),
            env={**smtp_env, **batch_env},
            cwd=pg_harness.env["CHM_ROOT"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert worker["process"].wait(timeout=180) == -signal.SIGKILL
        states = Counter(pg_harness.run("statuses").values())
        # Answers 1-5 were recorded; 6-8 were handed to SMTP; 9-20 were claimed, not sent.
        assert states == {"sent": 5, "sending": 15}

        found = pg_harness.run(
            "reconcile",
            extra_env={
                "NOTIFICATIONS_SENDING_STALE_SECONDS": "0",
                "NOTIFICATIONS_QUEUED_STALE_SECONDS": "0",
            },
        )
        assert len(found["unconfirmed"]) == kill_at - 5
        assert len(found["released"]) == len(found["due"]) == 20 - kill_at
        pg_harness.run("send", json.dumps(found["due"] + found["unconfirmed"]), extra_env=smtp_env)
    finally:
        controller.stop()

    # Everyone got the notification exactly once: nobody twice, nobody lost.
    received = mailbox.recipients()
    assert len(received) == 20
    assert set(Counter(received).values()) == {1}
    states = Counter(pg_harness.run("statuses").values())
    assert states == {"sent": 20 - (kill_at - 5), "unconfirmed": kill_at - 5}
    # The unconfirmed ones are exactly those the server had already received.
    unconfirmed = {
        email for email, status in pg_harness.run("statuses").items() if status == "unconfirmed"
    }
    assert unconfirmed <= set(received[:kill_at])


def test_parallel_workers_never_claim_the_same_row(pg_harness):
    made = pg_harness.run("recipients", "300")
    mailbox = Mailbox()
    controller = sink_start(mailbox.store)
    try:
        result = pg_harness.run(
            "send_parallel",
            json.dumps(made["deliveries"]),
            "4",
            extra_env={"EMAIL_PORT": str(controller.port), "NOTIFICATIONS_CLAIM_BATCH": "10"},
        )
    finally:
        controller.stop()
    assert result["errors"] == []
    # Every worker was offered every row; each row was claimed and sent by exactly one.
    assert sum(result["sent_per_worker"]) == 300
    assert len([n for n in result["sent_per_worker"] if n]) > 1, result
    received = mailbox.recipients()
    assert len(received) == 300 and set(Counter(received).values()) == {1}
    assert Counter(pg_harness.run("statuses").values()) == {"sent": 300}
