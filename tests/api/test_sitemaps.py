import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_every_published_page_with_its_translations(client, demo_site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own output)
    urls = root.findall("s:url", NS)
    live = Page.objects.live().public().filter(depth__gt=1)
    assert len(urls) == live.count()
    home = next(url for url in urls if url.find("s:loc", NS).text.endswith("/fr/"))
    alternates = {link.get("hreflang"): link.get("href") for link in home.findall("x:link", NS)}
    assert set(alternates) == {"ar", "en", "es", "fr", "ru", "zh-hans", "x-default"}
    assert alternates["x-default"].endswith("/en/")
    assert alternates["ar"].endswith("/ar/")


def test_a_page_without_translations_has_no_alternates_and_drafts_are_absent(client, demo_site):
    from cms.models import NewsPage

    news = NewsPage.objects.live().filter(locale__language_code="en").first()
    others = Page.objects.filter(translation_key=news.translation_key).exclude(pk=news.pk)
    french_url = others.get(locale__language_code="fr").specific.get_full_url()
    others.update(live=False)
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (our own output)
    entry = next(
        u for u in root.findall("s:url", NS) if u.find("s:loc", NS).text == news.get_full_url()
    )
    assert entry.findall("x:link", NS) == []
    assert french_url not in [u.find("s:loc", NS).text for u in root.findall("s:url", NS)]


def test_robots_txt_points_to_the_sitemap(client, settings):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in text
