"""Deadline reminders as the Secretariat sets and checks them: an officer whose admin is in
Arabic opens an issued notification, asks for reminders before its deadline only, seven days
before, for one of its two recipient categories; the hourly reminder task runs; the mail
that reaches the SMTP server (parsed with the stdlib `email` package) goes to the focal
points of that category whose Party has not responded, and the deliveries screen lists
each reminder, and the Party skipped because it responded, beside its delivery."""

import datetime
import email
import email.policy
import re
import secrets
import threading

import pytest
from babel.dates import format_date
from playwright.sync_api import expect

from notifications.mail.sink import sink_start
from tests.e2e.conftest import manage_in

pytestmark = pytest.mark.browser

# Categories no demo focal point holds, so other browser tests sharing the site add nobody.
SETUP = """
import datetime
from django.contrib.auth.models import User
from django.utils import timezone
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from cms.models import Party
from notifications import services
from notifications.models import Delivery, FocalPoint, Notification, NotificationText, Response

staff = User.objects.create_superuser("secretariat-rem", "sec-rem@example.org", {password!r})
profile = UserProfile.get_for_user(staff)
profile.preferred_language = "ar"
profile.save()
for code, language, category in [("FR", "fr", "GSPC-FP"), ("EG", "ar", "GSPC-FP"),
                                 ("CN", "zh-hans", "GSPC-FP"), ("KE", "en", "GTI-FP")]:
    FocalPoint.objects.create(party=Party.objects.get(code=code), categories=[category],
        first_name="Focal", last_name=code, emails=[f"rem-{{code.lower()}}@example.org"],
        preferred_language=language, status="active")
today = timezone.localdate()
notification = Notification.objects.create(categories=["GSPC-FP", "GTI-FP"], status="approved",
    reference="SCBD/REM/1", action_required_by=today + datetime.timedelta(days=20),
    deadline=today + datetime.timedelta(days=5), reminder_dates=[])
source = None
for language, title in {titles!r}.items():
    text = NotificationText(notification=notification,
        locale=Locale.objects.get(language_code=language), title=title,
        body=f"<p>{{title}}.</p>", live=True)
    if source is not None:
        text.translation_key = source.translation_key
    text.save()
    source = source or text
services.notification_issue(notification_id=notification.pk, issue_date=today, dispatch=False)
services.deliveries_send(delivery_ids=services.deliveries_create(notification=notification))
# Notified a week ago: outside the minimum interval between two mails to one person.
Delivery.objects.filter(notification=notification).update(
    sent_at=timezone.now() - datetime.timedelta(days=7))
Response.objects.create(notification=notification, party=Party.objects.get(code="FR"),
    text="Notre réponse", language="fr")
notification.refresh_from_db()
print("NOTIFICATION", notification.pk, notification.number, notification.deadline.isoformat(),
      notification.action_required_by.isoformat())
"""
TITLES = {
    "en": "Global Strategy for Plant Conservation: national updates",
    "ar": "الاستراتيجية العالمية لحفظ النباتات: التحديثات الوطنية",
    "fr": "Stratégie mondiale pour la conservation des plantes : mises à jour nationales",
    "zh-hans": "全球植物保护战略：国家更新",
}
PASSWORD = secrets.token_urlsafe(16)


