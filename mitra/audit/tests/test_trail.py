"""The audit trail: every write leaves a row, and each record shows its own trail and its parts'."""

from datetime import date

import pytest

from mitra.audit.models import AuditEntry
from mitra.audit.services import diff, trail_for
from mitra.cooperations import services
from tests.factories import make_cooperation, make_document

pytestmark = pytest.mark.django_db


def test_diff_lists_only_changed_fields():
    assert diff({"a": 1, "b": 2}, {"a": 1, "b": 3}) == {"b": [2, 3]}


def test_a_cooperations_trail_includes_its_documents(tenant, cooperation_officer):
    coop = make_cooperation(tenant)
    document = make_document(coop)
    services.delete_document(document, by=cooperation_officer)
    actions = [(e.model_label, e.action) for e in trail_for(coop).order_by("pk")]
    assert actions == [
        ("cooperations.cooperation", "create"),
        ("cooperations.document", "create"),
        ("cooperations.document", "delete"),
    ]


def test_another_tenants_records_never_appear_in_the_trail(tenant, other_tenant):
    coop = make_cooperation(tenant)
    make_cooperation(other_tenant)
    assert {e.tenant for e in trail_for(coop)} == {tenant}
    assert AuditEntry.objects.filter(tenant=other_tenant).exists()


def test_a_change_without_differences_writes_nothing(tenant, cooperation_officer):
    coop = make_cooperation(tenant, title="Same")
    services.update_cooperation(coop, by=cooperation_officer, title="Same")
    assert not AuditEntry.objects.filter(action="update").exists()


def test_the_admin_leaves_a_row_too(tenant, admin_client):
    coop = make_cooperation(tenant)
    response = admin_client.post(
        "/admin/cooperations/agency/add/", {"tenant": tenant.pk, "name": "Dinas Kominfo"}
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(model_label="cooperations.agency")
    assert entry.action == "create"
    assert entry.user is not None
    assert coop.pk


def test_secret_fields_never_reach_the_trail(tenant, cooperation_officer):
    from mitra.events.services import create_feed

    feed, raw = create_feed(tenant, by=cooperation_officer, user=cooperation_officer)
    entry = AuditEntry.objects.get(model_label="events.calendarfeed")
    assert raw not in str(entry.changes) and feed.token_hash not in str(entry.changes)
    assert entry.changes["token_hash"] == [None, "[hidden]"]


def test_people_in_a_list_of_the_trail_are_named_not_by_their_username(tenant, cooperation_officer):
    """The staff present at a meeting, as the audit trail shows them: "Ikhsan Rahman", not the
    login name "makassar.officer"."""
    from mitra.followups.services import log_activity

    cooperation_officer.first_name, cooperation_officer.last_name = "Ikhsan", "Rahman"
    cooperation_officer.save(update_fields=["first_name", "last_name"])
    activity = log_activity(
        tenant,
        by=cooperation_officer,
        kind="meeting",
        date=date(2026, 1, 5),
        title="Rapat",
        cooperation=make_cooperation(tenant),
        staff=[cooperation_officer],
    )
    entry = AuditEntry.objects.get(
        model_label="followups.activity", record__endswith=f":{activity.pk}"
    )
    assert entry.changes["staff"] == [None, ["Ikhsan Rahman"]]
