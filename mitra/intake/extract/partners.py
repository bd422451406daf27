"""Put the partners together and list the countries of the cooperation.

Partners come from four rules: Indonesian regions other than the main one, foreign places,
well-known foreign bodies from the gazetteer, and organisations found by cue words. A body whose
nationality is not in its name takes the one foreign country its sentence names and no other
partner has claimed ("menerima kunjungan dari Majelis ... terkait Little Bandung di Malaysia").

Countries are the foreign countries named (outside excluded zones and event names) and the
countries of foreign partners. Indonesia is never listed: every text here is Indonesian and
every region is Indonesian, so it would say nothing.
"""

import re
from dataclasses import dataclass, field

from mitra.intake.extract.affixes import has_root
from mitra.intake.extract.context import is_facilitator, is_venue, previous_word
from mitra.intake.extract.gazetteer import Gazetteer, Institution
from mitra.intake.extract.lexicon import REGION_PREFIXES, words
from mitra.intake.extract.lists import OFFICE, PLACE, Member
from mitra.intake.extract.mentions import Mention, Mentions
from mitra.intake.extract.names import acronym_after, is_roman_numeral, numeral_after
from mitra.intake.extract.orgs import (
    CENTRAL_BODY_KIND,
    PUBLIC_BODY_KIND,
    Organisation,
    is_common_noun,
)
from mitra.intake.extract.phrases import PhraseTable
from mitra.intake.extract.places import PlaceFound
from mitra.intake.extract.regions import RegionFound, partner_regions
from mitra.intake.extract.result import CountryItem, Flag, PartnerItem
from mitra.intake.extract.tokens import Doc
from mitra.lib.text import fold


@dataclass(slots=True)
class Draft:
    name: str
    kind: str
    country: str | None
    evidence: list[tuple[int, int]] = field(default_factory=list)
    place_id: int | None = None
    flags: tuple[Flag, ...] = ()

    def item(self) -> PartnerItem:
        return PartnerItem(
            name=self.name,
            kind=self.kind,
            country=self.country,
            evidence=tuple(sorted(set(self.evidence))),
            place_id=self.place_id,
            flags=self.flags,
        )


def region_partners(doc: Doc, regions: list[RegionFound], main: RegionFound | None) -> list[Draft]:
    if main is None:
        return []
    return [
        Draft(r.region.official_name, "indonesian_region", "ID", list(r.evidence))
        for r in partner_regions(doc, regions, main)
    ]


def place_partners(places: list[PlaceFound]) -> list[Draft]:
    return [
        Draft(
            p.name,
            "foreign_city_or_region",
            p.country,
            list(p.evidence),
            place_id=p.place.id if p.place and p.place.id > 0 else None,
            flags=p.flags,
        )
        for p in places
    ]


def institution_partners(doc: Doc, mentions: Mentions, cooperation: list[bool]) -> list[Draft]:
    """Known foreign bodies named in or right after a sentence about cooperation."""
    drafts: dict[str, Draft] = {}
    for mention in mentions.institutions:
        if doc.excluded[mention.first]:
            continue
        body = mention.institutions[0]
        draft = drafts.get(body.name)
        if draft is None:
            sentence = doc.tokens[mention.first].sentence
            # A national body may be named just after the cooperation it serves ("kerja sama
            # dengan Singapura ... saat kegiatan Temasek"); an international one must be named
            # in it ("Kota Musik Dunia versi UNESCO" is no cooperation with UNESCO).
            before = body.country is not None and sentence > 0 and cooperation[sentence - 1]
            near = cooperation[sentence] or before
            if not near or is_facilitator(doc, mention.first) or is_venue(doc, mention.first):
                continue
            draft = drafts[body.name] = Draft(body.name, body.kind, body.country)
        draft.evidence.append(mention.span)
    return list(drafts.values())


