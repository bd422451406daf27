"""The dormant-agreement alarm: flagged without progress or activity, cleared by new life."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from mitra.cooperations.models import Cooperation, CooperationEvent
from mitra.cooperations.services import record_past_state
from mitra.followups import services as followups
from mitra.implementation import services
from mitra.implementation.models import Evaluation
from mitra.implementation.tests.conftest import plan_item, signed_cooperation
from mitra.lib.refusal import Refused

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def dormant(coop: Cooperation) -> Cooperation:
    record_past_state(coop, Cooperation.State.DORMANT, by=None, note="no activity")
    return coop


def test_a_progress_report_revives_a_dormant_cooperation_through_the_workflow(
    tenant, cooperation_officer
):
    coop, mou = signed_cooperation(tenant)
    item = plan_item(mou)
    dormant(coop)
    services.record_progress(
        item, by=cooperation_officer, date=timezone.localdate(), value=Decimal(12)
    )
    coop.refresh_from_db()
    assert coop.state == Cooperation.State.IMPLEMENTATION
    revival = CooperationEvent.objects.filter(cooperation=coop).latest("at")
    assert (revival.action, revival.by) == ("revive", cooperation_officer)
    assert "Gerai Little Bandung" in revival.note


def test_an_activity_revives_a_dormant_cooperation(tenant, cooperation_officer):
    coop = dormant(signed_cooperation(tenant)[0])
    followups.log_activity(
        tenant,
        by=cooperation_officer,
        kind="meeting",
        date=timezone.localdate(),
        title="Rapat komite bersama",
        cooperation=coop,
    )
    coop.refresh_from_db()
    assert coop.state == Cooperation.State.IMPLEMENTATION
    assert CooperationEvent.objects.filter(cooperation=coop, action="revive").count() == 1


def test_a_reader_s_activity_is_kept_but_does_not_revive(tenant, leadership):
    coop = dormant(signed_cooperation(tenant)[0])
    followups.log_activity(
        tenant,
        by=leadership,
        kind="meeting",
        date=timezone.localdate(),
        title="Kunjungan pimpinan",
        cooperation=coop,
    )
    coop.refresh_from_db()
    assert coop.state == Cooperation.State.DORMANT


def test_progress_counts_as_activity_for_the_dormancy_run(tenant, cooperation_officer):
    coop, mou = signed_cooperation(tenant)
    item = plan_item(mou)
    today = timezone.localdate()
    long_ago = today - timedelta(days=tenant.dormant_after_days + 30)
    CooperationEvent.objects.filter(cooperation=coop).update(
        at=timezone.now() - timedelta(days=tenant.dormant_after_days + 30)
    )
    mou.__class__.objects.filter(pk=mou.pk).update(
        date_signed=long_ago,
        created_at=timezone.now() - timedelta(days=tenant.dormant_after_days + 30),
    )
    services.record_progress(item, by=cooperation_officer, date=today, value=Decimal(3))
    call_command("advance", today=today.isoformat(), verbosity=0)
    coop.refresh_from_db()
    assert coop.state == Cooperation.State.IMPLEMENTATION


def test_an_evaluation_is_an_event_in_the_cooperations_history(tenant, cooperation_officer):
    coop, _mou = signed_cooperation(tenant)
    services.record_evaluation(
        coop,
        by=cooperation_officer,
        with_pdf=False,
        today=date(2026, 1, 20),
        period_start=date(2025, 7, 1),
        period_end=date(2025, 12, 31),
        date=date(2026, 1, 15),
        outputs_achieved="57 gerai dibuka.",
        benefits="40 UMKM",
        partner_responsiveness=4,
        recommendation=Evaluation.Recommendation.CONTINUE,
    )
    event = CooperationEvent.objects.filter(cooperation=coop).latest("at")
    assert (event.action, event.source, event.target) == (
        "evaluate",
        "implementation",
        "implementation",
    )
    assert "continue" in event.note


def test_an_outsiders_activity_cannot_touch_this_tenants_dormant_cooperation(
    tenant, other_tenant, outsider
):
    coop = dormant(signed_cooperation(tenant)[0])
    with pytest.raises(Refused):
        followups.log_activity(
            other_tenant,
            by=outsider,
            kind="meeting",
            date=timezone.localdate(),
            title="Rapat",
            cooperation=coop,
        )
    coop.refresh_from_db()
    assert coop.state == Cooperation.State.DORMANT
