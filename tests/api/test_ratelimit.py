"""429 with Retry-After, per address and per token."""

import pytest

from tests.api.conftest import bearer

pytestmark = pytest.mark.django_db


def test_anonymous_clients_are_limited_per_address(client, api_limits):
    api_limits.API_RATE_LIMIT_IP = 3
    codes = [client.get("/api/v1/parties/FR").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    response = client.get("/api/v1/parties/FR")
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(response["Retry-After"]) <= 60
    # Another address has its own budget.
    assert client.get("/api/v1/parties/FR", REMOTE_ADDR="10.0.0.9").status_code == 200


def test_forwarded_for_is_ignored_without_trusted_proxies(client, api_limits):
    api_limits.API_RATE_LIMIT_IP = 1
    client.get("/api/v1/parties/FR", HTTP_X_FORWARDED_FOR="1.1.1.1")
    response = client.get("/api/v1/parties/FR", HTTP_X_FORWARDED_FOR="2.2.2.2")
    assert response.status_code == 429


def test_forwarded_for_counts_behind_a_trusted_proxy(client, api_limits):
    api_limits.API_RATE_LIMIT_IP = 1
    api_limits.TRUSTED_PROXIES = 1
    assert client.get("/api/v1/parties/FR", HTTP_X_FORWARDED_FOR="1.1.1.1").status_code == 200
    assert client.get("/api/v1/parties/FR", HTTP_X_FORWARDED_FOR="2.2.2.2").status_code == 200
    assert client.get("/api/v1/parties/FR", HTTP_X_FORWARDED_FOR="2.2.2.2").status_code == 429


def test_each_token_has_its_own_budget(client, api_limits, token_fr, token_br):
    api_limits.API_RATE_LIMIT_IP = 1
    api_limits.API_RATE_LIMIT_TOKEN = 2
    _fr, key_fr = token_fr
    _br, key_br = token_br
    assert client.get("/api/v1/parties/FR").status_code == 200
    assert client.get("/api/v1/parties/FR").status_code == 429  # the address is spent
    assert [client.get("/api/v1/parties/FR", **bearer(key_fr)).status_code for _ in range(3)] == [
        200,
        200,
        429,
    ]
    assert client.get("/api/v1/parties/FR", **bearer(key_br)).status_code == 200
