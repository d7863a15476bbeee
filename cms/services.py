"""Writes of the cms app: Party reference data, accounts, the demo administrator."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.log_actions import log

from cms.parties_data import PARTIES_BY_REGION
from cms.party_names import official_names
from cms.site_url import site_url_host_port

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD_FILE = "admin-password.txt"  # noqa: S105 (a file name)


def parties_load(party_model=None) -> int:
    """Create or refresh every Party with its official UN names in the six languages
    (`cms.party_names`); returns how many exist afterwards.

    Takes the model as an argument so a data migration can pass its historical model.
    """
    if party_model is None:
        from cms.models import Party as party_model  # noqa: N813
    with transaction.atomic():
        for region, codes in PARTIES_BY_REGION.items():
            for code in codes:
                party_model.objects.update_or_create(
                    code=code,
                    defaults={"region": region, "names": official_names()[code]},
                )
    return party_model.objects.count()


def site_record_sync() -> bool:
    """Make the default Wagtail Site record answer at SITE_URL's host and port (Wagtail
    builds absolute URLs from it); returns True when it changed. Run by the demo loader
    and `manage.py site_sync`; a deploy check fails while they differ."""
    from wagtail.models import Site

    hostname, port = site_url_host_port()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True


def user_profile_get_or_create(user):
    from cms.models import UserProfile

    profile, _created = UserProfile.objects.get_or_create(user=user)
    return profile


def admin_password_path() -> Path:
    return Path(settings.DATA_DIR) / ADMIN_PASSWORD_FILE


def admin_ensure() -> tuple[str, str, bool]:
    """Make sure the demo administrator exists; returns (username, password, created).

    The password is random, generated on first run and kept (mode 0600) in the data dir
    so later runs print the same one. There is never a fixed default password.
    """
    user_model = get_user_model()
    path = admin_password_path()
    if path.exists():
        password = path.read_text(encoding="utf-8").strip()
    else:
        password = secrets.token_urlsafe(12)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(password + "\n", encoding="utf-8")
    user = user_model.objects.filter(username=ADMIN_USERNAME).first()
    created = user is None
    if created:
        user = user_model.objects.create_superuser(
            ADMIN_USERNAME, "admin@chm.example.org", password
        )
    elif not user.check_password(password):
        # The data dir is the source of truth for the demo login.
        user.set_password(password)
        user.save(update_fields=["password"])
    user_profile_get_or_create(user)
    return ADMIN_USERNAME, password, created


def user_profile_update(profile, *, preferred_language: str):
    """The person changes their own profile; the audit log keeps before and after."""
    before = profile.preferred_language
    profile.preferred_language = preferred_language
    profile.full_clean()
    with transaction.atomic():
        profile.save(update_fields=["preferred_language"])
        if before == preferred_language:
            return profile
        log(
            instance=profile,
            action="cms.profile.update",
            user=profile.user,
            data={
                "before": {"preferred_language": before},
                "after": {"preferred_language": preferred_language},
            },
        )
    return profile
