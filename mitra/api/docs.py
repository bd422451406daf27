"""The interactive API documentation, served from Mitra itself under the strict CSP.

Swagger UI's files come with django-ninja (`ninja/static/ninja/`); the settings go to the page
as JSON data and `static/js/api-docs.js` starts the viewer, so the page has no inline script.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from ninja import NinjaAPI
from ninja.openapi.docs import Swagger


class LocalSwagger(Swagger):
    template = "api/docs.html"

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        settings = {**self.settings, "url": self.get_openapi_url(api, kwargs)}
        response = render(request, self.template, {"api": api, "swagger_settings": settings})
        # A signed-in user's page carries their CSRF token: no shared cache may keep it.
        patch_cache_control(response, private=True)
        return response
