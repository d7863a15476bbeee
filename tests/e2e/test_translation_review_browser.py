"""Issue 13 in a real browser: a three-paragraph rich-text block (bold and a link) is
machine-translated; the Arabic review shows tags as tokens, a wrong number is flagged and
blocks publishing, fixing it unblocks; an XLIFF export edited with translate-toolkit
imports as 3 applied and the screen shows the three edits; a PO with one fuzzy entry
imports it as unreviewed."""

import re
from pathlib import Path

import polib
import pytest
from playwright.sync_api import expect
from translate.storage import xliff

pytestmark = pytest.mark.browser

SCREENS = Path("/work/screens/h13")
PASSWORD = "a-long-browser-password-13"
SETUP = f"""
from django.contrib.auth.models import Group, User
from cms.models import ContentPage, HomePage
from translation import services
reviewer = User.objects.create_user("reviewer-ar-13", password="{PASSWORD}")
reviewer.groups.add(Group.objects.get(name="Reviewers — Arabic"))
chinese = User.objects.create_user("reviewer-zh-13", password="{PASSWORD}")
chinese.groups.add(Group.objects.get(name="Reviewers — Chinese"))
from wagtail.users.models import UserProfile
profile = UserProfile.get_for_user(chinese)
profile.preferred_language = "zh-hans"
profile.save()
home = HomePage.objects.get(locale__language_code="en")
page = home.add_child(instance=ContentPage(
    title="Protected areas", slug="protected-areas-13", intro="National reports.",
    body=[("paragraph", '<p>Protected areas cover <b>2,500</b> sites.</p>'
        '<p>Read the <a href="https://www.cbd.int/">convention</a> text.</p>'
        '<p>National reports are due in 2026.</p>')],
))
page.save_revision().publish()
job = services.job_request(instance=page, user=None, languages=["ar", "zh-hans"])
services.job_run(job_id=job.pk)
from wagtail_localize.models import TranslationSource
source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
print("SOURCE", source.pk)
"""


def login(page, base_url, username):
    page.context.clear_cookies()
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page).not_to_have_url(re.compile(r"/admin/login/"))


def replace_in_editor(editor, old, new):
    """Type over text in the editor as a person would, tokens untouched."""
    editor.evaluate(
        """(box, [old, next]) => {
            const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                if (node.textContent.includes(old)) {
                    node.textContent = node.textContent.replace(old, next);
                    break;
                }
            }
            box.dispatchEvent(new InputEvent("input", {bubbles: true}));
        }""",
        [old, new],
    )


def upload(page, url, path):
    page.goto(url)
    page.set_input_files("input[type=file]", str(path))
    page.click("form button.button:has-text('Upload')")
    expect(page.locator("#import-report")).to_be_visible()


