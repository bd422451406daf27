"""The OpenAPI schema and the interactive documentation, served by Mitra itself under its CSP."""

import json
import re

import pytest
from django.contrib.staticfiles import finders

from mitra.api.tests.conftest import API


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    keys = [key for key, _value in pairs]
    assert len(keys) == len(set(keys)), keys
    return dict(pairs)


def test_the_schema_is_openapi_3_1_and_documents_every_error(client):
    schema = json.loads(
        client.get(f"{API}/openapi.json").content, object_pairs_hook=_no_duplicate_keys
    )
    assert schema["openapi"].startswith("3.1")
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            documented = set(operation["responses"])
            assert {"400", "401", "403", "404", "422"} <= documented, (method, path)
            if method in ("post", "patch"):
                assert "409" in documented, (method, path)


@pytest.fixture
def with_ninja_static(settings):
    """As in production once "ninja" is in INSTALLED_APPS (it ships Swagger UI's files)."""
    if "ninja" not in settings.INSTALLED_APPS:
        settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "ninja"]


def test_the_docs_page_has_no_inline_script_or_style_and_no_cdn(client, with_ninja_static):
    response = client.get(f"{API}/docs")
    assert response.status_code == 200
    html = response.text
    assert "script-src 'self'" in response["Content-Security-Policy"]
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert "<style" not in html and "style=" not in html and "onclick" not in html
    assert "//cdn" not in html and "https://" not in html
    for path in re.findall(r'(?:src|href)="/static/([^"]+)"', html):
        assert finders.find(path), path


def test_the_docs_script_starts_swagger_from_the_json_settings():
    path = finders.find("js/api-docs.js")
    assert path
    with open(path, encoding="utf-8") as script:
        source = script.read()
    assert 'getElementById("swagger-settings")' in source and "SwaggerUIBundle(" in source
