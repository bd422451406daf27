"""Shared fixtures: two tenants, one persona per role, an outsider, and a client per user."""

import gc
import os
import shutil
from collections.abc import Callable, Iterator
from copy import copy
from importlib import import_module
from pathlib import Path
from typing import Any

import django.test.client
import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, load_backend
from django.contrib.auth.models import User
from django.test import Client, override_settings
from django.test.utils import ContextList
from django.utils import translation

from mitra.tenancy.models import Membership, Tenant
from tests import reference_guard
from tests.factories import make_tenant, make_user

# Playwright's sync API runs an event loop in the test thread; Django must still allow the ORM.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, object]) -> dict[str, object]:
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        "args": CHROMIUM_ARGS,
    }


CHECKOUT_MEDIA = Path(__file__).resolve().parent / "media"


def _checkout_media_files() -> set[Path]:
    return {path for path in CHECKOUT_MEDIA.rglob("*") if path.is_file()}


def pytest_collection_finish(session: pytest.Session) -> None:
    """What exists once the tests are collected (Django, the libraries, the test modules,
    schemathesis's cases) lives as long as the process: frozen out of the cycle collector's full
    passes, which walked it again and again (see GC_THRESHOLDS in config/settings_test.py)."""
    gc.collect()
    gc.freeze()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The long tests (marked `long`: the browser walks, the hostile crawls, the fuzzing) run
    first, in their collected order: with one process per core, the other process fills in
    around them, instead of one of them starting when everything else is done."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)


EMBEDDED = "embedded"


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """With `-m embedded` alone (the SQLite stage of scripts/test.sh), a test module that never
    names the marker holds no embedded test: it is not imported at all. Collecting the whole
    suite only to deselect it cost that stage a third of its time (the API fuzzing alone builds
    its two thousand boundary cases when collected). The marker is applied in the modules
    themselves (`pytestmark`), never from a conftest; tests/test_embedded_marker.py checks both."""
    if config.option.markexpr != EMBEDDED or collection_path.suffix != ".py":
        return None
    if not collection_path.name.startswith("test_"):
        return None
    return EMBEDDED not in collection_path.read_text(encoding="utf-8")


