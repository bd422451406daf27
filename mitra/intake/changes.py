"""What confirming a news item would change in records that already exist, change by change.

Nothing changes an existing record unless the reviewer sees the change and ticks it: the review
page lists, per existing cooperation and partner, each change as its field before and after,
none ticked; `services.confirm_news` writes only the ticked ones, through the audited services.
A record's changes to one field are one change, read as one line (the field, before → after):
each has a key the form posts back: "sectors" adds every sector the text names that the
cooperation lacks, "aliases" keeps the names the text used as other names of the partner,
"country" fills the partner's missing country.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from mitra.cooperations.models import Cooperation, Sector
from mitra.lib.text import fold
from mitra.partners.models import Country, Partner

ALIASES = "aliases"
COUNTRY = "country"
SECTORS = "sectors"
NOTHING = "—"


@dataclass(frozen=True)
class Change:
    """One change to an existing record: its key, the field's name, and the value before and
    after (as the page writes them)."""

    key: str
    field: str
    before: str
    after: str

    @property
    def label(self) -> str:
        return f"{self.field}: {self.before} → {self.after}"


def added_sectors(cooperation: Cooperation, sectors: Iterable[str]) -> list[str]:
    """Of the proposed sectors, those the cooperation lacks, each once, in the given order."""
    had = set(cooperation.sectors.values_list("slug", flat=True))
    return [
        slug for slug in dict.fromkeys(sectors) if slug in Sector.Slug.values and slug not in had
    ]


def _sector_names(slugs: Iterable[str]) -> str:
    return ", ".join(str(Sector.Slug(slug).label) for slug in slugs) or NOTHING


def cooperation_changes(cooperation: Cooperation, sectors: Iterable[str]) -> list[Change]:
    """Adding the proposed sectors the cooperation does not have yet: one change, all of them."""
    added = added_sectors(cooperation, sectors)
    if not added:
        return []
    had = list(cooperation.sectors.values_list("slug", flat=True))
    return [
        Change(
            key=SECTORS,
            field=_("Sectors of %(title)s") % {"title": cooperation.title},
            before=_sector_names(had),
            after=_sector_names([*had, *added]),
        )
    ]


def new_names(partner: Partner, names: Iterable[str]) -> list[str]:
    """Of `names`, those that are neither the partner's name nor one of its other names."""
    known = {fold(name) for name in [partner.name, *(a.alias for a in partner.aliases.all())]}
    found: list[str] = []
    for name in (name.strip() for name in names):
        if name and fold(name) not in known:
            known.add(fold(name))
            found.append(name)
    return found


def partner_changes(
    partner: Partner, *, names: Iterable[str], country: Country | None
) -> list[Change]:
    """Keeping the names the text used as other names; filling a foreign partner's country."""
    changes = []
    aliases = [alias.alias for alias in partner.aliases.all()]
    added = new_names(partner, names)
    if added:
        changes.append(
            Change(
                key=ALIASES,
                field=_("Other names of %(partner)s") % {"partner": partner.name},
                before=", ".join(aliases) or NOTHING,
                after=", ".join([*aliases, *added]),
            )
        )
    if fills_country(partner, country):
        assert country is not None  # noqa: S101 (fills_country says so)
        changes.append(
            Change(
                key=COUNTRY,
                field=_("Country of %(partner)s") % {"partner": partner.name},
                before=NOTHING,
                after=country.name,
            )
        )
    return changes


def fills_country(partner: Partner, country: Country | None) -> bool:
    return partner.country_id is None and country is not None and partner.is_foreign


def chosen_partner_alias(written_as: str) -> Change:
    """For a partner the reviewer may choose among suggestions: keeping the written name."""
    return Change(
        key=ALIASES,
        field=_("Other names of the partner chosen under “Record as”"),
        before=_("its present names"),
        after=_("its present names and “%(name)s”") % {"name": written_as},
    )
