"""What the public sees of a published cooperation, and nothing else.

Templates and the map's JSON receive these frozen records, never the models: a public page
cannot print an internal field because no internal field reaches it.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from mitra.cooperations import workflow
from mitra.cooperations.models import (
    Cooperation,
    CooperationPartner,
    CooperationSector,
    Document,
    Sector,
)
from mitra.partners.models import Country, Partner
from mitra.portal import access
from mitra.portal.models import Publication
from mitra.portal.stages import STAGE_TONES, Stage, public_stage, states_at
from mitra.tenancy.models import Tenant


@dataclass(frozen=True)
class PublicPartner:
    name: str
    kind: str
    country_code: str
    country_numeric: str
    country: str
    place: str  # the partner's city or Indonesian region, when known
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class PublicAgreement:
    """A signed agreement: what kind, when signed, how long valid. No number, no file."""

    kind: str
    date_signed: date | None
    valid_from: date | None
    valid_until: date | None
    until_terminated: bool


@dataclass(frozen=True)
class PublicCooperation:
    pk: int
    url: str
    title: str
    summary: str
    kind: str
    kind_label: str
    kind_abbreviation: str
    stage: str
    stage_label: str
    stage_tone: str
    sectors: tuple[tuple[str, str], ...]  # (slug, label)
    start_date: date | None
    end_date: date | None
    partners: tuple[PublicPartner, ...]
    agreements: tuple[PublicAgreement, ...]
    published_at: datetime | None

    @property
    def countries(self) -> list[str]:
        return sorted({p.country_code for p in self.partners if p.country_code})

    @property
    def latest_agreement(self) -> PublicAgreement | None:
        return self.agreements[-1] if self.agreements else None


def _partner(partner: Partner) -> PublicPartner:
    country = partner.country
    place, lat, lon = "", None, None
    if partner.place is not None:
        place, lat, lon = partner.place.name, partner.place.latitude, partner.place.longitude
    elif partner.region is not None:
        region = partner.region
        place, lat, lon = region.official_name, region.latitude, region.longitude
    return PublicPartner(
        name=partner.name,
        kind=partner.get_kind_display(),
        country_code=country.code if country else "",
        country_numeric=country.numeric if country else "",
        country=country.name if country else "",
        place=place,
        lat=float(lat) if lat is not None else None,
        lon=float(lon) if lon is not None else None,
    )


def _agreement(document: Document) -> PublicAgreement:
    return PublicAgreement(
        kind=document.get_kind_display(),
        date_signed=document.date_signed,
        valid_from=document.valid_from,
        valid_until=document.valid_until,
        until_terminated=document.until_terminated,
    )


def public_view(
    publication: Publication,
    tenant: Tenant,
    *,
    partners: Iterable[Partner],
    sectors: Iterable[Any],
    documents: Iterable[Document],
) -> PublicCooperation:
    """The public record of a cooperation from its publication and the rows loaded with it."""
    coop = publication.cooperation
    documents = list(documents)
    stage = public_stage(coop.state, (d.kind for d in documents))
    url = reverse("portal:detail", args=[tenant.slug, publication.pk]) if publication.pk else ""
    return PublicCooperation(
        pk=publication.pk or 0,
        url=url,
        title=publication.public_title,
        summary=publication.public_summary,
        kind=coop.kind,
        kind_label=str(Cooperation.Kind(coop.kind).label),
        kind_abbreviation=workflow.abbreviation(coop.kind),
        stage=stage.value,
        stage_label=str(stage.label),
        stage_tone=f"badge--{STAGE_TONES[stage]}",
        sectors=tuple((s.slug, str(s)) for s in sectors),
        start_date=coop.start_date,
        end_date=coop.end_date,
        partners=tuple(_partner(p) for p in partners),
        agreements=tuple(_agreement(d) for d in documents),
        published_at=publication.published_at,
    )


def public_record(publication: Publication, tenant: Tenant) -> PublicCooperation:
    """From a publication loaded by `access.published_for` (its relations prefetched)."""
    coop = publication.cooperation
    return public_view(
        publication,
        tenant,
        partners=getattr(coop, access.PUBLIC_PARTNERS),
        sectors=getattr(coop, access.PUBLIC_SECTORS),
        documents=getattr(coop, access.PUBLIC_DOCUMENTS),
    )


@dataclass(frozen=True)
class PublicFilters:
    kind: str = ""
    stage: str = ""
    country: str = ""
    sector: str = ""

    def matches(self, record: PublicCooperation) -> bool:
        return (
            (not self.kind or record.kind == self.kind)
            and (not self.stage or record.stage == self.stage)
            and (not self.country or self.country in record.countries)
            and (not self.sector or any(slug == self.sector for slug, _ in record.sectors))
        )

    def narrowing(self) -> Q:
        """`matches` as a filter of publications, for the database."""
        coop = OuterRef("cooperation")
        narrowed = Q()
        if self.kind:
            narrowed &= Q(cooperation__kind=self.kind)
        if self.stage:
            narrowed &= _at_stage(self.stage)
        if self.country:
            partners = CooperationPartner.objects.filter(cooperation=coop)
            narrowed &= Q(Exists(partners.filter(partner__country=self.country)))
        if self.sector:
            narrowed &= Q(
                Exists(CooperationSector.objects.filter(cooperation=coop, sector=self.sector))
            )
        return narrowed


def _at_stage(stage: str) -> Q:
    """`public_stage` as a filter of publications: an exploration whose LoI is recorded as
    signed reads as the LoI signed."""
    exploring = Q(cooperation__state__in=states_at(Stage.EXPLORATION))
    signed = Q(access.loi_signed(OuterRef("cooperation")))
    if stage == Stage.EXPLORATION:
        return exploring & ~signed
    if stage == Stage.INTENT:
        return Q(cooperation__state__in=states_at(Stage.INTENT)) | (exploring & signed)
    return Q(cooperation__state__in=states_at(stage))


def filtered(
    records: Sequence[PublicCooperation], filters: PublicFilters
) -> list[PublicCooperation]:
    return [record for record in records if filters.matches(record)]


def _by_label(labels: dict[str, str]) -> list[tuple[str, str]]:
    return sorted(labels.items(), key=lambda item: item[1])


def country_choices(records: Iterable[PublicCooperation]) -> list[tuple[str, str]]:
    """The partner countries among the published cooperations, by name."""
    return _by_label(
        {p.country_code: p.country for r in records for p in r.partners if p.country_code}
    )


def country_choices_of(countries: Iterable[Country]) -> list[tuple[str, str]]:
    """`country_choices` from the countries themselves (`access.published_countries`)."""
    return _by_label({country.code: country.name for country in countries})


def sector_choices(records: Iterable[PublicCooperation]) -> list[tuple[str, str]]:
    return _by_label({slug: label for r in records for slug, label in r.sectors})


def sector_choices_of(sectors: Iterable[Sector]) -> list[tuple[str, str]]:
    """`sector_choices` from the sectors themselves (`access.published_sectors`)."""
    return _by_label({sector.slug: str(sector) for sector in sectors})


def _in_stage_order(counts: Counter[str]) -> list[tuple[str, int]]:
    return [(str(stage.label), counts[stage.value]) for stage in Stage if counts[stage.value]]


def stage_counts(records: Iterable[PublicCooperation]) -> list[tuple[str, int]]:
    """How many published cooperations are at each stage, in the stages' order."""
    return _in_stage_order(Counter(r.stage for r in records))


