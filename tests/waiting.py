"""Waiting for another process (a worker, a server) to reach a state, with a clear failure."""

import time


def wait_until(predicate, timeout: float, what: str, *, poll: float = 0.2):
    """Return the first truthy value of `predicate()`; fail saying what never happened."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(poll)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
