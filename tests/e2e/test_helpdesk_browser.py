"""A Party user files a ticket in French; staff add an internal note and a public reply;
the Party sees only the reply, in French, and the e-mail reaches a loopback SMTP server
in French. Runs against a real server process whose SMTP points at our aiosmtpd."""

import re
import secrets

import pytest

from tests.e2e.conftest import server_running
from tests.helpdesk.conftest import Inbox, LoopbackController

pytestmark = pytest.mark.browser

CREATE_USERS = """
from django.contrib.auth.models import Group, User
from cms.models import Party, UserProfile
marie, _ = User.objects.get_or_create(username="marie-e2e", defaults={{"email": "marie-e2e@example.org"}})
marie.set_password({party_password!r}); marie.save()
UserProfile.objects.update_or_create(user=marie, defaults={{"party": Party.objects.get(code="FR"),
    "party_role": "authorized", "preferred_language": "fr"}})
agent, _ = User.objects.get_or_create(username="agent-e2e", defaults={{"email": "agent-e2e@example.org"}})
agent.set_password({staff_password!r}); agent.save()
agent.groups.add(Group.objects.get(name="Helpdesk staff"))
UserProfile.objects.get_or_create(user=agent)
"""


@pytest.fixture(scope="module")
def mail_inbox():
    inbox = Inbox()
    controller = LoopbackController(inbox, hostname="127.0.0.1", port=0)
    controller.start()
    yield inbox, controller.port
    controller.stop()


@pytest.fixture(scope="module")
def helpdesk_site(live_site, site_env, site_manage, mail_inbox):
    """A second server on the demo data dir, sending mail to our SMTP server and running
    tasks inline (no worker needed)."""
    _inbox, smtp_port = mail_inbox
    passwords = {
        "party_password": secrets.token_urlsafe(12),
        "staff_password": secrets.token_urlsafe(12),
    }
    site_manage("shell", "-c", CREATE_USERS.format(**passwords))
    env = {**site_env, "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp_port), "Q_SYNC": "1"}
    with server_running(env) as base_url:
        yield base_url, passwords


def test_party_sees_only_the_public_reply_in_french(helpdesk_site, browser, mail_inbox, artifacts):
    base_url, passwords = helpdesk_site
    inbox, _port = mail_inbox
    party = browser.new_context(viewport={"width": 1280, "height": 900})
    page = party.new_page()
    page.goto(f"{base_url}/fr/account/login/?next=/fr/helpdesk/new/")
    page.fill("#id_username", "marie-e2e")
    page.fill("#id_password", passwords["party_password"])
    page.click("main form.stacked-form button[type=submit]")
    page.wait_for_url(re.compile(r".*/fr/helpdesk/new/$"))
    page.select_option("#id_category", "bioland")
    page.fill("#id_subject", "Demande de site Bioland")
    page.fill("#id_description", "Nous souhaitons un site Bioland pour notre CHM national.")
    page.click("main form.stacked-form button[type=submit]")
    page.wait_for_url(re.compile(r".*/fr/helpdesk/tickets/\d+/$"))
    ticket_id = re.search(r"/tickets/(\d+)/", page.url).group(1)
    assert "Demande de site Bioland" in page.locator("h1").inner_text()

    staff = browser.new_context(viewport={"width": 1280, "height": 900})
    desk = staff.new_page()
    desk.goto(f"{base_url}/admin/login/?next=/admin/helpdesk/tickets/{ticket_id}/")
    desk.fill("#id_username", "agent-e2e")
    desk.fill("#id_password", passwords["staff_password"])
    desk.locator("form button[type=submit]").first.click()
    desk.wait_for_url(re.compile(rf".*/admin/helpdesk/tickets/{ticket_id}/$"))
    desk.fill("#reply-form #id_body", "NOTE INTERNE : vérifier le serveur avant de répondre.")
    desk.check("#reply-form #id_internal")
    desk.click("#reply-form button[type=submit]")
    desk.wait_for_load_state()
    desk.fill("#reply-form #id_body", "Bonjour, votre site Bioland sera prêt lundi.")
    desk.click("#reply-form button[type=submit]")
    desk.wait_for_load_state()
    assert desk.locator(".helpdesk-followup.is-internal").count() == 1
    assert desk.locator(".helpdesk-followup.is-public").count() == 1
    desk.screenshot(path=str(artifacts / "helpdesk-desk.png"), full_page=True)

    page.reload()
    body = page.locator("main").inner_text()
    assert "Bonjour, votre site Bioland sera prêt lundi." in body
    assert "NOTE INTERNE" not in page.content()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert "Service d’assistance du CHM" in body  # the reply is signed in French
    page.screenshot(path=str(artifacts / "helpdesk-party-fr.png"), full_page=True)

    mails = inbox.to("marie-e2e@example.org")
    reply = next(m for m in mails if "Nouvelle réponse à votre demande" in str(m["Subject"]))
    assert str(reply["Subject"]).strip().startswith(f"[CHM-{ticket_id}]")
    text = reply.get_content()
    assert "Bonjour, votre site Bioland sera prêt lundi." in text
    assert "Le service d’assistance du CHM a répondu à votre demande" in text
    assert "NOTE INTERNE" not in "".join(m.get_content() for m in mails)
    party.close()
    staff.close()
