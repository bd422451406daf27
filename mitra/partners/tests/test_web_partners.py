"""The partner pages: list, search, detail, and recording and editing partners."""

import pytest
from django.urls import reverse

from mitra.audit.models import AuditEntry
from mitra.partners.models import Country, Partner, Place
from mitra.regions.models import Region
from tests.factories import make_cooperation, make_partner

pytestmark = pytest.mark.django_db

LIST = reverse("partners:list")
CREATE = reverse("partners:create")


def names(response):
    return [partner.name for partner in response.context["page"].object_list]


@pytest.fixture
def partners(tenant):
    incheon = make_partner(tenant, name="Incheon Metropolitan City", aliases=["Icheon"])
    kaohsiung = make_partner(tenant, name="Kaohsiung City", country=Country.objects.get(code="TW"))
    tual = make_partner(
        tenant,
        kind=Partner.Kind.INDONESIAN_REGION,
        name="Pemerintah Kota Tual",
        country=None,
        region=Region.objects.get(code="8172"),
    )
    make_cooperation(tenant, partners=[incheon])
    make_cooperation(tenant, partners=[incheon])
    return {"incheon": incheon, "kaohsiung": kaohsiung, "tual": tual}


def test_the_list_shows_partners_with_their_cooperation_count(client_as, team_reviewer, partners):
    response = client_as(team_reviewer).get(LIST)
    assert response.status_code == 200
    counts = {p.name: p.cooperation_count for p in response.context["page"].object_list}
    assert counts == {
        "Incheon Metropolitan City": 2,
        "Kaohsiung City": 0,
        "Pemerintah Kota Tual": 0,
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "kaohsiung"}, ["Kaohsiung City"]),
        ({"q": "Icheon"}, ["Incheon Metropolitan City"]),  # by alias
        ({"kind": "indonesian_region"}, ["Pemerintah Kota Tual"]),
        ({"country": "TW"}, ["Kaohsiung City"]),
    ],
    ids=["name", "alias", "kind", "country"],
)
def test_the_list_filters_and_searches(client_as, team_reviewer, partners, params, expected):
    assert names(client_as(team_reviewer).get(LIST, params)) == expected


def test_invalid_filters_do_not_break_the_list(client_as, team_reviewer, partners):
    response = client_as(team_reviewer).get(LIST, {"kind": "nonsense", "page": "x"})
    assert response.status_code == 200
    assert len(names(response)) == 3


def test_an_htmx_request_gets_the_results_fragment(client_as, team_reviewer, partners):
    response = client_as(team_reviewer).get(LIST, {"q": "Tual"}, headers={"HX-Request": "true"})
    assert "<html" not in response.content.decode()
    assert "Pemerintah Kota Tual" in response.content.decode()


def test_the_detail_shows_country_flags_aliases_and_cooperations(
    client_as, team_reviewer, partners
):
    html = client_as(team_reviewer).get(partners["incheon"].get_absolute_url()).content.decode()
    assert "Incheon Metropolitan City" in html
    assert "Icheon" in html
    assert "Korea Selatan" in html
    assert html.count("/cooperations/") >= 2


def test_a_taiwanese_partner_shows_the_central_guidance_warning(client_as, team_reviewer, partners):
    html = client_as(team_reviewer).get(partners["kaohsiung"].get_absolute_url()).content.decode()
    assert "alert--warning" in html
    assert "badge--flag" in html


def test_an_indonesian_region_partner_shows_the_region_with_coordinates(
    client_as, team_reviewer, partners
):
    html = client_as(team_reviewer).get(partners["tual"].get_absolute_url()).content.decode()
    assert "Kota Tual" in html
    assert "-5,6347" in html or "-5.6347" in html


def test_the_map_marks_the_partners_city_and_shades_its_country(client_as, team_reviewer, tenant):
    incheon = Place.objects.filter(country_id="KR", name="Incheon").first()
    assert incheon is not None
    partner = make_partner(tenant, name="Incheon", place=incheon)
    response = client_as(team_reviewer).get(partner.get_absolute_url())
    assert response.context["map_data"] == {
        "numeric": "410",
        "lat": pytest.approx(float(incheon.latitude)),
        "lon": pytest.approx(float(incheon.longitude)),
        "label": "Incheon",
    }
    assert 'id="partner-map-data"' in response.content.decode()


def test_an_indonesian_region_is_marked_at_the_regions_centre(client_as, team_reviewer, partners):
    response = client_as(team_reviewer).get(partners["tual"].get_absolute_url())
    data = response.context["map_data"]
    assert data["label"] == "Kota Tual"
    assert data["lat"] == pytest.approx(-5.6347, abs=1e-3)


def test_a_partner_with_no_country_or_place_has_no_map(client_as, team_reviewer, tenant):
    partner = make_partner(tenant, kind=Partner.Kind.DOMESTIC_PARTY, name="PT Maju", country=None)
    response = client_as(team_reviewer).get(partner.get_absolute_url())
    assert response.context["map_data"] is None
    assert "partner-map" not in response.content.decode()


def test_the_detail_shows_the_audit_trail(client_as, team_reviewer, partners):
    html = client_as(team_reviewer).get(partners["incheon"].get_absolute_url()).content.decode()
    assert "audit-heading" in html
    assert "Icheon" in html


