"""The public portal read without logging in: what it lists, what it refuses, how it is cached."""

import re
from datetime import UTC, date, datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from mitra.cooperations.models import Cooperation, Sector
from mitra.lib.formatting import long_date, medium_date
from mitra.partners.models import Partner
from mitra.portal import services
from mitra.portal.models import Publication
from mitra.portal.stages import Stage
from mitra.regions.models import Region
from tests.factories import make_partner, make_tenant

from .conftest import MOU_SIGNED, MOU_VALID_UNTIL, publish, sister_city

pytestmark = pytest.mark.django_db

INDEX = reverse("portal:index")


def tenant_url(tenant):
    return reverse("portal:tenant", args=[tenant.slug])


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


def test_anyone_reads_the_portal_without_logging_in(client, tenant, published):
    for url in (INDEX, tenant_url(tenant), published.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "login" not in response.get("Location", "")


def test_the_index_lists_only_tenants_that_publish(client, tenant, other_tenant, published):
    html = html_of(client.get(INDEX))
    assert tenant.name in html
    assert tenant_url(tenant) in html
    assert other_tenant.name not in html


def test_the_tenant_page_shows_the_published_facts(client, tenant, published):
    html = html_of(client.get(tenant_url(tenant)))
    assert "Makassar and Incheon, sister cities" in html
    assert "Incheon Metropolitan City" in html
    assert "Korea Selatan" in html
    assert "KSDPL" in html
    with translation.override("id"):
        assert str(Stage.IN_FORCE.label) in html
        assert str(Sector.Slug.SMART_CITY.label) in html
    assert published.get_absolute_url() in html


def test_the_detail_shows_dates_of_signed_agreements_but_no_number(client, tenant, published):
    html = html_of(client.get(published.get_absolute_url()))
    with translation.override("id"):
        # the table of agreements: the compact date of tables
        assert medium_date(MOU_SIGNED) in html
        assert medium_date(MOU_VALID_UNTIL) in html
    assert "Smart city exchange between the two port cities." in html
    assert "MoU-NUMBER-1" not in html
    assert "Party Name Inside" not in html


def test_a_regions_page_tells_the_day_of_publication_in_the_regions_zone(client):
    """Published at 23.30 WIB on 6 December, which was already 01.30 WIT on the 7th in
    Jayapura: its public page says the 7th to every visitor (issue 14)."""
    jayapura = make_tenant("9171")
    publication = publish(sister_city(jayapura, title="Kota kembar Jayapura–Vanimo"))
    published_at = datetime(2026, 12, 6, 16, 30, tzinfo=UTC)
    Publication.objects.filter(pk=publication.pk).update(published_at=published_at)
    html = html_of(client.get(publication.get_absolute_url()))
    with translation.override("id"):
        assert long_date(date(2026, 12, 7)) in html
        assert long_date(date(2026, 12, 6)) not in html


def test_an_unpublished_cooperation_is_not_listed_and_its_page_is_404(client, tenant, published):
    hidden = sister_city(tenant, title="Still secret", partner=published.cooperation.partners.get())
    draft = publish(hidden, title="Draft for the public")
    services.unpublish_cooperation(draft, by=None)
    assert "Draft for the public" not in html_of(client.get(tenant_url(tenant)))
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_unpublishing_removes_it_from_the_portal_at_once(client, tenant, published):
    services.unpublish_cooperation(published, by=None)
    assert client.get(published.get_absolute_url()).status_code == 404
    assert client.get(tenant_url(tenant)).status_code == 404  # nothing left to publish
    assert tenant.name not in html_of(client.get(INDEX))


def test_another_tenants_cooperation_cannot_be_reached_through_this_slug(
    client, tenant, other_tenant, published
):
    bandung = publish(sister_city(other_tenant, title="Bandung–Hamamatsu"), title="Bandung public")
    own_page = html_of(client.get(tenant_url(tenant)))
    assert "Bandung public" not in own_page
    wrong_slug = reverse("portal:detail", args=[tenant.slug, bandung.pk])
    assert client.get(wrong_slug).status_code == 404
    assert client.get(bandung.get_absolute_url()).status_code == 200


def test_an_unknown_tenant_or_one_that_publishes_nothing_is_404(client, tenant, other_tenant):
    assert client.get(reverse("portal:tenant", args=["no-such-region"])).status_code == 404
    assert client.get(tenant_url(other_tenant)).status_code == 404
    assert client.get(reverse("portal:map_data", args=[other_tenant.slug])).status_code == 404


def test_the_list_filters_by_stage_kind_country_and_sector(client, tenant, published):
    tual = make_partner(
        tenant,
        kind=Partner.Kind.INDONESIAN_REGION,
        name="Pemerintah Kota Tual",
        country=None,
        region=Region.objects.get(code="8172"),
    )
    domestic = sister_city(
        tenant,
        title="Makassar–Tual",
        partner=tual,
        kind=Cooperation.Kind.DOMESTIC_REGION,
        sub_form=Cooperation.SubForm.VOLUNTARY,
        sectors=[Sector.Slug.INFRASTRUCTURE],
    )
    publish(domestic, title="Makassar and Tual")
    url = tenant_url(tenant)
    cases = [
        ({"stage": "exploration"}, "Makassar and Tual"),
        ({"kind": "foreign_region"}, "Makassar and Incheon, sister cities"),
        ({"country": "KR"}, "Makassar and Incheon, sister cities"),
        ({"sector": "infrastructure"}, "Makassar and Tual"),
    ]
    for params, expected in cases:
        titles = [r.title for r in client.get(url, params).context["records"]]
        assert titles == [expected], params


def test_filters_it_does_not_understand_are_ignored(client, tenant, published):
    response = client.get(tenant_url(tenant), {"stage": "nonsense", "country": "<script>"})
    assert [r.title for r in response.context["records"]] == [published.public_title]


def test_the_map_data_has_partner_countries_and_places_with_links(client, tenant, published):
    response = client.get(reverse("portal:map_data", args=[tenant.slug]))
    data = response.json()
    assert data["countries"] == [
        {
            "code": "KR",
            "numeric": "410",
            "name": "Korea Selatan",
            "count": 1,
            "url": f"{tenant_url(tenant)}?country=KR",
        }
    ]
    (marker,) = data["markers"]
    assert marker["name"] == "Incheon"
    assert marker["partners"] == ["Incheon Metropolitan City"]
    assert marker["cooperations"] == [
        {"title": published.public_title, "url": published.get_absolute_url()}
    ]
    assert round(marker["lat"]) == 37


def test_the_map_data_follows_the_filters(client, tenant, published):
    url = reverse("portal:map_data", args=[tenant.slug])
    assert client.get(url, {"stage": "ended"}).json() == {"countries": [], "markers": []}


def test_public_pages_may_be_cached_briefly_by_anyone(client, tenant, published):
    urls = [INDEX, tenant_url(tenant), published.get_absolute_url()]
    urls.append(reverse("portal:map_data", args=[tenant.slug]))
    for url in urls:
        cache_control = client.get(url)["Cache-Control"]
        assert "public" in cache_control, url
        assert "max-age=300" in cache_control, url


def test_a_signed_in_users_copy_is_not_cached_for_others(client_as, outsider, tenant, published):
    cache_control = client_as(outsider).get(tenant_url(tenant))["Cache-Control"]
    assert "private" in cache_control
    assert "public" not in cache_control


def test_public_pages_carry_no_inline_script_or_style(client, tenant, published):
    for url in (INDEX, tenant_url(tenant), published.get_absolute_url()):
        response = client.get(url)
        html = response.content.decode()
        assert "script-src 'self'" in response["Content-Security-Policy"]
        inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html)
        assert inline_scripts == [], url
        assert "<style" not in html
        assert " style=" not in html
        assert " onclick=" not in html


def test_the_public_pages_are_in_english_when_chosen(tenant, published):
    client = Client()
    client.cookies["django_language"] = "en"
    html = html_of(client.get(tenant_url(tenant)))
    assert "South Korea" in html
    assert "in force" in html


def test_the_portal_page_shows_the_tenants_introduction(client, tenant, published):
    services.save_portal_intro(tenant, by=None, intro="Kerja sama Kota Makassar untuk warga.")
    assert "Kerja sama Kota Makassar untuk warga." in html_of(client.get(tenant_url(tenant)))
