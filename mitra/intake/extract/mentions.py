"""Find every gazetteer name in the text: regions, countries, foreign places, known bodies.

One left-to-right pass over capitalised word tokens. At each token the longest name of any
table wins; on equal length a known body beats a country, a country an Indonesian region, a
region a foreign place ("Bali" is the province, not the town in India; "Singapura" the country).
A foreign place whose name is also an Indonesian word ("Kota", "Lima", "Surat") counts only when
its own country follows it.
"""

from dataclasses import dataclass, field

from mitra.intake.extract.gazetteer import Country, Gazetteer, Institution, PlaceName, Region
from mitra.intake.extract.lexicon import CAMPUS_TYPES, words
from mitra.intake.extract.tokens import Doc

# Words that say the country name after them is a language or a people, not the country.
LANGUAGE_WORDS = frozenset({"bahasa", "berbahasa", "orang", "suku", "masakan", "kuliner", "gaya"})
# "Amerika Latin", "Asia Tenggara": regions of the world, not countries.
CONTINENT_TAILS = frozenset({"latin", "tengah", "utara", "selatan", "tenggara", "timur", "barat"})
# Capitalised words that make the name after them a river, an island, a street or a building
# named after a place, not the place.
FEATURES = words("""
    sungai danau gunung pulau teluk selat tanjung pantai jalan jl jln bandara pelabuhan stasiun
    terminal kampus gedung hotel bukit lapangan stadion taman pasar masjid museum kebun lembah
    waduk bendungan jembatan gelora universitas institut politeknik sekolah rumah rsud bank
    """)


# Words that open or close a news outlet's name around a region's ("Harian Jogja", "Radar
# Bogor", "Tribun Jateng", "Magelang Ekspres", "Bali Post"); not "Kini", a headline word.
OUTLET_HEADS = words("harian tribun radar koran suara warta kabar berita")
OUTLET_TAILS = words("pos post ekspres express news tv times online")


@dataclass(slots=True)
class Mention:
    first: int  # token indices, inclusive
    last: int
    start: int  # character offsets
    end: int
    key: str
    regions: list[Region] = field(default_factory=list)
    countries: list[Country] = field(default_factory=list)
    places: list[PlaceName] = field(default_factory=list)
    institutions: list[Institution] = field(default_factory=list)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(slots=True)
class Mentions:
    regions: list[Mention] = field(default_factory=list)
    countries: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)
    institutions: list[Mention] = field(default_factory=list)
    # token index -> the mention covering it
    at: dict[int, Mention] = field(default_factory=dict)
    # tokens of names read as part of another name ("Sungai Kapuas", "(OISCA) Kumamoto")
    inside: set[int] = field(default_factory=set)


def find_mentions(doc: Doc, gazetteer: Gazetteer) -> Mentions:
    found = Mentions()
    tokens = doc.tokens
    acronyms = institution_acronyms(doc)
    bodies = body_acronyms(doc)
    abroad: dict[str, list[PlaceName]] = {}  # region names the text uses for places abroad
    # the first words of the names of each table
    body_heads, country_heads = gazetteer.institutions.first, gazetteer.country_names.first
    region_heads, place_heads = gazetteer.region_names.first, gazetteer.places.first
    i, count = 0, len(tokens)
    while i < count:
        token = tokens[i]
        key = token.key
        if (
            not token.word
            or not token.cap
            or doc.excluded[i]
            # no name of any table starts with this word (most capitalised words)
            or (
                key not in body_heads
                and key not in country_heads
                and key not in region_heads
                and key not in place_heads
            )
        ):
            i += 1
            continue
        mention = best_match(doc, gazetteer, i)
        if mention is None:
            i += 1
            continue
        if (
            # "Sungai Kapuas", "Bandara Sultan Hasanuddin": no region
            (not mention.countries and not mention.institutions and after_feature(doc, i))
            # "Universitas Brawijaya (UB) Malang", "UNITRI Malang"
            or (mention.regions and after_acronym(doc, i, acronyms))
            # "Organization for ... Advancement (OISCA) Kumamoto-Jepang"
            or (mention.places and not mention.regions and after_acronym(doc, i, bodies))
            # "Harian Jogja", "Radar Semarang", "Magelang Ekspres": a news outlet's name
            or (mention.regions and names_an_outlet(doc, mention))
        ):
            found.inside.update(range(mention.first, mention.last + 1))
            i = mention.last + 1
            continue
        if mention.regions and mention.key in abroad and not typed_region(doc, i):
            # one sense per text: "Malaka (Malaysia)", then "bertandang ke Malaka"
            mention.regions, mention.places = [], abroad[mention.key]
        if mention.places and not mention.regions:
            abroad.setdefault(mention.key, mention.places)
        if mention.institutions:
            found.institutions.append(mention)
        elif mention.countries:
            found.countries.append(mention)
        elif mention.regions:
            found.regions.append(mention)
        else:
            found.places.append(mention)
        for j in range(mention.first, mention.last + 1):
            found.at[j] = mention
        i = mention.last + 1
    return found


