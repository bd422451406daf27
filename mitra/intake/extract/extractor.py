"""The extractor: reference data loaded once, then `extract(text)` per article.

The steps of one article, each in its own module:

1. tokens      words with offsets, name chains, sentences
2. zones       "Baca juga" lines, credits and initials are excluded; the dateline is set apart
3. mentions    every region, country, foreign place and known body named (gazetteer)
4. people      roles and names; their tokens are no place and no body
5. names       capitalised runs -> events and organisations
6. regions     Indonesian parties, the main one and its Indonesian partners
7. places      foreign cities and regions that are partners
8. partners    everything put together, with countries
9. sectors, stage, dates
"""

from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import cache

from mitra.intake.extract import partners as assembly
from mitra.intake.extract.context import cooperation_sentences
from mitra.intake.extract.dates import find_dates
from mitra.intake.extract.events import find_events, is_event
from mitra.intake.extract.frames import BODY_KINDS, has_words, in_other_pair, story_parties
from mitra.intake.extract.gazetteer import Gazetteer
from mitra.intake.extract.lexicon import words
from mitra.intake.extract.lists import OFFICE, PLACE, Member, list_members, peer_members
from mitra.intake.extract.mentions import Mentions, find_mentions
from mitra.intake.extract.names import Run, find_runs
from mitra.intake.extract.orgs import (
    GOVERNMENT,
    INSTITUTION,
    PUBLIC_BODY,
    find_organisations,
    government_runs,
    names_a_field,
)
from mitra.intake.extract.people import Person, find_people
from mitra.intake.extract.places import PlaceFound, find_places, unknown_places
from mitra.intake.extract.regions import (
    HOST_VENUE_WORDS,
    RegionFound,
    dateline_seat,
    find_regions,
    foreign_deal,
    main_region,
    only_where_another_lies,
    partner_regions,
    resolve,
    unnamed_government,
)
from mitra.intake.extract.result import (
    EventItem,
    Extraction,
    PersonItem,
    RegionItem,
    SectorItem,
    StageItem,
)
from mitra.intake.extract.sectors import find_sectors
from mitra.intake.extract.stage import find_stage, frame_stage
from mitra.intake.extract.tokens import Doc, tokenize
from mitra.intake.extract.zones import (
    dateline_span,
    excluded_spans,
    headline_spans,
    mark_excluded,
    metadata_spans,
)
from mitra.lib.text import fold


