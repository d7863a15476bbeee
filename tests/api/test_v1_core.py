"""Conditional GETs, tokens on reads, error format."""

import pytest
from django.utils.http import http_date

from api.services import token_revoke
from tests.api.conftest import bearer

pytestmark = pytest.mark.django_db


def test_if_none_match_returns_304_with_the_same_etag(client, demo_site):
    first = client.get("/api/v1/pages", {"lang": "fr"})
    etag = first["ETag"]
    second = client.get("/api/v1/pages", {"lang": "fr"}, HTTP_IF_NONE_MATCH=etag)
    assert second.status_code == 304
    assert second.content == b""
    assert second["ETag"] == etag
    other_language = client.get("/api/v1/pages", {"lang": "es"}, HTTP_IF_NONE_MATCH=etag)
    assert other_language.status_code == 200


def test_if_modified_since_returns_304_until_a_page_is_published(client, demo_site):
    first = client.get("/api/v1/pages", {"lang": "en"})
    last_modified = first["Last-Modified"]
    assert (
        client.get(
            "/api/v1/pages", {"lang": "en"}, HTTP_IF_MODIFIED_SINCE=last_modified
        ).status_code
        == 304
    )
    from cms.models import NewsPage

    news = NewsPage.objects.live().filter(locale__language_code="en").first()
    # Publishing later changes Last-Modified: the client gets the new list.
    import time

    time.sleep(1.1)
    news.save_revision().publish()
    changed = client.get("/api/v1/pages", {"lang": "en"}, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert changed.status_code == 200
    assert changed["Last-Modified"] != last_modified


def test_if_modified_since_in_the_past_gets_the_content(client, demo_site):
    response = client.get("/api/v1/pages", HTTP_IF_MODIFIED_SINCE=http_date(0))
    assert response.status_code == 200


def test_reads_accept_a_valid_token_and_reject_a_revoked_one(client, demo_site, token_fr):
    token, key = token_fr
    assert client.get("/api/v1/parties", **bearer(key)).status_code == 200
    token_revoke(token=token)
    response = client.get("/api/v1/parties", **bearer(key))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"
    assert client.get("/api/v1/parties", HTTP_AUTHORIZATION="Basic abc").status_code == 401


def test_errors_are_json_with_a_stable_code_in_every_language(client, demo_site):
    messages = set()
    for language in ["ar", "en", "es", "fr", "ru", "zh-hans"]:
        response = client.get("/api/v1/parties/ZZ", {"lang": language})
        assert response.status_code == 404
        assert response["Content-Type"].startswith("application/json")
        error = response.json()["error"]
        assert error["code"] == "not_found"
        messages.add(error["message"])
    assert len(messages) == 6


def test_unknown_api_path_is_404(client):
    assert client.get("/api/v1/nothing-here").status_code == 404
