"""Fixtures of the API tests: Parties, tokens, a clean rate-limit cache."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def api_limits(settings):
    """Counters start empty; limits high unless a test lowers them."""
    cache.clear()
    settings.API_RATE_LIMIT_IP = 100_000
    settings.API_RATE_LIMIT_TOKEN = 100_000
    settings.API_RATE_WINDOW = 60
    yield settings
    cache.clear()


@pytest.fixture
def party_fr(db):
    from cms.models import Party

    return Party.objects.get(code="FR")


@pytest.fixture
def party_br(db):
    from cms.models import Party

    return Party.objects.get(code="BR")


@pytest.fixture
def token_fr(party_fr):
    """(token row, key) for France's national CHM."""
    from api.services import token_create

    return token_create(party=party_fr, name="CHM France")


@pytest.fixture
def token_br(party_br):
    from api.services import token_create

    return token_create(party=party_br, name="CHM Brasil")


def bearer(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}
