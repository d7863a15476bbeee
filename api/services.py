"""Writes of the API app: token life cycle."""

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from api.models import ApiToken
from cms.models import Party, UserProfile
from cms.services import user_profile_get_or_create

TOKEN_PREFIX = "chm"  # noqa: S105 (a label in front of the key, not a secret)
# Touching `last_used_at` on every request would turn reads into writes; once a minute
# is precise enough for an operator deciding whether a token is still used.
LAST_USED_PRECISION = timedelta(minutes=1)


def token_hash(key: str) -> str:
    """SHA-256 of the key. Keys carry 256 random bits, so a fast hash is enough: there
    is nothing to brute-force that a slow password hash would protect."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def token_create(*, party: Party, name: str, created_by=None) -> tuple[ApiToken, str]:
    """Create a token for one Party. Returns the row and the key, which is never stored."""
    prefix = secrets.token_hex(4)
    key = f"{TOKEN_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        party=party,
        name=name.strip(),
        prefix=prefix,
        key_hash=token_hash(key),
        created_by=created_by,
    )
    return token, key


def token_revoke(*, token: ApiToken, revoked_by=None) -> ApiToken:
    """Revoke a token; revoking twice keeps the first date."""
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.revoked_by = revoked_by
            token.save(update_fields=["revoked_at", "revoked_by"])
            if token.service_user_id is not None:
                # Its account goes too, so nothing can act through it any more.
                get_user_model().objects.filter(pk=token.service_user_id).update(is_active=False)
    return token


def token_rename(*, token: ApiToken, name: str) -> ApiToken:
    token.name = name.strip()
    token.save(update_fields=["name"])
    return token


def token_mark_used(*, token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def token_service_user(*, token: ApiToken):
    """The account a token acts through: a national authorized user of the token's Party
    that cannot sign in (no usable password). Created on first use."""
    if token.service_user_id is not None:
        return token.service_user
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.service_user_id is None:
            user = get_user_model().objects.create_user(
                username=f"api-token-{token.prefix}", first_name=token.name[:150]
            )
            user.set_unusable_password()
            user.save(update_fields=["password"])
            profile = user_profile_get_or_create(user)
            profile.party = token.party
            profile.party_role = UserProfile.PartyRole.AUTHORIZED
            profile.save(update_fields=["party", "party_role"])
            token.service_user = user
            token.save(update_fields=["service_user"])
    return token.service_user
