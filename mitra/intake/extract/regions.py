"""Indonesian regions that take part: resolved to Kemendagri codes, the main one picked out.

A name is read with the government prefix before it ("Pemkot", "Kabupaten", "Pemprov" ...) or
a head of region ("Wali Kota", "Bupati", "Gubernur"), which also choose the type: "Kabupaten
Bandung" is the regency, bare "Bandung" the city (city, then regency, then province, as in
`mitra.regions.lookup`). "Pemprov Jogja" is the province of the city Jogja names.

A region takes part when some mention of it is strong: with a prefix or a head of region, in a
role ("Kepala Bagian Kerja Sama Setda Kota Makassar"), or bare in a sentence about cooperation.
"di Makassar" (a venue), a province after its city ("Tual, Maluku") and names inside other
bodies ("Universitas Hasanuddin Makassar") are not enough on their own. The region with the
most strong mentions is the main one; the others are its partners.
"""

from dataclasses import dataclass, field

from mitra.intake.extract.context import (
    clause_start,
    guest_listed,
    is_facilitator,
    is_object,
    is_venue,
    list_lead,
    list_opening,
    on_route,
    previous_word,
)
from mitra.intake.extract.gazetteer import Gazetteer, Region
from mitra.intake.extract.lexicon import REGION_HEADS, REGION_PREFIXES, phrases
from mitra.intake.extract.mentions import Mention, written_lowercase
from mitra.intake.extract.places import inspires, is_seat
from mitra.intake.extract.tokens import Doc
from mitra.lib.text import fold

PREFERENCE = ("city", "regency", "province")
# A region after "ke" is where a visit went ("kunjungan kerja ke Kabupaten Kupang").
REGION_VENUE_WORDS = frozenset({"di", "ke"})
# When no other Indonesian region takes part, the one a delegation comes to is the host party
# ("Delegasi Kota Nonsan berkunjung ke Kota Malang untuk menjajaki kerja sama").
HOST_VENUE_WORDS = frozenset({"di"})
GOVERNMENTS = frozenset({"pemkab", "pemkot", "pemprov", "pemda", "pemko", "pemerintah"})
PREFIX_TABLE = phrases(*REGION_PREFIXES, *REGION_HEADS)
TYPE_OF = {**REGION_PREFIXES, **REGION_HEADS}
# A bare name on its own that is an Indonesian word first: needs a prefix to count.
# "Karo" is also the short form of Kepala Biro ("Karo Humas dan Protokol").
COMMON_NAMES = frozenset(
    {
        "puncak", "batu", "batang", "banjar", "pati", "toba", "lebak", "kuningan", "agam",
        "bone", "karo",
    }
)  # fmt: skip
# Right before a region, these name it as the other party of the story's side ("MoU dengan
# Pemkot Bandung"); "antara A dan B" names both sides.
COUNTERPART_WORDS = frozenset(
    {"dengan", "bersama", "melibatkan", "menggandeng", "menggaet", "merangkul"}
)
# "Pemkot", "Wali Kota" with no name after them: the dateline's region is meant.
UNNAMED_CUES = frozenset(
    {"pemkot", "pemkab", "pemprov", "pemda", "wali", "walikota", "bupati", "gubernur"}
)


@dataclass(slots=True)
class RegionFound:
    region: Region
    evidence: list[tuple[int, int]] = field(default_factory=list)
    strong: int = 0
    first: int = 0  # token of the first strong mention
    mentions: list[int] = field(default_factory=list)  # first tokens of every mention
    objects: bool = False  # some strong mention is the other party ("dengan Pemkot Solo")
    counterpart: bool = False  # the first strong mention is the other party
    homes: int = 0  # strong mentions that only say where people come from or live
    first_object: int = -1  # token of the first strong mention that is the other party


def resolve(
    doc: Doc, gazetteer: Gazetteer, mention: Mention
) -> tuple[Region | None, int, str | None]:
    """(region, first token of the prefix, the prefix's region type) for one mention."""
    prefix_first, region_type = prefix_before(doc, mention.first)
    return choose(gazetteer, mention.regions, region_type), prefix_first, region_type


def prefix_before(doc: Doc, first: int) -> tuple[int, str | None]:
    """The government prefix or head of region right before token `first`, if any (read
    once per token: every rule that resolves a mention asks)."""
    known: dict[int, tuple[int, str | None]] = doc.derived.setdefault("prefix_before", {})
    found = known.get(first)
    if found is None:
        found = known[first] = read_prefix_before(doc, first)
    return found


def read_prefix_before(doc: Doc, first: int) -> tuple[int, str | None]:
    words: list[int] = []  # the words before `first`, nearest first
    start = first
    while len(words) < PREFIX_WORDS:
        start = previous_word(doc, start, frozenset())
        if start < 0:
            break
        words.append(start)
    for size in range(len(words), 0, -1):  # the longest prefix first
        opening = words[size - 1]
        if (
            doc.tokens[opening].key not in PREFIX_TABLE.first  # no prefix starts there
            or "\n" in doc.text[doc.tokens[opening].end : doc.tokens[first].start]
        ):
            continue
        found = PREFIX_TABLE.match(doc, opening)
        if found and found[0] == words[0]:
            return opening, TYPE_OF[found[1][0]]
    return -1, None


PREFIX_WORDS = 4  # the longest prefix: "pemerintah kota administrasi ..."


