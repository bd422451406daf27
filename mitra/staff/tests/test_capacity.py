from datetime import timedelta

import pytest

from mitra.cooperations.models import Cooperation
from mitra.cooperations.services import record_past_state
from mitra.partners.models import Country, Partner
from mitra.staff.queries import capacity_report
from mitra.staff.tests.helpers import TODAY, profile, tasks
from tests.factories import make_cooperation, make_partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def incheon(tenant):
    partner = make_partner(tenant, name="Kota Metropolitan Incheon")
    make_cooperation(tenant, partners=[partner])
    make_cooperation(tenant, partners=[partner])
    return partner


def _row(report, code):
    return next(row for row in report.languages if row.code == code)


def test_korean_is_a_gap_when_no_one_speaks_it(tenant, cooperation_officer, incheon):
    profile(tenant, cooperation_officer, ("id", "native"), ("en", "fluent"))
    report = capacity_report(tenant, TODAY)
    (gap,) = report.language_gaps
    assert gap.code == "ko"
    assert [(c.partner, c.cooperations) for c in gap.partners] == [(incheon, 2)]


def test_korean_is_covered_once_someone_speaks_it_at_working_level(
    tenant, cooperation_officer, incheon
):
    profile(tenant, cooperation_officer, ("ko", "working"))
    report = capacity_report(tenant, TODAY)
    assert report.language_gaps == []
    assert [s.user for s in _row(report, "ko").speakers] == [cooperation_officer]


def test_a_basic_speaker_is_shown_but_does_not_cover_the_language(
    tenant, cooperation_officer, incheon
):
    profile(tenant, cooperation_officer, ("ko", "basic"))
    row = _row(capacity_report(tenant, TODAY), "ko")
    assert not row.covered
    assert [s.level for s in row.speakers] == ["basic"]


def test_partners_of_ended_cooperations_and_domestic_partners_are_left_out(tenant):
    ended = make_cooperation(
        tenant, partners=[make_partner(tenant, country=Country.objects.get(code="SE"))]
    )
    record_past_state(ended, Cooperation.State.TERMINATED, by=None, note="test setup")
    domestic = make_partner(tenant, kind=Partner.Kind.DOMESTIC_PARTY, country=None)
    make_cooperation(tenant, kind=Cooperation.Kind.THIRD_PARTY, sub_form="", partners=[domestic])
    assert capacity_report(tenant, TODAY).languages == []


def test_staff_over_their_maximum_load_are_overloaded(tenant, cooperation_officer, agency_officer):
    profile(tenant, cooperation_officer, max_load=3)
    tasks(tenant, cooperation_officer, 2)
    make_cooperation(tenant, owner=cooperation_officer)
    make_cooperation(tenant, owner=cooperation_officer)
    tasks(tenant, agency_officer, 8)  # no profile: the default maximum of 8
    (row,) = capacity_report(tenant, TODAY).overloaded
    assert (row.user, row.load, row.max_load) == (cooperation_officer, 4, 3)


def test_live_cooperations_without_an_owner_are_listed(tenant, cooperation_officer):
    unowned = make_cooperation(tenant)
    make_cooperation(tenant, owner=cooperation_officer)
    ended = make_cooperation(tenant)
    record_past_state(ended, Cooperation.State.WITHDRAWN, by=None, note="test setup")
    assert capacity_report(tenant, TODAY).unowned == [unowned]


def test_overdue_tasks_are_grouped_by_person(tenant, cooperation_officer, agency_officer):
    tasks(tenant, cooperation_officer, 2, due=TODAY - timedelta(days=3))
    tasks(tenant, agency_officer, 1, due=TODAY - timedelta(days=1))
    tasks(tenant, agency_officer, 1, due=TODAY)  # due today is not overdue
    report = capacity_report(tenant, TODAY)
    assert [(r.user, len(r.tasks)) for r in report.overdue] == [
        (cooperation_officer, 2),
        (agency_officer, 1),
    ]


def test_only_the_tenants_staff_and_partners_ever_appear(tenant, other_tenant, outsider, incheon):
    profile(other_tenant, outsider, ("ko", "native"), max_load=1)
    tasks(other_tenant, outsider, 5, due=TODAY - timedelta(days=1))
    make_cooperation(
        other_tenant, partners=[make_partner(other_tenant, country=Country.objects.get(code="SE"))]
    )
    report = capacity_report(tenant, TODAY)
    assert outsider not in [w.user for w in report.workloads]
    assert report.overloaded == [] and report.overdue == []
    assert [row.code for row in report.languages] == ["ko"]
    assert _row(report, "ko").speakers == []


def test_the_report_takes_a_fixed_number_of_queries(
    tenant, cooperation_officer, incheon, django_assert_max_num_queries
):
    for code in ("SE", "ZA", "TW", "SG", "FR"):
        make_cooperation(
            tenant, partners=[make_partner(tenant, country=Country.objects.get(code=code))]
        )
    profile(tenant, cooperation_officer, ("en", "fluent"))
    tasks(tenant, cooperation_officer, 3, due=TODAY - timedelta(days=2))
    with django_assert_max_num_queries(12):
        capacity_report(tenant, TODAY)
