"""Notifications, responses and the focal point directory through /api/v1/."""

from datetime import date

import pytest
from django.utils import timezone

from notifications.models import FocalPoint, Notification, Response
from notifications.services.numbering import notification_withdraw
from tests.api.builders import focal_point_active, notification_issued
from tests.api.conftest import bearer

pytestmark = pytest.mark.django_db


def post_response(client, number, body, key=None):
    headers = bearer(key) if key else {}
    return client.post(
        f"/api/v1/notifications/{number}/responses",
        body,
        content_type="application/json",
        **headers,
    )


def test_only_issued_notifications_are_listed(client, demo_site):
    issued = notification_issued()
    Notification.objects.create(categories=["CBD-FP1"], status=Notification.Status.DRAFT)
    data = client.get("/api/v1/notifications", {"lang": "fr"}).json()
    assert [item["number"] for item in data["results"]] == [issued.number]
    item = data["results"][0]
    assert item["language"] == "fr" and item["title"].startswith("Invitation à")
    assert item["available_languages"] == ["en", "fr"]
    assert item["url"].endswith(f"/fr/notifications/{issued.number}/")


def test_detail_by_number_with_fallback_and_404s(client, demo_site):
    issued = notification_issued(languages=("en",))
    data = client.get(f"/api/v1/notifications/{issued.number}", {"lang": "es"}).json()
    assert data["language"] == "en" and data["fallback"] is True
    assert "Invitation to submit views" in data["body_html"]
    assert client.get("/api/v1/notifications/1999-001").status_code == 404
    draft = Notification.objects.create(categories=[], status=Notification.Status.DRAFT)
    assert client.get(f"/api/v1/notifications/{draft.pk}").status_code == 404


def test_filters_year_subject_text_and_updated_since(client, demo_site):
    old = notification_issued(issue_date=date(2014, 6, 2), subject="CHM")
    new = notification_issued(issue_date=date(2015, 1, 5))

    def numbers(**params):
        return [n["number"] for n in client.get("/api/v1/notifications", params).json()["results"]]

    assert numbers(year=2014) == [old.number]
    assert numbers(subject="chm") == [old.number]
    assert numbers(q=new.number) == [new.number]
    assert set(numbers(q="clearing-house")) == {old.number, new.number}
    moment = timezone.now()
    assert numbers(updated_since=moment.isoformat()) == []
    notification_withdraw(notification_id=old.pk, reason="superseded")
    withdrawn = client.get("/api/v1/notifications", {"updated_since": moment.isoformat()}).json()
    assert [(n["number"], n["status"]) for n in withdrawn["results"]] == [(old.number, "withdrawn")]


def test_party_token_submits_a_response_for_its_own_party(client, demo_site, token_fr):
    token, key = token_fr
    issued = notification_issued()
    response = post_response(
        client, issued.number, {"text": "Voici nos vues.", "language": "fr"}, key
    )
    assert response.status_code == 201, response.content
    assert response.json()["party"] == "FR"
    saved = Response.objects.get(notification=issued)
    assert saved.party == token.party and saved.text == "Voici nos vues."
    token.refresh_from_db()
    assert saved.submitted_by == token.service_user
    own = client.get("/api/v1/parties/FR/responses", **bearer(key)).json()
    assert [item["notification"] for item in own] == [issued.number]


def test_response_boundaries(client, demo_site, token_fr, token_br):
    _fr, key_fr = token_fr
    _br, key_br = token_br
    issued = notification_issued()
    # No token, wrong token: nothing written.
    assert post_response(client, issued.number, {"text": "x"}).status_code == 401
    assert post_response(client, issued.number, {"text": "x"}, "chm_bad").status_code == 401
    # A Party cannot be named in the body (refused, 422): the token decides.
    named = {"text": "Brazil's view", "party": "FR"}
    assert post_response(client, issued.number, named, key_br).status_code == 422
    assert not Response.objects.exists()
    post_response(client, issued.number, {"text": "Brazil's view"}, key_br)
    assert Response.objects.get().party.code == "BR"
    # Brazil's responses are not France's to read.
    assert client.get("/api/v1/parties/BR/responses", **bearer(key_fr)).status_code == 403
    # Unknown, withdrawn: refused, nothing written.
    assert post_response(client, "2099-999", {"text": "x"}, key_fr).status_code == 404
    notification_withdraw(notification_id=issued.pk, reason="error")
    assert post_response(client, issued.number, {"text": "x"}, key_fr).status_code == 409
    assert post_response(client, issued.number, {"text": ""}, key_fr).status_code == 422
    assert Response.objects.count() == 1


def test_directory_shows_only_consented_fields(client, demo_site):
    focal_point_active("FR", publish_email=True)
    focal_point_active("BR", first_name="Ana", last_name="Silva", categories=["CBD-FP1"])
    focal_point_active("DE", first_name="Nominated", status=FocalPoint.Status.NOMINATED)
    data = client.get("/api/v1/focal-points").json()
    people = {entry["party"]: entry for entry in data["results"]}
    assert set(people) == {"FR", "BR"}
    assert people["FR"]["emails"] == ["claire.martin@example.org"]
    assert people["FR"]["phones"] == [] and people["FR"]["address"] == ""
    assert people["BR"]["emails"] == []
    chm = client.get("/api/v1/focal-points", {"category": "CHM-FP"}).json()["results"]
    assert [entry["party"] for entry in chm] == ["FR"]
    assert client.get("/api/v1/focal-points", {"category": "XX"}).status_code == 400


def test_odata_contacts_from_the_directory(client, demo_site):
    focal_point_active("FR", publish_email=True, categories=["CBD-FP1", "ABS-FP"])
    focal_point_active("BR", first_name="Ana", last_name="Silva")
    data = client.get("/odata/Contacts", {"$filter": "country eq 'FR'", "$count": "true"}).json()
    assert data["@odata.count"] == 1
    contact = data["value"][0]
    assert contact["email"] == "claire.martin@example.org" and contact["primary"] is True
    assert contact["treaties"] == ["cbd", "nagoya"]
    assert contact["phoneNumber"] is None and contact["address"] is None
    brazil = client.get("/odata/Contacts", {"$filter": "country eq 'BR'"}).json()["value"][0]
    assert brazil["email"] is None
    updated = client.get("/odata/Contacts", {"$filter": f"updated gt {timezone.now().isoformat()}"})
    assert updated.json()["value"] == []


@pytest.mark.parametrize(
    "params",
    [{"year": "2014"}, {"subject": "chm"}, {"subject": "CHM"}, {"q": "clearing-house"}, {}],
)
def test_the_site_list_and_the_api_find_the_same_notifications(client, demo_site, params):
    """One search (notifications.selectors.notifications_search) behind both doors."""
    tagged = notification_issued(issue_date=date(2014, 6, 2), subject="CHM")
    other = notification_issued(issue_date=date(2015, 1, 5))
    api = {n["number"] for n in client.get("/api/v1/notifications", params).json()["results"]}
    page = client.get("/en/notifications/", params).content.decode()
    site = {number for number in (tagged.number, other.number) if number in page}
    assert api == site and api
