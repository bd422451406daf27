"""Foreign cities and regions that are partners, resolved to the GeoNames gazetteer.

Names are matched exactly (folded), never approximately: "Incheon" and "Icheon" are two Korean
cities and stay two. A name matched through one of a place's alternate names ("Gotenburg",
"Goteborg") is recorded under the gazetteer name with a flag for the reviewer.

A place is a partner when a mention of it says so: its country right after it ("Icheon Korea
Selatan", "Osaka, Jepang"), a city or region word before it ("kota Gothenburg", "Wali Kota
Kitakyushu", "Prefektur Shizuoka", "sister city Kaohsiung"), or a cooperation sentence naming
it when its country is named too or it is a large city. A venue ("di Tokyo") is not enough.
"""

import re
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz.distance import OSA

from mitra.intake.extract.context import (
    is_facilitator,
    is_object,
    is_venue,
    list_lead,
    on_route,
    previous_word,
)
from mitra.intake.extract.dates import MONTHS
from mitra.intake.extract.gazetteer import Gazetteer, Place, PlaceName
from mitra.intake.extract.lexicon import SPEECH_VERBS, words
from mitra.intake.extract.mentions import Mention, Mentions
from mitra.intake.extract.result import FLAG_SPELLING, FLAG_UNKNOWN_PLACE, Flag
from mitra.intake.extract.tokens import Doc
from mitra.lib.text import fold

STATE_WORDS = words("negara bagian")
PLACE_WORDS = words(
    "kota provinsi prefektur distrik kabupaten wilayah city province prefecture state region "
    "county district municipality walikota gubernur mayor governor metropolitan kembar "
    "bandaraya perbandaran"  # Malay: city (council), municipality
)
# Words of a place's name before it that say whose government it is ("Pemerintah Provinsi").
HEAD_WORDS = PLACE_WORDS | STATE_WORDS | words("pemerintah wali")
# "kerja sama dengan Kuching", "bermitra dengan Fremantle": the place is the other party.
PARTNER_WITH = words("dengan")
PARTNERING = words("sama bermitra berkolaborasi bekerjasama kerjasama")
LARGE_CITY = 500_000
# Parts of the world that GeoNames also knows as towns ("Asia" in the Philippines).
CONTINENTS = frozenset(
    {"asia", "eropa", "europa", "europe", "afrika", "africa", "oceania", "oseania", "amerika",
     "america", "asia tenggara", "asia timur", "asia pasifik", "timur tengah", "eurasia"}
)  # fmt: skip
SUFFIX = re.compile(r"(?i)[- ](?:si|shi|gun|ku|city)$")


@dataclass(slots=True)
class PlaceFound:
    place: Place | None
    name: str
    country: str
    evidence: list[tuple[int, int]] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    strong: int = 0  # 2: a city word or its country beside it; 1: a cooperation sentence
    first: int = 0
    consumed: list[Mention] = field(default_factory=list)  # the country mentions beside it

    @property
    def flags(self) -> tuple[Flag, ...]:
        if self.place is None:
            return ((FLAG_UNKNOWN_PLACE, self.name),)
        own = fold_base(self.place.key)
        variants = sorted({w for w in self.written if fold_base(fold(w)) != own})
        return tuple((FLAG_SPELLING, w, self.place.name) for w in variants)


def fold_base(key: str) -> str:
    base = SUFFIX.sub("", key).replace("-", " ").lower()
    return base.removeprefix("kota ").removeprefix("city of ")


def another_name(written: str, place: Place) -> bool:
    """A written alternate name that starts with another letter than the gazetteer's name is
    another name of the place (a newer romanisation, "Gimhae" for "Kimhae", or a new name,
    "Higashiomi" for "Youkaichi"), not a slip of its spelling ("Gotenburg"): it is kept."""
    if place.id < 0:
        return False  # a subdivision's Indonesian form ("Australia Barat") is no other name
    own, other = fold_base(fold(place.name)), fold_base(fold(written))
    return bool(own and other) and own[0] != other[0]


def display_name(place: Place) -> str:
    return SUFFIX.sub("", place.name)


def country_beside(doc: Doc, mentions: Mentions, last: int) -> Mention | None:
    """The country named right after token `last` ("Osaka, Jepang", "Incheon (Korea Selatan)")."""
    j = last + 1
    while j < len(doc.tokens) and doc.tokens[j].text in {",", "(", "-", "–"}:
        j += 1
    mention = mentions.at.get(j)
    if mention is not None and mention.first == j and mention.countries and j - last <= 3:
        return mention
    return None


