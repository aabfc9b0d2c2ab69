"""Schemathesis generates requests from the published OpenAPI document; none may end in a
server error or a response that contradicts the document."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from hoaban.api.api import api
from hoaban.wsgi import application

# The document the API serves at /api/v1/openapi.json (a test checks they are the same).
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1"))


def test_served_document_is_the_one_fuzzed(client, db):
    served = client.get("/api/v1/openapi.json").json()
    assert served["paths"].keys() == schema.raw_schema["paths"].keys()


@pytest.fixture
def content(news_site):
    news_site.article("news", title="Điện Biên đón đoàn Saint Petersburg", tags=["Hợp tác"])


@pytest.fixture
def keep_test_connection():
    """Requests go straight to the WSGI application, which closes the database connection when
    a request ends; that would close the test's transaction on PostgreSQL. Django's own test
    client switches the same handler off around its requests."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_answers_every_generated_request_without_a_server_error(
    case, content, keep_test_connection
):
    case.call_and_validate(
        app=application,
        checks=[not_a_server_error, status_code_conformance, response_schema_conformance],
    )
