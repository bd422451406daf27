"""The template filters: state badges, dates in the user's language, the readable audit trail."""

from datetime import date, datetime

import pytest
from django.utils import timezone, translation

from mitra.audit.models import AuditEntry
from mitra.audit.presenter import audit_rows
from mitra.audit.services import trail_for
from mitra.cooperations import services
from mitra.cooperations.models import Agency, Cooperation
from mitra.cooperations.templatetags.mitra_format import (
    kind_abbreviation,
    object_labels,
    state_tone,
)
from mitra.lib.formatting import long_date, moment, month_year, number, rupiah
from tests.factories import make_cooperation, make_document


@pytest.mark.parametrize(
    ("state", "tone"),
    [
        (Cooperation.State.ON_HOLD_CENTRAL_REVIEW, "badge--hold"),
        (Cooperation.State.REJECTED, "badge--stopped"),
        (Cooperation.State.WITHDRAWN, "badge--stopped"),
        (Cooperation.State.DORMANT, "badge--warning"),
        (Cooperation.State.IMPLEMENTATION, "badge--active"),
        (Cooperation.State.EXPLORATION, "badge--progress"),
    ],
)
def test_each_state_gets_a_badge_tone(state, tone):
    assert state_tone(state) == tone


def test_kinds_are_shown_by_their_legal_abbreviation():
    assert [kind_abbreviation(kind) for kind in Cooperation.Kind] == [
        "KSDD",
        "KSDPK",
        "KSDPL",
        "KSDLL",
    ]


def test_long_dates_follow_the_language():
    with translation.override("id"):
        assert long_date(date(2014, 12, 19)) == "19 Desember 2014"
    with translation.override("en"):
        assert long_date(date(2014, 12, 19)) == "December 19, 2014"
    assert long_date(None) == ""


@pytest.mark.usefixtures("production_time_zone")
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("id", ["Desember 2014", "19 Des 2014, 14.05 WIB", "1.250,5", "12.345", "Rp1.250.000"]),
        (
            "en",
            [
                "December 2014",
                "Dec 19, 2014, 2:05\u202fPM WIB",
                "1,250.5",
                "12,345",
                "IDR1,250,000",
            ],
        ),
    ],
)
def test_months_moments_numbers_and_rupiah_follow_the_language(language, expected):
    at = datetime(2014, 12, 19, 14, 5, tzinfo=timezone.get_current_timezone())
    with translation.override(language):
        shown = [
            month_year(date(2014, 12, 1)),
            moment(at),
            number(1250.5, 1),
            number(12345),
            rupiah(1250000),
        ]
    assert shown == expected


def test_missing_values_are_shown_as_nothing():
    assert [moment(None), month_year(None), number(None), rupiah(None)] == ["", "", "", ""]


def test_objects_are_shown_by_their_labels():
    with translation.override("en"):
        assert object_labels(["cultural_exchange"]) == ["cultural exchange"]


@pytest.mark.django_db
def test_the_audit_trail_names_what_keys_point_to_and_hides_bookkeeping(
    tenant, cooperation_officer, django_assert_max_num_queries
):
    agency = Agency.objects.create(tenant=tenant, name="Dinas Komunikasi dan Informatika")
    coop = make_cooperation(tenant)
    services.update_cooperation(coop, by=cooperation_officer, initiating_agency=agency)
    make_document(coop)
    with translation.override("en"), django_assert_max_num_queries(4):
        rows = audit_rows(trail_for(coop))
    changed = {c.field: (c.old, c.new) for row in rows for c in row.changes}
    assert changed["initiating agency"] == ("—", "Dinas Komunikasi dan Informatika")
    assert "ID" not in changed and "tenant" not in changed
    assert "cooperation" not in changed  # a document's own parent key
    assert rows[0].entry.action == AuditEntry.Action.CREATE  # newest first: the document


@pytest.mark.django_db
def test_outsider_gets_404_on_this_tenants_cooperation(client_as, outsider, tenant):
    coop = make_cooperation(tenant)
    assert client_as(outsider).get(coop.get_absolute_url()).status_code == 404
