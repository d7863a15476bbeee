"""Bulk machine translation from Wagtail's page listing, as an editor whose admin is in
Chinese walks it: tick two pages, "More" → "Machine-translate", see per page and language
what is kept and what will be translated, choose three languages and their subpages,
confirm; a worker runs the jobs; every translation is a draft, nothing new is public, and
the French pages that were already live keep answering at their address (no automatic
redirect to a draft)."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_translation_browser import PASSWORD, login, worker  # noqa: F401

pytestmark = pytest.mark.browser

SETUP = f"""
import json
from django.contrib.auth.models import Group, User
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from cms.models import ContentPage, HomePage
from translation import services

editor = User.objects.create_user("editor-bulk", password="{PASSWORD}")
editor.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
profile = UserProfile.get_for_user(editor)
profile.preferred_language = "zh-hans"
profile.save()
home = HomePage.objects.get(locale__language_code="en")

def publish(parent, slug, title, text):
    page = parent.add_child(instance=ContentPage(title=title, slug=slug, intro=text,
        body=[("paragraph", f"<p>{{text}}</p>")]))
    page.save_revision().publish()
    page.refresh_from_db()
    return page

section = publish(home, "bulk-wetlands", "Wetlands", "Wetlands and migratory birds.")
marsh = publish(section, "bulk-marshes", "Marshes", "Marshes hold biodiversity.")
bogs = publish(section, "bulk-bogs", "Peat bogs", "Peat bogs store carbon.")
reefs = publish(home, "bulk-reefs", "Coral reefs", "Coral reefs and marine areas.")

# The section and its marshes were translated into French before, reviewed and published.
french = Locale.objects.get(language_code="fr")
for page in (section, marsh):
    job = services.job_request(instance=page, user=None, languages=["fr"])
    services.job_run(job_id=job.pk)
    page.get_translation(french).get_latest_revision().publish()
# Then the English section changed: the next translation is a new French draft.
section.intro = "Wetlands, rivers and migratory birds."
section.save_revision().publish()
print("SETUP", json.dumps({{
    "home": home.pk,
    "pages": {{"section": section.pk, "marsh": marsh.pk, "bogs": bogs.pk, "reefs": reefs.pk}},
    "french_urls": [page.get_translation(french).url for page in (section, marsh)],
}}))
"""
STATE = """
import json
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page
state = {"redirects": Redirect.objects.count()}
for pk in %s:
    page = Page.objects.get(pk=pk)
    for language in ("ar", "es", "fr", "ru", "zh-hans"):
        copy = page.get_translation_or_none(Locale.objects.get(language_code=language))
        state[f"{pk}-{language}"] = None if copy is None else [
            copy.live, copy.has_unpublished_changes]
print("STATE", json.dumps(state))
"""


def site_state(site_manage, pages: list[int]) -> dict:
    output = site_manage("shell", "-c", STATE % pages).stdout
    return json.loads(output.split("STATE", 1)[1])


def main_of(page, url: str) -> str:
    """The page's <main>, fetched without following redirects: it must answer itself."""
    response = page.request.get(url, max_redirects=0)
    assert response.status == 200, (url, response.status, response.headers.get("location"))
    return re.search(r"<main.*?</main>", response.text(), re.S).group(0)


@pytest.mark.usefixtures("worker")
def test_bulk_machine_translation_from_the_page_listing(live_site, site_manage, page, artifacts):
    setup = json.loads(site_manage("shell", "-c", SETUP).stdout.split("SETUP", 1)[1])
    pages = setup["pages"]
    before = site_state(site_manage, list(pages.values()))

    # The editor (admin in Chinese) ticks the section and the reefs in the page listing.
    login(page, live_site, "editor-bulk")
    # Signed in, so the anonymous page cache is not what answers.
    old_french = {url: main_of(page, f"{live_site}{url}") for url in setup["french_urls"]}
    page.goto(f"{live_site}/admin/pages/{setup['home']}/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    for key in ("section", "reefs"):
        page.locator(f"input.bulk-action-checkbox[data-object-id='{pages[key]}']").check()
    footer = page.locator("[data-bulk-action-footer]")
    expect(footer).to_be_visible()
    # Wagtail shows four bulk actions; the fifth and later sit under "More". Its items get
    # the selected ids on click only once the dropdown has finished opening, as a person
    # sees it: wait for that moment rather than clicking a half-open menu.
    page.evaluate(
        "() => { window.bulkMenuShown = new Promise("
        "resolve => document.addEventListener('w-dropdown:shown', resolve, {once: true})) }"
    )
    footer.locator(".w-dropdown__toggle").click()
    page.evaluate("() => window.bulkMenuShown.then(() => true)")
    page.locator("a[href*='/bulk/wagtailcore/page/machine_translate/']").click()

    # The confirmation: one row per page, one column per other language, what is kept.
    expect(page).to_have_url(re.compile(r"/admin/bulk/wagtailcore/page/machine_translate/"))
    plan = page.locator("table.bulk-translation-plan")
    expect(plan.locator("tbody tr")).to_have_count(2)
    french_cell = plan.locator(f"tr[data-page='{pages['section']}'] td[data-language=fr]")
    expect(french_cell).to_contain_text(re.compile(r"\d"))  # segments kept / to translate
    expect(plan.locator(f"tr[data-page='{pages['reefs']}'] td[data-language=ar]")).to_contain_text(
        "尚未翻译"
    )
    languages = page.locator("input[name=languages]")
    expect(languages).to_have_count(5)  # English pages: English is not offered
    expect(page.locator("input[name=languages]:checked")).to_have_count(5)
    for code in ("es", "ru"):
        page.uncheck(f"input[name=languages][value={code}]")
    page.check("input[name=include_subpages]")
    page.screenshot(path=str(artifacts / "bulk-translation-confirm-zh.png"), full_page=True)
    page.locator("form button[type=submit]").filter(has_text="请求机器翻译").click()

    # Back on the listing, told what was requested; the jobs run in the worker.
    expect(page.locator(".messages")).to_contain_text("4")
    page.goto(f"{live_site}/admin/translation/jobs/")
    rows = page.locator("tr[data-job]")  # newest first: the four bulk jobs on top
    for index in range(4):
        expect(rows.nth(index).locator(".job-percent")).to_have_text(
            re.compile(r"100\s*%"), timeout=240_000
        )
    expect(rows.nth(0)).to_contain_text(re.compile("Wetlands|Marshes|Peat bogs|Coral reefs"))
    page.screenshot(path=str(artifacts / "bulk-translation-jobs-zh.png"), full_page=True)

    # Drafts in the chosen languages, for the subpages too; nothing new is public.
    after = site_state(site_manage, list(pages.values()))
    for pk in pages.values():
        for language in ("ar", "zh-hans"):
            assert after[f"{pk}-{language}"] == [False, True], (pk, language)
        for language in ("es", "ru"):
            assert after[f"{pk}-{language}"] is None, (pk, language)
    section_fr = after[f"{pages['section']}-fr"]
    assert section_fr == [True, True]  # still live, with the new machine draft waiting
    assert after["redirects"] == before["redirects"]

    # The French pages that were live answer at their address, as before: no redirect.
    for url, text in old_french.items():
        assert main_of(page, f"{live_site}{url}") == text