def test_an_officer_records_a_foreign_partner(client_as, cooperation_officer):
    place = Place.objects.filter(country_id="KR", name="Incheon").first()
    data = {
        "kind": "foreign_city_or_region",
        "name": "Incheon Metropolitan City",
        "aliases": "Icheon\nKota Incheon\n",
        "country": "KR",
        "place": place.pk if place else "",
        "website": "www.incheon.go.kr",
    }
    response = client_as(cooperation_officer).post(CREATE, data)
    partner = Partner.objects.get(name="Incheon Metropolitan City")
    assert response.status_code == 302
    assert response.url == partner.get_absolute_url()
    assert sorted(a.alias for a in partner.aliases.all()) == ["Icheon", "Kota Incheon"]
    assert partner.website == "https://www.incheon.go.kr"
    assert partner.place == place
    assert AuditEntry.objects.filter(record=f"partners.partner:{partner.pk}").exists()


def test_a_partner_recorded_from_the_cooperation_form_returns_there_chosen(
    client_as, cooperation_officer
):
    new_cooperation = reverse("cooperations:create")
    client = client_as(cooperation_officer)
    form = client.get(CREATE, {"next": new_cooperation}).content.decode()
    assert f'name="next" value="{new_cooperation}"' in form
    data = {"kind": "foreign_company", "name": "ENGIE Ineo", "country": "FR"}
    response = client.post(CREATE, {**data, "next": new_cooperation})
    partner = Partner.objects.get(name="ENGIE Ineo")
    assert response.url == f"{new_cooperation}?partner={partner.pk}"
    chosen = client.get(response.url).context["form"]["partners"].value()
    assert [str(pk) for pk in chosen] == [str(partner.pk)]


def test_a_return_address_elsewhere_is_ignored(client_as, cooperation_officer):
    data = {"kind": "foreign_company", "name": "ENGIE Ineo", "country": "FR"}
    response = client_as(cooperation_officer).post(CREATE, {**data, "next": "https://evil.test/"})
    assert response.url == Partner.objects.get(name="ENGIE Ineo").get_absolute_url()


def test_a_foreign_partner_without_a_country_is_refused_with_the_input_kept(
    client_as, cooperation_officer
):
    data = {"kind": "foreign_institution", "name": "Majelis Amanah Rakyat"}
    response = client_as(cooperation_officer).post(CREATE, data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["country"]  # beside the country
    assert 'value="Majelis Amanah Rakyat"' in response.content.decode()
    assert not Partner.objects.exists()


def test_a_duplicate_name_is_refused(client_as, cooperation_officer, partners):
    data = {"kind": "foreign_city_or_region", "name": "kaohsiung city", "country": "TW"}
    response = client_as(cooperation_officer).post(CREATE, data)
    assert response.context["form"].non_field_errors()
    assert Partner.objects.filter(name__iexact="kaohsiung city").count() == 1


def test_the_country_select_is_ordered_by_name(client_as, cooperation_officer):
    response = client_as(cooperation_officer).get(CREATE)
    labels = [label for _, label in response.context["form"].fields["country"].choices][1:]
    assert labels == sorted(labels, key=str)
    assert "Korea Selatan" in labels


def test_the_region_select_offers_provinces_regencies_and_cities_by_name(
    client_as, cooperation_officer
):
    response = client_as(cooperation_officer).get(CREATE)
    field = response.context["form"].fields["region"]
    assert field.queryset.count() == Region.objects.count()
    html = response.content.decode()
    assert "Tual (kota)" in html


def test_the_city_options_follow_the_country(client_as, cooperation_officer):
    response = client_as(cooperation_officer).get(
        reverse("partners:place_options"), {"country": "KR"}
    )
    html = response.content.decode()
    assert "Incheon" in html
    assert "Jakarta" not in html


def test_the_city_options_follow_a_prefixed_country_field(client_as, cooperation_officer):
    response = client_as(cooperation_officer).get(
        reverse("partners:place_options"), {"prefix": "partner", "partner-country": "SE"}
    )
    html = response.content.decode()
    assert "Gothenburg" in html
    assert "Incheon" not in html


def test_editing_changes_the_partner_and_its_aliases(client_as, cooperation_officer, partners):
    partner = partners["kaohsiung"]
    data = {
        "kind": "foreign_city_or_region",
        "name": "Kaohsiung City Government",
        "aliases": "Kaoshiung",
        "country": "TW",
    }
    response = client_as(cooperation_officer).post(
        reverse("partners:edit", args=[partner.pk]), data
    )
    partner.refresh_from_db()
    assert response.status_code == 302
    assert partner.name == "Kaohsiung City Government"
    assert [a.alias for a in partner.aliases.all()] == ["Kaoshiung"]


def test_a_read_only_role_gets_403_on_create_and_edit(client_as, leadership, partners):
    client = client_as(leadership)
    assert client.get(CREATE).status_code == 403
    assert client.get(reverse("partners:edit", args=[partners["tual"].pk])).status_code == 403


def test_other_tenants_partners_are_not_listed(client_as, team_reviewer, partners, other_tenant):
    make_partner(other_tenant, name="Hamamatsu City")
    assert names(client_as(team_reviewer).get(LIST, {"q": "Hamamatsu"})) == []


def test_outsider_gets_404_on_this_tenants_partner(client_as, outsider, partners):
    client = client_as(outsider)
    partner = partners["incheon"]
    assert client.get(partner.get_absolute_url()).status_code == 404
    assert client.get(reverse("partners:edit", args=[partner.pk])).status_code == 404
