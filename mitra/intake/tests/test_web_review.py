"""The review page: highlighted evidence, confirming the accepted facts, dismissing, and access."""

from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from mitra.cooperations.models import Cooperation
from mitra.followups.models import Activity
from mitra.intake import review
from mitra.intake.extract import Extraction, PartnerItem, RegionItem, SectorItem
from mitra.intake.models import NewsItem
from mitra.intake.tests.test_services_intake import ARTICLE, span, submit_article
from mitra.partners.models import Country, Partner
from tests.factories import make_partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_as(client_as):
    """Clients reading the pages in English, so tests can quote the messages."""

    def login(user):
        client = client_as(user)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        return client

    return login


def confirm_url(item):
    return reverse("intake:confirm", args=[item.pk])


def dismiss_url(item):
    return reverse("intake:dismiss", args=[item.pk])


def form_data(response, **overrides):
    """What the browser would post back from the review page, with `overrides` applied.

    Row fields are named like "partner-0-name"; `overrides` use that name ("partner-0-accept"
    False unticks a row).
    """
    data = {}
    rows = response.context["rows"]
    for name, value in rows.management_form.initial.items():
        data[f"partner-{name}"] = value
    for form in rows.forms:
        for field in form:
            value = field.value()
            if field.name == "accept":
                if value:
                    data[field.html_name] = "on"
            else:
                data[field.html_name] = "" if value is None else value
    confirm = response.context["form"]
    data["stage"] = confirm["stage"].value() or ""
    data["sectors"] = confirm["sectors"].value() or []
    # The day Mitra read in the article, else the one the reviewer reads there ("2/7/2025").
    data["date"] = str(confirm["date"].value() or "2025-07-02")
    for name, value in overrides.items():
        if value is False:
            data.pop(name, None)
        else:
            data[name] = value
    return data


@pytest.fixture
def item(tenant, cooperation_officer):
    return submit_article(tenant, cooperation_officer, source_name="Antara")


