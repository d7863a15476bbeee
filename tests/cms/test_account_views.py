import pytest
from django.urls import reverse

from cms.models import Party, UserProfile
from cms.services import user_profile_get_or_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def party_user(django_user_model):
    user = django_user_model.objects.create_user("nau-fr", password="a-long-passphrase-1")
    profile = user_profile_get_or_create(user)
    profile.party = Party.objects.get(code="FR")
    profile.party_role = UserProfile.PartyRole.AUTHORIZED
    profile.save()
    return user


def test_party_user_signs_in_on_the_public_site_in_their_language(client, party_user):
    response = client.post(
        "/fr/account/login/", {"username": "nau-fr", "password": "a-long-passphrase-1"}
    )
    assert response.status_code == 302
    page = client.get("/fr/account/").content.decode()
    assert "Mon compte" in page and "France" in page and "Utilisateur national autorisé" in page


def test_account_page_requires_sign_in(client):
    response = client.get("/es/account/")
    assert response.status_code == 302
    assert response["Location"].startswith("/es/account/login/")


def test_preferred_language_is_saved_and_bad_value_changes_nothing(client, party_user):
    client.force_login(party_user)
    client.post(reverse("account"), {"preferred_language": "ar"})
    assert UserProfile.objects.get(user=party_user).preferred_language == "ar"
    response = client.post(reverse("account"), {"preferred_language": "klingon"})
    assert response.status_code == 200
    assert UserProfile.objects.get(user=party_user).preferred_language == "ar"
