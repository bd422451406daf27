"""An edit that changes nothing saves nothing (`mitra.audit.services.unchanged`), so a change
only in what a record links to, the rows it replaces or a file given must still count as a change:
saved, with one audit row (issue 14). The same edits given back as they are save nothing."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Sector
from mitra.cooperations.services import (
    PartyInput,
    create_agency,
    update_cooperation,
    update_document,
)
from mitra.followups.models import Activity
from mitra.followups.services import update_activity
from mitra.lib.tests import samples
from mitra.partners.models import Partner
from mitra.partners.services import update_partner
from mitra.staff.models import StaffProfile
from mitra.staff.services import update_staff_profile
from mitra.tenancy.models import Membership, Tenant
from tests.factories import make_user
from tests.tenant_world import World, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(tenant: Tenant) -> World:
    return make_world(tenant, "alpha")


def _audited(edit: Callable[[], bool]) -> tuple[bool, int]:
    """What the edit answered, and how many audit rows it wrote."""
    rows = AuditEntry.objects.count()
    changed = edit()
    return changed, AuditEntry.objects.count() - rows


def _party(**fields: Any) -> PartyInput:
    return PartyInput(**{"role": "first", "name": "Party alpha", **fields})


def test_a_cooperation_given_its_own_sectors_and_agencies_again_is_not_saved(world):
    coop = world.cooperation
    stamp = coop.updated_at
    sectors, agencies = list(coop.sectors.all()), list(coop.implementing_agencies.all())
    assert _audited(
        lambda: update_cooperation(coop, by=None, sectors=sectors, implementing_agencies=agencies)
    ) == (False, 0)
    coop.refresh_from_db()
    assert coop.updated_at == stamp


def test_a_cooperation_changed_only_in_its_sectors_is_saved(world):
    coop = world.cooperation
    sectors = [*coop.sectors.all(), Sector.objects.exclude(cooperations=coop).first()]
    assert _audited(lambda: update_cooperation(coop, by=None, sectors=sectors)) == (True, 1)
    assert set(coop.sectors.all()) == set(sectors)


def test_a_cooperation_changed_only_in_its_agencies_is_saved(world):
    coop = world.cooperation
    agency = create_agency(world.tenant, by=None, name="Dinas Pariwisata", acronym="Dispar")
    changed = _audited(lambda: update_cooperation(coop, by=None, implementing_agencies=[agency]))
    assert changed == (True, 1)
    assert list(coop.implementing_agencies.all()) == [agency]


def test_a_document_changed_only_in_a_partys_signatory_is_saved(world):
    document = world.document
    document.parties.update(role="first")
    assert _audited(lambda: update_document(document, by=None, parties=[_party()])) == (False, 0)
    signed = [_party(signatory_name="Wali Kota")]
    assert _audited(lambda: update_document(document, by=None, parties=signed)) == (True, 1)
    assert document.parties.get().signatory_name == "Wali Kota"


def test_a_document_given_a_file_and_nothing_else_is_saved(world):
    document = world.document
    document.parties.update(role="first")
    upload = SimpleUploadedFile("mou.pdf", samples.pdf())
    assert _audited(lambda: update_document(document, by=None, file=upload)) == (True, 1)
    document.refresh_from_db()
    assert document.file.name.endswith(".pdf")


def test_an_activity_changed_only_in_its_staff_is_saved(world):
    activity = Activity.objects.get(tenant=world.tenant)
    colleague = make_user(world.tenant, Membership.Role.COOPERATION_OFFICER, "alpha-colleague")
    same = list(activity.staff.all())
    assert _audited(lambda: update_activity(activity, by=None, staff=same)) == (False, 0)
    both = [*same, colleague]
    assert _audited(lambda: update_activity(activity, by=None, staff=both)) == (True, 1)
    assert set(activity.staff.all()) == set(both)


def test_an_activity_given_an_attachment_and_nothing_else_is_saved(world):
    activity = Activity.objects.get(tenant=world.tenant)
    upload = SimpleUploadedFile("notes.pdf", samples.pdf())
    assert _audited(lambda: update_activity(activity, by=None, attachment=upload)) == (True, 1)
    activity.refresh_from_db()
    assert activity.attachment.name.endswith(".pdf")


def test_a_partner_changed_only_in_its_aliases_is_saved(world):
    partner = Partner.objects.get(tenant=world.tenant)
    again = [" Alias alpha ", "Alias alpha"]  # kept once, trimmed: the same alias
    assert _audited(lambda: update_partner(partner, by=None, aliases=again)) == (False, 0)
    more = ["Alias alpha", "Incheon"]
    assert _audited(lambda: update_partner(partner, by=None, aliases=more)) == (True, 1)
    assert sorted(partner.aliases.values_list("alias", flat=True)) == more


def test_a_staff_profile_changed_only_in_its_languages_is_saved(world):
    profile = StaffProfile.objects.get(tenant=world.tenant)
    same = iter([("en", "fluent")])  # read twice by the service: once to compare, once to set
    assert _audited(lambda: update_staff_profile(profile, by=None, languages=same)) == (False, 0)
    more = iter([("en", "fluent"), ("ko", "basic")])
    assert _audited(lambda: update_staff_profile(profile, by=None, languages=more)) == (True, 1)
    assert dict(profile.languages.values_list("language", "level")) == {
        "en": "fluent",
        "ko": "basic",
    }
