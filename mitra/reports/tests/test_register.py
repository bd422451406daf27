"""The report's data: which cooperations belong to a period, what each register row says."""

import dataclasses
from collections import Counter
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mitra.cooperations.models import Sector
from mitra.events.services import create_event
from mitra.reports.queries import _most_first, build_report
from mitra.reports.tests.conftest import TODAY, YEAR_2024, S, many_cooperations
from mitra.reports.tests.helpers import activity, agreement, created_on, moved
from tests.factories import make_cooperation, make_tenant

pytestmark = pytest.mark.django_db


def titles(tenant, **period):
    return [row.title for row in build_report(tenant, today=TODAY, **period).register]


def test_a_register_row_gives_partner_state_documents_activities_and_last_contact(tenant, incheon):
    (row,) = build_report(tenant, today=TODAY, **YEAR_2024).register
    assert row.title == "Sister city Makassar Incheon"
    assert row.kind_label == "KSDPL"
    assert row.partners == ["Incheon Metropolitan City"]
    assert row.countries == ["Korea Selatan"]
    assert row.state == S.IMPLEMENTATION  # at the end of 2024, dormant only since 2025
    assert row.current_state == S.DORMANT
    assert row.activity_count == 2
    assert row.last_contact == date(2024, 9, 3)
    (mou,) = row.documents
    assert [(p.name, p.number) for p in mou.numbers] == [
        ("Pemerintah Kota Makassar", "070/123/KS/2024"),
        ("Incheon Metropolitan City", "IC-2024-55"),
    ]
    assert (mou.date_signed, mou.valid_from, mou.valid_until) == (
        date(2024, 1, 20),
        date(2024, 1, 20),
        date(2029, 1, 19),
    )


def test_the_register_lists_ksdd_before_ksdpl_and_numbers_the_rows(tenant, incheon, tual):
    rows = build_report(tenant, today=TODAY, **YEAR_2024).register
    assert [(r.number, r.kind_label) for r in rows] == [(1, "KSDD"), (2, "KSDPL")]
    assert rows[0].countries == ["Indonesia"]


def test_a_cooperation_that_existed_during_the_period_belongs_to_it(tenant):
    created_on(date(2022, 2, 1), tenant, title="Quiet since 2022")
    assert titles(tenant, **YEAR_2024) == ["Quiet since 2022"]


def test_a_cooperation_recorded_after_the_period_does_not_belong_to_it(tenant):
    created_on(date(2025, 2, 1), tenant, title="Recorded in 2025")
    assert titles(tenant, **YEAR_2024) == []
    assert titles(tenant, start=date(2025, 1, 1), end=date(2025, 12, 31)) == ["Recorded in 2025"]


def test_a_cooperation_finished_before_the_period_does_not_belong_to_it(tenant):
    withdrawn = created_on(date(2021, 2, 1), tenant, title="Withdrawn in 2022")
    moved(withdrawn, S.WITHDRAWN, date(2022, 3, 1))
    created_on(date(2019, 2, 1), tenant, title="Ended in 2022", end_date=date(2022, 12, 31))
    assert titles(tenant, **YEAR_2024) == []
    assert titles(tenant, start=date(2022, 1, 1), end=date(2022, 12, 31)) == [
        "Ended in 2022",
        "Withdrawn in 2022",
    ]


def test_a_cooperation_finished_during_the_period_belongs_to_it_in_its_final_state(tenant):
    coop = created_on(date(2021, 2, 1), tenant, title="Withdrawn in 2024")
    moved(coop, S.WITHDRAWN, date(2024, 5, 1))
    (row,) = build_report(tenant, today=TODAY, **YEAR_2024).register
    assert row.state == S.WITHDRAWN


def test_something_happening_in_the_period_brings_a_finished_cooperation_in(tenant):
    met = created_on(date(2019, 2, 1), tenant, title="Met again", end_date=date(2022, 12, 31))
    activity(met, date(2024, 4, 1))
    scheduled = created_on(date(2021, 2, 1), tenant, title="At F8")
    moved(scheduled, S.WITHDRAWN, date(2022, 3, 1))
    f8 = create_event(tenant, by=None, name="F8 2024", starts_on=date(2024, 9, 7))
    f8.cooperations.add(scheduled, through_defaults={"tenant": tenant})
    assert titles(tenant, **YEAR_2024) == ["At F8", "Met again"]


def test_imported_history_belongs_to_the_period_of_its_documents(tenant):
    imported = created_on(date(2026, 1, 5), tenant, title="Imported")
    agreement(imported, "LoI", ("1/2024", "2/2024"), date(2024, 3, 5), kind="letter_of_intent")
    assert titles(tenant, **YEAR_2024) == ["Imported"]
    assert titles(tenant, start=date(2023, 1, 1), end=date(2023, 12, 31)) == []


