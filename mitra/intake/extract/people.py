"""People named with their role: "Wali Kota Makassar, Moh Ramdhan Pomanto" and its variants.

A person is found only through a role title (Wali Kota, Bupati, Kepala Dinas ..., Duta Besar,
Mayor ...), in one of four shapes:

- "Role Qualifier, Name"       Wali Kota Makassar, Moh Ramdhan Pomanto mengaku ...
- "Role Qualifier Name"        Wali Kota Bandung M Ridwan Kamil
- "Name, Role Qualifier,"      Sukri Hasanuddin, Kepala Bagian Kerja Sama, mengatakan ...
- "Name selaku Role"           Denny Hidayat selaku Kepala Bidang ...

The qualifier is what the role belongs to: bureau words, acronyms, one region or place, a
country. Titles (Dr., Ir., H., Prof. ...) are dropped and degrees after a comma (S.T., M.Si.)
never join the name. Reporters, editors and "Baca juga" lines are excluded zones, so nobody is
taken from them.
"""

import re
from dataclasses import dataclass

from mitra.intake.extract.context import BUILDINGS
from mitra.intake.extract.lexicon import (
    MALAY_HONORIFICS,
    NAME_ENDERS,
    NAME_PARTICLES,
    REGION_HEADS,
    ROLE_CONNECTORS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    SENTENCE_OPENERS,
    TITLES,
    words,
)
from mitra.intake.extract.mentions import Mentions
from mitra.intake.extract.tokens import Doc

AGENCY = re.compile(r"^(?:Dis[a-z]{3,}|Kemen[a-z]+|Bappe[a-z]*|Bapen[a-z]+|Set(?:da|kot|kab|wan))$")
PLACE_OPENERS = frozenset(
    [
        "kota",
        "gubernur",
        "bupati",
        "walikota",
        "provinsi",
        "prefektur",
        "mayor",
        "of",
        "governor",
        "bagian",
        "city",
        # an Indonesian mission and its seat: "Sekretaris Bidang Politik KBRI Tokyo"
        "kbri",
        "kjri",
        "konjen",
    ]
)
# Words that name a place by their kind. A title before a capitalised word ("Gubernur Anies
# Baswedan", "Bupati Sambari Halim Rudianto") is followed by a name as often as by a place, so
# it makes nothing a place.
PLACE_NOUNS = frozenset(["kota", "provinsi", "prefektur", "city", "kabupaten", "negara", "state"])
QUOTES = frozenset("\"“”'‘’")
# Capitalised words that start no name: weekdays and months after a role ("Gubernur, Senin").
NOT_NAMES = frozenset(
    [
        "senin",
        "selasa",
        "rabu",
        "kamis",
        "jumat",
        "sabtu",
        "minggu",
        "ahad",
        "januari",
        "februari",
        "maret",
        "april",
        "mei",
        "juni",
        "juli",
        "agustus",
        "september",
        "oktober",
        "november",
        "desember",
        "pukul",
        # a regulation's number: "Peraturan Menteri Dalam Negeri Nomor 22"
        "nomor",
        # an English article opens a body's name: "Director The Zone Co. Ltd"
        "the",
        # legal forms of a firm after a comma: "CEO Hanil Resort Co., Ltd."
        "ltd",
        "inc",
        "llc",
        "gmbh",
        "bhd",
        "tbk",
        "corp",
        "plc",
        # a government after a comma: "Jika disetujui DPRD, Pemkot Malang akan ..."
        "pemkot",
        "pemkab",
        "pemprov",
        "pemko",
        "pemda",
        # an address after a comma: "Kantor Bupati Karo, Jalan Letjen Jamin Ginting No. 17"
        "jalan",
        "jl",
        "jln",
    ]
)
DIRECTIONS = words("selatan utara barat timur tengah raya daya laut")
COMPANY_FORMS = words("pt cv")
MAX_NAME = 6
MAX_RUN = 16


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    role: str
    name_span: tuple[int, int]  # characters of the name as written
    role_tokens: tuple[int, int]  # first and last token of the role
    name_tokens: tuple[int, int]


def find_people(
    doc: Doc, mentions: Mentions, short_forms: frozenset[str] = frozenset()
) -> list[Person]:
    """`short_forms`: region short forms ("Kukar") that end a role like a place name."""
    people: list[Person] = []
    taken: set[int] = set()
    places = place_like_names(doc) | short_forms
    for first, last, _values in ROLE_HEADS.scan(doc):
        if first in taken or doc.excluded[first]:
            continue
        if doc.tokens[first].cap:
            person = read_role(doc, mentions, first, last, places)
            before = appositive(doc, mentions, first, last, taken)
            if before is not None and (person is None or not name_attached(doc, person)):
                person = before
        else:
            person = read_lowercase_role(doc, mentions, first, last)
        if person is not None:
            people.append(person)
            taken.update(range(person.role_tokens[0], person.role_tokens[1] + 1))
            taken.update(range(person.name_tokens[0], person.name_tokens[1] + 1))
            second = joined_name(doc, mentions, person)
            if second is not None:
                people.append(second)
                taken.update(range(second.name_tokens[0], second.name_tokens[1] + 1))
    for i in doc.positions.get("bernama", ()):
        person = named_after(doc, mentions, i)
        if person is not None and person.name_tokens[0] not in taken:
            people.append(person)
    for key in LED_BY:
        for i in doc.positions.get(key, ()):
            person = led_by(doc, mentions, i)
            if person is not None and person.name_tokens[0] not in taken:
                people.append(person)
                taken.update(range(person.name_tokens[0], person.name_tokens[1] + 1))
    return people


def joined_name(doc: Doc, mentions: Mentions, person: Person) -> Person | None:
    """ "perwakilan Kota Toyama, Koshin Takata dan Teppei Asano": a second full name joined by
    "dan" right after a person's name holds the same role (a role of its own, "dan Kadis
    Kesehatan ...", is read by its head)."""
    last = person.name_tokens[1]
    if person.name_tokens[0] <= person.role_tokens[1] or doc.key_at(last + 1) not in {
        "dan",
        "serta",
    }:
        return None  # "Sutiaji selaku Wali Kota Malang dan ...": the role closes that person
    name = read_name(doc, mentions, last + 2)
    if name is None or name[0] != last + 2 or len(name[2].split()) < 2:
        return None
    if not ends_name(doc, name[1]) or any(k in mentions.at for k in range(name[0], name[1] + 1)):
        return None
    if doc.key_at(name[1] + 1) in AS_ROLE | {"sekaligus"}:
        return None  # "dan Vice Premiere sekaligus Ministry of Education": a post, no name
    return Person(
        name=name[2],
        role=person.role,
        name_span=doc.span(name[0], name[1]),
        role_tokens=person.role_tokens,
        name_tokens=(name[0], name[1]),
    )