def known_domestic_bodies(
    doc: Doc,
    table: PhraseTable[Institution],
    cooperation: list[bool],
    taken: set[int],
    sides: set[int],
) -> list[Draft]:
    """National bodies, campuses and state enterprises the text names by a known name ("UGM",
    "BPS", "Pertamina") where no other finding claimed the words, as the other side of a
    cooperation only: "bekerja sama dengan BPS", "menggandeng Pertamina dan PLN", "Pemkot
    Surabaya dan ITS sepakat"; not a source or a place ("data BPS", "di kampus UGM"). `sides`:
    the sentences naming the story's own region; the body is its other side there or in the
    sentence after, not in a quote about somebody else's deal."""
    drafts: dict[str, Draft] = {}
    for first, last, bodies in table.scan(doc, capitalised=True):
        if doc.excluded[first] or any(i in taken for i in range(first, last + 1)):
            continue
        if " " not in doc.text[doc.tokens[first].start : doc.tokens[last].end] and not (
            doc.tokens[first].upper or doc.tokens[first].cap
        ):
            continue
        if not cooperation[doc.tokens[first].sentence] or is_facilitator(doc, first):
            continue
        if hyphened_on(doc, last):
            continue  # "ITS-Mandala": another body's name begins with the known one
        sentence = doc.tokens[first].sentence
        told = sentence in sides or sentence - 1 in sides
        if not ((told and counterpart(doc, first)) or beside_government(doc, first)):
            continue
        body = bodies[0]
        name, last = numbered_body(doc, body.name, last)
        draft = drafts.setdefault(name, Draft(name, body.kind, body.country))
        draft.evidence.append(doc.span(first, last))
    return list(drafts.values())


def hyphened_on(doc: Doc, last: int) -> bool:
    """A capitalised word is glued to token `last` by a hyphen ("ITS-Mandala")."""
    tokens = doc.tokens
    return (
        last + 2 < len(tokens)
        and tokens[last + 1].text == "-"
        and not doc.gap(last, last + 1)
        and not doc.gap(last + 1, last + 2)
        and tokens[last + 2].cap
    )


LEGAL_SUFFIX = re.compile(r"\s*(?:\((?:persero|perseroda)\)|\btbk\b)", re.IGNORECASE)


def numbered_body(doc: Doc, name: str, last: int) -> tuple[str, int]:
    """ "Pelindo III", "PTPN XII", "PT Pelabuhan Indonesia (Pelindo) II": a state enterprise
    followed by a Roman numeral is its numbered regional company, a body of its own, named
    without the holding's legal form ("PT Pelabuhan Indonesia III")."""
    j = last + 1
    if is_roman_numeral(doc, j) and doc.gap(last, j) == " ":
        numeral = j
    elif (closing := acronym_after(doc, last)) is not None and (
        after := numeral_after(doc, closing[1] + 1)
    ) is not None:
        numeral = after
    else:
        return name, last
    return f"{LEGAL_SUFFIX.sub('', name).strip()} {doc.tokens[numeral].text}", numeral


# The words of a state enterprise's or an agency's unit between its name and the region it
# serves: "PLN UP3 Surabaya", "KAI Daop 8 Surabaya", "BRI Cabang Malang", "BPS Kota Batu".
UNIT_REACH = 3


def body_seats(doc: Doc, mentions: Mentions, table: PhraseTable[Institution]) -> set[int]:
    """The tokens of a region written right after a known domestic body, perhaps after its
    unit's short name ("PT PLN (Persero) UP3 Surabaya", "Telkom Witel Surabaya"): where the
    body's office sits, no party of its own."""
    seats: set[int] = set()
    tokens = doc.tokens
    for _first, last, _bodies in table.scan(doc, capitalised=True):
        j, steps = last + 1, 0
        while j < len(tokens) and tokens[j].sentence == tokens[last].sentence:
            mention = mentions.at.get(j)
            if mention is not None and mention.regions and doc.gap(j - 1, j) == " ":
                seats.update(range(mention.first, mention.last + 1))
                break
            token = tokens[j]
            if token.text in "()" or (
                token.word and (token.cap or token.text.isdigit()) and steps < UNIT_REACH
            ):
                steps += token.word
                j += 1
                continue
            break
    return seats


GOVERNMENT_HEADS = words("pemkot pemko pemkab pemprov pemda pemerintah")
BESIDE_REACH = 6


def beside_government(doc: Doc, first: int) -> bool:
    """ "Pemkot Surabaya dan ITS sepakat ...": the body joined by "dan" to a regional
    government."""
    j = previous_word(doc, first)
    if j < 0 or doc.tokens[j].key not in {"dan", "serta"}:
        return False
    j, steps = j - 1, 0
    while j >= 0 and doc.tokens[j].sentence == doc.tokens[first].sentence and steps < BESIDE_REACH:
        token = doc.tokens[j]
        if token.word and token.key in GOVERNMENT_HEADS:
            return True
        if token.word and not token.cap:
            return False
        j, steps = j - 1, steps + 1
    return False


