"""Every public page, in the six languages, fits a phone (390×844) and a laptop (1280×800):
no horizontal scrolling, with the header's menu closed and open.

The pages are the ones a visitor can reach: a crawl from each language's home page through
every link on the site. Pages load several at a time in one Chromium (async Playwright in
its own thread), nothing blocked: styles, fonts and scripts load as for a visitor.
"""

import asyncio
import re
import threading
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest

from tests.e2e.conftest import CHROMIUM_ARGS, chromium_executable

pytestmark = pytest.mark.browser

LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh-hans")
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 800}}
PARALLEL = 6
MAX_PAGES = 400
# Downloads and machine-facing addresses are not pages a visitor scrolls.
NOT_PAGES = re.compile(
    r"^/(admin|documents|media|static|api|odata)/|/feeds?/|\.(pdf|csv|json|xml)$"
)
SCREENSHOT_PATHS = (
    "",
    "notifications/2014-107/",
    "helpdesk/tracker/",
    "notifications/focal-points/",
)

MEASURE = "() => [document.documentElement.scrollWidth, window.innerWidth]"
LINKS = "() => Array.from(document.querySelectorAll('a[href]'), a => a.href)"
OPEN_MENU = """() => {
  const toggle = document.querySelector('.site-header .menu-toggle');
  if (toggle && !toggle.hidden && toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
  document.querySelectorAll('nav.main-menu details').forEach(d => { d.open = true; });
}"""


def page_path(base_url: str, href: str) -> str | None:
    """The site path a link leads to, without query or fragment; None when not a page."""
    url = urlsplit(urldefrag(href)[0])
    if f"{url.scheme}://{url.netloc}" != base_url:
        return None
    path = url.path
    if NOT_PAGES.search(path) or path.split("/")[1] not in LANGUAGES:
        return None
    return path


async def crawl(base_url: str, screenshots: Path) -> dict:
    from playwright.async_api import async_playwright

    found = {"overflow": [], "errors": [], "pages": set()}
    async with async_playwright() as playwright:
        executable = chromium_executable(playwright)
        assert executable, "no Chromium: see tests/e2e/conftest.py"
        browser = await playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        context = await browser.new_context(viewport=VIEWPORTS["laptop"])
        limit = asyncio.Semaphore(PARALLEL)

        async def visit(path: str) -> set[str]:
            # One load per page: measured on the laptop, then resized to the phone.
            async with limit:
                page = await context.new_page()
                try:
                    response = await page.goto(base_url + path, wait_until="load")
                    if response is None or response.status != 200:
                        found["errors"].append((path, response and response.status))
                        return set()
                    states = [("laptop", await page.evaluate(MEASURE))]
                    await page.set_viewport_size(VIEWPORTS["phone"])
                    states.append(("phone", await page.evaluate(MEASURE)))
                    await page.evaluate(OPEN_MENU)
                    states.append(("phone, menu open", await page.evaluate(MEASURE)))
                    for state, (scroll_width, inner_width) in states:
                        if scroll_width > inner_width:
                            found["overflow"].append((path, state, scroll_width, inner_width))
                    language, rest = path.strip("/").partition("/")[::2]
                    if rest + ("/" if rest else "") in SCREENSHOT_PATHS:
                        slug = rest.replace("/", "-").strip("-") or "home"
                        await page.screenshot(
                            path=str(screenshots / f"{language}-{slug}-390.png"), full_page=True
                        )
                    return set(await page.evaluate(LINKS))
                finally:
                    await page.close()

        queue = [f"/{language}/" for language in LANGUAGES]
        queue += [f"/{language}/search/" for language in LANGUAGES]
        seen = set(queue)
        while queue and len(seen) < MAX_PAGES:
            results = await asyncio.gather(*(visit(path) for path in queue))
            found["pages"].update(queue)
            queue = []
            for links in results:
                for href in links:
                    path = page_path(base_url, href)
                    if path and path not in seen:
                        seen.add(path)
                        queue.append(path)
        await browser.close()
    return found


def test_no_public_page_scrolls_sideways_on_a_phone_or_a_laptop(live_site, site_manage, artifacts):
    site_manage("load_demo_notifications")
    site_manage("load_demo_helpdesk")
    screenshots = artifacts / "responsive"
    screenshots.mkdir(exist_ok=True)
    outcome = {}
    # Async Playwright runs in a thread of its own, apart from the sync API other tests use
    # (a second sync Playwright in this thread would fail while the session's browser runs).
    worker = threading.Thread(
        target=lambda: outcome.update(asyncio.run(crawl(live_site, screenshots)))
    )
    worker.start()
    worker.join()
    pages = outcome["pages"]
    for language in LANGUAGES:
        in_language = [path for path in pages if path.startswith(f"/{language}/")]
        assert len(in_language) >= 15, (language, sorted(in_language))
    assert outcome["errors"] == []
    assert outcome["overflow"] == []
    assert (screenshots / "ar-helpdesk-tracker-390.png").exists()
