"""A real redis-server of the test's own on a free loopback port (restarting it disturbs
nobody), used by the worker reliability tests and the queue-routing tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import redis

from notifications.mail.sink import free_port
from tests.waiting import wait_until


class RedisServer:
    """redis-server on a free loopback port, without persistence (as on our machines)."""

    def __init__(self, directory: Path) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.fail("These tests need redis-server (Debian package redis-server).")
        self.binary, self.directory, self.port = binary, directory, free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self._answers, 20, "redis-server to answer")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def _answers(self) -> bool:
        try:
            return redis.Redis.from_url(self.url, socket_timeout=1).ping()
        except redis.RedisError:
            return False

    def queued_tasks(self) -> int:
        client = redis.Redis.from_url(self.url)
        return sum(
            client.llen(key) for key in client.keys("django_q:*") if client.type(key) == b"list"
        )