def organisation_partners(
    doc: Doc,
    mentions: Mentions,
    organisations: list[Organisation],
    claimed: set[int],
    own: frozenset[str] = frozenset(),
    members: frozenset[int] = frozenset(),
) -> list[Draft]:
    """`own`: the codes of the focal region and its short names' regions; a domestic body
    named after one ("Bank Jatim", "PT Jatim Graha Utama" in a story of Pemprov Jatim) is that
    region's own enterprise, no partner. `members`: the first tokens of bodies listed after a
    head noun in a cooperation sentence; the list names them as parties, however long it is
    ("14 perguruan tinggi, yakni A, B, ... dan N")."""
    drafts: list[Draft] = []
    for org in organisations:
        if (
            org.kind == "domestic_party"
            and fold(org.name).split()[0] in ENTERPRISE_HEADS
            and names_region(mentions, org.tokens, own)
        ):
            continue  # "PT Jatim Graha Utama", "Bank Jatim" (not "Universitas Negeri Malang")
        if is_common_noun(org.name):
            continue  # "Lembaga Pemerintah", "Konsorsium Perusahaan", "PT", "Kamar"
        if WEB_NAME.search(org.name):
            continue  # "TEMPO.CO", "KABARNTT.CO": the outlet of a dateline
        kind, country = org.kind, org.country
        if kind == CENTRAL_BODY_KIND:
            if not (
                counterpart(doc, org.tokens[0]) or beside_government(doc, org.tokens[0])
            ) or is_facilitator(doc, org.tokens[0]):
                continue  # "koordinasi dengan Kemendagri" as procedure, "difasilitasi Kemenlu"
            kind = "domestic_party"
        if kind == PUBLIC_BODY_KIND and fold(org.name).split()[0] in INDONESIAN_OFFICES:
            continue  # "Dinas Perhubungan", "Biro Pemerintahan dan Kerja Sama": an office here
        if kind == PUBLIC_BODY_KIND and region_after(doc, mentions, org.tokens[1]):
            continue  # "Lembaga Pengembangan Pendidikan (LPP) NTB": the region's own body
        if regional_enterprise(doc, org.tokens[0]):
            continue  # "BUMD DKI, PT Food Station": a region's own enterprise acts for it
        if affiliation(doc, org.tokens[0]):
            continue  # "kata kandidat doktor Universitas Padjadjaran itu": whose member speaks
        if (
            kind == "domestic_party"
            and org.tokens[0] not in members
            and not any(
                named_as_party(doc, mentions, first) for first in occurrences(doc, org.tokens)
            )
        ):
            continue  # "paparan Direktur PT Naga Kapuk Indah": named, but as no party
        if country is None and kind != "domestic_party":
            country = free_country(
                doc, mentions, org.tokens[0], claimed, places=kind != PUBLIC_BODY_KIND
            ) or inner_country(doc, mentions, org.tokens)
        if kind == PUBLIC_BODY_KIND:
            if country is None:
                continue
            kind = "foreign_institution"
        drafts.append(Draft(org.name, kind, country, list(org.evidence)))
    return drafts


def occurrences(doc: Doc, tokens: tuple[int, int]) -> list[int]:
    """The first tokens of every place the text writes the body's name."""
    keys = [doc.tokens[i].key for i in range(tokens[0], tokens[1] + 1) if doc.tokens[i].word]
    out = []
    for i in doc.positions.get(keys[0], ()):
        j, k = i, 0
        while k < len(keys) and j < len(doc.tokens) and doc.tokens[j].key == keys[k]:
            k += 1
            j = doc.next_word[j] if doc.next_word[j] >= 0 else len(doc.tokens)
        if k == len(keys):
            out.append(i)
    # the body's own place always counts, however its words are punctuated ("PT. Indonesia
    # Power" against a later "PT Indonesia Power")
    return out if tokens[0] in out else [tokens[0], *out]


# Before a domestic body these name it as a party: "mitra kampusnya ... antara lain", "pihak
# PT X", the list after a head ("yakni", "yaitu").
PARTY_OPENERS = words(
    "bersama dengan antara kerjasama sama bermitra menggandeng pihak mitra yakni yaitu lain antaranya diantaranya termasuk melibatkan merangkul "
    "menggaet ialah adalah"
)
# A signatory's post before a body: "diteken Bupati ... dan Rektor Universitas X".
SIGNATORY_POSTS = words("rektor direktur dirut ceo dekan ketua presiden pimpinan wakil")
SIGNING_ROOTS = frozenset({"teken", "tandatangan", "sepakat"})


