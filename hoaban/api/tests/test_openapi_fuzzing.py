"""Schemathesis generates requests from the published OpenAPI document; none may end in a
server error or a response that contradicts the document."""

import pytest
import schemathesis
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


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_answers_every_generated_request_without_a_server_error(case, content):
    case.call_and_validate(
        app=application,
        checks=[not_a_server_error, status_code_conformance, response_schema_conformance],
    )