def choose(
    gazetteer: Gazetteer, candidates: list[Region], region_type: str | None
) -> Region | None:
    typed = [r for r in candidates if region_type is None or r.type == region_type]
    if not typed and region_type == "province":
        typed = [gazetteer.regions[r.province] for r in candidates if r.province]
    if not typed:
        typed = candidates
    for preferred in PREFERENCE:
        matches = [r for r in typed if r.type == preferred]
        if matches:
            return matches[0] if len({r.code for r in matches}) == 1 else None
    return None


def joined_to_region(doc: Doc, start: int, resolved: dict[int, Region]) -> bool:
    """ "Bengkulu Tengah dan Jawa Barat": the mention follows another region and "dan"."""
    j = previous_word(doc, start, frozenset())
    if j < 0 or doc.tokens[j].key not in {"dan", "serta"}:
        return False
    k = j - 1
    while k >= 0 and not doc.tokens[k].word:
        k -= 1
    return k in resolved


CONTINUATIONS = frozenset({"kemudian", "selanjutnya", "berikutnya"})
OFFICE_OPENERS = frozenset(
    {"sekda", "sekretaris", "wali", "walikota", "bupati", "gubernur", "wakil", "plt", "pj",
     "penjabat", "asisten", "kepala"}
)  # fmt: skip


def continued_lists(doc: Doc, cooperation: list[bool]) -> list[bool]:
    """ "Perjanjian ditandatangani oleh Gubernur A; Wali Kota B ... Kemudian, Sekda Provinsi C;
    Sekda Kota D ...": a sentence that goes on with the list of signatories of the cooperation
    sentence before it (a word of sequence, a comma, an office) is about the cooperation too."""
    out = list(cooperation)
    for index in range(1, len(doc.sentences)):
        if cooperation[index - 1] and not cooperation[index] and continues_list(doc, index):
            out[index] = True
    return out


def continues_list(doc: Doc, index: int) -> bool:
    """Sentence `index` opens with a word of sequence, a comma and an office ("Kemudian, Sekda
    Provinsi Banten, ...")."""
    first, _end = doc.sentences[index]
    return (
        doc.key_at(first) in CONTINUATIONS
        and first + 2 < len(doc.tokens)
        and doc.tokens[first + 1].text == ","
        and doc.tokens[first + 2].key in OFFICE_OPENERS
    )


ELISION_JOINERS = frozenset({"dan", "serta", "/"})
SHORT_FORM_REACH = 4


def elided_conjunct(doc: Doc, prefix_first: int) -> tuple[int, str] | None:
    """ "Pemkot dan Pemkab Madiun", "Pemerintah Kota (Pemkot) dan Kabupaten Bandung",
    "Kabupaten/Kota Mojokerto": a government word joined to the prefix of a name, with no name
    of its own, is the government of that name's other region: (its first token, its type)."""
    tokens = doc.tokens
    j = prefix_first - 1
    if j < 1 or (tokens[j].key not in ELISION_JOINERS and tokens[j].text not in ELISION_JOINERS):
        return None
    k = j - 1
    if tokens[k].text == ")":  # "(Pemkot)": the short form of the first government
        while k >= 0 and tokens[k].text != "(" and j - k <= SHORT_FORM_REACH:
            k -= 1
        if k < 1 or tokens[k].text != "(":
            return None
        k -= 1
    for size in range(PREFIX_WORDS, 0, -1):
        start = k - size + 1
        if start < 0 or not tokens[start].word:
            continue
        found = PREFIX_TABLE.match(doc, start)
        if found and found[0] == k:
            region_type = TYPE_OF[found[1][0]]
            return (start, region_type) if region_type else None
    return None


def previous_key(doc: Doc, index: int) -> str:
    j = previous_word(doc, index, frozenset())
    return doc.tokens[j].key if j >= 0 else ""


def find_regions(
    doc: Doc,
    gazetteer: Gazetteer,
    mentions: list[Mention],
    *,
    cooperation: list[bool],
    blocked: set[int],
    roles: set[int],
    person_words: frozenset[str] = frozenset(),
    venue_words: frozenset[str] = REGION_VENUE_WORDS,
) -> list[RegionFound]:
    """Regions with at least one strong mention, in order of first mention. A bare one-word
    name that is also a word of a person's name ("Bima menyebut ...") is that person."""
    cooperation = continued_lists(doc, cooperation)
    found: dict[str, RegionFound] = {}
    resolved: dict[int, Region] = {}  # last token -> region
    typed = typed_senses(doc, gazetteer, mentions)
    undecided: set[str] = set()  # codes whose strong mentions have not yet told their side
    for mention in mentions:
        if mention.first in blocked or doc.excluded[mention.first]:
            continue
        region, prefix_first, _type = resolve(doc, gazetteer, mention)
        if prefix_first < 0 and mention.key in typed:
            region = typed[mention.key]  # "Wakil Gubernur Bengkulu" ... "ke Bengkulu"
        if region is None:
            continue
        if prefix_first < 0 and mention.first == mention.last and mention.key in person_words:
            continue
        resolved[mention.last] = region
        entry = found.setdefault(region.code, RegionFound(region, first=mention.first))
        entry.evidence.append(mention.span)
        entry.mentions.append(mention.first)
        if (
            is_apposition(doc, mention, region, resolved)
            or repeats(doc, mention, region, resolved)
            or bracketed_province(doc, mention, region, resolved)
            or glossed(doc, mention, cooperation)
        ):
            continue
        if is_strong(
            doc,
            mention,
            prefix_first,
            cooperation=cooperation,
            roles=roles,
            venue=venue_words,
            ordinary=mention.key not in typed,
        ):
            if not entry.strong:
                entry.first = mention.first
            entry.strong += 1
            start = prefix_first if prefix_first >= 0 else mention.first
            if whose_people(doc, start) or compared(doc, start):
                # "mahasiswa asal Kabupaten Cilacap", "warga Kota Bekasi"; "daerah lain seperti
                # Kota Semarang", "mencontoh Kabupaten Banyuwangi"
                entry.homes += 1
            other_party = is_object(doc, start)
            entry.objects = entry.objects or other_party
            if other_party and entry.first_object < 0:
                entry.first_object = mention.first
            if entry.strong == 1 or region.code in undecided:
                entry.counterpart = previous_key(doc, start) in COUNTERPART_WORDS
                # "Bengkulu Tengah dan Jawa Barat Teken Kesepakatan": a region joined to
                # another by "dan" names no side; its next strong mention says which it is
                undecided.discard(region.code)
                if joined_to_region(doc, start, resolved):
                    undecided.add(region.code)
            elided = elided_conjunct(doc, prefix_first) if prefix_first >= 0 else None
            twin = choose(gazetteer, mention.regions, elided[1]) if elided else None
            if elided and twin is not None and twin.code != region.code:
                # "Pemkot dan Pemkab Madiun": the first government shares the name
                other = found.setdefault(twin.code, RegionFound(twin, first=elided[0]))
                other.evidence.append((doc.tokens[elided[0]].start, mention.end))
                other.mentions.append(elided[0])
                if not other.strong:
                    other.first = elided[0]
                    other.counterpart = previous_key(doc, elided[0]) in COUNTERPART_WORDS
                other.strong += 1
    regions = [entry for entry in found.values() if entry.strong]
    return sorted(regions, key=lambda entry: entry.first)