def test_review_tags_checks_and_exchange(live_site, site_manage, page, tmp_path):
    SCREENS.mkdir(parents=True, exist_ok=True)
    site_manage("mt_models", "build-demo")
    source = int(site_manage("shell", "-c", SETUP).stdout.split("SOURCE")[1].split()[0])
    review_url = f"{live_site}/admin/translation/review/{source}/ar/"

    login(page, live_site, "reviewer-ar-13")
    page.goto(review_url)
    paragraphs = page.locator('.review-segment[data-segment-id^="body."]')
    expect(paragraphs).to_have_count(3)
    first, second, third = (paragraphs.nth(i) for i in range(3))
    # Tags are numbered tokens, in the source and in the right-to-left editor.
    editor = first.locator(".review-text-editor")
    expect(editor).to_have_attribute("dir", "rtl")
    expect(editor.locator(".tag-token")).to_have_count(2)
    expect(second.locator(".review-text-editor .tag-token")).to_have_text(["1", "/1"])
    expect(second.locator(".review-source .tag-token")).to_have_count(2)
    page.screenshot(path=str(SCREENS / "review-ar-tokens.png"), full_page=True)

    # A wrong number is flagged and blocks publishing.
    replace_in_editor(editor, "2,500", "2,600")
    first.locator(".review-approve").click()
    expect(first.locator(".quality-error[data-check=numbers]")).to_be_visible()
    for item in page.locator(".review-segment").all():
        if item.get_attribute("data-state") != "reviewed":
            item.locator(".review-approve").click()
            expect(item).to_have_attribute("data-state", "reviewed")
    expect(page.locator("#review-counter")).to_contain_text(re.compile(r"(\d+) of \1"))
    expect(page.locator("#publish-blockers")).to_be_visible()
    expect(page.locator("#publish-anyway summary")).to_be_visible()
    page.screenshot(path=str(SCREENS / "review-ar-number-error.png"), full_page=True)
    page.goto(f"{review_url}?filter=errors")
    expect(page.locator(".review-segment")).to_have_count(1)

    # Fixing it unblocks.
    page.goto(review_url)
    editor = page.locator('.review-segment[data-segment-id^="body."]').first.locator(
        ".review-text-editor"
    )
    replace_in_editor(editor, "2,600", "2,500")
    page.locator('.review-segment[data-segment-id^="body."]').first.locator(
        ".review-approve"
    ).click()
    expect(page.locator(".quality-error")).to_have_count(0)
    expect(page.locator("#publish-button")).to_have_text("Publish")

    second = page.locator('.review-segment[data-segment-id^="body."]').nth(1)

    # Breaking a tag is refused with a message, nothing saved.
    second.locator(".review-text-editor .tag-token").first.evaluate("chip => chip.remove()")
    second.locator(".review-text-editor").dispatch_event("input")
    second.locator(".review-save").click()
    expect(second.locator(".state-label")).to_contain_text("missing")

    # XLIFF: edit all three paragraphs with translate-toolkit, import: 3 applied.
    with page.expect_download() as download:
        page.click("a:has-text('Download XLIFF')")
    assert download.value.suggested_filename == "protected-areas-13-en-ar.xlf"
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    store = xliff.xlifffile.parsestring(exported.read_bytes())
    edits = {}
    for unit in store.getunits():
        uid = unit.xmlelement.get("id")
        if uid.startswith("body."):
            edits[uid] = str(unit.target).replace("</", " (مراجع)</", 1)
            if "</" not in str(unit.target):
                edits[uid] = str(unit.target) + " (مراجع)"
            unit.target = edits[uid]
    assert len(edits) == 3
    edited = tmp_path / "edited.xlf"
    edited.write_bytes(bytes(store))
    upload(page, f"{live_site}/admin/translation/review/{source}/ar/upload/", edited)
    expect(page.locator('.import-count[data-outcome="applied"] strong')).to_have_text("3")
    expect(page.locator('.import-count[data-outcome="rejected"] strong')).to_have_text("0")
    page.screenshot(path=str(SCREENS / "import-report-ar.png"), full_page=True)
    page.goto(review_url)
    for uid, text in edits.items():
        expect(
            page.locator(f'.review-segment[data-segment-id="{uid}"] .review-text')
        ).to_have_value(text)

    # PO: one fuzzy entry arrives unreviewed.
    with page.expect_download() as download:
        page.click("a:has-text('Download PO')")
    po = polib.pofile(download.value.path().read_text(encoding="utf-8"))
    entry = next(e for e in po if e.msgctxt.startswith("body."))
    entry.msgstr = entry.msgstr + " (غير مؤكد)"
    if "fuzzy" not in entry.flags:
        entry.flags.append("fuzzy")
    fuzzy_file = tmp_path / "fuzzy.po"
    fuzzy_file.write_text(str(po), encoding="utf-8")
    upload(page, f"{live_site}/admin/translation/review/{source}/ar/upload/", fuzzy_file)
    expect(page.locator('.import-count[data-outcome="applied"] strong')).to_have_text("1")
    page.goto(review_url)
    expect(page.locator(f'.review-segment[data-segment-id="{entry.msgctxt}"]')).to_have_attribute(
        "data-state", "machine"
    )

    # Small screens and Chinese.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(review_url)
    page.screenshot(path=str(SCREENS / "review-ar-390.png"), full_page=True)
    login(page, live_site, "reviewer-zh-13")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_site}/admin/translation/review/{source}/zh-hans/")
    expect(page.locator(".review-text-editor .tag-token").first).to_be_visible()
    page.screenshot(path=str(SCREENS / "review-zh.png"), full_page=True)