def test_another_tenants_cooperations_never_appear(tenant, incheon, hamamatsu):
    report = build_report(tenant, today=TODAY, **YEAR_2024)
    assert "Bandung Hamamatsu" not in [row.title for row in report.register]
    assert "Bandung Hamamatsu" not in [row.title for row in report.follow_up.needing]


def test_the_summaries_count_the_register_by_state_kind_sector_and_country(tenant, incheon, tual):
    report = build_report(tenant, today=TODAY, **YEAR_2024)
    assert {t.value: t.count for t in report.by_state} == {
        S.FRAMEWORK_DRAFTING: 1,
        S.IMPLEMENTATION: 1,
    }
    assert {t.label: t.count for t in report.by_kind} == {"KSDD": 1, "KSDPL": 1}
    smart_city = str(Sector.Slug.SMART_CITY.label)
    assert (report.by_sector[0].label, report.by_sector[0].count) == (smart_city, 2)
    assert {t.label: t.count for t in report.by_country} == {"Indonesia": 1, "Korea Selatan": 1}


def test_equal_counts_are_listed_by_name_as_people_read_it_whatever_the_capitals():
    counts = Counter({"UMKM dan perdagangan": 1, "ekonomi kreatif": 1, "pariwisata": 2, "": 1})
    labels = [tally.label for tally in _most_first(counts, "tanpa sektor")]
    assert labels == ["pariwisata", "ekonomi kreatif", "UMKM dan perdagangan", "tanpa sektor"]


def test_follow_up_health_counts_live_cooperations_and_lists_those_needing_it(
    tenant, incheon, tual
):
    report = build_report(tenant, today=TODAY, **YEAR_2024)
    assert report.follow_up.live == 2
    assert {row.title for row in report.follow_up.needing} == {
        "Sister city Makassar Incheon",
        "Smart city Makassar Tual",
    }
    assert all(row.reasons for row in report.follow_up.needing)


def test_time_per_step_comes_from_the_state_log(tenant, incheon):
    steps = {s.state: s for s in build_report(tenant, today=TODAY, **YEAR_2024).steps}
    assert steps[S.EXPLORATION].count == 1
    assert steps[S.EXPLORATION].max_days == (date(2024, 2, 1) - date(2023, 8, 1)).days


def test_the_report_names_the_region_and_the_signatory(tenant, incheon):
    report = build_report(tenant, today=TODAY, **YEAR_2024)
    assert report.tenant_name == "Pemerintah Kota Makassar"
    assert report.region_name == "Kota Makassar"
    assert report.place == "Makassar"
    assert "Bagian Kerja Sama Setda Kota Makassar" in report.signatory_position
    assert report.generated_on == TODAY


def test_the_whole_report_is_plain_data_for_the_api(tenant, incheon):
    data = dataclasses.asdict(build_report(tenant, today=TODAY, **YEAR_2024))
    assert data["register"][0]["documents"][0]["numbers"][1]["number"] == "IC-2024-55"
    assert data["rollup"] is None


def test_the_report_costs_the_same_queries_whatever_its_size(tenant):
    counts = []
    for batch in (2, 8):
        many_cooperations(tenant, batch)
        with CaptureQueriesContext(connection) as queries:
            report = build_report(tenant, today=TODAY, **YEAR_2024)
        counts.append(len(queries))
        assert all(len(row.documents) == 1 for row in report.register)
    assert report.total == 10
    assert counts[0] == counts[1] <= 9


def test_a_province_rolls_up_only_the_regencies_and_cities_beneath_it(
    province, tenant, tual, hamamatsu
):
    many_cooperations(tenant, 2)
    parepare = make_tenant("7372")
    many_cooperations(parepare, 1)
    make_cooperation(province, title="Sulawesi Selatan Busan")
    report = build_report(province, today=TODAY, **YEAR_2024)
    assert [row.title for row in report.register] == []  # its own were all recorded after 2024
    rollup = report.rollup
    assert [(r.region, r.by_kind, r.total) for r in rollup.rows] == [
        ("Kota Makassar", [1, 0, 2, 0], 3),
        ("Kota Parepare", [0, 0, 1, 0], 1),
    ]
    assert [(s.value, s.count) for s in rollup.states] == [
        (S.FRAMEWORK_DRAFTING, 1),
        (S.INITIATIVE, 3),
    ]
    assert rollup.rows[0].by_state == [1, 2]
    assert [k.count for k in rollup.kinds] == [1, 0, 3, 0]
    assert rollup.total == 4


def test_a_city_gets_no_roll_up(tenant, tual):
    assert build_report(tenant, today=TODAY, **YEAR_2024).rollup is None