# "bertandang ke Pemkab Buleleng": a government visited is the host party, not a place (a
# region word alone, "kunjungan kerja ke Kabupaten Kupang", is where the visit went).
VISITED = frozenset({"ke"})
VISIT_VERBS = frozenset(
    {"kunjungi", "mengunjungi", "dikunjungi", "sambangi", "menyambangi", "disambangi",
     "datangi", "mendatangi", "didatangi"}
)  # fmt: skip


def visited(doc: Doc, start: int) -> bool:
    """The region is the one a delegation visits ("berkunjung ke Pemkab Badung", "Bupati
    Bantul Kunjungi Badung"): the other party of the visitor's story."""
    before = previous_key(doc, start)
    return before in VISIT_VERBS or (before in VISITED and doc.tokens[start].key in GOVERNMENTS)


# Words of a visit: "kunjungan studi banding dari Pemkab Lombok Timur" names the visiting party.
VISIT_NOUNS = frozenset({"kunjungan", "rombongan", "delegasi", "banding", "tamu", "tim"})
VISITING_REACH = 3


def visiting(doc: Doc, start: int) -> bool:
    """The region is the one that pays a visit ("menerima kunjungan studi banding dari Pemkab
    Lombok Timur"): the other party of its host, no model ("belajar dari Banyuwangi" is)."""
    j = previous_word(doc, start, frozenset())
    if j < 0 or doc.tokens[j].key != "dari":
        return False
    for _ in range(VISITING_REACH):
        j = previous_word(doc, j, frozenset())
        if j < 0:
            return False
        if doc.tokens[j].key in VISIT_NOUNS:
            return True
    return False


def typed_senses(doc: Doc, gazetteer: Gazetteer, mentions: list[Mention]) -> dict[str, Region]:
    """One sense per text: a name the text types with a prefix or a head of region to one
    region only ("Wakil Gubernur Bengkulu", the province) means that region when it recurs
    bare ("investor datang ke Bengkulu"), not the city a bare name would be."""
    senses: dict[str, set[str]] = {}
    regions: dict[str, Region] = {}
    for mention in mentions:
        if doc.excluded[mention.first]:
            continue
        region, prefix_first, _type = resolve(doc, gazetteer, mention)
        if region is None or prefix_first < 0:
            continue
        senses.setdefault(mention.key, set()).add(region.code)
        regions[mention.key] = region
    return {key: regions[key] for key, codes in senses.items() if len(codes) == 1}


def is_strong(
    doc: Doc,
    mention: Mention,
    prefix_first: int,
    *,
    cooperation: list[bool],
    roles: set[int],
    venue: frozenset[str] = REGION_VENUE_WORDS,
    ordinary: bool = True,
) -> bool:
    """`ordinary`: the bare name may be an ordinary word (the text never types it with a
    prefix or a head: "Wali Kota Medan" makes a bare "Medan" the city whatever "medan" means)."""
    if not cooperation[doc.tokens[mention.first].sentence]:
        return False  # "Unud berharap hasil riset dimanfaatkan Pemprov Bali": no party
    start = prefix_first if prefix_first >= 0 else mention.first
    if is_venue(doc, start, venue) and not (
        (venue == HOST_VENUE_WORDS or previous_key(doc, start) in VISITED)
        and doc.tokens[start].key in GOVERNMENTS
    ):
        # "di Gedung Sate, Bandung", "kunjungan kerja ke Kabupaten Kupang"; as the host, "magang
        # di Pemkab Banyuwangi" names the government, not a place
        return False
    # a region's head among the guests of its own ceremony still speaks for it
    if is_facilitator(doc, start, window=1, guests=False):
        return False  # "disaksikan Penjabat Gubernur DIY"
    if on_route(doc, start):
        return False  # "penyeberangan Ketapang-Gilimanuk": a stop of a route
    if trip_origin(doc, start):
        return False  # "Setelah dari Semarang, delegasi ...", "tiba dari Jakarta": a stop
    if former_office(doc, start):
        return False  # "kata mantan Pj Sumut itu": a past office, no party
    if is_seat(doc, start):
        return False  # "Konsulat Jenderal Jepang di Surabaya": where a mission sits
    if permission_giver(doc, start):
        return False  # "setelah mendapat izin Gubernur Jawa Tengah": it allows, it is no party
    if names_a_facility(doc, start):
        return False  # "TPST Bantargebang kota Bekasi", "KEK Palu": where a facility lies
    if inspires(doc, start) and not visited(doc, start) and not visiting(doc, start):
        # "berharap kerja sama ini dicontoh Kabupaten Sukoharjo": a model only; a government
        # visited to learn from ("studi banding ke Pemkot Bandung") is the host party
        return False
    if attends_after(doc, mention.last):
        return False  # "Kepala Dinas Perhubungan Bali hadir dalam penandatanganan": a guest
    if prefix_first < 0 and after_body_acronym(doc, mention.first):
        return False  # "dengan ITSM Jember", "UNS Surakarta": where the body sits
    if mention.first in roles or prefix_first >= 0:
        return True
    # not "Batu", "Buru": a bare name the text also uses as a word
    return not (mention.key in COMMON_NAMES or (ordinary and written_lowercase(doc, mention)))