def named_as_party(doc: Doc, mentions: Mentions, first: int) -> bool:
    """A domestic body is a party when a word before it (or before the list it stands in) says
    so, when it is joined to an Indonesian region by "dan" ("Pemkab Tanbu dan PT X"), or when
    a signatory's post names it in a sentence of signing."""
    j, steps = first - 1, 0
    sentence = doc.tokens[first].sentence
    while j >= 0 and doc.tokens[j].sentence == sentence and steps < COUNTERPART_REACH + 8:
        token = doc.tokens[j]
        if token.word and token.key in PARTY_OPENERS:
            return True
        if token.word and token.key in {"dan", "serta"}:
            k = j - 1
            while k >= 0 and not doc.tokens[k].word:
                k -= 1
            mention = mentions.at.get(k)
            if mention is not None and mention.regions:
                return True  # "Pemkab Tanah Bumbu dan PT Indocement"
        elif token.word and not token.cap and token.key not in NAME_CONNECTORS:
            break
        j, steps = j - 1, steps + 1
    end = first
    while end + 1 < len(doc.tokens) and doc.tokens[end + 1].word and doc.tokens[end + 1].cap:
        end += 1
    if doc.key_at(end + 1) == "sebagai" and doc.key_at(end + 2) in AS_PARTY:
        return True  # "diikuti Universitas Negeri Malang sebagai mitra"
    posts, j = 0, first
    while posts < SIGNATORY_REACH:
        j = previous_word(doc, j)
        if j < 0:
            return False
        if doc.tokens[j].key in SIGNATORY_POSTS:
            start, end = doc.sentence_of(first)
            return any(has_root(doc.tokens[k].key, SIGNING_ROOTS) for k in range(start, end))
        posts += 1
    return False


AS_PARTY = words("mitra pihak partner penyedia operator pelaksana pengelola investor")
# Lowercase words inside a foreign body's name: "Graduate School of International ...".
NAME_CONNECTORS = words("of for the and de des du la le van von und")
SIGNATORY_REACH = 3  # "Wakil Rektor III Universitas ...", "Direktur Utama PT ..."


ENTERPRISE_HEADS = words("pt bank pd perum perumda perseroda perusda pdam")


def names_region(mentions: Mentions, tokens: tuple[int, int], codes: frozenset[str]) -> bool:
    """Some region mention inside the tokens is one of `codes`."""
    return any(
        region.code in codes
        for i in range(tokens[0], tokens[1] + 1)
        if (mention := mentions.at.get(i)) is not None
        for region in mention.regions
    )


PREFIX_WORDS = frozenset(key for key in REGION_PREFIXES if " " not in key)


def region_after(doc: Doc, mentions: Mentions, last: int) -> bool:
    """An Indonesian region named right after a body's name or its bracketed acronym, its
    prefix included ("Badan Perencanaan Daerah (Bapeda) Provinsi Jawa Tengah")."""
    j = last + 1
    if j < len(doc.tokens) and doc.tokens[j].text == "(":
        while j < len(doc.tokens) and doc.tokens[j].text != ")" and j - last < 6:
            j += 1
        j += 1
    while j < len(doc.tokens) and j not in mentions.at and doc.tokens[j].key in PREFIX_WORDS:
        j += 1 + (j + 1 < len(doc.tokens) and doc.tokens[j + 1].text == ".")  # "Kab."
    mention = mentions.at.get(j)
    return mention is not None and mention.first == j and bool(mention.regions)


COUNTERPART_WORDS = words("bersama dengan antara kerjasama sama bermitra menggandeng")
COUNTERPART_REACH = 8
# Roots of the procedure a ministry oversees: coordination, reports, consultation, permits.
REVIEW_ROOTS = frozenset({"koordinasi", "lapor", "konsultasi", "izin", "setuju", "verifikasi"})


def counterpart(doc: Doc, first: int) -> bool:
    """The body is the other side of the region: "kebijakan Gubernur bersama Lembaga ...",
    "kerjasama Pemerintah Kabupaten Blitar dan Kementerian Luar Negeri"."""
    j, steps = first - 1, 0
    sentence = doc.tokens[first].sentence
    while j >= 0 and doc.tokens[j].sentence == sentence and steps < COUNTERPART_REACH:
        token = doc.tokens[j]
        if token.word and token.key in COUNTERPART_WORDS:
            # "dikoordinasikan dengan Kemendagri": procedure, not a party
            verbs = (doc.key_at(j - 1), doc.key_at(j - 2))
            return not any(has_root(verb, REVIEW_ROOTS) for verb in verbs if verb)
        if token.word and not token.cap and token.key not in {"dan", "serta"}:
            return False
        j, steps = j - 1, steps + 1
    return False


def inner_country(doc: Doc, mentions: Mentions, tokens: tuple[int, int]) -> str | None:
    """ "Tula State University": the country of a foreign place the body's name holds (named as
    a place elsewhere in the text, "Kota Tula, Rusia"), one the text names."""
    named = {c.code for m in mentions.countries for c in m.countries}
    places = {m.key: {c.place.country for c in m.places} & named for m in mentions.places}
    for i in range(tokens[0], tokens[1] + 1):
        countries = places.get(doc.tokens[i].key, set())
        if len(countries) == 1:
            return next(iter(countries))
    return None


