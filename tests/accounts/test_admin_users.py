"""Party and role in Wagtail's user admin: create, edit, filter; each change audited."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cms.models import Party, UserProfile
from tests.accounts.conftest import make_user

pytestmark = pytest.mark.django_db


def test_staff_create_a_national_authorized_user_in_the_user_admin(client, staff):
    client.force_login(staff)
    form = client.get(reverse("wagtailusers_users:add")).content.decode()
    assert 'name="party"' in form and 'name="party_role"' in form
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "nau-br",
            "email": "nau@example.br",
            "first_name": "Ana",
            "last_name": "Souza",
            "password1": "Floresta-amazonica-2026",
            "password2": "Floresta-amazonica-2026",
            "party": Party.objects.get(code="BR").pk,
            "party_role": UserProfile.PartyRole.AUTHORIZED,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    user = get_user_model().objects.get(username="nau-br")
    assert (user.profile.party.code, user.profile.party_role) == ("BR", "authorized")
    entry = ModelLogEntry.objects.get(action="chm.party_role", object_id=str(user.pk))
    assert entry.user_id == staff.pk and entry.data["party"] == [None, "BR"]


def test_editing_the_role_is_audited_and_a_role_needs_a_party(client, staff, nau_fr):
    client.force_login(staff)
    url = reverse("wagtailusers_users:edit", args=[nau_fr.pk])
    base = {
        "username": "nau-fr",
        "email": nau_fr.email,
        "first_name": "Jeanne",
        "last_name": "Baret",
        "is_active": "on",
    }
    refused = client.post(url, {**base, "party": "", "party_role": "focal-point"})
    assert refused.status_code == 200
    assert UserProfile.objects.get(user=nau_fr).party_role == "authorized"
    saved = client.post(
        url, {**base, "party": Party.objects.get(code="FR").pk, "party_role": "focal-point"}
    )
    assert saved.status_code == 302, saved.context["form"].errors
    assert UserProfile.objects.get(user=nau_fr).party_role == "focal-point"
    entry = ModelLogEntry.objects.filter(action="chm.party_role", object_id=str(nau_fr.pk)).latest(
        "timestamp"
    )
    assert entry.data["role"] == ["authorized", "focal-point"]


def test_users_are_filtered_by_party_and_role(client, staff, nau_fr):
    make_user("fp-mx", party="MX", role="focal-point")
    client.force_login(staff)
    listing = client.get(
        reverse("wagtailusers_users:index"), {"party": Party.objects.get(code="FR").pk}
    )
    page = listing.content.decode()
    assert "nau-fr" in page and "fp-mx" not in page and "France" in page
    by_role = client.get(
        reverse("wagtailusers_users:index"), {"party_role": "focal-point"}
    ).content.decode()
    assert "fp-mx" in by_role and "nau-fr" not in by_role
