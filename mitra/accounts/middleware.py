"""The interface language: Indonesian unless the user chose English with the language switch."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers


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
