"""National CHM statuses: public reads, writes only by the Party's own token."""

import json

import pytest

from helpdesk.models import NationalSite, NationalSiteVersion
from tests.api.conftest import bearer

pytestmark = pytest.mark.django_db


def patch(client, url, data, key=None):
    headers = bearer(key) if key else {}
    return client.patch(url, data, content_type="application/json", **headers)


def test_every_party_is_listed_with_a_status(client, party_fr):
    NationalSite.objects.create(
        party=party_fr, status="operational", url="https://chm.fr.example", notes="internal"
    )
    data = client.get("/api/v1/national-sites", {"page_size": 200}).json()
    assert data["count"] == 196
    france = next(row for row in data["results"] if row["party"] == "FR")
    assert france["status"] == "operational" and france["url"] == "https://chm.fr.example"
    assert "notes" not in france
    assert next(row for row in data["results"] if row["party"] == "BR")["status"] == "none"
    only = client.get("/api/v1/national-sites", {"status": "operational"}).json()
    assert [row["party"] for row in only["results"]] == ["FR"]
    assert client.get("/api/v1/national-sites", {"status": "bogus"}).status_code == 400


def test_detail_in_a_language_and_conditional(client, party_fr):
    NationalSite.objects.create(party=party_fr, status="planned")
    first = client.get("/api/v1/national-sites/fr", {"lang": "ru"})
    assert first.json()["party_name"] == "Франция"
    assert (
        client.get(
            "/api/v1/national-sites/fr", {"lang": "ru"}, HTTP_IF_NONE_MATCH=first["ETag"]
        ).status_code
        == 304
    )
    assert (
        client.get(
            "/api/v1/national-sites/fr",
            {"lang": "ru"},
            HTTP_IF_MODIFIED_SINCE=first["Last-Modified"],
        ).status_code
        == 304
    )


def test_party_token_updates_its_own_record_through_the_tracker(client, token_fr):
    token, key = token_fr
    # A row the link checker has already seen (see docs/API.md, "Known gaps": the tracker
    # service refuses a row whose link_ok is still unknown).
    NationalSite.objects.create(party=token.party, status="planned", link_ok=True)
    response = patch(
        client,
        "/api/v1/national-sites/FR",
        {"status": "operational", "url": "https://chm.fr.example", "languages": ["fr", "en"]},
        key,
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "operational"
    site = NationalSite.objects.get(party=token.party)
    assert site.url == "https://chm.fr.example" and site.languages == ["fr", "en"]
    # The tracker's own history records the change and who made it.
    version = NationalSiteVersion.objects.filter(site=site).latest("changed_at")
    token.refresh_from_db()
    assert version.changed_by == token.service_user
    assert version.changed_by.profile.party == token.party


def test_token_of_party_a_cannot_touch_party_b(client, token_fr, party_br):
    _token, key = token_fr
    NationalSite.objects.create(party=party_br, status="planned", url="https://br.example")
    response = patch(client, "/api/v1/national-sites/BR", {"status": "none"}, key)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden_party"
    site = NationalSite.objects.get(party=party_br)
    assert site.status == "planned" and not NationalSiteVersion.objects.filter(site=site).exists()


def test_writes_need_a_valid_token(client, token_fr):
    token, key = token_fr
    assert patch(client, "/api/v1/national-sites/FR", {"status": "planned"}).status_code == 401
    from api.services import token_revoke

    token_revoke(token=token)
    response = patch(client, "/api/v1/national-sites/FR", {"status": "planned"}, key)
    assert response.status_code == 401
    assert not NationalSite.objects.filter(party=token.party).exists()


def refused_fields(details) -> set[str]:
    """The fields an error names: a list of field problems, or an object keyed by field."""
    if isinstance(details, list):
        return {problem["location"][1] for problem in details}
    return set(details)


def test_bad_values_are_422_with_field_errors_and_change_nothing(client, token_fr):
    token, key = token_fr
    NationalSite.objects.create(party=token.party, status="planned", link_ok=True)
    for body in [{"status": "excellent"}, {"platform": "wordpress"}, {"url": "not a url"}]:
        response = patch(client, "/api/v1/national-sites/FR", body, key)
        assert response.status_code == 422, body
        assert refused_fields(response.json()["error"]["details"]) == set(body)
    assert not NationalSiteVersion.objects.exists()
    assert patch(client, "/api/v1/national-sites/ZZ", {"status": "planned"}, key).status_code == 404


def test_me_and_own_responses_boundary(client, token_fr):
    token, key = token_fr
    me = client.get("/api/v1/me", **bearer(key)).json()
    assert me["party"] == "FR" and me["prefix"] == token.prefix
    assert "key_hash" not in me
    assert client.get("/api/v1/me").status_code == 401
    assert client.get("/api/v1/parties/FR/responses", **bearer(key)).status_code == 200
    assert client.get("/api/v1/parties/BR/responses", **bearer(key)).status_code == 403


WRITES_REFUSED = {
    "unknown language": {"languages": ["fr", "xx"]},
    "wrongly-cased language": {"languages": ["FR", "en"]},
    "wrongly-cased status": {"status": "Operational"},
    "unknown field": {"status": "planned", "notes": "from the API"},
    "a list": ["status", "planned"],
    "a string": "planned",
    "a number": 7,
    "null": None,
}


@pytest.mark.parametrize("body", WRITES_REFUSED.values(), ids=WRITES_REFUSED.keys())
def test_writes_refuse_what_they_cannot_store_and_never_drop_it(client, token_fr, body):
    """Finding 4: unknown or wrongly-cased codes were dropped (200, `languages: []`) and
    bodies that were not objects answered 200."""
    token, key = token_fr
    site = NationalSite.objects.create(
        party=token.party, status="operational", languages=["fr", "en"], link_ok=True
    )
    response = client.generic(
        "PATCH",
        "/api/v1/national-sites/FR",
        json.dumps(body),
        content_type="application/json",
        **bearer(key),
    )
    assert response.status_code == 422, response.content
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"]["code"] in ("invalid_value", "invalid_body")
    site.refresh_from_db()
    assert site.languages == ["fr", "en"] and site.status == "operational" and not site.notes
    assert not NationalSiteVersion.objects.exists()


@pytest.mark.parametrize("debug", [True, False])
def test_an_oversize_body_is_a_json_413(client, token_fr, settings, debug):
    """Finding 7: a 500 traceback with DEBUG=1, an HTML 400 with DEBUG=0."""
    settings.DEBUG = debug
    _token, key = token_fr
    body = json.dumps(
        {"url": "https://chm.fr.example/" + "a" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE}
    )
    client.raise_request_exception = False
    for method in ("PATCH", "POST"):
        url = (
            "/api/v1/national-sites/FR"
            if method == "PATCH"
            else "/api/v1/notifications/2014-001/responses"
        )
        response = client.generic(method, url, body, content_type="application/json", **bearer(key))
        assert response.status_code == 413, (method, response.status_code)
        assert response.json()["error"]["code"] == "too_large"
    assert not NationalSite.objects.filter(party__code="FR").exists()