def province_beside(doc: Doc, mentions: Mentions, last: int) -> str | None:
    """The country of a province or state named right after token `last`, which only one
    country has: "Kota Perth di Australia Barat", "Nanning, Guangxi"."""
    j, located = last + 1, False
    while j < len(doc.tokens) and (doc.tokens[j].text in {",", "("} or doc.tokens[j].key == "di"):
        located |= doc.tokens[j].key == "di"
        j += 1
    mention = mentions.at.get(j)
    if mention is None or mention.first != j or j - last > 2 or not mention.places:
        return None
    countries = {c.place.country for c in mention.places}
    if len(countries) > 1 or any(c.place.id > 0 for c in mention.places):
        return None
    after = doc.tokens[mention.last + 1] if mention.last + 1 < len(doc.tokens) else None
    if not located and after is not None and (after.text == "," or after.key in {"dan", "serta"}):
        return None  # "Maputo, Arkansas, New South Wales, Pyongyang": a list of partners
    return countries.pop()


def pick(
    candidates: list[PlaceName], country: str | None, named: set[str], province: bool = False
) -> PlaceName | None:
    if country is not None:
        candidates = [c for c in candidates if c.place.country == country]
    if not candidates:
        return None
    candidates = typed_sense(candidates, province)
    return max(
        candidates,
        key=lambda c: (c.place.country in named, c.main, c.place.population),
    )


GOVERNORS = words("gubernur governor")


def typed_sense(candidates: list[PlaceName], province: bool) -> list[PlaceName]:
    """A first-level subdivision and a city of its country another of whose names it is
    ("Henan", also a name of Hengyang; "Melaka", the state and the city): a province word
    before the name ("Provinsi Henan") means the subdivision, else the city is meant."""
    subdivisions = {c.place.country for c in candidates if c.place.id < 0}
    cities = {c.place.country for c in candidates if c.place.id > 0 and not c.main}
    both = subdivisions & cities
    if not both:
        return candidates
    return [c for c in candidates if c.place.country not in both or (c.place.id < 0) == province]


def find_places(
    doc: Doc,
    mentions: Mentions,
    *,
    cooperation: list[bool],
    blocked: set[int],
    person_words: set[str],
    listed: frozenset[int] = frozenset(),
    provinces: frozenset[tuple[str, str]] = frozenset(),
) -> list[PlaceFound]:
    """`listed`: first tokens of places listed after a head noun ("empat provinsi di
    Tiongkok yaitu Guangxi, Chongqing, ..."); `provinces`: (country, folded name) of the
    first-level subdivisions."""
    named = {c.code for m in mentions.countries for c in m.countries}
    found: dict[int, PlaceFound] = {}
    place_ends = {m.last: {c.place.country for c in m.places} for m in mentions.places}
    containers: set[int] = set()
    plain: set[str] = set()  # countries of a partner plainly said to be one
    named_party: set[int] = set()  # places some mention names as the other party
    # mentions that locate nothing: their level, and whether they name the other party
    read: list[tuple[Mention, PlaceFound, int, bool]] = []
    for mention in mentions.places:
        if mention.first in blocked or doc.excluded[mention.first] or mention.key in CONTINENTS:
            continue
        beside = country_beside(doc, mentions, mention.last)
        country = (
            beside.countries[0].code if beside else province_beside(doc, mentions, mention.last)
        )
        chosen = pick(
            mention.places,
            country,
            named,
            province=is_qualifier_word(doc.key_at(mention.first - 1))
            or doc.key_at(mention.first - 1) in GOVERNORS,
        )
        if chosen is None:
            continue
        if beside is None and is_person(doc, mention, person_words):
            continue
        if beside is None and heads_longer_name(doc, mentions, mention, person_words):
            continue
        place = chosen.place
        entry = found.setdefault(
            place.id, PlaceFound(place, display_name(place), place.country, first=mention.first)
        )
        written = doc.surface(mention.first, mention.last)
        if not entry.written and another_name(written, place):
            entry.name = SUFFIX.sub("", written)  # "Gimhae" (Kimhae), "Higashiomi" (Youkaichi)
        entry.evidence.append(mention.span)
        entry.written.append(doc.surface(mention.first, mention.last))
        if beside is not None:
            entry.consumed.append(beside)
        level = partner_level(doc, mention, place, beside, cooperation=cooperation, named=named)
        if level == 1 and not main_name(chosen, mention) and place.country not in named:
            # "Parigi" (Paris in Italian), "Luo He": an alternate name in another language
            # needs its country in the text or a cue of its own
            level = 0
        if mention.first in listed and not is_venue(doc, mention.first):
            level = 2
        between = between_name_and_country(doc, mentions, mention, place, beside, provinces)
        member = mention.first in listed  # "tiga prefektur, yakni Osaka, Hyogo dan Okayama"
        if not member and (
            between
            or is_qualifier(doc, mention, place, place_ends)
            or lies_in(doc, mention, place, place_ends)
        ):
            level = 0  # "Kota Gwangju, Provinsi Gyeonggi": where the partner lies
            if entry.strong < 2:  # "Kota Kunming di Provinsi Kunming": a partner already
                containers.add(place.id)
            if between:
                plain.add(place.country)  # the name before it, with its country, is one
        else:
            party = bool(level) and (member or other_party(doc, named_from(doc, mention.first)))
            if party:
                named_party.add(place.id)
            read.append((mention, entry, level, party))
        if level > entry.strong:
            if not entry.strong:
                entry.first = mention.first
            entry.strong = level
    for mention, entry in coordinated(doc, read):
        if not entry.strong:
            entry.first, entry.strong = mention.first, 1
    # A province said to hold a city that is plainly a partner is a partner itself only when a
    # mention says so outright: "ekspor ke Guangxi" after "Kota Nanning, ibu kota Provinsi
    # Guangxi" is no second one, nor is "melapor kepada Gubernur Provinsi Sepik Timur" after
    # "Kota Wewak, Provinsi Sepik Timur": a province's word or its governor is no cooperation.
    plain |= {entry.country for entry in found.values() if entry.strong > 1}
    return [
        entry
        for entry in found.values()
        if (entry.strong and entry.place is not None and entry.place.id in named_party)
        or (
            entry.strong
            and not (
                entry.place is not None and entry.place.id in containers and entry.country in plain
            )
        )
    ]


