"""Switching the interface between Indonesian (the default) and English."""

import pytest
from django.urls import reverse

from tests.factories import make_cooperation

pytestmark = pytest.mark.django_db

LIST = reverse("cooperations:list")


def switch(client, language, next_url=LIST):
    return client.post(reverse("set_language"), {"language": language, "next": next_url})


def test_the_interface_is_indonesian_by_default(client_as, cooperation_officer):
    html = client_as(cooperation_officer).get(LIST).content.decode()
    assert '<html lang="id">' in html
    assert ">Kerja sama<" in html
    assert ">Mitra<" in html


def test_switching_to_english_changes_the_interface(client_as, cooperation_officer):
    client = client_as(cooperation_officer)
    response = switch(client, "en")
    assert response.status_code == 302
    assert response.url == LIST
    html = client.get(LIST).content.decode()
    assert '<html lang="en">' in html
    assert ">Cooperations<" in html
    assert ">Partners<" in html
    assert ">Kerja sama<" not in html


def test_switching_back_to_indonesian(client_as, cooperation_officer):
    client = client_as(cooperation_officer)
    switch(client, "en")
    switch(client, "id")
    assert ">Kerja sama<" in client.get(LIST).content.decode()


def test_country_names_follow_the_language(client_as, cooperation_officer, tenant):
    coop = make_cooperation(tenant)  # a partner in South Korea
    client = client_as(cooperation_officer)
    assert "Korea Selatan" in client.get(coop.get_absolute_url()).content.decode()
    switch(client, "en")
    assert "South Korea" in client.get(coop.get_absolute_url()).content.decode()


def test_the_switch_posts_with_the_current_page(client_as, cooperation_officer):
    html = client_as(cooperation_officer).get(f"{LIST}?q=Incheon").content.decode()
    assert f'action="{reverse("set_language")}"' in html
    assert 'name="next" value="/cooperations/?q=Incheon"' in html
    assert 'name="language" value="en"' in html


def test_the_login_page_can_be_switched_too(client):
    switch(client, "en", reverse("accounts:login"))
    assert "Log in to Mitra" in client.get(reverse("accounts:login")).content.decode()


def test_outsider_gets_404_in_either_language(client_as, outsider, tenant):
    coop = make_cooperation(tenant)
    client = client_as(outsider)
    assert client.get(coop.get_absolute_url()).status_code == 404
    switch(client, "en")
    assert client.get(coop.get_absolute_url()).status_code == 404


def test_a_browser_set_to_english_still_gets_indonesian(client_as, cooperation_officer):
    client = client_as(cooperation_officer)
    html = client.get(LIST, headers={"accept-language": "en-US,en;q=0.9"}).content.decode()
    assert '<html lang="id">' in html


def test_an_unknown_language_cookie_falls_back_to_indonesian(client_as, cooperation_officer):
    client = client_as(cooperation_officer)
    client.cookies["django_language"] = "xx"
    assert '<html lang="id">' in client.get(LIST).content.decode()
