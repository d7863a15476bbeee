import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_send_a_content_security_policy_and_safe_headers(client, demo_site):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_admin_login_is_throttled_after_repeated_failures(client, django_user_model, settings):
    django_user_model.objects.create_user("editor", password="correct-horse-battery")
    login_url = reverse("wagtailadmin_login")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(login_url, {"username": "editor", "password": "wrong"})
    locked = client.post(login_url, {"username": "editor", "password": "correct-horse-battery"})
    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.content.decode()


def test_csrf_is_enforced_on_the_admin_login(django_user_model):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("wagtailadmin_login"), {"username": "x", "password": "y"})
    assert response.status_code == 403


def test_document_upload_refuses_executable_types(admin_client):
    upload = SimpleUploadedFile("payload.html", b"<script>alert(1)</script>", "text/html")
    response = admin_client.post(
        reverse("wagtaildocs:add"), {"title": "Payload", "file": upload, "collection": 1}
    )
    from wagtail.documents.models import Document

    assert not Document.objects.filter(title="Payload").exists()
    assert (
        "Not a supported document format" in response.content.decode()
        or response.status_code in {200, 400}
    )


def test_image_upload_over_the_size_limit_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    big = SimpleUploadedFile("big.png", b"\x89PNG\r\n\x1a\n" + b"0" * 4096, "image/png")
    admin_client.post(reverse("wagtailimages:add"), {"title": "Big", "file": big, "collection": 1})
    from wagtail.images.models import Image

    assert not Image.objects.filter(title="Big").exists()


def test_health_endpoint_answers(client):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_a_nul_character_in_a_query_gets_a_clear_400_in_the_visitors_language(client):
    response = client.get("/fr/search/", {"q": "bio\x00diversité"})
    assert response.status_code == 400
    assert "caractère NUL" in response.content.decode()
