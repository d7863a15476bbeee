"""One base address for every link the site gives out: `settings.SITE_URL`.

Wagtail builds absolute URLs from its Site record (hostname and port), which the demo once
left at `localhost:80`; sitemaps, feeds, e-mails, the API, OData, hreflang and canonical
links all take their base from here instead, and `cms.services.site_record_sync` keeps the
Site record in step (a deploy check fails when it is not: `cms.checks`).
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Page


def absolute_url(path: str) -> str:
    """SITE_URL + a site path ("/fr/news/"); an address that is already absolute is kept."""
    if urlsplit(path).scheme:
        return path
    return f"{settings.SITE_URL}/{path.lstrip('/')}"


def page_absolute_url(page: Page) -> str | None:
    """The page's public address under SITE_URL, or None when it has no route."""
    parts = page.get_url_parts()
    if parts is None:
        return None
    _site_id, _root_url, page_path = parts
    return absolute_url(page_path)


def site_url_host_port() -> tuple[str, int]:
    """(hostname, port) of SITE_URL, the values the Wagtail Site record must hold."""
    url = urlsplit(settings.SITE_URL)
    return url.hostname or "localhost", url.port or (443 if url.scheme == "https" else 80)