# "Rombongan dipimpin Mr. Liang Jiczhao", "delegasi yang diketuai Tanaka Hiroji": the leader
# of a delegation is named by the verb, with no title before the name.
LED_BY = words("dipimpin diketuai dikepalai")
GROUPS = words("rombongan delegasi tim misi kontingen")
MAX_LED_NAME = 4
PRESS = words("wartawan jurnalis pers reporter")


def led_by(doc: Doc, mentions: Mentions, i: int) -> Person | None:
    """The person a "led by" verb names, when a name (not a role, a body or a place) follows;
    their role is leading the group named before the verb."""
    if doc.excluded[i]:
        return None
    name = read_name(doc, mentions, i + 1)
    if name is None or name[1] - name[0] + 1 > MAX_LED_NAME or name[0] in mentions.at:
        return None
    if any(doc.tokens[k].key in ROLE_WORDS for k in range(name[0], name[1] + 1)):
        return None
    after = name[1] + 1
    if after < len(doc.tokens) and doc.tokens[after].cap and doc.tokens[after].word:
        return None  # a longer capitalised run: a body's or a title's name, not a person's
    first, end = doc.sentence_of(i)
    sentence = doc.tokens[i].sentence
    told_from = doc.sentences[sentence - 1][0] if sentence else first
    if any(doc.tokens[j].key in PRESS for j in range(told_from, end)):
        return None  # "Para wartawan itu ... Kloter I dipimpin X": the press is no official
    group = next(
        (doc.tokens[j].text for j in range(i - 1, first - 1, -1) if doc.tokens[j].key in GROUPS),
        "rombongan",
    )
    return Person(
        name=name[2],
        role=f"pemimpin {group.lower()}",
        name_span=doc.span(name[0], name[1]),
        role_tokens=(i, i),
        name_tokens=(name[0], name[1]),
    )


# Nouns of a function that "bernama" names: "tenaga ahli dari JICA bernama Kenji Sato",
# "investor asal Jepang bernama ...". A resident or a student so named is no official.
NAMED_ROLES = words(
    "ahli pakar konsultan investor pengusaha pejabat perwakilan utusan direktur manajer "
    "kepala ketua staf koordinator peneliti dosen"
)
NAMED_REACH = 6


def named_after(doc: Doc, mentions: Mentions, i: int) -> Person | None:
    """ "tenaga ahli dari JICA bernama Kenji Sato": the role noun a few words before."""
    if doc.excluded[i]:
        return None
    name = read_name(doc, mentions, i + 1)
    if name is None or name[1] - name[0] < 1:
        return None
    j, head = i - 1, -1
    while j >= 0 and i - j <= NAMED_REACH and doc.tokens[j].sentence == doc.tokens[i].sentence:
        if doc.tokens[j].text in {",", ".", ";"}:
            break
        if doc.tokens[j].key in NAMED_ROLES:
            head = j
        j -= 1
    if head < 0:
        return None
    if head > 0 and doc.tokens[head - 1].key == "tenaga":
        head -= 1
    return Person(
        name=name[2],
        role=doc.surface(head, i - 1),
        name_span=doc.span(name[0], name[1]),
        role_tokens=(head, i - 1),
        name_tokens=(name[0], name[1]),
    )


def appositive(
    doc: Doc, mentions: Mentions, first: int, last: int, taken: set[int]
) -> Person | None:
    """ "Feng Hao, Wakil Kepala Distrik, Zhao Xiaohong, Kepala Dinas ...": a role set off by a
    comma after a name that opens its clause (no role before it, none has taken it) is that
    person's, so in a run that starts with a name each role goes back to its own person rather
    than on to the next one."""
    tokens = doc.tokens
    first = modifiers_before(doc, first)
    if first < 2 or tokens[first - 1].text != ",":
        return None
    name = name_before(doc, mentions, first)
    if name is None or name[1] == name[0]:
        return None
    span = range(name[0], name[1] + 1)
    if any(k in taken or k in mentions.inside or is_place_name(mentions, k) for k in span):
        return None
    if not opens_clause(doc, name[0]):
        return None  # "Kadis Pariwisata Made Badra, Kadis BPMD ...": the name is the first role's
    role_end = comma_before_name(doc, last)
    if role_end < 0 or any(
        ROLE_HEADS.match(doc, k) and tokens[k - 1].text != "/"
        for k in range(last + 1, role_end + 1)
    ):
        # "Deputi Walikota Souki Suzuki,": another role inside the run has its own name
        role_end = qualifier_end(doc, mentions, last, one_place=False)
    return _role_before_name(doc, first, role_end, name)


def opens_clause(doc: Doc, i: int) -> bool:
    """Token `i` (a name's first word) starts its sentence or follows punctuation or a
    lowercase word, titles before it left out: no capitalised role, office or initial ("P.")
    runs into it."""
    tokens, sentence = doc.tokens, doc.tokens[i].sentence
    j = i - 1
    while j >= 0 and tokens[j].sentence == sentence:
        if tokens[j].key in TITLES or (
            j and tokens[j].text in ".'’" and tokens[j - 1].key in TITLES
        ):
            j -= 1
            continue
        break
    if j < 0 or tokens[j].sentence != sentence:
        return True
    token = tokens[j]
    if token.key in RUN_JOINERS and j > 0 and tokens[j - 1].word and tokens[j - 1].cap:
        return False  # "Dinas Penanaman Modal dan Pelayanan Terpadu": an office goes on
    return not token.cap if token.word else token.text not in ".'’"


RUN_JOINERS = words("dan serta of")


def name_attached(doc: Doc, person: Person) -> bool:
    """The name follows its role with no comma between ("Deputi Walikota Souki Suzuki"): that
    role is read forward, whoever stands before it."""
    role_end = doc.tokens[person.role_tokens[1]].end
    return person.name_span[0] >= role_end and "," not in doc.text[role_end : person.name_span[0]]


