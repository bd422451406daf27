"""A control character in the address, a query or a form field is refused before any view runs."""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from mitra.api import services as api_services
from mitra.lib.text import has_control_character
from mitra.partners.models import Partner
from mitra.tenancy.models import Tenant
from tests.factories import make_partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_as() -> Callable[[User], Client]:
    def client(user: User) -> Client:
        membership = user.memberships.get()
        _token, raw = api_services.create_token(user, name="t", membership=membership, by=user)
        return Client(headers={"Authorization": f"Bearer {raw}"})

    return client


REFUSED = ["\x00", "\x01", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9f", "\ud800"]
ALLOWED = ["\t", "\n", "\r", "é", "ñ", "\u200f", "🙂", "a\u0301", "‮"]


@pytest.mark.parametrize("char", REFUSED, ids=repr)
def test_a_control_character_is_recognised(char: str) -> None:
    assert has_control_character(f"Kota{char}Bandung")


@pytest.mark.parametrize("char", ALLOWED, ids=repr)
def test_whitespace_and_other_scripts_are_text(char: str) -> None:
    assert not has_control_character(f"Kota{char}Bandung")


def test_a_nul_in_a_calendar_feed_address_is_a_400_page_without_signing_in() -> None:
    response = Client().get("/events/feed/%00.ics")
    assert response.status_code == 400
    assert "karakter kendali" in response.content.decode()


def test_a_nul_in_a_query_parameter_is_a_400_page(
    client_as: Callable[[User], Client], cooperation_officer: User
) -> None:
    response = client_as(cooperation_officer).get("/partners/places/?country=%00")
    assert response.status_code == 400
    assert "karakter kendali" in response.content.decode()


@pytest.mark.parametrize("char", REFUSED[1:-1], ids=repr)
def test_a_partner_form_with_a_control_character_stores_nothing(
    client_as: Callable[[User], Client], cooperation_officer: User, tenant: Tenant, char: str
) -> None:
    response = client_as(cooperation_officer).post(
        "/partners/new/",
        {"kind": Partner.Kind.FOREIGN_CITY_OR_REGION, "name": "Busan", "country": f"KR{char}"},
    )
    assert response.status_code == 400
    assert not Partner.objects.filter(tenant=tenant).exists()


def test_a_nul_in_a_form_field_is_the_form_s_error_and_the_input_stays(
    client_as: Callable[[User], Client], cooperation_officer: User, tenant: Tenant
) -> None:
    response = client_as(cooperation_officer).post(
        "/partners/new/",
        {"kind": Partner.Kind.FOREIGN_CITY_OR_REGION, "name": "Busan", "country": "KR\x00"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["country"]
    assert "Busan" in response.content.decode()
    assert not Partner.objects.filter(tenant=tenant).exists()


def test_a_control_character_in_a_parameter_name_is_refused_too(
    client_as: Callable[[User], Client], cooperation_officer: User
) -> None:
    assert client_as(cooperation_officer).get("/partners/?a%0Bb=1").status_code == 400


def test_the_bytes_of_an_uploaded_file_are_not_a_parameter(
    client_as: Callable[[User], Client], cooperation_officer: User
) -> None:
    upload = SimpleUploadedFile("scan.pdf", b"%PDF-1.4\x00\x01\x0b binary", "application/pdf")
    response = client_as(cooperation_officer).post("/partners/new/", {"file": upload})
    assert response.status_code == 200  # the form again, asking for the missing fields


def test_the_api_answers_422_with_where_and_why(
    api_as: Callable[[User], Client], cooperation_officer: User, tenant: Tenant
) -> None:
    partner = make_partner(tenant, name="Busan")
    response = api_as(cooperation_officer).patch(
        f"/api/v1/partners/{partner.pk}",
        {"notes": "line\x0bbreak"},
        content_type="application/json",
    )
    assert response.status_code == 422
    error = response.json()["detail"][0]
    assert error["loc"] == ["body", "notes"] and error["type"] == "control_character"
    partner.refresh_from_db()
    assert partner.notes == ""


def test_the_api_refuses_a_lone_surrogate_in_json(
    api_as: Callable[[User], Client], cooperation_officer: User, tenant: Tenant
) -> None:
    partner = make_partner(tenant, name="Busan")
    response = api_as(cooperation_officer).patch(
        f"/api/v1/partners/{partner.pk}",
        b'{"name": "Busan\\ud800"}',
        content_type="application/json",
    )
    assert response.status_code == 422
    partner.refresh_from_db()
    assert partner.name == "Busan"


def test_the_api_refuses_a_control_character_in_the_query(
    api_as: Callable[[User], Client], cooperation_officer: User
) -> None:
    response = api_as(cooperation_officer).get("/api/v1/partners?country=%01")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "country"]


def test_an_address_longer_than_any_server_passes_on_is_a_400_page(
    client_as: Callable[[User], Client], tenant_admin: User
) -> None:
    response = client_as(tenant_admin).get("/admin/auth/user/", {"q": "Ab" * 50_000})
    assert response.status_code == 400
