import datetime

import pytest
from django.contrib.auth import get_user_model

from cms.models import Party, UserProfile
from notifications import services
from notifications.models import FocalPoint, FocalPointChange, Response
from tests.notifications.conftest import make_focal_point, make_notification

pytestmark = pytest.mark.django_db


def party_user(code: str, role=UserProfile.PartyRole.AUTHORIZED):
    user = get_user_model().objects.create_user(f"user-{code}-{role}", password="x")
    UserProfile.objects.create(user=user, party=Party.objects.get(code=code), party_role=role)
    return user


FORM = {
    "categories": ["CBD-FP1", "CHM-FP"],
    "first_name": "Amina",
    "last_name": "Diallo",
    "emails": "amina@example.sn",
    "preferred_language": "fr",
}


def test_authorized_user_nominates_and_it_waits_for_verification(client):
    client.force_login(party_user("SN"))
    response = client.post("/fr/notifications/portal/focal-points/new/", FORM)
    assert response.status_code == 302
    focal_point = FocalPoint.objects.get(last_name="Diallo")
    assert (focal_point.party.code, focal_point.status) == ("SN", "nominated")
    assert focal_point.emails == ["amina@example.sn"]
    assert FocalPointChange.objects.filter(focal_point=focal_point, action="nominated").exists()
    # Not in the public directory until the Secretariat verified and activated it.
    assert "Diallo" not in client.get("/fr/notifications/focal-points/").content.decode()


def test_service_refuses_a_website_that_is_not_a_web_address():
    """The forms check URLs; the service does too, for every other caller (API, imports)."""
    from django.utils import translation

    data = {**FORM, "emails": ["amina@example.sn"], "websites": ["javascript:alert(1)"]}
    with translation.override("fr"), pytest.raises(services.NotificationsError) as refused:
        services.focal_point_nominate(
            user=party_user("SN"), party_id=Party.objects.get(code="SN").pk, data=data
        )
    assert "n’est pas une adresse web" in str(refused.value)
    assert not FocalPoint.objects.filter(last_name="Diallo").exists()


def test_other_partys_records_are_invisible_and_untouchable(client):
    theirs = make_focal_point("BR", organisation="Ministério")
    client.force_login(party_user("SN"))
    assert "Ministério" not in client.get("/en/notifications/portal/").content.decode()
    assert client.get(f"/en/notifications/portal/focal-points/{theirs.pk}/").status_code == 404
    assert (
        client.post(f"/en/notifications/portal/focal-points/{theirs.pk}/", FORM).status_code == 404
    )
    assert (
        client.post(f"/en/notifications/portal/focal-points/{theirs.pk}/retire/").status_code == 404
    )
    theirs.refresh_from_db()
    assert (theirs.status, theirs.first_name) == ("active", theirs.first_name)
    assert not FocalPointChange.objects.filter(focal_point=theirs).exists()


def test_users_without_the_role_see_nothing(client):
    client.force_login(party_user("SN", role=UserProfile.PartyRole.CONTRIBUTOR))
    assert client.get("/en/notifications/portal/").status_code == 404
    client.logout()
    assert client.get("/en/notifications/portal/").status_code == 302  # to sign-in


def test_bad_input_is_refused_in_the_users_language(client):
    client.force_login(party_user("SN"))
    response = client.post(
        "/fr/notifications/portal/focal-points/new/", {**FORM, "emails": "not-an-address"}
    )
    assert response.status_code == 200
    assert "Saisissez une adresse de courriel valide" in response.content.decode()
    assert not FocalPoint.objects.filter(last_name="Diallo").exists()


def test_update_and_retire_own_focal_point_with_audit(client):
    own = make_focal_point("SN")
    client.force_login(party_user("SN"))
    client.post(f"/en/notifications/portal/focal-points/{own.pk}/", {**FORM, "last_name": "Ndiaye"})
    client.post(f"/en/notifications/portal/focal-points/{own.pk}/retire/")
    own.refresh_from_db()
    assert (own.last_name, own.status) == ("Ndiaye", "retired")
    assert list(own.changes.values_list("action", flat=True)) == ["retired", "updated"]


def test_verification_needs_staff_and_order():
    nominee = services.focal_point_nominate(
        user=party_user("SN"),
        party_id=Party.objects.get(code="SN").pk,
        data={"categories": ["CBD-FP1"], "first_name": "A", "last_name": "B", "emails": ["a@b.sn"]},
    )
    staff = get_user_model().objects.create_user("staff", password="x", is_staff=True)
    with pytest.raises(services.NotificationsError):
        services.focal_point_verify(user=party_user("FR"), focal_point_id=nominee.pk)
    with pytest.raises(services.NotificationsError):
        services.focal_point_activate(user=staff, focal_point_id=nominee.pk)
    services.focal_point_verify(user=staff, focal_point_id=nominee.pk)
    active = services.focal_point_activate(user=staff, focal_point_id=nominee.pk)
    assert (active.status, active.verified_by, active.activated_by) == ("active", staff, staff)


def test_response_submitted_for_own_party_only(client):
    notification = services.notification_issue(
        notification_id=make_notification().pk, issue_date=datetime.date(2015, 1, 1), dispatch=False
    )
    client.force_login(party_user("SN"))
    response = client.post(
        f"/en/notifications/{notification.number}/respond/", {"text": "Senegal answers."}
    )
    assert response.status_code == 302
    saved = Response.objects.get(notification=notification)
    assert (saved.party.code, saved.respondent_type) == ("SN", "party")
    assert (
        "Senegal answers."
        in client.get(f"/en/notifications/{notification.number}/").content.decode()
    )
