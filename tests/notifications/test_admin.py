"""The Secretariat's screens in the Wagtail admin: focal point verification, suppressions."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from notifications.models import DeliveryEvent, FocalPoint, FocalPointChange, SuppressedAddress
from tests.notifications.conftest import make_focal_point

pytestmark = pytest.mark.django_db


def action_url(focal_point, action):
    return f"/admin/notifications-staff/focal-points/{focal_point.pk}/{action}/"


@pytest.fixture
def secretariat(client):
    user = get_user_model().objects.create_superuser("secretariat", "s@example.org", "x")
    client.force_login(user)
    return user


def test_secretariat_verifies_activates_and_retires_with_who_and_when(client, secretariat):
    focal_point = make_focal_point("SN", status="nominated", last_name="Diallo")
    listing = client.get("/admin/snippets/notifications/focalpoint/").content.decode()
    assert action_url(focal_point, "verify") in listing
    assert action_url(focal_point, "activate") not in listing  # not verified yet

    confirm = client.get(action_url(focal_point, "verify"))
    assert confirm.status_code == 200 and "Diallo" in confirm.content.decode()
    focal_point.refresh_from_db()
    assert focal_point.status == "nominated"  # looking at the confirmation changes nothing

    for action, status, stamp in [
        ("verify", "verified", "verified"),
        ("activate", "active", "activated"),
        ("retire", "retired", "retired"),
    ]:
        response = client.post(action_url(focal_point, action))
        assert response.status_code == 302
        focal_point.refresh_from_db()
        assert focal_point.status == status
        assert getattr(focal_point, f"{stamp}_by") == secretariat
        assert getattr(focal_point, f"{stamp}_at") is not None
        change = FocalPointChange.objects.filter(focal_point=focal_point).first()
        assert (change.action, change.user, change.changes["status"][1]) == (
            stamp,
            secretariat,
            status,
        )

    edit = client.get(f"/admin/snippets/notifications/focalpoint/edit/{focal_point.pk}/")
    page = edit.content.decode()
    assert "Audit trail" in page and "secretariat" in page
    for stamp in ("verified", "activated", "retired"):
        assert f"<td>{stamp}</td>" in page


def test_activation_without_verification_is_refused_and_changes_nothing(client, secretariat):
    focal_point = make_focal_point("SN", status="nominated")
    client.post(action_url(focal_point, "activate"))
    focal_point.refresh_from_db()
    assert focal_point.status == "nominated" and focal_point.activated_by is None
    assert not FocalPointChange.objects.filter(focal_point=focal_point).exists()


def test_non_staff_users_cannot_verify_or_clear(client):
    focal_point = make_focal_point("SN", status="nominated")
    suppressed = SuppressedAddress.objects.create(email="gone@example.org", reason="550")
    user = get_user_model().objects.create_user("party-user", password="x")
    user.user_permissions.add(Permission.objects.get(codename="change_focalpoint"))
    client.force_login(user)
    for url in (
        action_url(focal_point, "verify"),
        f"/admin/notifications-staff/suppressed/{suppressed.pk}/clear/",
    ):
        response = client.post(url)
        assert response.status_code == 302 and "login" in response.url
    focal_point.refresh_from_db()
    assert focal_point.status == "nominated" and focal_point.verified_by is None
    assert SuppressedAddress.objects.filter(pk=suppressed.pk).exists()
    assert not FocalPointChange.objects.filter(focal_point=focal_point).exists()


def test_staff_without_the_permission_cannot_verify(client):
    focal_point = make_focal_point("SN", status="nominated")
    user = get_user_model().objects.create_user("intern", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    client.post(action_url(focal_point, "verify"))
    focal_point.refresh_from_db()
    assert focal_point.status == FocalPoint.Status.NOMINATED


def test_secretariat_clears_a_suppressed_address_and_it_is_recorded(
    client, secretariat, media_root
):
    from tests.notifications.test_dispatch import dispatch, issued

    make_focal_point("KE", email_address="gone@example.org")
    notification = issued()
    SuppressedAddress.objects.create(email="gone@example.org", reason="550 No such user")
    dispatch(notification)  # fails at once as suppressed
    suppressed = SuppressedAddress.objects.get()
    listing = client.get("/admin/snippets/notifications/suppressedaddress/").content.decode()
    clear_url = f"/admin/notifications-staff/suppressed/{suppressed.pk}/clear/"
    assert clear_url in listing
    assert client.get(clear_url).status_code == 200
    assert SuppressedAddress.objects.exists()
    assert client.post(clear_url).status_code == 302
    assert not SuppressedAddress.objects.exists()
    event = DeliveryEvent.objects.get(event="suppression cleared")
    assert event.detail == "secretariat" and event.delivery.email == "gone@example.org"
    assert event.at is not None


def test_deliveries_download_as_csv_with_their_outcome(
    client, secretariat, smtp_server, media_root
):
    import csv
    import io

    from wagtail.users.models import UserProfile as AdminProfile

    from tests.notifications.test_dispatch import dispatch, issued

    make_focal_point("FR", language="fr")
    make_focal_point("KE", email_address="gone@example.org")
    notification = issued(languages=("en", "fr"))
    SuppressedAddress.objects.create(email="gone@example.org", reason="550 No such user")
    dispatch(notification)
    profile = AdminProfile.get_for_user(secretariat)
    profile.preferred_language = "fr"
    profile.save()
    url = f"/admin/notifications-staff/{notification.pk}/deliveries/"
    assert "format=csv" in client.get(url).content.decode()

    response = client.get(url + "?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert f"deliveries-{notification.number}.csv" in response["Content-Disposition"]
    header, *rows = list(csv.reader(io.StringIO(response.content.decode("utf-8")[1:])))
    assert header[0] == "Courriel" and "Statut" in header
    by_party = {row[1]: dict(zip(header, row, strict=True)) for row in rows}
    assert set(by_party) == {"FR", "KE"}
    assert by_party["FR"]["Langue"] == "fr"
    assert by_party["FR"][header[6]].endswith("+00:00")  # sent at, ISO 8601 UTC
    assert by_party["KE"][header[6]] == ""  # suppressed: never sent

    failed_only = client.get(url + "?status=failed&format=csv").content.decode("utf-8")
    assert "gone@example.org" in failed_only and "FR," not in failed_only
