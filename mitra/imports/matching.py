"""What a register's names refer to within one tenant: partners, members, agencies, duplicates.

Everything the checks compare against is loaded once per file (the tenant's partners with their
other names, cooperations, document numbers, members and agencies), so checking a file costs a
fixed handful of queries plus one lookup per distinct country, region or city name. Names are
matched exactly after folding (`mitra.lib.text.fold`): a partner by its name or one of its other
names, an Indonesian region through `find_region`, a foreign city through `find_places`.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.auth.models import User

from mitra.cooperations import workflow
from mitra.cooperations.models import Agency, Cooperation, DocumentParty
from mitra.lib.text import fold
from mitra.partners.lookup import find_country, find_places
from mitra.partners.models import Country, Partner, Place
from mitra.regions.lookup import find_region
from mitra.regions.models import Region
from mitra.tenancy.models import Tenant


def reachable_states(kind: str, order: str) -> set[str]:
    """The states a cooperation of `kind` can be in: its first, and every target of the table."""
    return set(workflow.states_of(kind, order))


@dataclass
class Existing:
    """A cooperation already recorded, as the duplicate check needs it."""

    pk: int
    title: str
    partner_ids: set[int]


@dataclass
class TenantContext:
    """The tenant's records that a file's rows are compared with, loaded once."""

    tenant: Tenant
    _countries: dict[str, Country | None] = field(default_factory=dict)
    _regions: dict[str, Region | None] = field(default_factory=dict)
    _places: dict[tuple[str, str], Place | None] = field(default_factory=dict)

    @cached_property
    def partners_by_name(self) -> dict[str, list[Partner]]:
        found: dict[str, list[Partner]] = defaultdict(list)
        partners = Partner.objects.for_tenant(self.tenant).select_related("country", "region")
        for partner in partners.prefetch_related("aliases"):
            keys = {fold(partner.name), *(fold(a.alias) for a in partner.aliases.all())}
            for key in keys - {""}:
                found[key].append(partner)
        return found

    def partners_named(self, name: str) -> list[Partner]:
        return list(self.partners_by_name.get(fold(name), []))

    def partner_for_region(self, region: Region) -> Partner | None:
        return next(
            (
                p
                for partners in self.partners_by_name.values()
                for p in partners
                if p.region_id == region.code
            ),
            None,
        )

    def partner_for_place(self, place: Place) -> Partner | None:
        return next(
            (
                p
                for partners in self.partners_by_name.values()
                for p in partners
                if p.place_id == place.pk and p.kind == Partner.Kind.FOREIGN_CITY_OR_REGION
            ),
            None,
        )

    def country(self, name: str) -> Country | None:
        key = fold(name)
        if key not in self._countries:
            self._countries[key] = find_country(name)
        return self._countries[key]

    def region(self, name: str) -> Region | None:
        key = fold(name)
        if key not in self._regions:
            self._regions[key] = find_region(name)
        return self._regions[key]

    def place(self, name: str, country: Country) -> Place | None:
        """The most populous city of this exact name in the country, if the gazetteer has one."""
        key = (fold(name), country.code)
        if key not in self._places:
            self._places[key] = next(iter(find_places(name, country.code)), None)
        return self._places[key]

    @cached_property
    def cooperations_by_title(self) -> dict[str, list[Existing]]:
        found: dict[str, list[Existing]] = defaultdict(list)
        rows = Cooperation.objects.for_tenant(self.tenant).values_list("pk", "title", "partners")
        by_pk: dict[int, Existing] = {}
        for pk, title, partner_id in rows:
            if pk not in by_pk:
                by_pk[pk] = Existing(pk, title, set())
                found[fold(title)].append(by_pk[pk])
            if partner_id is not None:
                by_pk[pk].partner_ids.add(partner_id)
        return found

    @cached_property
    def numbers(self) -> dict[str, DocumentParty]:
        """Every document number the tenant has recorded, folded, with the party that gave it."""
        parties = DocumentParty.objects.filter(
            document__cooperation__tenant=self.tenant
        ).select_related("document__cooperation")
        return {fold(p.number): p for p in parties if fold(p.number)}

    @cached_property
    def members(self) -> dict[str, list[User]]:
        found: dict[str, list[User]] = defaultdict(list)
        users = User.objects.filter(memberships__tenant=self.tenant).distinct()
        for user in users:
            keys = {fold(user.username), fold(user.email), fold(user.get_full_name())}
            for key in keys - {""}:
                found[key].append(user)
        return found

    @cached_property
    def agencies(self) -> dict[str, list[Agency]]:
        found: dict[str, list[Agency]] = defaultdict(list)
        for agency in Agency.objects.filter(tenant=self.tenant):
            for key in {fold(agency.name), fold(agency.acronym)} - {""}:
                found[key].append(agency)
        return found

    @cached_property
    def states_by_kind(self) -> dict[str, set[str]]:
        return {
            kind: reachable_states(kind, self.tenant.procedure_order)
            for kind in Cooperation.Kind.values
        }
