"""Submitting news, confirming what it says, dismissing it: what gets recorded, and what never."""

from datetime import date

import pytest
from django.utils import translation

from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Cooperation
from mitra.followups.models import Activity
from mitra.intake import review, services
from mitra.intake.extract import (
    CountryItem,
    Extraction,
    PartnerItem,
    RegionItem,
    SectorItem,
    StageItem,
)
from mitra.intake.models import NewsItem, NewsLink
from mitra.intake.services import AcceptedPartner, Source
from mitra.lib.refusal import Refused
from mitra.partners.models import Country, Partner
from mitra.regions.models import Region
from tests.factories import make_cooperation, make_partner

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Pemkot Makassar Jajaki Kerja Sama Kota Kembar dengan Gothenburg\n\n"
    "MAKASSAR — Wali Kota Makassar menerima delegasi Kota Gothenburg, Swedia, di Balai Kota, "
    "Rabu (2/7/2025). Kedua pihak menjajaki kerja sama di bidang kota cerdas dan pengelolaan "
    "sampah.\n\n"
    "Pemkot Makassar juga menyiapkan kesepakatan bersama dengan Kota Tual di bidang perikanan."
)


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return (start, start + len(words))


def gothenburg_extraction(text: str = ARTICLE, *, name: str = "Gothenburg") -> Extraction:
    """What a good extractor reads in ARTICLE, built by hand (a plain data object)."""
    return Extraction(
        text=text,
        regions=(
            RegionItem("Kota Makassar", "73.71", (span(text, "Makassar"),)),
            RegionItem("Kota Tual", "81.72", (span(text, "Kota Tual"),)),
        ),
        partners=(
            PartnerItem(name, "foreign_city_or_region", "SE", (span(text, f"Kota {name}"),)),
        ),
        countries=(CountryItem("SE", "Swedia", (span(text, "Swedia"),)),),
        sectors=(
            SectorItem("smart_city", (span(text, "kota cerdas"),)),
            SectorItem("environment", (span(text, "sampah"),)),
        ),
        stage=StageItem("exploration", (span(text, "menjajaki"),)),
    )


def submit_article(tenant, by, text=ARTICLE, extraction=None, **source):
    """Submit `text` with the proposals of `extraction` (default: the Gothenburg reading of
    ARTICLE, nothing for another text)."""
    chosen = extraction or (gothenburg_extraction() if text == ARTICLE else Extraction(text=text))
    [item] = services.submit_news(
        tenant, by=by, sources=[Source(text=text, **source)], read=lambda _text: chosen
    )
    return item


def gothenburg(**overrides):
    fields = {
        "name": "Gothenburg",
        "kind": Partner.Kind.FOREIGN_CITY_OR_REGION,
        "country": Country.objects.get(code="SE"),
        "written_as": "Gothenburg",
        "evidence": "Wali Kota Makassar menerima delegasi Kota Gothenburg, Swedia.",
    }
    return AcceptedPartner(**(fields | overrides))


# -- Submitting ------------------------------------------------------------------------------


def test_submitting_stores_the_text_its_proposals_and_an_audit_row(tenant, cooperation_officer):
    item = submit_article(tenant, cooperation_officer, source_name="Antara")
    assert item.status == NewsItem.Status.PENDING
    assert item.text == ARTICLE
    assert item.title == "Antara"
    assert item.submitted_by == cooperation_officer
    assert item.extraction["partners"][0]["name"] == "Gothenburg"
    assert item.extraction["stage"] == {
        "slug": "exploration",
        "evidence": [list(span(ARTICLE, "menjajaki"))],
    }
    assert AuditEntry.objects.filter(record=f"intake.newsitem:{item.pk}", action="create").exists()
    # Nothing is recorded from the text yet.
    assert not Partner.objects.filter(tenant=tenant).exists()
    assert not Cooperation.objects.exists()


def test_a_pasted_text_without_a_source_is_titled_by_its_first_line(tenant, cooperation_officer):
    item = submit_article(tenant, cooperation_officer)
    assert item.title == "Pemkot Makassar Jajaki Kerja Sama Kota Kembar dengan Gothenburg"


