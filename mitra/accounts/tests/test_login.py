"""Logging in and out, and what a user without a regional government sees."""

import pytest
from django.urls import reverse

from tests.factories import DEMO_PASSWORD, make_cooperation

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")


def test_the_login_page_is_in_indonesian(client):
    html = client.get(LOGIN).content.decode()
    assert '<html lang="id">' in html
    assert "Masuk ke Mitra" in html
    assert 'for="id_username"' in html and 'for="id_password"' in html


def test_logging_in_leads_to_the_dashboard(client, cooperation_officer):
    response = client.post(
        LOGIN, {"username": cooperation_officer.username, "password": DEMO_PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("dashboard:index")


def test_logging_in_returns_to_the_page_asked_for(client, cooperation_officer, tenant):
    coop = make_cooperation(tenant)
    response = client.post(
        f"{LOGIN}?next={coop.get_absolute_url()}",
        {
            "username": cooperation_officer.username,
            "password": DEMO_PASSWORD,
            "next": coop.get_absolute_url(),
        },
    )
    assert response.url == coop.get_absolute_url()


def test_a_wrong_password_gets_a_clear_indonesian_error(client, cooperation_officer):
    response = client.post(LOGIN, {"username": cooperation_officer.username, "password": "x"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in html
    assert f'value="{cooperation_officer.username}"' in html  # the username is kept


def test_logging_out_needs_a_post_and_leads_back_to_login(client_as, cooperation_officer):
    client = client_as(cooperation_officer)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response.url == LOGIN
    assert client.get(reverse("cooperations:list")).status_code == 302


def test_every_page_has_a_logout_form_that_posts(client_as, cooperation_officer):
    html = client_as(cooperation_officer).get(reverse("cooperations:list")).content.decode()
    assert f'method="post" action="{reverse("accounts:logout")}"' in html


def test_the_top_bar_shows_the_tenant_and_the_role(client_as, cooperation_officer, tenant):
    html = client_as(cooperation_officer).get(reverse("cooperations:list")).content.decode()
    assert tenant.name in html
    assert "petugas kerja sama" in html.lower()  # cooperation officer, in Indonesian


def test_only_staff_see_the_admin_link(client_as, cooperation_officer):
    client = client_as(cooperation_officer)
    assert reverse("admin:index") not in client.get(reverse("cooperations:list")).content.decode()
    cooperation_officer.is_staff = True
    cooperation_officer.save(update_fields=["is_staff"])
    assert reverse("admin:index") in client.get(reverse("cooperations:list")).content.decode()


def test_a_central_reviewer_gets_the_friendly_403(client_as, central_reviewer):
    response = client_as(central_reviewer).get(reverse("cooperations:list"))
    html = response.content.decode()
    assert response.status_code == 403
    assert "Akun Anda tidak terdaftar pada pemerintah daerah" in html
    assert 'class="topbar"' in html  # the page keeps its navigation
    assert reverse("accounts:logout") in html


def test_a_central_reviewer_logging_in_lands_on_the_review_queue(client, central_reviewer):
    response = client.post(
        LOGIN, {"username": central_reviewer.username, "password": DEMO_PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("reviews:queue")


def test_a_central_reviewer_gets_the_friendly_403_on_tenant_pages(client_as, central_reviewer):
    response = client_as(central_reviewer).get(reverse("cooperations:list"))
    assert response.status_code == 403
    assert "pemerintah daerah" in response.content.decode()


def test_outsider_gets_404_on_this_tenants_cooperation(client_as, outsider, tenant):
    coop = make_cooperation(tenant)
    assert client_as(outsider).get(coop.get_absolute_url()).status_code == 404


def test_the_central_reviewer_starts_at_the_review_queue(client_as, central_reviewer):
    response = client_as(central_reviewer).get("/")
    assert response.status_code == 302
    assert response.url == "/reviews/"


def test_a_regional_officer_starts_at_the_dashboard(client_as, cooperation_officer):
    response = client_as(cooperation_officer).get("/")
    assert response.url == "/dashboard/"
