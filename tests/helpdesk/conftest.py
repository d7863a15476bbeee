"""Helpdesk fixtures: people, a real SMTP server on loopback, tasks run inline."""

import threading
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth.models import Group

from cms.models import Party, UserProfile


class Inbox:
    """Messages received by the loopback SMTP server, parsed."""

    def __init__(self):
        self.messages = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd API)
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        with self._lock:
            self.messages.append((envelope.rcpt_tos, message))
        return "250 OK"

    def to(self, address):
        return [m for rcpts, m in self.messages if address in rcpts]


class LoopbackController(Controller):
    """Controller(port=0) binds a free port but then self-tests port 0: read the real port
    from the bound socket before that."""

    def _trigger_server(self):
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


@pytest.fixture
def smtp(settings):
    inbox = Inbox()
    controller = LoopbackController(inbox, hostname="127.0.0.1", port=0)
    controller.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = controller.port
        yield inbox
    finally:
        controller.stop()


@pytest.fixture(autouse=True)
def tasks_inline(monkeypatch, settings, tmp_path):
    from django_q.conf import Conf

    monkeypatch.setattr(Conf, "SYNC", True)
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    from django.utils.functional import empty

    from helpdesk.models import private_storage

    # The lazy storage reads PRIVATE_MEDIA_ROOT again: each test gets its own folder.
    private_storage._wrapped = empty
    yield
    private_storage._wrapped = empty


@pytest.fixture
def make_user(django_user_model):
    counter = {"n": 0}

    def make(
        party_code=None, role=UserProfile.PartyRole.AUTHORIZED, language="en", staff=False, **extra
    ):
        counter["n"] += 1
        name = extra.pop("username", f"user{counter['n']}")
        user = django_user_model.objects.create_user(
            name,
            f"{name}@example.org",
            "pw-for-tests-123",
            first_name=extra.pop("first_name", name.title()),
            **extra,
        )
        profile = UserProfile.objects.create(
            user=user,
            preferred_language=language,
            party=Party.objects.get(code=party_code) if party_code else None,
            party_role=role if party_code else "",
        )
        user.profile = profile
        if staff:
            user.groups.add(Group.objects.get(name="Helpdesk staff"))
        return user

    return make


@pytest.fixture
def french_user(db, make_user):
    return make_user("FR", language="fr", username="marie")


@pytest.fixture
def kenyan_user(db, make_user):
    return make_user("KE", language="en", username="wanjiru")


@pytest.fixture
def staff_user(db, make_user):
    return make_user(staff=True, username="agent")


@pytest.fixture
def imap_server(settings):
    """A real dovecot IMAP server on loopback, configured as the helpdesk's mailbox."""
    import shutil
    import tempfile
    from pathlib import Path

    from tests.helpdesk.imap_server import DovecotServer

    # Not under pytest's tmp_path: its 0700 parents keep dovecot's unprivileged
    # processes from reading the password file when the tests run as root.
    root = Path(tempfile.mkdtemp(prefix="chm-dovecot-"))
    server = DovecotServer(root).start()
    settings.HELPDESK_IMAP_HOST = server.host
    settings.HELPDESK_IMAP_PORT = server.port
    settings.HELPDESK_IMAP_SSL = False
    settings.HELPDESK_IMAP_USER = server.user
    settings.HELPDESK_IMAP_PASSWORD = server.password
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
