"""The cooperation register: filters, search, sort, pages, the htmx fragment and its query bound."""

import re

import pytest
from django.urls import reverse

from mitra.cooperations import services
from mitra.cooperations.models import Cooperation
from mitra.lib import tenant_changes as changes
from mitra.partners.models import Country, Partner
from mitra.regions.models import Region
from tests.factories import make_cooperation, make_partner

pytestmark = pytest.mark.django_db

LIST = reverse("cooperations:list")


def titles(response):
    return [coop.title for coop in response.context["page"].object_list]


@pytest.fixture
def register(tenant):
    """A small register like Makassar's: Incheon, Kaohsiung (Taiwan) and Tual."""
    incheon = make_partner(tenant, name="Incheon Metropolitan City", aliases=["Icheon"])
    kaohsiung = make_partner(tenant, name="Kaohsiung City", country=Country.objects.get(code="TW"))
    tual = make_partner(
        tenant,
        kind=Partner.Kind.INDONESIAN_REGION,
        name="Pemerintah Kota Tual",
        country=None,
        region=Region.objects.get(code="8172"),
    )
    return {
        "incheon": make_cooperation(
            tenant, title="Smart city with Incheon", partners=[incheon], sectors=["smart_city"]
        ),
        "kaohsiung": make_cooperation(
            tenant,
            title="Sister city Makassar–Kaohsiung",
            partners=[kaohsiung],
            sectors=["msme_trade"],
            summary="Smart economy and BULo outlets",
        ),
        "tual": make_cooperation(
            tenant,
            kind=Cooperation.Kind.DOMESTIC_REGION,
            sub_form="voluntary",
            title="KB with Tual",
            partners=[tual],
            sectors=["infrastructure"],
        ),
    }


def test_the_list_shows_every_cooperation_of_the_tenant(client_as, cooperation_officer, register):
    response = client_as(cooperation_officer).get(LIST)
    assert response.status_code == 200
    assert sorted(titles(response)) == sorted(c.title for c in register.values())
    assert response.context["page"].paginator.count == 3


def test_the_list_shows_kind_abbreviation_state_and_partner_country(
    client_as, cooperation_officer, register
):
    html = client_as(cooperation_officer).get(LIST).content.decode()
    assert "KSDPL" in html and "KSDD" in html
    assert "Korea Selatan" in html
    assert "badge--progress" in html


def test_a_taiwanese_partner_gets_the_central_guidance_flag(
    client_as, cooperation_officer, register
):
    response = client_as(cooperation_officer).get(LIST, {"q": "Kaohsiung"})
    assert "badge--flag" in response.content.decode()
    response = client_as(cooperation_officer).get(LIST, {"q": "Incheon"})
    assert "badge--flag" not in response.content.decode()


def test_an_on_hold_cooperation_gets_the_hold_badge(client_as, cooperation_officer, register):
    services.record_past_state(
        register["tual"], Cooperation.State.ON_HOLD_CENTRAL_REVIEW, by=None, note="test setup"
    )
    html = client_as(cooperation_officer).get(LIST, {"q": "Tual"}).content.decode()
    assert "badge--hold" in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "domestic_region"}, ["tual"]),
        ({"state": "initiative"}, ["incheon", "kaohsiung"]),
        ({"sector": "msme_trade"}, ["kaohsiung"]),
        ({"country": "TW"}, ["kaohsiung"]),
        ({"kind": "foreign_region", "sector": "smart_city"}, ["incheon"]),
    ],
    ids=["kind", "state", "sector", "country", "combined"],
)
def test_filters_narrow_the_list(client_as, cooperation_officer, register, params, expected):
    response = client_as(cooperation_officer).get(LIST, params)
    assert sorted(titles(response)) == sorted(register[key].title for key in expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("incheon", "incheon"),  # the title, case-insensitively
        ("BULo", "kaohsiung"),  # the summary
        ("Kota Tual", "tual"),  # a partner's name
        ("Icheon", "incheon"),  # a partner's alias, as the press misspells it
    ],
)
def test_search_looks_in_title_summary_and_partner_names_and_aliases(
    client_as, cooperation_officer, register, text, expected
):
    response = client_as(cooperation_officer).get(LIST, {"q": text})
    assert titles(response) == [register[expected].title]


def test_a_cooperation_with_two_matching_partners_is_listed_once(
    client_as, cooperation_officer, tenant
):
    partners = [make_partner(tenant, name=f"Gyeonggi Partner {n}") for n in (1, 2)]
    make_cooperation(tenant, title="Two partners", partners=partners)
    response = client_as(cooperation_officer).get(LIST, {"q": "Gyeonggi"})
    assert titles(response) == ["Two partners"]


def test_the_result_count_is_shown(client_as, cooperation_officer, register):
    html = client_as(cooperation_officer).get(LIST, {"sector": "msme_trade"}).content.decode()
    assert "1 kerja sama" in html


def test_sorting_by_title_orders_the_list(client_as, cooperation_officer, register):
    response = client_as(cooperation_officer).get(LIST, {"sort": "title"})
    assert titles(response) == sorted(titles(response))
    response = client_as(cooperation_officer).get(LIST, {"sort": "-title"})
    assert titles(response) == sorted(titles(response), reverse=True)


def test_sorting_by_state_follows_the_procedure(client_as, cooperation_officer, register):
    services.record_past_state(
        register["incheon"], Cooperation.State.IMPLEMENTATION, by=None, note="test setup"
    )
    response = client_as(cooperation_officer).get(LIST, {"sort": "state"})
    # preparation (KSDD) comes before initiative (KSDPL), which comes before implementation.
    assert titles(response) == [
        register["tual"].title,
        register["kaohsiung"].title,
        register["incheon"].title,
    ]


