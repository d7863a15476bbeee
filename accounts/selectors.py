"""Reads for accounts: who acts for a Party, and the invitations and requests one may see."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from accounts.models import AccessRequest, Invitation
from accounts.services.roles import user_is_accounts_staff
from cms.models import Party, UserProfile


def party_authorized_users(party: Party) -> QuerySet:
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            profile__party=party,
            profile__party_role=UserProfile.PartyRole.AUTHORIZED,
        )
        .exclude(email="")
        .select_related("profile")
    )


def _visible(queryset: QuerySet, user) -> QuerySet:
    """Staff see every Party's; a national authorized user their own Party's; others none."""
    if user_is_accounts_staff(user):
        return queryset
    profile = getattr(user, "profile", None)
    if profile is not None and profile.is_authorized_for_party:
        return queryset.filter(party_id=profile.party_id)
    return queryset.none()


def invitations_visible(user) -> QuerySet:
    return _visible(Invitation.objects.select_related("party", "invited_by", "user"), user)


def access_requests_visible(user) -> QuerySet:
    return _visible(AccessRequest.objects.select_related("party", "decided_by"), user)
