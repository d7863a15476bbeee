"""The demonstration's people: accounts made once by the apps' demo loaders, never signed
in to with a password (the demo shows what they did, not their sessions)."""

from django.contrib.auth import get_user_model

from cms.models import Party, UserProfile


def demo_user_get_or_create(username: str, email: str):
    """(user, created): a new one has no usable password."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": email}
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user, created


def demo_party_user(username: str, email: str, party_code: str, language: str):
    """A national authorized user of the Party `party_code`, reading in `language`."""
    user, _created = demo_user_get_or_create(username, email)
    UserProfile.objects.update_or_create(
        user=user,
        defaults={
            "party": Party.objects.get(code=party_code),
            "party_role": UserProfile.PartyRole.AUTHORIZED,
            "preferred_language": language,
        },
    )
    return user
