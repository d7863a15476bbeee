"""Finding 5 of issue 16: a sign-in user name over 255 characters answered 500 on
PostgreSQL (the failed attempt was recorded in a 255-character column). Both sign-in pages
now answer with the form and its error, and the attempt is still counted."""

import pytest

pytestmark = pytest.mark.django_db

LONG_NAMES = ["u" * 256, "ü" * 5000, "name\r\nInjected: header", "a\x00b"]


@pytest.mark.parametrize("url", ["/en/account/login/", "/admin/login/", "/fr/account/login/"])
def test_an_overlong_or_hostile_user_name_gets_the_form_again(client, url):
    for name in LONG_NAMES:
        response = client.post(url, {"username": name, "password": "whatever-1234"})
        assert response.status_code in (200, 403, 429), (url, name[:20], response.status_code)


def test_the_public_form_says_what_is_wrong_in_the_visitors_language(client):
    response = client.post("/fr/account/login/", {"username": "u" * 256, "password": "x-12345"})
    assert response.status_code == 200
    assert "au plus 150 caractères" in response.content.decode()