class Sink:
    """Raw messages the loopback SMTP server received, parsed with `email` on demand."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.raw: list[tuple[str, bytes]] = []

    def store(self, _sender: str, recipient: str, data: bytes) -> None:
        with self.lock:
            self.raw.append((recipient, data))

    def since(self, start: int) -> dict[str, email.message.EmailMessage]:
        with self.lock:
            received = self.raw[start:]
        return {
            recipient: email.message_from_bytes(data, policy=email.policy.default)
            for recipient, data in received
        }


@pytest.fixture
def sink():
    received = Sink()
    controller = sink_start(received.store)
    received.port = controller.port
    yield received
    controller.stop()


def manage(env: dict[str, str], *args: str) -> str:
    return manage_in(env, *args).stdout


def test_staff_set_reminders_and_a_party_that_responded_is_not_reminded(
    live_site, site_env, sink, page, artifacts
):
    env = {**site_env, "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(sink.port)}
    output = manage(env, "shell", "-c", SETUP.format(password=PASSWORD, titles=TITLES))
    pk, number, *dates = re.search(r"NOTIFICATION (\d+) (\S+) (\S+) (\S+)", output).groups()
    deadline, action_date = map(datetime.date.fromisoformat, dates)
    issued = sink.since(0)
    assert sorted(issued) == [f"rem-{code}@example.org" for code in ("cn", "eg", "fr", "ke")]

    # The officer (admin in Arabic) sets the reminders on the notification's own form.
    page.goto(f"{live_site}/admin/login/")
    page.fill("input[name=username]", "secretariat-rem")
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    expect(page).not_to_have_url(re.compile(r"/admin/login/"))
    page.goto(f"{live_site}/admin/snippets/notifications/notification/edit/{pk}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    # Wagtail names a panel's id after its translated heading: find it by its fields.
    reminders = page.locator("section.w-panel:has(input[name=reminder_dates])")
    expect(reminders).to_be_visible()
    page.check("input[name=reminder_dates][value=deadline]")
    expect(page.locator("input[name=reminder_dates][value=action_required_by]")).not_to_be_checked()
    page.fill("input[name=reminder_days_before]", "7")
    page.check("input[name=reminder_categories][value=GSPC-FP]")
    reminders.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "reminders-form-ar.png"))
    page.click("#w-editor-form button.action-save")
    expect(page.locator(".messages .success")).to_be_visible()

    # The deliveries screen states what was set, before any reminder is sent.
    page.goto(f"{live_site}/admin/notifications-staff/{pk}/deliveries/")
    settings = page.locator(".reminder-settings")
    expect(settings).to_contain_text("7")
    expect(settings).to_contain_text("GSPC-FP")
    expect(settings).not_to_contain_text("GTI-FP")

    # The scheduled task runs (the same function the hourly schedule calls).
    before = len(sink.raw)
    sent = manage(
        env,
        "shell",
        "-c",
        "from notifications.tasks import reminders_send_task; print('SENT', reminders_send_task())",
    )
    assert "SENT 2" in sent
    reminded = sink.since(before)
    # France responded; Kenya's category was not chosen; Egypt and China are reminded.
    assert sorted(reminded) == ["rem-cn@example.org", "rem-eg@example.org"]
    arabic, chinese = reminded["rem-eg@example.org"], reminded["rem-cn@example.org"]
    assert arabic["Content-Language"] == "ar" and chinese["Content-Language"] == "zh-hans"
    for message, language in ((arabic, "ar"), (chinese, "zh-hans")):
        subject = str(message["Subject"])
        assert number in subject and "&#" not in subject
        plain = message.get_body(("plain",)).get_content()
        assert TITLES[language] in plain and "&#" not in plain
        assert f"/{language}/notifications/{number}/" in plain
        assert not [part for part in message.iter_attachments()]  # a reminder, not the letter
    # Each names the date it reminds of, the deadline (not the action date), in its language.
    for message, locale in ((arabic, "ar"), (chinese, "zh_Hans")):
        assert format_date(deadline, "long", locale=locale) in str(message["Subject"])
        assert format_date(action_date, "long", locale=locale) not in str(message["Subject"])

    page.goto(f"{live_site}/admin/notifications-staff/{pk}/deliveries/")
    rows = page.locator("table.deliveries tbody tr")
    expect(rows).to_have_count(4)
    france = rows.filter(has_text="rem-fr@example.org")
    expect(france.locator("[data-reminder=responded]")).to_have_count(1)
    for address in ("rem-eg@example.org", "rem-cn@example.org"):
        expect(rows.filter(has_text=address).locator("[data-reminder=sent]")).to_have_count(1)
    expect(rows.filter(has_text="rem-ke@example.org").locator("[data-reminder]")).to_have_count(0)
    page.screenshot(path=str(artifacts / "reminders-deliveries-ar.png"), full_page=True)