COORDINATORS = frozenset({",", "dan", "serta", "and"})


def coordinated(
    doc: Doc, read: list[tuple[Mention, PlaceFound, int, bool]]
) -> list[tuple[Mention, PlaceFound]]:
    """Places of no level of their own joined by commas and "dan" to a place named as the
    other party ("kerja sama Segitiga Pertumbuhan yang melibatkan Kupang, Dili dan Darwin"):
    members of one list share its role. A list of stops ("singgah di Kota Luohe dan
    Zhengzhou") shares none, and a venue or a stop in the list stays one."""
    out: list[tuple[Mention, PlaceFound]] = []
    group: list[tuple[Mention, PlaceFound, int, bool]] = []
    for item in [*read, None]:
        if item is not None and group and joined(doc, group[-1][0], item[0]):
            group.append(item)
            continue
        if any(party for *_rest, party in group):
            out += [
                (m, e)
                for m, e, level, _party in group
                if not level and not is_venue(doc, m.first) and not on_route(doc, m.first)
            ]
        group = [item] if item is not None else []
    return out


def joined(doc: Doc, one: Mention, other: Mention) -> bool:
    """Only commas and "dan" between two mentions."""
    between = range(one.last + 1, other.first)
    return bool(between) and all(
        doc.tokens[k].key in COORDINATORS or doc.tokens[k].text in COORDINATORS for k in between
    )


# Right before a government or its head, these make it the one met for talks.
MEETING = words("bertemu menemui ditemui menerima diterima audiensi")


def other_party(doc: Doc, start: int) -> bool:
    """The place named from token `start` is the other party: after "dengan", "antara" or a
    list they open ("dengan Provinsi Fujian"), or the government or head met for talks
    ("bertemu Gubernur Henan untuk membicarakan kerja sama"); not one reported to or named
    in passing ("melapor kepada Gubernur Provinsi Sepik Timur")."""
    return is_object(doc, start) or doc.key_at(previous_word(doc, start)) in MEETING


def named_from(doc: Doc, first: int) -> int:
    """The first token of a place's name with its place words and head of region before it
    ("Pemerintah Provinsi Fujian", "Wali Kota Kitakyushu")."""
    j = first
    while j > 0 and doc.tokens[j - 1].cap and doc.tokens[j - 1].key in HEAD_WORDS:
        j -= 1
    return j


# Words that may follow a place's name and leave it a place ("Osaka Prefecture", "Busan
# Metropolitan City", "Queensland Government").
NAME_TAILS = PLACE_WORDS | words(
    "government council prefectural metropolitan city cities county shi gun ku do zhuang "
    "zuang hui uygur zizhiqu sheng selatan utara timur barat tengah south north east west central"
)