# Before a region's name these type it as the Indonesian regency or province.
REGION_TYPE_WORDS = words("kabupaten kab pemkab bupati provinsi pemprov gubernur")


def typed_region(doc: Doc, i: int) -> bool:
    return i > 0 and doc.tokens[i - 1].key in REGION_TYPE_WORDS


def best_match(doc: Doc, gazetteer: Gazetteer, i: int) -> Mention | None:
    """The longest name starting at token i; on a tie the earlier table in this order wins."""
    head = doc.tokens[i].key
    if (
        head not in gazetteer.institutions.first
        and head not in gazetteer.country_names.first
        and head not in gazetteer.region_names.first
        and head not in gazetteer.places.first
    ):
        return None  # no name of any table starts with this word (most capitalised words)
    best: Mention | None = None

    def better(last: int) -> Mention | None:
        if best is not None and last <= best.last:
            return None
        key = " ".join(doc.tokens[j].key for j in range(i, last + 1) if doc.tokens[j].word)
        if key in gazetteer.caps_only and not all(
            doc.tokens[j].upper for j in range(i, last + 1) if doc.tokens[j].word
        ):
            return None
        if key in gazetteer.caps_head and not doc.tokens[i].upper:
            return None
        return Mention(i, last, doc.tokens[i].start, doc.tokens[last].end, key)

    found = gazetteer.institutions.match(doc, i)
    if found and (mention := better(found[0])):
        mention.institutions = found[1]
        best = mention
    found_country = gazetteer.country_names.match(doc, i)
    if (
        found_country
        and country_is_meant(doc, i, found_country[0])
        and (mention := better(found_country[0]))
    ):
        mention.countries = found_country[1]
        best = mention
    found_region = gazetteer.region_names.match(doc, i)
    if found_region and (mention := better(found_region[0])):
        mention.regions = found_region[1]
        best = mention
    found_place = gazetteer.places.match(doc, i)
    if best is not None and best.regions and found_place and found_place[0] == best.last:
        # "Malaka (Malaysia)": a region's name with a foreign country after it is that
        # country's place
        after = country_after(doc, gazetteer, best.last) - {"ID"}
        abroad = [p for p in found_place[1] if p.place.country in after]
        if abroad:
            best.regions, best.places = [], abroad
        return best
    if found_place:
        mention = better(found_place[0])
        places = found_place[1]
        if mention and (mention.key in gazetteer.common_words or written_lowercase(doc, mention)):
            # "Lima, Peru" is the place of that country; "Bank Indonesia" names no Indian town
            after = country_after(doc, gazetteer, mention.last)
            places = [p for p in places if p.place.country in after]
        if mention and places:
            mention.places = places
            best = mention
    return best


PLACE_NOUNS = frozenset({"kota", "city", "prefektur", "provinsi", "negara", "kabupaten", "distrik"})


def written_lowercase(doc: Doc, mention: Mention) -> bool:
    """A one-word place name the text also writes in lower case ("Air Baku" in a headline,
    "air baku" in the lead): an ordinary word of the text, not a town abroad."""
    if mention.first != mention.last:
        return False
    if mention.first > 0 and doc.tokens[mention.first - 1].key in PLACE_NOUNS:
        return False  # "Kota Baku": a place word says it is a place
    return any(
        doc.tokens[k].word and not doc.tokens[k].cap
        for k in doc.positions.get(doc.tokens[mention.first].key, ())
    )