def test_a_publication_line_above_the_headline_is_not_the_title(tenant, cooperation_officer):
    text = "Kamis, 3 Juli 2025 | 09:12 WITA\n\n" + ARTICLE
    item = submit_article(tenant, cooperation_officer, text=text)
    assert item.title == "Pemkot Makassar Jajaki Kerja Sama Kota Kembar dengan Gothenburg"


def test_the_same_article_twice_is_refused_naming_when_and_by_whom(
    tenant, cooperation_officer, english
):
    cooperation_officer.first_name, cooperation_officer.last_name = "Andi", "Rahman"
    cooperation_officer.save()
    first = submit_article(tenant, cooperation_officer)
    # The same words with other spacing and case are the same article.
    again = "  " + ARTICLE.upper().replace("\n\n", "\n") + "\n"
    with pytest.raises(services.AlreadySubmitted) as refused:
        submit_article(tenant, cooperation_officer, text=again, extraction=Extraction(text=again))
    assert refused.value.items == [first]
    assert "already submitted on" in refused.value.problems[0]
    assert "by Andi Rahman" in refused.value.problems[0]
    assert NewsItem.objects.count() == 1


def test_two_files_with_the_same_text_in_one_batch_are_refused_whole(tenant, cooperation_officer):
    sources = [
        Source(text="Berita satu.", file_name="a.txt"),
        Source(text="Berita lain.", file_name="b.txt"),
        Source(text="berita   SATU.", file_name="c.txt"),
    ]
    with pytest.raises(services.AlreadySubmitted) as refused:
        services.submit_news(tenant, by=cooperation_officer, sources=sources)
    assert "c.txt" in refused.value.problems[0]
    assert "a.txt" in refused.value.problems[0]
    assert not NewsItem.objects.exists()


def test_another_government_may_submit_the_same_article(
    tenant, other_tenant, outsider, cooperation_officer
):
    submit_article(tenant, cooperation_officer)
    item = submit_article(other_tenant, outsider)
    assert item.tenant == other_tenant
    assert item.similar_to is None  # never compared with another tenant's news


def test_a_near_duplicate_is_stored_and_flagged_with_the_earlier_item(tenant, cooperation_officer):
    first = submit_article(tenant, cooperation_officer)
    retold = ARTICLE.replace("Rabu (2/7/2025)", "Rabu lalu") + "\n\nBaca juga: berita lain."
    item = submit_article(
        tenant, cooperation_officer, text=retold, extraction=Extraction(text=retold)
    )
    assert item.similar_to == first
    assert item.similarity >= 90


def test_a_different_article_is_not_flagged(tenant, cooperation_officer):
    submit_article(tenant, cooperation_officer)
    other = "Pemerintah Kota Makassar meresmikan taman baru di Pantai Losari untuk warga."
    item = submit_article(
        tenant, cooperation_officer, text=other, extraction=Extraction(text=other)
    )
    assert item.similar_to is None


def test_a_failing_extractor_still_keeps_the_text_for_a_person(tenant, cooperation_officer):
    def broken(text):
        raise RuntimeError("bug in the extractor")

    [item] = services.submit_news(
        tenant, by=cooperation_officer, sources=[Source(text=ARTICLE)], read=broken
    )
    assert item.text == ARTICLE
    assert item.extraction["failed"] is True
    assert item.extraction["partners"] == []


def test_the_real_extractor_stores_the_documented_keys(tenant, cooperation_officer):
    # End to end through `extract`: only what any extractor must do.
    [item] = services.submit_news(tenant, by=cooperation_officer, sources=[Source(text=ARTICLE)])
    assert item.text == ARTICLE
    assert list(item.extraction)[:9] == [
        "source",
        "regions",
        "partners",
        "countries",
        "sectors",
        "stage",
        "people",
        "events",
        "dates",
    ]
    for partner in item.extraction["partners"]:
        for start, end in partner["evidence"]:
            assert 0 <= start < end <= len(ARTICLE)