def heads_longer_name(
    doc: Doc, mentions: Mentions, mention: Mention, person_words: set[str]
) -> bool:
    """ "Chung Cheong Buk-do", "Van Der Klugt", "Yasu Project CO Ltd", "Tula State
    University": a place name that goes on into capitalised words no table knows is the first
    word of another name, not the place. A person named right after it ("Wali Kota Jung-Gu
    Park Sung Min") and a place word ("Osaka Prefecture") leave it a place."""
    after = doc.next_word[mention.last]
    if after < 0:
        return False
    token = doc.tokens[after]
    return (
        token.cap
        and not title_case(doc, token.sentence)
        and after not in mentions.at
        and token.key not in NAME_TAILS
        and token.key not in person_words
    )


def title_case(doc: Doc, sentence: int) -> bool:
    """A headline in Title Case: every longer word capitalised, so capitals join no name."""
    first, end = doc.sentences[sentence]
    longer = [t for t in doc.tokens[first:end] if t.word and len(t.text) > 3]
    return len(longer) >= 3 and all(t.cap for t in longer)


QUALIFIER_WORDS = words(
    "provinsi propinsi prefektur province prefecture state negara bagian wilayah region distrik county"
)
# Long region words are also read through a slip of one letter or two swapped ("Perfektur",
# "Provinsy", "Prefekture"): the qualifier is a word the reader recognises, not a spelling.
LONG_QUALIFIERS = tuple(sorted(key for key in QUALIFIER_WORDS if len(key) >= 7))


def main_name(chosen: PlaceName, mention: Mention) -> bool:
    """The place's own name, also with a tail of its kind ("Hamamatsu City"): no alternate
    name of another language."""
    words_ = mention.key.split()
    return chosen.main or (
        len(words_) > 1 and words_[-1] in CITY_TAILS and " ".join(words_[:-1]) == chosen.place.key
    )


@cache
def is_qualifier_word(key: str) -> bool:
    if key in QUALIFIER_WORDS:
        return True
    return len(key) >= 7 and any(OSA.distance(key, word) <= 1 for word in LONG_QUALIFIERS)


def is_qualifier(doc: Doc, mention: Mention, place: Place, place_ends: dict[int, set[str]]) -> bool:
    """ "Gwangju, Provinsi Gyeonggi", "Dongguan, Guangdong", "Yachimata, Chiba Prefecture": a
    place of the same country named right after another place and a comma, with a region word
    or as a province of the gazetteer, is where that place lies, not a second partner; with a
    region word the comma may be missing ("Kota Mossel Bay Provinsi Cape Town"). A list
    ("Jeddah, Tokyo, Seoul") goes on with another comma and name."""
    j = mention.first - 1
    region_word = False
    while j >= 0 and is_qualifier_word(doc.tokens[j].key):
        j, region_word = j - 1, True
    after = doc.tokens[mention.last + 1].key if mention.last + 1 < len(doc.tokens) else ""
    after_region = is_qualifier_word(after)
    if j >= 0 and place.id < 0 and place.country in place_ends.get(j, set()):
        return True  # "George Town Pulau Pinang Malaysia": a state right after its city
    if region_word and j >= 0 and place.country in place_ends.get(j, set()):
        return True  # "Kota Mossel Bay Provinsi Cape Town": a region word, no comma needed
    if j < 1 or doc.tokens[j].text not in {",", "("}:
        return False
    k = j - 1
    while k > 0 and (doc.tokens[k].key in CITY_TAILS or doc.tokens[k].text == "-"):
        if k in place_ends:
            break
        k -= 1  # "Tono City, Perfektur Iwate", "Kisarazu-shi, Prefektur Chiba": past the tail
    countries = place_ends.get(k) or place_ends.get(j - 1)
    if not countries or place.country not in countries:
        return False
    return region_word or after_region or place.id < 0


# "Nanjing, ibu kota Provinsi Jiangsu", "Kota Gyeongju termasuk wilayah Provinsi
# Gyeongsangbuk-do", "Buan yang terletak di Provinsi Jeolla Utara".
CONTAINMENT = words(
    "ibu kota ibukota termasuk wilayah di bagian dari yang terletak berada merupakan masuk "
    "dalam kawasan"
)
CONTAINMENT_REACH = 6
CITY_WORDS = words("kota city kabupaten")
CITY_TAILS = words("city shi")


