"""Synthetic partners: Indonesian regions, domestic companies, foreign cities and institutions in
the countries Indonesia has relations with (from the partner reference data)."""

import random
from dataclasses import dataclass, field

from mitra.cooperations import workflow
from mitra.lib.bulk import write_objects
from mitra.lib.keys import reserve_ids
from mitra.partners.models import Country, Partner, Place
from mitra.regions.models import Region
from mitra.tenancy.models import Tenant

K = Partner.Kind
REUSE_SHARE = 0.4  # a new cooperation with a partner the tenant already works with
COMPANY_WORDS = (
    "Nusantara", "Samudra", "Mandiri", "Sejahtera", "Cahaya", "Karya", "Bumi", "Lestari",
    "Makmur", "Sentosa", "Jaya", "Abadi", "Prima", "Utama", "Bahari", "Teknologi",
)  # fmt: skip
INSTITUTION_FORMS = ("University of %s", "%s Institute of Technology", "%s Foundation", "%s Agency")


@dataclass
class Reference:
    """What partners are drawn from: regions, and places in countries open to cooperation."""

    regions: list[Region]
    countries: list[Country]
    places: dict[str, list[Place]]  # by country code

    @classmethod
    def load(cls) -> "Reference":
        countries = list(
            Country.objects.filter(diplomatic_relations=True, cooperation_blocked=False).order_by(
                "code"
            )
        )
        places: dict[str, list[Place]] = {}
        biggest = Place.objects.filter(country__in=countries).order_by("-population", "pk")
        for place in biggest[:4000]:
            places.setdefault(place.country_id, []).append(place)
        return cls(
            list(Region.objects.exclude(type=Region.Type.PROVINCE).order_by("code")),
            [c for c in countries if c.code in places],
            places,
        )


@dataclass
class PartnerPool:
    """A tenant's partners by kind, created as cooperations need them."""

    tenant: Tenant
    by_kind: dict[str, list[Partner]] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    new: list[Partner] = field(default_factory=list)

    def pick(self, rng: random.Random, kind: str, ref: Reference) -> Partner:
        """A partner fit for a cooperation of `kind`: often one already known, else a new one."""
        facts = workflow.KINDS[kind]
        partner_kind = rng.choice(sorted(facts.partner_kinds))
        known = self.by_kind.get(partner_kind, [])
        if known and rng.random() < REUSE_SHARE:
            return rng.choice(known)
        partner = self._new(rng, partner_kind, ref)
        self.by_kind.setdefault(partner_kind, []).append(partner)
        self.new.append(partner)
        return partner

    def _new(self, rng: random.Random, kind: str, ref: Reference) -> Partner:
        partner = Partner(tenant=self.tenant, kind=kind)
        if kind == K.INDONESIAN_REGION:
            region = rng.choice(ref.regions)
            partner.region, partner.name = region, f"Pemerintah {region.official_name}"
        elif kind == K.DOMESTIC_PARTY:
            partner.name = "PT " + " ".join(rng.sample(COMPANY_WORDS, 2))
        else:
            country = rng.choice(ref.countries)
            place = rng.choice(ref.places[country.code])
            partner.country = country
            if kind == K.FOREIGN_CITY_OR_REGION:
                partner.place, partner.name = place, f"{place.name} ({country.name_en})"
            elif kind == K.FOREIGN_GOVERNMENT:
                partner.name = f"Government of {country.name_en}"
            else:
                partner.name = rng.choice(INSTITUTION_FORMS) % place.name
        partner.name = self._unique(partner.name)
        return partner

    def _unique(self, name: str) -> str:
        """Partner names are unique per tenant: number the second of a name."""
        candidate, number = name[:190], 1
        while candidate in self.names:
            number += 1
            candidate = f"{name[:190]} {number}"
        self.names.add(candidate)
        return candidate


def save_new_partners(pools: list[PartnerPool]) -> None:
    """Insert the partners drawn since the last call (before the cooperations naming them)."""
    new = [partner for pool in pools for partner in pool.new]
    for partner, pk in zip(new, reserve_ids(Partner, len(new)), strict=True):
        partner.pk = pk
    write_objects(Partner, new)
    for pool in pools:
        pool.new = []
