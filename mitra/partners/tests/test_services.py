"""Partners and contacts through the services."""

import pytest

from mitra.audit.models import AuditEntry
from mitra.lib.refusal import Refused
from mitra.partners import services
from mitra.partners.models import Country, Partner, Place
from tests.factories import make_cooperation, make_partner

pytestmark = pytest.mark.django_db


def test_a_foreign_partner_needs_a_country(tenant, english):
    with pytest.raises(Refused) as refused:
        make_partner(tenant, country=None)
    assert "country" in refused.value.problems[0]


def test_a_partner_name_is_unique_in_its_tenant_only(tenant, other_tenant):
    make_partner(tenant, name="Incheon Metropolitan City")
    with pytest.raises(Refused):
        make_partner(tenant, name="incheon metropolitan city")
    assert make_partner(other_tenant, name="Incheon Metropolitan City").tenant == other_tenant


def test_an_indonesian_region_partner_names_its_region(tenant):
    with pytest.raises(Refused):
        make_partner(tenant, kind=Partner.Kind.INDONESIAN_REGION, country=None, name="Kota Tual")


def test_a_place_must_lie_in_the_partners_country(tenant):
    gothenburg = Place.objects.filter(country="SE", names__key="gothenburg").first()
    assert gothenburg is not None
    with pytest.raises(Refused):
        make_partner(tenant, country=Country.objects.get(code="KR"), place=gothenburg)


def test_aliases_and_contacts_are_kept_and_audited(tenant, cooperation_officer):
    partner = services.create_partner(
        tenant,
        by=cooperation_officer,
        kind=Partner.Kind.FOREIGN_INSTITUTION,
        name="Majlis Amanah Rakyat",
        country=Country.objects.get(code="MY"),
        aliases=["MARA", "Majelis Amanat Rakyat", "MARA"],
    )
    assert sorted(partner.aliases.values_list("alias", flat=True)) == [
        "MARA",
        "Majelis Amanat Rakyat",
    ]
    contact = services.add_contact(partner, by=cooperation_officer, name="Liaison office")
    services.update_contact(contact, by=cooperation_officer, email="liaison@example.org")
    actions = list(
        AuditEntry.objects.filter(parent=f"partners.partner:{partner.pk}").values_list(
            "action", flat=True
        )
    )
    assert sorted(actions) == ["create", "update"]


def test_a_partner_with_cooperations_cannot_be_deleted(tenant, cooperation_officer):
    coop = make_cooperation(tenant)
    with pytest.raises(Refused):
        services.delete_partner(coop.partners.get(), by=cooperation_officer)


def test_outsider_partners_are_not_in_the_tenant_queryset(tenant, other_tenant):
    partner = make_partner(other_tenant)
    assert not Partner.objects.for_tenant(tenant).filter(pk=partner.pk).exists()
