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
