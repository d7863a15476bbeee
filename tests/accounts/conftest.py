"""Accounts fixtures: people of a Party, staff, a real SMTP server, TOTP codes."""

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp

from cms.models import Party, UserProfile
from cms.services import user_profile_get_or_create
from tests.notifications.conftest import Mailbox, smtp_server  # noqa: F401 (fixture)

PASSWORD = "a-long-and-unusual-passphrase-7"


def make_user(
    username: str, *, party: str | None = None, role: str = "", language: str = "en", **fields
):
    user = get_user_model().objects.create_user(
        username, email=fields.pop("email", f"{username}@example.org"), password=PASSWORD, **fields
    )
    profile = user_profile_get_or_create(user)
    profile.preferred_language = language
    if party:
        profile.party = Party.objects.get(code=party)
        profile.party_role = role or UserProfile.PartyRole.AUTHORIZED
    profile.save()
    return user


@pytest.fixture(autouse=True)
def tasks_inline(monkeypatch):
    """Queued account mail runs at once when the request's callbacks run (in production a
    worker sends it)."""
    from django_q.conf import Conf

    monkeypatch.setattr(Conf, "SYNC", True)


@pytest.fixture
def mailbox(smtp_server, settings):  # noqa: F811
    """What our real SMTP server received (pytest-django would otherwise keep mail in memory)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    return smtp_server


@pytest.fixture
def staff(db):
    return make_user("secretariat", is_staff=True, is_superuser=True)


@pytest.fixture
def nau_fr(db):
    return make_user("nau-fr", party="FR")


def code_for(device, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows now (or `steps_ahead` periods later)."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, steps_ahead):06d}"


def body(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


__all__ = ["Mailbox", "smtp_server"]
