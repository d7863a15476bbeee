"""The accounts journey in Chromium against a real server whose mail goes to our aiosmtpd:
staff (with two-factor, as the admin demands) invite a French authorized user for France,
who sets a password and two-factor from the French mail, signs in, sees only France's
tickets and focal points and invites a colleague; a second person requests access for
Mexico in Spanish, staff verify, she signs in; a demo user resets a password in Arabic."""

import re
import secrets
import time
from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.e2e.conftest import free_port, server_running, worker_running
from tests.helpdesk.conftest import Inbox, LoopbackController

pytestmark = pytest.mark.browser

CREATE_STAFF = """
from django.contrib.auth.models import User
User.objects.filter(username="secretariat-e2e").delete()
User.objects.create_superuser("secretariat-e2e", "secretariat-e2e@example.org", {password!r})
"""
SUBMIT = "main form.stacked-form button[type=submit]"


@pytest.fixture(scope="module")
def mail_inbox():
    inbox = Inbox()
    controller = LoopbackController(inbox, hostname="127.0.0.1", port=0)
    controller.start()
    yield inbox, controller.port
    controller.stop()


@pytest.fixture(scope="module")
def accounts_site(live_site, site_env, site_manage, mail_inbox, artifacts):
    """A server on the demo data with our SMTP server, and two-factor required for staff."""
    _inbox, smtp_port = mail_inbox
    password = secrets.token_urlsafe(12)
    site_manage("shell", "-c", CREATE_STAFF.format(password=password))
    # Tickets and focal points of several Parties, as `make demo` loads them (idempotent).
    site_manage("load_demo_helpdesk")
    site_manage("load_demo_notifications")
    port = free_port()
    env = {
        **site_env,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "SITE_URL": f"http://127.0.0.1:{port}",
        "ACCOUNTS_ADMIN_REQUIRES_2FA": "1",
    }
    # Account mail leaves from a worker, as in production (accounts.mail).
    with (
        worker_running(env, artifacts / "accounts-qcluster.log"),
        server_running(env, port) as base_url,
    ):
        yield base_url, password