def test_the_review_page_highlights_the_evidence(client_as, team_reviewer, item):
    response = client_as(team_reviewer).get(item.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert '<mark class="mark--partner" title="partner: Gothenburg">Kota Gothenburg</mark>' in html
    assert '<mark class="mark--country" title="country: Swedia">Swedia</mark>' in html
    assert '<mark class="mark--stage" title="stage: exploration">menjajaki</mark>' in html
    assert '<span id="ev-partner-0"></span><mark' in html
    assert 'href="#ev-partner-0"' in html  # the proposal links to its evidence
    assert "smart city" in html and "Kota Tual" in html


def test_the_facts_beside_the_text_show_dates_and_countries_by_name_not_as_codes(
    tenant, cooperation_officer
):
    """The extractor keeps ISO dates and country codes; the page shows them as people read
    them ("2 July 2025", "July 2025", "Sweden"), a bare year as it is."""
    extraction = Extraction(
        text=ARTICLE,
        partners=(
            PartnerItem(
                "Gothenburg", "foreign_city_or_region", "SE", (span(ARTICLE, "Kota Gothenburg"),)
            ),
        ),
        dates=("2025-07-02", "2025-07", "2026"),
    )
    item = submit_article(tenant, cooperation_officer, extraction=extraction)
    with translation.override("en"):
        facts = review.facts(item)
    assert [fact.label for fact in facts["dates"]] == ["July 2, 2025", "July 2025", "2026"]
    assert [fact.detail for fact in facts["partners"]] == ["foreign city or region\u00a0· Sweden"]


def test_overlapping_evidence_is_marked_once_with_both_facts(
    client_as, tenant, cooperation_officer
):
    text = "Kerja sama kota cerdas Makassar."
    extraction = Extraction(
        text=text,
        sectors=(SectorItem("smart_city", (span(text, "kota cerdas"),)),),
        regions=(RegionItem("Kota Makassar", "73.71", (span(text, "cerdas Makassar"),)),),
    )
    item = submit_article(tenant, cooperation_officer, text=text, extraction=extraction)
    html = client_as(cooperation_officer).get(item.get_absolute_url()).content.decode()
    assert (
        'Kerja sama <span id="ev-sector-0"></span><mark class="mark--sector" '
        'title="sector: smart city">kota </mark><span id="ev-region-0"></span>'
        '<mark class="mark--region mark--sector" title="region: Kota Makassar; sector: smart city">'
        "cerdas</mark>"
        '<mark class="mark--region" title="region: Kota Makassar"> Makassar</mark>.'
    ) in html


def test_offsets_outside_the_text_are_ignored_not_fatal(client_as, tenant, cooperation_officer):
    item = submit_article(tenant, cooperation_officer)
    item.extraction["partners"][0]["evidence"] = [[5, 2], [0, 10_000], "x", [1]]
    item.extraction["stage"] = "garbage"
    item.save(update_fields=["extraction"])
    response = client_as(cooperation_officer).get(item.get_absolute_url())
    assert response.status_code == 200
    assert "mark--partner" not in response.content.decode()


def test_a_reader_sees_the_text_but_no_confirm_form(client_as, team_reviewer, item):
    response = client_as(team_reviewer).get(item.get_absolute_url())
    assert "rows" not in response.context
    assert confirm_url(item) not in response.content.decode()


@pytest.mark.parametrize("role", ["agency_officer", "team_reviewer", "leadership"])
def test_a_reader_cannot_confirm_or_dismiss(client_as, request, role, cooperation_officer, item):
    data = form_data(client_as(cooperation_officer).get(item.get_absolute_url()))
    client = client_as(request.getfixturevalue(role))
    assert client.post(confirm_url(item), data).status_code == 403
    assert client.post(dismiss_url(item), {}).status_code == 403
    item.refresh_from_db()
    assert item.status == NewsItem.Status.PENDING
    assert not Partner.objects.exists()


def test_another_governments_item_is_not_found(client_as, outsider, item):
    client = client_as(outsider)
    assert client.get(item.get_absolute_url()).status_code == 404
    assert client.post(confirm_url(item), {}).status_code == 404
    assert client.post(dismiss_url(item), {}).status_code == 404
    item.refresh_from_db()
    assert item.status == NewsItem.Status.PENDING


def test_the_form_starts_from_the_proposals(client_as, cooperation_officer, item):
    response = client_as(cooperation_officer).get(item.get_absolute_url())
    rows = response.context["rows"]
    names = [form["name"].value() for form in rows]
    assert names == ["Gothenburg", "Kota Tual", ""]  # the last row is for a missed partner
    first = rows.forms[0]
    assert first["accept"].value() is True
    assert first["kind"].value() == "foreign_city_or_region"
    assert first["country"].value() == "SE"
    assert rows.forms[1]["region"].value() == "Kota Tual"
    assert response.context["form"]["sectors"].value() == ["smart_city", "environment"]
    assert response.context["form"]["stage"].value() == "exploration"


def test_the_news_date_starts_from_the_latest_day_the_article_names_not_after_today(
    client_as, tenant, cooperation_officer
):
    extraction = Extraction(
        text=ARTICLE, dates=("2025-06-30", "2025-07-02", "2025-08", "2099-01-01")
    )
    item = submit_article(tenant, cooperation_officer, extraction=extraction)
    response = client_as(cooperation_officer).get(item.get_absolute_url())
    assert response.context["form"]["date"].value() == date(2025, 7, 2)


def test_without_a_day_in_the_article_the_news_date_starts_empty_and_must_be_typed(
    client_as, cooperation_officer, item
):
    """Not today: an old article confirmed today would otherwise be dated today, unseen."""
    client = client_as(cooperation_officer)
    page = client.get(item.get_absolute_url())
    assert page.context["form"]["date"].value() is None
    response = client.post(confirm_url(item), form_data(page, date=""))
    assert list(response.context["form"].errors) == ["date"]
    item.refresh_from_db()
    assert item.status == NewsItem.Status.PENDING


def test_confirming_in_the_browser_records_everything_accepted(
    client_as, cooperation_officer, item
):
    client = client_as(cooperation_officer)
    page = client.get(item.get_absolute_url())
    data = form_data(
        page,
        **{"partner-1-accept": "on", "partner-2-accept": "on"},
        **{"partner-2-name": "MARA", "partner-2-kind": "foreign_institution"},
        **{"partner-2-country": "MY", "date": "2025-07-02"},
    )
    response = client.post(confirm_url(item), data)
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == NewsItem.Status.CONFIRMED
    partners = Partner.objects.order_by("name")
    assert [(p.name, p.kind) for p in partners] == [
        ("Gothenburg", "foreign_city_or_region"),
        ("Kota Tual", "indonesian_region"),
        ("MARA", "foreign_institution"),
    ]
    assert Cooperation.objects.count() == 3
    assert Activity.objects.filter(kind=Activity.Kind.NEWS, date=date(2025, 7, 2)).count() == 3
    html = client.get(item.get_absolute_url()).content.decode()
    assert (
        "Gothenburg" in html
        and reverse("followups:activity", args=[Activity.objects.first().pk]) in html
    )


def test_an_unticked_proposal_is_not_recorded(client_as, cooperation_officer, item):
    client = client_as(cooperation_officer)
    data = form_data(
        client.get(item.get_absolute_url()), **{"partner-0-accept": False, "partner-1-accept": "on"}
    )
    assert client.post(confirm_url(item), data).status_code == 302
    assert list(Partner.objects.values_list("name", flat=True)) == ["Kota Tual"]


def test_an_edited_name_is_recorded_and_the_written_one_kept_as_alias(
    client_as, cooperation_officer, item
):
    client = client_as(cooperation_officer)
    data = form_data(client.get(item.get_absolute_url()), **{"partner-0-name": "Kota Göteborg"})
    client.post(confirm_url(item), data)
    partner = Partner.objects.get(kind=Partner.Kind.FOREIGN_CITY_OR_REGION)
    assert partner.name == "Kota Göteborg"
    assert list(partner.aliases.values_list("alias", flat=True)) == ["Gothenburg"]


def test_a_suggested_partner_is_linked_only_when_chosen(
    client_as, tenant, cooperation_officer, item
):
    similar = make_partner(tenant, name="Gothenburg City", country=Country.objects.get(code="SE"))
    client = client_as(cooperation_officer)
    page = client.get(item.get_absolute_url())
    first = page.context["rows"].forms[0]
    assert first["accept"].value() is False  # needs a person's judgement
    assert "Gothenburg City" in page.content.decode()
    assert first["changes"].value() == []  # the chosen partner keeps its names unless ticked
    data = form_data(
        page,
        **{"partner-0-accept": "on", "partner-0-link": str(similar.pk)},
        **{"partner-0-changes": ["aliases"]},
    )
    assert client.post(confirm_url(item), data).status_code == 302
    assert Partner.objects.filter(name__startswith="Gothenburg").get() == similar
    assert "Gothenburg" in similar.aliases.values_list("alias", flat=True)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"partner-0-name": " "}, "name", "An accepted partner needs a name."),
        ({"partner-0-kind": ""}, "kind", "Choose the kind of partner."),
        ({"partner-0-country": ""}, "country", "A foreign partner needs a country."),
        ({"partner-0-country": "XX"}, "country", "Select a valid choice."),
        ({"partner-0-kind": "nonsense"}, "kind", "Select a valid choice."),
        (
            {"partner-0-kind": "indonesian_region", "partner-0-region": "Atlantis"},
            "region",
            "No Indonesian region is called “Atlantis”.",
        ),
        ({"partner-0-link": "999999"}, "link", "Select a valid choice."),
    ],
    ids=["name", "kind", "country", "bad-country", "bad-kind", "region", "link"],
)
def test_bad_row_input_is_a_field_error_and_nothing_is_recorded(
    client_as, cooperation_officer, item, overrides, field, message
):
    client = client_as(cooperation_officer)
    data = form_data(client.get(item.get_absolute_url()), **overrides)
    response = client.post(confirm_url(item), data)
    assert response.status_code == 200
    errors = " ".join(response.context["rows"].forms[0].errors[field])
    assert message in errors
    assert not Partner.objects.exists()
    item.refresh_from_db()
    assert item.status == NewsItem.Status.PENDING


