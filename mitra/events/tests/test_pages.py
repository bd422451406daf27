"""The events pages: the month calendar, the forms, the outsider, and bounded queries."""

from collections.abc import Callable
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext, override

from mitra.events.models import Event, PlannedSigning
from mitra.events.tests.helpers import LOI, make_event, plan, sister_city_at_loi
from mitra.tenancy.models import Tenant


def test_the_month_view_shows_an_event_on_its_days(
    tenant: Tenant, client_as: Callable[[User], Client], cooperation_officer: User
) -> None:
    event = make_event(tenant, name="F8 Makassar")
    plan(event, sister_city_at_loi(tenant, title="Sister city Gothenburg"), LOI)
    body = client_as(cooperation_officer).get("/events/?month=2026-09").content.decode()
    cell = body.split('data-date="2026-09-10"')[1].split("</td>")[0]
    assert "F8 Makassar" in cell and "Sister city Gothenburg" in cell
    assert "F8 Makassar" not in body.split('data-date="2026-09-09"')[1].split("</td>")[0]
    assert "?month=2026-08" in body and "?month=2026-10" in body


def test_a_day_with_something_carries_its_whole_date_for_the_phones_list(
    tenant: Tenant, client_as: Callable[[User], Client], cooperation_officer: User
) -> None:
    """On a phone the month is a list of its busy days, each under its date (the stylesheet
    hides the others); a month with nothing says so instead of showing an empty list."""
    make_event(tenant, name="F8 Makassar", ends_on=date(2026, 9, 10))
    client = client_as(cooperation_officer)
    body = client.get("/events/?month=2026-09").content.decode()
    busy = body.split('data-date="2026-09-10"')[0].rsplit("<td", 1)[1]
    assert "monthgrid__day--busy" in busy
    assert "monthgrid__day--busy" not in body.split('data-date="2026-09-09"')[0].rsplit("<td", 1)[1]
    assert body.count('class="monthgrid__date"') == 1
    with override("id"):
        nothing = gettext("No events or signings this month.")
    assert nothing not in body
    assert nothing in client.get("/events/?month=2026-11").content.decode()


def test_the_month_view_shows_only_the_tenants_events(
    tenant: Tenant,
    other_tenant: Tenant,
    client_as: Callable[[User], Client],
    cooperation_officer: User,
) -> None:
    make_event(other_tenant, name="Bandung festival")
    body = client_as(cooperation_officer).get("/events/?month=2026-09").content.decode()
    assert "Bandung festival" not in body


def test_an_unreadable_month_shows_this_month(
    client_as: Callable[[User], Client], cooperation_officer: User
) -> None:
    assert client_as(cooperation_officer).get("/events/?month=junk").status_code == 200


def test_an_officer_creates_and_edits_an_event(
    tenant: Tenant, client_as: Callable[[User], Client], cooperation_officer: User
) -> None:
    client = client_as(cooperation_officer)
    data = {"name": "F8", "place": "Losari", "starts_on": "2026-09-10", "ends_on": "2026-09-13"}
    assert client.post("/events/new/", data).status_code == 302
    event = Event.objects.get(tenant=tenant)
    response = client.post(f"/events/{event.pk}/edit/", data | {"ends_on": "2026-09-01"})
    assert response.status_code == 200  # refused: ends before it starts
    event.refresh_from_db()
    assert event.ends_on == date(2026, 9, 13)


def test_an_edit_on_the_web_leaves_an_audit_row_with_what_changed(
    tenant: Tenant, client_as: Callable[[User], Client], cooperation_officer: User
) -> None:
    from mitra.audit.models import AuditEntry

    client = client_as(cooperation_officer)
    data = {"name": "F8", "place": "Losari", "starts_on": "2026-09-10", "ends_on": "2026-09-13"}
    client.post("/events/new/", data)
    event = Event.objects.get(tenant=tenant)
    client.post(f"/events/{event.pk}/edit/", data | {"place": "Pantai Losari"})
    entry = AuditEntry.objects.filter(record=f"events.event:{event.pk}").latest("at")
    assert entry.changes == {"place": ["Losari", "Pantai Losari"]}


def test_the_signing_form_offers_only_the_tenants_live_cooperations(
    tenant: Tenant,
    other_tenant: Tenant,
    client_as: Callable[[User], Client],
    cooperation_officer: User,
) -> None:
    event = make_event(tenant)
    ours = sister_city_at_loi(tenant, title="Ours")
    theirs = sister_city_at_loi(other_tenant, title="Theirs")
    client = client_as(cooperation_officer)
    page = client.get(f"/events/{event.pk}/signings/new/").content.decode()
    assert "Ours" in page and "Theirs" not in page
    response = client.post(
        f"/events/{event.pk}/signings/new/", {"cooperation": theirs.pk, "document_kind": LOI}
    )
    assert response.status_code == 200 and not PlannedSigning.objects.exists()
    client.post(f"/events/{event.pk}/signings/new/", {"cooperation": ours.pk, "document_kind": LOI})
    assert PlannedSigning.objects.get().cooperation == ours


@pytest.mark.parametrize(
    "path", ["/events/{pk}/", "/events/{pk}/edit/", "/events/{pk}/signings/new/"]
)
def test_outsider_gets_404(
    tenant: Tenant, client_as: Callable[[User], Client], outsider: User, path: str
) -> None:
    event = make_event(tenant)
    assert client_as(outsider).get(path.format(pk=event.pk)).status_code == 404


def _queries_for_agenda(client: Client, tenant: Tenant, signings: int) -> int:
    event = make_event(tenant)
    for n in range(signings):
        plan(event, sister_city_at_loi(tenant, "TW" if n % 2 else "SE"), LOI)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(event.get_absolute_url()).status_code == 200
    return len(queries)


def test_the_agenda_takes_the_same_queries_for_3_or_10_signings(
    tenant: Tenant, client_as: Callable[[User], Client], cooperation_officer: User
) -> None:
    client = client_as(cooperation_officer)
    assert _queries_for_agenda(client, tenant, 3) == _queries_for_agenda(client, tenant, 10)
