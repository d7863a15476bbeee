"""Invitations: in the invitee's language, one-time, expiring, revocable, audited."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts.errors import AccountsError
from accounts.models import Invitation
from accounts.services.invitations import invitation_create
from cms.models import Party, UserProfile
from tests.accounts.conftest import PASSWORD, body

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Biodiversité-2026-forêts"


def invite(client, by, captured, **fields):
    client.force_login(by)
    data = {
        "email": "marie.curie@example.fr",
        "name": "Marie Curie",
        "party": Party.objects.get(code="FR").pk,
        "role": UserProfile.PartyRole.AUTHORIZED,
        "language": "fr",
        **fields,
    }
    with captured(execute=True):
        return client.post(reverse("invitations"), data)


def link_in(message) -> str:
    return re.search(r"https?://\S+/invitation/\S+/", body(message)).group(0)


def test_staff_invite_a_french_authorized_user_who_opens_their_account(
    client, staff, mailbox, django_capture_on_commit_callbacks
):
    response = invite(client, staff, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    [mail] = mailbox.messages()
    assert mail["To"] == "marie.curie@example.fr"
    assert mail["Subject"] == "Votre invitation au Centre d'échange"
    text = body(mail)
    assert "Utilisateur national autorisé pour France" in text and "Bonjour Marie Curie," in text

    path = link_in(mail).split("127.0.0.1:8000", 1)[-1]
    assert path.startswith("/fr/account/invitation/")
    client.logout()
    page = client.get(path)
    assert "Bienvenue" in page.content.decode()
    assert 'value="Marie"' in page.content.decode() and 'value="Curie"' in page.content.decode()
    accepted = client.post(
        path,
        {
            "first_name": "Marie",
            "last_name": "Curie",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert accepted["Location"].startswith("/fr/account/two-factor/setup/")
    user = get_user_model().objects.get(email="marie.curie@example.fr")
    assert user.check_password(NEW_PASSWORD)
    assert (user.profile.party.code, user.profile.party_role) == ("FR", "authorized")
    assert user.profile.preferred_language == "fr"

    # Once only.
    client.logout()
    assert client.get(path).status_code == 404
    invitation = Invitation.objects.get()
    assert invitation.state == "accepted" and invitation.user == user
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"chm.invitation.create", "chm.invitation.accept", "chm.party_role"} <= actions


def test_expired_and_revoked_links_open_nothing(
    client, staff, mailbox, django_capture_on_commit_callbacks
):
    invite(client, staff, django_capture_on_commit_callbacks)
    invitation = Invitation.objects.get()
    path = link_in(mailbox.messages()[0]).split("127.0.0.1:8000", 1)[-1]
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=invitation.created_at - timedelta(1)
    )
    client.logout()
    assert client.get(path).status_code == 404

    Invitation.objects.filter(pk=invitation.pk).update(expires_at=invitation.expires_at)
    client.force_login(staff)
    listing = client.get(reverse("invitations") + "?state=pending").content.decode()
    assert "marie.curie@example.fr" in listing
    client.post(reverse("invitation_revoke", args=[invitation.pk]))
    client.logout()
    assert client.get(path).status_code == 404
    response = client.post(
        path,
        {"first_name": "M", "last_name": "C", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 404
    assert not get_user_model().objects.filter(email="marie.curie@example.fr").exists()
    client.force_login(staff)
    assert (
        "marie.curie@example.fr"
        in client.get(reverse("invitations") + "?state=revoked").content.decode()
    )


def test_an_authorized_user_invites_only_for_their_own_party(
    client, nau_fr, mailbox, django_capture_on_commit_callbacks
):
    response = invite(
        client, nau_fr, django_capture_on_commit_callbacks, party=Party.objects.get(code="MX").pk
    )
    assert response.status_code == 200  # Mexico is not among the choices
    assert not Invitation.objects.exists()
    with pytest.raises(AccountsError):
        invitation_create(
            email="x@example.org",
            name="",
            language="es",
            party=Party.objects.get(code="MX"),
            role="authorized",
            by=nau_fr,
        )
    response = invite(
        client, nau_fr, django_capture_on_commit_callbacks, email="colleague@example.fr"
    )
    assert response.status_code == 302
    assert Invitation.objects.get().party.code == "FR"


def test_people_without_a_party_role_cannot_invite(client, db, mailbox):
    from tests.accounts.conftest import make_user

    client.force_login(make_user("someone"))
    assert client.get(reverse("invitations")).status_code == 403


def test_an_existing_account_is_not_invited_twice(
    client, staff, nau_fr, mailbox, django_capture_on_commit_callbacks
):
    response = invite(client, staff, django_capture_on_commit_callbacks, email=nau_fr.email)
    assert "already has an account" in response.content.decode()
    assert not Invitation.objects.exists() and mailbox.messages() == []
    assert PASSWORD