def stage_counts_of(states: Counter[tuple[str, bool]]) -> list[tuple[str, int]]:
    """`stage_counts` from a count by state and signed LoI (`access.published_states`)."""
    counts: Counter[str] = Counter()
    for (state, loi_signed), count in states.items():
        signed = [Document.Kind.LETTER_OF_INTENT] if loi_signed else []
        counts[public_stage(state, signed).value] += count
    return _in_stage_order(counts)


def map_data(
    records: Iterable[PublicCooperation], list_url: str
) -> dict[str, list[dict[str, Any]]]:
    """What portal.js draws: countries shaded by count (a click lists their cooperations), and
    one marker per partner location (a city or region may host several partners) with links to
    its cooperations."""
    countries: dict[str, dict[str, Any]] = {}
    markers: dict[tuple[float, float], dict[str, Any]] = {}
    for record in records:
        link = {"title": record.title, "url": record.url}
        for code in record.countries:
            partner = next(p for p in record.partners if p.country_code == code)
            entry = countries.setdefault(
                code,
                {
                    "code": code,
                    "numeric": partner.country_numeric,
                    "name": partner.country,
                    "count": 0,
                    "url": f"{list_url}?country={code}",
                },
            )
            entry["count"] += 1
        for partner in record.partners:
            if partner.lat is None or partner.lon is None:
                continue
            marker = markers.setdefault(
                (partner.lat, partner.lon),
                {
                    "name": partner.place or partner.name,
                    "lat": partner.lat,
                    "lon": partner.lon,
                    "partners": [],
                    "cooperations": [],
                },
            )
            if partner.name not in marker["partners"]:
                marker["partners"].append(partner.name)
            if link not in marker["cooperations"]:
                marker["cooperations"].append(link)
    return {
        "countries": sorted(countries.values(), key=lambda c: c["code"]),
        "markers": sorted(markers.values(), key=lambda m: m["name"]),
    }
