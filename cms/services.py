"""Writes of the cms app: Party reference data, accounts, the demo administrator."""

import secrets
from pathlib import Path

from babel import Locale as BabelLocale
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from cms.languages import babel_locale_name, content_language_codes
from cms.parties_data import PARTIES_BY_REGION

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD_FILE = "admin-password.txt"  # noqa: S105 (a file name)


def party_names_from_cldr(code: str) -> dict[str, str]:
    """The Party's name in each UN language, from Babel's CLDR data."""
    names = {}
    for language in content_language_codes():
        territories = BabelLocale.parse(babel_locale_name(language)).territories
        names[language] = territories[code]
    return names


def parties_load(party_model=None) -> int:
    """Create or refresh every Party with CLDR names; returns how many exist afterwards.

    Takes the model as an argument so a data migration can pass its historical model.
    """
    if party_model is None:
        from cms.models import Party as party_model  # noqa: N813
    with transaction.atomic():
        for region, codes in PARTIES_BY_REGION.items():
            for code in codes:
                party_model.objects.update_or_create(
                    code=code,
                    defaults={"region": region, "names": party_names_from_cldr(code)},
                )
    return party_model.objects.count()


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
    profile.preferred_language = preferred_language
    profile.full_clean()
    profile.save(update_fields=["preferred_language"])
    return profile
