"""Every write of news intake: submitting an article, confirming its facts, dismissing it.

Nothing is recorded from a text without a person: `submit_news` only stores the text and the
extractor's proposals; `confirm_news` records what the reviewer accepted, as they edited it.
Each function runs in one transaction and leaves an audit row.

A news report is evidence about a cooperation, not the region's own follow-up: it is kept as an
activity of the kind "reported in the news", which moves none of the cooperation's clocks
(`followups.rules.counts_as_follow_up`). Nothing in an existing partner or cooperation changes
unless the reviewer ticked that change (`changes.py`); new records start from the article.

Stage and state: a news article is not a document, and the procedure's states are reached by
recording documents and approvals (`rules.py` guards). So an article never changes the state
of an existing cooperation. A *new* KSDPL or KSDLL whose text reports exploration or any later
stage takes the procedure's one step `start_exploration` (with its eligibility guards; if they
refuse, it stays at `initiative`); a new KSDD or KSDPK stays at `preparation`. The reported
stage is always written in the activity's notes, for the officer to record the documents.
"""

import contextlib
import hashlib
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitra.audit.services import record_created, record_updated, snapshot
from mitra.cooperations import services as cooperation_services
from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation
from mitra.followups import services as followup_services
from mitra.followups.models import Activity
from mitra.intake import changes
from mitra.intake.extract import Extraction, extract
from mitra.intake.matching import PartnerIndex, matching_cooperation, near_duplicate, same_text
from mitra.intake.models import NewsItem, NewsLink, Stage
from mitra.lib.formatting import long_date
from mitra.lib.refusal import Refused, refuse_if
from mitra.lib.text import fold
from mitra.partners import services as partner_services
from mitra.partners.models import Country, Partner, Place
from mitra.regions.models import Region
from mitra.tenancy.models import Tenant

logger = logging.getLogger(__name__)

# Stages that say the partners at least explored the cooperation together.
EXPLORED = frozenset({Stage.EXPLORATION, Stage.LOI, Stage.MOU, Stage.PKS, Stage.IMPLEMENTATION})
TITLE_LENGTH = 120


def normalised(text: str) -> str:
    """The text as compared for duplicates: compatible forms, case and spacing folded."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def text_hash(text: str) -> str:
    return hashlib.sha256(normalised(text).encode()).hexdigest()


def _when(moment: datetime) -> str:
    """ "2 Juli 2025" / "July 2, 2025", as the pages write dates."""
    return long_date(moment)


def _person(user: User | None) -> str:
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()


# -- Submitting ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One article to submit: its text as read, and where it came from."""

    text: str
    file_name: str = ""
    source_name: str = ""
    source_url: str = ""

    @property
    def label(self) -> str:
        return self.file_name or self.source_name or _("the pasted text")

    @property
    def title(self) -> str:
        lines = [line.strip() for line in self.text.splitlines() if line.strip()]
        # A publication line ("Kamis, 3 Juli 2025 | 09:12 WITA") is not the headline.
        headline = next((line for line in lines if not _is_dateline(line)), "")
        title = self.source_name or self.file_name or headline or (lines[0] if lines else "")
        return title if len(title) <= TITLE_LENGTH else title[: TITLE_LENGTH - 1] + "…"


_DATE_WORDS = re.compile(
    r"\b(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|januari|februari|maret|april|mei|"
    r"juni|juli|agustus|september|oktober|november|desember|jan|feb|mar|apr|jun|jul|agu|agt|"
    r"sep|okt|nov|des|wib|wita|wit|pukul)\b",
    re.IGNORECASE,
)


def _is_dateline(line: str) -> bool:
    """A line that only gives a day, a date and a time."""
    rest = _DATE_WORDS.sub(" ", line)
    return not re.search(r"[^\W\d_]", rest)


class AlreadySubmitted(Refused):
    """Some texts were submitted before; `items` are the earlier news items, to link to."""

    def __init__(self, problems: list[str], items: list[NewsItem]) -> None:
        super().__init__(problems)
        self.items = items


