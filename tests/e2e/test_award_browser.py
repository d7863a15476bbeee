"""The national CHM award walked by its three users in a real browser: staff open a call
with titles and criteria in proper fields and choose the jury (Party users are not offered);
a Chinese Party user finds the award from the site and enters in Chinese; an invited expert
whose admin is in French reads the answers, gets them machine-translated into French, and
scores; staff cannot publish until every score is in, then publish after confirming; the
public results page shows the winner in Chinese."""

import re
import secrets

import pytest

from tests.e2e.conftest import main_menu_open, server_running

pytestmark = pytest.mark.browser

CREATE_USERS = """
from django.contrib.auth.models import Group, User
from wagtail.users.models import UserProfile as AdminProfile
from cms.models import Party, UserProfile

def person(name, password, **profile):
    user, _ = User.objects.get_or_create(username=name, defaults={{"email": name + "@example.org"}})
    user.set_password(password); user.save()
    UserProfile.objects.update_or_create(user=user, defaults=profile)
    return user

agent = person("agent-award", {password!r})
agent.groups.add(Group.objects.get(name="Helpdesk staff"))
expert = person("expert-award", {password!r})
expert.first_name, expert.last_name = "Hélène", "Experte"; expert.save()
expert.groups.add(Group.objects.get(name="Award jurors"))
admin_profile = AdminProfile.get_for_user(expert); admin_profile.preferred_language = "fr"; admin_profile.save()
party = person("li-award", {password!r}, party=Party.objects.get(code="CN"), party_role="authorized",
    preferred_language="zh-hans")
party.groups.add(Group.objects.get(name="Award jurors"))  # even so, never a juror
"""
TITLES = {
    "en": "Best national CHM award 2027",
    "ar": "جائزة أفضل آلية وطنية 2027",
    "es": "Premio CHM nacional 2027",
    "fr": "Prix du CHM national 2027",
    "ru": "Премия МПП 2027",
    "zh_hans": "2027 年最佳国家信息交换所机制奖",
}


@pytest.fixture(scope="module")
def award_site(live_site, site_env, site_manage):
    """A server running tasks inline (machine translation included) on the demo data."""
    password = secrets.token_urlsafe(12)
    site_manage("shell", "-c", CREATE_USERS.format(password=password))
    site_manage("mt_models", "build-demo", "--pairs", "zh-en,en-fr")
    with server_running({**site_env, "Q_SYNC": "1"}) as base_url:
        yield base_url, password


def sign_in_admin(browser, base_url, username, password, next_url):
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{base_url}/admin/login/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(rf".*{re.escape(next_url)}$"))
    return page


def test_award_from_call_to_published_results(award_site, browser, artifacts):
    base_url, password = award_site
    staff = sign_in_admin(
        browser, base_url, "agent-award", password, "/admin/snippets/helpdesk/awardcall/add/"
    )
    for suffix, title in TITLES.items():
        staff.fill(f"#id_title_{suffix}", title)
    staff.fill("#id_deadline", "2030-01-31 12:00")
    jury_choices = staff.locator("input[name=jury]").evaluate_all(
        "inputs => inputs.map(i => i.closest('label').textContent.trim())"
    )
    assert any("Hélène Experte" in choice for choice in jury_choices)
    assert not any("li-award" in choice for choice in jury_choices)  # a Party user
    staff.locator("label", has_text="Hélène Experte").locator("input").check()
    staff.click("#id_criteria-ADD")
    staff.fill("#id_criteria-0-name_en", "Content")
    staff.fill("#id_criteria-0-name_zh_hans", "内容")
    staff.fill("#id_criteria-0-name_fr", "Contenu")
    staff.fill("#id_criteria-0-max_score", "10")
    staff.screenshot(path=str(artifacts / "award-call-form.png"), full_page=True)
    staff.locator("button[type=submit]", has_text="Save").first.click()
    staff.wait_for_url(re.compile(r".*/admin/snippets/helpdesk/awardcall/(\?.*)?$"))

    party = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    party.goto(f"{base_url}/zh-hans/account/login/")
    party.fill("#id_username", "li-award")
    party.fill("#id_password", password)
    party.click("main form.stacked-form button[type=submit]")
    party.wait_for_load_state()
    party.goto(f"{base_url}/zh-hans/")
    main_menu_open(party)
    party.locator("nav.main-menu a", has_text="国家信息交换所机制奖").click()
    call = party.locator(".award-call", has_text=TITLES["zh_hans"])
    call.locator("a").click()
    party.select_option("#id_category", "existing")
    party.fill("#id_site_url", "https://chm.cn.example")
    party.fill("#id_description", "国家信息交换所机制")
    party.fill("#id_audience", "公众")
    party.check("input[name=languages][value=zh-hans]")
    party.screenshot(path=str(artifacts / "award-entry-zh-390.png"), full_page=True)
    party.locator("main form button[type=submit]").click()
    party.wait_for_load_state()
    party.reload()
    assert party.locator("#id_site_url").input_value() == "https://chm.cn.example"

    staff.goto(f"{base_url}/admin/helpdesk/award/")
    staff.locator("a", has_text=TITLES["en"]).click()
    staff.locator("button[value=start]").click()
    staff.wait_for_load_state()
    staff.locator("a", has_text="Close the jury and publish the results").click()
    blockers = staff.locator(".publish-blockers").inner_text()
    assert "Hélène Experte has given 0 of 1 scores." in blockers
    assert staff.locator("button", has_text="Yes, close the jury and publish").count() == 0
    staff.screenshot(path=str(artifacts / "award-publish-blocked.png"), full_page=True)

    expert = sign_in_admin(browser, base_url, "expert-award", password, "/admin/")
    expert.locator("a", has_text="Jury du prix").first.click()
    expert.locator("a", has_text=TITLES["fr"]).click()
    card = expert.locator("article.award-entry", has_text="https://chm.cn.example")
    assert card.locator(".answer-description").inner_text() == "国家信息交换所机制"
    assert card.locator(".answer-audience").inner_text() == "公众"
    assert "中文" in card.inner_text()  # languages offered and language of the answers
    card.locator("button", has_text="Traduire automatiquement les réponses en Français").click()
    expert.wait_for_load_state()
    card = expert.locator("article.award-entry", has_text="https://chm.cn.example")
    translation = card.locator(".answer-translation")
    assert "Traduction automatique en Français — peut contenir des erreurs" in (
        translation.inner_text()
    )
    assert translation.locator(".translated-description").inner_text().strip()
    card.locator("input[type=number]").fill("9")
    expert.locator("button", has_text="Enregistrer mes notes").click()
    expert.wait_for_load_state()
    expert.screenshot(path=str(artifacts / "award-jury-fr.png"), full_page=True)

    staff.goto(staff.url)
    assert staff.locator(".publish-blockers").count() == 0
    staff.locator("button", has_text="Yes, close the jury and publish").click()
    staff.wait_for_load_state()
    staff.locator("a", has_text="Public results page").click()
    party.goto(f"{base_url}/zh-hans/helpdesk/award/")
    party.locator(".award-call", has_text=TITLES["zh_hans"]).locator("a").click()
    results = party.locator("main").inner_text()
    assert "中国" in results and "金奖" in results
    party.screenshot(path=str(artifacts / "award-results-zh-390.png"), full_page=True)
