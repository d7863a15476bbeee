"""Fixed-window request counters in Django's cache (Redis in production).

`cache.add` + `cache.incr` are atomic on Redis and on the local-memory cache, so parallel
workers never lose a count. Shared by the REST API, the OData service and the feeds.
"""

import time

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    """The caller's address; X-Forwarded-For only counts behind trusted proxies."""
    proxies = getattr(settings, "API_TRUSTED_PROXIES", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        addresses = [item.strip() for item in forwarded.split(",") if item.strip()]
        if addresses:
            return addresses[-min(proxies, len(addresses))]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def rate_limit_hit(key: str, limit: int, window: int) -> int | None:
    """Count one request; None when allowed, else the seconds until the window resets."""
    now = int(time.time())
    window_start = now - now % window
    cache_key = f"api-rate:{key}:{window_start}"
    cache.add(cache_key, 0, timeout=window + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:
        # The key expired between add and incr: this request opens a new window.
        cache.add(cache_key, 1, timeout=window + 1)
        count = 1
    if count > limit:
        return max(1, window_start + window - now)
    return None


def request_rate_limit(request, token=None) -> int | None:
    """Count the request against its token's budget, or its address's when anonymous.

    A national CHM behind a shared address (a government proxy) must not be starved by
    its neighbours, hence its own, larger, budget once it authenticates.
    """
    window = settings.API_RATE_WINDOW
    if token is not None:
        return rate_limit_hit(f"token:{token.pk}", settings.API_RATE_LIMIT_TOKEN, window)
    return rate_limit_hit(f"ip:{client_address(request)}", settings.API_RATE_LIMIT_IP, window)
