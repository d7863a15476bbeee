import pytest

pytestmark = pytest.mark.browser


def test_arabic_home_is_right_to_left_and_mirrored(live_site, page, artifacts):
    page.goto(f"{live_site}/ar/")
    html = page.locator("html")
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "آلية تبادل المعلومات"
    # Mirrored layout: the brand sits on the right-hand side in Arabic.
    brand = page.locator(".brand").bounding_box()
    switcher = page.locator(".language-switcher").bounding_box()
    assert brand["x"] > switcher["x"]
    page.screenshot(path=str(artifacts / "home-ar.png"), full_page=True)


def test_english_home_is_left_to_right(live_site, page, artifacts):
    page.goto(f"{live_site}/en/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    brand = page.locator(".brand").bounding_box()
    switcher = page.locator(".language-switcher").bounding_box()
    assert brand["x"] < switcher["x"]
    page.screenshot(path=str(artifacts / "home-en.png"), full_page=True)


def test_language_switcher_goes_to_the_same_page(live_site, page):
    page.goto(f"{live_site}/en/about/")
    page.locator('.language-switcher a[data-language="ar"]').click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "حول آلية تبادل المعلومات"
    page.locator('.language-switcher a[data-language="zh-hans"]').click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "关于信息交换所机制"
    assert page.locator('.language-switcher a[aria-current="true"]').inner_text() == "中文"