def lies_in(doc: Doc, mention: Mention, place: Place, place_ends: dict[int, set[str]]) -> bool:
    """A province, state or prefecture (a region word before it, or one of ISO 3166-2) said
    to hold a place of its country named just before: where that place lies."""
    j = mention.first - 1
    region_word = False
    while j >= 0 and is_qualifier_word(doc.tokens[j].key):
        j, region_word = j - 1, True
    if not (region_word or place.id < 0):
        return False
    contained, steps = False, 0
    sentence = doc.tokens[mention.first].sentence
    while j >= 0 and doc.tokens[j].sentence == sentence and steps < CONTAINMENT_REACH:
        token = doc.tokens[j]
        if contained and place.country in place_ends.get(j, set()):
            return True
        if contained and region_word and token.key in CITY_WORDS:
            return True  # "di kota yang terletak di Prefektur Iwate": where that city lies
        if token.key in CONTAINMENT:
            contained = True
        elif token.text != ",":
            return False
        j, steps = j - 1, steps + 1
    return False


def between_name_and_country(
    doc: Doc,
    mentions: Mentions,
    mention: Mention,
    place: Place,
    beside: Mention | None,
    provinces: frozenset[tuple[str, str]] = frozenset(),
) -> bool:
    """ "Majlis Daerah Kuala Krai, Kelantan, Malaysia": a state or province between a name
    and its country, each set off by commas, says where that name lies, even when the name is
    a place no table knows; "Kota Hamamatsu, Shizuoka, Jepang": so does a city that shares
    its name with a province of that country."""
    if beside is None or beside.countries[0].code != place.country:
        return False
    j = mention.first - 1
    while j >= 0 and is_qualifier_word(doc.tokens[j].key):
        j -= 1  # "di Pengzhou, Provinsi Sichuan, China": past the region word
    if j < 1 or doc.tokens[j].text != "," or not doc.tokens[j - 1].cap:
        return False
    if (place.country, mention.key) in provinces or (place.country, place.key) in provinces:
        return True
    # A city between them too, when the name before it is none the tables know ("Majlis
    # Perbandaran Hang Tuah Jaya, Melaka, Malaysia"); after a known place it is a list.
    return place.id < 0 or (j - 1) not in mentions.at


def qualifies_place(doc: Doc, mentions: Mentions, word: int, country: str) -> bool:
    """The region word at token `word` follows a place of `country` and a comma or bracket:
    what comes is where that place lies."""
    if word < 2 or doc.tokens[word - 1].text not in {",", "("}:
        return False
    mention = mentions.at.get(word - 2)
    return (
        mention is not None
        and mention.last == word - 2
        and any(c.place.country == country for c in mention.places)
    )


def is_person(doc: Doc, mention: Mention, person_words: set[str]) -> bool:
    """ "ujar Sukri": a person's name met before, or a name after a speech verb."""
    if mention.first == mention.last and mention.key in person_words:
        return True
    before = previous_word(doc, mention.first)
    return before >= 0 and doc.tokens[before].key in SPEECH_VERBS


def partner_level(
    doc: Doc,
    mention: Mention,
    place: Place,
    beside: Mention | None,
    *,
    cooperation: list[bool],
    named: set[str],
) -> int:
    """2: the mention says it is a partner city; 1: a cooperation sentence names it; 0: no."""
    if is_venue(doc, mention.first) or is_seat(doc, mention.first):
        return 0
    if on_route(doc, mention.first):
        return 0  # "jalur pelayaran Davao City-General Santos-Bitung": stops of a route
    if is_reference(doc, mention.first):
        return 0  # "253 km dari Ibu Kota Seoul", "keturunan pendatang dari Fujian"
    if is_facilitator(doc, mention.first):
        return 0  # "difasilitasi KBRI Moskow", "Hadir pula ... pejabat Prefektur Iwate"
    if inspires(doc, mention.first):
        return 0  # "meniru sistem transportasi Singapura": a model, not a party
    if capitals_surname(doc, mention):
        return 0  # "Masatake ITO": a family name in capitals after the given name
    if closes_event_name(doc, mention.first):
        return 0  # "Indonesia Japan Fiesta 2019 Osaka", "World Expo 2025 Osaka": the venue
    if waypoint(doc, mention.first) or set_out_from(doc, mention.first):
        # "berangkat melalui Kuala Lumpur", "transit di Doha", "tiba dari Seoul": a stop on
        # the way
        return 0
    if beside is not None:
        return 2
    before = previous_word(doc, mention.first)
    if before >= 0 and doc.tokens[before].key in PLACE_WORDS | {"city", "cities"}:
        return 2  # "kota Gothenburg", "Wali Kota Kitakyushu", "sister city Kaohsiung"
    if before >= 1 and doc.tokens[before].key == "bagian" and doc.key_at(before - 2) == "negara":
        return 2
    if before >= 1 and doc.tokens[before].key == "of" and doc.key_at(before - 2) in PLACE_WORDS:
        return 2  # "City of Fremantle", "Mayor of Kitakyushu"
    with_partner = before >= 1 and doc.tokens[before].key in PARTNER_WITH
    if with_partner and doc.key_at(previous_word(doc, before)) in PARTNERING:
        return 2  # "kerja sama dengan Kuching", "bermitra dengan Fremantle"
    if not cooperation[doc.tokens[mention.first].sentence]:
        return 0
    if before >= 0 and doc.tokens[before].key in DESTINATION:
        return 0  # "gubernur bisa ke Brisbane untuk meneken": where a trip goes, no party
    return 1 if place.country in named or place.population >= LARGE_CITY else 0


