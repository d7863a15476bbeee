"""Security headers on every kind of response, and production cookies and HSTS.

The production values are not re-typed here: a fresh interpreter with `DEBUG=0` (the
production profile) computes them from `cms/settings.py`, and the test site then runs with
exactly those values, so a change to the settings module is what these tests see.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.security, pytest.mark.django_db]

ROOT = Path(__file__).resolve().parents[2]

# One URL per kind of response the site sends (status as the anonymous visitor sees it).
RESPONSES = [
    ("page", "/en/", 200),
    ("page right-to-left", "/ar/", 200),
    ("page from the anonymous cache", "/fr/", 200),
    ("search results", "/en/search/?q=biodiversity", 200),
    ("page not found", "/en/no-such-page/", 404),
    ("notifications listing", "/en/notifications/", 200),
    ("sign-in form", "/en/account/login/", 200),
    ("redirect to sign-in", "/en/helpdesk/", 302),
    ("API listing", "/api/v1/notifications", 200),
    ("API OpenAPI document", "/api/v1/openapi.json", 200),
    ("API interactive docs", "/api/v1/docs", 200),
    ("API unauthorized", "/api/v1/me", 401),
    ("API not found", "/api/nope", 404),
    ("OData metadata", "/odata/$metadata", 200),
    ("OData JSON", "/odata/Contacts", 200),
    ("RSS feed", "/en/feeds/news/rss/", 200),
    ("Atom feed", "/en/notifications/feed/atom/", 200),
    ("sitemap", "/sitemap.xml", 200),
    ("robots.txt", "/robots.txt", 200),
    ("health check", "/healthz", 200),
    ("admin sign-in", "/admin/login/", 200),
    ("admin redirect", "/admin/", 302),
]


def _assert_browser_headers(response):
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "base-uri 'self'" in policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("kind", "url", "status"), RESPONSES, ids=[kind for kind, _u, _s in RESPONSES]
)
def test_every_kind_of_response_carries_the_security_headers(client, kind, url, status):
    response = client.get(url)
    if kind == "page from the anonymous cache":
        response = client.get(url)  # the second view is served from the page cache
    assert response.status_code == status
    _assert_browser_headers(response)


@pytest.mark.urls("tests.security.crash_urls")
def test_server_error_page_carries_the_security_headers(client):
    """A view that crashes gives the generic 500 page, with the same headers."""
    client.raise_request_exception = False
    response = client.get("/crash/")
    assert response.status_code == 500
    assert "secret internal detail" not in response.content.decode()
    _assert_browser_headers(response)


def test_static_files_are_not_sniffed(client):
    response = client.get("/static/cms/css/site.css")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


PRODUCTION_VALUES = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "names = ['SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', "
    "'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', "
    "'SECURE_HSTS_PRELOAD', 'SECURE_PROXY_SSL_HEADER', 'DEBUG']; "
    "print(json.dumps({n: getattr(s, n) for n in names}))"
)


def _production_python(code: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "CHM_TESTING"))}
    env.update(
        DEBUG="0",
        SECRET_KEY="production-like-" + "k7Q" * 20,
        DJANGO_SETTINGS_MODULE="cms.settings",
        CHM_DATA_DIR=str(tmp_path),
        CHM_ENV_FILE=str(tmp_path / "none.env"),
    )
    for name in ("SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"):
        env.pop(name, None)  # the production defaults, not a developer's overrides
    command = [sys.executable, "-c", code] if code else [sys.executable, *args]
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def production_values(tmp_path_factory):
    result = _production_python(PRODUCTION_VALUES, tmp_path_factory.mktemp("prod"))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def production(settings, production_values):
    assert production_values["DEBUG"] is False
    for name, value in production_values.items():
        if name != "DEBUG":
            setattr(settings, name, tuple(value) if isinstance(value, list) else value)
    return production_values


def test_production_redirects_plain_http_to_https(client, production):
    response = client.get("/en/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


@pytest.mark.parametrize("url", ["/en/", "/api/v1/notifications", "/en/feeds/news/rss/"])
def test_production_sends_hsts_over_https(client, production, url):
    response = client.get(url, secure=True)
    assert response.status_code == 200
    hsts = response["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts and "preload" in hsts
    _assert_browser_headers(response)


def test_production_https_behind_the_proxy_header(client, production):
    response = client.get("/en/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert "Strict-Transport-Security" in response


def test_production_session_and_csrf_cookies_are_secure(client, production, django_user_model):
    django_user_model.objects.create_user("cookie-user", password="a-long-test-password-1")
    form = client.get(reverse("login"), secure=True)
    csrf = form.cookies["csrftoken"]
    assert csrf["secure"] is True
    signed_in = client.post(
        reverse("login"),
        {"username": "cookie-user", "password": "a-long-test-password-1"},
        secure=True,
    )
    assert signed_in.status_code == 302
    session = signed_in.cookies["sessionid"]
    assert session["secure"] is True
    assert session["httponly"] is True
    assert str(session["samesite"]).lower() == "lax"


def test_deployment_checks_are_clean(tmp_path):
    result = _production_python(
        "", tmp_path, "manage.py", "check", "--deploy", "--fail-level", "WARNING"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