# Right before a body, these name one of its members, students or graduates: the body is a
# person's affiliation, not a party ("dosen Universitas Bung Hatta", "alumni ITB").
AFFILIATION = words(
    "dosen mahasiswa mahasiswi alumni alumnus lulusan kandidat doktor peneliti siswa santri "
    "karyawan pegawai"
)


def affiliation(doc: Doc, first: int) -> bool:
    j = previous_word(doc, first)
    if j < 0:
        return False
    key = doc.tokens[j].key
    if key == "besar":  # "guru besar Universitas ..."
        return doc.key_at(previous_word(doc, j)) == "guru"
    return key in AFFILIATION and not doc.tokens[j].cap


REGIONAL_ENTERPRISE = words("bumd perumda perusda perumdam")
ENTERPRISE_REACH = 4


def regional_enterprise(doc: Doc, first: int) -> bool:
    """A company called a regional enterprise just before its name ("BUMD DKI, PT X") or just
    after it ("PT X, BUMD milik Pemprov")."""
    sentence = doc.tokens[first].sentence
    for step in (-1, 1):
        j, taken = first + step, 0
        while 0 <= j < len(doc.tokens) and doc.tokens[j].sentence == sentence and taken < 8:
            if doc.tokens[j].key in REGIONAL_ENTERPRISE:
                return True
            if doc.tokens[j].word:
                taken += 1
            if step < 0 and taken >= ENTERPRISE_REACH:
                break
            j += step
    return False


def member_partners(
    doc: Doc, mentions: Mentions, listed: list[Member], taken: set[int]
) -> list[Draft]:
    """Bodies listed after a head noun ("Ketujuh kampus itu ialah A, B, C"): the head gives
    their kind and country. Places, regions, countries and bodies found otherwise are left to
    their own rules."""
    drafts: list[Draft] = []
    for member in listed:
        run = member.run
        if member.kind in {PLACE, OFFICE} or run.first in taken or doc.excluded[run.first]:
            continue
        mention = mentions.at.get(run.first)
        if mention is not None and mention.last >= run.last:
            continue  # "Guangxi", "Kota Bekasi", "Jepang": a place, a region or a country
        name = doc.surface(run.first, run.last)
        if is_common_noun(name) or is_facilitator(doc, run.first):
            continue
        if run.numeral is not None:  # "PT Pelabuhan Indonesia (Pelindo) III"
            name = f"{name} {doc.tokens[run.numeral].text}"
        end = run.end_token
        if member.tail is not None:
            name = f"{name} {doc.surface(member.tail.first, member.tail.last)}"
            end = member.tail.last
        if member.abroad:
            kind, country = f"foreign_{member.kind}", None  # the story may give its country
        elif member.country is None:
            kind, country = "domestic_party", "ID"
        else:
            kind, country = f"foreign_{member.kind}", member.country
        drafts.append(Draft(name, kind, country, [doc.span(run.first, end)]))
    return drafts


INDONESIAN_OFFICES = words(
    "dinas biro bagian bidang sekretariat kantor satuan inspektorat direktorat balai dprd uptd "
    "unit kecamatan kelurahan desa setda bappeda diskominfo pemkot pemkab pemprov pemda "
    "organisasi"
)


PLACE_AFTER_BODY = 16


def free_country(
    doc: Doc, mentions: Mentions, index: int, claimed: set[int], *, places: bool = False
) -> str | None:
    """The one foreign country named in the sentence of token `index` that no partner claims;
    else, for a body that is foreign by its kind, the country of a foreign place named a few
    words after it ("Foundation, yayasan di Australia Barat")."""
    first, end = doc.sentence_of(index)
    codes = {
        m.countries[0].code
        for m in mentions.countries
        if first <= m.first < end and m.first not in claimed and m.countries[0].code != "ID"
    }
    if not codes and places:
        codes = {
            m.places[0].place.country
            for m in mentions.places
            if index < m.first < min(end, index + PLACE_AFTER_BODY)
            and len({c.place.country for c in m.places}) == 1
        }
    return codes.pop() if len(codes) == 1 else None


WEB_NAME = re.compile(r"(?i)\w\.(?:co|com|id|net|org)\b")
# "PT. Godang", "PT.Bali Seafood": the legal form written with a dot, glued or not.
ABBREVIATION_DOT = re.compile(r"^(PT|CV)\. ?(?=\w)")


def is_government_name(name: str) -> bool:
    return fold(name).split(" ", 1)[0] in {"pemerintah", "government"}


