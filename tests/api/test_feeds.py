import xml.etree.ElementTree as ET

import pytest

from cms.models import NewsPage

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize("language", ["ar", "en", "es", "fr", "ru", "zh-hans"])
def test_rss_per_language_lists_that_languages_news(client, demo_site, language):
    response = client.get(f"/{language}/feeds/news/rss/")
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (our own output)
    assert channel.find("language").text == language
    titles = [item.find("title").text for item in channel.findall("item")]
    expected = list(
        NewsPage.objects.live()
        .filter(locale__language_code=language)
        .order_by("-date", "-pk")
        .values_list("title", flat=True)
    )
    assert titles == expected and titles


def test_atom_feed_in_arabic(client, demo_site):
    response = client.get("/ar/feeds/news/atom/")
    assert response.status_code == 200
    feed = ET.fromstring(response.content)  # noqa: S314 (our own output)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"
    entries = feed.findall(f"{ATOM}entry")
    arabic = NewsPage.objects.live().filter(locale__language_code="ar").first()
    assert arabic.title in [entry.find(f"{ATOM}title").text for entry in entries]
    links = [entry.find(f"{ATOM}link").get("href") for entry in entries]
    assert all("/ar/" in link for link in links)


def test_feed_title_is_translated(client, demo_site):
    channel = ET.fromstring(client.get("/fr/feeds/news/rss/").content).find("channel")  # noqa: S314 (our own output)
    assert channel.find("title").text == "Actualités du Centre d'échange"
