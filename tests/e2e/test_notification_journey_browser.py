"""The Secretariat issues a notification end to end in the admin, and focal points read it.

An officer adds a focal point (Party chosen by its name, categories as checkboxes), creates
a notification, writes and publishes its English text, approves it, opens the issue screen,
sees the state of each language, chooses to send the English text with a notice to the
Spanish reader (no Spanish text yet), confirms, and the notification is issued. A real
`qcluster` worker delivers to a loopback SMTP server; each message is parsed with the
stdlib `email` package: the Arabic subject decodes to the Arabic title with its spaces,
the French apostrophe is never an HTML entity, the Spanish reader's mail carries the notice
in Spanish. The public Spanish page shows the notice too.

French and Arabic texts are written by a shell step standing in for the translators'
review (walked in test_translation_review_browser.py): same translation key, published.
"""

import re
import secrets
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import manage_in, worker_running
from tests.notifications.conftest import Mailbox

pytestmark = pytest.mark.browser

# A category no demo focal point and no other browser test uses: the recipients are ours.
CATEGORY = "RM-FP"
REFERENCE = "SCBD/RM/JOURNEY/1"
PASSWORD = secrets.token_urlsafe(16)
TITLES = {
    "en": "Resource mobilization: financial reporting framework and the update of baselines",
    "fr": "Mobilisation des ressources : cadre d'établissement des rapports financiers",
    # Long enough that the encoded Subject header folds over several lines.
    "ar": (
        "حشد الموارد: الإطار المالي لتقديم التقارير وتحديث خطوط الأساس الوطنية "
        "والإقليمية والدولية للتنوع البيولوجي"
    ),
}
FRENCH_BODY = "Les Parties sont invitées à soumettre l'information financière avant l'échéance."

STAFF = """
from django.contrib.auth.models import User
from cms.models import Party
from notifications.models import FocalPoint

User.objects.create_superuser("secretariat-journey", "sec-journey@example.org", {password!r})
for code, language in [("FR", "fr"), ("EG", "ar"), ("KE", "en")]:
    FocalPoint.objects.create(party=Party.objects.get(code=code), categories=[{category!r}],
        first_name="Focal", last_name=code, emails=[f"journey-{{code.lower()}}@example.org"],
        preferred_language=language, status="active")
"""

# The translators' part: French and Arabic published under the English text's key.
TRANSLATIONS = """
from wagtail.models import Locale
from notifications.models import Notification, NotificationText

notification = Notification.objects.get(reference={reference!r})
source = notification.texts.get(locale__language_code="en", live=True)
for language, title, body in {texts!r}:
    text = NotificationText(notification=notification, translation_key=source.translation_key,
        locale=Locale.objects.get(language_code=language), title=title, body=body)
    text.save()
    text.save_revision().publish()
print("NOTIFICATION", notification.pk)
"""


def manage(env: dict[str, str], *args: str) -> str:
    return manage_in(env, *args).stdout