def read_role(
    doc: Doc, mentions: Mentions, first: int, last: int, places: frozenset[str] = frozenset()
) -> Person | None:
    tokens = doc.tokens
    if last + 1 < len(tokens) and tokens[last + 1].key in places and last + 1 not in mentions.at:
        last += 1  # "Wakil Gubernur Guangdong Zhang Xin", after "Provinsi Guangdong" elsewhere
    first = modifiers_before(doc, first)
    head_key = " ".join(t.key for t in tokens[first : last + 1] if t.word)
    name: tuple[int, int, str] | None = None
    if first > 0 and tokens[first - 1].key in AS_ROLE:
        # "Veronica Wally selaku Kabid Kerjasama ..., Reuter Sabarofek selaku Plt Kepala ...":
        # the name before "selaku" is the person, whatever capitals follow the role.
        name = name_before(doc, mentions, first)
        if name is not None:
            role_end = comma_before_name(doc, last)
            if role_end < 0:
                role_end = qualifier_end(doc, mentions, last, one_place=head_key in REGION_HEADS)
            return _role_before_name(doc, first, role_end, name)
    role_end = comma_before_name(doc, last)
    inside = name_inside_role(doc, mentions, last, role_end) if role_end >= 0 else None
    if inside is not None:
        # "Kepala Biro ... Setdaprov Jatim Aries Agung Paewai, ...": the name after the region
        name, role_end = inside, inside[0] - 1
    elif role_end >= 0:
        # "Role Qualifier, Name"; after the role's place a name may open with a region's word
        # ("Walikota Bogor, Bima Arya")
        name = read_name(doc, mentions, role_end + 2, after_place=role_end > last)
        if name is not None and (
            names_only_places(doc, mentions, name) or place_then_name(doc, mentions, name)
        ):
            name = None  # "Wakil Bupati Pasuruan, Provinsi Jawa Timur, Abdul Mujib Imron"
        listed = name and fields_listed(doc, mentions, last, name)
        if listed:
            name, role_end = listed
        if name is None:
            # "Wali Kota Medan, Sumatera Utara, Bobby Nasution", "Gubernur Prefektur Ehime,
            # Jepang, Tokihiro Nakamura": places between commas still belong to the role.
            name, role_end = name_after_places(doc, mentions, role_end)
    bracket = bracketed_name(doc, mentions, last)
    if name is None and bracket is not None:
        role_end, name = bracket  # "Kepala Bappeda (Handini Rahayu)"
    if name is None:
        acronym = office_acronym_end(doc, last)
        if acronym >= 0:
            # "Kepala Badan Pengolahan Aset Daerah (BPKAD) Sukardi": the acronym closes the
            # office, whatever its words; the name follows it.
            name = read_name(doc, mentions, acronym + 1, after_place=True)
            if name is not None:
                role_end = acronym
    if name is None:
        role_end = qualifier_end(doc, mentions, last, one_place=head_key in REGION_HEADS)
        after = role_end + 1
        if after < len(tokens) and doc.gap(role_end, after).strip() == "":
            name = read_name(doc, mentions, after, after_place=role_end > last)
            inner = name and next(
                (k for k in range(name[0] + 1, name[1] + 1) if is_place_name(mentions, k)), None
            )
            if name and inner is None and english_office_after(doc, name[1]):
                # "CEO Trade and Investment Queensland Boyd Whalan": an English office name,
                # ended by its place; the name follows it.
                place = office_place(doc, mentions, name[1] + 1)
                if place is not None:
                    name, role_end = read_name(doc, mentions, place + 1), place
            elif name and inner is not None:
                # "Premier Western Australia Roger Cook": the place ends the role.
                role_end = mentions.at[inner].last
                name = read_name(doc, mentions, role_end + 1)
            if name and doc.key_at(last + 1) in COMPANY_FORMS and company_named(doc, last, name):
                # "Direktur PT Indonesia Power menyebut" after "dengan PT. Indonesia Power": the
                # words after the company's first words are the rest of its name, no person
                name = None
    if name is None:
        after_office = name_after_office(doc, mentions, last)
        if after_office is not None:
            # "Ketua Policy Planning Division Lee Seung Ha", "Counselor Politik KBRI Seoul Sigit
            # Aris Prasetyo": the office's own last word ends the role
            role_end, name = after_office
    if name is None:
        role_end = qualifier_end(doc, mentions, last, one_place=head_key in REGION_HEADS)
        name = name_before(doc, mentions, first, bare=True)  # "Name, Role", "Name selaku Role"
    if name is not None and ends_with_office(doc, name):
        after_office = name_after_office(doc, mentions, last)
        name = None
        if after_office is not None:
            role_end, name = after_office  # "Dirjen ... (Adwil) Kemendagri Safrizal ZA"
    if name is None:
        return None  # "Pejabat Korean Cities Federation": a body, no name
    if name[0] > role_end:
        titled = title_in_name(doc, mentions, name)
        if titled is not None:
            # "Rektor Universitas Brawijaya Prof. Dr. Nuhfil Hanani": the titles open the name
            role_end, name = titled
        office = office_in_name(doc, name)
        if office is not None:
            # "Kepala Bidang ... Sumber Daya Alam Bappeda Siti Nurjanah": the office word ends
            # the role and the name starts after it.
            role_end, name = office
    name_first, name_last, text = name
    if name_first > 0 and tokens[name_first - 1].key in LEGAL_FORMS:
        return None  # "Direktur Utama PT Jasa Marga di Jakarta": the firm's name, no person
    if first > 0 and tokens[first - 1].key in BUILDINGS and name_first == name_last:
        return None  # "di Kantor Bupati Tegal, Slawi, Selasa": a building and its town
    return Person(
        name=text,
        role=doc.surface(first, role_end),
        name_span=doc.span(name_first, name_last),
        role_tokens=(first, role_end),
        name_tokens=(min(name_first, first), max(name_last, role_end)),
    )


MAX_BARE_NAME = 4
MIN_OFFICE_NAME = 2


def name_after_office(
    doc: Doc, mentions: Mentions, last: int
) -> tuple[int, tuple[int, int, str]] | None:
    """The name that ends the capitalised run after a role head, where the office named in the
    run has a word that only ever ends an office: a body's noun ("Division", "Association",
    "Kementerian"), an agency acronym ("KBRI", "Kemendagri"), a bracketed acronym or a place.
    The last such word with two to four name words after it, closing the run, ends the role."""
    tokens = doc.tokens
    end, cuts = last, []
    j = last + 1
    while j < len(tokens) and j - last <= MAX_RUN and not doc.excluded[j]:
        token = tokens[j]
        if token.text == "(" and (close := closing_bracket(doc, j)) > 0:
            end = j = close
            cuts.append(close)
        elif token.word and token.cap:
            if office_end(doc, mentions, j):
                j = mentions.at[j].last if j in mentions.at else j
                cuts.append(j)
            end = j
        elif token.text in "-'’" and glued(doc, j):
            if doc.key_at(j + 1) == "s" and token.text != "-":
                j += 1  # "People's Congress"
        elif abbreviation_dot(doc, j):
            pass  # "PT. Freeport Indonesia"
        elif not (
            token.word
            and token.key in CONNECTORS
            and j + 1 < len(tokens)
            and (tokens[j + 1].cap or tokens[j + 1].key in CONNECTORS)  # "of the Standing"
        ):
            break
        j += 1
    if not ends_name(doc, end):
        return None
    for cut in reversed(cuts):
        if MIN_OFFICE_NAME <= end - cut <= MAX_BARE_NAME:
            name = read_name(doc, mentions, cut + 1, after_place=True)
            if (
                name is not None
                and name[0] == cut + 1
                and name[1] == end
                and not any(
                    office_end(doc, mentions, k, places=False) or tokens[k].key in ROLE_WORDS
                    for k in range(name[0], end + 1)
                )
            ):
                return cut, name  # a foreign place's name may be a person's ("Ito")
    return None