def _duplicates(tenant: Tenant, sources: Sequence[Source]) -> AlreadySubmitted | None:
    problems: list[str] = []
    items: list[NewsItem] = []
    seen: dict[str, Source] = {}
    for source in sources:
        digest = text_hash(source.text)
        earlier = same_text(tenant, digest)
        if earlier is not None:
            problems.append(
                _("“%(name)s” was already submitted on %(date)s by %(person)s.")
                % {
                    "name": source.label,
                    "date": _when(earlier.submitted_at),
                    "person": _person(earlier.submitted_by),
                }
            )
            items.append(earlier)
        elif digest in seen:
            problems.append(
                _("“%(name)s” has the same text as “%(other)s”.")
                % {"name": source.label, "other": seen[digest].label}
            )
        seen.setdefault(digest, source)
    return AlreadySubmitted(problems, items) if problems else None


Reader = Callable[[str], Extraction]


def stored(result: Extraction, source: str) -> dict[str, Any]:
    """The documented JSON plus what the review needs beyond it: each partner's gazetteer place
    (an exact match to a recorded partner in that city) and the extractor's notes to the
    reviewer (a spelling variant)."""
    data = result.as_json(source)
    for row, partner in zip(data["partners"], result.partners, strict=True):
        row["place_id"] = partner.place_id
        row["flags"] = list(partner.flags)
    return data


def propose(text: str, source: str, read: Reader = extract) -> dict[str, Any]:
    """The extractor's proposals as stored JSON; a failing extractor leaves the text to a person."""
    try:
        return stored(read(text), source)
    except Exception:  # the text must be kept whatever the extractor makes of it
        logger.exception("the extractor failed on %s", source or "a pasted text")
        return Extraction(text=text).as_json(source) | {"failed": True}


@transaction.atomic
def submit_news(
    tenant: Tenant, *, by: User | None, sources: Sequence[Source], read: Reader = extract
) -> list[NewsItem]:
    """Store each text with the facts proposed from it, one item each, or none if any is a repeat.

    The same normalised text twice in a tenant is refused, naming when and by whom it was first
    submitted; a text very like an earlier one is stored and flagged for the reviewer. `read`
    is the extractor (tests pass one returning a chosen `Extraction`).
    """
    refusal = _duplicates(tenant, sources)
    if refusal is not None:
        raise refusal
    return [_store(tenant, source, read, by=by) for source in sources]


def _store(tenant: Tenant, source: Source, read: Reader, *, by: User | None) -> NewsItem:
    near = near_duplicate(tenant, source.text)
    try:
        with transaction.atomic():
            item = NewsItem.objects.create(
                tenant=tenant,
                title=source.title,
                source_name=source.source_name,
                source_url=source.source_url,
                file_name=source.file_name,
                text=source.text,
                text_hash=text_hash(source.text),
                extraction=propose(source.text, source.file_name or source.source_url, read),
                similar_to=near.item if near else None,
                similarity=near.score if near else None,
                submitted_by=by,
                submitted_at=timezone.now(),
            )
    except IntegrityError as race:  # submitted at the same moment by someone else
        refusal = _duplicates(tenant, [source]) or Refused([_("This text was just submitted.")])
        raise refusal from race
    record_created(item, by=by)
    return item


# -- Confirming ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AcceptedPartner:
    """A partner fact as the reviewer accepted it (after any edits)."""

    name: str
    kind: str
    country: Country | None = None
    region: Region | None = None
    place_id: int | None = None
    # An existing partner the reviewer chose among the suggestions; None: resolve exactly.
    partner: Partner | None = None
    written_as: str = ""  # the name as the text wrote it, kept as an alias
    evidence: str = ""  # the words of the text quoted in the activity
    # The keys (`changes.py`) of the changes to the existing partner and cooperation the
    # reviewer ticked; nothing else in them changes.
    changes: frozenset[str] = frozenset()


