"""The Secretariat's screens in the Wagtail admin: focal point verification, suppressions."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from notifications import services
from notifications.models import DeliveryEvent, FocalPoint, FocalPointChange, SuppressedAddress
from tests.notifications.conftest import make_focal_point, make_notification

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


def edit_form(focal_point, **changes) -> dict:
    data = {
        "party": focal_point.party_id,
        "categories": focal_point.categories,
        "title": focal_point.title,
        "first_name": focal_point.first_name,
        "last_name": focal_point.last_name,
        "organisation": focal_point.organisation,
        "department": focal_point.department,
        "designation": focal_point.designation,
        "address": focal_point.address,
        "phones": "\n".join(focal_point.phones),
        "emails": "\n".join(focal_point.emails),
        "websites": "\n".join(focal_point.websites),
        "preferred_language": focal_point.preferred_language,
    }
    return data | changes


def edit_url(focal_point) -> str:
    return f"/admin/snippets/notifications/focalpoint/edit/{focal_point.pk}/"


def test_an_admin_edit_is_recorded_with_who_and_the_fields_before_and_after(client, secretariat):
    from wagtail.models import ModelLogEntry

    focal_point = make_focal_point("SN", last_name="Diallo", organisation="Ministry")
    response = client.post(
        edit_url(focal_point), edit_form(focal_point, organisation="Ministry of Environment")
    )
    assert response.status_code == 302
    focal_point.refresh_from_db()
    assert focal_point.organisation == "Ministry of Environment"
    entry = ModelLogEntry.objects.for_instance(focal_point).get()
    assert (entry.action, entry.user, entry.data) == (
        "notifications.focal_point.updated",
        secretariat,
        {
            "before": {"organisation": "Ministry"},
            "after": {"organisation": "Ministry of Environment"},
        },
    )
    change = FocalPointChange.objects.get(focal_point=focal_point)
    assert change.changes == {"organisation": ["Ministry", "Ministry of Environment"]}
    history = client.get(f"/admin/snippets/notifications/focalpoint/history/{focal_point.pk}/")
    assert "Focal point changed" in history.content.decode()


def test_an_admin_save_without_changes_records_nothing(client, secretariat):
    from wagtail.models import ModelLogEntry

    focal_point = make_focal_point("SN")
    assert client.post(edit_url(focal_point), edit_form(focal_point)).status_code == 302
    assert not ModelLogEntry.objects.for_instance(focal_point).exists()
    assert not FocalPointChange.objects.filter(focal_point=focal_point).exists()


def test_the_admin_refuses_what_the_portal_refuses_and_changes_nothing(client, secretariat):
    focal_point = make_focal_point("SN", status="retired", organisation="Ministry")
    response = client.post(edit_url(focal_point), edit_form(focal_point, organisation="Other"))
    assert response.status_code == 200
    assert "A retired focal point cannot be changed." in response.content.decode()
    active = make_focal_point("SN")
    response = client.post(edit_url(active), edit_form(active, websites="ftp://files.example.org"))
    assert response.status_code == 200
    for row in (focal_point, active):
        before = row.organisation, row.websites
        row.refresh_from_db()
        assert (row.organisation, row.websites) == before
    assert not FocalPointChange.objects.exists()


def test_an_admin_user_of_one_party_cannot_edit_another_partys_focal_point(client):
    from cms.models import Party, UserProfile

    user = get_user_model().objects.create_user("nau-sn", password="x")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_focalpoint"),
    )
    UserProfile.objects.create(
        user=user, party=Party.objects.get(code="SN"), party_role="authorized"
    )
    client.force_login(user)
    theirs = make_focal_point("KE", organisation="Ministry")
    response = client.post(edit_url(theirs), edit_form(theirs, organisation="Hijacked"))
    assert response.status_code == 200
    assert "You may only manage the focal points of your own Party." in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.organisation == "Ministry"


def test_an_admin_nomination_starts_nominated_and_is_logged(client, secretariat):
    from wagtail.models import ModelLogEntry

    from cms.models import Party

    party = Party.objects.get(code="SN")
    response = client.post(
        "/admin/snippets/notifications/focalpoint/add/",
        {
            "party": party.pk,
            "categories": ["CBD-FP1"],
            "first_name": "Awa",
            "last_name": "Ndiaye",
            "emails": "awa@example.org",
            "preferred_language": "fr",
        },
    )
    assert response.status_code == 302
    focal_point = FocalPoint.objects.get(last_name="Ndiaye")
    assert (focal_point.status, focal_point.nominated_by) == ("nominated", secretariat)
    entry = ModelLogEntry.objects.for_instance(focal_point).get()
    assert entry.action == "notifications.focal_point.nominated"
    assert entry.data["after"]["last_name"] == "Ndiaye"
    assert entry.data["after"]["party_id"] == party.pk


def test_staff_withdraw_with_a_labelled_reason_that_the_public_page_shows(client, secretariat):
    """The withdraw form stands on its own with a labelled reason box (it used to be a bare,
    borderless input among the other buttons); its reason is what visitors read."""
    notification = services.notification_issue(
        notification_id=make_notification().pk,
        issue_date=datetime.date(2014, 8, 26),
        dispatch=False,
    )
    screen = client.get(f"/admin/notifications-staff/{notification.pk}/deliveries/")
    page = screen.content.decode()
    assert '<label class="w-field__label" for="id_withdrawal_reason">' in page
    assert 'class="withdraw-form"' in page
    response = client.post(
        f"/admin/notifications-staff/{notification.pk}/withdraw/",
        {"reason": "Replaced by notification 2014-108."},
    )
    assert response.status_code == 302
    public = client.get(f"/en/notifications/{notification.number}/").content.decode()
    assert "This notification has been withdrawn." in public
    assert "Replaced by notification 2014-108." in public
