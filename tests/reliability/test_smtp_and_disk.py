"""Faults around the site's edges: the SMTP relay away for a while, the disk full or the
media folder unwritable during an upload."""

from __future__ import annotations

import datetime
import errno
import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from cms.models import Party, UserProfile
from notifications import services
from notifications.mail.sink import free_port, sink_start
from notifications.models import Delivery
from tests.notifications.conftest import Mailbox, make_focal_point, make_notification

pytestmark = [pytest.mark.reliability, pytest.mark.django_db]


def test_smtp_down_for_a_while_then_back_defers_then_sends_each_once(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    port = free_port()
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port  # nothing listens yet
    people = [make_focal_point("FR", language="fr") for _ in range(30)]
    notification = services.notification_issue(
        notification_id=make_notification(languages=("en", "fr")).pk,
        issue_date=datetime.date(2014, 9, 1),
        dispatch=False,
    )
    ids = services.deliveries_create(notification=notification)
    assert services.deliveries_send(delivery_ids=ids) == {"deferred": 30}
    # Still down at the first retry: deferred again, with a longer back-off.
    later = timezone.now() + datetime.timedelta(hours=1)
    due = services.deliveries_reconcile(now=later)["due"]
    assert sorted(due) == sorted(ids)
    Delivery.objects.filter(pk__in=due).update(next_attempt_at=timezone.now())
    assert services.deliveries_send(delivery_ids=due) == {"deferred": 30}
    assert set(Delivery.objects.filter(pk__in=ids).values_list("attempts", flat=True)) == {2}

    mailbox = Mailbox()
    controller = sink_start(mailbox.store, port=port)  # the relay is back
    try:
        Delivery.objects.filter(pk__in=ids).update(next_attempt_at=timezone.now())
        due = services.deliveries_reconcile()["due"]
        assert services.deliveries_send(delivery_ids=due) == {"sent": 30}
        # Nothing left to do, and nothing goes twice.
        assert services.deliveries_reconcile(now=later + datetime.timedelta(days=2))["due"] == []
        assert services.deliveries_send(delivery_ids=ids) == {}
    finally:
        controller.stop()
    recipients = mailbox.recipients()
    assert sorted(recipients) == sorted(p.primary_email for p in people)
    assert len(set(recipients)) == 30
    assert all(m["Subject"] for m in mailbox.messages())


# --- Uploads on a full or read-only disk --------------------------------------------------


@contextmanager
def small_tmpfs(path: Path, *, size: str = "64k", read_only: bool = False):
    """A real tiny file system (tmpfs) mounted at `path`; needs root, as on CI."""
    path.mkdir(parents=True, exist_ok=True)
    options = f"size={size}" + (",ro" if read_only else "")
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], check=True)
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=True)


@pytest.fixture
def party_user(django_user_model):
    user = django_user_model.objects.create_user(
        "upload-fr", "upload-fr@example.org", "a-long-test-password-1"
    )
    UserProfile.objects.create(
        user=user, party=Party.objects.get(code="FR"), party_role=UserProfile.PartyRole.AUTHORIZED
    )
    return user


@pytest.fixture
def private_root(settings, tmp_path):
    from django.utils.functional import empty

    from helpdesk.models import private_storage

    root = tmp_path / "private"
    settings.PRIVATE_MEDIA_ROOT = root
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    private_storage._wrapped = empty
    yield root
    private_storage._wrapped = empty


def _post_ticket(client, size: int):
    return client.post(
        reverse("helpdesk:ticket_new"),
        {
            "category": "technical",
            "subject": "Logs attached",
            "description": "Our server log.",
            "files": SimpleUploadedFile("server-log.txt", b"log line\n" * (size // 9)),
        },
    )


@pytest.mark.parametrize("fault", ["disk full", "read-only"])
def test_ticket_upload_on_a_broken_disk_says_so_and_saves_nothing(
    client, party_user, private_root, fault
):
    from helpdesk.models import Attachment, Ticket

    client.force_login(party_user)
    client.raise_request_exception = False
    before = (Ticket.objects.count(), Attachment.objects.count())
    with small_tmpfs(private_root, read_only=fault == "read-only"):
        response = _post_ticket(client, 200_000)  # larger than the 64 KB disk
        left = [p for p in private_root.rglob("*") if p.is_file()]
    assert response.status_code == 200, response.status_code
    assert "could not be stored" in response.content.decode()
    assert (Ticket.objects.count(), Attachment.objects.count()) == before
    assert left == []


@pytest.mark.parametrize("fault", ["disk full", "read-only"])
def test_image_upload_on_a_broken_disk_says_so_and_saves_nothing(
    admin_client, settings, tmp_path, fault
):
    from wagtail.images.models import Image

    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    admin_client.raise_request_exception = False
    png = _png(200_000)
    before = Image.objects.count()
    with small_tmpfs(media, read_only=fault == "read-only"):
        response = admin_client.post(
            reverse("wagtailimages:add"),
            {"title": "Big map", "file": SimpleUploadedFile("map.png", png), "collection": 1},
        )
        left = [p for p in media.rglob("*") if p.is_file()]
    # A clear, temporary refusal (503 + Retry-After) in the user's language, not a crash.
    assert response.status_code == 503, response.status_code
    assert response["Retry-After"] == "600"
    assert "could not be stored" in response.content.decode()
    assert Image.objects.count() == before
    assert left == []


def _png(size: int) -> bytes:
    """A valid PNG of about `size` bytes (noise does not compress)."""
    import io

    from PIL import Image as PILImage

    side = int((size / 3) ** 0.5) + 1
    image = PILImage.frombytes("RGB", (side, side), os.urandom(side * side * 3))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def test_enospc_is_what_a_full_disk_gives():
    """The fault above is a real one: writing past the tmpfs size fails with ENOSPC."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder, small_tmpfs(Path(folder) / "m") as root:
        with pytest.raises(OSError) as info, open(root / "x", "wb") as handle:
            handle.write(b"x" * 200_000)
            handle.flush()
            os.fsync(handle.fileno())
        assert info.value.errno == errno.ENOSPC
