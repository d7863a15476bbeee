"""The one upload check (cms.uploads) and the one way uploaded files are served
(cms.file_serving). Finding 8 of issue 16: notification response files were checked by
extension only (HTML named .pdf, "%PDF" followed by HTML and a zip bomb named .docx were
published) and, with DEBUG=0, their links answered 404."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cms.uploads import UploadRefused, upload_check

ALLOWED = frozenset({"pdf", "docx", "png", "txt", "zip"})
MB = 1024 * 1024


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
REFUSED = {
    "html named .pdf": ("report.pdf", b"<!DOCTYPE html><html><script>alert(1)</script>"),
    "pdf header then html": ("report.pdf", b"%PDF-1.4\n<html><body><script>x()</script>"),
    "svg named .png": ("logo.png", b'<?xml version="1.0"?><svg onload="alert(1)"/>'),
    "script in a text file": ("notes.txt", b"hello <script>alert(1)</script>"),
    "zip bomb named .docx": ("views.docx", _zip({"word/document.xml": b"\0" * (8 * MB)})),
    "not a zip named .docx": ("views.docx", b"PK\x03\x04 broken"),
    "html extension": ("page.html", b"<html></html>"),
    "svg extension": ("logo.svg", b"<svg/>"),
}


@pytest.mark.parametrize(("name", "content"), REFUSED.values(), ids=REFUSED.keys())
def test_refused_by_content_not_by_name(name, content):
    with pytest.raises(UploadRefused):
        upload_check(SimpleUploadedFile(name, content), allowed=ALLOWED, max_bytes=20 * MB)


def test_real_documents_pass_and_are_left_readable():
    for name, content in [
        ("views.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n"),
        ("views.docx", DOCX),
        ("notes.txt", "Vues de la France — réponse".encode()),
    ]:
        upload = SimpleUploadedFile(name, content)
        checked = upload_check(upload, allowed=ALLOWED, max_bytes=20 * MB)
        assert checked.name == name and upload.read() == content


def test_names_lose_their_folders_and_size_is_capped():
    upload = SimpleUploadedFile("../../etc/views.pdf", b"%PDF-1.4\n")
    assert upload_check(upload, allowed=ALLOWED, max_bytes=MB).name == "views.pdf"
    with pytest.raises(UploadRefused):
        upload_check(SimpleUploadedFile("big.txt", b"a" * 2048), allowed=ALLOWED, max_bytes=1024)


@pytest.mark.django_db
def test_response_files_are_checked_and_served_as_downloads_with_debug_off(
    client, settings, tmp_path
):
    from django.contrib.auth import get_user_model

    from cms.models import Party, UserProfile
    from notifications.services.errors import NotificationsError
    from notifications.services.responses import response_submit
    from tests.api.builders import notification_issued

    settings.MEDIA_ROOT = tmp_path
    settings.DEBUG = False
    notification = notification_issued()
    person = get_user_model().objects.create_user("marie", "marie@example.org", "pw-12345678")
    UserProfile.objects.create(
        user=person, party=Party.objects.get(code="FR"), party_role=UserProfile.PartyRole.AUTHORIZED
    )
    for name, content in (REFUSED["pdf header then html"], REFUSED["zip bomb named .docx"]):
        with pytest.raises(NotificationsError):
            response_submit(
                user=person,
                notification_id=notification.pk,
                party_id=person.profile.party_id,
                text="Our views",
                language="fr",
                files=[SimpleUploadedFile(name, content)],
            )
    response_submit(
        user=person,
        notification_id=notification.pk,
        party_id=person.profile.party_id,
        text="Our views",
        language="fr",
        files=[SimpleUploadedFile("views.pdf", b"%PDF-1.4\n% views\n")],
    )
    page = client.get(f"/en/notifications/{notification.number}/").content.decode()
    href = next(
        part.split('"', 1)[0]
        for part in page.split('href="')[1:]
        if "/responses/" in part.split('"', 1)[0]
    )
    download = client.get(href)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert b"".join(download.streaming_content) == b"%PDF-1.4\n% views\n"