def test_a_recorded_partner_in_the_same_city_is_found_despite_a_misspelling(
    tenant, cooperation_officer
):
    from mitra.partners.models import Place

    city = Place.objects.get(pk=2711537)  # Gothenburg in the GeoNames gazetteer
    sweden = Country.objects.get(code="SE")
    recorded = make_partner(tenant, name="Kota Gothenburg", country=sweden, place=city)
    text = ARTICLE.replace("Gothenburg", "Gotenburg")
    note = ("spelling", "Gotenburg", "Gothenburg")
    partner = PartnerItem(
        "Gothenburg",
        "foreign_city_or_region",
        "SE",
        (span(text, "Kota Gotenburg"),),
        place_id=city.pk,
        flags=(note,),
    )
    extraction = Extraction(text=text, partners=(partner,))
    item = submit_article(tenant, cooperation_officer, text=text, extraction=extraction)
    assert item.extraction["partners"][0]["place_id"] == city.pk
    with translation.override("id"):  # the note is worded in the reviewer's language
        [row] = [r for r in review.partner_rows(item) if r.initial["name"] == "Gothenburg"]
        written = translation.gettext("Written “%(written)s”; the gazetteer name is %(name)s.")
    assert row.exact == recorded
    assert row.flags == [written % {"written": "Gotenburg", "name": "Gothenburg"}]
    assert "Written" not in row.flags[0]
    assert row.initial["accept"] is False  # a flagged variant waits for the reviewer's tick


# -- Confirming ------------------------------------------------------------------------------


def test_confirming_records_partner_cooperation_and_news_activity(tenant, cooperation_officer):
    item = submit_article(tenant, cooperation_officer, source_url="https://berita.example/a")
    [link] = services.confirm_news(
        item,
        by=cooperation_officer,
        partners=[gothenburg()],
        sectors=["smart_city", "environment"],
        stage="exploration",
        on=date(2025, 7, 2),
    )
    partner = Partner.objects.get(tenant=tenant, name="Gothenburg")
    assert partner.country_id == "SE"
    coop = link.cooperation
    assert list(coop.partners.all()) == [partner]
    assert coop.kind == Cooperation.Kind.FOREIGN_REGION
    assert coop.state == Cooperation.State.EXPLORATION  # one step through the procedure
    assert set(coop.sectors.values_list("slug", flat=True)) == {"smart_city", "environment"}
    activity = link.activity
    assert activity.kind == Activity.Kind.NEWS
    assert activity.date == date(2025, 7, 2)
    assert activity.partner == partner and activity.cooperation == coop
    assert "https://berita.example/a" in activity.notes
    assert "Kota Gothenburg" in activity.notes
    assert link.partner_created and link.cooperation_created
    item.refresh_from_db()
    assert item.status == NewsItem.Status.CONFIRMED
    assert item.reviewed_by == cooperation_officer
    audited = set(AuditEntry.objects.values_list("model_label", "action"))
    assert {
        ("partners.partner", "create"),
        ("cooperations.cooperation", "create"),
        ("followups.activity", "create"),
        ("intake.newsitem", "update"),
    } <= audited


def test_a_domestic_region_becomes_a_ksdd_partner_in_preparation(
    tenant, cooperation_officer, english
):
    item = submit_article(tenant, cooperation_officer)
    tual = Region.objects.get(code="8172")
    [link] = services.confirm_news(
        item,
        by=cooperation_officer,
        partners=[
            AcceptedPartner(name="Kota Tual", kind=Partner.Kind.INDONESIAN_REGION, region=tual)
        ],
        stage="mou",
        on=date(2025, 7, 2),
    )
    assert link.partner.region == tual
    assert link.cooperation.kind == Cooperation.Kind.DOMESTIC_REGION
    # A news article is not a signed KB: the state stays where the procedure starts.
    assert link.cooperation.state == Cooperation.State.PREPARATION
    assert "Stage the text reports: MoU or KB signed." in link.activity.notes


def test_an_existing_partner_alias_is_linked_not_duplicated(tenant, cooperation_officer):
    goteborg = make_partner(
        tenant, name="Göteborg", country=Country.objects.get(code="SE"), aliases=["Gothenburg"]
    )
    coop = make_cooperation(tenant, partners=[goteborg], sectors=["smart_city"])
    item = submit_article(tenant, cooperation_officer)
    [row, *_] = review.partner_rows(item)
    assert row.exact == goteborg and row.cooperation == coop  # shown before confirming
    [link] = services.confirm_news(
        item,
        by=cooperation_officer,
        partners=[gothenburg(changes=frozenset({"sectors"}))],
        sectors=["environment", "health"],
        on=date(2025, 7, 2),
    )
    assert link.partner == goteborg and not link.partner_created
    assert link.cooperation == coop and not link.cooperation_created
    assert Partner.objects.filter(tenant=tenant).count() == 1
    assert Cooperation.objects.count() == 1
    # The ticked change adds the sectors the cooperation lacked.
    assert set(coop.sectors.values_list("slug", flat=True)) == {
        "smart_city",
        "environment",
        "health",
    }
    assert coop.activities.get() == link.activity


