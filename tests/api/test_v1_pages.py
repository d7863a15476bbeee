"""Pages, Parties and official documents through /api/v1/."""

import json

import pytest
from wagtail.models import Page

from cms.models import NewsPage, OfficialDocumentPage

pytestmark = pytest.mark.django_db


def test_pages_in_the_language_asked_with_their_other_languages(client, demo_site):
    response = client.get("/api/v1/pages", {"lang": "fr", "page_size": 200})
    data = response.json()
    assert response.status_code == 200
    assert response["Content-Language"] == "fr"
    assert data["language"] == "fr"
    assert (
        data["count"]
        == Page.objects.live().public().filter(depth__gt=1, locale__language_code="fr").count()
    )
    assert {item["language"] for item in data["results"]} == {"fr"}
    home = next(item for item in data["results"] if item["type"] == "cms.HomePage")
    assert home["available_languages"] == ["ar", "en", "es", "fr", "ru", "zh-hans"]
    assert home["url"].endswith("/fr/")


def test_pages_by_type(client, demo_site):
    data = client.get("/api/v1/pages", {"type": "cms.NewsPage", "lang": "en"}).json()
    titles = {item["title"] for item in data["results"]}
    expected = set(
        NewsPage.objects.live().filter(locale__language_code="en").values_list("title", flat=True)
    )
    assert titles == expected and titles
    assert all(item["fields"]["date"] for item in data["results"])


def test_unknown_page_type_lists_the_valid_ones(client, demo_site):
    response = client.get("/api/v1/pages", {"type": "cms.Nope"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_parameter"
    assert error["details"][0]["location"] == ["query", "type"]
    assert "cms.NewsPage" in error["details"][0]["problem"]
    # The OpenAPI document lists them too.
    schema = client.get("/api/v1/openapi.json").json()
    parameters = schema["paths"]["/api/v1/pages"]["get"]["parameters"]
    type_schema = next(p for p in parameters if p["name"] == "type")["schema"]
    assert "cms.NewsPage" in json.dumps(type_schema)


def test_accept_language_chooses_the_language_when_no_lang(client, demo_site):
    response = client.get("/api/v1/pages", HTTP_ACCEPT_LANGUAGE="xx, zh-CN;q=0.9, en;q=0.5")
    assert response.json()["language"] == "zh-hans"
    assert response["Content-Language"] == "zh-hans"
    assert "Accept-Language" in response["Vary"]


def test_lang_parameter_wins_over_accept_language(client, demo_site):
    response = client.get("/api/v1/pages", {"lang": "ar"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.json()["language"] == "ar"


def test_unknown_language_is_a_400_with_a_translated_message(client, demo_site):
    response = client.get("/api/v1/pages", {"lang": "klingon"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_language"
    assert error["message"].startswith("Langue inconnue")


def test_page_detail_falls_back_to_english_and_says_so(client, demo_site):
    news = NewsPage.objects.live().filter(locale__language_code="en").first()
    Page.objects.filter(translation_key=news.translation_key, locale__language_code="ru").update(
        live=False
    )
    data = client.get(f"/api/v1/pages/{news.translation_key}", {"lang": "ru"}).json()
    assert data["language"] == "en"
    assert data["requested_language"] == "ru"
    assert data["fallback"] is True
    assert "ru" not in data["available_languages"]
    translated = client.get(f"/api/v1/pages/{news.translation_key}", {"lang": "fr"}).json()
    assert translated["language"] == "fr" and translated["fallback"] is False


def test_unpublished_pages_are_invisible(client, demo_site):
    news = NewsPage.objects.live().filter(locale__language_code="en").first()
    Page.objects.filter(translation_key=news.translation_key).update(live=False)
    assert client.get(f"/api/v1/pages/{news.translation_key}").status_code == 404
    titles = [item["title"] for item in client.get("/api/v1/pages?page_size=200").json()["results"]]
    assert news.title not in titles


def test_bad_path_and_query_values_are_400_not_500(client, demo_site):
    for url in [
        "/api/v1/pages/not-a-uuid",
        "/api/v1/pages?page=0",
        "/api/v1/pages?page=99999999999999999999",
        "/api/v1/pages?page_size=100000",
        "/api/v1/pages?updated_since=yesterday",
        "/api/v1/pages?type=%00",
        "/api/v1/documents?year=abc",
    ]:
        response = client.get(url)
        assert response.status_code == 400, url
        assert response.json()["error"]["code"] in {"invalid_parameter", "bad_request"}


def test_updated_since_returns_only_later_pages(client, demo_site):
    news = NewsPage.objects.live().filter(locale__language_code="en").order_by("pk").first()
    news.save_revision().publish()
    news.refresh_from_db()
    since = news.last_published_at.isoformat()
    Page.objects.filter(pk=news.pk).update(last_published_at=news.last_published_at)
    data = client.get("/api/v1/pages", {"updated_since": since}).json()
    assert data["count"] == 0
    earlier = (news.last_published_at.replace(microsecond=0)).isoformat()
    later = client.get("/api/v1/pages", {"updated_since": earlier}).json()
    assert [item["id"] for item in later["results"]] == [news.pk]


def test_pagination_links(client, demo_site):
    first = client.get("/api/v1/parties", {"page_size": 50}).json()
    assert first["count"] == 196 and len(first["results"]) == 50
    assert first["previous"] is None
    last = client.get(first["next"].replace("http://testserver", "")).json()
    assert last["page"] == 2 and last["previous"]
    final = client.get("/api/v1/parties", {"page_size": 50, "page": 4}).json()
    assert len(final["results"]) == 46 and final["next"] is None


def test_parties_in_a_language_and_by_region(client, demo_site):
    data = client.get("/api/v1/parties/fr", {"lang": "ar"}).json()
    assert data["code"] == "FR" and data["name"] == "فرنسا"
    assert data["names"]["zh-hans"] == "法国"
    grulac = client.get("/api/v1/parties", {"region": "grulac", "page_size": 200}).json()
    assert "BR" in {party["code"] for party in grulac["results"]}
    assert {party["region"] for party in grulac["results"]} == {"grulac"}
    assert client.get("/api/v1/parties/US").status_code == 404
    assert client.get("/api/v1/parties", {"region": "mars"}).status_code == 400


def test_official_documents_by_meeting(client, demo_site):
    document = OfficialDocumentPage.objects.live().filter(locale__language_code="en").first()
    data = client.get("/api/v1/documents", {"meeting": document.meeting.lower()}).json()
    assert [item["symbol"] for item in data["results"]] == [document.symbol]
    assert client.get("/api/v1/documents", {"meeting": "COP-99"}).json()["count"] == 0
    detail = client.get(f"/api/v1/documents/{document.translation_key}", {"lang": "zh-hans"})
    assert detail.json()["language"] == "zh-hans"
    assert detail.json()["meeting"] == document.meeting


def test_openapi_document_and_docs_page(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/pages" in schema["paths"]
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    # Served from our own static files: the site's CSP allows no CDN.
    assert b"cdn.jsdelivr.net" not in docs.content
