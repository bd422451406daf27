"""Error pages: in the user's language, without tracebacks, the 500 page without a database."""

import pytest
from django.core.exceptions import BadRequest
from django.test import RequestFactory, override_settings
from django.urls import path
from django.utils import translation

from config.urls import urlpatterns as site_urlpatterns
from mitra.accounts import views
from tests.factories import make_cooperation


def fail_badly(request):
    raise RuntimeError("secret detail that must not leak")


def ask_badly(request):
    raise BadRequest("nonsense")


urlpatterns = [
    path("boom/", fail_badly),
    path("bad/", ask_badly),
    *site_urlpatterns,
]
handler400 = "mitra.accounts.views.bad_request"
handler500 = "mitra.accounts.views.server_error"


@pytest.mark.django_db
def test_the_404_page_is_indonesian_by_default(client_as, cooperation_officer):
    response = client_as(cooperation_officer).get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in html
    assert 'class="topbar"' in html


@pytest.mark.django_db
def test_the_404_page_is_english_after_switching(client_as, cooperation_officer):
    client = client_as(cooperation_officer)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/no-such-page/").content.decode()
    assert "Page not found" in html


@pytest.mark.django_db
def test_the_404_page_works_for_anonymous_visitors(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


@pytest.mark.django_db
def test_a_read_only_role_gets_a_403_page_with_the_reason(client_as, team_reviewer):
    response = client_as(team_reviewer).get("/cooperations/new/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "Akses ditolak" in html


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_a_bad_request_gets_the_400_page(client):
    response = client.get("/bad/")
    assert response.status_code == 400
    assert "Permintaan tidak valid" in response.content.decode()


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_a_crash_gets_the_500_page_without_a_traceback(client):
    client.raise_request_exception = False
    response = client.get("/boom/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Terjadi kesalahan di pihak kami" in html
    assert "secret detail" not in html
    assert "Traceback" not in html


def test_the_500_page_renders_without_the_database(django_assert_num_queries):
    # No `db` fixture: any query would fail, and the handler must not make one.
    request = RequestFactory().get("/")
    with translation.override("id"):
        response = views.server_error(request)
    assert response.status_code == 500
    assert "Terjadi kesalahan di pihak kami" in response.content.decode()


def test_the_500_page_follows_the_active_language():
    request = RequestFactory().get("/")
    with translation.override("en"):
        response = views.server_error(request)
    assert "Something went wrong on our side" in response.content.decode()


@pytest.mark.django_db
def test_outsider_gets_the_404_page_for_this_tenants_cooperation(client_as, outsider, tenant):
    coop = make_cooperation(tenant)
    response = client_as(outsider).get(coop.get_absolute_url())
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()