def pytest_sessionstart(session: pytest.Session) -> None:
    session.stash[_CHECKOUT_MEDIA_KEY] = _checkout_media_files()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A run that wrote into the checkout's media/ fails, whichever fixture or test wrote it."""
    written = _checkout_media_files() - session.stash.get(_CHECKOUT_MEDIA_KEY, set())
    if written:
        names = ", ".join(sorted(str(path.relative_to(CHECKOUT_MEDIA)) for path in written))
        writer = session.config.get_terminal_writer()
        writer.line()
        writer.line(f"ERROR: the tests wrote into the checkout's media/ folder: {names}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


_CHECKOUT_MEDIA_KEY = pytest.StashKey[set[Path]]()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """The test database as pytest-django makes it, with the reference data kept through the
    flushes of transactional tests (tests/reference_guard.py)."""
    with django_db_blocker.unblock():
        reference_guard.install()
    reference_guard.enable()


@pytest.fixture(scope="session", autouse=True)
def _session_media_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Files written by fixtures broader than one test (a class's or a module's demo) go to a
    temporary folder of the session, never to the checkout's media/. Session-scoped and autouse,
    so it is in place before any class- or module-scoped fixture runs."""
    folder = tmp_path_factory.mktemp("session-media")
    with override_settings(MEDIA_ROOT=folder):
        yield folder


@pytest.fixture(autouse=True)
def _media_root(settings: Any, tmp_path: Path, _session_media_root: Path) -> None:
    """Uploaded files of each test go to its own temporary folder, removed by pytest. The files
    that broader fixtures wrote are linked into it first, so the test can still read them."""
    media = tmp_path / "media"
    shutil.copytree(_session_media_root, media, copy_function=os.link)
    settings.MEDIA_ROOT = media


def _store_the_page_context(
    store: dict[str, Any], signal: Any, sender: Any, template: Any, context: Any, **kwargs: Any
) -> None:
    """The test client's record of a response's templates, keeping a copy of the page's own
    context (the first template rendered: the view's) rather than of every template and include
    rendered. Django copies the context for each one so that `response.context` holds them all;
    a page renders dozens of includes, and the copies cost about a sixth of the client tests'
    time. The view's context is what tests read; every template's name is still listed."""
    store.setdefault("templates", []).append(template)
    if "context" not in store:
        store["context"] = ContextList([copy(context)])


@pytest.fixture(scope="session", autouse=True)
def _client_keeps_the_page_context() -> Iterator[None]:
    kept = django.test.client.store_rendered_templates
    django.test.client.store_rendered_templates = _store_the_page_context
    yield
    django.test.client.store_rendered_templates = kept


@pytest.fixture(autouse=True)
def _site_language() -> None:
    """Every test starts in the site's language (LANGUAGE_CODE). The language middleware
    activates each request's own language in the thread and leaves it there, so a request made
    with the English cookie or Accept-Language left the test thread, and the next tests of the
    same process, in English: a service's refusal then came out in English."""
    translation.deactivate()


@pytest.fixture
def english() -> Iterator[None]:
    """Messages in English, for tests that read a refusal's words."""
    with translation.override("en"):
        yield


@pytest.fixture
def tenant(db: None) -> Tenant:
    """Kota Makassar."""
    return make_tenant("7371")


@pytest.fixture
def other_tenant(db: None) -> Tenant:
    """Kota Bandung: the tenant whose data the personas must never see."""
    return make_tenant("3273")


@pytest.fixture
def tenant_admin(tenant: Tenant) -> User:
    return make_user(tenant, Membership.Role.TENANT_ADMIN)


@pytest.fixture
def cooperation_officer(tenant: Tenant) -> User:
    return make_user(tenant, Membership.Role.COOPERATION_OFFICER)


@pytest.fixture
def agency_officer(tenant: Tenant) -> User:
    return make_user(tenant, Membership.Role.AGENCY_OFFICER)


@pytest.fixture
def team_reviewer(tenant: Tenant) -> User:
    return make_user(tenant, Membership.Role.TEAM_REVIEWER)


@pytest.fixture
def leadership(tenant: Tenant) -> User:
    return make_user(tenant, Membership.Role.LEADERSHIP)


@pytest.fixture
def central_reviewer(db: None) -> User:
    return make_user(None, Membership.Role.CENTRAL_REVIEWER)


@pytest.fixture
def outsider(other_tenant: Tenant) -> User:
    """A cooperation officer of the other tenant."""
    return make_user(other_tenant, Membership.Role.COOPERATION_OFFICER)


def logged_in_client(user: User) -> Client:
    """A test client signed in as `user`: the session Django's `login()` leaves, written
    directly. `Client.force_login` goes through `login()` itself, whose signal has django-axes
    write an access log and Django stamp the user's last login, and which makes and drops a
    session first: 17 queries a client, where this takes 2. The tests of signing in itself go
    through the login page (mitra/accounts/tests); a client made here is refused exactly as one
    made by `force_login` would be when its user is deactivated or changes password (the session
    holds the same keys, the password's hash among them)."""
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = SIGN_IN_BACKEND
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return client


# The backend `Client.force_login` names in the session: the first that can load a user.
SIGN_IN_BACKEND = next(
    path for path in settings.AUTHENTICATION_BACKENDS if hasattr(load_backend(path), "get_user")
)


@pytest.fixture
def client_as(db: None) -> Callable[[User], Client]:
    return logged_in_client


@pytest.fixture
def production_time_zone(settings: Any) -> None:
    """The installation's zone as production has it by default (Asia/Jakarta, WIB), for tests of
    what is told in the installation's zone: the test settings use Makassar's (see there)."""
    settings.TIME_ZONE = "Asia/Jakarta"
