"""What the review page shows: the text cut into highlighted segments, and one row per partner.

Read-only. The stored extraction is JSON written by `Extraction.as_json`; it is read
defensively (an offset outside the text is dropped), because a page must never fail on it.
"""

from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from mitra.cooperations.models import Cooperation, Sector
from mitra.intake.changes import (
    Change,
    chosen_partner_alias,
    cooperation_changes,
    partner_changes,
)
from mitra.intake.extract.result import FLAG_SPELLING, FLAG_UNKNOWN_PLACE
from mitra.intake.matching import PartnerIndex, matching_cooperation
from mitra.intake.models import NewsItem, Stage
from mitra.lib.formatting import long_date, month_year
from mitra.partners.models import Country, Partner
from mitra.regions.lookup import find_region
from mitra.regions.models import Region
from mitra.tenancy.models import Tenant

QUOTE_REACH = 160  # characters either side of the evidence that a quote may take


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str  # "partner", "region", "country", "sector", "stage", "person", "event"
    label: str
    anchor: str = ""  # set on the first span of each fact, for links from the fact lists


@dataclass(frozen=True)
class Segment:
    text: str
    css: str = ""  # "mark--partner mark--sector"; empty: plain text
    title: str = ""
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fact:
    """One proposed fact shown in the lists beside the text."""

    label: str
    detail: str = ""
    anchor: str = ""


@dataclass
class PartnerRow:
    """One partner the text names (or a region that is a party), as the form starts it."""

    initial: dict[str, Any]
    written_as: str = ""
    place_id: int | None = None
    evidence: str = ""
    anchor: str = ""
    flags: list[str] = field(default_factory=list)
    exact: Partner | None = None
    suggestions: list[Partner] = field(default_factory=list)
    cooperation: Cooperation | None = None
    # What accepting would change in the existing cooperation and partner, none ticked at first.
    changes: list[Change] = field(default_factory=list)


def _items(proposed: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = proposed.get(key)
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, dict)]


def _spans(item: dict[str, Any], length: int) -> list[tuple[int, int]]:
    spans = []
    for span in item.get("evidence") or []:
        if (
            isinstance(span, list | tuple)
            and len(span) == 2
            and all(isinstance(n, int) for n in span)
            and 0 <= span[0] < span[1] <= length
        ):
            spans.append((span[0], span[1]))
    return spans


def _labels() -> dict[str, str]:
    return {
        "partners": _("partner"),
        "regions": _("region"),
        "countries": _("country"),
        "sectors": _("sector"),
        "stage": _("stage"),
        "people": _("person"),
        "events": _("event"),
    }


KINDS = {
    "partners": "partner",
    "regions": "region",
    "countries": "country",
    "sectors": "sector",
    "stage": "stage",
    "people": "person",
    "events": "event",
}


def flag_text(flag: Any) -> str:
    """The extractor's note to the reviewer (its kind and words), in the reviewer's language.
    A note stored as text (before notes had kinds) shows as it was written."""
    kind, *words = flag if isinstance(flag, list | tuple) else ("", flag)
    if kind == FLAG_SPELLING and len(words) == 2:
        return _("Written “%(written)s”; the gazetteer name is %(name)s.") % {
            "written": words[0],
            "name": words[1],
        }
    if kind == FLAG_UNKNOWN_PLACE and len(words) == 1:
        return _("“%(name)s” is not in the gazetteer; check the name.") % {"name": words[0]}
    return " ".join(str(word) for word in words)


def shown_date(value: Any) -> str:
    """A date the extractor read ("2025-07-02", "2025-07"), as pages show dates; a year as is."""
    text = str(value)
    try:
        if len(text) == len("2025-07"):
            return month_year(date.fromisoformat(f"{text}-01"))
        return long_date(date.fromisoformat(text))
    except ValueError:
        return text


def _name(key: str, item: dict[str, Any]) -> str:
    if key == "sectors":
        slug = str(item.get("slug", ""))
        return str(Sector.Slug(slug).label) if slug in Sector.Slug.values else slug
    if key == "stage":
        slug = str(item.get("slug", ""))
        return str(Stage(slug).label) if slug in Stage.values else slug
    return str(item.get("name", ""))


def anchor(key: str, index: int) -> str:
    return f"ev-{KINDS[key]}-{index}"


