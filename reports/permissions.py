"""Who may do what with a report: one place, used by services, views and the API."""

from cms.models import Party, UserProfile


def user_party(user) -> Party | None:
    """The Party a user submits reports for: its national authorized users only."""
    if not getattr(user, "is_authenticated", False):
        return None
    profile = getattr(user, "profile", None)
    if profile is None or profile.party_id is None:
        return None
    if profile.party_role != UserProfile.PartyRole.AUTHORIZED:
        return None
    return profile.party


def user_is_secretariat(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.has_perm(
        "reports.publish_report"
    )


def can_edit(user, party: Party) -> bool:
    """The Party's national authorized users, and the Secretariat."""
    own = user_party(user)
    return user_is_secretariat(user) or (own is not None and own.pk == party.pk)