GUEST_VERBS = frozenset({"hadir", "menghadiri", "menyaksikan"})
# "turut hadir", "tampak menyaksikan"; "turut menandatangani" signs
GUEST_ADVERBS = frozenset({"turut", "tampak", "ikut", "juga", "pun"})
GUEST_REACH = 16


def attends_after(doc: Doc, last: int) -> bool:
    """The names the region stands among (office, person's name, more names joined by commas
    and "dan") are followed by a verb of attending: "Kepala Bappeda Jatim dan Kepala Dinas
    Perhubungan Bali hadir dalam penandatanganan"."""
    tokens = doc.tokens
    sentence = tokens[last].sentence
    j = last + 1
    while j < len(tokens) and tokens[j].sentence == sentence and j - last <= GUEST_REACH:
        token = tokens[j]
        if token.word and not token.cap and token.key not in {"dan", "serta"}:
            k = j
            while doc.key_at(k) in GUEST_ADVERBS and k - j < GUEST_REACH:
                k += 1
            return doc.key_at(k) in GUEST_VERBS
        if not token.word and token.text not in {",", "(", ")", "."}:
            return False
        j += 1
    return False


MIN_ACRONYM = 2


def after_body_acronym(doc: Doc, first: int) -> bool:
    """The bare region follows a body's acronym with one space ("ITSM Jember", "UNS
    Surakarta", "ITS-Mandala Jember"): the body's seat, written as part of its name. A region
    word ("DPRD", "Pemda") or the short form of a region ("KSB") opens no body."""
    j = first - 1
    if j < 0 or doc.gap(j, first) != " ":
        return False
    while j > 1 and doc.tokens[j - 1].text == "-" and doc.tokens[j].cap:
        j -= 2  # "ITS-Mandala"
    token = doc.tokens[j]
    return (
        token.word
        and token.upper
        and len(token.text) >= MIN_ACRONYM
        and token.key not in PREFIX_TABLE.first
        and token.key not in ACRONYM_REGION_WORDS
    )


# Upper-case words before a region's name that speak for the region itself or its people.
ACRONYM_REGION_WORDS = frozenset(
    {"dprd", "pemda", "setda", "bappeda", "kpu", "bpbd", "hut", "apbd", "ri", "nkri", "wib"}
)


# A facility named after where it lies: the region in its name is a location, no party.
FACILITIES = frozenset(
    {"tpst", "tpa", "kek", "terminal", "pelabuhan", "bandara", "stasiun", "tol", "bendungan",
     "waduk", "pasar", "rsud", "pltu", "pltd", "plts", "kilang", "smelter", "jembatan", "kawasan",
     "hotel", "stadion", "sekolah", "sd", "smp", "sma", "smk", "kampus"}
)  # fmt: skip
FACILITY_REACH = 4
FACILITY_NAME_WORDS = frozenset({"kota", "kabupaten", "ekonomi", "khusus", "industri"})


def names_a_facility(doc: Doc, start: int) -> bool:
    """The region ends the name of a facility ("TPST Bantar gebang kota Bekasi", "Kawasan
    Ekonomi Khusus Palu", "terminal Gorontalo Limboto-Bitung", "Hotel Santika Medan", "SMA
    Unggulan Sorong"): it says where the facility lies."""
    j = start
    for _ in range(FACILITY_REACH):
        j -= 1
        while j >= 0 and doc.tokens[j].text == "-":
            j -= 1
        if j < 0 or not doc.tokens[j].word:
            return False
        key = doc.tokens[j].key
        if key in FACILITIES:
            return True
        if not (doc.tokens[j].cap or key in FACILITY_NAME_WORDS):
            return False
    return False


PERMISSION = frozenset(
    {"izin", "ijin", "persetujuan", "restu", "rekomendasi", "sepengetahuan", "mengizinkan"}
)
PERMISSION_REACH = 2


def _word_before(doc: Doc, start: int, words: frozenset[str], reach: int) -> bool:
    """One of `words` among the `reach` words before `start`."""
    j = start
    for _ in range(reach):
        j = previous_word(doc, j, frozenset())
        if j < 0:
            return False
        if doc.tokens[j].key in words:
            return True
    return False


def permission_giver(doc: Doc, start: int) -> bool:
    """A region named as the one who permits or approves ("izin Gubernur Jawa Tengah",
    "atas persetujuan Pemprov Jawa Tengah"): a step of procedure, not a party."""
    return _word_before(doc, start, PERMISSION, PERMISSION_REACH)


