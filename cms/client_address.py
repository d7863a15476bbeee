"""The one rule for "which address is this request from", behind any number of proxies.

Sign-in lockout (django-axes), the API and OData limits and the helpdesk contact form all
ask `client_address`, so a deployment configures its proxies once (`TRUSTED_PROXIES`).

Each trusted proxy appends the address it received the connection from to
X-Forwarded-For, so the client is the N-th entry from the right; anything further left was
written by the client itself and is ignored (a forged header cannot pick the address that
gets counted or locked). With no trusted proxy the peer address alone counts.
"""

import ipaddress

from django.conf import settings


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request) -> str:
    """The caller's address as the configured proxies report it, or the peer's (empty when
    unknown: a request built in code, where django-axes then stores no address)."""
    peer = request.META.get("REMOTE_ADDR", "") or ""
    proxies = settings.TRUSTED_PROXIES
    if proxies <= 0:
        return peer
    entries = [item for item in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    entries = [item.strip() for item in entries if item.strip()]
    if not entries:
        # Reached directly, around the proxy: the peer is the client.
        return peer
    # Fewer entries than proxies means the first proxy received the connection from the
    # client; its own entry (the left-most) is then the client.
    return _valid(entries[-min(proxies, len(entries))]) or peer
