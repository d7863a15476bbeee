"""Deadline reminders as the Secretariat sets and checks them: staff (admin in Arabic) set a
notification's reminders on its edit form, the reminder run mails the focal points whose
Party has not responded (the French Party has, and gets nothing), and the deliveries
screen lists each reminder beside its delivery."""

import re
import secrets
import subprocess
import sys

import pytest

from tests.e2e.conftest import ROOT
from tests.helpdesk.conftest import Inbox, LoopbackController

pytestmark = pytest.mark.browser

SETUP = """
import datetime
from django.contrib.auth.models import User
from django.utils import timezone
from wagtail.models import Locale
from wagtail.users.models import UserProfile as AdminProfile
from cms.models import Party
from notifications import services
from notifications.models import Delivery, FocalPoint, Notification, NotificationText, Response

staff = User.objects.create_superuser("secretariat-rem", "sec@example.org", {password!r})
profile = AdminProfile.get_for_user(staff); profile.preferred_language = "ar"; profile.save()
for code, language in [("FR", "fr"), ("EG", "ar"), ("KE", "en")]:
    FocalPoint.objects.create(party=Party.objects.get(code=code), categories=["CBD-FP1"],
        first_name="Focal", last_name=code, emails=[f"fp-{{code.lower()}}@example.org"],
        preferred_language=language, status="active")
today = timezone.localdate()
notification = Notification.objects.create(categories=["CBD-FP1"], status="approved",
    reference="SCBD/REM/1", action_required_by=today + datetime.timedelta(days=20),
    deadline=today + datetime.timedelta(days=5), reminder_dates=[])
source = None
for language, title in [("en", "Reminder journey"), ("ar", "رحلة التذكير"), ("fr", "Parcours de rappel")]:
    text = NotificationText(notification=notification, locale=Locale.objects.get(language_code=language),
        title=title, body=f"<p>{{title}}</p>", live=True)
    if source is not None:
        text.translation_key = source.translation_key
    text.save(); source = source or text
services.notification_issue(notification_id=notification.pk, issue_date=today)
Delivery.objects.filter(notification=notification).update(
    sent_at=timezone.now() - datetime.timedelta(days=6))
Response.objects.create(notification=notification, party=Party.objects.get(code="FR"), text="Réponse", language="fr")
print("NOTIFICATION", notification.pk)
"""


@pytest.fixture(scope="module")
def mail_inbox():
    inbox = Inbox()
    controller = LoopbackController(inbox, hostname="127.0.0.1", port=0)
    controller.start()
    yield inbox, controller.port
    controller.stop()


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    ).stdout


def test_staff_set_reminders_and_a_party_that_responded_is_not_reminded(
    live_site, site_env, mail_inbox, browser, artifacts
):
    inbox, smtp_port = mail_inbox
    env = {**site_env, "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp_port), "Q_SYNC": "1"}
    password = secrets.token_urlsafe(12)
    output = manage(env, "shell", "-c", SETUP.format(password=password))
    pk = re.search(r"NOTIFICATION (\d+)", output).group(1)
    issued = {tuple(rcpts)[0] for rcpts, _m in inbox.messages}
    assert {"fp-fr@example.org", "fp-eg@example.org", "fp-ke@example.org"} <= issued

    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(
        f"{live_site}/admin/login/?next=/admin/snippets/notifications/notification/edit/{pk}/"
    )
    page.fill("#id_username", "secretariat-rem")
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(rf".*/notification/edit/{pk}/$"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.check("input[name=reminder_dates][value=deadline]")
    page.fill("#id_reminder_days_before", "7")
    page.screenshot(path=str(artifacts / "reminders-form-ar.png"), full_page=True)
    page.locator("button[type=submit]").first.click()
    page.wait_for_load_state()

    before = len(inbox.messages)
    sent = manage(
        env, "shell", "-c", "from notifications import services; print(services.reminders_send())"
    )
    assert sent.strip() == "2"
    reminded = {tuple(rcpts)[0]: message for rcpts, message in inbox.messages[before:]}
    assert sorted(reminded) == ["fp-eg@example.org", "fp-ke@example.org"]  # not France
    arabic = reminded["fp-eg@example.org"]
    assert arabic["Content-Language"] == "ar"
    assert "رحلة التذكير" in arabic.get_body(("plain",)).get_content()

    page.goto(f"{live_site}/admin/notifications-staff/{pk}/deliveries/")
    rows = page.locator("table.listing tbody tr")
    france = rows.filter(has_text="fp-fr@example.org").locator("td.reminders")
    assert france.locator("[data-reminder=responded]").count() == 1
    for address in ("fp-eg@example.org", "fp-ke@example.org"):
        assert rows.filter(has_text=address).locator("[data-reminder=sent]").count() == 1
    page.screenshot(path=str(artifacts / "reminders-deliveries-ar.png"), full_page=True)
