"""Every list page and the dashboard run as many queries for thirty records as for three.

The office's data grows every week; a page that asks the database once per row slows down with
it. Each page is rendered with a few records, then with ten times as many (with partners,
tasks, activities, events and staff profiles behind them), and must not ask more.
"""

from collections.abc import Callable
from datetime import timedelta
from itertools import count

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from mitra.cooperations.services import apply_transition
from mitra.events import services as events
from mitra.followups import services as followups
from mitra.followups.services import Commitment
from mitra.staff import services as staff
from mitra.tenancy.models import Membership, Tenant
from tests.factories import make_cooperation, make_partner, make_user

pytestmark = pytest.mark.django_db

_serial = count()

PAGES = [
    "dashboard:index",
    "cooperations:list",
    "pipeline:board",
    "partners:list",
    "followups:my_tasks",
    "followups:tasks",
    "followups:needs_follow_up",
    "events:list",
    "staff:list",
    "staff:capacity",
    "reminders:list",
]


def add_records(tenant: Tenant, officer: User, how_many: int) -> None:
    """Cooperations with partners, an activity with a task each, an event with a signing planned,
    a request at Kemendagri, a staff member.

    Every batch looks alike (tasks due in three days, events today), so the few and the many
    take the same paths through each page: only the number of rows differs.
    """
    today = timezone.localdate()
    for _ in range(how_many):
        n = next(_serial)
        partner = make_partner(tenant, name=f"Mitra {n}")
        coop = make_cooperation(tenant, title=f"Kerja sama {n}", partners=[partner])
        followups.log_activity(
            tenant,
            by=officer,
            kind="meeting",
            date=today,
            title=f"Rapat {n}",
            cooperation=coop,
            commitments=[Commitment(f"Tindak lanjut {n}", officer, today + timedelta(days=3))],
        )
        event = events.create_event(tenant, by=officer, name=f"Forum {n}", starts_on=today)
        # The dashboard shows the event's readiness and the request waiting at Kemendagri.
        events.plan_signing(event, coop, "letter_of_intent", by=officer)
        apply_transition(coop, "put_on_hold", by=officer)
        member = make_user(tenant, Membership.Role.COOPERATION_OFFICER)
        staff.create_staff_profile(tenant, member, by=officer, position=f"Analis {n}")


@pytest.mark.parametrize("address", PAGES)
def test_a_list_page_asks_no_more_for_thirty_records_than_for_three(
    address: str,
    client_as: Callable[[User], object],
    tenant: Tenant,
    other_tenant: Tenant,
    cooperation_officer: User,
    outsider: User,
    django_assert_max_num_queries,
):
    client = client_as(cooperation_officer)
    add_records(tenant, cooperation_officer, 3)
    add_records(other_tenant, outsider, 3)  # another tenant's rows are never read
    with django_assert_max_num_queries(40) as few:
        assert client.get(reverse(address)).status_code == 200
    add_records(tenant, cooperation_officer, 27)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse(address)).status_code == 200
