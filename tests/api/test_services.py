import pytest

from api.models import ApiToken
from api.selectors.tokens import token_for_key
from api.services import token_create, token_hash, token_mark_used, token_rename, token_revoke


@pytest.mark.django_db
def test_token_key_is_never_stored_only_its_hash(party_fr):
    token, key = token_create(party=party_fr, name="  CHM France ")
    row = ApiToken.objects.get(pk=token.pk)
    stored = [str(value) for value in row.__dict__.values()]
    assert key not in stored
    assert row.key_hash == token_hash(key)
    assert key.startswith(f"chm_{row.prefix}_")
    assert row.name == "CHM France"
    assert token_for_key(key) == row


@pytest.mark.django_db
def test_two_tokens_have_different_keys(party_fr):
    _first, key1 = token_create(party=party_fr, name="a")
    _second, key2 = token_create(party=party_fr, name="b")
    assert key1 != key2


@pytest.mark.django_db
def test_revoked_token_no_longer_authenticates_and_keeps_first_date(party_fr):
    token, key = token_create(party=party_fr, name="a")
    token_revoke(token=token)
    first = ApiToken.objects.get(pk=token.pk).revoked_at
    token_revoke(token=token)
    assert ApiToken.objects.get(pk=token.pk).revoked_at == first
    assert token_for_key(key) is None


@pytest.mark.django_db
def test_unknown_or_oversized_keys_find_nothing(token_fr):
    _token, key = token_fr
    assert token_for_key(key + "x") is None
    assert token_for_key("") is None
    assert token_for_key("x" * 1000) is None


@pytest.mark.django_db
def test_rename_and_mark_used(token_fr):
    token, _key = token_fr
    token_rename(token=token, name=" Bioland FR ")
    token_mark_used(token=token)
    row = ApiToken.objects.get(pk=token.pk)
    assert row.name == "Bioland FR"
    assert row.last_used_at is not None
