"""Two-factor sign-in: required for staff with admin access, offered to everyone, with
recovery codes; integrated with Wagtail's own sign-in page."""

import re
import time

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from tests.accounts.conftest import PASSWORD, code_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def required(settings):
    settings.ACCOUNTS_ADMIN_REQUIRES_2FA = True


def admin_sign_in(client, user):
    return client.post(
        reverse("wagtailadmin_login"), {"username": user.username, "password": PASSWORD}
    )


def set_up(client) -> list[str]:
    client.get("/en/account/two-factor/setup/?next=/admin/")
    device = TOTPDevice.objects.get(confirmed=False)
    page = client.post(
        "/en/account/two-factor/setup/", {"code": code_for(device), "next": "/admin/"}
    )
    return re.findall(r"<li><code>(\w+)</code></li>", page.content.decode())


def test_staff_must_set_up_a_second_factor_before_the_admin_opens(client, staff, required):
    admin_sign_in(client, staff)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/account/two-factor/setup/?next=%2Fadmin%2F")
    setup = client.get(response["Location"]).content.decode()
    assert 'src="data:image/svg+xml' in setup and "must sign in with a second factor" in setup

    codes = set_up(client)
    assert len(codes) == 10
    assert client.get("/admin/").status_code == 200
    assert ModelLogEntry.objects.filter(action="chm.two_factor.enable").exists()


def test_a_later_sign_in_asks_for_the_code_and_accepts_a_recovery_code_once(
    client, staff, required
):
    admin_sign_in(client, staff)
    codes = set_up(client)
    client.logout()

    signed_in = admin_sign_in(client, staff)
    assert signed_in.status_code == 302, signed_in.content.decode()[-3000:]
    assert client.get("/admin/pages/")["Location"].startswith("/en/account/two-factor/verify/")
    # Nothing else opens before the code, not even the public account page.
    assert client.get("/en/account/")["Location"].startswith("/en/account/two-factor/verify/")
    wrong = client.post("/en/account/two-factor/verify/", {"code": "000000", "next": "/admin/"})
    assert wrong.status_code == 200 and "not right" in wrong.content.decode()
    time.sleep(1.1)  # django-otp refuses every code for 2^(failures-1) s after a wrong one
    right = client.post("/en/account/two-factor/verify/", {"code": codes[0], "next": "/admin/"})
    assert right["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    client.logout()

    admin_sign_in(client, staff)
    client.post("/en/account/two-factor/verify/", {"code": codes[0], "next": "/admin/"})
    assert client.get("/admin/").status_code == 302  # a recovery code works once

    device = TOTPDevice.objects.get(user=staff, confirmed=True)
    client.post(
        "/en/account/two-factor/verify/",
        {"code": code_for(device, steps_ahead=1), "next": "/admin/"},
    )
    assert client.get("/admin/").status_code == 200


def test_party_users_may_turn_it_on_and_then_need_it(client, nau_fr):
    client.post("/fr/account/login/", {"username": "nau-fr", "password": PASSWORD})
    assert client.get("/fr/account/").status_code == 200  # optional for them
    assert "Connexion à deux facteurs" in client.get("/fr/account/two-factor/").content.decode()
    client.get("/fr/account/two-factor/setup/")
    device = TOTPDevice.objects.get(user=nau_fr)
    client.post("/fr/account/two-factor/setup/", {"code": code_for(device)})
    client.logout()
    client.post("/fr/account/login/", {"username": "nau-fr", "password": PASSWORD})
    assert client.get("/fr/account/")["Location"].startswith("/fr/account/two-factor/verify/")


def test_wrong_setup_code_keeps_the_scanned_key(client, nau_fr):
    client.force_login(nau_fr)
    client.get("/fr/account/two-factor/setup/")
    first = TOTPDevice.objects.get(user=nau_fr)
    response = client.post("/fr/account/two-factor/setup/", {"code": "123"})
    assert "Saisissez le code que votre application affiche maintenant" in response.content.decode()
    assert TOTPDevice.objects.get(user=nau_fr).pk == first.pk and not first.confirmed


def test_recovery_of_last_resort_removes_the_factors(client, staff, required):
    admin_sign_in(client, staff)
    set_up(client)
    call_command("two_factor_reset", staff.username)
    assert not TOTPDevice.objects.filter(user=staff).exists()
    client.logout()
    admin_sign_in(client, staff)
    assert client.get("/admin/")["Location"].startswith("/en/account/two-factor/setup/")
    assert ModelLogEntry.objects.filter(action="chm.two_factor.reset").exists()


def test_staff_remove_a_persons_factors_from_the_user_admin(client, staff, nau_fr):
    client.force_login(nau_fr)
    client.get("/fr/account/two-factor/setup/")
    client.post(
        "/fr/account/two-factor/setup/", {"code": code_for(TOTPDevice.objects.get(user=nau_fr))}
    )
    url = reverse("accounts_two_factor_reset", args=[nau_fr.pk])
    assert client.post(url).status_code == 302 and TOTPDevice.objects.filter(user=nau_fr).exists()

    client.force_login(staff)
    listing = client.get(reverse("wagtailusers_users:index")).content.decode()
    assert url in listing
    assert "Check who is asking" in client.get(url).content.decode()
    assert client.post(url)["Location"] == reverse("wagtailusers_users:edit", args=[nau_fr.pk])
    assert not TOTPDevice.objects.filter(user=nau_fr).exists()
    entry = ModelLogEntry.objects.get(action="chm.two_factor.reset", object_id=str(nau_fr.pk))
    assert entry.user_id == staff.pk
