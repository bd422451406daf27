"""The interface language, the refusal of control characters in the address or a form, and
no shared caching of a response that sets a cookie."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _

from mitra.lib.text import control_character_message, has_control_character


class ChosenLanguageMiddleware:
    """Like Django's LocaleMiddleware, but a browser's Accept-Language never overrides Indonesian.

    Officials share machines and browsers set to English; the language is the one chosen with the
    switch (stored in the language cookie), otherwise LANGUAGE_CODE.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response


class NoSharedCachingOfCookies:
    """A response that sets a cookie is never publicly cacheable, whichever view made it.

    Public pages may be kept by shared caches (Cache-Control: public); if one of them ever sets a
    cookie (a session, a CSRF token, a message being cleared), a cache would hand that cookie to
    every later visitor. Placed before the session, CSRF and message middleware, so their
    cookies are seen here.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.cookies and "public" in response.get("Cache-Control", ""):
            patch_cache_control(response, private=True)
        return response


API_PREFIX = "/api/"


class RefuseControlCharactersMiddleware:
    """Answer 400 (the API: 422) when the address or a form field holds a control character.

    No person types NUL, a C0/C1 control or half a surrogate pair; an address or a parameter
    with one is a probe or a broken client. Refusing here, before any view, keeps them away from
    every database query (PostgreSQL fails on NUL) and every export (a spreadsheet cannot hold
    them), whichever view or form the request reaches. Uploaded files are not parameters: their
    bytes are the upload checks' business. The API's JSON bodies are checked by its parser.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        is_api = request.path_info.startswith(API_PREFIX)
        loc = _control_character_at(request, with_form=not is_api)
        if loc is not None:
            return control_character_response(request, loc=loc, api=is_api)
        return self.get_response(request)


# gunicorn's own limit for a request line (limit_request_line): the same answer under any server.
MAX_QUERY_LENGTH = 4094


def _control_character_at(request: HttpRequest, *, with_form: bool) -> list[str] | None:
    """Where the request holds a control character: ["path"], ["query", name] or ["form", name];
    an address longer than any server passes on counts as unreadable too (["query"])."""
    if has_control_character(request.path_info):
        return ["path"]
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        return ["query"]
    for key, values in request.GET.lists():
        if any(has_control_character(text) for text in (key, *values)):
            return ["query", key]
    if with_form and request.method == "POST":
        for key, values in request.POST.lists():
            # A NUL in a form's value reaches the form, which refuses it on the field and keeps
            # the rest of the input (Django's fields all check for it); other controls do not.
            texts = [key, *(value.replace("\x00", "") for value in values)]
            if any(has_control_character(text) for text in texts):
                return ["form", key]
    return None


def control_character_response(request: HttpRequest, *, loc: list[str], api: bool) -> HttpResponse:
    too_long = loc == ["query"]
    message = _("The address is too long.") if too_long else control_character_message()
    if api:
        error = {
            "loc": loc,
            "msg": message,
            "type": "too_long" if too_long else "control_character",
        }
        return JsonResponse({"detail": [error]}, status=422)
    return render(request, "400.html", {"message": message}, status=400)