def test_an_existing_cooperation_and_partner_change_only_as_ticked(
    tenant, cooperation_officer, english
):
    from mitra.partners.models import Place

    city = Place.objects.get(pk=2711537)  # Gothenburg in the GeoNames gazetteer
    sweden = Country.objects.get(code="SE")
    goteborg = make_partner(tenant, name="Göteborg", country=sweden, place=city)
    coop = make_cooperation(tenant, partners=[goteborg], sectors=["smart_city"])
    [found] = gothenburg_extraction().partners
    extraction = gothenburg_extraction()
    extraction = Extraction(
        text=ARTICLE,
        partners=(PartnerItem(found.name, found.kind, "SE", found.evidence, place_id=city.pk),),
        sectors=extraction.sectors,
    )
    item = submit_article(tenant, cooperation_officer, extraction=extraction)
    [row, *_] = review.partner_rows(item)
    assert row.exact == goteborg and row.cooperation == coop
    # The article's smart city is there already: only what is new is offered, none ticked.
    assert [(c.key, c.before, c.after) for c in row.changes] == [
        ("sectors", "smart city", "smart city, environment and waste"),
        ("aliases", "—", "Gothenburg"),
    ]
    assert row.initial["changes"] == []
    services.confirm_news(
        item,
        by=cooperation_officer,
        partners=[gothenburg(partner=goteborg)],
        sectors=["environment"],
        on=date(2025, 7, 2),
    )
    assert list(coop.sectors.values_list("slug", flat=True)) == ["smart_city"]
    assert not goteborg.aliases.exists()
    assert not AuditEntry.objects.filter(
        action="update", model_label__in=["cooperations.cooperation", "partners.partner"]
    ).exists()


def test_an_existing_region_partner_is_found_by_its_region(tenant, cooperation_officer):
    tual = Region.objects.get(code="8172")
    existing = make_partner(
        tenant,
        kind=Partner.Kind.INDONESIAN_REGION,
        name="Pemerintah Kota Tual",
        country=None,
        region=tual,
    )
    item = submit_article(tenant, cooperation_officer)
    [link] = services.confirm_news(
        item,
        by=cooperation_officer,
        partners=[
            AcceptedPartner(
                name="Kota Tual",
                kind=Partner.Kind.INDONESIAN_REGION,
                region=tual,
                changes=frozenset({"aliases"}),
            )
        ],
        on=date(2025, 7, 2),
    )
    assert link.partner == existing
    existing.refresh_from_db()
    assert "Kota Tual" in existing.aliases.values_list("alias", flat=True)


def test_a_recorded_company_is_found_whatever_legal_form_the_article_writes(
    tenant, cooperation_officer
):
    recorded = make_partner(tenant, name="PT Tirta Kencana Abadi")
    text = "Pemkot Makassar meneken MoU dengan Tirta Kencana Abadi Tbk di Balai Kota."
    extraction = Extraction(
        text=text,
        partners=(
            PartnerItem(
                "Tirta Kencana Abadi Tbk", "domestic_party", "ID", (span(text, "Tirta Kencana"),)
            ),
        ),
    )
    item = submit_article(tenant, cooperation_officer, text=text, extraction=extraction)
    [row, _blank] = review.partner_rows(item)
    assert row.exact == recorded


