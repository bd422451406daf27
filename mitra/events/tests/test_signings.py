"""Signings at an event: readiness before it, recording after it, refusals that leave nothing."""

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from mitra.cooperations.models import Cooperation, CooperationEvent, Document
from mitra.cooperations.services import record_past_state
from mitra.events import services
from mitra.events.models import PlannedSigning
from mitra.events.readiness import readiness
from mitra.events.tests.helpers import (
    F8_DAY,
    KB,
    LOI,
    S,
    domestic_at,
    make_event,
    plan,
    sister_city_at_loi,
    two_parties,
)
from mitra.lib.refusal import Refused
from mitra.tenancy.models import Tenant
from tests.procedure import cooperation_of_kind

pytestmark = pytest.mark.usefixtures("english")


def _record(signing: PlannedSigning, by: User) -> Document:
    return services.record_signing(
        signing, by=by, date_signed=F8_DAY, place="Makassar", parties=two_parties()
    )


Festival = tuple[PlannedSigning, PlannedSigning, PlannedSigning]


@pytest.fixture
def festival(tenant: Tenant) -> Festival:
    event = make_event(tenant)
    gothenburg = plan(event, sister_city_at_loi(tenant, "SE", "Sister city Gothenburg"), LOI)
    tual = plan(event, domestic_at(tenant, S.FRAMEWORK_SIGNING), KB)
    kaohsiung = plan(event, sister_city_at_loi(tenant, "TW", "Sister city Kaohsiung"), LOI)
    return gothenburg, tual, kaohsiung


def test_readiness_before_the_event_names_what_is_missing(festival: Festival) -> None:
    gothenburg, tual, kaohsiung = festival
    assert readiness(gothenburg.cooperation, LOI).ready
    assert readiness(tual.cooperation, KB).ready
    check = readiness(kaohsiung.cooperation, LOI)
    assert check.at_step and not check.ready
    assert any("diplomatic relations" in p for p in check.problems)


def test_a_cooperation_not_yet_at_the_signing_step_says_where_it_is(tenant: Tenant) -> None:
    coop = domestic_at(tenant, S.FRAMEWORK_DRAFTING)
    check = readiness(coop, KB)
    assert not check.at_step and not check.ready
    assert check.state == "drafting the KB"
    assert check.steps_before == ["signing the KB"]