DOMESTIC = frozenset({"indonesian_region", "domestic_party"})
# Malaysian local governments: "Majlis Daerah Kota Tinggi", "Majlis Perbandaran Hang Tuah
# Jaya", "Majlis Bandaraya Melaka Bersejarah" (district, municipal and city councils).
COUNCIL_TYPES = words("daerah perbandaran bandaraya bandar")
COUNCIL_WORDS = words("majlis majelis")
MAX_COUNCIL_NAME = 4


def council_runs(
    doc: Doc, mentions: Mentions, cooperation: list[bool]
) -> list[tuple[int, int, int]]:
    """(first token of the council, first and last token of its place's name) for each
    Malaysian council named in a cooperation sentence: the place it governs is the partner.
    A name that starts with a place the gazetteer knows ("Majlis Bandaraya Kuching Selatan")
    is left to the places."""
    out: list[tuple[int, int, int]] = []
    for key in COUNCIL_WORDS:
        for i in doc.positions.get(key, ()):
            if doc.excluded[i] or not doc.tokens[i].cap or doc.key_at(i + 1) not in COUNCIL_TYPES:
                continue
            if not cooperation[doc.tokens[i].sentence]:
                continue
            known = mentions.at.get(i + 2)
            if known is not None and known.places:
                continue
            first = last = i + 2
            while (
                last < len(doc.tokens)
                and last - first < MAX_COUNCIL_NAME
                and doc.tokens[last].word
                and doc.tokens[last].cap
                and doc.tokens[last].sentence == doc.tokens[i].sentence
            ):
                last += 1
            if last > first:
                out.append((i, first, last - 1))
    return out


def council_partners(doc: Doc, councils: list[tuple[int, int, int]]) -> list[Draft]:
    return [
        Draft(doc.surface(first, last), "foreign_city_or_region", "MY", [doc.span(head, last)])
        for head, first, last in councils
    ]


def story_country(drafts: list[Draft]) -> list[Draft]:
    """A foreign body whose country no word beside it names takes the story's one foreign
    country, when every other foreign partner shares it ("Human Ring Cooperative" in a story
    of Kagawa and Japan): the counterparts of one cooperation come from one side."""
    known = {d.country for d in drafts if d.country and d.kind not in DOMESTIC}
    if len(known) != 1:
        return drafts
    (country,) = known
    for draft in drafts:
        if draft.country is None and draft.kind not in DOMESTIC:
            draft.country = country
    return drafts


def merge(
    drafts: list[Draft], doc: Doc | None = None, seats: frozenset[str] = frozenset()
) -> list[PartnerItem]:
    """One partner per name and kind, ordered by first evidence; with the text, a foreign
    partner named again in brackets right after another is that one. `seats`: the folded
    names of the Indonesian regions the text names, which a campus may add after its name."""
    merged: dict[tuple[str, str], Draft] = {}
    for draft in drafts:
        draft.name = ABBREVIATION_DOT.sub(r"\1 ", draft.name)  # "PT. Godang" is "PT Godang"
    drop_campus_seats(drafts, seats)
    for draft in drafts:
        key = (fold(draft.name), draft.kind)
        if draft.kind == "foreign_government" and draft.country:
            # A country has one government: "DFAT" and "Pemerintah Australia" are one partner,
            # named by the form that says "Pemerintah".
            key = (draft.country, draft.kind)
        if key not in merged:
            merged[key] = draft
            continue
        kept = merged[key]
        kept.evidence.extend(draft.evidence)
        if is_government_name(draft.name) and not is_government_name(kept.name):
            kept.name = draft.name
    merge_acronyms(merged)
    merge_national_suffix(merged)
    merge_shortened_places(merged)
    if doc is not None:
        merge_bracketed_names(doc, merged)
    items = [draft.item() for draft in merged.values()]
    return sorted(items, key=lambda item: item.evidence[0] if item.evidence else (0, 0))


# Heads of the names of campuses, which reporters often end with their city ("Universitas
# Brawijaya Malang", "Universitas Nusa Cendana Kupang"); a short form of the type ("UIN Sunan
# Ampel Surabaya") keeps the city as part of the name.
CAMPUS_HEADS = words("universitas institut politeknik akademi")
MIN_CAMPUS_WORDS = 2
SHARED_CAMPUS_WORDS = words(
    "negeri muhammadiyah islam katolik kristen terbuka pgri nahdlatul veteran nasional "
    "teknologi kesehatan pertanian pariwisata"
)


