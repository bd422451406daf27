"""The next-step rule: every live cooperation has an open task or a future event, and activity."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mitra.cooperations.services import record_past_state
from mitra.events.models import Event
from mitra.followups import services
from mitra.followups.models import Activity
from mitra.followups.rules import needs_follow_up
from tests.factories import make_cooperation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def listed(tenant, today):
    return {gap.cooperation.pk: gap.reasons for gap in needs_follow_up(tenant, today)}


def test_a_cooperation_without_task_or_event_is_listed(tenant):
    coop = make_cooperation(tenant)
    assert listed(tenant, timezone.localdate())[coop.pk] == ["no open task or scheduled event"]


def test_an_open_task_keeps_it_off_the_list(tenant, cooperation_officer):
    coop = make_cooperation(tenant)
    services.create_task(
        tenant,
        by=None,
        title="x",
        assignee=cooperation_officer,
        due_date=timezone.localdate(),
        cooperation=coop,
    )
    assert coop.pk not in listed(tenant, timezone.localdate())


def test_a_future_event_keeps_it_off_the_list_but_a_past_one_does_not(tenant):
    coop = make_cooperation(tenant)
    today = timezone.localdate()
    past = Event.objects.create(tenant=tenant, name="F8 lalu", starts_on=today - timedelta(days=1))
    past.cooperations.add(coop, through_defaults={"tenant": tenant})
    assert coop.pk in listed(tenant, today)
    future = Event.objects.create(tenant=tenant, name="F8", starts_on=today + timedelta(days=30))
    future.cooperations.add(coop, through_defaults={"tenant": tenant})
    assert coop.pk not in listed(tenant, today)


def test_stale_activity_is_listed_with_the_stale_reason(tenant, cooperation_officer):
    coop = make_cooperation(tenant)
    services.create_task(
        tenant,
        by=None,
        title="x",
        assignee=cooperation_officer,
        due_date=timezone.localdate(),
        cooperation=coop,
    )
    later = timezone.localdate() + timedelta(days=tenant.stale_after_days + 10)
    assert listed(tenant, later)[coop.pk] == [
        f"no activity for {tenant.stale_after_days + 10} days"
    ]
    services.log_activity(
        tenant,
        by=None,
        kind=Activity.Kind.CALL,
        date=later,
        title="Telepon",
        cooperation=coop,
        today=later,
    )
    assert coop.pk not in listed(tenant, later)


@pytest.mark.parametrize("state", ["rejected", "withdrawn", "terminated", "expired"])
def test_ended_cooperations_are_never_listed(tenant, state):
    coop = make_cooperation(tenant)
    record_past_state(coop, state, by=None, note="test setup")
    assert coop.pk not in listed(tenant, timezone.localdate() + timedelta(days=999))


def test_another_tenants_cooperations_are_not_listed(tenant, other_tenant):
    theirs = make_cooperation(other_tenant)
    assert theirs.pk not in listed(tenant, timezone.localdate())


@pytest.mark.parametrize("count", [3, 20])
def test_the_rule_runs_in_bounded_queries(tenant, count, django_assert_max_num_queries):
    for _ in range(count):
        make_cooperation(tenant)
    with django_assert_max_num_queries(1):
        assert len(needs_follow_up(tenant, timezone.localdate())) == count


def test_the_page_lists_them_with_reasons_and_the_outsider_sees_none(
    client_as, tenant, cooperation_officer, outsider
):
    coop = make_cooperation(tenant, title="Sister city Makassar–Incheon")
    page = client_as(cooperation_officer).get(reverse("followups:needs_follow_up"))
    assert coop.title.encode() in page.content
    assert (
        b"Sister city Makassar"
        not in client_as(outsider).get(reverse("followups:needs_follow_up")).content
    )
    detail = client_as(cooperation_officer).get(coop.get_absolute_url())
    assert b"badge--warning" in detail.content


@pytest.mark.parametrize("state", ["dormant", "renewed", "renewal_in_progress"])
def test_dormant_and_renewed_cooperations_are_live(tenant, state):
    coop = make_cooperation(tenant)
    record_past_state(coop, state, by=None, note="test setup")
    assert coop.pk in listed(tenant, timezone.localdate())
