"""Only the region's own follow-up moves a cooperation's clocks; external evidence (a news report)
never does: not the last-activity stamp, not a dormant cooperation's revival, not the stale
clock of "needs follow-up", not the last contact (issue 14).

The clocks are moved in one place, `cooperations.services.note_activity`; the scan below fails
when a new caller appears that this module does not check.
"""

import re
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone

import mitra
from mitra.cooperations.models import Cooperation, CooperationEvent, Document
from mitra.cooperations.services import record_past_state
from mitra.followups import rules
from mitra.followups import services as followups
from mitra.followups.models import Activity
from mitra.followups.queries import last_contact
from mitra.implementation import services as implementation
from mitra.implementation.tests.conftest import plan_item, signed_cooperation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

# Every module that stamps activity, with what it records (each checked below).
STAMPERS = {
    "followups/services.py": "an activity, only of a kind that counts as follow-up",
    "implementation/services.py": "a progress report on a plan of action: always the region's own",
}


def _quiet_and_dormant(tenant):
    """A signed cooperation where nothing has happened for long, marked dormant."""
    coop, mou = signed_cooperation(tenant)
    long_ago = timezone.now() - timedelta(days=tenant.dormant_after_days + 60)
    record_past_state(coop, Cooperation.State.DORMANT, by=None, note="no activity")
    CooperationEvent.objects.filter(cooperation=coop).update(at=long_ago)
    Document.objects.filter(pk=mou.pk).update(created_at=long_ago)
    coop.refresh_from_db()
    return coop, mou


def _clocks(coop):
    coop.refresh_from_db()
    gaps = rules.gaps_among(Cooperation.objects.filter(pk=coop.pk), coop.tenant)
    return {
        "state": coop.state,
        "last_activity_on": coop.last_activity_on,
        "last_contact": last_contact(coop),
        "follow_up": [reason for gap in gaps for reason in gap.reasons],
    }


def test_a_news_report_is_external_evidence_and_a_meeting_is_not():
    assert not rules.counts_as_follow_up(Activity.Kind.NEWS)
    assert rules.counts_as_follow_up(Activity.Kind.MEETING)
    assert Activity.Kind.NEWS not in rules.follow_up_kinds()


@pytest.mark.parametrize("kind", Activity.Kind.values)
def test_an_activity_moves_the_clocks_only_when_it_counts_as_follow_up(
    kind, tenant, cooperation_officer
):
    coop, _mou = _quiet_and_dormant(tenant)
    before = _clocks(coop)
    assert any("no activity" in reason for reason in before["follow_up"])
    yesterday = timezone.localdate() - timedelta(days=1)
    followups.log_activity(
        tenant,
        by=cooperation_officer,
        kind=kind,
        date=yesterday,
        title="Something about the cooperation",
        cooperation=coop,
    )
    after = _clocks(coop)
    assert coop.activities.get().kind == kind  # recorded either way
    if rules.counts_as_follow_up(kind):
        assert after["state"] == Cooperation.State.IMPLEMENTATION
        assert after["last_activity_on"] == after["last_contact"] == yesterday
        assert not any("no activity" in reason for reason in after["follow_up"])
    else:
        assert after == before


def test_a_progress_report_moves_the_clocks(tenant, cooperation_officer):
    coop, mou = _quiet_and_dormant(tenant)
    item = plan_item(mou)
    before = _clocks(coop)
    today = timezone.localdate()
    implementation.record_progress(item, by=cooperation_officer, date=today, value=Decimal(3))
    after = _clocks(coop)
    assert before["state"] == Cooperation.State.DORMANT
    assert after["state"] == Cooperation.State.IMPLEMENTATION
    assert after["last_activity_on"] == today


def _modules_calling(name: str) -> set[str]:
    root = Path(mitra.__file__).parent
    return {
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if not {"tests", "migrations"} & set(path.parts)
        and re.search(rf"\b{name}\(", path.read_text(encoding="utf-8"))
    }


def test_every_place_that_stamps_activity_is_checked_here():
    assert _modules_calling("note_activity") - {"cooperations/services.py"} == set(STAMPERS)
    # Reviving is the stamp's business alone (and the engine's, which defines it).
    assert _modules_calling("revive_if_dormant") == {
        "cooperations/services.py",
        "cooperations/transitions.py",
    }
