"""One base address: sitemap, feeds, API, OData, hreflang and canonical links all use
SITE_URL, every address they give answers, and the Wagtail Site record is kept in step."""

import datetime
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from wagtail.models import Site

from cms.checks import site_record_matches_site_url
from cms.services import site_record_sync
from notifications.models import Notification
from tests.notifications.conftest import make_notification

pytestmark = pytest.mark.django_db

PUBLIC = "https://chm.example.org"
LANGUAGES = ["ar", "en", "es", "fr", "ru", "zh-hans"]
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def public_site_url(settings, demo_site):
    settings.SITE_URL = PUBLIC
    notification = make_notification(languages=("en", "fr"), status=Notification.Status.ISSUED)
    notification.year, notification.sequence, notification.number = 2014, 107, "2014-107"
    notification.issue_date = datetime.date(2014, 8, 26)
    notification.issued_at = datetime.datetime(2014, 8, 26, tzinfo=datetime.UTC)
    notification.save()
    return PUBLIC


def feed_links(xml: bytes) -> list[str]:
    """Every address in an RSS 2.0 or Atom feed: channel, self and item links."""
    root = ET.fromstring(xml)  # noqa: S314 (our own output)
    links = [element.text for element in root.iter("link") if element.text]
    links += [element.get("href") for element in root.iter() if element.get("href")]
    return links


def answers(client, url: str) -> int:
    assert url.startswith(PUBLIC + "/"), url
    parts = urlsplit(url)
    return client.get(parts.path + (f"?{parts.query}" if parts.query else "")).status_code


def test_every_sitemap_address_is_under_site_url_and_answers(client, public_site_url):
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (our own output)
    addresses = [url.find("s:loc", NS).text for url in root.findall("s:url", NS)]
    addresses += [link.get("href") for link in root.iter("{http://www.w3.org/1999/xhtml}link")]
    assert len(addresses) > 60
    assert {answers(client, address) for address in set(addresses)} == {200}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_feed_address_is_under_site_url_and_answers(client, public_site_url, language):
    for path in (
        "feeds/news/rss/",
        "feeds/news/atom/",
        "notifications/feed/rss/",
        "notifications/feed/atom/",
    ):
        links = feed_links(client.get(f"/{language}/{path}").content)
        assert len(links) > 2, path
        assert {answers(client, link) for link in links} == {200}, (path, links)


def test_pages_give_canonical_and_hreflang_links_under_site_url(client, public_site_url):
    html = client.get("/fr/actualites/", HTTP_HOST="127.0.0.1").content.decode()
    assert f'<link rel="canonical" href="{PUBLIC}/fr/actualites/">' in html
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
    assert {code for code, _href in alternates} == {*LANGUAGES, "x-default"}
    assert all(href.startswith(PUBLIC + "/") for _code, href in alternates)


def test_news_pages_advertise_their_feeds(client, public_site_url):
    html = client.get("/es/noticias/").content.decode()
    assert (
        f'type="application/rss+xml" title="Noticias del Mecanismo de Facilitación (RSS)" href="{PUBLIC}/es/feeds/news/rss/"'
        in html
    )
    assert f'href="{PUBLIC}/es/feeds/news/atom/"' in html


def test_api_and_odata_links_are_under_site_url(client, public_site_url):
    pages = client.get("/api/v1/pages?language=en").json()
    assert pages["results"] and all(
        item["url"].startswith(PUBLIC + "/en/") for item in pages["results"]
    )
    notification = client.get("/api/v1/notifications/2014-107").json()
    assert notification["url"] == f"{PUBLIC}/en/notifications/2014-107/"
    service = client.get("/odata/").json()
    assert service["@odata.context"].startswith(f"{PUBLIC}/odata/")


def test_the_site_record_follows_site_url_and_a_deploy_check_says_when_it_does_not(
    settings, demo_site
):
    settings.SITE_URL = "https://chm.example.org"
    errors = site_record_matches_site_url()
    assert [error.id for error in errors] == ["cms.E001"]
    assert "manage.py site_sync" in errors[0].hint
    call_command("site_sync")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("chm.example.org", 443)
    assert site_record_matches_site_url() == []
    assert demo_site.get_full_url() == "https://chm.example.org/en/"
    assert site_record_sync() is False