CONNECTORS = words("dan of the for &")


def office_end(doc: Doc, mentions: Mentions, j: int, *, places: bool = True) -> bool:
    """Token `j` can only end an office's name, never begin a person's."""
    token = doc.tokens[j]
    mention = mentions.at.get(j)
    located = mention is not None and bool(
        mention.regions or mention.countries or (places and mention.places)
    )
    return (
        token.key in BODY_ENDINGS
        or bool(AGENCY.match(token.text))
        or (token.upper and len(token.text) > 2)
        or located
    )


# Academic and religious titles, which only ever open a name ("H." may be an initial).
OPENING_TITLES = words("prof dr drs dra ir drg hj kh dato datuk")


def title_in_name(
    doc: Doc, mentions: Mentions, name: tuple[int, int, str]
) -> tuple[int, tuple[int, int, str]] | None:
    """Titles inside the words read as a name start the name: what comes before them ends
    the role."""
    first, last, _text = name
    for k in range(first + 1, last + 1):
        if doc.tokens[k].key in OPENING_TITLES:
            after = read_name(doc, mentions, k)
            return (k - 1, after) if after is not None else None
    return None


def ends_with_office(doc: Doc, name: tuple[int, int, str]) -> bool:
    """A name never ends with an office word ("Korean Cities Federation")."""
    token = doc.tokens[name[1]]
    ending = token.key in BODY_ENDINGS or (token.key in ROLE_WORDS and token.key not in NAME_PARTS)
    return name[1] > name[0] and (ending or bool(AGENCY.match(token.text)))


# Office words that also end people's names ("I Gusti Ngurah Jaya Negara").
NAME_PARTS = words("negara utama besar raya dalam tim")
# Nouns that end the name of a body, never of a person.
BODY_ENDINGS = words(
    "federation association council agency corporation foundation dinas badan kantor biro "
    "sekretariat kementerian lembaga institut balai pusat yayasan asosiasi himpunan ikatan "
    "perkumpulan forum majelis dewan komisi direktorat inspektorat "
    # a firm's or a school's last word: "CEO Hanil Resort Co., Ltd."
    "co company group holdings university college institute division department committee "
    "congress bureau assembly parliament"
)


def office_in_name(doc: Doc, name: tuple[int, int, str]) -> tuple[int, tuple[int, int, str]] | None:
    """A name holds no office word ("Bappeda", "Dinas", an agency acronym): when one is inside
    the words read as a name, the role ends there and the name is what follows, provided a
    name is left (two words, or one after a longer office)."""
    first, last, _text = name
    tokens = doc.tokens
    cut = -1
    for k in range(first, last):
        token = tokens[k]
        if token.word and (token.key in ROLE_WORDS or AGENCY.match(token.text)):
            cut = k
    if cut < 0:
        return None
    rest = [k for k in range(cut + 1, last + 1) if tokens[k].word]
    if len(rest) < 2 and cut == first:
        return None  # "Tim Stapleton": a first name that is also an office word
    start = skip_titles(doc, cut + 1)
    if start > last or not tokens[start].cap:
        return None
    return cut, (start, last, doc.surface(start, last))


def bare_name_before(doc: Doc, mentions: Mentions, role_first: int) -> tuple[int, int, str] | None:
    tokens = doc.tokens
    last = role_first - 1
    if last < 1 or not tokens[last].word or not tokens[last].cap:
        return None
    if doc.gap(last, role_first) != " ":
        return None
    start = last
    while start - 1 >= 0 and tokens[start - 1].word and tokens[start - 1].cap:
        start -= 1
    opener = start - 1
    if opener < 0 or tokens[opener].cap or not tokens[opener].word or opener == 0:
        return None  # the name must follow a lowercase word ("ruang kerja Tri Rismaharini")
    if not 2 <= last - start + 1 <= MAX_BARE_NAME:
        return None
    start = skip_titles(doc, start)
    if start >= last and tokens[start].key in TITLES:
        return None  # "Bapak Ibu"
    if any(
        k in mentions.at or k in mentions.inside or tokens[k].key in ROLE_WORDS or tokens[k].upper
        for k in range(start, last + 1)
    ):
        return None  # a place, an office or an acronym ("OISCA Kumamoto")
    if tokens[start].key in NOT_NAMES or ROLE_HEADS.match(doc, start) is not None:
        return None
    text = doc.surface(start, last)
    return None if is_degree(text) else (start, last, text)


MIN_INNER_NAME = 2
LEGAL_FORMS = words("pt cv pd ud tbk")


def name_inside_role(
    doc: Doc, mentions: Mentions, last: int, role_end: int
) -> tuple[int, int, str] | None:
    """A name of two words or more between a role's region and the comma: the words after the
    last region, country, acronym or bracket of the run ("Anggota Komisi X DPR RI Robert
    Kardinal,"), none of them a role word, a place or an acronym."""
    tokens = doc.tokens
    region_end = -1  # the last region, country, acronym or bracket of the role
    for j in range(last + 1, role_end + 1):
        mention = mentions.at.get(j)
        if mention is not None and (mention.regions or mention.countries):
            region_end = mention.last
        elif (tokens[j].upper and tokens[j].key not in LEGAL_FORMS) or tokens[j].text == ")":
            region_end = j  # not "PT": "Direktur PT Naga Kapuk Indah, Agustinus" names a firm
    if region_end < 0 or role_end - region_end < MIN_INNER_NAME:
        return None
    span = range(region_end + 1, role_end + 1)
    if any(
        not tokens[k].word
        or not tokens[k].cap
        or tokens[k].upper
        or tokens[k].key in ROLE_WORDS
        or k in mentions.at
        for k in span
    ):
        return None
    start = skip_titles(doc, region_end + 1)
    if role_end - start + 1 < MIN_INNER_NAME:
        return None
    text = doc.surface(start, role_end)
    return None if is_degree(text) else (start, role_end, text)