# Before a region these make it the home of people ("mahasiswa asal Kabupaten Banyumas dan
# Kabupaten Cilacap", "kompensasi bagi warga Kota Bekasi"): the region says whose people they
# are, it is no party of its own.
ORIGIN = frozenset({"asal", "berasal", "kelahiran", "putra", "putri"})
RESIDENTS = frozenset(
    {"warga", "penduduk", "masyarakat", "rakyat", "pelajar", "siswa", "mahasiswa", "petani",
     "nelayan", "perantau", "diaspora", "pemuda", "anak"}
)  # fmt: skip


# People said to come "dari" a region: "investor dari Jakarta dan Jawa", "wisatawan dari".
COMING_FROM = RESIDENTS | frozenset(
    {"investor", "pengusaha", "wisatawan", "turis", "pekerja", "pendatang"}
)


def whose_people(doc: Doc, start: int) -> bool:
    """The region is named as where people come from or live: right after "asal", a noun of
    residents or "investor dari", or further along the list such a word opens."""
    before = previous_key(doc, start)
    if before in ORIGIN or before in RESIDENTS:
        return True
    j = previous_word(doc, start, frozenset())
    if before == "dari" and previous_key(doc, j) in COMING_FROM:
        return True
    lead = list_lead(doc, start)
    return lead >= 0 and doc.tokens[lead].key in ORIGIN


# "daerah lain seperti Kota Semarang dan Kota Surakarta", "mencontoh Kabupaten Banyuwangi": other
# regions named as examples or models of what the story's region does, no parties to it.
EXAMPLE_OPENERS = frozenset({"seperti", "misalnya", "contohnya", "semisal", "umpamanya"})
OTHER_REGION_NOUNS = frozenset(
    {"daerah", "kota", "kabupaten", "provinsi", "pemda", "wilayah", "pemkot", "pemkab", "pemprov"}
)
MODEL_VERBS = frozenset({"mencontoh", "meniru", "mencontohi", "dicontoh", "ditiru"})


def compared(doc: Doc, start: int) -> bool:
    """The region is one of the other regions a story names as examples ("daerah lain seperti
    Kota Semarang", "kabupaten/kota lain, misalnya Kabupaten Bantul") or as a model ("ingin
    mencontoh Kabupaten Banyuwangi"), not a party to the story's cooperation."""
    lead = list_lead(doc, start)
    if lead < 0:
        return False
    key = doc.tokens[lead].key
    if key in MODEL_VERBS:
        return True
    if key not in EXAMPLE_OPENERS:
        return False
    other = previous_word(doc, lead, frozenset())
    if other < 0 or doc.tokens[other].key != "lain":
        return False
    noun = previous_word(doc, other, frozenset())
    return noun >= 0 and doc.tokens[noun].key in OTHER_REGION_NOUNS


# Before "dari", these make the region where a trip set out from or passed through.
TRIP_WORDS = frozenset(
    {"setelah", "sesudah", "usai", "seusai", "selepas", "sepulang", "pulang", "kembali",
     "berangkat", "bertolak", "tiba", "datang", "terbang"}
)  # fmt: skip


def trip_origin(doc: Doc, start: int) -> bool:
    """ "Setelah dari Semarang", "tiba dari Jakarta": the region is a stop of a trip; so is
    one visited before or after the story's own visit ("setelah sebelumnya mengunjungi
    Jakarta dan Bandung", "sebelum singgah di Surabaya")."""
    before = previous_word(doc, start, frozenset())
    return (
        before >= 0 and doc.tokens[before].key == "dari" and previous_key(doc, before) in TRIP_WORDS
    ) or trip_stop(doc, start)


STOP_VERBS = frozenset({"mengunjungi", "ke", "singgah", "menyinggahi", "di"})
TRIP_SEQUENCE = frozenset(
    {"setelah", "sesudah", "sebelum", "sebelumnya", "usai", "seusai", "selepas", "lalu"}
)
STOP_LIST_REACH = 8


def trip_stop(doc: Doc, start: int) -> bool:
    """A place named, alone or in a list, after a visit verb that a word of sequence opens:
    where a delegation went before or after, no party. A government visited ("setelah
    mengunjungi Pemkab Bogor") is left to the other rules."""
    tokens = doc.tokens
    if tokens[start].key in GOVERNMENTS:
        return False
    sentence = tokens[start].sentence
    j = start - 1
    while j >= 0 and tokens[j].sentence == sentence and start - j <= STOP_LIST_REACH:
        token = tokens[j]
        if token.word and token.key in STOP_VERBS:
            k = previous_word(doc, j, frozenset({"sebelumnya", "terlebih", "dahulu", "juga"}))
            if doc.key_at(k) == "singgah":  # "sebelum singgah di Surabaya"
                k = previous_word(doc, k, frozenset({"sebelumnya"}))
            return k >= 0 and tokens[k].key in TRIP_SEQUENCE
        if token.word and not token.cap and token.key not in {"dan", "serta"}:
            return False
        j -= 1
    return False


FORMER = frozenset({"mantan", "eks", "bekas", "former"})
FORMER_REACH = 3


def former_office(doc: Doc, start: int) -> bool:
    """A region named in a former office of a person ("mantan Pj Sumut", "eks Bupati Garut")."""
    return _word_before(doc, start, FORMER, FORMER_REACH)


