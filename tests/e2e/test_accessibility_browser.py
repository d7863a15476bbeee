"""axe-core (the engine behind browser accessibility audits) on the public pages in English
and Arabic: every page reachable from the home page, no violation of any impact."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.test_responsive_browser import page_path

pytestmark = pytest.mark.browser

MAX_PAGES = 60


def audit(page, base_url: str, language: str) -> tuple[list[str], list[str]]:
    """(pages audited, violations as "rule (impact) on path: targets")."""
    axe = Axe()
    # The missing-translation notice (an English page, a notice in Arabic) is audited too.
    queue = [f"/{language}/", f"/{language}/search/?q=Bioland", "/en/?missing=ar"]
    seen: list[str] = []
    violations: list[str] = []
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.append(path)
        page.goto(base_url + path)
        for violation in axe.run(page).response["violations"]:
            targets = [node["target"] for node in violation["nodes"]]
            violations.append(f"{violation['id']} ({violation['impact']}) on {path}: {targets}")
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            found = page_path(base_url, href)
            if found and found.startswith(f"/{language}/") and found not in seen:
                queue.append(found)
    return seen, violations


@pytest.mark.parametrize("language", ["en", "ar"])
def test_public_pages_have_no_accessibility_violations(live_site, site_manage, page, language):
    site_manage("load_demo_notifications")
    site_manage("load_demo_helpdesk")
    audited, violations = audit(page, live_site, language)
    assert len(audited) >= 15, audited
    assert violations == []
