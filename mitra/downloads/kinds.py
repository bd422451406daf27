"""The files the worker knows how to build, each registered by the app that owns its data.

An app registers its kinds in its `AppConfig.ready()` (the downloads app sits below the feature
apps and imports none of them). A kind's `build` takes an `Order` (the tenant, the person, the
parameters of the request as query values) and returns the `Built` file; it reports how far it
got through `order.progress(percent)` and refuses parameters it cannot use with `CannotBuild`.
"""

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.http import QueryDict
from django.utils.functional import Promise

from mitra.tenancy.models import Tenant

Params = dict[str, list[str]]


class CannotBuild(Exception):
    """The parameters do not make a file; the message is for the person who asked."""


@dataclass(frozen=True)
class Built:
    content: bytes
    name: str
    content_type: str


@dataclass(frozen=True)
class Order:
    tenant: Tenant
    user: User
    params: Params
    progress: Callable[[int], None]

    def query(self) -> QueryDict:
        """The parameters as the request's query (what forms read)."""
        query = QueryDict(mutable=True)
        for name, values in self.params.items():
            query.setlist(name, values)
        return query


@dataclass(frozen=True)
class Kind:
    slug: str
    label: str | Promise
    build: Callable[[Order], Built]


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    if KINDS.get(kind.slug, kind) != kind:
        raise ValueError(f"two kinds of generated file are named {kind.slug}")
    KINDS[kind.slug] = kind


def kind_named(slug: str) -> Kind | None:
    return KINDS.get(slug)


def label_of(slug: str) -> str:
    kind = KINDS.get(slug)
    return str(kind.label) if kind else slug


def params_of(data: Mapping[str, Any], names: list[str]) -> Params:
    """The named, non-empty values of a query (or of a form's initial data), as lists of text."""
    params: Params = {}
    for name in names:
        if isinstance(data, QueryDict):
            values = data.getlist(name)
        else:
            value = data.get(name)
            values = [str(v) for v in value] if isinstance(value, list) else [str(value or "")]
        if any(values):
            params[name] = values
    return params


def params_key(kind: str, params: Params) -> str:
    """One short text for a kind and its parameters: equal requests have equal keys."""
    text = json.dumps([kind, params], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