DESTINATION = words("ke menuju")


# A place that only serves as a model: "terinspirasi dari", "meniru", "mencontoh", "dijadikan
# rujukan", "studi banding ke", "ala Jepang" ("contohnya" lists examples: not here).
INSPIRATION = words(
    "terinspirasi inspirasi menginspirasi meniru ditiru mencontoh dicontoh rujukan acuan ala "
    "banding"
)
INSPIRATION_REACH = 6


def inspires(doc: Doc, first: int) -> bool:
    """A model-taking word within a few words before the place, in its sentence, or before
    the list it stands in ("terinspirasi dari keberhasilan Kota Surabaya dan Kota Yokohama")."""
    if model_word_before(doc, first):
        return True
    lead = list_lead(doc, first)
    return lead >= 0 and (
        doc.tokens[lead].key in INSPIRATION or model_word_before(doc, lead, LEAD_REACH)
    )


LEAD_REACH = 3


def model_word_before(doc: Doc, first: int, reach: int = INSPIRATION_REACH) -> bool:
    """A model-taking word a few words back in the place's own clause: "layanan rujukan
    kesehatan, sementara dengan Provinsi Kalbar" names the other side of a deal after a
    comma and "dengan", no model."""
    j = first
    for _ in range(reach):
        k = previous_word(doc, j)
        if k < 0:
            return False
        if doc.tokens[k].key in INSPIRATION:
            return True
        if doc.tokens[k].key in CLAUSE_PARTIES and k > 0 and doc.tokens[k - 1].text == ",":
            return False
        j = k
    return False


# After a comma these open a clause naming a party of its own ("..., sementara dengan Kalbar").
CLAUSE_PARTIES = words("dengan bersama sementara sedangkan")


# "KBRI Moskow", "KJRI Cape Town", "Konsulat Jenderal RI di Osaka", "Duta Besar RI untuk
# Rusia": the city where a mission sits is no partner; neither is where people come from
# ("mahasiswa asal Provinsi Gyeongsangbuk-do").
SEAT_WORDS = words("kbri kjri konjen kri kedubes kedutaan konsulat konsul embassy consulate asal")
SEAT_SKIP = words("di untuk ri indonesia besar jenderal republik provinsi kota prefektur at in of")
SEAT_REACH = 5


# A trip's stops: "via Doha", "transit di Doha", "berangkat melalui Kuala Lumpur".
WAYPOINT_WORDS = words("via transit singgah")
THROUGH_WORDS = words("melalui lewat")
TRAVEL_VERBS = words(
    "berangkat bertolak terbang pulang kembali menuju perjalanan penerbangan rute transit "
    "delegasi rombongan"
)
WAYPOINT_REACH = 3


def waypoint(doc: Doc, first: int) -> bool:
    """A place the trip passes through: after "via"/"transit"/"singgah" (with or without "di"),
    or after "melalui"/"lewat" when travel was said just before ("berangkat melalui")."""
    j = previous_word(doc, first)
    if j >= 0 and doc.tokens[j].key == "di":
        j = previous_word(doc, j)
    if j < 0:
        return False
    key = doc.tokens[j].key
    if key in WAYPOINT_WORDS:
        return True
    if key not in THROUGH_WORDS:
        return False
    k = j
    for _ in range(WAYPOINT_REACH):
        k = previous_word(doc, k)
        if k < 0:
            return False
        if doc.tokens[k].key in TRAVEL_VERBS:
            return True
    return False