def highlights(text: str, proposed: dict[str, Any]) -> list[Highlight]:
    labels = _labels()
    found = []
    for key, kind in KINDS.items():
        for index, item in enumerate(_items(proposed, key)):
            label = f"{labels[key]}: {_name(key, item)}"
            for number, (start, end) in enumerate(_spans(item, len(text))):
                first = anchor(key, index) if number == 0 else ""
                found.append(Highlight(start, end, kind, label, first))
    return found


def segments(text: str, marks: list[Highlight]) -> list[Segment]:
    """The text cut at every evidence boundary; each piece knows the facts that cover it."""
    points = sorted({0, len(text), *(h.start for h in marks), *(h.end for h in marks)})
    anchors: dict[int, list[str]] = {}
    for mark in marks:
        if mark.anchor:
            anchors.setdefault(mark.start, []).append(mark.anchor)
    pieces = []
    for start, end in pairwise(points):
        covering = [h for h in marks if h.start <= start and end <= h.end]
        kinds = dict.fromkeys(f"mark--{h.kind}" for h in covering)
        pieces.append(
            Segment(
                text=text[start:end],
                css=" ".join(kinds),
                title="; ".join(dict.fromkeys(h.label for h in covering)),
                anchors=tuple(anchors.get(start, ())),
            )
        )
    return pieces


def quote(text: str, span: tuple[int, int]) -> str:
    """The sentence around the evidence, at most a few lines, for the activity's notes."""
    start, end = span
    lower = max(0, start - QUOTE_REACH)
    upper = min(len(text), end + QUOTE_REACH)
    # Where the sentence starts: after the last full stop or line break before the evidence,
    # else at the reach's edge (the text's own start keeps its first letter: "Makassar ...").
    breaks = [(text.rfind(". ", lower, start), 2), (text.rfind("\n", lower, start), 1)]
    before = max([lower, *(found + width for found, width in breaks if found >= 0)])
    stops = [i for i in (text.find(". ", end, upper), text.find("\n", end, upper)) if i >= 0]
    after = min(stops) + 1 if stops else upper
    return " ".join(text[before:after].split())


def facts(item: NewsItem) -> dict[str, list[Fact]]:
    """The proposed facts other than partners, for the lists beside the text."""
    proposed, own = item.proposed, item.tenant.region.dotted_code
    listed: dict[str, list[Fact]] = {}
    kinds = dict(Partner.Kind.choices)
    codes = {str(found.get("country")) for found in _items(proposed, "partners")}
    countries = {country.code: str(country) for country in Country.objects.filter(code__in=codes)}
    for key in ("partners", "regions", "countries", "sectors", "stage", "people", "events"):
        listed[key] = []
        for index, found in enumerate(_items(proposed, key)):
            detail = {
                # Bound to the part before it, the "·" ends a wrapped line, never starts one.
                "partners": "\u00a0· ".join(
                    str(part)
                    for part in (
                        kinds.get(str(found.get("kind")), ""),
                        countries.get(str(found.get("country")), found.get("country")),
                    )
                    if part
                ),
                "regions": found.get("code", ""),
                "people": found.get("role", ""),
                "events": shown_date(found.get("date") or ""),
            }.get(key, "")
            if key == "regions" and detail == own:
                detail = _("%(code)s, your own government") % {"code": detail}
            listed[key].append(Fact(_name(key, found), str(detail), anchor(key, index)))
    dates = proposed.get("dates")
    listed["dates"] = [Fact(shown_date(d)) for d in dates] if isinstance(dates, list) else []
    return listed


def confirm_initial(item: NewsItem, today: date | None = None) -> dict[str, Any]:
    """The proposed sectors and stage, and the article's day, as the confirm form starts them."""
    sectors = [str(found.get("slug")) for found in _items(item.proposed, "sectors")]
    stages = [str(found.get("slug")) for found in _items(item.proposed, "stage")]
    return {
        "sectors": [slug for slug in sectors if slug in Sector.Slug.values],
        "stage": next((slug for slug in stages if slug in Stage.values), ""),
        "date": article_day(item, today or timezone.localdate()),
    }


def article_day(item: NewsItem, today: date) -> date | None:
    """The day of the news as Mitra read it: the latest whole day the article names that is
    not after `today` (a news report tells of what has happened; a day ahead is a plan in
    it). None when it names none: the reviewer types the day, rather than Mitra putting
    today, which would quietly date an old article as new."""
    days = []
    found = item.proposed.get("dates")
    for text in found if isinstance(found, list) else []:
        try:
            day = date.fromisoformat(str(text))
        except ValueError:  # a month ("2025-07") or a year: not a day
            continue
        if day <= today:
            days.append(day)
    return max(days, default=None)


