"""Fixed-window counters in Django's cache (Redis in production): the one rate limiter.

`cache.add` + `cache.incr` are atomic on Redis and on the local-memory cache, so parallel
workers never lose a count. Used by the REST API, the OData service, the feeds and the
helpdesk contact form; the client address comes from `cms.client_address`.
"""

import time

from django.core.cache import cache


def _window(key: str, window: int) -> tuple[str, int, int]:
    now = int(time.time())
    window_start = now - now % window
    return f"rate:{key}:{window_start}", window_start, now


def rate_limit_reached(key: str, limit: int, window: int) -> bool:
    """Whether `limit` events were already counted under `key` in this window (counts
    nothing: for limits that count only what was accepted, after the fact)."""
    cache_key, _start, _now = _window(key, window)
    return (cache.get(cache_key) or 0) >= limit


def rate_limit_hit(key: str, limit: int, window: int) -> int | None:
    """Count one event under `key`; None when allowed, else seconds until the window resets."""
    cache_key, window_start, now = _window(key, window)
    cache.add(cache_key, 0, timeout=window + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:
        # The key expired between add and incr: this event opens a new window.
        cache.add(cache_key, 1, timeout=window + 1)
        count = 1
    if count > limit:
        return max(1, window_start + window - now)
    return None