def is_apposition(doc: Doc, mention: Mention, region: Region, resolved: dict[int, Region]) -> bool:
    """ "Kota Tual, Maluku", "Bupati Konawe Selatan (Konsel) Sulawesi Tenggara", "Kulon Progo
    Provinsi DIY": the province of the city or regency named just before it, with or without
    a comma or the word "Provinsi", past a bracketed short name."""
    if region.type != "province":
        return False
    tokens = doc.tokens
    j = mention.first - 1
    while j >= 0 and tokens[j].key in PROVINCE_WORDS:
        j -= 1  # "Kulon Progo Provinsi DIY"
    if j >= 2 and tokens[j].text == ")" and tokens[j - 2].text == "(":
        j -= 3  # "(Konsel)"
    if j >= 0 and tokens[j].text == ",":
        j -= 1
    before = resolved.get(j)
    return before is not None and before.province == region.code


def bracketed_province(
    doc: Doc, mention: Mention, region: Region, resolved: dict[int, Region]
) -> bool:
    """ "Bupati Klungkung (Bali)", "Bupati Lebong (Bengkulu)": a bare name in brackets right
    after a regency or city that names that region's province (or a city sharing the
    province's name, "Bengkulu") says where the region lies; it is no party of its own."""
    tokens = doc.tokens
    j = mention.first - 1
    if j < 1 or tokens[j].text != "(" or mention.last + 1 >= len(tokens):
        return False
    if tokens[mention.last + 1].text != ")":
        return False
    before = resolved.get(j - 1)
    if before is None or before.type == "province" or before.code == region.code:
        return False
    return region.code == before.province or (
        region.type != "province" and region.province == before.province
    )


GLOSS_REACH = 6
LIST_MARKS = frozenset({",", "-", "–", "dan", "serta", "&"})


def glossed(doc: Doc, mention: Mention, cooperation: list[bool]) -> bool:
    """ "Bupati Sanggae( Kalbar)", "Wakil Bupati Tanggamus, (Lampung)": a region in brackets
    right after a name says where that name lies, whether or not the gazetteer knows the name;
    it is no party of its own. A list in brackets names what the name is made of: a programme's
    area ("Segitiga Rebana (Cirebon-Patimban-Majalengka)"), or the members of a joint body,
    which are parties where the sentence speaks of the cooperation."""
    tokens = doc.tokens
    opening = bracket_opening(doc, mention.first)
    if opening < 1:
        return False
    k = opening - 1
    if tokens[k].text == "," and k > 0:
        k -= 1
    if not (tokens[k].word and tokens[k].cap and not tokens[k].upper):
        return False
    closing = opening + 1
    while closing < len(tokens) and tokens[closing].text != ")" and closing - opening < 12:
        closing += 1
    listed = any(tokens[j].key in LIST_MARKS for j in range(opening + 1, closing))
    first, end = doc.sentence_of(mention.first)
    return not (
        listed
        and cooperation[tokens[mention.first].sentence]
        and doc.holds(first, end, JOINT_WORK)  # "kolaborasi ... Kartamantul (A, B dan C)"
    )


# Words that say the members of a joint body work together, beyond a cooperation sentence's
# looser cues (a visit, an investment).
JOINT_WORK = frozenset({"kerja", "kerjasama", "kolaborasi", "kemitraan", "bekerjasama"})


def bracket_opening(doc: Doc, first: int) -> int:
    """The "(" whose brackets hold token `first` among capitalised words and list marks, or
    -1."""
    tokens = doc.tokens
    j = first - 1
    while j >= 0 and first - j <= GLOSS_REACH and tokens[j].text != "(":
        token = tokens[j]
        if token.text in {")", "."} or (
            token.word and not token.cap and token.key not in LIST_MARKS
        ):
            return -1
        j -= 1
    return j if j >= 0 and tokens[j].text == "(" else -1


def repeats(doc: Doc, mention: Mention, region: Region, resolved: dict[int, Region]) -> bool:
    """ "Sulawesi Tenggara (Sultra)": a short name in brackets repeats the name before it."""
    j = mention.first - 1
    if j < 1 or doc.tokens[j].text != "(":
        return False
    before = resolved.get(j - 1)
    return before is not None and before.code == region.code


def main_region(
    regions: list[RegionFound],
    dateline: frozenset[str] | set[str] = frozenset(),
    lead_tokens: int = 0,
) -> RegionFound | None:
    """The focal region: the one of the dateline when it takes part, else the one with the
    most strong mentions, counting the first party named twice (news names its own side
    first). A region the headline or lead first names as the other party ("MoU dengan Pemkot
    Bandung") is the counterpart of the story's side when the lead names another region as
    that side, so it comes after it; "sister city Kota Gyeongju dengan Kabupaten Bangli" has
    no Indonesian side but Bangli."""
    if not regions:
        return None
    first = min(regions, key=lambda entry: entry.first)

    def other_party_in_lead(entry: RegionFound) -> bool:
        return 0 <= entry.first_object < lead_tokens

    def counterpart(entry: RegionFound) -> bool:
        if entry.counterpart and entry.first < lead_tokens:
            return any(
                # the other side may be named in the lead in a sentence of no cooperation
                # word ("Pemprov DKI makin rapat bergandengan dengan daerah penghasil")
                min(other.mentions, default=other.first) < lead_tokens
                and not other.counterpart
                and not related(entry, other)
                for other in regions
            )
        # "X jadi sister city Kota Malang ... Wali Kota Malang meneken MoU dengan Wali Kota
        # X": named first in the headline, but the lead signs with it
        return other_party_in_lead(entry) and any(
            other.first < lead_tokens
            and other.strong > 1
            and not other.objects
            and not related(entry, other)
            for other in regions
        )

    def weight(entry: RegionFound) -> tuple[bool, bool, int, int]:
        return (
            not counterpart(entry),
            # the dateline speaks for a region that is a side of the story, not for a venue
            # named once as somebody's other party ("... dengan Kota Semarang")
            on_dateline(entry.region, dateline) and not (entry.counterpart and entry.strong == 1),
            entry.strong
            + (FIRST_BONUS if entry is first else 0)
            + (DATELINE_BONUS if entry.region.code in dateline else 0),
            -entry.first,
        )

    return max(regions, key=weight)