def capitals_surname(doc: Doc, mention: Mention) -> bool:
    """A one-word place in capitals right after a capitalised word that is no place, title or
    word of place: a family name written in capitals after the given name, as Japanese and
    Western names often are ("Masatake ITO", "Pierre DURAND")."""
    if mention.first != mention.last:
        return False
    token = doc.tokens[mention.first]
    if not token.upper or len(token.text) < 3 or mention.first < 1:
        return False
    before = doc.tokens[mention.first - 1]
    return (
        before.word
        and before.cap
        and not before.upper
        and doc.gap(mention.first - 1, mention.first) == " "
        and before.key not in PLACE_WORDS | STATE_WORDS | HEAD_TITLES | NOT_GIVEN_NAMES
    )


# Capitalised words before a place in capitals that are no given name: governments, prefixes.
NOT_GIVEN_NAMES = words("pemerintah pemkot pemkab pemprov pemda delegasi konsulat kbri kjri")


def closes_event_name(doc: Doc, first: int) -> bool:
    """A place right after the year of a capitalised event's name ("Fiesta 2019 Osaka") is where
    the event is held."""
    year = first - 1
    if year < 1 or not re.fullmatch(r"(?:19|20)\d\d", doc.tokens[year].text):
        return False
    before = doc.tokens[year - 1]
    if before.key in MONTHS:
        return False  # "Maret 2019 Kisarazu mengirim ...": a date, no event
    return before.word and before.cap and doc.gap(year, first) == " "


# Before "dari", a trip that set out from or returned from the place ("tiba dari Seoul",
# "sepulang dari Tokyo"); "datang dari Kota Tono" is said of the visiting party itself.
SET_OUT_WORDS = words("tiba bertolak berangkat terbang pulang sepulang kembali mendarat")


def set_out_from(doc: Doc, first: int) -> bool:
    j = previous_word(doc, first)
    if j < 0 or doc.tokens[j].key != "dari":
        return False
    k = previous_word(doc, j)
    return k >= 0 and doc.tokens[k].key in SET_OUT_WORDS


def is_seat(doc: Doc, first: int) -> bool:
    """The place is where a mission sits: a mission word a few words back, past its country
    and title words ("Konsulat Jenderal Jepang di Surabaya", "Consulate General of Japan At
    Surabaya", "KJRI Osaka")."""
    j = first
    for step in range(SEAT_REACH):
        j = previous_word(doc, j)
        if j < 0:
            return False
        key = doc.tokens[j].key
        if key in SEAT_WORDS or (step == 0 and key == "ri"):
            return True  # "... Jenderal RI Osaka": right after "RI", an Indonesian mission's seat
        if key not in SEAT_SKIP and not doc.tokens[j].cap:
            return False
    return False


# Where people came from, or a distance measured from: a point of reference, not a party.
REFERENCE_WORDS = words(
    "keturunan pendatang perantau imigran leluhur moyang km kilometer mil diaspora"
)
REFERENCE_REACH = 6


def is_reference(doc: Doc, first: int) -> bool:
    """A reference word before the place, past "dari", capitalised names, commas and "dan"
    ("keturunan pendatang dari Fujian dan Guangdong", "253 km dari Ibu Kota Seoul")."""
    sentence = doc.tokens[first].sentence
    j, steps = first - 1, 0
    while j >= 0 and doc.tokens[j].sentence == sentence and steps < REFERENCE_REACH:
        token = doc.tokens[j]
        if token.key in REFERENCE_WORDS:
            return True
        if not (token.cap or token.text == "," or token.key in {"dari", "dan", "ibu", "kota"}):
            return False
        j, steps = j - 1, steps + 1
    return False


