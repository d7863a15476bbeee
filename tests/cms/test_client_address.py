"""One client-address rule behind a simulated TLS proxy: the proxy connects from 10.0.0.2
and appends the address it received the connection from to X-Forwarded-For."""

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse

from cms.client_address import client_address

PROXY = "10.0.0.2"
ADMIN_HOME = "198.51.100.10"
ATTACKERS = [f"203.0.113.{n}" for n in range(1, 6)]


def through_proxy(client_ip: str, forged: str = "") -> dict:
    """What the application sees of a request that went through our one proxy."""
    chain = f"{forged}, {client_ip}" if forged else client_ip
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": chain}


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = 1
    cache.clear()
    yield settings
    cache.clear()


def test_the_proxy_reported_address_is_the_client(behind_proxy):
    request = RequestFactory().get("/", **through_proxy("192.0.2.44", forged="198.51.100.10"))
    assert client_address(request) == "192.0.2.44"
    direct = RequestFactory().get("/", REMOTE_ADDR="192.0.2.99")
    assert client_address(direct) == "192.0.2.99"
    garbage = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="not-an-ip")
    assert client_address(garbage) == PROXY


def test_without_trusted_proxies_forwarded_for_is_ignored(settings):
    settings.TRUSTED_PROXIES = 0
    request = RequestFactory().get("/", **through_proxy("192.0.2.44"))
    assert client_address(request) == PROXY


@pytest.mark.django_db
@pytest.mark.parametrize("login_url", ["wagtailadmin_login", "login"])
def test_strangers_cannot_lock_the_admin_out(behind_proxy, django_user_model, login_url):
    django_user_model.objects.create_superuser(
        "admin", "admin@example.org", "the-admins-own-passphrase"
    )
    url = reverse(login_url)
    attacker = Client()
    for attempt in range(50):
        ip = ATTACKERS[attempt % len(ATTACKERS)]
        # Forging X-Forwarded-For does not help: only the proxy's entry counts.
        attacker.post(
            url,
            {"username": "admin", "password": f"guess-{attempt}"},
            **through_proxy(ip, forged=ADMIN_HOME),
        )

    for ip in ATTACKERS:
        locked = attacker.post(
            url, {"username": "admin", "password": "the-admins-own-passphrase"}, **through_proxy(ip)
        )
        assert locked.status_code == 429

    admin = Client()
    signed_in = admin.post(
        url,
        {"username": "admin", "password": "the-admins-own-passphrase"},
        **through_proxy(ADMIN_HOME),
    )
    assert signed_in.status_code == 302
    assert admin.get(reverse("wagtailadmin_home"), **through_proxy(ADMIN_HOME)).status_code == 200
