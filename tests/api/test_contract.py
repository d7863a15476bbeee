"""Contract tests: schemathesis drives the API from its own OpenAPI document, in process
(WSGI), and checks there is no server error and no answer outside the schema."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


from cms.wsgi import application  # noqa: E402  (Django is set up by pytest-django)

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


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_contract(case, db, demo_site, in_process_wsgi):
    response = case.call()
    case.validate_response(response, checks=CHECKS)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_contract_with_a_party_token(case, db, demo_site, in_process_wsgi, token_fr):
    """The same, authenticated as France's national CHM: write endpoints get exercised."""
    _token, key = token_fr
    response = case.call(headers={"Authorization": f"Bearer {key}"})
    case.validate_response(response, checks=CHECKS)