def mentions_own_region(item: NewsItem) -> bool:
    own = item.tenant.region.dotted_code
    return any(region.get("code") == own for region in _items(item.proposed, "regions"))


def resolve_region(text: str) -> Region | None:
    """The region a reviewer typed: its Kemendagri code ("73.71", "7371") or its name."""
    text = text.strip()
    if not text:
        return None
    by_code = Region.objects.filter(Q(code=text) | Q(dotted_code=text)).first()
    return by_code or find_region(text)


def partner_rows(item: NewsItem) -> list[PartnerRow]:
    """A row per proposed partner, then per other region that is a party, then a blank one;
    each with what accepting it would change in the records that exist already."""
    tenant, text = item.tenant, item.text
    index = PartnerIndex(tenant)
    found = enumerate(_items(item.proposed, "partners"))
    rows = [_partner_row(tenant, text, number, partner) for number, partner in found]
    # The tenant is a party to its own cooperations, never its own partner.
    rows = [row for row in rows if row.initial["region"] != tenant.region.official_name]
    rows += _region_rows(tenant, text, item.proposed, rows)
    sectors = confirm_initial(item)["sectors"]
    for row in rows:
        _match(tenant, index, row, sectors)
    blank = {"accept": False, "name": "", "kind": "", "country": "", "changes": []}
    rows.append(PartnerRow(initial=blank))
    return rows


def _partner_row(tenant: Tenant, text: str, number: int, found: dict[str, Any]) -> PartnerRow:
    name, kind = str(found.get("name", "")), str(found.get("kind", ""))
    spans = _spans(found, len(text))
    region = resolve_region(name) if kind == Partner.Kind.INDONESIAN_REGION else None
    place = found.get("place_id")
    return PartnerRow(
        initial={
            "name": name,
            "kind": kind if kind in Partner.Kind.values else "",
            "country": str(found.get("country") or ""),
            "region": region.official_name if region else "",
        },
        written_as=name,
        place_id=place if isinstance(place, int) else None,
        evidence=quote(text, spans[0]) if spans else "",
        anchor=anchor("partners", number) if spans else "",
        flags=[flag_text(flag) for flag in found.get("flags") or []],
    )


def _region_rows(
    tenant: Tenant, text: str, proposed: dict[str, Any], rows: list[PartnerRow]
) -> list[PartnerRow]:
    """Regions the text names as parties, other than the tenant's, not already a partner row."""
    taken = {row.initial.get("region") for row in rows} | {tenant.region.official_name}
    codes = [str(found.get("code", "")) for found in _items(proposed, "regions")]
    regions = {r.dotted_code: r for r in Region.objects.filter(dotted_code__in=codes)}
    added = []
    for number, found in enumerate(_items(proposed, "regions")):
        region = regions.get(str(found.get("code", "")))
        if region is None or region.official_name in taken:
            continue
        taken.add(region.official_name)
        spans = _spans(found, len(text))
        initial = {
            "name": region.official_name,
            "kind": Partner.Kind.INDONESIAN_REGION,
            "country": "",
            "region": region.official_name,
        }
        added.append(
            PartnerRow(
                initial=initial,
                written_as=str(found.get("name", "")),
                evidence=quote(text, spans[0]) if spans else "",
                anchor=anchor("regions", number) if spans else "",
            )
        )
    return added


def _match(tenant: Tenant, index: PartnerIndex, row: PartnerRow, sectors: list[str]) -> None:
    region = resolve_region(row.initial["region"]) if row.initial.get("region") else None
    row.exact = index.find(row.initial["name"], region=region, place_id=row.place_id)
    row.suggestions = index.similar(row.initial["name"], exclude=row.exact)
    if row.exact is not None:
        row.cooperation = matching_cooperation(tenant, row.exact)
        country = Country.objects.filter(code=row.initial["country"]).first()
        names = [row.initial["name"], row.written_as]
        row.changes = [
            *(cooperation_changes(row.cooperation, sectors) if row.cooperation else []),
            *partner_changes(row.exact, names=names, country=country),
        ]
    elif row.suggestions:
        row.changes = [chosen_partner_alias(row.written_as or row.initial["name"])]
    # A row needing judgement starts unticked: the reviewer decides.
    row.initial["accept"] = not row.flags and (row.exact is not None or not row.suggestions)
    row.initial["link"] = ""
    row.initial["changes"] = []  # nothing in an existing record changes unless ticked
