"""Whole-page cache for anonymous visitors, one entry per URL (so per language).

wagtail-cache does not support Wagtail 8 yet, so this is our own, kept small: anonymous GET
requests for public pages are served from the cache; any publish, unpublish, move or delete
of a page bumps a generation number, which retires every cached page at once (the language
switcher and menus of *other* pages depend on what is live, so per-page purges would not be
enough). Responses that set cookies (a CSRF token, messages) are never stored.

It sits near the top of the middleware stack, so a hit skips sessions, locale, CSRF, CSP
and the rest; the stored response already carries the headers they added on the miss.
One cache round trip per view fetches the page together with the current generation.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "page-cache:generation"
CACHE_HEADER = "X-CHM-Cache"
UNCACHED_PREFIXES = ("/admin/", "/documents/", "/healthz", "/static/", "/media/")


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return int(value)


def page_cache_clear(**_kwargs) -> None:
    """Retire every cached page and menu (connected to Wagtail's publish signals)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def cache_key(request) -> str:
    digest = hashlib.sha256(request.get_full_path().encode("utf-8")).hexdigest()
    return f"page-cache:{request.get_host()}:{digest}"


def is_cacheable_request(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in {"GET", "HEAD"}
        and not request.path.startswith(UNCACHED_PREFIXES)
        # Signing in needs a session, so a request without a session cookie is anonymous;
        # a session cookie may carry messages or a signed-in user: never share that page.
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        # Flash messages waiting in their cookie must be shown, not skipped by a cached page.
        and getattr(settings, "MESSAGE_COOKIE_NAME", "messages") not in request.COOKIES
    )


def is_cacheable_response(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        # Any cookie set (a CSRF token for a form, a session) makes the page personal.
        # `Vary: Cookie` alone does not: the session middleware adds it whenever a template
        # looks at the (empty) session, and only requests without cookies that could
        # change the page reach here (is_cacheable_request).
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and getattr(request, "is_wagtail_page", False)
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        # One round trip: the page and the current generation together. An entry stored
        # under an older generation is a miss (and is overwritten below).
        key = cache_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        current = found.get(GENERATION_KEY) or generation()
        entry = found.get(key)
        if entry is not None and entry[0] == current:
            response = entry[1]
            response[CACHE_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if is_cacheable_response(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            response[CACHE_HEADER] = "miss"
            # Stored with the generation read *before* rendering: a publish meanwhile
            # makes this entry stale at once.
            cache.set(key, (current, response), settings.PAGE_CACHE_SECONDS)
        return response