FIRST_BONUS = 2
# The region the dateline itself names wins against its province unless the province is named
# as a party clearly more often.
DATELINE_BONUS = 3


def on_dateline(region: Region, dateline: frozenset[str] | set[str]) -> bool:
    """The dateline names the region, or a city or regency of the province: "SAMARINDA –
    Pemprov Kaltim ..." is written from the seat of the province's government, so the
    dateline speaks for the province as much as for the city, and the mentions decide."""
    if region.code in dateline:
        return True
    return region.type == "province" and any(code[:2] == region.code for code in dateline)


def dateline_seat(
    regions: list[RegionFound], main: RegionFound | None, dateline: frozenset[str] | set[str]
) -> list[RegionFound]:
    """The regions without the dateline's city or regency when the main region is its province
    and the body names it once ("SAMARINDA – Pemprov Kaltim ... Jalan Gajah Mada, Samarinda"):
    the seat the province's story is written from, no party of its own."""
    if main is None or main.region.type != "province":
        return regions
    return [
        entry
        for entry in regions
        if not (
            entry.region.code in dateline
            and entry.region.province == main.region.code
            and entry.strong <= 1
        )
    ]


def related(one: RegionFound, other: RegionFound) -> bool:
    """The same region, or one lies in the other ("Kabupaten Bangli, Kintamani Bali")."""
    a, b = one.region, other.region
    return a.code == b.code or a.province == b.code or b.province == a.code


def foreign_deal(
    doc: Doc, entry: RegionFound, main: RegionFound, foreign: list[tuple[int, int]]
) -> bool:
    """ "Wali Kota Toyama telah menandatangani perjanjian ... dengan Kabupaten Tabanan": a
    region named only in sentences without the main region, each after the foreign partner
    that is their subject, is the other side of that partner's own deal, no partner of the
    story's region. `foreign`: the character spans of the foreign partners' evidence."""
    if entry is main or not entry.mentions:
        return False
    main_sentences = {doc.tokens[i].sentence for i in main.mentions}
    # the partner however it is written again ("walikota toyama" after "Kota Toyama")
    keys = {fold(doc.text[a:b]).split()[-1] for a, b in foreign if doc.text[a:b].strip()}
    for i in entry.mentions:
        sentence = doc.tokens[i].sentence
        if sentence in main_sentences:
            return False
        first, _end = doc.sentences[sentence]
        if sentence > 0 and doc.tokens[first].word and not doc.tokens[first].cap:
            # a line cut inside the sentence ("telah menanda\ntanganin perjanjian")
            if sentence - 1 in main_sentences:
                return False
            first = doc.sentences[sentence - 1][0]
        if not any(doc.tokens[k].key in keys for k in range(first, i)):
            return False
    return True


def partner_regions(doc: Doc, regions: list[RegionFound], main: RegionFound) -> list[RegionFound]:
    """The regions that cooperate with the main one: named as its other party ("dengan Pemkot
    Solo") or in a sentence with it. "Pemkab Purwakarta juga menjalin kerja sama dengan Kota
    Icheon" in an article about Jawa Barat is a region with a cooperation of its own."""
    main_sentences = {doc.tokens[i].sentence for i in main.mentions}
    # the signatories' list the main region's sentence goes on with in the next one
    main_sentences |= {
        index + 1
        for index in main_sentences
        if index + 1 < len(doc.sentences) and continues_list(doc, index + 1)
    }
    return [
        entry
        for entry in regions
        if entry.region.code != main.region.code
        # its own province takes part only when named as the other party ("dengan Pemprov DI
        # Yogyakarta"), not when it only stands near it
        and (entry.region.code != main.region.province or entry.counterpart)
        and (
            entry.objects
            or any(doc.tokens[i].sentence in main_sentences for i in entry.mentions)
            or any(implied_counterpart(doc, i) for i in entry.mentions)
        )
        and not only_where_another_lies(doc, entry, regions)
        # "mahasiswa asal Kabupaten Cilacap", "warga Kota Bekasi": whose people they are
        and entry.homes < entry.strong
        and not all(fellow_traveller(doc, i, main) for i in entry.mentions)
        # "Sejumlah tokoh turut hadir, antara lain Bupati Ketapang": a guest; "Sejumlah
        # kabupaten sudah bekerja sama, yakni Brebes dan Cirebon": a cooperation of their own
        and not all(guest_listed(doc, i) or subject_listed(doc, i, main) for i in entry.mentions)
    ]


