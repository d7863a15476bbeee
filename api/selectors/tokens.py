from api.models import ApiToken
from api.services import token_hash


def token_for_key(key: str) -> ApiToken | None:
    """The active token whose key this is, or None (unknown, malformed or revoked)."""
    if not key or len(key) > 200:
        return None
    return (
        ApiToken.objects.select_related("party")
        .filter(key_hash=token_hash(key), revoked_at__isnull=True)
        .first()
    )
