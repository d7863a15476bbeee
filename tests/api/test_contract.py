"""Contract tests: the full schemathesis run (every check, as `--checks all`; the
examples, coverage and fuzzing phases) drives the API from its own OpenAPI document, in
process (WSGI), anonymously and with a Party token, write operations included.

Derandomized, so a run is reproducible; examples per operation are capped so that both
runs together stay near a minute on two cores.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from cms.wsgi import application  # Django is set up by pytest-django

# Real processes (workers, interpreters) or hundreds of generated requests: not in test-fast.
pytestmark = pytest.mark.slow

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def in_process_wsgi():
    """As Django's test client does: keep the test's database connection (and its
    transaction) open across the in-process WSGI requests."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


EXAMPLES = settings(
    max_examples=12, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck)
)


@schema.parametrize()
@EXAMPLES
def test_api_contract(case, db, demo_site, in_process_wsgi):
    """No checks named: `validate_response` runs every one of them."""
    response = case.call()
    case.validate_response(response)


@schema.parametrize()
@EXAMPLES
def test_api_contract_with_a_party_token(case, db, demo_site, in_process_wsgi, token_fr):
    """The same, authenticated as France's national CHM: write endpoints get exercised."""
    _token, key = token_fr
    headers = {"Authorization": f"Bearer {key}"}
    response = case.call(headers=headers)
    # Given here too, so that schemathesis knows the token is real and checks that the
    # operation refuses the same request without it or with a wrong one (ignored_auth).
    case.validate_response(response, headers=headers)