MAX_PLACE_HOPS = 2
AS_ROLE = words("selaku sebagai")


PLACE_LEVEL_WORDS = words("provinsi propinsi kabupaten kota prefektur negara bagian")


def fields_listed(
    doc: Doc, mentions: Mentions, last: int, name: tuple[int, int, str]
) -> tuple[tuple[int, int, str], int] | None:
    """ "Kepala Badan Hubungan Penegakan Hukum, Pertahanan dan Keamanan KADIN Indonesia Junaidi
    Elvis,": the word after the comma goes on with "dan" and capitals, so the comma lists the
    office's fields; the name is the one at the end of the office. (name, role's last token)"""
    after = name[1] + 1
    if doc.key_at(after) not in {"dan", "serta"} or not doc.tokens[after + 1].cap:
        return None
    end = comma_before_name(doc, after)
    if end < 0:
        end = after + 1  # no comma after the name: the capitalised run ends the office
        while end + 1 < len(doc.tokens) and doc.tokens[end + 1].word and doc.tokens[end + 1].cap:
            end += 1
    inner = name_inside_role(doc, mentions, last, end)
    return (inner, inner[0] - 1) if inner is not None else None


def name_after_places(
    doc: Doc, mentions: Mentions, role_end: int
) -> tuple[tuple[int, int, str] | None, int]:
    """After "Role, Place," the name that follows the places, and the role's new last token."""
    tokens = doc.tokens
    j = role_end + 2
    for _hop in range(MAX_PLACE_HOPS):
        while j < len(tokens) and tokens[j].key in PLACE_LEVEL_WORDS:
            j += 1  # "Provinsi Jawa Timur", "Prefektur Ehime"
        mention = mentions.at.get(j)
        if mention is None or mention.first != j:
            break
        after = mention.last + 1
        if after >= len(tokens) or tokens[after].text != ",":
            break
        name = read_name(doc, mentions, after + 1)
        if name is not None:
            return name, mention.last
        j = after + 1
    return None, role_end


def bracketed_name(
    doc: Doc, mentions: Mentions, last: int
) -> tuple[int, tuple[int, int, str]] | None:
    """ "Kepala Bappeda (Handini Rahayu)", "Ketua DPRD (Budi Prayitno)": the role's capitalised
    words, then a name of two words or more in brackets. (role's last token, name)."""
    tokens = doc.tokens
    j = last + 1
    while j < len(tokens) and j - last <= MAX_RUN and tokens[j].word and tokens[j].cap:
        j += 1
    if j >= len(tokens) or tokens[j].text != "(" or "\n" in doc.gap(last, j):
        return None
    name = read_name(doc, mentions, j + 1)
    if name is None or name[1] + 1 >= len(tokens) or tokens[name[1] + 1].text != ")":
        return None
    inside = [k for k in range(name[0], name[1] + 1) if tokens[k].word]
    if len(inside) < 2 or any(tokens[k].upper for k in inside):
        return None  # "(KDH)", "(ABC)": an acronym of the office
    return j - 1, name


def starts_role(doc: Doc, j: int) -> bool:
    k = j
    while k < len(doc.tokens) and doc.tokens[k].key in ROLE_MODIFIERS:
        k += 1
    return ROLE_HEADS.match(doc, k) is not None or (
        k + 1 < len(doc.tokens) and ROLE_HEADS.match(doc, k + 1) is not None
    )


def modifiers_before(doc: Doc, first: int) -> int:
    """The first token of a role with the modifiers before its head: "Plt Kepala", "Pj.
    Sekda"."""
    tokens = doc.tokens
    while first > 0:
        k = first - 1
        if tokens[k].text == "." and k > 0 and tokens[k - 1].end == tokens[k].start:
            k -= 1  # "Pj."
        if not (tokens[k].key in ROLE_MODIFIERS and tokens[k].cap):
            break
        first = k
    return first


def modified_role(doc: Doc, j: int) -> bool:
    """A role modifier at token `j` ("Pj.", "Plt") goes on to a role title."""
    k = j + 1
    if k < len(doc.tokens) and doc.tokens[k].text == ".":
        k += 1
    return k < len(doc.tokens) and ROLE_HEADS.match(doc, k) is not None


def read_lowercase_role(doc: Doc, mentions: Mentions, first: int, last: int) -> Person | None:
    """ "Dr. Marieke van der Berg, koordinator program Asia Tenggara di Universitas Leiden,":
    a role written in lowercase counts only between commas after a name."""
    role_end = comma_before_name(doc, last)
    if role_end < 0:
        return qualified_lowercase_role(doc, mentions, first, last)
    name = name_before(doc, mentions, first) if role_end >= 0 else None
    if name is None and role_end >= 0:
        # "perwakilan JFA-Japan, Kazuhiro Shimomura, ...": a full name after the role.
        after = read_name(doc, mentions, role_end + 2)
        if after is not None and len(after[2].split()) >= 2 and ends_name(doc, after[1]):
            return Person(
                name=after[2],
                role=doc.surface(first, role_end),
                name_span=doc.span(after[0], after[1]),
                role_tokens=(first, role_end),
                name_tokens=(after[0], after[1]),
            )
    if name is None:
        return None
    return _role_before_name(doc, first, role_end, name)


def qualified_lowercase_role(doc: Doc, mentions: Mentions, first: int, last: int) -> Person | None:
    """ "kata wakil gubernur Jawa Timur Emil Dardak": a role in lowercase, the region or place
    it belongs to, and a name of two words or more right after it, none of them a place."""
    mention = mentions.at.get(last + 1)
    if mention is None or mention.first != last + 1 or not (mention.regions or mention.places):
        return None
    after = read_name(doc, mentions, mention.last + 1)
    if after is None or after[0] != mention.last + 1 or len(after[2].split()) < 2:
        return None
    if after[0] in mentions.at:
        return None  # "bupati Kediri Kota ...": a second place, no name
    if not ends_name(doc, after[1]):
        return None
    return Person(
        name=after[2],
        role=doc.surface(first, mention.last),
        name_span=doc.span(after[0], after[1]),
        role_tokens=(first, mention.last),
        name_tokens=(after[0], after[1]),
    )


def company_named(doc: Doc, last: int, name: tuple[int, int, str]) -> bool:
    """The company after role token `last`, with the "name" after it, is written elsewhere in
    the text as one company's name."""
    keys = [doc.tokens[k].key for k in range(last + 1, name[1] + 1) if doc.tokens[k].word]
    written = f" {' '.join(t.key for t in doc.tokens if t.word)} "
    return written.count(f" {' '.join(keys)} ") >= 2


