"""A bounded stop for the django-q2 cluster: gone within `Q_TIMEOUT` + `Q_STOP_GRACE` of SIGTERM.

django-q2's own stop is cooperative: the sentinel stops taking tasks, then waits for each
worker to finish the task in hand, with no limit. Its per-task timeout is a SIGALRM inside
the worker, which never fires while a task sits in native code (a translation model, a stuck
C library) or swallows the exception, and the guard that would kill such a worker has already
stopped. A deploy then waited forever (issue 16: still alive 26 minutes after SIGTERM).

So the first SIGTERM or SIGINT starts django-q2's graceful stop and a watchdog thread in the
main process. A task still running when the watchdog fires (after the cluster's timeout plus
the grace) had already outlived its own timeout: every process below the main one is sent
SIGKILL and the command exits with `HARD_STOP_EXIT_CODE`. The task was not acknowledged, so
the ORM broker hands it out again after `retry` seconds (at-least-once, like a crash), and
the reconcilers find the work the database says is unfinished. A second signal during the
stop does the same at once (Ctrl-C twice).
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import signal
import sys
import threading
from pathlib import Path

logger = logging.getLogger(__name__)

HARD_STOP_EXIT_CODE = 3
_PR_SET_CHILD_SUBREAPER = 36


def become_subreaper() -> None:
    """Linux: processes orphaned below us (workers whose sentinel died) are re-parented to us,
    not to init, so `descendants()` still finds them. Elsewhere a no-op."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def _parents() -> dict[int, int]:
    """pid -> parent pid of every live process, from /proc (empty where there is none)."""
    parents = {}
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = entry.read_text()
        except OSError:
            continue  # gone meanwhile
        # The name (2nd field) is in parentheses and may contain spaces: split after it.
        state, ppid = text.rsplit(")", 1)[1].split()[:2]
        if state != "Z":
            parents[int(entry.parent.name)] = int(ppid)
    return parents


def descendants(pid: int) -> set[int]:
    """Every live process below `pid` (children, their children, ...)."""
    children: dict[int, list[int]] = {}
    for child, parent in _parents().items():
        children.setdefault(parent, []).append(child)
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


class BoundedStop:
    """Installs itself as the SIGTERM/SIGINT handler in place of the cluster's own."""

    def __init__(self, cluster, bound: float) -> None:
        self.cluster, self.bound = cluster, bound
        self.stopping = threading.Event()
        self.watchdog: threading.Timer | None = None

    def install(self) -> None:
        become_subreaper()
        signal.signal(signal.SIGTERM, self.on_signal)
        signal.signal(signal.SIGINT, self.on_signal)

    def on_signal(self, signum, frame) -> None:
        if self.stopping.is_set() or self.cluster.sentinel is None:
            # A second signal (Ctrl-C twice), or one before the cluster has any process.
            self.hard_stop(f"{signal.Signals(signum).name} while stopping")
        self.stopping.set()
        reason = f"The cluster did not stop within {self.bound:.0f} s"
        self.watchdog = threading.Timer(self.bound, self.hard_stop, [reason])
        self.watchdog.daemon = True
        self.watchdog.start()
        logger.info(
            "%s: stopping the cluster; processes still running in %.0f s are killed.",
            signal.Signals(signum).name,
            self.bound,
        )
        if self.cluster.sentinel is not None:
            self.cluster.stop()

    def hard_stop(self, reason: str) -> None:
        """SIGKILL every process below this one, then leave without waiting for anything."""
        pids = descendants(os.getpid())
        if not Path("/proc").is_dir() and self.cluster.sentinel is not None:
            pids = {self.cluster.sentinel.pid}  # without /proc: the sentinel at least
        logger.error(
            "%s: killing %d process(es) %s. Their tasks were not acknowledged: they are "
            "retried by the broker or re-enqueued by the reconcilers.",
            reason,
            len(pids),
            sorted(pids),
        )
        for pid in pids:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        logging.shutdown()
        os._exit(HARD_STOP_EXIT_CODE)
