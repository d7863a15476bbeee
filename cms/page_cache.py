"""Whole-page cache for anonymous visitors, one entry per URL (so per language).

wagtail-cache does not support Wagtail 8 yet, so this is our own, kept small: anonymous GET
requests for public pages are served from the cache; any publish, unpublish, move or delete
of a page bumps a generation number, which retires every cached page at once (the language
switcher and menus of *other* pages depend on what is live, so per-page purges would not be
enough). Responses that set cookies or vary on them (a CSRF token, messages) are never stored.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import has_vary_header

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
    """Retire every cached page (connected to Wagtail's publish signals)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def cache_key(request) -> str:
    digest = hashlib.sha256(request.get_full_path().encode("utf-8")).hexdigest()
    return f"page-cache:{generation()}:{request.get_host()}:{digest}"


def is_cacheable_request(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in {"GET", "HEAD"}
        and not request.path.startswith(UNCACHED_PREFIXES)
        # A session cookie may carry messages or a signed-in user: never share that page.
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.user.is_authenticated
    )


def is_cacheable_response(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not has_vary_header(response, "Cookie")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and getattr(request, "is_wagtail_page", False)
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        key = cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            cached[CACHE_HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if is_cacheable_response(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            response[CACHE_HEADER] = "miss"
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        return response