@pytest.mark.parametrize(
    "overrides",
    [
        {"partner-TOTAL_FORMS": "500"},
        {"partner-TOTAL_FORMS": "abc"},
        {"partner-INITIAL_FORMS": False, "partner-TOTAL_FORMS": False},
        {"date": "2025-13-45"},
        {"stage": "signed-in-blood"},
        {"sectors": ["smart_city", "nope"]},
    ],
    ids=["too-many-rows", "bad-count", "no-management", "bad-date", "bad-stage", "bad-sector"],
)
def test_tampered_or_bad_input_never_fails(client_as, cooperation_officer, item, overrides):
    client = client_as(cooperation_officer)
    data = form_data(client.get(item.get_absolute_url()), **overrides)
    response = client.post(confirm_url(item), data)
    assert response.status_code == 200
    assert not Partner.objects.exists()


def test_a_refusal_of_the_services_is_shown_on_the_form(client_as, cooperation_officer, item):
    client = client_as(cooperation_officer)
    data = form_data(
        client.get(item.get_absolute_url()),
        **{"partner-0-accept": False, "partner-2-accept": "on", "partner-2-name": "Tel Aviv"},
        **{"partner-2-kind": "foreign_city_or_region", "partner-2-country": "IL"},
    )
    response = client.post(confirm_url(item), data)
    assert response.status_code == 200
    [error] = response.context["form"].non_field_errors()
    assert error.startswith("Tel Aviv: Cooperation with partners in Israel is not permitted")
    assert not Partner.objects.exists()


