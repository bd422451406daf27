"""Mitra's REST API, `/api/v1/`: one NinjaAPI; each resource is a router in this package.

It only translates HTTP and JSON: reads go through the apps' access helpers, input through the
web's forms, and writes through their services, with the same guards and audit rows as the web.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import NinjaAPI

from mitra.api import (
    activities,
    cooperations,
    documents,
    errors,
    events,
    partners,
    reports,
    tasks,
    typed_text,
)
from mitra.api.auth import SessionAuth, TokenAuth
from mitra.api.docs import LocalSwagger
from mitra.api.parser import TextParser

DESCRIPTION = """
The REST API of Mitra, the regional cooperation information system.

**Authentication.** Machine clients send a personal API token, made on the *API tokens* page:
`Authorization: Bearer <token>`. A browser signed in to Mitra uses its session; unsafe
requests then need the `X-CSRFToken` header. Every request acts for the caller's regional
government and role, as on the web pages.

**Errors** are JSON: `{"detail": "..."}`; when Mitra's rules refuse a request (409) also
`"problems"`, every unmet requirement; input that does not validate gets 422 with one entry per
problem in `detail`: `{"loc": [...], "msg": "...", "type": "..."}`. Messages are in Indonesian,
or in English with `Accept-Language: en`. Another government's records answer 404.

**Updates** (PATCH) change only the fields given and answer with the record and `saved`: false
when every value given was the stored one, so nothing was saved; `message` says it in words.

**Lists** are paginated: `?page=1&page_size=25` (at most 100); the answer has `items` and `count`.
"""


class MitraAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        return typed_text.complete(super().get_openapi_schema(**kwargs))

    def create_response(self, request: HttpRequest, data: Any, **kwargs: Any) -> HttpResponse:
        response = super().create_response(request, data, **kwargs)
        response["Content-Language"] = translation.get_language() or ""
        return response


api = MitraAPI(
    title="Mitra API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    auth=[TokenAuth(), SessionAuth()],
    docs=LocalSwagger(),
    parser=TextParser(),
)
errors.install(api)
for module in (partners, cooperations, documents, activities, tasks, events, reports):
    api.add_router("", module.router)
