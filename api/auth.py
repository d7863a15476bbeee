"""Bearer tokens for the REST API: optional on reads, required on writes."""

import threading

from ninja.security.http import HttpAuthBase
from ninja.throttling import BaseThrottle

from api.errors import ApiError
from api.models import ApiToken
from api.ratelimit import request_rate_limit
from api.selectors.tokens import token_for_key
from api.services import token_mark_used

ANONYMOUS = "anonymous"  # truthy marker: a read without a token is allowed


def request_token(request) -> ApiToken | None:
    """The token presented with the request; a wrong or revoked one is an error, not
    anonymity, so a national site notices at once that its token stopped working."""
    if hasattr(request, "_api_token"):
        return request._api_token
    header = request.headers.get("Authorization", "")
    token = None
    if header:
        scheme, _sep, key = header.partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            raise ApiError(401, "invalid_token")
        token = token_for_key(key.strip())
        if token is None:
            raise ApiError(401, "invalid_token")
        token_mark_used(token=token)
    request._api_token = token
    return token


class TokenAuth(HttpAuthBase):
    """Required token (write endpoints)."""

    openapi_scheme = "bearer"

    def __call__(self, request):
        token = request_token(request)
        if token is None:
            raise ApiError(401, "unauthorized")
        return token


class OptionalTokenAuth(HttpAuthBase):
    """Reads: anyone may read; a token only raises the rate limit."""

    openapi_scheme = "bearer"

    def __call__(self, request):
        return request_token(request) or ANONYMOUS


class ApiThrottle(BaseThrottle):
    """Per-token or per-address budget; see `api.ratelimit`."""

    def __init__(self):
        # Ninja shares one throttle object between threads; keep the wait per thread.
        self._local = threading.local()

    def allow_request(self, request) -> bool:
        auth = getattr(request, "auth", None)
        token = auth if isinstance(auth, ApiToken) else None
        self._local.wait = request_rate_limit(request, token)
        return self._local.wait is None

    def wait(self) -> float | None:
        return getattr(self._local, "wait", None)
