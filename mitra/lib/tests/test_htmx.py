"""One helper decides between a fragment and the whole page, and every page uses it."""

import ast
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_htmx.middleware import HtmxMiddleware

from mitra.downloads.services import request_file
from mitra.lib.htmx import wants_fragment
from mitra.tenancy.models import Tenant
from tests.factories import make_cooperation, make_partner

ROOT = Path(__file__).resolve().parents[2]
HELPER = ROOT / "lib" / "htmx.py"
HTMX = {"HTTP_HX_REQUEST": "true"}
HISTORY_RESTORE = {"HTTP_HX_REQUEST": "true", "HTTP_HX_HISTORY_RESTORE_REQUEST": "true"}


def _through_middleware(**headers: str) -> HttpRequest:
    request = RequestFactory().get("/", **headers)
    HtmxMiddleware(lambda request: HttpResponse())(request)
    return request


def test_a_plain_request_wants_the_whole_page() -> None:
    assert not wants_fragment(_through_middleware())


def test_an_htmx_request_wants_a_fragment() -> None:
    assert wants_fragment(_through_middleware(**HTMX))


def test_an_htmx_history_restore_wants_the_whole_page() -> None:
    assert not wants_fragment(_through_middleware(**HISTORY_RESTORE))


def test_a_request_the_middleware_never_saw_wants_the_whole_page() -> None:
    assert not wants_fragment(RequestFactory().get("/", **HTMX))


def _modules() -> Iterator[Path]:
    for path in sorted(ROOT.rglob("*.py")):
        parts = set(path.relative_to(ROOT).parts)
        if path != HELPER and not parts & {"tests", "migrations"}:
            yield path


def _asks_htmx_itself(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "htmx":
            found.append(f"line {node.lineno}: .htmx")
        elif isinstance(node, ast.Constant) and node.value in {
            "htmx",
            "HX-Request",
            "HX-History-Restore-Request",
            "HTTP_HX_REQUEST",
        }:
            found.append(f"line {node.lineno}: {node.value!r}")
    return found


def test_no_module_but_the_helper_asks_whether_a_request_came_from_htmx() -> None:
    offenders = {
        str(path.relative_to(ROOT)): found
        for path in _modules()
        if (found := _asks_htmx_itself(ast.parse(path.read_text(), str(path))))
    }
    assert offenders == {}


def _decorators(function: ast.FunctionDef) -> set[str]:
    names = set()
    for decorator in function.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Name):
            names.add(target.id)
        elif isinstance(target, ast.Attribute):
            names.add(target.attr)
    return names


def _calls_wants_fragment(function: ast.FunctionDef) -> bool:
    return any(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "wants_fragment"
        for node in ast.walk(function)
    )


def test_every_page_that_answers_a_get_with_a_fragment_varies_on_the_htmx_headers() -> None:
    unvaried = [
        f"{path.relative_to(ROOT)}:{function.name}"
        for path in _modules()
        for function in ast.walk(ast.parse(path.read_text()))
        if isinstance(function, ast.FunctionDef)
        and _calls_wants_fragment(function)
        and "require_GET" in _decorators(function)
        and "vary_on_htmx" not in _decorators(function)
    ]
    assert unvaried == []


def _patterns(
    resolver: URLResolver | None = None, namespace: str = ""
) -> Iterator[tuple[str, URLPattern]]:
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry, inner)
        elif entry.name:
            yield f"{namespace}{entry.name}", entry


FRAGMENT_PAGES = sorted(
    name for name, pattern in _patterns() if getattr(pattern.callback, "answers_htmx", False)
)


def test_the_pages_that_answer_htmx_are_found_from_the_urls() -> None:
    assert len(FRAGMENT_PAGES) >= 6
    assert "cooperations:list" in FRAGMENT_PAGES


# Who may open each page: the central review queue is Kemendagri's, the rest the region's.
VIEWER = {"reviews": "central_reviewer"}
KIND_OF_FILE = "cooperations.xlsx"  # any kind the worker makes


def _address(name: str, request: pytest.FixtureRequest) -> str:
    """The page's address; a page of one record gets a record of the tenant: a generated file
    asked for by the viewer, else (a panel of a cooperation's page) a cooperation."""
    (pattern,) = [entry for found, entry in _patterns() if found == name]
    if "pk" not in pattern.pattern.converters:
        return reverse(name)
    tenant = request.getfixturevalue("tenant")
    if name.startswith("downloads:"):
        viewer = request.getfixturevalue(VIEWER.get("downloads", "tenant_admin"))
        asked = request_file(tenant, by=viewer, kind=KIND_OF_FILE, params={}, language="id")
        return reverse(name, args=[asked.pk])
    return reverse(name, args=[make_cooperation(tenant).pk])


def _is_whole_page(response: HttpResponse) -> bool:
    return b"<html" in response.content


@pytest.mark.parametrize("name", FRAGMENT_PAGES)
def test_each_page_answers_htmx_with_a_fragment_and_a_history_restore_with_the_whole_page(
    name: str, request: pytest.FixtureRequest, client_as: Callable[[User], Client]
) -> None:
    as_viewer = client_as(request.getfixturevalue(VIEWER.get(name.split(":")[0], "tenant_admin")))
    url = _address(name, request)
    plain, fragment, restore = (
        as_viewer.get(url),
        as_viewer.get(url, **HTMX),
        as_viewer.get(url, **HISTORY_RESTORE),
    )
    assert [plain.status_code, fragment.status_code, restore.status_code] == [200, 200, 200]
    assert _is_whole_page(plain) and _is_whole_page(restore)
    assert not _is_whole_page(fragment)
    assert {"HX-Request", "HX-History-Restore-Request"} <= {
        header.strip() for header in fragment["Vary"].split(",")
    }


def test_an_outsider_asking_with_htmx_gets_a_fragment_without_the_other_tenants_rows(
    tenant: Tenant, tenant_admin: User, outsider: User, client_as: Callable[[User], Client]
) -> None:
    make_partner(tenant, name="Kaohsiung City Government")
    url = reverse("partners:list")
    assert b"Kaohsiung City Government" in client_as(tenant_admin).get(url, **HTMX).content
    assert b"Kaohsiung City Government" not in client_as(outsider).get(url, **HTMX).content