def drop_campus_seats(drafts: list[Draft], seats: frozenset[str]) -> None:
    """Each campus named without its seat (`without_seat`) unless two campuses of the text
    would then share one name ("Institut Seni Indonesia Yogyakarta" and "... Surakarta")."""
    shorter = [without_seat(draft, seats) for draft in drafts]
    counts: dict[str, set[str]] = {}
    for draft, name in zip(drafts, shorter, strict=True):
        counts.setdefault(fold(name), set()).add(fold(draft.name))
    for draft, name in zip(drafts, shorter, strict=True):
        if len(counts[fold(name)] - {fold(name)}) == 1:
            draft.name = name


def without_seat(draft: Draft, seats: frozenset[str]) -> str:
    """A domestic campus's name without the region it lies in when the text adds that region
    after the name: "Universitas Brawijaya Malang" is "Universitas Brawijaya" (the form
    written, with the city, stays the partner's written form). A name left with its head word
    alone ("Universitas Jambi") keeps the region: it is the name, and so does a name whose
    other words many campuses share ("Universitas Muhammadiyah Malang", "Politeknik Negeri
    Kupang")."""
    words_ = draft.name.split()
    if draft.kind != "domestic_party" or not words_ or fold(words_[0]) not in CAMPUS_HEADS:
        return draft.name
    if set(fold(draft.name).split()) & SHARED_CAMPUS_WORDS:
        return draft.name
    for size in (2, 1):
        kept = words_[:-size]
        if len(kept) >= MIN_CAMPUS_WORDS and fold(" ".join(words_[-size:])) in seats:
            return " ".join(kept)
    return draft.name


# Words a company's name may add or leave out at its end: "PT Bali Seafood" and "PT Bali
# Seafood Indonesia", "PT Semen Padang" and "PT Semen Padang (Persero)" are one body.
NAME_TAILS = frozenset({"indonesia", "tbk", "persero"})


def merge_national_suffix(merged: dict[tuple[str, str], Draft]) -> None:
    """One domestic body written with and without its national or legal tail: kept under the
    longer name, with the evidence of both."""
    for key in sorted(merged, key=lambda key: len(key[0])):
        if key[1] != "domestic_party" or key not in merged:
            continue
        words_of = key[0].replace("(", " ").replace(")", " ").split()
        for other in list(merged):
            other_words = other[0].replace("(", " ").replace(")", " ").split()
            if (
                other != key
                and other[1] == key[1]
                and len(other_words) > len(words_of)
                and other_words[: len(words_of)] == words_of
                and set(other_words[len(words_of) :]) <= NAME_TAILS
            ):
                merged[other].evidence.extend(merged.pop(key).evidence)
                break


MAX_ACRONYM = 8


def merge_acronyms(merged: dict[tuple[str, str], Draft]) -> None:
    """ "AeU" and "Asia e University", "WSU" and "Western Sydney University": a one-word name
    made of the initials of another body's name, of the same kind, is that body."""
    bodies = {key: draft for key, draft in merged.items() if " " in key[0]}
    for key, draft in list(merged.items()):
        name = key[0]
        if " " in name or not 1 < len(name) <= MAX_ACRONYM:
            continue
        for long_key, body in bodies.items():
            initials = "".join(word[0] for word in long_key[0].split() if word)
            if long_key[1] == key[1] and initials == name:
                body.evidence.extend(draft.evidence)
                del merged[key]
                break


def merge_shortened_places(merged: dict[tuple[str, str], Draft]) -> None:
    """ "Kota Mossel" beside "Mossel Bay": a foreign place the gazetteer does not know, whose
    words begin the name of a known place of the same country the text also names, is that
    place written short."""
    known = [
        d for d in merged.values() if d.kind == "foreign_city_or_region" and d.place_id is not None
    ]
    for key, draft in list(merged.items()):
        if draft.kind != "foreign_city_or_region" or draft.place_id is not None:
            continue
        words_ = key[0].split()
        for place in known:
            longer = fold(place.name).split()
            if (
                place.country == draft.country
                and len(longer) > len(words_)
                and longer[: len(words_)] == words_
            ):
                place.evidence.extend(draft.evidence)
                del merged[key]
                break


# Between a name and a bracket that names it again: nothing, or a country or region of at most
# two capitalised words ("Provinsi Utara Australia (Northern Territory)").
BRACKET_GAP = re.compile(r"\s*(?:[A-Z][\w-]*\s+){0,2}\(\s*")
FOREIGN_KINDS = frozenset(
    {"foreign_city_or_region", "foreign_government", "foreign_institution", "foreign_company"}
)


def known_place(draft: Draft) -> bool:
    return draft.kind == "foreign_city_or_region" and not any(
        flag[0] == "unknown_place" for flag in draft.flags
    )