def ends_name(doc: Doc, last: int) -> bool:
    """A name ends at a comma, a full stop, a bracket or a lowercase word."""
    if last + 1 >= len(doc.tokens):
        return True
    token = doc.tokens[last + 1]
    return token.text in {",", ".", ")"} or (token.word and not token.cap)


def place_like_names(doc: Doc) -> frozenset[str]:
    """Capitalised words written after a city or region word somewhere in the text ("Provinsi
    Guangdong"): a place even where the gazetteer does not know it."""
    found = set()
    for i, token in enumerate(doc.tokens[:-1]):
        after = doc.tokens[i + 1]
        if token.key in PLACE_NOUNS and after.word and after.cap and not after.upper:
            if token.key == "kota" and i > 0 and doc.tokens[i - 1].key == "wali":
                continue  # "Wali Kota Nurochman": the title, not a city word
            found.add(after.key)
    return frozenset(found)


def comma_before_name(doc: Doc, last: int) -> int:
    """The last token of a role that runs from its head to a comma, or -1.

    The words in between must be role words, capitalised names, acronyms or connectors:
    "Kepala Bagian Kerja Sama Setda Makassar,", "Ketua sanggar,", "Kuasa hukum perusahaan,".
    """
    tokens = doc.tokens
    j = last + 1
    while j < len(tokens) and j - last <= MAX_RUN:
        token = tokens[j]
        if token.text == ",":
            return j - 1 if j - 1 >= last else -1
        if token.key in {"dan", "serta"} and j + 1 < len(tokens) and starts_role(doc, j + 1):
            return -1  # "Bupati Bogor Rudy Susmanto dan Regional CEO BRI, Sadmiadi": two people
        if "\n" in doc.gap(j - 1, j) or doc.excluded[j]:
            return -1
        if token.word:
            if not (
                token.cap
                or token.text.isdigit()
                or token.key in ROLE_WORDS
                or token.key in ROLE_CONNECTORS
                or (glued(doc, j - 1) and ROLE_HEADS.match(doc, j) is not None)  # "President/ceo"
            ):
                return -1
        elif token.text == "(":
            close = closing_bracket(doc, j)
            if close < 0:
                return -1
            j = close
        elif not (token.text in "-.'’&/" and glued(doc, j)) and not abbreviation_dot(doc, j):
            return -1
        j += 1
    return -1


MAX_ABBREVIATION = 3


def abbreviation_dot(doc: Doc, j: int) -> bool:
    """Token `j` is the full stop of a short capitalised abbreviation inside a role ("Direktur
    Utama PT. Mutiara Halim,", "Kab. Subang"), followed by a capitalised word."""
    before, after = doc.tokens[j - 1], doc.tokens[j + 1] if j + 1 < len(doc.tokens) else None
    return (
        doc.tokens[j].text == "."
        and before.word
        and before.cap
        and before.key not in TITLES  # "Dubes Palestina Dr. Zuhair,": a title opens a name
        and len(before.text) <= MAX_ABBREVIATION
        and before.end == doc.tokens[j].start
        and after is not None
        and after.word
        and after.cap
    )


def qualifier_end(doc: Doc, mentions: Mentions, last: int, *, one_place: bool) -> int:
    """The last token of the role: bureau words, acronyms, one region or place, a country."""
    tokens = doc.tokens
    if (
        one_place
        and last + 2 < len(tokens)
        and tokens[last + 2].key in DIRECTIONS
        and tokens[last + 1].cap
        and last + 1 not in mentions.at
    ):
        return last + 2  # "Gubernur Chungcheong Selatan Kim Tae-heum": a region we do not know
    end, j, located = last, last + 1, False
    provinces: set[str] = set()  # the provinces of the region the role names
    while j < len(tokens) and not doc.excluded[j]:
        token = tokens[j]
        mention = mentions.at.get(j)
        if mention is not None and token.cap and any(r.code in provinces for r in mention.regions):
            end = j = mention.last  # "Wali Kota Mataram NTB Ahyar Abduh": where the city lies
            provinces = set()
        elif mention is not None and token.cap:
            is_country = bool(mention.countries)
            opener = (
                tokens[j - 1].key in PLACE_OPENERS
                or tokens[j - 1].key in ROLE_WORDS
                or tokens[j - 1].key == "untuk"  # "Konsul Jenderal RI untuk Shanghai"
                or mission_seat(doc, j - 1)  # "Konjen RI di Osaka"
            )
            if (located and not is_country) or (mention.places and not opener):
                break
            located = located or not is_country
            provinces = {r.province for r in mention.regions if r.province}
            end = j = mention.last
        elif token.text == "(" and (close := closing_bracket(doc, j)) > 0:
            end = j = close
        elif (
            token.word
            and token.cap
            and (token.key in ROLE_WORDS or token.upper)
            and not (token.upper and token.key in OPENING_TITLES)  # "DR. H. Firdaus"
        ):
            if located and one_place and not token.upper:
                break
            end = j
        elif token.word and token.cap and doc.key_at(j - 1) in FIELD_WORDS:
            end = j  # "Sekretaris Bidang Politik": the field's own name is the role's
        elif token.word and AGENCY.match(token.text):
            end = j
        elif token.word and token.key in ROLE_WORDS and lowercase_office_word(doc, j):
            end = j  # "Kepala Bagian Kerja sama Surabaya", "Dinas lingkungan Hidup"
        elif token.key in ROLE_CONNECTORS and continues_role(doc, mentions, j + 1):
            pass
        elif mission_seat(doc, j) and j + 1 in mentions.at:
            pass  # "Konjen RI di Osaka Mirza Nurhidayat": the seat belongs to the role
        else:
            break
        j += 1
    return end


ENGLISH_JOINERS = words("and of for &")
OFFICE_REACH = 6


def english_office_after(doc: Doc, last: int) -> bool:
    """The words read as a name go on with "and", "of" or "for" and a capital: an English
    office's name ("Trade and Investment Queensland"), not a person's."""
    return (
        doc.key_at(last + 1) in ENGLISH_JOINERS
        and last + 2 < len(doc.tokens)
        and (doc.tokens[last + 2].cap)
    )


def office_place(doc: Doc, mentions: Mentions, j: int) -> int | None:
    """The first place of an English office's name from token `j` on, within its capitals."""
    for k in range(j, min(j + OFFICE_REACH, len(doc.tokens))):
        token = doc.tokens[k]
        if not (token.cap or token.key in ENGLISH_JOINERS):
            return None
        mention = mentions.at.get(k)
        if mention is not None and (mention.places or mention.countries or mention.regions):
            return mention.last
    return None


