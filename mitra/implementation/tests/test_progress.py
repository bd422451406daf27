"""Progress reports: totals to date, evidence validated like documents, at-risk flags."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Cooperation
from mitra.implementation import services
from mitra.implementation.models import PlanItem, ProgressUpdate
from mitra.implementation.progress import (
    ITEM_COLUMNS,
    cooperation_items,
    is_at_risk,
    item_facts,
    item_progress,
    plan_items_prefetch,
    progress_of,
)
from mitra.implementation.recurring import generate_due_obligations
from mitra.implementation.tests.conftest import (
    english_client,
    plan_item,
    recorded_on,
    signed_cooperation,
)
from mitra.lib.refusal import Refused
from mitra.lib.tests import samples

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

PDF = samples.pdf()  # a real one: uploads are parsed, not only sniffed


def report(item, day, value=None, **fields):
    return services.record_progress(
        item, by=None, date=day, value=None if value is None else Decimal(value), **fields
    )


def test_the_latest_total_counts_and_benefits_are_latest_per_kind(signed):
    _coop, mou = signed
    item = plan_item(mou)
    report(item, date(2025, 3, 1), 20, smes_reached=40)
    report(item, date(2025, 6, 1), 57, people_trained=12)
    report(item, date(2025, 7, 1), note="Kunjungan lapangan")  # a note only: total unchanged
    progress = item_progress(item, date(2025, 7, 2), 90)
    assert (progress.achieved, progress.last_report, progress.percent) == (
        Decimal(57),
        date(2025, 7, 1),
        28,  # 57 of 200
    )
    assert progress.benefits == {"smes_reached": Decimal(40), "people_trained": Decimal(12)}
    assert progress.shortfall == Decimal(143)


def test_progress_as_of_a_day_ignores_later_reports(signed):
    _coop, mou = signed
    item = plan_item(mou)
    report(item, date(2025, 3, 1), 20)
    report(item, date(2025, 9, 1), 120)
    assert item_progress(item, date(2025, 10, 1), 90, as_of=date(2025, 6, 30)).achieved == 20


def test_overshoot_is_shown_and_never_at_risk(signed):
    _coop, mou = signed
    item = plan_item(mou)
    report(item, date(2025, 3, 1), 260)
    progress = item_progress(item, date(2026, 12, 1), 90)
    assert (progress.percent, progress.shortfall, progress.reasons) == (130, None, [])


def test_an_item_behind_schedule_is_at_risk_with_its_reason(signed):
    _coop, mou = signed
    item = plan_item(mou, start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
    report(item, date(2025, 9, 1), 80)
    progress = item_progress(item, date(2025, 10, 1), 90)
    assert progress.at_risk
    assert progress.reasons == ["40% done with 75% of the period elapsed."]


def test_an_item_without_reports_is_at_risk_after_the_staleness_threshold(signed):
    _coop, mou = signed
    item = plan_item(mou, target_quantity=None, unit="", end_date=None)
    assert item_progress(item, date(2025, 3, 31), 90).reasons == []
    assert item_progress(item, date(2025, 4, 1), 90).reasons == [
        "No progress reported in the 90 days since it started."
    ]


def test_an_item_not_yet_started_is_not_at_risk(signed):
    _coop, mou = signed
    item = plan_item(mou, start_date=date(2027, 1, 1), end_date=date(2027, 12, 31))
    progress = item_progress(item, date(2026, 6, 1), 90)
    assert (progress.elapsed, progress.percent, progress.reasons) == (0.0, 0, [])


def test_the_first_report_puts_a_planned_item_in_progress_with_audit_rows(signed):
    coop, mou = signed
    item = plan_item(mou)
    update = report(item, date(2025, 3, 1), 20)
    item.refresh_from_db()
    assert item.status == PlanItem.Status.IN_PROGRESS
    labels = set(
        AuditEntry.objects.filter(parent=f"cooperations.cooperation:{coop.pk}").values_list(
            "model_label", "action"
        )
    )
    assert {
        ("implementation.progressupdate", "create"),
        ("implementation.planitem", "update"),
    } <= labels
    assert update.item == item


@pytest.mark.parametrize(
    "fields",
    [
        {"date": date(2030, 1, 1), "value": Decimal(1)},  # in the future
        {"date": date(2025, 3, 1), "value": Decimal(-1)},
        {"date": date(2025, 3, 1)},  # says nothing
    ],
)
def test_a_report_that_cannot_be_right_is_refused(signed, fields):
    _coop, mou = signed
    with pytest.raises(Refused):
        services.record_progress(plan_item(mou), by=None, today=date(2026, 1, 1), **fields)
    assert not ProgressUpdate.objects.exists()


def test_a_cancelled_item_takes_no_report(signed):
    _coop, mou = signed
    item = plan_item(mou, status=PlanItem.Status.CANCELLED)
    with pytest.raises(Refused, match="cancelled"):
        report(item, date(2025, 3, 1), 5)


def post_progress(client, item, **overrides):
    data = {"date": (timezone.localdate() - timedelta(days=1)).isoformat(), "value": "57"}
    data.update(overrides)
    return client.post(reverse("implementation:add_progress", args=[item.pk]), data)


def test_an_officer_reports_progress_with_an_evidence_file(client_as, agency_officer, signed):
    _coop, mou = signed
    item = plan_item(mou)
    evidence = SimpleUploadedFile("foto.pdf", PDF, content_type="application/pdf")
    client = client_as(agency_officer)
    response = post_progress(client, item, evidence_file=evidence, smes_reached="35")
    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    assert (update.value, update.smes_reached, update.reported_by) == (
        Decimal(57),
        35,
        agency_officer,
    )
    download = client.get(reverse("implementation:evidence", args=[update.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"value": "lima puluh"}, "value"),
        ({"value": "-3"}, "value"),
        ({"date": "2099-01-01"}, "date"),
        ({"date": "kemarin"}, "date"),
        ({"evidence_link": "bukan tautan"}, "evidence_link"),
        ({"people_trained": "-1"}, "people_trained"),
        ({"smes_reached": "99999999999"}, "smes_reached"),
        ({"value": "1e20"}, "value"),
        ({"value": ""}, "value"),  # an item with a target needs its total
        (
            {
                "evidence_file": SimpleUploadedFile(
                    "x.pdf", b"MZ\x90\x00", content_type="application/pdf"
                )
            },
            "evidence_file",
        ),
        (
            {
                "evidence_file": SimpleUploadedFile(
                    "x.exe", b"MZ\x90\x00", content_type="application/octet-stream"
                )
            },
            "evidence_file",
        ),
    ],
)
def test_bad_progress_input_gets_field_errors(
    client_as, cooperation_officer, signed, overrides, field
):
    _coop, mou = signed
    item = plan_item(mou)
    response = post_progress(client_as(cooperation_officer), item, **overrides)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not ProgressUpdate.objects.exists()


def test_a_too_large_evidence_file_is_refused(client_as, cooperation_officer, signed, settings):
    settings.MITRA_UPLOAD_MAX_BYTES = 10
    _coop, mou = signed
    big = SimpleUploadedFile("foto.pdf", PDF, content_type="application/pdf")
    response = post_progress(client_as(cooperation_officer), plan_item(mou), evidence_file=big)
    assert "evidence_file" in response.context["form"].errors


def test_readers_may_not_report_and_outsiders_get_404(client_as, leadership, outsider, signed):
    _coop, mou = signed
    item = plan_item(mou)
    update = report(item, date(2025, 3, 1), 5, evidence_link="https://example.org/laporan")
    assert post_progress(client_as(leadership), item).status_code == 403
    assert post_progress(client_as(outsider), item).status_code == 404
    outsider_client = client_as(outsider)
    assert (
        outsider_client.get(reverse("implementation:evidence", args=[update.pk])).status_code == 404
    )
    # A report without a file answers 404 to its own tenant too, not a 500.
    own = client_as(leadership).get(reverse("implementation:evidence", args=[update.pk]))
    assert own.status_code == 404
    assert ProgressUpdate.objects.count() == 1


def test_the_item_page_shows_reports_and_reasons(client_as, leadership, signed):
    _coop, mou = signed
    item = plan_item(mou, start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
    report(item, date(2025, 9, 1), 20, evidence_link="https://example.org/foto")
    page = english_client(client_as(leadership)).get(item.get_absolute_url()).content.decode()
    assert "https://example.org/foto" in page
    assert "The period ended with 10% done." in page


def test_the_three_ways_of_loading_an_items_facts_judge_it_alike(
    tenant, other_tenant, signed, cooperation_officer, django_assert_num_queries
):
    """Read through the relations, prefetched as model rows, or loaded as plain values for the
    dashboard: the same totals, benefits, dates and reasons for every item, and the same
    verdict for the plain rows the dashboard judges before it loads the few it shows."""
    coop, mou = signed
    reported = plan_item(mou)
    report(reported, date(2025, 3, 1), 20, smes_reached=40)
    report(reported, date(2025, 6, 1), 57, people_trained=12, investment_value=Decimal("1.5"))
    report(reported, date(2025, 7, 1), note="Kunjungan lapangan")
    plan_item(mou, activity="Pertukaran pelajar", milestone_date=date(2025, 5, 1))
    recurring = recorded_on(
        plan_item(
            mou,
            activity="Laporan semester",
            target_quantity=None,
            unit="",
            start_date=date(2025, 3, 1),
            recurrence=PlanItem.Recurrence.SEMESTER,
        ),
        date(2025, 3, 1),
    )
    _elsewhere, their_mou = signed_cooperation(other_tenant)
    report(plan_item(their_mou), date(2025, 3, 1), 199)
    generate_due_obligations(date(2025, 3, 1))  # the first semester's report, due June 30
    today = date(2025, 10, 1)

    def judged(items):
        return [
            (p.item.pk, p.achieved, p.last_report, p.ratio, p.elapsed, p.reasons, p.benefits)
            for p in progress_of(items, today, 90)
        ]

    plain = judged(PlanItem.objects.filter(cooperation=coop))
    prefetched = Cooperation.objects.prefetch_related(plan_items_prefetch()).get(pk=coop.pk)
    items = PlanItem.objects.filter(tenant=tenant)
    rows = item_facts(items.values_list(*ITEM_COLUMNS), items)
    carried = [row.as_item() for row in rows]

    assert judged(cooperation_items(prefetched)) == plain
    with django_assert_num_queries(0):  # carried: nothing more is asked
        assert judged(carried) == plain
    assert [(row.pk, is_at_risk(row, today, 90)) for row in rows] == [
        (pk, bool(reasons)) for pk, _a, _l, _r, _e, reasons, _b in plain
    ]
    assert len(plain) == 3 and recurring.pk in {row[0] for row in plain}
    assert any(row[5] for row in plain if row[0] == recurring.pk)  # its overdue report counts