def after_feature(doc: Doc, i: int) -> bool:
    """Token i follows a capitalised geographic or building word ("Sungai", "Pulau")."""
    j = i - 1
    if j >= 0 and doc.tokens[j].text == "." and j > 0:
        j -= 1  # "Jl. Sudirman"
    if j < 0 or not doc.tokens[j].cap or doc.gap(j, i).strip(". ") != "":
        return False
    return doc.tokens[j].key in FEATURES


INSTITUTION_HEADS = words("universitas institut politeknik sekolah akademi") | CAMPUS_TYPES
ACRONYM_REACH = 8


def institution_acronyms(doc: Doc) -> frozenset[str]:
    """Short names given in brackets after a university's or school's name ("Universitas
    Haluoleo (UHO)", "Universitas Diponegoro (Undip)"): a region right after them is part of
    the institution's name ("UHO Kendari"), not a party."""
    tokens = doc.tokens
    found: set[str] = set()
    for i in doc.tokens_of("("):
        if not 1 <= i < len(tokens) - 2:
            continue
        if tokens[i + 2].text != ")" or not tokens[i + 1].word:
            continue
        short = tokens[i + 1]
        if not short.cap or len(short.text) > 8:
            continue
        j = i - 1
        while j >= 0 and i - j <= ACRONYM_REACH and tokens[j].word and tokens[j].cap:
            if tokens[j].key in INSTITUTION_HEADS:
                found.add(short.key)
                break
            j -= 1
    return frozenset(found)


# Short names of a region's own government: the region after them is the party itself.
GOVERNMENT_ACRONYMS = words("pemkot pemkab pemprov pemko pemda pemdes dki diy ntb ntt")


def body_acronyms(doc: Doc) -> frozenset[str]:
    """Short names in capitals given in brackets after a body's name of two capitalised words
    or more ("Organization For Industrial, Spiritual and Cultural Advancement (OISCA)"): a
    foreign place right after them is where that body sits, part of its name."""
    tokens = doc.tokens
    found: set[str] = set()
    for i in doc.tokens_of("("):
        if not 2 <= i < len(tokens) - 2:
            continue
        if tokens[i + 2].text != ")" or not tokens[i + 1].upper:
            continue
        if tokens[i + 1].key in GOVERNMENT_ACRONYMS:
            continue
        words_before, j = 0, i - 1
        while j >= 0 and (tokens[j].cap or tokens[j].text in "-'’") and i - j <= ACRONYM_REACH:
            words_before += tokens[j].word
            j -= 1
        if words_before >= 2:  # "Cultural Advancement (OISCA)", "Tourismus-Börse (ITB)"
            found.add(tokens[i + 1].key)
    return frozenset(found)


def after_acronym(doc: Doc, i: int, acronyms: frozenset[str]) -> bool:
    j = i - 1
    if j >= 1 and doc.tokens[j].text == ")":
        j -= 1
    return j >= 0 and doc.tokens[j].key in acronyms and not doc.gap(j, i).strip(" )")


def country_is_meant(doc: Doc, first: int, last: int) -> bool:
    if doc.key_at(first - 1) in LANGUAGE_WORDS:
        return False
    following = doc.next_word[last]
    return not (
        doc.tokens[first].key == "amerika"
        and following >= 0
        and doc.tokens[following].key in CONTINENT_TAILS
    )


def country_after(doc: Doc, gazetteer: Gazetteer, last: int) -> frozenset[str]:
    """The codes of the country named right after the place, with or without a comma or
    brackets; none when no country follows."""
    j = last + 1
    while j < len(doc.tokens) and doc.tokens[j].text in {",", "("}:
        j += 1
    if j >= len(doc.tokens) or not doc.tokens[j].cap:
        return frozenset()
    found = gazetteer.country_names.match(doc, j)
    return frozenset(c.code for c in found[1]) if found else frozenset()


def names_an_outlet(doc: Doc, mention: "Mention") -> bool:
    """The region's name is part of a news outlet's, written in capitals after its head word
    or before its tail word with nothing between them."""
    before = mention.first - 1
    if before >= 0 and doc.tokens[before].cap and doc.tokens[before].key in OUTLET_HEADS:
        return not doc.gap(before, mention.first).strip()
    after = mention.last + 1
    return (
        after < len(doc.tokens)
        and doc.tokens[after].cap
        and doc.tokens[after].key in OUTLET_TAILS
        and not doc.gap(mention.last, after).strip()
    )
