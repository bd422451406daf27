"""The typed result of reading one text: every item carries the offsets of its evidence.

This is the contract between the extractor, the `mitra extract` command (which prints
`Extraction.as_json()`), and the review pages of `mitra.intake`. Plain Python: no Django.
"""

from dataclasses import dataclass, field
from typing import Any

# [start, end) character offsets into the text that was read (after HTML tags were stripped).
type Span = tuple[int, int]

# The six partner kinds of domain.md; they equal `mitra.partners.models.Partner.Kind` values.
PARTNER_KINDS = (
    "foreign_city_or_region",
    "foreign_government",
    "foreign_institution",
    "foreign_company",
    "indonesian_region",
    "domestic_party",
)
STAGES = ("exploration", "loi", "mou", "pks", "implementation", "on_hold", "ended")


@dataclass(frozen=True, slots=True)
class RegionItem:
    name: str  # the region's official name, e.g. "Kota Surakarta"
    code: str  # Kemendagri code, e.g. "33.72"
    evidence: tuple[Span, ...]
    written: str = ""  # as the text writes it at the first evidence, e.g. "Solo"


# A note to the reviewer about a partner: its kind, then its words.
Flag = tuple[str, ...]
FLAG_SPELLING = "spelling"  # (FLAG_SPELLING, as written, the gazetteer's name)
FLAG_UNKNOWN_PLACE = "unknown_place"  # (FLAG_UNKNOWN_PLACE, the name as written)


@dataclass(frozen=True, slots=True)
class PartnerItem:
    name: str  # as it should be recorded, e.g. "Gothenburg", "MARA", "ENGIE INEO"
    kind: str  # one of PARTNER_KINDS
    country: str | None  # ISO 3166-1 alpha-2
    evidence: tuple[Span, ...]
    # The gazetteer place (GeoNames id) when the partner is a foreign city or region.
    place_id: int | None = None
    # Notes to the reviewer, never an automatic merge: each its kind and its words, worded in
    # the reviewer's language by the review page (`FLAG_SPELLING`, `FLAG_UNKNOWN_PLACE`).
    flags: tuple[Flag, ...] = ()
    # As the text writes it at the first evidence ("Melaka" for the gazetteer's Malacca).
    written: str = ""


@dataclass(frozen=True, slots=True)
class CountryItem:
    code: str
    name: str  # the Indonesian name
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class SectorItem:
    slug: str
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class StageItem:
    slug: str  # one of STAGES
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class PersonItem:
    name: str  # without titles
    role: str  # as written, e.g. "Wali Kota Makassar"
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class EventItem:
    name: str
    date: str | None  # ISO "YYYY-MM-DD", or null when the text does not anchor it
    evidence: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Extraction:
    text: str
    regions: tuple[RegionItem, ...] = ()
    partners: tuple[PartnerItem, ...] = ()
    countries: tuple[CountryItem, ...] = ()
    sectors: tuple[SectorItem, ...] = ()
    stage: StageItem | None = None
    people: tuple[PersonItem, ...] = ()
    events: tuple[EventItem, ...] = ()
    dates: tuple[str, ...] = field(default=())  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"

    def as_json(self, source: str) -> dict[str, Any]:
        """The documented JSON object of `mitra extract` (docs/intake.md), keys in order."""

        def spans(evidence: tuple[Span, ...]) -> list[list[int]]:
            return [[start, end] for start, end in evidence]

        return {
            "source": source,
            "regions": [
                {
                    "name": r.name,
                    "written": r.written,
                    "code": r.code,
                    "evidence": spans(r.evidence),
                }
                for r in self.regions
            ],
            "partners": [
                {
                    "name": p.name,
                    "written": p.written,
                    "kind": p.kind,
                    "country": p.country,
                    "evidence": spans(p.evidence),
                }
                for p in self.partners
            ],
            "countries": [
                {"code": c.code, "name": c.name, "evidence": spans(c.evidence)}
                for c in self.countries
            ],
            "sectors": [{"slug": s.slug, "evidence": spans(s.evidence)} for s in self.sectors],
            "stage": (
                {"slug": self.stage.slug, "evidence": spans(self.stage.evidence)}
                if self.stage
                else None
            ),
            "people": [
                {"name": p.name, "role": p.role, "evidence": spans(p.evidence)} for p in self.people
            ],
            "events": [
                {"name": e.name, "date": e.date, "evidence": spans(e.evidence)} for e in self.events
            ],
            "dates": list(self.dates),
        }
