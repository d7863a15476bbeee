"""Flow 1 in a real browser: publish in English, machine-translate into all five other
languages, an Arabic reviewer approves and edits on the right-to-left review screen and
publishes, and the public Arabic page shows the reviewed text."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import worker_running

pytestmark = pytest.mark.browser

PASSWORD = "a-long-browser-password-7"
SETUP = f"""
from django.contrib.auth.models import Group, User
from cms.models import ContentPage, HomePage
editor = User.objects.create_user("editor-e2e", password="{PASSWORD}")
editor.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
reviewer = User.objects.create_user("reviewer-ar", password="{PASSWORD}")
reviewer.groups.add(Group.objects.get(name="Reviewers — Arabic"))
home = HomePage.objects.get(locale__language_code="en")
page = home.add_child(instance=ContentPage(
    title="Protected areas", slug="protected-areas-e2e",
    intro="National focal points and biodiversity.",
    body=[("paragraph", "<p>The convention on biological diversity protects forests.</p>")],
))
page.save_revision()
print("PAGE", page.pk)
"""
PUBLIC_URL = """
from cms.models import ContentPage
page = ContentPage.objects.get(pk={pk})
from wagtail.models import Locale
arabic = page.get_translation(Locale.objects.get(language_code="ar"))
print("URL", arabic.url, arabic.live)
"""


@pytest.fixture
def worker(live_site, site_env, site_manage, artifacts):
    site_manage("mt_models", "build-demo")
    with worker_running(site_env, artifacts / "translation-qcluster.log") as process:
        yield process


def login(page, base_url, username):
    page.context.clear_cookies()
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page).not_to_have_url(re.compile(r"/admin/login/"))


def test_translate_review_and_publish_in_arabic(live_site, site_manage, worker, page, artifacts):
    page_id = int(site_manage("shell", "-c", SETUP).stdout.split("PAGE")[1].split()[0])

    # The editor publishes the English page, then asks for all five other languages.
    login(page, live_site, "editor-e2e")
    page.goto(f"{live_site}/admin/pages/{page_id}/edit/")
    page.locator('button[name="action-publish"]').evaluate("button => button.click()")
    expect(page.locator(".messages")).to_contain_text("published")
    # The page header's "Machine-translate" action (its presence in the edit view is
    # checked in tests/translation/test_views.py; the menu is rendered from a template).
    page.goto(f"{live_site}/admin/translation/request/page/{page_id}/")
    checked = page.locator("input[name=languages]:checked")
    expect(checked).to_have_count(5)
    page.click("form button[type=submit]:has-text('Request machine translation')")
    expect(page).to_have_url(re.compile(r"/admin/translation/jobs/"))
    row = page.locator("tr[data-job]").first
    expect(row.locator(".job-percent")).to_have_text(re.compile(r"100\s%"), timeout=120_000)
    expect(row.locator(".translation-progress")).to_have_attribute("aria-valuenow", "100")
    expect(row.locator(".job-targets li")).to_have_count(5)
    page.screenshot(path=str(artifacts / "translation-jobs.png"))

    # The Arabic reviewer reviews on the right-to-left screen.
    login(page, live_site, "reviewer-ar")
    page.goto(f"{live_site}/admin/translation/jobs/")
    page.locator('li[data-language="ar"] a:has-text("Review")').first.click()
    areas = page.locator(".review-text-editor")
    expect(areas.first).to_be_visible()
    count = areas.count()
    assert count == 3  # title, intro and the paragraph; the slug follows the reviewed title
    expect(areas.first).to_have_attribute("dir", "rtl")
    expect(areas.first).to_have_attribute("lang", "ar")
    expect(page.locator("#review-counter")).to_contain_text(f"0 of {count}")
    areas.first.fill("المناطق المحمية في العالم")
    for index in range(count):
        page.locator(".review-approve").nth(index).click()
        expect(page.locator("#review-counter")).to_contain_text(f"{index + 1} of {count}")
    page.screenshot(path=str(artifacts / "translation-review-ar.png"), full_page=True)
    expect(page.locator("#publish-button")).to_be_enabled()
    page.click("#publish-button")
    expect(page.locator(".messages")).to_contain_text("published")

    # The public Arabic page shows the reviewed text, without the machine notice.
    output = site_manage("shell", "-c", PUBLIC_URL.format(pk=page_id)).stdout
    url, live = output.split("URL")[1].split()
    assert live == "True"
    page.goto(f"{live_site}{url}")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("main")).to_contain_text("المناطق المحمية في العالم")
    expect(page.locator(".machine-translation-notice")).to_have_count(0)
    page.screenshot(path=str(artifacts / "translation-public-ar.png"), full_page=True)
