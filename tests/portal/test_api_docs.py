"""/api/v1/docs is a Vietnamese page (lang="vi") about the API, server
rendered in the site's layout: it was ninja's Swagger UI, without lang="vi"
and with English buttons and headings ("Try it out", "Parameters")."""

import pytest
from django.test import Client

from portal.api import api
from tests.i18n.visible import visible_texts

pytestmark = pytest.mark.django_db


def test_the_docs_page_is_vietnamese_and_names_every_endpoint():
    response = Client().get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    texts = visible_texts(html)
    assert "API dữ liệu văn bản" in texts
    for english in ("Try it out", "Parameters", "Responses", "Execute"):
        assert not any(english in text for text in texts), english
    assert 'href="/api/v1/openapi.json"' in html
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    for path, operations in schema["paths"].items():
        for method in operations:
            assert f"{method.upper()} {path}" in texts, (method, path)
    # every parameter explained, e.g. a repeatable search filter
    assert "kind" in texts and "in_force_on" in texts


def test_the_machine_readable_schema_still_answers():
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert "/api/v1/documents/" in response.json()["paths"]
