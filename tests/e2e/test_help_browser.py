"""Help articles as an Arabic-speaking Party user meets them: the help section in the site
menu, English articles marked as English, and suggestions with their summaries while
typing a ticket subject (the keyword "bioland" works in Arabic too)."""

import re
import secrets

import pytest

from tests.e2e.conftest import main_menu_open

pytestmark = pytest.mark.browser

CREATE_USER = """
from django.contrib.auth.models import User
from cms.models import Party, UserProfile
user, _ = User.objects.get_or_create(username="amal-help", defaults={{"email": "amal@example.org"}})
user.set_password({password!r}); user.save()
UserProfile.objects.update_or_create(user=user, defaults={{"party": Party.objects.get(code="EG"),
    "party_role": "authorized", "preferred_language": "ar"}})
"""


@pytest.fixture(scope="module")
def help_site(live_site, site_manage):
    password = secrets.token_urlsafe(12)
    site_manage("load_demo_helpdesk")
    site_manage("shell", "-c", CREATE_USER.format(password=password))
    return live_site, password


def test_arabic_user_finds_help_in_the_menu_and_in_suggestions(help_site, browser, artifacts):
    base_url, password = help_site
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{base_url}/ar/")
    main_menu_open(page)
    page.locator("nav.main-menu a", has_text="المساعدة").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "المساعدة"
    fallback = page.locator(".help-articles li.fallback", has_text="Request a Bioland site")
    assert fallback.locator("a").get_attribute("lang") == "en"
    assert "بالإنكليزية: لم يُترجم بعد" in fallback.inner_text()
    assert "How a Party asks the Secretariat" in fallback.inner_text()  # the summary
    page.screenshot(path=str(artifacts / "help-index-ar-390.png"), full_page=True)

    page.goto(f"{base_url}/ar/account/login/?next=/ar/helpdesk/new/")
    page.fill("#id_username", "amal-help")
    page.fill("#id_password", password)
    page.click("main form.stacked-form button[type=submit]")
    page.wait_for_url(re.compile(r".*/ar/helpdesk/new/$"))
    page.fill("#id_subject", "طلب موقع bioland")
    suggestions = page.locator("#help-suggestions")
    suggestions.wait_for(state="visible")
    item = suggestions.locator("li", has_text="Request a Bioland site")
    assert "بالإنكليزية: لم يُترجم بعد" in item.locator(".language-note").inner_text()
    assert item.locator(".summary").inner_text().startswith("How a Party asks the Secretariat")
    assert item.locator("a").get_attribute("lang") == "en"
    page.screenshot(path=str(artifacts / "help-suggestions-ar-390.png"), full_page=True)

    french = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    french.goto(f"{base_url}/fr/")
    main_menu_open(french)
    french.locator("nav.main-menu a", has_text="Aide").click()
    french.wait_for_load_state()
    translated = french.locator(".help-articles li", has_text="Demander un site Bioland")
    assert "fallback" not in (translated.get_attribute("class") or "")
    assert french.locator(".help-articles li", has_text="Request a Bioland site").count() == 0
    french.screenshot(path=str(artifacts / "help-index-fr.png"), full_page=True)
    context.close()
    french.context.close()
