"""The public pages read a fixed number of queries however many cooperations are published."""

import pytest
from django.urls import reverse

from mitra.cooperations.models import Cooperation, Sector
from mitra.partners.models import Partner, Place
from mitra.regions.models import Region
from tests.factories import make_partner

from .conftest import publish, signed_mou, sister_city

pytestmark = pytest.mark.django_db

MAX_QUERIES = 7  # tenant, publishes?, publications, partners, sectors, agreements, intro
# The tenant page counts, offers and pages in the database what it used to work out from every
# record: tenant, publishes?, count by state, countries, sectors, count of those the filters
# leave, the page's publications, partners, sectors, agreements, intro.
TENANT_PAGE_QUERIES = 11


def publish_many(tenant, count):
    region = Region.objects.get(code="8172")
    places = Place.objects.filter(country="KR").order_by("pk")[:count]
    for index, place in enumerate(places):
        foreign = make_partner(tenant, name=f"Foreign partner {index}", place=place)
        domestic = make_partner(
            tenant,
            kind=Partner.Kind.INDONESIAN_REGION,
            name=f"Domestic partner {index}",
            country=None,
            region=region,
        )
        coop = sister_city(
            tenant,
            title=f"Cooperation {index}",
            partner=foreign,
            state=Cooperation.State.IMPLEMENTATION,
            sectors=[Sector.Slug.TOURISM, Sector.Slug.CULTURE],
        )
        coop.partners.add(domestic, through_defaults={"tenant": tenant})
        signed_mou(coop)
        publish(coop, title=f"Public cooperation {index:02}")


@pytest.mark.parametrize("count", [5, 50])
def test_the_tenant_page_reads_a_bounded_number_of_queries(
    client, tenant, count, django_assert_max_num_queries
):
    publish_many(tenant, count)
    with django_assert_max_num_queries(TENANT_PAGE_QUERIES):
        response = client.get(reverse("portal:tenant", args=[tenant.slug]))
    assert len(response.context["records"]) == count
    assert "Domestic partner 0" in response.content.decode()


@pytest.mark.parametrize("count", [5, 60])
def test_a_filtered_tenant_page_reads_a_bounded_number_of_queries(
    client, tenant, count, django_assert_max_num_queries
):
    publish_many(tenant, count)
    query = {"country": "KR", "sector": Sector.Slug.TOURISM, "stage": "in_force", "page": "2"}
    with django_assert_max_num_queries(TENANT_PAGE_QUERIES):
        response = client.get(reverse("portal:tenant", args=[tenant.slug]), query)
    assert response.context["matching"] == count
    assert len(response.context["records"]) == (10 if count == 60 else count)


@pytest.mark.parametrize("count", [5, 50])
def test_the_map_data_reads_a_bounded_number_of_queries(
    client, tenant, count, django_assert_max_num_queries
):
    publish_many(tenant, count)
    with django_assert_max_num_queries(MAX_QUERIES):
        data = client.get(reverse("portal:map_data", args=[tenant.slug])).json()
    tual = next(m for m in data["markers"] if m["name"] == "Kota Tual")
    assert len(tual["cooperations"]) == len(tual["partners"]) == count
    assert len(data["markers"]) == count + 1  # each Korean city, and Tual


@pytest.mark.parametrize("count", [5, 50])
def test_the_index_reads_a_bounded_number_of_queries(
    client, tenant, other_tenant, count, django_assert_max_num_queries
):
    publish_many(tenant, count)
    publish(sister_city(other_tenant, title="Bandung–Hamamatsu"))
    with django_assert_max_num_queries(1):
        response = client.get(reverse("portal:index"))
    counts = {t.name: t.published_count for t in response.context["tenants"]}
    assert counts == {tenant.name: count, other_tenant.name: 1}


def test_the_detail_reads_a_bounded_number_of_queries(
    client, tenant, django_assert_max_num_queries
):
    publish_many(tenant, 3)
    publication = tenant.publications.first()
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(publication.get_absolute_url()).status_code == 200
