"""Builders and a real SMTP server (aiosmtpd on loopback) for the notifications tests."""

import email
import email.policy
import threading

import pytest
from wagtail.models import Locale

from cms.models import Party
from notifications.mail.sink import sink_start
from notifications.models import FocalPoint, Notification, NotificationText

TITLES = {
    "en": "Nomination of national focal points for national reporting",
    "fr": "Nomination des correspondants nationaux pour l’établissement des rapports nationaux",
    "es": "Nombramiento de los coordinadores nacionales para la presentación de informes",
    "ru": "Назначение национальных координационных центров по национальной отчетности",
    "ar": "تعيين جهات الاتصال الوطنية للإبلاغ الوطني",
    "zh-hans": "提名国家报告的国家联络点",
}


class Mailbox:
    """What the loopback SMTP server received, parsed."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.raw: list[tuple[str, bytes]] = []

    def store(self, mail_from: str, recipient: str, data: bytes) -> None:
        with self.lock:
            self.raw.append((recipient, data))

    def messages(self) -> list[email.message.EmailMessage]:
        with self.lock:
            raw = list(self.raw)
        return [email.message_from_bytes(data, policy=email.policy.default) for _r, data in raw]

    def recipients(self) -> list[str]:
        with self.lock:
            return [recipient for recipient, _data in self.raw]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback; `server.answers[address] = "550 ..."` refuses."""
    mailbox = Mailbox()
    answers: dict[str, str] = {}
    controller = sink_start(mailbox.store, answers=answers)
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    mailbox.answers = answers
    mailbox.port = controller.port
    yield mailbox
    controller.stop()


def make_focal_point(
    party_code: str = "FR",
    *,
    language: str = "en",
    categories=("CBD-FP1",),
    email_address: str | None = None,
    status: str = FocalPoint.Status.ACTIVE,
    **fields,
) -> FocalPoint:
    party = Party.objects.get(code=party_code)
    count = FocalPoint.objects.count() + 1
    return FocalPoint.objects.create(
        party=party,
        categories=list(categories),
        first_name=fields.pop("first_name", f"Person{count}"),
        last_name=fields.pop("last_name", party_code),
        emails=[email_address or f"fp{count}.{party_code.lower()}@example.org"],
        preferred_language=language,
        status=status,
        **fields,
    )


def make_notification(
    *,
    languages=("en",),
    unpublished=(),
    categories=("CBD-FP1",),
    status: str = Notification.Status.APPROVED,
    titles=None,
    **fields,
) -> Notification:
    titles = titles or TITLES
    notification = Notification.objects.create(
        categories=list(categories), status=status, reference="SCBD/SAM/NR/LC/83832", **fields
    )
    source = None
    for language in list(languages) + list(unpublished):
        text = NotificationText(
            notification=notification,
            locale=Locale.objects.get(language_code=language),
            title=titles[language],
            recipients_text="CBD National Focal Points" if language == "en" else titles[language],
            body=f"<p>{titles[language]}.</p><p>Body paragraph ({language}).</p>",
            signature="Braulio Ferreira de Souza Dias\nExecutive Secretary",
            live=language not in unpublished,
        )
        if source is not None:
            text.translation_key = source.translation_key
        text.save()
        source = source or text
    return notification


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


# --- A scratch PostgreSQL database for tests that need real concurrency or a process to kill.
# It is created on the PostgreSQL server of DATABASE_URL when that is PostgreSQL, otherwise on
# CHM_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres). When no
# server answers the tests fail and say so: they never skip.


class Harness:
    """Runs `tests/notifications/pg_harness.py` commands in their own processes."""

    def __init__(self, env: dict) -> None:
        self.env = env

    def command(self, *args: str):
        import sys

        return [sys.executable, "-m", "tests.notifications.pg_harness", *args]

    def run(self, *args: str, extra_env: dict | None = None, timeout: int = 300):
        import json
        import subprocess

        done = subprocess.run(
            self.command(*args),
            env={**self.env, **(extra_env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=self.env["CHM_ROOT"],
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def pg_harness(tmp_path_factory):
    import os
    from pathlib import Path

    from tests.scratch_database import scratch_postgres_database

    root = Path(__file__).resolve().parents[2]
    with scratch_postgres_database("chm_notifications_scratch") as database_url:
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "CHM_DATA_DIR": str(tmp_path_factory.mktemp("pg-harness-data")),
            "DEBUG": "1",
            "CHM_ROOT": str(root),
            "PYTHONPATH": str(root),
        }
        harness = Harness(env)
        harness.run("setup", timeout=600)
        yield harness