def test_a_cooperation_already_past_the_signing_says_so_and_cannot_record_it_again(
    tenant: Tenant, client_as: Callable[[User], Client], cooperation_officer: User
) -> None:
    """The LoI planned for the festival was signed on another day and the cooperation moved
    on: the agenda and the dashboard say it is past the signing, not that it is "not yet at
    the signing step" with no step to take, and recording it is refused."""
    coop = sister_city_at_loi(tenant)
    signing = plan(make_event(tenant), coop, LOI)
    record_past_state(coop, S.COOPERATION_PLAN, by=None, note="LoI signed at the embassy")
    check = readiness(coop, LOI)
    assert check.passed and not check.ready and check.steps_before == []
    assert check.problems == [
        "The cooperation is already past this signing (it is at “cooperation plan”): take the "
        "signing off the agenda."
    ]
    with pytest.raises(Refused) as refused:
        _record(signing, cooperation_officer)
    assert refused.value.problems == check.problems
    client = client_as(cooperation_officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = client.get(signing.event.get_absolute_url()).content.decode()
    assert "already past this signing" in body
    assert "not yet at the signing step" not in body


def test_a_framework_agreement_needing_no_council_skips_the_dprd(tenant: Tenant) -> None:
    coop = domestic_at(tenant, S.FRAMEWORK_SIGNING)
    Cooperation.objects.filter(pk=coop.pk).update(budget=Cooperation.Budget.APBD)
    coop.refresh_from_db()
    signing = plan(make_event(tenant), coop, KB)
    assert signing.action == "sign_framework_without_council"


def test_two_signings_succeed_and_the_refused_one_leaves_nothing(
    festival: Festival, cooperation_officer: User
) -> None:
    gothenburg, tual, kaohsiung = festival
    _record(gothenburg, cooperation_officer)
    _record(tual, cooperation_officer)
    with pytest.raises(Refused) as refusal:
        _record(kaohsiung, cooperation_officer)
    assert any("diplomatic relations" in p for p in refusal.value.problems)
    for signing in (gothenburg, tual, kaohsiung):
        signing.refresh_from_db()
        signing.cooperation.refresh_from_db()
    assert gothenburg.status == tual.status == PlannedSigning.Status.DONE
    assert gothenburg.cooperation.state == S.COOPERATION_PLAN
    assert tual.cooperation.state == S.COUNCIL_APPROVAL
    assert gothenburg.document is not None and gothenburg.document.kind == LOI
    assert kaohsiung.status == PlannedSigning.Status.PLANNED
    assert kaohsiung.cooperation.state == S.LETTER_OF_INTENT
    assert not Document.objects.filter(cooperation=kaohsiung.cooperation).exists()
    assert not CooperationEvent.objects.filter(
        cooperation=kaohsiung.cooperation, action="sign_loi"
    ).exists()


def test_a_framework_agreement_without_numbers_is_refused_and_rolled_back(
    tenant: Tenant, cooperation_officer: User
) -> None:
    signing = plan(make_event(tenant), domestic_at(tenant, S.FRAMEWORK_SIGNING), KB)
    with pytest.raises(Refused):
        services.record_signing(
            signing,
            by=cooperation_officer,
            date_signed=F8_DAY,
            place="Makassar",
            parties=two_parties(second=""),
        )
    assert not Document.objects.filter(cooperation=signing.cooperation).exists()


def test_signing_before_the_step_is_refused(tenant: Tenant, cooperation_officer: User) -> None:
    signing = plan(make_event(tenant), domestic_at(tenant, S.FRAMEWORK_DRAFTING), KB)
    with pytest.raises(Refused) as refusal:
        _record(signing, cooperation_officer)
    assert "not at the signing step" in refusal.value.problems[0]
    assert not Document.objects.filter(cooperation=signing.cooperation).exists()


def test_a_signing_is_planned_only_for_the_tenants_own_cooperation(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    foreign = sister_city_at_loi(other_tenant)
    with pytest.raises(Refused):
        plan(make_event(tenant), foreign, LOI)


def test_only_agreements_can_be_planned(tenant: Tenant) -> None:
    with pytest.raises(Refused):
        plan(make_event(tenant), sister_city_at_loi(tenant), Document.Kind.STAFF_NOTE)
    with pytest.raises(Refused):
        plan(make_event(tenant), sister_city_at_loi(tenant), Document.Kind.IMPLEMENTING_AGREEMENT)


def test_a_cancelled_signing_cannot_be_recorded(tenant: Tenant, cooperation_officer: User) -> None:
    signing = services.cancel_signing(
        plan(make_event(tenant), sister_city_at_loi(tenant), LOI), by=None
    )
    with pytest.raises(Refused):
        _record(signing, cooperation_officer)


def _form(signing: PlannedSigning, second: str = "B/9") -> dict[str, str]:
    prefix = f"signing-{signing.pk}"
    return {
        f"{prefix}-date_signed": F8_DAY.isoformat(),
        f"{prefix}-place": "Makassar",
        f"{prefix}-number_first": "A/9",
        f"{prefix}-number_second": second,
    }


def test_the_page_records_a_signing(
    festival: Festival, client_as: Callable[[User], Client], cooperation_officer: User
) -> None:
    gothenburg = festival[0]
    url = f"/events/signings/{gothenburg.pk}/record/"
    response = client_as(cooperation_officer).post(url, _form(gothenburg))
    assert response.status_code == 302
    gothenburg.refresh_from_db()
    assert gothenburg.status == PlannedSigning.Status.DONE


def test_the_page_shows_why_a_signing_was_refused(
    festival: Festival, client_as: Callable[[User], Client], cooperation_officer: User
) -> None:
    kaohsiung = festival[2]
    client = client_as(cooperation_officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(f"/events/signings/{kaohsiung.pk}/record/", _form(kaohsiung))
    assert response.status_code == 200
    assert "Not recorded. What is missing:" in response.content.decode()
    assert "diplomatic relations" in response.content.decode()
    assert not Document.objects.filter(cooperation=kaohsiung.cooperation).exists()


def test_the_refusal_comes_back_as_the_row_for_htmx(
    festival: Festival, client_as: Callable[[User], Client], cooperation_officer: User
) -> None:
    kaohsiung = festival[2]
    response = client_as(cooperation_officer).post(
        f"/events/signings/{kaohsiung.pk}/record/", _form(kaohsiung), HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert body.lstrip().startswith("<li") and f'id="signing-{kaohsiung.pk}"' in body


def test_the_agenda_shows_readiness(
    festival: Festival, client_as: Callable[[User], Client], cooperation_officer: User
) -> None:
    event = festival[0].event
    client = client_as(cooperation_officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = client.get(event.get_absolute_url()).content.decode()
    assert "Sister city Gothenburg" in body and "Sister city Kaohsiung" in body
    assert "diplomatic relations" in body


def _signing_day_offered(body: str, signing: PlannedSigning) -> str | None:
    """The day the agenda's form offers for recording the signing, or None for an empty field."""
    field = re.search(rf'<input[^>]*name="signing-{signing.pk}-date_signed"[^>]*>', body)
    assert field is not None, "no date field for the signing"
    value = re.search(r'value="([^"]*)"', field[0])
    return value[1] if value and value[1] else None


def test_the_agenda_offers_the_events_day_for_the_signing_once_that_day_has_come(
    tenant: Tenant, client_as: Callable[[User], Client], cooperation_officer: User
) -> None:
    """Before the event its day would only be refused (no document is signed in the future):
    the field is left empty for the day it really happens; after it, the day is offered."""
    client = client_as(cooperation_officer)
    today = timezone.localdate()
    coming = make_event(tenant, starts_on=today + timedelta(days=42), ends_on=None)
    ahead = plan(coming, sister_city_at_loi(tenant, "SE", "Sister city Gothenburg"), LOI)
    past = make_event(tenant, starts_on=F8_DAY)
    behind = plan(past, sister_city_at_loi(tenant, "KR", "Sister city Incheon"), LOI)
    held = make_event(tenant, starts_on=today, ends_on=None)
    on_the_day = plan(held, sister_city_at_loi(tenant, "JP", "Sister city Kitakyushu"), LOI)
    assert (
        _signing_day_offered(client.get(coming.get_absolute_url()).content.decode(), ahead) is None
    )
    assert _signing_day_offered(client.get(past.get_absolute_url()).content.decode(), behind) == (
        F8_DAY.isoformat()
    )
    assert (
        _signing_day_offered(client.get(held.get_absolute_url()).content.decode(), on_the_day)
        == today.isoformat()
    )


def test_a_reader_sees_the_agenda_without_forms(
    festival: Festival, client_as: Callable[[User], Client], leadership: User
) -> None:
    event = festival[0].event
    body = client_as(leadership).get(event.get_absolute_url()).content.decode()
    assert "/record/" not in body
    response = client_as(leadership).post(f"/events/signings/{festival[0].pk}/record/", {})
    assert response.status_code == 403


def test_outsider_cannot_record_or_cancel(
    festival: Festival, client_as: Callable[[User], Client], outsider: User
) -> None:
    client = client_as(outsider)
    signing = festival[0]
    assert client.post(f"/events/signings/{signing.pk}/record/", _form(signing)).status_code == 404
    assert client.post(f"/events/signings/{signing.pk}/cancel/").status_code == 404


def test_the_cooperation_page_lists_its_planned_signings(
    festival: Festival, client_as: Callable[[User], Client], cooperation_officer: User
) -> None:
    coop = festival[0].cooperation
    body = client_as(cooperation_officer).get(coop.get_absolute_url()).content.decode()
    assert festival[0].event.get_absolute_url() in body


def test_domestic_kb_in_any_state_can_be_planned(tenant: Tenant) -> None:
    coop = cooperation_of_kind(tenant, Cooperation.Kind.DOMESTIC_REGION)
    assert plan(make_event(tenant), coop, KB).status == PlannedSigning.Status.PLANNED
