"""An uncached page costs the same number of queries on a small site and on a big one.

The benchmark (bench/site.py) measures the time; this holds the shape: menus, breadcrumbs,
hreflang links, listings and fallbacks must not read a query per page of the site.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db

PATHS = (
    "/en/",
    "/ar/",
    "/zh-hans/",
    "/en/news/",
    "/en/scale/",
    "/en/scale/p1/",
    "/ar/scale/p1/",
)


def queries_per_path(client) -> dict[str, int]:
    counts = {}
    for path in PATHS:
        cache.clear()
        with CaptureQueriesContext(connection) as context:
            assert client.get(path).status_code == 200, path
        counts[path] = len(context.captured_queries)
    return counts


def sections() -> list[ContentPage]:
    """A section in the menu of every language, as the bench's multiplied site has."""
    made = []
    for home in HomePage.objects.select_related("locale"):
        made.append(
            home.add_child(instance=ContentPage(title="Scale", slug="scale", show_in_menus=True))
        )
    return made


def add_pages(section: ContentPage, numbers: range) -> None:
    for number in numbers:
        section.add_child(
            instance=ContentPage(
                title=f"Forest page {number}",
                slug=f"p{number}",
                intro="Forests and protected areas.",
                show_in_menus=True,
            )
        )


def test_a_page_costs_the_same_queries_on_a_site_ten_times_bigger(client, demo_site, settings):
    settings.PAGE_CACHE_SECONDS = 0
    made = sections()
    for section in made:
        add_pages(section, range(4))
    small = queries_per_path(client)
    for section in made:
        add_pages(section, range(4, 40))
    assert queries_per_path(client) == small
