"""The hostile-input crawler's parts: hostile values, the site's addresses, its forms, and a
fingerprint of one tenant's rows to prove nothing of theirs changed.

Everything is derandomised: the values are fixed lists and a round takes the value at its index,
so a failure reproduces with the same request.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import product
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.template import Context
from django.template.base import Template
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

from mitra.tenancy.models import Tenant

HUGE = "Ab" * 50_000
TEXTS = [
    HUGE,
    "",
    "مرحبا \u202egnp.exe 🙂 e\u0301 漢字",
    "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>",
    "a\x00b",
    "a\x0bb\x1bc\x7f\x85",
    '=HYPERLINK("http://x/?"&A1,"Klik")',
    "   ",
]
DATES = [
    "0001-01-01",
    "9999-12-31",
    "2025-02-30",
    "bukan tanggal",
    "",
    "1899-12-31",
    "\x00",
    "2100-12-31",
]
MONTHS = ["9999-12", "0001-01", "2025-13", "", "x", "2025-00", "\x00", "2100-12"]
NUMBERS = ["-1", "99999999999999999999999", "1e309", "NaN", "", "0", "-99999999999", "1.5"]
ROUNDS = len(TEXTS)

# Parameters the pages read from the address, with hostile values: far and broken dates,
# huge numbers, markup and another site as `next`.
HOSTILE_QUERIES = [
    {
        "month": "9999-12",
        "year": "99999",
        "quarter": "9",
        "period": "custom",
        "start": "0001-01-01",
        "end": "9999-12-31",
        "page": "99999999999999999999",
        "page_size": "-1",
    },
    {
        "month": "0000-00",
        "year": "-1",
        "start": "9999-12-31",
        "end": "0001-01-01",
        "page": "-1",
        "q": HUGE,
        "sort": "<script>",
        "kind": "'; DROP TABLE x; --",
        "state": "x" * 300,
        "country": "ZZZ",
        "partner": ["-1", "99999999999999999999"],
        "document": "abc",
        "board": "../../etc/passwd",
        "next": "//evil.example/",
        "cooperation": "1e9",
        "assignee": "-5",
    },
]


@dataclass
class Form:
    action: str
    method: str
    enctype: str
    fields: list[dict[str, Any]] = field(default_factory=list)


class PageParser(HTMLParser):
    """The links and forms of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._select: dict[str, Any] | None = None
        self._textarea: dict[str, Any] | None = None
        # Fields that name their form (HTML's `form` attribute) belong to it wherever they
        # sit, even before it: by the form's id, the forms seen and the fields still waiting.
        self._by_id: dict[str, Form] = {}
        self._waiting: dict[str, list[dict[str, Any]]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self._open_form(a)
        elif tag == "input" and a.get("name"):
            self._add(a, {"kind": a.get("type", "text").lower(), **a})
        elif tag == "button" and a.get("name"):
            self._add(a, {"kind": "submit", **a})
        elif tag == "textarea" and a.get("name"):
            self._textarea = self._add(a, {"kind": "textarea", "value": "", **a})
        elif tag == "select" and a.get("name"):
            self._select = self._add(a, {"kind": "select", "options": [], **a})
        elif tag == "option" and self._select is not None:
            self._select["options"].append(a.get("value", ""))

    def _open_form(self, a: dict[str, str]) -> None:
        method = (a.get("method") or "get").lower()
        form = Form(a.get("action", ""), method, a.get("enctype", ""))
        self.forms.append(form)
        if a.get("id"):
            self._by_id[a["id"]] = form
            form.fields.extend(self._waiting.pop(a["id"], []))

    def _add(self, a: dict[str, str], found: dict[str, Any]) -> dict[str, Any] | None:
        """Give a field to its form: the one it names, else the last one opened."""
        owner = a.get("form")
        if owner and owner in self._by_id:
            self._by_id[owner].fields.append(found)
        elif owner:
            self._waiting.setdefault(owner, []).append(found)
        elif self.forms:
            self.forms[-1].fields.append(found)
        else:
            return None
        return found

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea["value"] += data


def parse(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    return parser


def _value(kind: str, round_: int, options: list[str], other_ids: list[str]) -> Any:
    """The hostile value of one field in one round."""
    if kind in ("date", "datetime-local"):
        return DATES[round_]
    if kind == "month":
        return MONTHS[round_]
    if kind in ("number", "range"):
        return NUMBERS[round_]
    if kind == "select":
        real = [o for o in options if o]
        choices = [*(real[:1] or [""]), *other_ids[:3], "-1", "99999999999999999999", "\x00", ""]
        return choices[round_ % len(choices)]
    return TEXTS[round_]


def hostile_data(form: Form, round_: int, other_ids: list[str]) -> dict[str, Any]:
    """The form's fields filled for one round: hidden values kept, the rest hostile."""
    data: dict[str, Any] = {}
    for f in form.fields:
        name, kind = f["name"], f["kind"]
        if kind == "hidden" or kind == "submit":
            data.setdefault(name, f.get("value", ""))
        elif kind in ("checkbox", "radio"):
            if round_ % 2 == 0 or kind == "radio":
                data.setdefault(name, f.get("value", "on"))
        elif kind == "file":
            continue  # the upload checks have their own enumeration (mitra.lib files)
        else:
            data[name] = _value(kind, round_, f.get("options", []), other_ids)
    return data


def _walk(
    resolver: URLResolver, prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str, URLPattern]]:
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from _walk(pattern, prefix + str(pattern.pattern), inner)
        else:
            yield prefix + str(pattern.pattern), namespace + (pattern.name or ""), pattern


def url_patterns() -> list[tuple[str, str, URLPattern]]:
    """(route, name, pattern) of every address of the project."""
    return list(_walk(get_resolver()))


def fill(route: str, values: dict[str, list[str]]) -> list[str]:
    """Every address of a route with its <kwargs> taken from `values` (by converter:name)."""
    holes = re.findall(r"<(?:(\w+):)?(\w+)>", route)
    if not holes:
        return ["/" + route.replace("^", "").replace("$", "")]
    choices = [values.get(name) or values.get(conv or "str") or ["1"] for conv, name in holes]
    urls = []
    for combo in product(*choices):
        url = route
        for (conv, name), value in zip(holes, combo, strict=True):
            url = url.replace(f"<{conv}:{name}>" if conv else f"<{name}>", value, 1)
        urls.append("/" + url)
    return urls


def pattern_name(url: str) -> str | None:
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return None
    return match.view_name


def local(url: str, base: str) -> str | None:
    """The path and query of an address within the site, relative to `base`; None if elsewhere."""
    if not url or url.startswith(("#", "mailto:", "javascript:", "tel:")):
        return None
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = parts.path or urlsplit(base).path
    if not path.startswith("/"):
        path = urlsplit(base).path.rsplit("/", 1)[0] + "/" + path
    return path + (f"?{parts.query}" if parts.query else "")


def with_query(url: str, query: dict[str, Any]) -> str:
    joiner = "&" if "?" in url else "?"
    return url + joiner + urlencode(query, doseq=True)


def _tenant_filter(model: type[models.Model], tenant: Tenant) -> Q | None:
    """Rows of `model` that are the tenant's or point at the tenant's (one step away)."""
    found = Q()
    any_ = False
    for f in model._meta.get_fields():
        if not (f.many_to_one or f.one_to_one) or not f.concrete:
            continue
        target = f.related_model
        if target is Tenant:
            found |= Q(**{f.name: tenant})
            any_ = True
            continue
        try:
            target._meta.get_field("tenant")
        except FieldDoesNotExist:
            continue
        found |= Q(**{f"{f.name}__tenant": tenant})
        any_ = True
    return found if any_ else None


def fingerprint(tenant: Tenant) -> dict[str, list[tuple[Any, ...]]]:
    """Every row that is the tenant's, or links to theirs, with all its values."""
    result: dict[str, list[tuple[Any, ...]]] = {}
    for model in apps.get_models(include_auto_created=True):
        if not model.__module__.startswith("mitra.") and not model._meta.auto_created:
            continue
        where = _tenant_filter(model, tenant)
        if where is None:
            continue
        names = [f.attname for f in model._meta.concrete_fields]
        rows = model._default_manager.filter(where).order_by("pk").values_list(*names)
        result[model._meta.label] = [tuple(map(repr, row)) for row in rows]
    return result


def changes(before: dict[str, list[Any]], after: dict[str, list[Any]]) -> list[str]:
    return [
        f"{label}: {len(before.get(label, []))} rows before, {len(rows)} after (or values changed)"
        for label, rows in after.items()
        if rows != before.get(label, [])
    ]


TRACEBACK_MARKERS = ("Traceback (most recent call last)", 'File "/', "django/core/handlers")


@dataclass
class Findings:
    """Every server error, traceback and crash, with the request that caused it."""

    problems: list[str] = field(default_factory=list)
    requests: int = 0

    def request(self, client: Client, method: str, url: str, **kwargs: Any) -> Any:
        self.requests += 1
        try:
            response = getattr(client, method)(url, **kwargs)
        except Exception as exc:
            self.problems.append(
                f"{method.upper()} {url[:200]}: {type(exc).__name__}: {exc!s:.300}"
            )
            return None
        if response.status_code >= 500:
            self.problems.append(f"{method.upper()} {url[:200]}: {response.status_code}")
        body = b"" if response.streaming else response.content
        if any(marker.encode() in body for marker in TRACEBACK_MARKERS):
            self.problems.append(f"{method.upper()} {url[:200]}: traceback in the response")
        return response

    def report(self) -> str:
        shown = "\n".join(sorted(set(self.problems))[:80])
        return f"{len(self.problems)} problems in {self.requests} requests:\n{shown}"


def _plain_render(self: Template, context: Context) -> str:
    return self.nodelist.render(context)


@contextmanager
def plain_template_rendering() -> Iterator[None]:
    """Templates render as in production, without the test environment's instrumentation, which
    sends a signal and copies the whole context for every template and include rendered so that
    a test can read `response.context`: a third of the crawl's time. The crawl reads only HTML."""
    instrumented = Template._render
    Template._render = _plain_render
    try:
        yield
    finally:
        Template._render = instrumented