# Words of an office's section whose next capitalised word names its field.
FIELD_WORDS = words("bidang seksi urusan divisi subbidang")


def mission_seat(doc: Doc, j: int) -> bool:
    """Token `j` is the "di" of an Indonesian mission's seat: "RI di Osaka"."""
    return doc.key_at(j) == "di" and j > 0 and doc.tokens[j - 1].key in {"ri", "indonesia"}


def names_only_places(doc: Doc, mentions: Mentions, name: tuple[int, int, str]) -> bool:
    """The words read as a name are a region or a country, maybe after its level word."""
    keys = range(name[0], name[1] + 1)
    return any(is_place_name(mentions, k) for k in keys) and all(
        is_place_name(mentions, k) or doc.tokens[k].key in PLACE_LEVEL_WORDS for k in keys
    )


def place_then_name(doc: Doc, mentions: Mentions, name: tuple[int, int, str]) -> bool:
    """ "Wali Kota Miri, Sarawak, Adam Yii": a foreign place the gazetteer knows, set off by a
    comma with a capitalised name after it, says where the role is; the name comes next."""
    mention = mentions.at.get(name[0])
    if mention is None or mention.first != name[0] or mention.last != name[1]:
        return False
    if not mention.places:
        return False
    j = name[1] + 1
    return (
        j + 1 < len(doc.tokens)
        and doc.tokens[j].text == ","
        and doc.tokens[j + 1].word
        and doc.tokens[j + 1].cap
    )


def is_place_name(mentions: Mentions, k: int) -> bool:
    mention = mentions.at.get(k)
    return mention is not None and bool(mention.countries or mention.regions)


def glued(doc: Doc, j: int) -> bool:
    """Token j touches the tokens on both sides ("S.T", "Toli-Toli")."""
    return (
        0 < j < len(doc.tokens) - 1
        and doc.tokens[j - 1].end == doc.tokens[j].start
        and doc.tokens[j].end == doc.tokens[j + 1].start
    )


def lowercase_office_word(doc: Doc, j: int) -> bool:
    """An office word written in lower case inside a capitalised office name ("Kerja sama",
    "Dinas lingkungan Hidup"): reporters' casing varies, the word still belongs to the office
    when a capitalised word follows it."""
    after = j + 1
    return (
        not doc.tokens[j].cap
        and after < len(doc.tokens)
        and doc.tokens[after].word
        and doc.tokens[after].cap
        and doc.gap(j, after) == " "
    )


def continues_role(doc: Doc, mentions: Mentions, j: int) -> bool:
    if j >= len(doc.tokens):
        return False
    token = doc.tokens[j]
    return token.cap and (token.key in ROLE_WORDS or token.upper or j in mentions.at)


OFFICE_JOINERS = words("dan & serta")


def office_acronym_end(doc: Doc, last: int) -> int:
    """The ")" of an acronym in brackets that closes the capitalised words of an office after
    its role head ("Kepala Badan Pengolahan Aset Daerah (BPKAD)", "perwakilan Minang Diaspora
    Network Global (MDN-G)"), or -1."""
    tokens = doc.tokens
    j = last + 1
    while j < len(tokens) and j - last <= MAX_RUN:
        token = tokens[j]
        if token.text == "(":
            close = closing_bracket(doc, j)
            inside = [k for k in range(j + 1, close) if tokens[k].word]
            if close > 0 and inside and all(tokens[k].upper for k in inside):
                return close
            return -1
        if not (token.word and (token.cap or token.key in OFFICE_JOINERS)):
            return -1
        j += 1
    return -1


def closing_bracket(doc: Doc, j: int) -> int:
    """The ")" of a short bracketed acronym at token j, or -1."""
    for k in range(j + 1, min(j + 5, len(doc.tokens))):
        if doc.tokens[k].text == ")":
            return k if k > j + 1 else -1
        if not doc.tokens[k].word or not doc.tokens[k].cap:
            return -1
    return -1


def read_name(
    doc: Doc, mentions: Mentions, j: int, *, after_place: bool = False
) -> tuple[int, int, str] | None:
    """A person's name starting at token j, titles dropped: (first, last, text).

    The name is followed by a comma, a full stop, a bracket or a lowercase word; its first word
    is no role title, weekday, month or Indonesian region, except right after the place of a
    role, where a longer name may start with one ("Wali Kota Bogor Bima Arya Sugiarto").
    """
    tokens = doc.tokens
    j = skip_titles(doc, j)
    if j >= len(tokens) or not tokens[j].word or not tokens[j].cap:
        return None
    if ROLE_HEADS.match(doc, j) is not None or tokens[j].key in NOT_NAMES:
        return None
    if tokens[j].key in ROLE_MODIFIERS and modified_role(doc, j):
        return None  # "Pj. Sekda", "Plt Kepala Dinas": a post, not a name
    if j in mentions.inside:
        return None  # "KJRI Hamburg": the seat of a body, read as part of its name
    mention = mentions.at.get(j)
    if mention is not None and not mention.places:
        after = mention.last + 1
        follows = after < len(tokens) and tokens[after].cap and after not in mentions.at
        # one word only: "Sukamara, Kalimantan Tengah Rendy Lesmana" names the province
        single = mention.first == mention.last and not any(
            r.type == "province" for r in mention.regions
        )
        if not (after_place and mention.regions and follows and single):
            return None  # "Wali Kota Makassar, Sulawesi Selatan" is a place, not a name
    first, last, words = j, j, 0
    while j < len(tokens) and words < MAX_NAME:
        token = tokens[j]
        if words and token.word and fold_degree(token.text) in DEGREES:
            break  # "Ishaq Iskandar MKes MM": degrees after a name, no comma before them
        if token.word and token.cap and token.key not in NAME_ENDERS:
            last, words = j, words + 1
            if j + 1 < len(tokens) and tokens[j + 1].text == "." and len(token.text) <= 3:
                j += 1  # an initial: "M." or "Moh."
        elif token.word and token.key in NAME_PARTICLES and next_is_name(doc, j):
            pass
        elif token.text in "-'’" and glued(doc, j) and tokens[j + 1].word:
            j, last = j + 1, j + 1  # "Jae-won", "Pa'gellu"
        elif token.text in QUOTES and next_is_name(doc, j):
            pass
        else:
            break
        j += 1
    if words == 0 or words >= MAX_NAME:
        return None
    if all(tokens[k].key in ROLE_WORDS for k in range(first, last + 1) if tokens[k].word):
        return None
    text = doc.surface(first, last)
    if is_degree(text):
        return None  # "H.Haliana,S.E", "Mathius Awoitauw, S.E., M.Si": a degree, not a name
    return first, last, text


