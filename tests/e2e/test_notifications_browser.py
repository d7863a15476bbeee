"""A visitor reads notification 2014-107 in French and in Arabic, in a real browser."""

import re

SLUG = "national-reporting-focal-points"
LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh-hans")


def test_notification_2014_107_in_french_and_arabic(live_site, site_manage, page, artifacts):
    site_manage("load_demo_notifications")

    page.goto(f"{live_site}/fr/notifications/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.select_option("select[name=year]", "2014")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url(re.compile(r"year=2014"))
    item = page.locator(".notification-item", has_text="2014-107")
    assert item.count() == 1
    assert item.locator(".date").inner_text() == "26 août 2014"
    assert "Nomination ou confirmation des correspondants nationaux" in item.inner_text()

    item.locator("a").click()
    page.wait_for_url(f"{live_site}/fr/notifications/2014-107/")
    meta = page.locator(".notification-meta")
    assert page.locator("h1").inner_text().startswith("Nomination ou confirmation")
    assert meta.locator("dt:has-text('Numéro') + dd.number").inner_text() == "2014-107"
    assert meta.locator("dt:has-text('Date') + dd").inner_text() == "26 août 2014"
    assert "31 octobre 2014" in meta.inner_text()
    subjects = meta.locator("dt:has-text('Sujets') + dd").inner_text()
    assert "Rapports nationaux" in subjects and "Centre d’échange" in subjects
    links = page.locator(".notification-files a[type='application/pdf']")
    names = sorted(links.all_inner_texts())
    assert names == sorted(f"ntf-2014-107-{SLUG}-{code}.pdf" for code in LANGUAGES)
    # The French letter really is a PDF, served under its public name.
    french = links.filter(has_text=f"ntf-2014-107-{SLUG}-fr.pdf").get_attribute("href")
    letter = page.request.get(f"{live_site}{french}")
    assert letter.ok and letter.headers["content-type"] == "application/pdf"
    assert letter.body().startswith(b"%PDF")
    page.screenshot(path=str(artifacts / "notification-2014-107-fr.png"), full_page=True)

    page.goto(f"{live_site}/ar/notifications/2014-107/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    heading = page.locator("h1")
    assert heading.evaluate("element => getComputedStyle(element).direction") == "rtl"
    assert heading.inner_text().startswith("تسمية أو تأكيد جهات الاتصال الوطنية")
    # The number stays left-to-right, isolated, but on the right-hand side like the rest.
    number = page.locator(".notification-meta dd.number")
    assert number.inner_text() == "2014-107"
    assert number.locator("bdi").get_attribute("dir") == "ltr"
    assert number.evaluate("element => getComputedStyle(element).direction") == "rtl"
    page.screenshot(path=str(artifacts / "notification-2014-107-ar.png"), full_page=True)
