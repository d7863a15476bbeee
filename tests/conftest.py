"""Shared fixtures.

The demo site (six page trees) is loaded once per session into the test database, after
migrations. Tests marked `django_db` run inside a transaction and see it; pytest-django runs
`transaction=True` tests last, and those flush the database afterwards, so they must create
what they need themselves (including Parties, which a data migration loads).
"""

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from cms.demo.loader import demo_site_load

    with django_db_blocker.unblock():
        demo_site_load()


@pytest.fixture
def demo_site(db):
    """The demo site's English home page (the data itself is loaded once per session)."""
    from cms.models import HomePage

    return HomePage.objects.get(locale__language_code="en")


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` belong to the PostgreSQL run (`make test-postgres`).

    On SQLite they are deselected, and reported as such, rather than skipped: the CI runs the
    suite on both databases, so each of them runs exactly where it means something.
    """
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    selected = [item for item in items if item.get_closest_marker("postgres") is None]
    deselected = [item for item in items if item.get_closest_marker("postgres") is not None]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected


@pytest.fixture(autouse=True)
def language_reset():
    """Each test starts in the default language: one that activates French (a mail in the
    requester's language) must not turn the next test's messages French."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def cache_reset():
    """Each test starts with an empty cache: menus and pages cached under the generation
    number of an earlier test's database must not be served to this one."""
    from django.core.cache import cache

    cache.clear()
