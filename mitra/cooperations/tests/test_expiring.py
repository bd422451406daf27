"""One definition of an expiring document (`rules.document_is_expiring`): the dashboard lists and
the reminders announce the same documents, with the notice the tenant chose."""

from datetime import date, timedelta

import pytest

from mitra.cooperations import rules
from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.queries import expiring_documents
from mitra.dashboard.queries import dashboard
from mitra.reminders.due import People, document_reminders
from tests.factories import make_cooperation, make_document

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)
K = Document.Kind


def ending(coop, days, kind=K.MOU, **fields):
    end = TODAY + timedelta(days=days) if days is not None else None
    return make_document(coop, kind=kind, title=f"{kind} {days}", valid_until=end, **fields)


@pytest.fixture
def documents(tenant, other_tenant):
    live = make_cooperation(tenant)
    ended = make_cooperation(tenant)
    Cooperation.objects.filter(pk=ended.pk).update(state=Cooperation.State.TERMINATED)
    return {
        "MoU in 30 days": ending(live, 30),
        "LoI in 90 days": ending(live, 90, kind=K.LETTER_OF_INTENT),
        "MoU ending today": ending(live, 0),
        "MoU in 180 days": ending(live, 180),
        "MoU in 181 days": ending(live, 181),
        "MoU ended yesterday": ending(live, -1),
        "MoU until terminated": ending(live, None, until_terminated=True),
        "MoU without an end": ending(live, None),
        "MoU of a terminated cooperation": ending(ended, 30),
        "another tenant's MoU": ending(make_cooperation(other_tenant), 30),
    }


EXPIRING = {"MoU in 30 days", "LoI in 90 days", "MoU ending today", "MoU in 180 days"}


def test_the_query_and_the_rule_agree_on_every_kind_of_case(tenant, documents):
    lead_days = rules.expiry_lead_days(tenant)
    stored = Document.objects.select_related("cooperation").in_bulk()
    by_rule = {
        name
        for name, document in documents.items()
        if document.cooperation.tenant_id == tenant.pk
        and rules.document_is_expiring(stored[document.pk], TODAY, lead_days)
    }
    found = set(expiring_documents(tenant, TODAY, lead_days))
    by_query = {name for name, document in documents.items() if document in found}
    assert by_rule == by_query == EXPIRING


def test_the_notice_is_the_tenants_largest_expiry_window(tenant):
    assert rules.expiry_lead_days(tenant) == 180
    tenant.expiry_windows = "60,7"
    tenant.save(update_fields=["expiry_windows"])
    assert rules.expiry_lead_days(tenant) == 60


def test_the_dashboard_lists_what_the_reminders_announce(tenant, cooperation_officer, documents):
    listed = {d.pk for d in dashboard(tenant, TODAY).expiring.rows}
    reminded = {
        int(due.subject.rpartition(":")[2])
        for due in document_reminders([tenant], TODAY, People.of([tenant]))
    }
    assert listed == reminded == {documents[name].pk for name in EXPIRING}


def test_the_dashboard_looks_as_far_ahead_as_the_tenant_chose(tenant, documents):
    tenant.expiry_windows = "60,7"
    tenant.save(update_fields=["expiry_windows"])
    board = dashboard(tenant, TODAY)
    assert board.expiry_days == 60
    assert {d.title for d in board.expiring.rows} == {"mou 30", "mou 0"}


def test_an_outsider_sees_none_of_the_tenants_expiring_documents(other_tenant, documents):
    lead_days = rules.expiry_lead_days(other_tenant)
    found = list(expiring_documents(other_tenant, TODAY, lead_days))
    assert found == [documents["another tenant's MoU"]]
