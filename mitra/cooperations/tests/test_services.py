"""Creating and changing cooperations and documents through the services."""

from datetime import date

import pytest
from django.utils import translation

from mitra.audit.models import AuditEntry
from mitra.cooperations import services
from mitra.cooperations.models import Cooperation, CooperationEvent, Document, Sector
from mitra.cooperations.services import PartyInput
from mitra.lib.refusal import Refused
from mitra.partners.models import Country, Partner
from mitra.regions.models import Region
from tests.factories import make_cooperation, make_document, make_partner

pytestmark = pytest.mark.django_db


def test_a_foreign_cooperation_starts_at_the_initiative(tenant, cooperation_officer):
    coop = make_cooperation(tenant)
    assert coop.state == Cooperation.State.INITIATIVE


def test_a_domestic_cooperation_starts_in_preparation(tenant):
    tual = make_partner(
        tenant,
        kind=Partner.Kind.INDONESIAN_REGION,
        name="Pemerintah Kota Tual",
        country=None,
        region=Region.objects.get(code="8172"),
    )
    coop = make_cooperation(
        tenant, kind=Cooperation.Kind.DOMESTIC_REGION, sub_form="voluntary", partners=[tual]
    )
    assert coop.state == Cooperation.State.PREPARATION


def test_creation_writes_the_first_event_and_an_audit_row(tenant, cooperation_officer):
    partner = make_partner(tenant)
    coop = services.create_cooperation(
        tenant,
        by=cooperation_officer,
        kind=Cooperation.Kind.FOREIGN_REGION,
        title="Sister city Makassar–Gothenburg",
        partners=[partner],
        sectors=["smart_city", "infrastructure"],
        note="Visit by the delegation",
    )
    event = CooperationEvent.objects.get(cooperation=coop)
    assert (event.action, event.source, event.target) == ("create", "", "initiative")
    assert event.by == cooperation_officer
    entry = AuditEntry.objects.get(record=f"cooperations.cooperation:{coop.pk}")
    assert entry.action == AuditEntry.Action.CREATE
    assert entry.user == cooperation_officer
    assert entry.tenant == tenant
    with translation.override("id"):
        labels = sorted(str(Sector.objects.get(slug=s)) for s in ["smart_city", "infrastructure"])
    assert entry.changes["sectors"][1] == labels


def test_a_foreign_partner_is_refused_in_a_ksdd(tenant, english):
    with pytest.raises(Refused) as refused:
        make_cooperation(tenant, kind=Cooperation.Kind.DOMESTIC_REGION, sub_form="")
    assert "cannot be a partner" in refused.value.problems[0]
    assert not Cooperation.objects.exists()


def test_israel_is_refused_at_creation(tenant, english):
    partner = make_partner(tenant, name="Tel Aviv", country=Country.objects.get(code="IL"))
    with pytest.raises(Refused) as refused:
        make_cooperation(tenant, partners=[partner])
    assert any("not permitted" in p for p in refused.value.problems)


def test_every_problem_is_reported_at_once(tenant):
    partner = make_partner(tenant, country=Country.objects.get(code="IL"))
    with pytest.raises(Refused) as refused:
        make_cooperation(
            tenant,
            kind=Cooperation.Kind.FOREIGN_REGION,
            sub_form="voluntary",
            route="continuation",
            partners=[partner],
            start_date=date(2026, 5, 1),
            end_date=date(2026, 1, 1),
        )
    assert len(refused.value.problems) == 4


def test_a_cooperation_needs_a_partner(tenant):
    with pytest.raises(Refused):
        make_cooperation(tenant, partners=[])


def test_another_tenants_partner_is_refused(tenant, other_tenant):
    foreign_partner = make_partner(other_tenant)
    with pytest.raises(Refused):
        make_cooperation(tenant, partners=[foreign_partner])


def test_update_records_only_what_changed(tenant, cooperation_officer):
    coop = make_cooperation(tenant, title="Old title")
    services.update_cooperation(
        coop, by=cooperation_officer, title="New title", sectors=["tourism"]
    )
    entry = AuditEntry.objects.filter(action="update").get()
    with translation.override("id"):
        tourism = str(Sector.objects.get(slug="tourism"))
    assert entry.changes == {"title": ["Old title", "New title"], "sectors": [[], [tourism]]}
    coop.refresh_from_db()
    assert coop.title == "New title"


def test_an_update_that_breaks_a_rule_changes_nothing(tenant, cooperation_officer):
    coop = make_cooperation(tenant, title="Kept")
    with pytest.raises(Refused):
        services.update_cooperation(
            coop, by=cooperation_officer, title="Lost", route=Cooperation.Route.CONTINUATION
        )
    coop.refresh_from_db()
    assert coop.title == "Kept"
    assert not AuditEntry.objects.filter(action="update").exists()


def test_a_document_keeps_one_number_per_party(tenant, cooperation_officer):
    coop = make_cooperation(tenant)
    document = services.attach_document(
        coop,
        by=cooperation_officer,
        kind=Document.Kind.MOU,
        title="MoU smart city",
        date_signed=date(2017, 9, 1),
        valid_from=date(2017, 9, 1),
        valid_until=date(2022, 9, 1),
        parties=[
            PartyInput("first", "Pemerintah Kota Makassar", "180/12/KS/IX/2017"),
            PartyInput("second", "Partner", "2017-MOU-044"),
        ],
    )
    assert [p.number for p in document.parties.all()] == ["180/12/KS/IX/2017", "2017-MOU-044"]
    entry = AuditEntry.objects.get(record=f"cooperations.document:{document.pk}")
    assert entry.parent == f"cooperations.cooperation:{coop.pk}"


def test_a_document_valid_until_terminated_has_no_end(tenant):
    coop = make_cooperation(tenant)
    with pytest.raises(Refused):
        make_document(coop, until_terminated=True, valid_until=date(2030, 1, 1))
    assert not Document.objects.exists()


def test_a_parent_document_must_be_of_the_same_cooperation(tenant):
    loi = make_document(make_cooperation(tenant))
    with pytest.raises(Refused):
        make_document(make_cooperation(tenant), kind="mou", parent=loi)


def test_a_document_with_children_cannot_be_deleted(tenant, cooperation_officer):
    coop = make_cooperation(tenant)
    loi = make_document(coop)
    make_document(coop, kind="mou", parent=loi)
    with pytest.raises(Refused):
        services.delete_document(loi, by=cooperation_officer)


def test_updating_party_numbers_is_audited(tenant, cooperation_officer):
    coop = make_cooperation(tenant)
    document = make_document(coop, parties=[PartyInput("first", "Makassar", "1")])
    services.update_document(
        document, by=cooperation_officer, parties=[PartyInput("first", "Makassar", "2")]
    )
    entry = AuditEntry.objects.get(action="update")
    assert list(entry.changes) == ["parties"]


def test_outsider_cannot_see_the_cooperation_through_the_tenant_queryset(tenant, other_tenant):
    coop = make_cooperation(tenant)
    assert not Cooperation.objects.for_tenant(other_tenant).filter(pk=coop.pk).exists()


def test_an_agency_name_is_unique_within_its_tenant(tenant, other_tenant, tenant_admin):
    services.create_agency(tenant, by=tenant_admin, name="Dinas Komunikasi dan Informatika")
    with pytest.raises(Refused):
        services.create_agency(tenant, by=tenant_admin, name="dinas komunikasi dan informatika")
    other = services.create_agency(other_tenant, by=None, name="Dinas Komunikasi dan Informatika")
    assert other.tenant == other_tenant