def _lock_pending(item: NewsItem) -> NewsItem:
    locked = NewsItem.objects.select_for_update().get(pk=item.pk)
    if locked.status != NewsItem.Status.PENDING:
        raise Refused(
            [
                _("This news item was already reviewed by %(person)s (%(status)s).")
                % {"status": locked.get_status_display(), "person": _person(locked.reviewed_by)}
            ]
        )
    return locked


def _close(locked: NewsItem, status: str, *, by: User | None, note: str = "") -> None:
    before = snapshot(locked)
    locked.status = status
    locked.reviewed_by = by
    locked.reviewed_at = timezone.now()
    locked.review_note = note.strip()
    locked.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note"])
    record_updated(locked, before, by=by)


@transaction.atomic
def confirm_news(
    item: NewsItem,
    *,
    by: User,
    partners: Sequence[AcceptedPartner],
    sectors: Iterable[str] = (),
    stage: str = "",
    on: date,
) -> list[NewsLink]:
    """Record the accepted partners, a cooperation with each, and the article as evidence on
    it (a "reported in the news" activity), all or nothing; the item becomes confirmed.

    A partner is the existing one the reviewer chose, else the one the name, alias, region or
    gazetteer place resolves to exactly, else a new one. A cooperation is the tenant's open one
    with exactly that partner, else a new one with `sectors` (see the module docstring for its
    state). An existing partner or cooperation changes only as each accepted partner's
    `changes` say, each through its audited service.
    """
    locked = _lock_pending(item)
    refuse_if([] if partners else [_("Accept at least one partner, or dismiss the article.")])
    index = PartnerIndex(locked.tenant)
    resolved = _resolve_all(locked.tenant, partners, index, by=by)
    links: list[NewsLink] = []
    problems: list[str] = []
    for accepted, partner, partner_created in resolved:
        try:
            links.append(
                _record(locked, accepted, partner, partner_created, sectors, stage, on, by=by)
            )
        except Refused as refusal:
            problems += [f"{accepted.name}: {problem}" for problem in refusal.problems]
    refuse_if(problems)
    _close(locked, NewsItem.Status.CONFIRMED, by=by)
    item.status = locked.status
    return links


def _resolve_all(
    tenant: Tenant, partners: Sequence[AcceptedPartner], index: PartnerIndex, *, by: User
) -> list[tuple[AcceptedPartner, Partner, bool]]:
    resolved: list[tuple[AcceptedPartner, Partner, bool]] = []
    problems: list[str] = []
    for accepted in partners:
        try:
            partner, created = _partner_for(tenant, accepted, index, by=by)
        except Refused as refusal:
            problems += [f"{accepted.name}: {problem}" for problem in refusal.problems]
            continue
        if all(partner != earlier for _accepted, earlier, _created in resolved):
            resolved.append((accepted, partner, created))
    refuse_if(problems)
    return resolved


def _partner_for(
    tenant: Tenant, accepted: AcceptedPartner, index: PartnerIndex, *, by: User
) -> tuple[Partner, bool]:
    if accepted.region is not None and accepted.region.pk == tenant.region_id:
        raise Refused([_("This is your own regional government, not a partner.")])
    partner = accepted.partner or index.find(
        accepted.name, region=accepted.region, place_id=accepted.place_id
    )
    if partner is not None:
        _complete(partner, accepted, by=by)
        return partner, False
    place = None
    if accepted.place_id is not None and accepted.country is not None:
        place = Place.objects.filter(pk=accepted.place_id, country=accepted.country).first()
    partner = partner_services.create_partner(
        tenant,
        by=by,
        kind=accepted.kind,
        name=accepted.name.strip(),
        country=accepted.country,
        region=accepted.region,
        place=place,
        aliases=[accepted.written_as] if fold(accepted.written_as) != fold(accepted.name) else [],
    )
    index.add(partner, accepted.written_as)
    return partner, True


