"""What a shared cache may keep: public pages carry no cookie and no CSRF token, and any anonymous
page that does (the login page) is never publicly cacheable.

Every URL pattern of the project is walked as an anonymous visitor, so a page added later is
checked too.
"""

import re
from collections.abc import Iterator

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .conftest import publish, sister_city

pytestmark = pytest.mark.django_db

PUBLIC_PREFIX = "/public/"
ARGUMENT = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def routes(
    patterns: list[URLPattern | URLResolver] | None = None, prefix: str = ""
) -> Iterator[str]:
    """Every URL pattern of the project as a route string ("public/<slug:slug>/")."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            yield from routes(entry.url_patterns, prefix + str(entry.pattern))
        else:
            yield prefix + str(entry.pattern)


def fill(route: str, values: dict[str, str]) -> str | None:
    """The route with real values for its arguments; None for a regular expression route."""
    if route.startswith("^") or "(?P" in route:
        return None

    def value(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in values:
            raise AssertionError(f"No test value for <{name}> in {route!r}: add one to the test.")
        return values[name]

    return "/" + ARGUMENT.sub(value, route)


@pytest.fixture
def values(tenant):
    """A real value for each argument name the project's URLs use, from published records."""
    coop = sister_city(tenant)
    publication = publish(coop)
    number = str(publication.pk)
    words = {"slug": tenant.slug, "token": "not-a-token", "month": "2026-01", "action": "x"}
    names = {name for route in routes() for name in (m["name"] for m in ARGUMENT.finditer(route))}
    return {name: words.get(name, number) for name in names}


def anonymous_urls(values):
    urls = [fill(route, values) for route in routes()]
    return sorted({url for url in urls if url is not None})


def test_the_walk_finds_every_public_page(values):
    public = [url for url in anonymous_urls(values) if url.startswith(PUBLIC_PREFIX)]
    assert PUBLIC_PREFIX in public
    assert f"{PUBLIC_PREFIX}{values['slug']}/" in public
    assert f"{PUBLIC_PREFIX}{values['slug']}/{values['pk']}/" in public
    assert len(public) >= 7  # the portal's pages and the officers' pages behind them


def test_public_pages_set_no_cookie_and_carry_no_csrf_token(values):
    checked = 0
    for url in anonymous_urls(values):
        if not url.startswith(PUBLIC_PREFIX):
            continue
        response = Client().get(url)
        assert response.status_code < 500, url
        assert not response.cookies, f"{url} sets {list(response.cookies)}"
        assert "Set-Cookie" not in response.headers, url
        assert b"csrfmiddlewaretoken" not in response.content, url
        assert b"X-CSRFToken" not in response.content, url
        if "public" in response.get("Cache-Control", ""):
            # The page differs by the language cookie and by who is signed in.
            assert "Cookie" in response.get("Vary", ""), url
            checked += 1
    assert checked >= 4  # the index, a tenant's page, its map data and a cooperation


def test_no_anonymous_page_with_a_cookie_or_a_token_is_publicly_cacheable(values):
    checked = 0
    for url in anonymous_urls(values):
        response = Client().get(url)
        assert response.status_code < 500, url
        personal = bool(response.cookies) or b"csrfmiddlewaretoken" in response.content
        if personal:
            cache_control = response.get("Cache-Control", "")
            assert "public" not in cache_control, url
            assert "private" in cache_control or "no-store" in cache_control, url
            checked += 1
    assert checked >= 2  # at least the login page and the admin's login page


def test_the_login_page_is_never_kept_by_a_cache(client):
    for url in (reverse("accounts:login"), reverse("admin:login")):
        response = client.get(url)
        cache_control = response["Cache-Control"]
        assert "public" not in cache_control, url
        assert "no-store" in cache_control and "private" in cache_control, url
        assert b"csrfmiddlewaretoken" in response.content  # its form is protected


def test_a_signed_in_users_public_page_is_private(client_as, outsider, values):
    response = client_as(outsider).get(f"{PUBLIC_PREFIX}{values['slug']}/")
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_the_language_switch_works_on_a_public_page_without_a_token(values):
    client = Client(enforce_csrf_checks=True)
    page = f"{PUBLIC_PREFIX}{values['slug']}/"
    html = client.get(page).content.decode()
    assert f'action="{reverse("set_language")}"' in html
    assert "csrfmiddlewaretoken" not in html
    response = client.post(reverse("set_language"), {"language": "en", "next": page})
    assert response.status_code == 302
    assert response.url == page
    assert response.cookies["django_language"].value == "en"
    assert '<html lang="en">' in client.get(page).content.decode()


def test_the_language_switch_refuses_to_send_visitors_elsewhere():
    response = Client().post(
        reverse("set_language"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response.url == "/"


def test_an_outsider_cannot_read_another_tenants_unpublished_cooperation(
    client_as, outsider, tenant
):
    hidden = sister_city(tenant, title="Not for the public")
    url = reverse("portal:detail", args=[tenant.slug, hidden.pk])
    assert client_as(outsider).get(url).status_code == 404
    assert Client().get(url).status_code == 404


def a_pending_message_cookie():
    """The cookie Django's messages leave in a browser until a page shows them."""
    storage = CookieStorage(RequestFactory().get("/"))
    storage.add(20, "A message for this visitor only")
    response = HttpResponse()
    storage.update(response)
    return response.cookies[storage.cookie_name].value


def test_a_public_page_that_clears_a_cookie_is_not_publicly_cacheable(values):
    """Whichever middleware sets a cookie, the response stops being public."""
    client = Client()
    client.cookies["messages"] = a_pending_message_cookie()
    response = client.get(f"{PUBLIC_PREFIX}{values['slug']}/")
    assert response.status_code == 200
    assert "messages" in response.cookies  # shown, so cleared
    assert "public" not in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    again = client.get(f"{PUBLIC_PREFIX}{values['slug']}/")
    assert not again.cookies
    assert "public" in again["Cache-Control"]
