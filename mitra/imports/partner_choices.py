"""Which partner a register row names: one already recorded, or a new one to create.

A name is matched exactly (after folding) against the tenant's partners and their other names;
an Indonesian region through `find_region` ("Pemkot Solo" is Kota Surakarta); a foreign city
through the gazetteer, in the row's country. Anything else becomes a new partner, checked with
`partners.services.partner_problems` and created once however many rows name it.
"""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from mitra.cooperations import workflow
from mitra.imports import values, vocabulary
from mitra.imports.cells import Cells, choose
from mitra.imports.matching import TenantContext
from mitra.lib.text import fold
from mitra.partners.models import Country, Partner
from mitra.partners.services import partner_problems
from mitra.tenancy.models import Tenant

PartnerKind = Partner.Kind
DOMESTIC_PARTNER_KINDS = frozenset(
    pk for facts in workflow.KINDS.values() if not facts.foreign for pk in facts.partner_kinds
)
MAX_PARTNER_NAME = 200


@dataclass(eq=False)
class PartnerChoice:
    """A partner a row names: one already recorded, or a new one created once for the whole file."""

    name: str
    existing: Partner | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)
    first_row: int = 0

    def instance(self, tenant: Tenant) -> Partner:
        """The partner as the rules see it (unsaved when new)."""
        return self.existing or Partner(tenant=tenant, **self.fields)


def _partner_kind_label(value: str) -> str:
    return str(Partner.Kind(value).label)


def _names(cells: Cells) -> list[str]:
    """The partners the row names, each short enough to record; a problem for any that is not."""
    names = values.split_list(cells.text("partner"))
    if not names:
        cells.error("partner", _("A cooperation needs a partner: write its name."))
    for name in names:
        if len(name) > MAX_PARTNER_NAME:
            cells.error(
                "partner",
                _("The partner's name is longer than %(count)s characters.")
                % {"count": MAX_PARTNER_NAME},
            )
    return [name for name in names if len(name) <= MAX_PARTNER_NAME]


def row_country(cells: Cells, context: TenantContext) -> tuple[Country | None, bool]:
    """(the row's country, whether it could be read); an unknown name is a problem."""
    text = cells.line("country")
    if not text:
        return None, True
    country = context.country(text)
    if country is None:
        cells.error(
            "country",
            _("“%(value)s” is not a country Mitra knows; write its name in Indonesian or English.")
            % {"value": text},
        )
    return country, country is not None


class PartnerResolver:
    """Finds or plans the partners of each row, remembering the new ones the file names."""

    def __init__(self, context: TenantContext) -> None:
        self.context = context
        self.new_partners: dict[str, PartnerChoice] = {}

    def partners(self, cells: Cells, kind: str) -> list[PartnerChoice]:
        names = _names(cells)
        allowed = workflow.KINDS[kind].partner_kinds
        partner_kind = choose(
            cells, "partner_kind", vocabulary.partner_kinds(), allowed, _partner_kind_label
        )
        country, readable = row_country(cells, self.context)
        if not names or (cells.has("partner_kind") and not partner_kind) or not readable:
            return []  # the problem is recorded
        partner_kind = partner_kind or workflow.KINDS[kind].default_partner_kind
        found = [self._partner(cells, name, kind, partner_kind, country) for name in names]
        return [choice for choice in found if choice is not None]

    def check_without_kind(self, cells: Cells) -> None:
        """The partner cells of a row whose kind is unknown: what can be wrong whatever the kind."""
        _names(cells)
        choose(
            cells,
            "partner_kind",
            vocabulary.partner_kinds(),
            Partner.Kind.values,
            _partner_kind_label,
        )
        row_country(cells, self.context)

    def _partner(
        self, cells: Cells, name: str, kind: str, partner_kind: str, country: Country | None
    ) -> PartnerChoice | None:
        matches = self.context.partners_named(name)
        if len(matches) > 1:
            names = ", ".join(sorted(p.name for p in matches))
            cells.error(
                "partner",
                _("“%(value)s” is a name of several partners: %(names)s.")
                % {"value": name, "names": names},
            )
            return None
        if matches:
            return self._existing(cells, matches[0], country)
        if partner_kind not in DOMESTIC_PARTNER_KINDS:
            return self._foreign(cells, name, partner_kind, country)
        if country is not None and country.code != "ID":
            cells.error(
                "country",
                _("The partner of a %(kind)s is in Indonesia, not %(country)s.")
                % {"kind": workflow.abbreviation(kind), "country": country.name},
            )
            return None
        if partner_kind == PartnerKind.INDONESIAN_REGION:
            return self._region(cells, name)
        return self._new(cells, name, name, {"kind": partner_kind, "name": name})

    def _existing(self, cells: Cells, partner: Partner, country: Country | None) -> PartnerChoice:
        if country is not None and partner.country is not None and partner.country != country:
            cells.error(
                "country",
                _("%(partner)s is recorded in %(recorded)s, not %(given)s.")
                % {
                    "partner": partner.name,
                    "recorded": partner.country.name,
                    "given": country.name,
                },
            )
        return PartnerChoice(name=partner.name, existing=partner)

    def _region(self, cells: Cells, name: str) -> PartnerChoice | None:
        region = self.context.region(name)
        if region is None:
            cells.error(
                "partner",
                _(
                    "“%(value)s” is not an Indonesian region Mitra knows; write it as Kemendagri does, such as “Kota Surakarta” or “Kabupaten Bandung”."
                )
                % {"value": name},
            )
            return None
        if region.code == self.context.tenant.region_id:
            cells.error("partner", _("A region cannot cooperate with itself."))
            return None
        existing = self.context.partner_for_region(region) or next(
            iter(self.context.partners_named(region.official_name)), None
        )
        if existing is not None:
            return PartnerChoice(name=existing.name, existing=existing)
        fields = {
            "kind": PartnerKind.INDONESIAN_REGION,
            "name": region.official_name,
            "region": region,
        }
        return self._new(cells, region.official_name, name, fields)

    def _foreign(
        self, cells: Cells, name: str, partner_kind: str, country: Country | None
    ) -> PartnerChoice | None:
        if country is None:
            cells.error("country", _("A foreign partner needs a country."))
            return None
        place = None
        if partner_kind == PartnerKind.FOREIGN_CITY_OR_REGION:
            place = self.context.place(name, country)
        existing = self.context.partner_for_place(place) if place is not None else None
        if existing is not None:
            return PartnerChoice(name=existing.name, existing=existing)
        fields = {"kind": partner_kind, "name": name, "country": country, "place": place}
        return self._new(cells, name, name, fields)

    def _new(
        self, cells: Cells, name: str, written: str, fields: dict[str, Any]
    ) -> PartnerChoice | None:
        key = fold(name)
        earlier = self.new_partners.get(key)
        if earlier is not None:
            same = (earlier.fields["kind"], earlier.fields.get("country")) == (
                fields["kind"],
                fields.get("country"),
            )
            if not same:
                cells.error(
                    "partner",
                    _("%(partner)s is described differently in row %(row)s.")
                    % {"partner": name, "row": earlier.first_row},
                )
                return None
            return earlier
        problems = partner_problems(self.context.tenant, fields)
        for problem in problems:
            cells.error("partner", problem)
        if problems:
            return None
        aliases = [written] if fold(written) != key else []
        choice = PartnerChoice(name=name, fields=fields, aliases=aliases, first_row=cells.number)
        self.new_partners[key] = choice
        return choice
