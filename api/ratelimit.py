"""The API's budgets (per token, else per client address) on the project's rate limiter."""

from django.conf import settings

from cms.client_address import client_address
from cms.ratelimit import rate_limit_hit


def request_rate_limit(request, token=None) -> int | None:
    """Count the request against its token's budget, or its address's when anonymous.

    A national CHM behind a shared address (a government proxy) must not be starved by
    its neighbours, hence its own, larger, budget once it authenticates.
    """
    window = settings.API_RATE_WINDOW
    if token is not None:
        return rate_limit_hit(f"api:token:{token.pk}", settings.API_RATE_LIMIT_TOKEN, window)
    return rate_limit_hit(f"api:ip:{client_address(request)}", settings.API_RATE_LIMIT_IP, window)
