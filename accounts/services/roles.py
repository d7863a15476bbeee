"""A person's Party and role: the one place they change, each change in the audit log."""

from django.db import transaction
from wagtail.log_actions import log

from cms.models import Party, UserProfile
from cms.services import user_profile_get_or_create


def user_party_role_set(*, user, party: Party | None, role: str, by) -> UserProfile:
    """Set `user`'s Party and role; an unchanged pair writes nothing and logs nothing.

    A role without a Party means nothing on the portals, so it is cleared with the Party.
    """
    role = role if party is not None else UserProfile.PartyRole.NONE
    with transaction.atomic():
        profile = user_profile_get_or_create(user)
        before = (profile.party.code if profile.party else None, profile.party_role)
        after = (party.code if party else None, role)
        if before == after:
            return profile
        profile.party = party
        profile.party_role = role
        profile.save(update_fields=["party", "party_role"])
        log(
            user,
            "chm.party_role",
            user=by,
            data={"party": [before[0], after[0]], "role": [before[1], after[1]]},
        )
    return profile


def user_is_party_authorized(user, party: Party) -> bool:
    """A national authorized user of exactly this Party."""
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    return bool(profile and profile.is_authorized_for_party and profile.party_id == party.pk)


def user_is_accounts_staff(user) -> bool:
    """Secretariat staff who manage accounts for every Party."""
    return user.is_authenticated and user.is_active and user.has_perm("accounts.add_invitation")
