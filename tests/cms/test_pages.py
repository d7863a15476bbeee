import html as html_lib
import re
from urllib.parse import unquote

import pytest
from django.urls import reverse
from wagtail.models import Locale

from cms.models import ContentPage, HomePage, OfficialDocumentPage

LANGUAGES = ["ar", "en", "es", "fr", "ru", "zh-hans"]
pytestmark = pytest.mark.django_db


def page_text(response) -> str:
    """The page as a reader sees it: entities and %-escapes decoded, no-break spaces plain."""
    return (
        unquote(html_lib.unescape(response.content.decode()))
        .replace("\xa0", " ")
        .replace("\u202f", " ")
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_renders_in_each_language_with_lang_and_dir(client, demo_site, language):
    response = client.get(f"/{language}/")
    html = response.content.decode()
    assert response.status_code == 200
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html
    home = HomePage.objects.get(locale__language_code=language)
    assert home.title in html


def test_root_redirects_to_the_visitors_language(client, demo_site):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_every_page_lists_hreflang_alternates_for_its_translations(client, demo_site, settings):
    html = page_text(client.get("/fr/a-propos/"))
    # Under SITE_URL, whatever host the request came to (docs/PUBLIC_SITE.md).
    site = re.escape(settings.SITE_URL)
    alternates = dict(re.findall(rf'hreflang="([^"]+)" href="{site}([^"]+)"', html))
    assert alternates["ar"] == "/ar/حول-الآلية/"
    assert alternates["zh-hans"] == "/zh-hans/关于/"
    assert alternates["x-default"] == "/en/about/"
    assert len(alternates) == 7


def test_switcher_goes_to_the_same_page_in_the_other_language(client, demo_site):
    html = page_text(client.get("/en/news/"))
    assert 'href="/ru/новости/" hreflang="ru"' in html
    assert 'href="/es/noticias/" hreflang="es"' in html


def test_switcher_falls_back_to_english_with_a_notice_when_translation_is_missing(
    client, demo_site
):
    french_about = ContentPage.objects.get(locale__language_code="fr")
    french_about.unpublish()
    html = client.get("/en/about/").content.decode()
    assert 'href="/en/about/?missing=fr" hreflang="fr"' in html

    notice_page = page_text(client.get("/en/about/?missing=fr"))
    assert "Cette page n'est pas encore disponible en Français" in notice_page
    assert "Vous lisez la version anglaise" in notice_page


def test_unknown_missing_language_shows_no_notice(client, demo_site):
    html = client.get("/en/about/?missing=xx").content.decode()
    assert "notice-missing-translation" not in html


def test_unicode_slugs_are_kept(client, demo_site):
    assert client.get("/ar/حول-الآلية/").status_code == 200
    assert client.get("/zh-hans/文件/").status_code == 200
    assert ContentPage.objects.get(locale__language_code="ru").slug == "о-механизме"


def test_official_document_shows_symbol_date_and_chinese_text_from_the_seed(client, demo_site):
    document = OfficialDocumentPage.objects.get(locale__language_code="zh-hans")
    html = client.get(document.url).content.decode()
    assert "UNEP/CBD/COP/12/11" in html
    assert "2014年8月25日" in html
    assert "一. 导言和背景" in html
    assert "缔约国应促进生物多样性保护和持久使用领域的国际科技合作" in html


def test_dates_are_formatted_with_babel_in_the_page_language(client, demo_site):
    assert "25 août 2014" in page_text(client.get("/fr/documents/"))
    assert "25 августа 2014 г." in page_text(client.get("/ru/документы/"))
    assert "25 de agosto de 2014" in page_text(client.get("/es/documentos/"))
    assert "August 25, 2014" in page_text(client.get("/en/documents/"))


def test_news_index_lists_newest_first_and_paginates(client, demo_site):
    from cms.models import NewsIndexPage, NewsPage

    index = NewsIndexPage.objects.get(locale__language_code="en")
    for day in range(1, 12):
        index.add_child(
            instance=NewsPage(
                title=f"Bulletin {day:02d}", slug=f"bulletin-{day}", date=f"2020-01-{day:02d}"
            )
        ).save_revision().publish()
    first = client.get("/en/news/").content.decode()
    assert first.index("Bulletin 11") < first.index("Bulletin 10") < first.index("Bulletin 02")
    assert "Bulletin 01" not in first and "Bioland" not in first
    assert "Page 1 of 2" in first
    second = client.get("/en/news/?page=2").content.decode()
    assert "Bulletin 01" in second and "Bulletin 11" not in second
    assert second.index("Bioland") < second.index("National CHM awards")
    assert client.get("/en/news/?page=abc").status_code == 200
    assert client.get("/en/news/?page=999").status_code == 200


def test_search_finds_pages_in_the_visitors_language_only(client, demo_site):
    french = client.get(reverse("search").replace("/en/", "/fr/"), {"q": "Bioland"})
    html = french.content.decode()
    assert "Bioland : un outil gratuit" in html
    assert "Bioland: a free tool" not in html
    assert "<bdi>1</bdi> résultat pour" in html


def test_search_in_arabic_uses_arabic_plural_forms(client, demo_site):
    html = client.get("/ar/search/", {"q": "بيولاند"}).content.decode()
    assert "نتيجة واحدة" in html
    # A Latin query and the count are isolated, so they do not reorder the Arabic sentence.
    latin = client.get("/ar/search/", {"q": "Bioland"}).content.decode()
    assert "«<bdi>Bioland</bdi>»" in latin
    assert "<bdi>" in latin.split('class="result-count">', 1)[1].split("</p>", 1)[0][:40]


def test_search_with_empty_or_huge_query_is_not_an_error(client, demo_site):
    assert client.get("/en/search/", {"q": ""}).status_code == 200
    assert client.get("/en/search/", {"q": "x" * 5000}).status_code == 200


def test_six_locales_each_have_their_own_page_tree(demo_site):
    assert Locale.objects.count() == 6
    for language in LANGUAGES:
        home = HomePage.objects.get(locale__language_code=language)
        assert home.get_children().live().count() == 4


def test_search_ignores_engine_syntax_in_the_query(client, demo_site):
    for query in [
        '"Bioland',
        '"Bioland"',
        "Bioland*",
        "(Bioland)",
        "-Bioland",
        "Bioland:",
        "^Bioland",
    ]:
        response = client.get("/en/search/", {"q": query})
        assert response.status_code == 200, query
        assert "Bioland: a free tool" in page_text(response), query
    markup = client.get("/en/search/", {"q": '<b onmouseover="x()">Bioland</b> NEAR('})
    assert markup.status_code == 200
    assert "<b onmouseover" not in markup.content.decode()
