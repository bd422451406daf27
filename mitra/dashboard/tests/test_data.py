"""The dashboard stays small however big the tenant: the charts and the map fetch their data
from two JSON addresses (a tenant's own facts, for its members, answered 304 when the browser
already holds them), and every list on the page shows its first rows and how many more."""

import pytest
from django.urls import reverse

from mitra.cooperations.models import Cooperation
from mitra.cooperations.services import record_past_state
from mitra.partners.models import Country, Partner, Place
from mitra.regions.models import Region
from tests import large_tenant
from tests.factories import make_cooperation, make_document, make_partner

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("dashboard:index")
CHARTS = reverse("dashboard:charts")
MAP = reverse("dashboard:map")
PAGE_LIMIT = 60 * 1024


def swedish_and_tual(tenant):
    """Two foreign cooperations with a partner in Gothenburg and one with the city of Tual."""
    sweden = Country.objects.get(code="SE")
    gothenburg = make_partner(
        tenant, country=sweden, place=Place.objects.filter(country=sweden).first()
    )
    tual = make_partner(
        tenant,
        kind=Partner.Kind.INDONESIAN_REGION,
        country=None,
        region=Region.objects.get(code="8172"),
    )
    for title in ("Kota kembar Göteborg", "Sampah Göteborg"):
        make_cooperation(tenant, title=title, partners=[gothenburg])
    make_cooperation(
        tenant, kind=Cooperation.Kind.DOMESTIC_REGION, sub_form="voluntary", partners=[tual]
    )
    ended = make_cooperation(tenant, partners=[gothenburg])
    record_past_state(ended, Cooperation.State.WITHDRAWN, by=None, note="test setup")


def test_the_charts_data_counts_live_cooperations_by_state_and_kind(
    client_as, cooperation_officer, tenant
):
    swedish_and_tual(tenant)
    data = client_as(cooperation_officer).get(CHARTS).json()
    assert data["byState"]["counts"] == [1, 2]  # preparation (KSDD), initiative (KSDPL)
    assert data["byState"]["urls"] == [
        "/cooperations/?state=preparation",
        "/cooperations/?state=initiative",
    ]
    assert data["byKind"]["labels"] == ["KSDD (1)", "KSDPL (2)"]
    assert data["byKind"]["urls"] == [
        "/cooperations/?kind=domestic_region&state=live",
        "/cooperations/?kind=foreign_region&state=live",
    ]
    assert data["text"]["cooperations"] == "Kerja sama"


def test_the_map_data_shades_partner_countries_and_marks_partner_places(
    client_as, cooperation_officer, tenant
):
    swedish_and_tual(tenant)
    data = client_as(cooperation_officer).get(MAP).json()
    (sweden,) = data["countries"]
    assert (sweden["code"], sweden["numeric"], sweden["count"]) == ("SE", "752", 3)
    assert sweden["url"] == "/cooperations/?country=SE"
    assert [place["count"] for place in data["places"]] == [3]
    (tual,) = data["regions"]
    assert tual["url"].startswith("/partners/")


@pytest.mark.parametrize("address", [CHARTS, MAP])
def test_a_second_request_with_the_etag_is_answered_304_without_a_body(
    client_as, cooperation_officer, tenant, address
):
    swedish_and_tual(tenant)
    client = client_as(cooperation_officer)
    first = client.get(address)
    assert first.status_code == 200
    assert "private" in first["Cache-Control"] and "no-cache" in first["Cache-Control"]
    again = client.get(address, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    make_cooperation(tenant, partners=[Partner.objects.filter(tenant=tenant).first()])
    changed = client.get(address, headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


@pytest.mark.parametrize("address", [CHARTS, MAP])
def test_an_outsider_gets_only_their_own_tenants_data(
    client_as, cooperation_officer, outsider, tenant, other_tenant, address
):
    swedish_and_tual(tenant)
    make_cooperation(other_tenant, title="Bandung–Incheon")  # a partner in South Korea
    ours = client_as(cooperation_officer).get(address)
    client = client_as(outsider)
    theirs = client.get(address)
    if address == MAP:
        assert [c["code"] for c in theirs.json()["countries"]] == ["KR"]
        assert theirs.json()["places"] == theirs.json()["regions"] == []
    else:
        assert theirs.json()["byState"]["counts"] == [1]
    # This tenant's ETag gets the outsider their own data, never a 304 for this tenant's.
    again = client.get(address, headers={"if-none-match": ours["ETag"]})
    assert again.status_code == 200
    assert again.content == theirs.content


@pytest.mark.parametrize("address", [CHARTS, MAP])
def test_the_data_needs_a_member_of_a_tenant(client, client_as, central_reviewer, address):
    anonymous = client.get(address)
    assert anonymous.status_code == 302
    assert anonymous.url.startswith(reverse("accounts:login"))
    assert client_as(central_reviewer).get(address).status_code == 403


def test_the_dashboard_of_a_big_city_stays_small_and_says_how_many_more(
    client_as, cooperation_officer, tenant, other_tenant, outsider
):
    large_tenant.fill(tenant, cooperation_officer)
    large_tenant.fill(other_tenant, outsider, large_tenant.Size(cooperations=30), tag="Lain")
    response = client_as(cooperation_officer).get(DASHBOARD)
    board = response.context["board"]
    assert board.live_count > 500
    for listed in (board.follow_up, board.overdue, board.expiring, board.dormant):
        assert 0 < len(listed.rows) < listed.total
    assert board.my_day.overdue.more > 0
    html = response.content.decode()
    assert len(response.content) <= PAGE_LIMIT, f"{len(response.content) // 1024} KB"
    assert reverse("dashboard:expiring") in html and board.dormant_url in html.replace("&amp;", "&")
    assert "Lain " not in html  # the other tenant's rows are never shown


def test_the_expiring_page_lists_every_expiring_document_a_page_at_a_time(
    client_as, leadership, tenant, other_tenant
):
    from datetime import timedelta

    from django.utils import timezone

    soon = timezone.localdate() + timedelta(days=20)
    for n in range(30):
        make_document(make_cooperation(tenant, title=f"Kerja sama {n}"), valid_until=soon)
    make_document(make_cooperation(other_tenant, title="Bandung lain"), valid_until=soon)
    client = client_as(leadership)
    first = client.get(reverse("dashboard:expiring"))
    assert first.context["page"].paginator.count == 30
    assert len(first.context["page"].object_list) == 25
    last = client.get(reverse("dashboard:expiring"), {"page": 2})
    assert len(last.context["page"].object_list) == 5
    assert "Bandung lain" not in first.content.decode() + last.content.decode()
