"""Invitations: staff, or a Party's national authorized user for their own Party, invite a
person by e-mail; the person sets a password through a one-time link that expires."""

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from accounts.errors import AccountsError
from accounts.mail import account_mail_send_on_commit
from accounts.models import PARTY_ROLES, Invitation
from accounts.services.roles import (
    user_is_accounts_staff,
    user_is_party_authorized,
    user_party_role_set,
)
from cms.models import Party
from cms.services import user_profile_get_or_create


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_can_create(user, party: Party) -> bool:
    return user_is_accounts_staff(user) or user_is_party_authorized(user, party)


def _account_exists(email: str) -> bool:
    return get_user_model().objects.filter(email__iexact=email, is_active=True).exists()


def invitation_create(
    *, email: str, name: str, language: str, party: Party, role: str, by
) -> tuple[Invitation, str]:
    """Invite `email` to act for `party` in `role`; mail the link in `language`.

    Returns the invitation and its link (shown once to nobody but the mail). A person who
    already has an account is refused: staff change their Party and role in Users instead.
    """
    if by is not None and not invitation_can_create(by, party):
        raise AccountsError(_("You may only invite people for your own Party."))
    if role not in dict(PARTY_ROLES):
        raise AccountsError(_("Choose a role."))
    if language not in dict(settings.LANGUAGES):
        raise AccountsError(_("Choose a language."))
    email = get_user_model().objects.normalize_email(email.strip())
    if _account_exists(email):
        raise AccountsError(_("Someone with this e-mail address already has an account."))
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        # A new invitation replaces any earlier pending one for the same person and Party.
        for earlier in Invitation.objects.select_for_update().filter(
            email__iexact=email, party=party, status=Invitation.Status.PENDING
        ):
            _revoke(earlier, by)
        invitation = Invitation.objects.create(
            email=email,
            name=name.strip()[:200],
            language=language,
            party=party,
            role=role,
            token_hash=token_hash(token),
            expires_at=Invitation.default_expiry(),
            invited_by=by,
        )
        log(invitation, "chm.invitation.create", user=by, data={"party": party.code, "role": role})
        with translation.override(language):
            link = settings.SITE_URL + reverse("invitation_accept", kwargs={"token": token})
        account_mail_send_on_commit(
            to=email,
            language=language,
            subject=_("Your invitation to the Clearing-House Mechanism"),
            template="accounts/email/invitation.txt",
            context={"invitation": invitation, "link": link, "party": party.name_in(language)},
        )
    return invitation, link


def invitation_for_token(token: str) -> Invitation | None:
    """The pending, unexpired invitation this link opens, or None."""
    invitation = Invitation.objects.filter(token_hash=token_hash(token)).first()
    if invitation is None or invitation.state != Invitation.Status.PENDING:
        return None
    return invitation


def invitation_accept(*, token: str, first_name: str, last_name: str, password: str):
    """Open the account: the user name is the e-mail address, the Party and role are the
    invitation's. Once only: a second use, an expired or revoked link opens nothing."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update().filter(token_hash=token_hash(token)).first()
        )
        if invitation is None or invitation.state != Invitation.Status.PENDING:
            raise AccountsError(_("This invitation link is no longer valid. Ask for a new one."))
        if _account_exists(invitation.email):
            raise AccountsError(_("Someone with this e-mail address already has an account."))
        user = get_user_model().objects.create_user(
            username=invitation.email.lower(),
            email=invitation.email,
            password=password,
            first_name=first_name.strip()[:150],
            last_name=last_name.strip()[:150],
        )
        profile = user_profile_get_or_create(user)
        profile.preferred_language = invitation.language
        profile.save(update_fields=["preferred_language"])
        user_party_role_set(user=user, party=invitation.party, role=invitation.role, by=user)
        invitation.status = Invitation.Status.ACCEPTED
        invitation.accepted_at = timezone.now()
        invitation.user = user
        invitation.save(update_fields=["status", "accepted_at", "user"])
        log(invitation, "chm.invitation.accept", user=user)
    return user


def _revoke(invitation: Invitation, by) -> None:
    before = invitation.status
    invitation.status = Invitation.Status.REVOKED
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["status", "revoked_at"])
    log(
        invitation,
        "chm.invitation.revoke",
        user=by,
        data={"before": {"status": before}, "after": {"status": "revoked"}},
    )


def invitation_revoke(*, invitation_id: int, by) -> Invitation:
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().filter(pk=invitation_id).first()
        if invitation is None or not invitation_can_create(by, invitation.party):
            raise AccountsError(_("This invitation does not exist."))
        if invitation.state != Invitation.Status.PENDING:
            raise AccountsError(_("Only a pending invitation can be revoked."))
        _revoke(invitation, by)
    return invitation
