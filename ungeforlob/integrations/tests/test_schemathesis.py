"""Schemathesis against API v1's live schema (fetched from the WSGI application): every operation, with the demo
client's token and without one — no server error, no response outside the schema, bad input refused with 4xx.
Bounded: a few examples per operation (SCHEMATHESIS_EXAMPLES), so the whole run stays under two minutes."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.test import override_settings
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from ungeforlob.integrations.demo import DEMO_ORGANISATION, demo_token, load
from ungeforlob.testing import Personas

SCHEMATHESIS_EXAMPLES = 10


def _live_schema() -> Any:
    """The schema API v1 serves at /api/v1/openapi.json (the same call its view makes), sent to the project's WSGI
    application: loading it through a request at import time would need the database before pytest grants it."""
    from ungeforlob.integrations.api import api

    loaded = schemathesis.openapi.from_dict(api.get_openapi_schema())
    loaded.app = WSGIHandler()
    return loaded


schema = _live_schema()


@pytest.fixture(autouse=True)
def keep_the_test_connection() -> Any:
    """Calling the WSGI application directly fires request_started/request_finished, whose close_old_connections
    would close the test's database connection inside its transaction after the first call (PostgreSQL; SQLite's
    in-memory test database is never closed). Django's test client disconnects it the same way."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def demo_client(p: Personas) -> None:
    # The demo's client, acting as the organisation that holds both personas' contact persons: it sees someone.
    load(municipality=p.municipality, staff={"admin": p.administrator}, orgs={DEMO_ORGANISATION: p.organisation})


@schema.parametrize()
@settings(max_examples=SCHEMATHESIS_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_every_operation_holds_to_its_schema_with_the_demo_token(case: Any, demo_client: None) -> None:
    with override_settings(API_RATE_LIMIT_PER_MINUTE=0, ALLOWED_HOSTS=["*"]):
        # The token is added to every case, also to those generated without the Authorization header on purpose:
        # such a case is then a valid request, so "invalid data must be refused" is checked without a token below.
        # "Valid data must be accepted" is left out too: a service refuses with a documented 422 what JSON Schema
        # cannot say (a CPR number's date, an event for someone the client may not see).
        case.call_and_validate(headers={"Authorization": f"Bearer {demo_token()}"},
                               excluded_checks=[negative_data_rejection, positive_data_acceptance])


@schema.parametrize()
@settings(max_examples=2, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_every_operation_refuses_a_call_without_a_token_in_the_error_shape(case: Any, demo_client: None) -> None:
    with override_settings(API_RATE_LIMIT_PER_MINUTE=0, ALLOWED_HOSTS=["*"]):
        response = case.call()
        case.validate_response(response)
    assert response.status_code in (401, 405, 422), response.text
    assert "error" in response.json()