def app_code(secret: str, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for the key printed on the setup page."""
    return f"{totp(b32decode(secret.replace(' ', '')), 30, 0, 6, steps_ahead):06d}"


def mail_to(inbox, address: str, subject: str):
    """The newest mail to `address` with `subject`: the worker sends it a moment after the
    page answered, between the demo's own helpdesk mail to the same people."""

    def matching():
        return [mail for mail in inbox.to(address) if str(mail["Subject"]).strip() == subject]

    deadline = time.monotonic() + 60
    while not matching() and time.monotonic() < deadline:
        time.sleep(0.2)
    found = matching()
    assert found, f"no mail to {address} with the subject {subject!r}"
    return found[-1]


def link_in(message, base_url: str) -> str:
    return re.search(re.escape(base_url) + r"/\S+", message.get_content()).group(0)


def set_up_two_factor(page) -> str:
    """Read the key as an app would scan it, type its code, keep the recovery codes."""
    secret = page.get_by_test_id("totp-secret").inner_text()
    page.fill("#id_code", app_code(secret))
    page.click(SUBMIT)
    # The codes come on the next page: wait for it (a loaded machine answers slowly).
    expect(page.locator(".recovery-codes li")).to_have_count(10, timeout=30_000)
    page.locator("main a.button").click()
    return secret


def sign_in(page, base_url: str, language: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/{language}/account/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click(SUBMIT)


def test_invitation_nomination_and_reset(accounts_site, browser, mail_inbox, artifacts):
    base_url, staff_password = accounts_site
    inbox, _port = mail_inbox

    # Staff sign in on Wagtail's page; the admin sends them to set up two-factor first.
    staff = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    staff.goto(f"{base_url}/admin/login/")
    staff.fill("#id_username", "secretariat-e2e")
    staff.fill("#id_password", staff_password)
    staff.locator("form button[type=submit]").first.click()
    staff.wait_for_url(re.compile(r".*/account/two-factor/setup/\?next=%2Fadmin%2F$"))
    staff.screenshot(path=str(artifacts / "accounts-staff-2fa-setup.png"), full_page=True)
    set_up_two_factor(staff)
    staff.wait_for_url(re.compile(r".*/admin/$"))

    staff.goto(f"{base_url}/en/account/invitations/")
    staff.fill("#id_email", "marie.dupont@example.fr")
    staff.fill("#id_name", "Marie Dupont")
    staff.select_option("#id_party", label="France")
    staff.select_option("#id_role", "authorized")
    staff.select_option("#id_language", "fr")
    staff.click(SUBMIT)
    assert "Invitation sent to marie.dupont@example.fr." in staff.locator("main").inner_text()

    invitation = mail_to(inbox, "marie.dupont@example.fr", "Votre invitation au Centre d'échange")
    text = invitation.get_content()
    assert "Utilisateur national autorisé pour France" in text
    assert "Ouvrez ce lien pour définir votre mot de passe" in text

    # Marie opens the link, sets a password and two-factor, in French.
    marie = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    marie.goto(link_in(invitation, base_url))
    assert marie.locator("h1").inner_text() == "Bienvenue au Centre d'échange"
    password = "Forêts-de-Guyane-2026"
    marie.fill("#id_last_name", "Dupont")
    marie.fill("#id_password1", password)
    marie.fill("#id_password2", password)
    marie.click(SUBMIT)
    marie.wait_for_url(re.compile(r".*/fr/account/two-factor/setup/"))
    assert marie.locator("h1").inner_text() == "Configurer la connexion à deux facteurs"
    secret = set_up_two_factor(marie)
    marie.wait_for_url(re.compile(r".*/fr/account/$"))
    marie.locator("form[action$='/logout/'] button").click()

    # She signs in again: password, then the next code from her app.
    sign_in(marie, base_url, "fr", "marie.dupont@example.fr", password)
    marie.wait_for_url(re.compile(r".*/fr/account/two-factor/verify/"))
    marie.fill("#id_code", app_code(secret, steps_ahead=1))
    marie.click(SUBMIT)
    marie.wait_for_url(re.compile(r".*/fr/account/$"))
    account = marie.locator("main").inner_text()
    assert "France" in account and "Utilisateur national autorisé" in account
    marie.screenshot(path=str(artifacts / "accounts-fr-account.png"), full_page=True)

    # France's tickets and focal points, and no one else's.
    marie.goto(f"{base_url}/fr/helpdesk/")
    tickets = marie.locator("main").inner_text()
    assert "Demande de site Bioland" in tickets and "Domain name for our CHM" not in tickets
    marie.goto(f"{base_url}/fr/notifications/portal/")
    focal_points = marie.locator("main").inner_text()
    assert "Dubois" in focal_points
    assert "Thompson" not in focal_points and "Hernández" not in focal_points

    # She invites a colleague, for France only.
    marie.goto(f"{base_url}/fr/account/invitations/")
    parties = marie.locator("#id_party option").all_inner_texts()
    assert [name for name in parties if not name.startswith("-")] == ["France"]
    marie.fill("#id_email", "paul.martin@example.fr")
    marie.select_option("#id_role", "focal-point")
    marie.click(SUBMIT)
    colleague = mail_to(inbox, "paul.martin@example.fr", "Votre invitation au Centre d'échange")
    assert "Correspondant national pour France" in colleague.get_content()
    marie.screenshot(path=str(artifacts / "accounts-fr-invitations.png"), full_page=True)

    # Someone asks for access for Mexico, in Spanish; staff verify; she signs in.
    carla = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    carla.goto(f"{base_url}/es/account/request-access/?party=MX")
    carla.fill("#id_name", "Carla Ramírez")
    carla.fill("#id_email", "carla@example.mx")
    carla.fill("#id_position", "Directora de Información, CONABIO")
    carla.select_option("#id_role", "authorized")
    carla.click(SUBMIT)
    carla.wait_for_url(re.compile(r".*/es/account/request-access/sent/$"))

    staff.goto(f"{base_url}/en/account/access-requests/")
    row = staff.locator("tr", has_text="carla@example.mx")
    assert "Waiting for verification" in row.inner_text() and "Mexico" in row.inner_text()
    row.get_by_role("button", name="Verify").click()
    assert "Verified: Carla Ramírez was invited" in staff.locator("main").inner_text()

    welcome = mail_to(inbox, "carla@example.mx", "Su invitación al Mecanismo de Facilitación")
    carla.goto(link_in(welcome, base_url))
    carla.fill("#id_last_name", "Ramírez")
    carla_password = "Selva-Lacandona-2026"
    carla.fill("#id_password1", carla_password)
    carla.fill("#id_password2", carla_password)
    carla.click(SUBMIT)
    carla.wait_for_url(re.compile(r".*/es/account/two-factor/setup/"))
    carla.get_by_test_id("two-factor-later").click()
    carla.locator("form[action$='/logout/'] button").click()
    sign_in(carla, base_url, "es", "carla@example.mx", carla_password)
    carla.wait_for_url(re.compile(r".*/es/account/$"))
    assert "México" in carla.locator("main").inner_text()
    carla.screenshot(path=str(artifacts / "accounts-es-390.png"), full_page=True)

    # Staff find France's people in Wagtail's user admin, with their Party and role.
    staff.goto(f"{base_url}/admin/users/?party_role=authorized")
    listing = staff.locator("main").inner_text()
    assert "marie.dupont@example.fr" in listing and "carla@example.mx" in listing
    assert "National authorized user" in listing
    staff.screenshot(path=str(artifacts / "accounts-admin-users.png"), full_page=True)

    # A demo Party user without a password gets in by a reset, in Arabic.
    reset = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    reset.goto(f"{base_url}/ar/account/login/")
    assert reset.locator("html").get_attribute("dir") == "rtl"
    reset.get_by_role("link", name="هل نسيت كلمة المرور؟").click()
    reset.fill("#id_email", "chm-eg@example.org")
    reset.click(SUBMIT)
    reset.wait_for_url(re.compile(r".*/ar/account/password/reset/sent/$"))
    mail = mail_to(inbox, "chm-eg@example.org", "إعادة تعيين كلمة مرور آلية تبادل المعلومات")
    reset.goto(link_in(mail, base_url))
    new_password = "واحة-سيوة-2026"
    reset.fill("#id_new_password1", new_password)
    reset.fill("#id_new_password2", new_password)
    reset.screenshot(path=str(artifacts / "accounts-ar-reset-390.png"), full_page=True)
    reset.click(SUBMIT)
    reset.wait_for_url(re.compile(r".*/ar/account/password/reset/done/$"))
    sign_in(reset, base_url, "ar", "demo-eg", new_password)
    reset.wait_for_url(re.compile(r".*/ar/account/$"))
    assert "مصر" in reset.locator("main").inner_text()
    reset.goto(f"{base_url}/zh-hans/account/request-access/")
    reset.screenshot(path=str(artifacts / "accounts-zh-request-390.png"), full_page=True)