DEGREES = words(
    "sh se st mt mm mh mp ma ba bsc msc mba phd ssos sip mip spd mpd msi mkn skm mkes skom "
    "mkom sth ssi sstp stp mag mhum shum sag mag llm "
    # honours and offices written after a name: "Penny Williams PSM", "Natasha Fyles MLA"
    "psm mla obe mbe cbe"
)
DEGREE_WORD = 3


def fold_degree(text: str) -> str:
    return text.replace(".", "").lower()


def is_degree(text: str) -> bool:
    """ "S.E", "M.Kn", "SH", "Ph.D": academic degrees written after a name."""
    parts = text.replace(".", " ").split()
    if not parts:
        return False
    if "".join(parts).lower() in DEGREES:
        return True
    return "." in text and all(len(part) <= DEGREE_WORD for part in parts)


def next_is_name(doc: Doc, j: int) -> bool:
    """The next word is capitalised, possibly after more particles ("van der Berg")."""
    j += 1
    while j < len(doc.tokens) and doc.tokens[j].key in NAME_PARTICLES:
        j += 1
    return j < len(doc.tokens) and doc.tokens[j].word and doc.tokens[j].cap


# Military and police ranks, their corps and "(Purn)" (retired), which open a name like a
# title: "Brigjen Pol (Purn) Dr. Antonius Ginting", "Kolonel Inf Budi Santoso".
RANKS = words(
    "jenderal letjen mayjen brigjen kolonel kol letkol kapten lettu letda serka sertu komjen "
    "kombes kompol akbp akp iptu ipda laksamana laksdya laksda laksma marsekal marsdya marsda "
    "marsma pol inf kav art purn tni"
)
RANK_BRACKETS = frozenset({"(", "[", ")", "]"})


def skip_titles(doc: Doc, j: int) -> int:
    tokens = doc.tokens
    malay = False
    while (
        j < len(tokens)
        and tokens[j].word
        and (
            tokens[j].key in TITLES
            or tokens[j].key in RANKS
            or (malay and tokens[j].key in MALAY_HONORIFICS)
            or excellency(doc, j)
        )
    ):
        malay = malay or tokens[j].key in {"dato", "datuk", "datin", "tun"}
        nxt = j + 1
        if nxt < len(tokens) and tokens[nxt].text in {".", "'", "’"}:
            nxt += 1
        while tokens[j].key in RANKS and nxt < len(tokens) and tokens[nxt].text in RANK_BRACKETS:
            nxt += 1  # "Pol [Purn]"
        if nxt >= len(tokens) or not tokens[nxt].word:
            break
        if not (tokens[nxt].cap or tokens[nxt].key in OPENING_TITLES):
            break  # "Dr dr HM Ishaq Iskandar": a lowercase title still opens the name
        j = nxt
    return j


def excellency(doc: Doc, j: int) -> bool:
    """ "H.E Penny Williams", "HE Glen Askew": His or Her Excellency before an envoy's name."""
    token = doc.tokens[j]
    if token.text == "HE":
        return True
    return (
        token.text == "E" and j >= 2 and doc.tokens[j - 1].text == "." and doc.key_at(j - 2) == "h"
    )


def part_of_name(doc: Doc, i: int) -> bool:
    """Token i can sit inside a name read backwards: a capitalised word, a particle between
    capitals ("van der"), a glued hyphen ("Jae-won") or the dot of an initial ("M.")."""
    token = doc.tokens[i]
    if token.word:
        return token.cap or (token.key in NAME_PARTICLES and i > 0 and doc.tokens[i - 1].word)
    if token.text in "-'’." and glued(doc, i):
        return True
    before = doc.tokens[i - 1] if i > 0 else None
    return (
        token.text == "."
        and before is not None
        and before.cap
        and before.end == token.start
        and len(before.text) <= 3
    )


POSSESSIVE_OPENER = 7


def is_possessive_opener(doc: Doc, i: int) -> bool:
    """ "Narasumbernya Veronica Wally selaku ...": a long word with "-nya" opening the
    sentence is a noun ("its speakers"), not part of the name."""
    key = doc.tokens[i].key
    first_of_sentence = doc.sentences[doc.tokens[i].sentence][0] == i
    return first_of_sentence and key.endswith("nya") and len(key) >= POSSESSIVE_OPENER


def name_before(
    doc: Doc, mentions: Mentions, role_first: int, *, bare: bool = False
) -> tuple[int, int, str] | None:
    """ "Name, Role" or "Name selaku Role": the name that ends just before the role; with
    `bare`, also "ke ruang kerja Tri Rismaharini Wali Kota Surabaya" (a name of two words or
    more right before the role, after a lowercase word)."""
    tokens = doc.tokens
    k = role_first - 1
    separated = k >= 1 and (tokens[k].text in {",", "("} or tokens[k].key in {"selaku", "sebagai"})
    if not separated:
        return bare_name_before(doc, mentions, role_first) if bare else None
    last = k - 1
    start = last
    while start - 1 >= 0 and part_of_name(doc, start - 1):
        start -= 1
    if last < start or not tokens[last].word:
        return None
    while start < last and (
        tokens[start].key in SENTENCE_OPENERS or is_possessive_opener(doc, start)
    ):
        start += 1
    start = skip_titles(doc, start)
    found = read_name(doc, mentions, start)
    if found is None or found[1] != last:
        return None
    if found[1] == found[0] and not single_name(doc, found[0], k):
        return None
    if any(k in mentions.at and not mentions.at[k].places for k in range(found[0], last + 1)):
        return None
    return found


def single_name(doc: Doc, i: int, separator: int) -> bool:
    """ "oleh Sumarno selaku Sekretaris Daerah": many Indonesians have one name; before
    "selaku" (said only of a person) a single capitalised word after a lowercase word or a
    comma is one, not an acronym."""
    token = doc.tokens[i]
    if doc.tokens[separator].key != "selaku" or token.upper or not token.cap:
        return False
    before = i - 1
    return before >= 0 and (not doc.tokens[before].cap or not doc.tokens[before].word)


def _role_before_name(doc: Doc, first: int, role_end: int, name: tuple[int, int, str]) -> Person:
    """The person named after a role running from `first` to `role_end` (its qualifier
    included): the name's tokens reach to the role's end."""
    return Person(
        name=name[2],
        role=doc.surface(first, role_end),
        name_span=doc.span(name[0], name[1]),
        role_tokens=(first, role_end),
        name_tokens=(name[0], role_end),
    )
