import pytest
from django.core.cache import cache

from cms.models import NewsIndexPage, NewsPage
from cms.page_cache import CACHE_HEADER

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_second_anonymous_view_is_served_from_the_cache_without_queries(
    client, demo_site, django_assert_num_queries
):
    first = client.get("/fr/actualites/")
    assert first[CACHE_HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/fr/actualites/")
    assert second[CACHE_HEADER] == "hit"
    assert second.content == first.content


def test_each_language_has_its_own_entry(client, demo_site):
    client.get("/fr/")
    english = client.get("/en/")
    assert english[CACHE_HEADER] == "miss"
    assert 'lang="en"' in english.content.decode()


def test_publishing_retires_cached_pages_in_every_language(client, demo_site):
    client.get("/en/news/")
    client.get("/ar/")
    news = NewsPage.objects.get(locale__language_code="en", slug="chm-award")
    news.title = "National CHM awards: the winners"
    news.save_revision().publish()
    refreshed = client.get("/en/news/")
    assert refreshed[CACHE_HEADER] == "miss"
    assert "National CHM awards: the winners" in refreshed.content.decode()
    assert client.get("/ar/")[CACHE_HEADER] == "miss"


def test_signed_in_people_never_get_or_fill_the_shared_cache(client, demo_site, admin_user):
    client.force_login(admin_user)
    response = client.get("/en/")
    assert CACHE_HEADER not in response
    assert "My account" in response.content.decode()
    client.logout()
    client.cookies.clear()
    anonymous = client.get("/en/")
    assert "My account" not in anonymous.content.decode()


def test_page_view_queries_do_not_grow_with_items(client, demo_site, settings):
    settings.PAGE_CACHE_SECONDS = 0

    def count_queries() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        cache.clear()
        with CaptureQueriesContext(connection) as context:
            assert client.get("/en/news/").status_code == 200
        return len(context.captured_queries)

    before = count_queries()
    index = NewsIndexPage.objects.get(locale__language_code="en")
    for number in range(8):
        index.add_child(
            instance=NewsPage(title=f"Item {number}", slug=f"item-{number}", date="2021-05-05")
        ).save_revision().publish()
    assert count_queries() == before


def test_cached_pages_keep_the_security_headers_added_on_the_way_out(client, demo_site):
    client.get("/es/")
    hit = client.get("/es/")
    assert hit[CACHE_HEADER] == "hit"
    assert "default-src 'self'" in hit["Content-Security-Policy"]
    assert hit["X-Frame-Options"] == "SAMEORIGIN"
    assert hit["Content-Language"] == "es"


def test_waiting_flash_messages_are_shown_not_skipped_by_the_cache(client, demo_site):
    client.get("/en/")
    assert client.get("/en/")[CACHE_HEADER] == "hit"
    client.cookies["messages"] = "anything"
    assert CACHE_HEADER not in client.get("/en/")


def test_a_page_with_a_form_is_never_shared(client, demo_site):
    # The helpdesk contact form carries a CSRF token: caching it would hand one visitor's
    # token to the next.
    first = client.get("/en/helpdesk/contact/")
    second = client.get("/en/helpdesk/contact/")
    assert first.status_code == second.status_code == 200
    assert second.get(CACHE_HEADER) != "hit"