def mail_wait(mailbox: Mailbox, addresses: set[str], timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if addresses <= set(mailbox.recipients()):
            return
        time.sleep(0.5)
    raise AssertionError(f"only {sorted(mailbox.recipients())} received a mail in {timeout} s")


@pytest.fixture
def mailbox():
    from notifications.mail.sink import sink_start

    received = Mailbox()
    controller = sink_start(received.store)
    received.port = controller.port
    yield received
    controller.stop()


def shot(page, artifacts: Path, name: str) -> None:
    page.screenshot(path=str(artifacts / name), full_page=True)


def test_staff_issue_a_notification_with_english_and_a_notice_and_each_reader_gets_it(
    live_site, site_env, mailbox, page, artifacts
):
    env = {**site_env, "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(mailbox.port)}
    manage(env, "shell", "-c", STAFF.format(password=PASSWORD, category=CATEGORY))

    page.goto(f"{live_site}/admin/login/")
    page.fill("input[name=username]", "secretariat-journey")
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    expect(page).not_to_have_url(re.compile(r"/admin/login/"))

    # A Spanish-reading focal point, added with the form: Party by name, category ticked.
    page.goto(f"{live_site}/admin/snippets/notifications/focalpoint/add/")
    page.select_option("select[name=party]", label="Spain")
    page.check(f"input[name=categories][value={CATEGORY}]")
    page.fill("input[name=first_name]", "Lucía")
    page.fill("input[name=last_name]", "Journey")
    page.fill("textarea[name=emails]", "journey-es@example.org")
    page.select_option("select[name=preferred_language]", "es")
    page.click("#w-editor-form button.action-save")
    expect(page.locator(".messages .success")).to_be_visible()
    # Nominated; verified and activated on its own page, each step confirmed.
    page.goto(f"{live_site}/admin/snippets/notifications/focalpoint/?q=Journey")
    page.locator("a", has_text="Lucía Journey").first.click()
    for action in ("verify", "activate"):
        page.locator(f".focal-point-status a[href*='/{action}/']").click()
        page.locator("#main form button.button[type=submit]").click()
    expect(page.locator(".focal-point-status")).to_have_attribute("data-status", "active")

    # The notification: recipient categories as checkboxes, not raw JSON.
    page.goto(f"{live_site}/admin/snippets/notifications/notification/add/")
    expect(
        page.locator("textarea[name=categories], input[name=categories][type=text]")
    ).to_have_count(0)
    expect(page.locator(f"input[name=categories][value={CATEGORY}]")).to_be_visible()
    page.fill("input[name=reference]", REFERENCE)
    page.fill("input[name=slug]", "resource-mobilization-journey")
    page.check(f"input[name=categories][value={CATEGORY}]")
    page.click("#w-editor-form button.action-save")
    expect(page.locator(".messages .success")).to_be_visible()

    # Its English text, chosen from the notification chooser, then published.
    page.goto(f"{live_site}/admin/snippets/notifications/notificationtext/add/?locale=en")
    page.get_by_role("button", name=re.compile("Choose", re.I)).first.click()
    # Drafts without a text are told apart by their reference.
    page.locator(".modal a[data-chooser-modal-choice]", has_text=REFERENCE).click()
    page.fill("input[name=title]", TITLES["en"])
    page.locator(".public-DraftEditor-content").first.click()
    page.keyboard.type("Parties are invited to submit their financial reports.")
    # Draftail saves its state into the form a moment after the last keystroke.
    page.wait_for_function(
        "() => [...document.querySelectorAll('input[type=hidden]')]"
        ".some(input => input.value.includes('financial reports'))"
    )
    page.locator("button[name=action-publish]").evaluate("button => button.click()")
    expect(page.locator(".messages .success")).to_be_visible()

    output = manage(
        env,
        "shell",
        "-c",
        TRANSLATIONS.format(
            reference=REFERENCE,
            texts=[
                ("fr", TITLES["fr"], f"<p>{FRENCH_BODY}</p>"),
                ("ar", TITLES["ar"], "<p>الأطراف مدعوة إلى تقديم تقاريرها المالية.</p>"),
            ],
        ),
    )
    pk = re.search(r"NOTIFICATION (\d+)", output).group(1)

    page.goto(f"{live_site}/admin/notifications-staff/{pk}/deliveries/")
    page.get_by_role("button", name="Approve").click()
    page.goto(f"{live_site}/admin/notifications-staff/{pk}/issue/")
    for language in ("en", "fr", "ar"):
        row = page.locator(f"tr[data-language={language}]")
        expect(row).to_have_attribute("data-state", "published")
        expect(row.locator("[data-testid=recipients]")).to_have_text("1")
    spanish = page.locator("tr[data-language=es]")
    expect(spanish).to_have_class(re.compile("blocked"))
    expect(spanish.locator("[data-testid=recipients]")).to_have_text("1")
    expect(page.locator("tr[data-language=ru] [data-testid=recipients]")).to_have_text("0")
    spanish.locator("input[name=english_notice]").check()
    shot(page, artifacts, "journey-issue-summary.png")
    page.get_by_role("button", name="Continue").click()

    expect(page.locator("[data-testid=confirm-total]")).to_contain_text("4")
    expect(page.locator("[data-testid=confirm-lines] li[data-language=es]")).to_contain_text(
        "in English with a notice that an official translation will follow"
    )
    shot(page, artifacts, "journey-issue-confirm.png")
    page.get_by_role("button", name=re.compile("Issue and send to 4")).click()
    expect(page.locator(".messages .success")).to_be_visible()
    expect(page.locator("[data-testid=english-notice]")).to_be_visible()
    number = page.locator("strong bdi").first.inner_text()
    assert re.fullmatch(r"\d{4}-\d+", number)

    # The worker delivers.
    addresses = {f"journey-{code}@example.org" for code in ("fr", "eg", "ke", "es")}
    with worker_running(env, artifacts / "journey-qcluster.log"):
        mail_wait(mailbox, addresses)
    mine = [(address, data) for address, data in mailbox.raw if address in addresses]
    assert sorted(address for address, _data in mine) == sorted(addresses)  # one message each
    parsed = {
        address: message
        for address, message in zip(mailbox.recipients(), mailbox.messages(), strict=True)
        if address in addresses
    }

    arabic = parsed["journey-eg@example.org"]
    assert arabic["Content-Language"] == "ar"
    # The encoded Subject is folded over lines, and still decodes to the title with spaces.
    raw_arabic = dict(mine)["journey-eg@example.org"]
    assert re.search(rb"^Subject: [^\r\n]*\r?\n[ \t]", raw_arabic, re.MULTILINE)
    assert TITLES["ar"] in str(arabic["Subject"])  # decoded, spaces between words kept
    french = parsed["journey-fr@example.org"]
    for text in (str(french["Subject"]), french.get_body(("plain",)).get_content()):
        assert "&#" not in text and "&amp;" not in text
    assert TITLES["fr"] in str(french["Subject"])
    assert FRENCH_BODY in french.get_body(("plain",)).get_content()
    spanish_mail = parsed["journey-es@example.org"]
    plain = spanish_mail.get_body(("plain",)).get_content()
    assert "Seguirá una traducción oficial" in plain
    assert TITLES["en"] in plain and "&#" not in plain
    english = parsed["journey-ke@example.org"]
    assert "Seguirá" not in english.get_body(("plain",)).get_content()
    for message in parsed.values():
        assert [part.get_content_type() for part in message.iter_attachments()] == [
            "application/pdf"
        ]

    page.goto(f"{live_site}/es/notifications/{number}/")
    expect(page.locator("h1")).to_have_text(TITLES["en"])
    expect(page.locator("p.notice")).to_contain_text("Seguirá una traducción oficial")
    shot(page, artifacts, "journey-public-es.png")
