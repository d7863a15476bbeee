"""Token management in the Wagtail admin."""

import pytest
from django.contrib.auth import get_user_model

from api.models import ApiToken
from api.selectors.tokens import token_for_key
from api.services import token_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("tokenadmin", "t@example.org", "pw-xyz-123")
    client.force_login(user)
    return client


def test_created_token_key_is_shown_once_and_only_its_hash_is_kept(admin_client, party_fr):
    response = admin_client.post(
        "/admin/api_tokens/new/", {"party": party_fr.pk, "name": "Bioland France"}
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    token = ApiToken.objects.get(name="Bioland France")
    assert token.party == party_fr
    html = response.content.decode()
    start = html.index('id="api-token-key"')
    key = html[html.index(">", start) + 1 : html.index("</code>", start)]
    assert key.startswith("chm_") and token_for_key(key) == token
    # The list and the edit page never show it again.
    assert key not in admin_client.get("/admin/api_tokens/").content.decode()
    assert key not in admin_client.get(f"/admin/api_tokens/edit/{token.pk}/").content.decode()


def test_revoking_from_the_admin(admin_client, party_fr):
    token, key = token_create(party=party_fr, name="old")
    response = admin_client.post(
        f"/admin/api_tokens/edit/{token.pk}/", {"name": "old site", "revoke": "on"}
    )
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None and token.name == "old site"
    assert token_for_key(key) is None


def test_non_staff_cannot_reach_token_admin(client, party_fr):
    user = get_user_model().objects.create_user("someone", "s@example.org", "pw-xyz-123")
    client.force_login(user)
    response = client.get("/admin/api_tokens/")
    assert response.status_code in (302, 403)