def unknown_places(
    doc: Doc,
    mentions: Mentions,
    gazetteer: Gazetteer,
    runs: list[tuple[int, int]],
    blocked: set[int],
) -> list[PlaceFound]:
    """Names the city list does not know, strongly cued as a foreign place: a city or region
    word before ("kota Vanimo", "Majlis Perbandaran Hang Tuah Jaya", "Negeri Serawak", Malay
    "Majlis Daerah Lundu") or their foreign country after them, maybe past where they lie ("Yachimata, Chiba Prefecture,
    Jepang"). They are looked up among small places (exactly, or by a close spelling within
    the cued country: "Los Angles, Amerika Serikat" is Los Angeles, flagged), and kept only when
    their country is named in the text ("kota Tua" is no town abroad). A name still
    unknown, with a city word or a Korean or Japanese place suffix ("Jung-Gu") and its country,
    is recorded without a place and flagged ("Provinsi Chungcheong Selatan, Korea Selatan")."""
    found: list[PlaceFound] = []
    named = {c.code for m in mentions.countries for c in m.countries}
    for first, last in runs:
        if first in blocked or any(i in mentions.at for i in range(first, last + 1)):
            continue
        if first in mentions.inside:
            continue  # "Sungai Kapuas", "(OISCA) Kumamoto": inside another name
        if is_venue(doc, first) or is_seat(doc, first) or doc.excluded[first]:
            continue
        before = previous_word(doc, first)
        if before >= 0 and doc.tokens[before].key in HEAD_TITLES:
            continue  # "Gubernur Anies Baswedan": a title before a person as often as a place
        cue = before >= 0 and (
            doc.tokens[before].key in PLACE_WORDS | STATE_WORDS | {"negeri"}
            or (doc.tokens[before].key == "daerah" and doc.key_at(before - 1) == "majlis")
        )
        beside = country_beside(doc, mentions, last) or country_past_qualifier(doc, mentions, last)
        country = beside.countries[0].code if beside is not None else None
        if country == "ID" or not (cue or country):
            continue
        if country is not None and qualifies_place(doc, mentions, before, country):
            continue  # "Kota Nonsan, Provinsi Chungcheong Selatan, Korea Selatan"
        if country is None and fold(doc.surface(first, last)) in gazetteer.common_words:
            continue  # "kota Lama", "kota Tua": Indonesian words, not towns abroad
        entry = cued_place(doc, gazetteer, first, last, country)
        if entry is not None and entry.country not in named:
            entry = None  # "kota Tua", "distrik Kuta": a small town abroad only if its country is
        if entry is None and country is not None:
            bare = doc.tokens[before].key in PLACE_WORDS | STATE_WORDS if before >= 0 else False
            if bare or PLACE_SUFFIX.search(doc.surface(first, last)):
                entry = PlaceFound(None, doc.surface(first, last), country, first=first)
                entry.evidence.append(doc.span(first, last))
        if entry is None:
            continue
        entry.strong = 2
        if beside is not None:
            entry.consumed.append(beside)
        found.append(entry)
    return found


HEAD_TITLES = words("gubernur walikota wali mayor governor bupati")
# Korean and Japanese administrative suffixes: "Jung-gu", "Suwon-si", "Yangpyeong-gun".
PLACE_SUFFIX = re.compile(r"(?i)-(?:gu|si|gun|do|shi|ken|machi|cho|mura)$")


def cued_place(
    doc: Doc, gazetteer: Gazetteer, first: int, last: int, country: str | None
) -> PlaceFound | None:
    """The small place a cued run names, the whole run first, then its leading words
    ("Vanimo Green" is Vanimo)."""
    for end in range(last, first - 1, -1):
        key = " ".join(doc.tokens[i].key for i in range(first, end + 1) if doc.tokens[i].word)
        found = gazetteer.cued_place(key, country)
        if found is not None and (end == last or not found[1]):
            place = found[0]
            entry = PlaceFound(place, display_name(place), place.country, first=first)
            entry.evidence.append(doc.span(first, end))
            entry.written.append(doc.surface(first, end))
            return entry
    return None


def country_past_qualifier(doc: Doc, mentions: Mentions, last: int) -> Mention | None:
    """ "Hang Tuah Jaya, Melaka, Malaysia", "Vanimo Green, Sandaun Province, PNG": the country
    after one comma-set place of it, known or closed by a region word."""
    tokens = doc.tokens
    j = last + 1
    if j >= len(tokens) or tokens[j].text not in {",", "("}:
        return None
    j += 1
    mention = mentions.at.get(j)
    if mention is not None and mention.places and mention.first == j:
        j = mention.last + 1
    else:
        start = j
        while j < len(tokens) and tokens[j].word and tokens[j].cap and j - start < 3:
            j += 1
        if j == start:
            return None
    region_word = False
    while j < len(tokens) and tokens[j].key in QUALIFIER_WORDS:
        j, region_word = j + 1, True
    known = mention is not None and bool(mention.places)
    if not (known or region_word):
        return None
    beside = country_beside(doc, mentions, j - 1)
    if beside is None:
        return None
    if known and not region_word and mention is not None:
        code = beside.countries[0].code
        if not any(c.place.country == code for c in mention.places):
            return None
    return beside