def test_a_similar_partner_is_only_suggested_never_merged(tenant, cooperation_officer):
    incheon = make_partner(tenant, name="Incheon")
    text = "Wali Kota Makassar menerima delegasi Kota Icheon, Korea Selatan, di Balai Kota."
    extraction = Extraction(
        text=text,
        partners=(
            PartnerItem("Icheon", "foreign_city_or_region", "KR", (span(text, "Kota Icheon"),)),
        ),
    )
    item = submit_article(tenant, cooperation_officer, text=text, extraction=extraction)
    [row, _blank] = review.partner_rows(item)
    assert row.exact is None
    assert row.suggestions == [incheon]
    assert row.initial["accept"] is False  # a judgement for the reviewer
    [link] = services.confirm_news(
        item,
        by=cooperation_officer,
        partners=[
            gothenburg(name="Icheon", written_as="Icheon", country=Country.objects.get(code="KR"))
        ],
        on=date(2025, 7, 2),
    )
    assert link.partner != incheon and link.partner.name == "Icheon"
    assert not incheon.aliases.exists()


def test_the_reviewer_may_choose_a_suggested_partner(tenant, cooperation_officer):
    kaohsiung = make_partner(tenant, name="Kaohsiung", country=Country.objects.get(code="TW"))
    item = submit_article(tenant, cooperation_officer)
    [link] = services.confirm_news(
        item,
        by=cooperation_officer,
        partners=[
            gothenburg(
                name="Kaoshiung",
                written_as="Kaoshiung",
                partner=kaohsiung,
                changes=frozenset({"aliases"}),
            )
        ],
        on=date(2025, 7, 2),
    )
    assert link.partner == kaohsiung
    assert list(kaohsiung.aliases.values_list("alias", flat=True)) == ["Kaoshiung"]


def test_a_refused_partner_records_nothing_at_all(tenant, cooperation_officer):
    item = submit_article(tenant, cooperation_officer)
    israel = Country.objects.get(code="IL")
    with pytest.raises(Refused) as refused:
        services.confirm_news(
            item,
            by=cooperation_officer,
            partners=[gothenburg(), gothenburg(name="Haifa", written_as="Haifa", country=israel)],
            on=date(2025, 7, 2),
        )
    assert refused.value.problems[0].startswith("Haifa: ")
    assert not Partner.objects.exists()
    assert not Cooperation.objects.exists()
    assert not Activity.objects.exists()
    item.refresh_from_db()
    assert item.status == NewsItem.Status.PENDING


def test_the_own_government_is_never_its_own_partner(tenant, cooperation_officer):
    item = submit_article(tenant, cooperation_officer)
    rows = review.partner_rows(item)
    assert "Kota Makassar" not in [row.initial["name"] for row in rows]
    assert "Kota Tual" in [row.initial["name"] for row in rows]
    with pytest.raises(Refused):
        services.confirm_news(
            item,
            by=cooperation_officer,
            partners=[
                AcceptedPartner(
                    name="Kota Makassar", kind=Partner.Kind.INDONESIAN_REGION, region=tenant.region
                )
            ],
            on=date(2025, 7, 2),
        )


def test_confirming_needs_an_accepted_partner(tenant, cooperation_officer):
    item = submit_article(tenant, cooperation_officer)
    with pytest.raises(Refused):
        services.confirm_news(item, by=cooperation_officer, partners=[], on=date(2025, 7, 2))


def test_a_reviewed_item_cannot_be_confirmed_again(tenant, cooperation_officer):
    item = submit_article(tenant, cooperation_officer)
    services.confirm_news(
        item, by=cooperation_officer, partners=[gothenburg()], on=date(2025, 7, 2)
    )
    with pytest.raises(Refused):
        services.confirm_news(
            item, by=cooperation_officer, partners=[gothenburg()], on=date(2025, 7, 2)
        )
    assert NewsLink.objects.count() == 1


def test_dismissing_records_nothing_and_keeps_the_reason(tenant, cooperation_officer):
    item = submit_article(tenant, cooperation_officer)
    services.dismiss_news(item, by=cooperation_officer, note="Bukan kerja sama kita.")
    item.refresh_from_db()
    assert item.status == NewsItem.Status.DISMISSED
    assert item.review_note == "Bukan kerja sama kita."
    assert AuditEntry.objects.filter(record=f"intake.newsitem:{item.pk}", action="update").exists()
    with pytest.raises(Refused):
        services.confirm_news(
            item, by=cooperation_officer, partners=[gothenburg()], on=date(2025, 7, 2)
        )
    assert not Partner.objects.exists()