def merge_bracketed_names(doc: Doc, merged: dict[tuple[str, str], Draft]) -> None:
    """ "Pemerintah Wilayah Australia Utara (Northern Territory Australia)", "Provinsi Utara
    Australia (Northern Territory)": a foreign partner whose name the text gives again in
    brackets right after another one of the same country is one partner, kept under a place
    the tables know (else under the name before the bracket), with the evidence of both."""
    for key, draft in list(merged.items()):
        if key not in merged or draft.kind not in FOREIGN_KINDS or not draft.country:
            continue
        for other_key, other in list(merged.items()):
            if (
                other_key == key
                or other.kind not in FOREIGN_KINDS
                or other.country != draft.country
                or not any(
                    BRACKET_GAP.fullmatch(doc.text, end, start)
                    for _s, end in draft.evidence
                    for start, _e in other.evidence
                    if end < start
                )
            ):
                continue
            swap = known_place(other) and not known_place(draft)
            keep, drop = (other, key) if swap else (draft, other_key)
            gone = merged.pop(drop)
            keep.evidence.extend(gone.evidence)
            break


# Before a country these make it a counterparty ("investor asal Korea", "kerja sama dengan
# Australia", "Duta Besar Jepang", "delegasi Tiongkok"), not a background mention.
COUNTERPARTY_WORDS = words(
    "dengan antara asal dari pemerintah delegasi rombongan duta besar dubes konsul konjen "
    "jenderal investor investasi pengusaha perusahaan mitra sama kerjasama bermitra negara "
    "mahasiswa pelajar tim kunjungan"
)
# "Duta Besar RI untuk Rusia dan Belarus", "konflik Rusia dan Ukraina": the second country of
# an envoy's title or a pair in the background.
COUNTERPARTY_REACH = 2


def is_counterparty(doc: Doc, mention: Mention) -> bool:
    """A country named as the other side: right after a word of cooperation, origin or
    representation (also further along a list of names: "dengan Singapura, Korsel dan
    Belanda"), after the name it qualifies ("Western Sydney University (WSU) Australia",
    "Tokyo, Jepang") or inside a cooperation pair ("kerja sama Jatim-Amerika Serikat"); not
    the second country of an envoy's accreditation ("Duta Besar RI untuk Rusia dan
    Belarus")."""
    sentence = doc.tokens[mention.first].sentence
    j = mention.first - 1
    if j > 0 and (doc.tokens[j].text == ")" or (doc.tokens[j].cap and doc.tokens[j].word)):
        return True
    if j > 1 and doc.tokens[j].text == "," and doc.tokens[j - 1].cap:
        return True
    taken, listed = 0, False
    while j >= 0 and taken < COUNTERPARTY_REACH and doc.tokens[j].sentence == sentence:
        token = doc.tokens[j]
        if token.word and token.key in LIST_JOINERS:
            listed = True
        elif token.word and token.cap:
            pass  # another name of the list
        elif token.word:
            if token.key in COUNTERPARTY_WORDS:
                return True
            if listed and token.key in ACCREDITATION:
                return False
            taken += 1
        elif token.text in {"-", "–"}:
            return True
        j -= 1
    return False


LIST_JOINERS = words("dan serta")
ACCREDITATION = words("untuk merangkap")


def countries(
    gazetteer: Gazetteer,
    mentions: list[Mention],
    partners: list[PartnerItem],
    blocked: set[int],
    doc: Doc,
    cooperation: list[bool],
) -> list[CountryItem]:
    """Foreign countries named in a sentence about cooperation, and those of foreign partners
    (with every mention as evidence); "belajar seperti di Jepang" in passing is none."""
    mentioned: dict[str, list[Mention]] = {}
    for mention in mentions:
        code = mention.countries[0].code
        if code == "ID" or mention.first in blocked or doc.excluded[mention.first]:
            continue
        mentioned.setdefault(code, []).append(mention)
    evidence: dict[str, list[tuple[int, int]]] = {}
    for code, found in mentioned.items():
        if any(cooperation[doc.tokens[m.first].sentence] for m in found) and any(
            is_counterparty(doc, m) for m in found
        ):
            evidence[code] = [m.span for m in found]
    for partner in partners:
        if partner.country and partner.country != "ID":
            spans = [m.span for m in mentioned.get(partner.country, [])]
            evidence.setdefault(partner.country, spans or list(partner.evidence))
    items = []
    for code, spans in evidence.items():
        country = gazetteer.country(code)
        if country is not None:
            items.append(CountryItem(code, country.name_id, tuple(sorted(set(spans)))))
    return sorted(items, key=lambda item: item.evidence[0] if item.evidence else (0, 0))
