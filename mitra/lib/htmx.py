"""The one place that asks whether a request came from htmx.

django-htmx's middleware puts ``request.htmx`` on every request. A view answers an htmx
request with a fragment and any other request with the whole page. A history restore
(htmx re-fetching a page it no longer has in its cache) also carries ``HX-Request``, yet
wants the whole page, so it counts as a plain request here.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import trigger_client_event
from django_htmx.middleware import HtmxDetails

__all__ = ["tell_the_page", "vary_on_htmx", "wants_fragment"]


def vary_on_htmx[View: Callable[..., object]](view: View) -> View:
    """Mark a page that answers htmx with a fragment as varying on both headers that choose.

    Otherwise a cache could hand the fragment to a plain request, or the other way round.
    """
    varied = vary_on_headers("HX-Request", "HX-History-Restore-Request")(view)
    # Kept through functools.wraps, so the tests can list every such page from the URLs.
    varied.answers_htmx = True  # type: ignore[attr-defined]
    return varied


def wants_fragment(request: HttpRequest) -> bool:
    """Whether to answer with a fragment: htmx asked, and not to restore its history."""
    htmx = getattr(request, "htmx", None)
    if not isinstance(htmx, HtmxDetails):
        return False
    return bool(htmx) and not htmx.history_restore_request


def tell_the_page(response: HttpResponse, event: str) -> HttpResponse:
    """Fire `event` on the page that asked, for parts of it that listen (`hx-trigger="event
    from:body"`) to read themselves again: the HX-Trigger header."""
    return trigger_client_event(response, event)
