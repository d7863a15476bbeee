"""A national authorized user drafts, files and submits an NBSAP on the Arabic site, on a
phone-width screen (390 px), in Chromium."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PASSWORD = "Nbsap-walk-2026!"  # noqa: S105 (a scratch site's user)
CREATE_PARTY_USER = f"""
from django.contrib.auth import get_user_model
from cms.models import Party, UserProfile
user = get_user_model().objects.create_user("fr-reports", password="{PASSWORD}")
UserProfile.objects.update_or_create(user=user, defaults={{
    "party": Party.objects.get(code="FR"), "party_role": UserProfile.PartyRole.AUTHORIZED}})
"""
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_arabic_phone_draft_file_and_submit(live_site, site_manage, browser, artifacts):
    site_manage("shell", "-c", CREATE_PARTY_USER)
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ar")
    page = context.new_page()
    try:
        page.goto(f"{live_site}/ar/account/login/")
        page.fill("#id_username", "fr-reports")
        page.fill("#id_password", PASSWORD)
        page.locator("main form button[type=submit], main form input[type=submit]").first.click()
        page.goto(f"{live_site}/ar/reports/")
        page.locator("main a[href='/ar/reports/mine/']").click()
        page.locator("main a[href='/ar/reports/mine/new/']").click()
        assert page.locator("html").get_attribute("dir") == "rtl"

        page.select_option("#id_kind", "nbsap")
        page.fill("#id_document_date", "2024-05-02")
        page.select_option("#id_original_language", "ar")
        page.fill("#id_title_ar", "الاستراتيجية وخطة العمل الوطنيتان للتنوع البيولوجي 2024–2030")
        page.fill("#id_summary_ar", "تحدد الخطة أهداف فرنسا الوطنية حتى عام 2030.")
        page.fill("#id_title_fr", "Stratégie nationale pour la biodiversité 2030")
        page.check("input[name=aichi_targets][value='11']")
        arabic = page.locator("#id_title_ar").evaluate("e => getComputedStyle(e).direction")
        french = page.locator("#id_title_fr").evaluate("e => getComputedStyle(e).direction")
        assert (arabic, french) == ("rtl", "ltr")
        assert no_sideways_scroll(page)
        page.locator("form.report-form button[type=submit]").click()

        page.wait_for_url("**/ar/reports/mine/*/")
        page.select_option("#id_language", "ar")
        page.set_input_files(
            "#id_file", {"name": "nbsap-ar.pdf", "mimeType": "application/pdf", "buffer": PDF}
        )
        page.locator("section.report-files form button[type=submit]").click()
        page.wait_for_selector("text=nbsap-ar.pdf")
        assert no_sideways_scroll(page)
        page.screenshot(path=str(artifacts / "reports-draft-ar-390.png"), full_page=True)

        page.locator("section.report-submit button[type=submit]").click()
        page.wait_for_url("**/ar/reports/mine/")
        status = page.locator("main .report-item .status").first.inner_text()
        assert status == "مُقدَّم"  # Submitted
        assert "2024–2030" in page.locator("main .report-item a").first.inner_text()
        assert no_sideways_scroll(page)
        page.screenshot(path=str(artifacts / "reports-submitted-ar-390.png"), full_page=True)
    finally:
        context.close()
