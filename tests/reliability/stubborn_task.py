"""A task the worker's own timeout cannot stop, for test_worker_shutdown.py."""

import os
import signal
import time
from pathlib import Path


def hold_the_worker(marker: str, seconds: float) -> None:
    """Write this worker's pid to `marker`, then sleep with SIGALRM and SIGTERM blocked, as a
    task does while inside native code that never returns to Python (django-q2's timeout is
    a SIGALRM in the worker, so it never fires)."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM, signal.SIGTERM})
    Path(marker).write_text(str(os.getpid()))
    time.sleep(seconds)