def test_recently_updated_comes_first_by_default(client_as, cooperation_officer, register):
    services.update_cooperation(register["tual"], by=None, summary="Updated last")
    response = client_as(cooperation_officer).get(LIST)
    assert titles(response)[0] == register["tual"].title


@pytest.mark.parametrize(
    "params",
    [{"kind": "nonsense"}, {"sort": "drop table"}, {"country": "XX"}, {"page": "abc"}],
)
def test_invalid_parameters_show_a_message_not_an_error(
    client_as, cooperation_officer, register, params
):
    response = client_as(cooperation_officer).get(LIST, params)
    assert response.status_code == 200
    assert len(titles(response)) == 3


def test_an_unknown_filter_value_is_reported(client_as, cooperation_officer, register):
    response = client_as(cooperation_officer).get(LIST, {"kind": "nonsense"}, follow=True)
    assert "Beberapa filter tidak dikenali" in response.content.decode()


def test_the_list_has_pages_of_25(client_as, cooperation_officer, tenant):
    partner = make_partner(tenant)
    for n in range(30):
        make_cooperation(tenant, title=f"Cooperation {n:02}", partners=[partner])
    client = client_as(cooperation_officer)
    first = client.get(LIST, {"sort": "title"})
    second = client.get(LIST, {"sort": "title", "page": 2})
    assert len(titles(first)) == 25
    assert titles(second) == [f"Cooperation {n:02}" for n in range(25, 30)]
    assert "page=2" in first.content.decode()
    assert "sort=title" in first.content.decode()  # the next-page link keeps the filters


def test_an_htmx_request_gets_only_the_results_fragment(client_as, cooperation_officer, register):
    response = client_as(cooperation_officer).get(
        LIST, {"q": "Tual"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    names = [t.name for t in response.templates]
    assert "cooperations/_list_results.html" in names
    assert "cooperations/list.html" not in names
    assert "<html" not in html
    assert register["tual"].title in html
    assert response.headers["Vary"].count("HX-Request") == 1


def test_a_history_restore_gets_the_whole_page(client_as, cooperation_officer, register):
    response = client_as(cooperation_officer).get(
        LIST, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in response.content.decode()


def test_without_htmx_the_filter_form_still_works(client_as, cooperation_officer, register):
    response = client_as(cooperation_officer).get(LIST, {"q": "Tual"})
    html = response.content.decode()
    assert "<html" in html
    assert 'method="get"' in html
    assert titles(response) == [register["tual"].title]


def test_the_number_of_queries_does_not_grow_with_the_list(
    client_as, cooperation_officer, tenant, django_assert_max_num_queries
):
    def populate(count):
        for _n in range(count):
            partners = [make_partner(tenant), make_partner(tenant)]
            make_cooperation(tenant, partners=partners, sectors=["smart_city", "tourism"])

    client = client_as(cooperation_officer)
    populate(3)
    with django_assert_max_num_queries(12) as few:
        client.get(LIST)
    populate(27)
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        response = client.get(LIST)
    assert len(response.context["page"].object_list) == 25
    assert len(many.captured_queries) == len(few.captured_queries)


def test_other_tenants_cooperations_are_not_listed(
    client_as, cooperation_officer, other_tenant, register
):
    make_cooperation(other_tenant, title="Bandung and Hamamatsu")
    response = client_as(cooperation_officer).get(LIST, {"q": "Hamamatsu"})
    assert titles(response) == []


def test_outsider_gets_404_on_this_tenants_cooperation(client_as, outsider, register):
    response = client_as(outsider).get(register["incheon"].get_absolute_url())
    assert response.status_code == 404


def test_the_list_asks_anonymous_visitors_to_log_in(client, register):
    response = client.get(LIST)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_the_filters_countries_are_kept_and_a_new_partners_country_shows_at_once(
    client_as, cooperation_officer, register, settings, django_capture_on_commit_callbacks
):
    """The countries of the filter are kept in the process until the tenant's data changes
    (`lib.tenant_changes`): a partner added through its service offers its country at once."""
    settings.MITRA_REMEMBER_FIGURES = True
    changes.forget()
    client = client_as(cooperation_officer)

    def countries():
        page = client.get(LIST).content.decode()
        choices = page.split('<select name="country"', 1)[1].split("</select>", 1)[0]
        return re.findall(r'<option value="([A-Z]*)"', choices)

    assert countries() == ["", "KR", "TW"]
    # Written past the services, the country is not offered: the kept list is what shows.
    Partner.objects.filter(pk=register["incheon"].partners.get().pk).update(
        country=Country.objects.get(code="JP")
    )
    assert countries() == ["", "KR", "TW"]
    with django_capture_on_commit_callbacks(execute=True):
        make_partner(register["tual"].tenant, country=Country.objects.get(code="SE"))
    assert countries() == ["", "JP", "SE", "TW"]
    changes.forget()


def test_a_kept_page_of_the_list_shows_a_write_through_a_service_at_once(
    client_as, cooperation_officer, outsider, register, settings, django_capture_on_commit_callbacks
):
    settings.MITRA_REMEMBER_FIGURES = True
    changes.forget()
    client = client_as(cooperation_officer)
    assert "KB with Tual" in client.get(LIST).content.decode()
    # Written past the services, nothing shows: the kept page is what is shown.
    Cooperation.objects.filter(pk=register["tual"].pk).update(title="Di luar layanan")
    assert "Di luar layanan" not in client.get(LIST).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.update_cooperation(register["tual"], by=cooperation_officer, title="KB baru")
    assert "KB baru" in client.get(LIST).content.decode()
    # Another tenant's officer asking the same address gets their own (empty) list.
    assert "KB baru" not in client_as(outsider).get(LIST).content.decode()
    changes.forget()