def _complete(partner: Partner, accepted: AcceptedPartner, *, by: User) -> None:
    """Of the changes to an existing partner, make the ticked ones: keep the names the text
    used as aliases, fill a missing country."""
    fields: dict[str, Any] = {}
    if changes.ALIASES in accepted.changes:
        added = changes.new_names(partner, [accepted.name, accepted.written_as])
        if added:
            fields["aliases"] = [*(a.alias for a in partner.aliases.all()), *added]
    if changes.COUNTRY in accepted.changes and changes.fills_country(partner, accepted.country):
        fields["country"] = accepted.country
    if fields:
        partner_services.update_partner(partner, by=by, **fields)


def _record(
    item: NewsItem,
    accepted: AcceptedPartner,
    partner: Partner,
    partner_created: bool,
    sectors: Iterable[str],
    stage: str,
    on: date,
    *,
    by: User,
) -> NewsLink:
    cooperation, cooperation_created = _cooperation_for(
        item, partner, accepted, list(sectors), stage, by=by
    )
    activity = followup_services.log_activity(
        item.tenant,
        by=by,
        kind=Activity.Kind.NEWS,
        date=on,
        title=_activity_title(item),
        notes=_activity_notes(item, accepted, stage),
        cooperation=cooperation,
        partner=partner,
    )
    return NewsLink.objects.create(
        tenant_id=item.tenant_id,
        news_item=item,
        name=(accepted.written_as or accepted.name)[:200],
        partner=partner,
        partner_created=partner_created,
        cooperation=cooperation,
        cooperation_created=cooperation_created,
        activity=activity,
    )


def _cooperation_for(
    item: NewsItem,
    partner: Partner,
    accepted: AcceptedPartner,
    sectors: list[str],
    stage: str,
    *,
    by: User,
) -> tuple[Cooperation, bool]:
    existing = matching_cooperation(item.tenant, partner)
    if existing is not None:
        added = (
            changes.added_sectors(existing, sectors) if changes.SECTORS in accepted.changes else []
        )
        if added:
            had = list(existing.sectors.values_list("slug", flat=True))
            cooperation_services.update_cooperation(existing, by=by, sectors=[*had, *added])
        return existing, False
    kind = workflow.kind_of_partner(partner.kind)
    cooperation = cooperation_services.create_cooperation(
        item.tenant,
        by=by,
        kind=kind,
        title=f"{item.tenant.name} – {partner.name}"[:250],
        partners=[partner],
        sectors=sectors,
        note=_("Recorded from a news item."),
    )
    if workflow.KINDS[kind].foreign and stage in EXPLORED:
        # If the eligibility guards refuse, it stays at the initiative; the notes carry the stage.
        with contextlib.suppress(Refused):
            cooperation_services.apply_transition(
                cooperation, "start_exploration", by=by, note=_("Reported in the news.")
            )
    return cooperation, True


def _activity_title(item: NewsItem) -> str:
    return (_("Reported in the news: %(source)s") % {"source": item.title})[:250]


def _activity_notes(item: NewsItem, accepted: AcceptedPartner, stage: str) -> str:
    lines = []
    if item.source_url:
        lines.append(_("Source: %(url)s") % {"url": item.source_url})
    elif item.file_name:
        lines.append(_("File: %(name)s") % {"name": item.file_name})
    if stage:
        lines.append(_("Stage the text reports: %(stage)s.") % {"stage": Stage(stage).label})
    if accepted.evidence:
        lines.append(f"“{accepted.evidence}”")
    lines.append(
        _("Recorded from the news item %(url)s.")
        % {"url": f"{settings.SITE_URL}{item.get_absolute_url()}"}
    )
    return "\n".join(lines)


# -- Dismissing ------------------------------------------------------------------------------


@transaction.atomic
def dismiss_news(item: NewsItem, *, by: User, note: str = "") -> NewsItem:
    """Close a news item without recording anything from it; the reason is kept."""
    locked = _lock_pending(item)
    _close(locked, NewsItem.Status.DISMISSED, by=by, note=note)
    item.status = locked.status
    return locked