def test_nothing_accepted_asks_to_dismiss_instead(client_as, cooperation_officer, item):
    client = client_as(cooperation_officer)
    data = form_data(
        client.get(item.get_absolute_url()),
        **{"partner-0-accept": False, "partner-1-accept": False},
    )
    response = client.post(confirm_url(item), data)
    assert (
        "Accept at least one partner, or dismiss the article."
        in response.context["form"].non_field_errors()
    )


def test_confirming_twice_records_once(client_as, cooperation_officer, item):
    client = client_as(cooperation_officer)
    data = form_data(client.get(item.get_absolute_url()))
    assert client.post(confirm_url(item), data).status_code == 302
    recorded = (Partner.objects.count(), Activity.objects.count())
    assert recorded == (2, 2)  # Gothenburg and Kota Tual
    response = client.post(confirm_url(item), data, follow=True)
    assert "This news item has already been reviewed." in response.content.decode()
    assert (Partner.objects.count(), Activity.objects.count()) == recorded


def test_dismissing_in_the_browser(client_as, tenant_admin, item):
    client = client_as(tenant_admin)
    response = client.post(dismiss_url(item), {"note": "Bukan tentang kita."})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == NewsItem.Status.DISMISSED and item.reviewed_by == tenant_admin
    page = client.get(item.get_absolute_url())
    assert "rows" not in page.context
    assert "Bukan tentang kita." in page.content.decode()


def test_a_too_long_dismissal_note_is_a_field_error(client_as, tenant_admin, item):
    response = client_as(tenant_admin).post(dismiss_url(item), {"note": "x" * 1001})
    assert response.status_code == 200
    assert response.context["dismiss_form"].errors["note"]
    item.refresh_from_db()
    assert item.status == NewsItem.Status.PENDING


def test_a_near_duplicate_is_shown_on_its_review(client_as, tenant, cooperation_officer, item):
    retold = ARTICLE + "\n\nBaca juga: berita lain."
    later = submit_article(
        tenant, cooperation_officer, text=retold, extraction=Extraction(text=retold)
    )
    html = client_as(cooperation_officer).get(later.get_absolute_url()).content.decode()
    assert f'href="{item.get_absolute_url()}"' in html


@pytest.mark.parametrize(
    ("text", "evidence", "sentence"),
    [
        ("Makassar menjajaki kerja sama dengan Busan.", "Busan", "Makassar menjajaki"),
        ("Judul\nMakassar menerima delegasi Busan.", "Busan", "Makassar menerima"),
        ("Kalimat lain. Makassar menerima Busan. Lalu", "Busan", "Makassar menerima"),
    ],
)
def test_the_quoted_sentence_keeps_its_first_letter_wherever_it_starts(text, evidence, sentence):
    """The sentence shown beside a proposal and written into the activity's notes: one that
    opened the text lost its first letter ("akassar Jajaki ...")."""
    quoted = review.quote(text, span(text, evidence))
    assert quoted.startswith(sentence), quoted