class Extractor:
    """Holds the gazetteers (regions, countries, foreign places, sectors, stage cues)."""

    def __init__(self) -> None:
        self.gazetteer = Gazetteer()

    def extract(self, text: str) -> Extraction:
        doc = tokenize(text)
        excluded = excluded_spans(text)
        mark_excluded(doc, excluded)
        dateline = dateline_span(text)
        in_dateline = tokens_in(doc, dateline)
        in_headlines = {i for span in headline_spans(text) for i in tokens_in(doc, span)}
        mentions = find_mentions(doc, self.gazetteer)
        cooperation = cooperation_sentences(doc)

        short_forms = region_short_forms(doc, mentions)
        set_apart = in_dateline | in_headlines
        people = [
            p
            for p in find_people(doc, mentions, short_forms)
            if p.name_tokens[0] not in set_apart
            and not names_a_place(mentions, p)
            and not head_of_state(p)
            and fold(p.name) not in short_forms
            and not common_words_only(doc, p)
            and not self.gazetteer.country_names.get(p.name)  # "Jerman" after a role
        ]
        names = {i for p in people for i in span_range(p.name_tokens) if i not in role_of(p)}
        roles = {i for p in people for i in role_of(p)}
        runs = find_runs(doc, blocked=names | set_apart)
        dates = find_dates(doc, metadata_spans(text) + ([dateline] if dateline else []))
        event_runs = [run for run in runs if is_event(doc, run)]
        events = find_events(doc, event_runs, dates)
        in_events = {i for e in events for i in span_range(e.tokens)}
        org_runs = [run for run in runs if not is_event(doc, run)]
        organisations = find_organisations(
            doc, mentions, org_runs + government_runs(doc, mentions), cooperation
        )
        listed = list_members(doc, mentions, org_runs, cooperation)
        # "Marubeni dan Sojitz" in a list is two members, not one body.
        organisations = [
            o
            for o in organisations
            if sum(o.tokens[0] <= m.run.first <= o.tokens[1] for m in listed) < 2
        ]
        in_orgs = {i for o in organisations for i in (*span_range(o.tokens), *o.seats)}

        blocked = names | in_events | in_orgs
        gov_roles = {i for p in people if is_government_role(p.role) for i in role_of(p)}
        other_roles = roles - gov_roles  # "Regional CEO BRI Jakarta": no region takes part
        person_words = {doc.tokens[i].key for i in names}
        regions = self.regions(
            doc,
            mentions,
            cooperation,
            blocked
            | other_roles
            | assembly.body_seats(doc, mentions, self.gazetteer.domestic_bodies),
            gov_roles,
            in_dateline,
            dateline,
            frozenset(person_words),
        )
        lead = lead_end(doc.text)
        lead_tokens = bisect_left(doc.starts, lead)  # the tokens that start before it
        on_dateline = self.dateline_codes(doc, mentions, in_dateline)
        main = main_region(regions, on_dateline, lead_tokens)
        regions = dateline_seat(regions, main, on_dateline)
        in_members = {
            i for m in listed if m.kind != PLACE for i in span_range((m.run.first, m.run.last))
        }
        councils = assembly.council_runs(doc, mentions, cooperation)
        in_members |= {i for head, _first, last in councils for i in range(head, last + 1)}
        places = find_places(
            doc,
            mentions,
            cooperation=cooperation,
            blocked=blocked | in_dateline | in_members,
            person_words=person_words,
            listed=frozenset(m.run.first for m in listed if m.kind == PLACE),
            provinces=self.gazetteer.places.provinces,
        )
        # "tim peneliti Leiden" after "Universiteit Leiden": the body, not the city.
        org_words = " ".join(fold(o.name) for o in organisations)
        places = [p for p in places if p.strong > 1 or f" {fold(p.name)} " not in f" {org_words} "]
        places += unknown_places(
            doc,
            mentions,
            self.gazetteer,
            unknown_runs(doc, mentions, org_runs),
            blocked | in_members,
        )
        claimed = {m.first for p in places for m in p.consumed}
        claimed |= {o.consumed_country.first for o in organisations if o.consumed_country}
        claimed |= in_orgs
        peers: set[str] = set()
        if main is not None:
            at = {i: r.region.code for r in regions for i in r.mentions}
            other = {r.region.code for r in regions if r.counterpart and r is not main}
            peers = peer_members(listed, at, main.region.code, other)
        if main is not None:
            foreign = [span for p in places for span in p.evidence]
            peers |= {r.region.code for r in regions if foreign_deal(doc, r, main, foreign)}
        drafts = assembly.region_partners(
            doc, [r for r in regions if r.region.code not in peers], main
        )
        regions = focal_regions(doc, regions, main, places)
        drafts += assembly.place_partners(places)
        drafts += assembly.council_partners(doc, councils)
        drafts += assembly.institution_partners(doc, mentions, cooperation)
        own = frozenset({main.region.code} if main is not None else ())
        members = frozenset(m.run.first for m in listed if m.kind not in {PLACE, OFFICE})
        drafts += assembly.organisation_partners(
            doc, mentions, organisations, claimed, own, members
        )
        drafts += assembly.member_partners(doc, mentions, listed, in_orgs | names)
        drafts += assembly.known_domestic_bodies(
            doc,
            self.gazetteer.domestic_bodies,
            cooperation,
            # a body a name run found but no rule made a party may still be one by name
            (claimed - in_orgs)
            | names
            | roles
            | in_events
            | members_tokens(listed)
            | evidence_tokens(doc, drafts),
            {doc.tokens[i].sentence for r in regions for i in r.mentions},
        )
        focal_tokens = frozenset(i for r in regions for i in r.mentions)
        drafts = [
            d
            for d in drafts
            if d.kind not in BODY_KINDS
            or not all(
                in_other_pair(doc, first_token(doc, span), focal_tokens) for span in d.evidence
            )
        ]
        seats = frozenset(fold(doc.text[m.start : m.end]) for m in mentions.regions)
        partners = assembly.merge(assembly.story_country(drafts), doc, seats)
        countries = assembly.countries(
            self.gazetteer, mentions.countries, partners, names | in_events, doc, cooperation
        )
        frame = frame_stage(doc)
        parties = story_parties(
            doc,
            lead,
            [span for r in regions for span in r.evidence],
            [(p.country, p.evidence) for p in partners],
            [(c.code, c.evidence) for c in countries],
        )
        stage = find_stage(doc, cooperation, parties) or frame
        body_names = {
            i
            for run in org_runs
            if names_a_body(doc, run)
            for i in span_range((run.first, run.last))
        }
        sectors = find_sectors(doc, roles | names | in_orgs | body_names, cooperation)
        if not sectors and frame is not None:
            # A cooperation whose field is not said is a cooperation in general: `other`.
            sectors = [("other", list(frame.evidence))]
        if not any(cooperation) or not regions:
            # No word of cooperation, or no Indonesian region taking part: whatever is named is
            # no party to a regional cooperation.
            regions, partners, countries, sectors, stage = [], [], [], [], None
        return Extraction(
            text=text,
            regions=tuple(
                RegionItem(
                    r.region.official_name,
                    r.region.dotted_code,
                    tuple(sorted(set(r.evidence))),
                    written=written_form(text, r.evidence),
                )
                for r in regions
            ),
            partners=tuple(replace(p, written=written_form(text, p.evidence)) for p in partners),
            countries=tuple(countries),
            sectors=tuple(SectorItem(slug, tuple(spans)) for slug, spans in sectors),
            stage=StageItem(stage.slug, stage.evidence) if stage else None,
            people=tuple(PersonItem(p.name, p.role, (p.name_span,)) for p in dedupe_people(people)),
            events=tuple(EventItem(e.name, e.date, e.evidence) for e in events),
            dates=tuple(dict.fromkeys(d.iso for d in dates)),
        )

    def dateline_codes(self, doc: Doc, mentions: Mentions, in_dateline: set[int]) -> set[str]:
        """The regions of the dateline; "KONSEL, SULTRA –" is the regency, its province only
        says where it lies."""
        regions = []
        for mention in mentions.regions:
            if mention.first in in_dateline:
                region, prefix_first, _type = resolve(doc, self.gazetteer, mention)
                if region is not None:
                    regions.append(region)
                if prefix_first < 0:
                    # "MADIUN –" names the city and the regency of that name alike
                    regions += [r for r in mention.regions if r.type in {"city", "regency"}]
        provinces = {r.province for r in regions if r.province}
        return {r.code for r in regions if r.code not in provinces}

    def regions(
        self,
        doc: Doc,
        mentions: Mentions,
        cooperation: list[bool],
        blocked: set[int],
        roles: set[int],
        in_dateline: set[int],
        dateline: tuple[int, int] | None,
        person_words: frozenset[str],
    ) -> list[RegionFound]:
        weak_cooperation = list(cooperation)
        regions = find_regions(
            doc,
            self.gazetteer,
            [m for m in mentions.regions if m.first not in in_dateline],
            cooperation=weak_cooperation,
            blocked=blocked,
            roles=roles,
            person_words=person_words,
        )
        if not regions and any(cooperation):
            # A story of cooperation whose parties are named in sentences without the word:
            # "Rombongan Pemkab A bertandang ke Kantor Bupati B ...": any sentence of the
            # headline and lead counts, and the dateline's paragraph is the lead whatever
            # caption and byline lines come before it.
            lead = lead_end(doc.text)
            if dateline is not None:
                paragraph_end = doc.text.find("\n", dateline[1])
                lead = max(lead, len(doc.text) if paragraph_end < 0 else paragraph_end)
            regions = find_regions(
                doc,
                self.gazetteer,
                [
                    m
                    for m in mentions.regions
                    if m.first not in in_dateline and doc.tokens[m.first].start < lead
                ],
                cooperation=[True] * len(cooperation),
                blocked=blocked,
                roles=roles,
                person_words=person_words,
            )
        if not regions and any(cooperation):
            regions = find_regions(
                doc,
                self.gazetteer,
                [m for m in mentions.regions if m.first not in in_dateline],
                cooperation=weak_cooperation,
                blocked=blocked,
                roles=roles,
                person_words=person_words,
                venue_words=HOST_VENUE_WORDS,
            )
        dateline_mentions = [m for m in mentions.regions if m.first in in_dateline]
        if regions:
            known = {r.region.code: r for r in regions}
            for mention in dateline_mentions:
                region = resolve(doc, self.gazetteer, mention)[0]
                if region is not None and region.code in known:
                    known[region.code].evidence.insert(0, mention.span)
            return regions
        if dateline_mentions and (
            unnamed_government(doc, dateline, mentions.regions) or both_sides(doc, cooperation)
        ):
            mention = dateline_mentions[0]
            region = resolve(doc, self.gazetteer, mention)[0]
            if region is not None:
                return [RegionFound(region, [mention.span], strong=1, first=0)]
        return []


