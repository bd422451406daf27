"""The review lists a record's changes as one line per field, before → after (issue 14).

An article naming three sectors a cooperation lacks once showed three lines "Sectors of …", each
adding one: three ticks for one field, and lines whose "after" contradicted each other. Every
function of `mitra.intake.changes` that proposes changes is walked here with several values for
each field it touches, so a new one fails `test_every_proposer_has_its_case` until it is.
"""

import inspect
from collections.abc import Callable

import pytest

from mitra.intake import changes
from mitra.intake.changes import Change
from mitra.partners.models import Country, Partner
from mitra.tenancy.models import Tenant
from tests.factories import make_cooperation, make_partner

pytestmark = pytest.mark.django_db


def _sectors(tenant: Tenant) -> list[Change]:
    coop = make_cooperation(tenant, sectors=["smart_city"])
    return changes.cooperation_changes(coop, ["environment", "health", "smart_city", "health"])


def _partner(tenant: Tenant) -> list[Change]:
    partner = make_partner(tenant, name="Göteborg", country=Country.objects.get(code="SE"))
    # A partner recorded before countries were required: the article's country fills it.
    Partner.objects.filter(pk=partner.pk).update(country=None)
    partner.refresh_from_db()
    names = ["Gothenburg", "Goeteborg", "City of Gothenburg"]
    return changes.partner_changes(partner, names=names, country=Country.objects.get(code="SE"))


def _chosen(tenant: Tenant) -> list[Change]:
    return [changes.chosen_partner_alias("Gothenburg")]


CASES: dict[str, Callable[[Tenant], list[Change]]] = {
    "cooperation_changes": _sectors,
    "partner_changes": _partner,
    "chosen_partner_alias": _chosen,
}


def _proposers() -> set[str]:
    return {
        name
        for name, function in inspect.getmembers(changes, inspect.isfunction)
        if function.__module__ == changes.__name__ and "Change" in str(function.__annotations__)
    }


def test_every_proposer_has_its_case():
    assert _proposers() == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_field_is_one_change(name, tenant):
    proposed = CASES[name](tenant)
    assert proposed
    assert len({change.field for change in proposed}) == len(proposed), proposed
    assert len({change.key for change in proposed}) == len(proposed), proposed


def test_the_sectors_line_adds_every_missing_sector_once(tenant, english):
    [change] = _sectors(tenant)
    assert (change.before, change.after) == (
        "smart city",
        "smart city, environment and waste, health",
    )
    assert change.label.count("→") == 1