# A plural subject of regions: "Sejumlah kabupaten/kota", "Beberapa daerah lain", "Tiga provinsi".
SUBJECT_COUNTS = frozenset(
    {"sejumlah", "beberapa", "banyak", "berbagai", "sebagian", "para", "dua", "tiga", "empat",
     "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "puluhan"}
)  # fmt: skip
REGION_NOUNS = frozenset(
    {"kabupaten", "kota", "daerah", "provinsi", "pemda", "pemkab", "pemkot", "pemprov",
     "pemerintah", "wilayah"}
)  # fmt: skip
# Words that name the other side of the cooperation said of the listed regions.
SIDE_WORDS = frozenset(
    {"dengan", "antara", "bersama", "melibatkan", "menggandeng", "menggaet", "merangkul"}
)


def subject_listed(doc: Doc, first: int, main: RegionFound) -> bool:
    """Token `first` is listed as the subject the sentence opens with, a number of regions
    ("Sejumlah kabupaten/kota di Jateng bagian barat sudah lebih dulu bekerja sama, yakni
    Brebes, Cilacap dan Tegal"), with no other side named before the list and the main region
    not among the members: those regions cooperate with each other, not with the main one."""
    opening = list_opening(doc, first)
    if opening < 0:
        return False
    start = clause_start(doc, opening)
    words_at = [k for k in range(start, opening) if doc.tokens[k].word]
    if len(words_at) < 2:
        return False
    count, noun = words_at[0], words_at[1]
    if doc.tokens[count].key not in SUBJECT_COUNTS or doc.tokens[noun].key not in REGION_NOUNS:
        return False
    if any(doc.tokens[k].key in SIDE_WORDS for k in words_at):
        return False
    sentence = doc.tokens[first].sentence
    return not any(
        doc.tokens[i].sentence == sentence
        and i > opening
        and list_opening(doc, i) == opening
        and previous_key(doc, i) != "di"  # "Tegal di Jawa Tengah": where a member lies
        for i in main.mentions
    )


TRAVEL_COMPANY = frozenset({"rombongan", "delegasi"})
WITH_WORDS = frozenset({"bersama", "beserta", "didampingi"})
MEMBER_OPENERS = frozenset(
    {"diantaranya", "antaranya", "termasuk", "yakni", "yaitu", "antara", "terdiri", "meliputi"}
)


def fellow_traveller(doc: Doc, first: int, main: RegionFound) -> bool:
    """ "Gubernur Sultra berangkat ke Seoul bersama rombongan, di antaranya Bupati Konawe dan
    Wali Kota Kendari": a region listed as a member of the delegation the main region travels
    with stands on its side; it is no partner. The main region is named before the delegation
    in the sentence, and a list word opens the members."""
    sentence = doc.tokens[first].sentence
    opener = -1
    j = first - 1
    while j >= 0 and doc.tokens[j].sentence == sentence:
        key = doc.tokens[j].key
        if key in MEMBER_OPENERS and opener < 0:
            opener = j
        if key in TRAVEL_COMPANY and opener > j:
            k = previous_word(doc, j)
            return (
                k >= 0
                and doc.tokens[k].key in WITH_WORDS
                and any(i < k and doc.tokens[i].sentence == sentence for i in main.mentions)
            )
        j -= 1
    return False


# Said of a region, these make it a side of the story's cooperation: "Provinsi Kalteng menjadi
# mitra untuk layanan rujukan", "Provinsi Maluku Utara bekerja sama dalam perdagangan nikel".
PARTNERING = frozenset({"bekerja", "bekerjasama", "bermitra", "mitra", "bersepakat", "sepakat"})
PARTNERING_REACH = 3
# After the verb these name the other side: "Pemkab Purwakarta juga menjalin kerja sama dengan
# Kota Icheon" is a cooperation of its own.
OTHER_SIDE = frozenset({"dengan", "antara", "bersama"})


def implied_counterpart(doc: Doc, first: int) -> bool:
    """The region at `first` is the subject of a partnering verb whose other side is left
    unsaid: the story's main region, named in an earlier sentence."""
    sentence = doc.tokens[first].sentence
    j = first + 1
    while j < len(doc.tokens) and doc.tokens[j].sentence == sentence and doc.tokens[j].cap:
        j += 1  # the rest of the name
    taken = 0
    while j < len(doc.tokens) and doc.tokens[j].sentence == sentence and taken < PARTNERING_REACH:
        token = doc.tokens[j]
        if not token.word:
            return False
        if token.key in PARTNERING:
            clause = {
                doc.tokens[k].key
                for k in range(j + 1, min(j + 1 + PARTNERING_REACH + 1, len(doc.tokens)))
                if doc.tokens[k].sentence == sentence
            }
            return not clause & OTHER_SIDE
        taken += 1
        j += 1
    return False


PROVINCE_WORDS = frozenset({"provinsi", "propinsi", "prov"})
REGION_NAME_WORDS = 4


def only_where_another_lies(doc: Doc, entry: RegionFound, regions: list[RegionFound]) -> bool:
    """Every mention of a province follows one of its regencies or cities and a comma
    ("Wakil Bupati Penajam Paser Utara, Provinsi Kalimantan Timur"): it says where that
    region lies, it is no party of its own."""
    inner = [m for r in regions if r.region.province == entry.region.code for m in r.mentions]
    if not inner or not entry.mentions:
        return False
    for first in entry.mentions:
        j = first - 1
        while j >= 0 and doc.tokens[j].key in PROVINCE_WORDS:
            j -= 1
        if j < 1 or doc.tokens[j].text != ",":
            return False
        if not any(0 <= j - 1 - m < REGION_NAME_WORDS for m in inner):
            return False
    return True


def unnamed_government(doc: Doc, dateline: tuple[int, int] | None, mentions: list[Mention]) -> bool:
    """ "Pemkot" or "Wali Kota" with no region named after it, outside the dateline."""
    named = {m.first for m in mentions}
    for i, token in enumerate(doc.tokens):
        if token.key not in UNNAMED_CUES or not token.cap or doc.excluded[i]:
            continue
        if dateline and dateline[0] <= token.start < dateline[1]:
            continue
        j = i + 1
        if token.key == "wali" and doc.key_at(j) == "kota":
            j += 1
        if j not in named:
            return True
    return False