def written_form(text: str, evidence: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> str:
    """The entity as the text writes it where it is first named."""
    if not evidence:
        return ""
    start, end = min(evidence)
    return text[start:end]


BOTH = frozenset({"kedua", "dua"})
SIDES = frozenset({"kota", "daerah", "kabupaten", "provinsi", "pemda", "wilayah"})


def both_sides(doc: Doc, cooperation: list[bool]) -> bool:
    """ "program pertukaran pelajar tahunan kedua kota": a cooperation told of both cities, the
    dateline's and its partner, with the dateline's one not named again."""
    return any(
        token.key in BOTH
        and doc.key_at(i + 1) in SIDES
        and cooperation[token.sentence]
        and not doc.excluded[i]
        for i, token in enumerate(doc.tokens)
    )


def focal_regions(
    doc: Doc, regions: list[RegionFound], main: RegionFound | None, places: list[PlaceFound]
) -> list[RegionFound]:
    """The region(s) from whose side the story is told: the main one, and any other region
    with a cooperation of its own. A region that is the main one's counterpart is a partner
    only, and the province of the main region is where it lies, not a second party. Nearly
    every story has one side: another region is a second one only when a sentence names it
    with a partner abroad of its own ("Pemkab Purwakarta juga menjalin kerja sama dengan Kota
    Icheon"); one only listed, visited or compared is not."""
    if main is None:
        return []
    partners = {r.region.code for r in partner_regions(doc, regions, main)}
    return [
        r
        for r in regions
        if r is main
        or (
            r.region.code not in partners
            and r.region.code != main.region.province
            and not only_where_another_lies(doc, r, regions)
            and r.homes < r.strong  # "mahasiswa asal Kabupaten Cilacap": no side of its own
            and own_partner_abroad(doc, r, main, places)
        )
    ]


def own_partner_abroad(
    doc: Doc, entry: RegionFound, main: RegionFound, places: list[PlaceFound]
) -> bool:
    """Some sentence names the region and a foreign place that takes part, and not the main
    region: a cooperation of the region's own."""
    main_sentences = {doc.tokens[i].sentence for i in main.mentions}
    own = {doc.tokens[i].sentence for i in entry.mentions} - main_sentences
    return any(
        doc.tokens[bisect_right(doc.starts, start) - 1].sentence in own
        for place in places
        for start, _end in place.evidence
    )


LEAD_LINES = 3
LEAD_LINE_WORDS = 3


def lead_end(text: str) -> int:
    """The offset where the headline and lead end: after the first three lines with words."""
    offset, seen = 0, 0
    for line in text.splitlines(keepends=True):
        offset += len(line)
        # a menu word or a label ("Headline", "Berita Klaten") is no line of the lead
        if has_words(line, LEAD_LINE_WORDS):
            seen += 1
            if seen == LEAD_LINES:
                break
    return offset


def tokens_in(doc: Doc, span: tuple[int, int] | None) -> set[int]:
    if span is None:
        return set()
    return set(range(bisect_left(doc.starts, span[0]), bisect_left(doc.starts, span[1])))


def members_tokens(listed: list[Member]) -> set[int]:
    return {i for m in listed for i in range(m.run.first, m.run.last + 1)}


def evidence_tokens(doc: Doc, drafts: list[assembly.Draft]) -> set[int]:
    """The word tokens inside the evidence of the partners found so far."""
    starts = [token.start for token in doc.tokens]
    out: set[int] = set()
    for draft in drafts:
        for start, end in draft.evidence:
            i = bisect_right(starts, start) - 1
            while 0 <= i < len(doc.tokens) and doc.tokens[i].start < end:
                if doc.tokens[i].end > start:
                    out.add(i)
                i += 1
    return out


def span_range(tokens: tuple[int, int]) -> range:
    return range(tokens[0], tokens[1] + 1)


def role_of(person: Person) -> range:
    return span_range(person.role_tokens)


def is_government_role(role: str) -> bool:
    """ "Kepala Bagian Kerja Sama Setda Makassar" speaks for the region; "Regional CEO BRI
    Jakarta" does not."""
    return bool(set(fold(role).split()) & GOVERNMENT_ROLE_WORDS)


GOVERNMENT_ROLE_WORDS = words("""
    wali walikota wawali bupati wabup gubernur wagub sekda sekretaris daerah dinas badan bagian
    bidang setda setkot setkab sekretariat dprd pemerintah pemkot pemkab pemprov pemda kota
    kabupaten provinsi camat asisten bappeda diskominfo kadis kabag kabid kaban biro
    """)


def names_a_body(doc: Doc, run: Run) -> bool:
    """ "Dinas Perhubungan", "Bandara Internasional Incheon": a sector word there names an
    office or a facility, not the field of a cooperation. "Bidang Pendidikan dan Kebudayaan"
    in a list of fields, with no office or role word before it, is a field."""
    return doc.tokens[run.first].key in BODY_WORDS and not names_a_field(doc, run.first)


def unknown_runs(doc: Doc, mentions: Mentions, runs: list[Run]) -> list[tuple[int, int]]:
    """Runs cut to the name between a leading city word and a trailing country."""
    out: list[tuple[int, int]] = []
    for run in runs:
        first, last = run.first, run.last
        tail = mentions.at.get(last)
        if tail is not None and tail.countries and tail.first > first:
            last = tail.first - 1
        while first < last and doc.tokens[first].key in RUN_OPENERS:
            first += 1
        out.append((first, suffixed(doc, last)))
    return out


def suffixed(doc: Doc, last: int) -> int:
    """ "Jongno-gu", "Kisarazu-shi": a Korean or Japanese administrative suffix written in lower
    case after a hyphen still ends the place's name."""
    tokens = doc.tokens
    if (
        last + 2 < len(tokens)
        and tokens[last + 1].text == "-"
        and tokens[last + 2].key in ADMINISTRATIVE_SUFFIXES
        and tokens[last + 1].start == tokens[last].end
        and tokens[last + 2].start == tokens[last + 1].end
    ):
        return last + 2
    return last


ADMINISTRATIVE_SUFFIXES = words("gu si gun do shi ken machi cho mura")


# Words opening a run before a place's name: "Pemerintah Kota X", "Majlis Perbandaran X".
RUN_OPENERS = words(
    "pemerintah provinsi prefektur kota majlis majelis perbandaran bandaraya daerah negeri city "
    "distrik district county"
)


def names_a_place(mentions: Mentions, person: Person) -> bool:
    """ "Tubaba", "Kabupaten Bekasi", "Guangxi" read as a name after a role: a place. Two
    words each the name of a place of its own ("Koshin Takata") are a person's given name and
    surname."""
    first, last = person.name_tokens
    if not all(i in mentions.at for i in range(first, last + 1)):
        return False
    heads = {mentions.at[i].first for i in range(first, last + 1)}
    return len(heads) == 1 or any(mentions.at[i].regions for i in range(first, last + 1))


def common_words_only(doc: Doc, person: Person) -> bool:
    """ "Semoga", "Kesehatan Hewan", "ASEAN", "B": a "name" whose every word the text also
    writes in lower case, or that is one acronym or letter, is no person's name."""
    first, last = person.name_tokens
    words = [doc.tokens[i] for i in range(first, last + 1) if doc.tokens[i].word]
    name = fold(person.name).split()
    named = [t for t in words if t.key in name]
    if not named:
        return False
    if len(named) == 1 and (named[0].upper or len(named[0].key) == 1):
        return True
    keys = [t.key for t in named]
    return all(
        any(
            doc.tokens[k].word and not doc.tokens[k].cap and not in_name_copy(doc, k, keys, n)
            for k in doc.positions.get(t.key, ())
        )
        for n, t in enumerate(named)
    )


def in_name_copy(doc: Doc, k: int, keys: list[str], n: int) -> bool:
    """Token `k`, the `n`th word of a name of several words, lies in the whole name written
    again in lower case ("dan kang yoto sendiri"): a careless re-mention, no common word."""
    start = k - n
    return (
        len(keys) > 1
        and start >= 0
        and start + len(keys) <= len(doc.tokens)
        and all(doc.tokens[start + m].key == key for m, key in enumerate(keys))
    )


MAX_SYLLABLE = 4


def region_short_forms(doc: Doc, mentions: Mentions) -> frozenset[str]:
    """The syllable short forms of the regions of several words the text names: "Kukar" of
    Kutai Kartanegara, "Lotim" of Lombok Timur, "Tubaba" of Tulang Bawang Barat, "Jakut" of
    Jakarta Utara. "Bupati Lotim" names the regency, not a person called Lotim."""
    names = {
        tuple(fold(region.name).split())
        for mention in mentions.regions
        for region in mention.regions
        if " " in region.name
    }
    if not names:
        return frozenset()
    candidates = {
        token.key
        for token in doc.tokens
        if token.word and token.cap and not token.upper and len(token.key) >= 4
    }
    return frozenset(c for c in candidates if any(abbreviates(c, name) for name in names))


def abbreviates(word: str, name: tuple[str, ...]) -> bool:
    """`word` is the first one to four letters of each word of `name`, in order, glued."""
    if not name:
        return not word
    return any(
        word.startswith(name[0][:size]) and abbreviates(word[size:], name[1:])
        for size in range(1, min(MAX_SYLLABLE, len(name[0])) + 1)
        if len(word) > size or len(name) == 1
    )


HEADS_OF_STATE = words("presiden president perdana prime raja king ratu queen kaisar emperor")
HEAD_OF_STATE_WORDS = 3


def head_of_state(person: Person) -> bool:
    """ "Presiden Joko Widodo", "Presiden China Xi Jinping": a head of state in a story of
    regional cooperation is background (a "Presiden Direktur" or the president of an
    association has a longer role)."""
    role = fold(person.role).split()
    return (
        bool(role)
        and role[0] in HEADS_OF_STATE
        and len(role) <= HEAD_OF_STATE_WORDS
        and not set(role) & {"direktur", "director", "komisaris"}
    )


def dedupe_people(people: list[Person]) -> list[Person]:
    """One entry per person: "Gubernur Zulkarnain" is the "Lalu Ahmad Zulkarnain" named before
    or after, so a name whose words all belong to a longer name is dropped."""
    words = [fold(p.name).split() for p in people]
    kept: list[Person] = []
    seen: set[str] = set()
    for i, person in enumerate(people):
        key = fold(person.name)
        shorter = any(j != i and short_form(words[i], other) for j, other in enumerate(words))
        if key not in seen and not shorter:
            kept.append(person)
            seen.add(key)
    return kept


MIN_PREFIX = 3


def short_form(short: list[str], full: list[str]) -> bool:
    """ "Zulkarnain" of "Lalu Ahmad Zulkarnain", "Paul Limu" of "Paulus S. K. Limu": every word
    of the short form is a word of the full name or begins one, in order, and a short form of
    two or more words keeps the family name (the last word)."""
    if len(short) >= len(full) or not short:
        return False
    if len(short) > 1 and short[-1] != full[-1]:
        return False
    k = 0
    for word in short:
        while k < len(full) and not (
            full[k] == word or (len(word) >= MIN_PREFIX and full[k].startswith(word))
        ):
            k += 1
        if k == len(full):
            return False
        k += 1
    return True


BODY_WORDS = (
    GOVERNMENT
    | PUBLIC_BODY
    | INSTITUTION
    | frozenset(
        {"bandara", "pelabuhan", "stasiun", "terminal", "departemen", "kementerian", "pt", "cv"}
    )
)


@cache
def get_extractor() -> Extractor:
    """The process-wide extractor, built on first use (the load is the expensive part)."""
    return Extractor()


def extract(text: str) -> Extraction:
    return get_extractor().extract(text)


def first_token(doc: Doc, span: tuple[int, int]) -> int:
    """The token that starts at (or holds) the span's first character."""
    return max(bisect_right(doc.starts, span[0]) - 1, 0)
