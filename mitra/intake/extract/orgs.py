"""Organisations named in cooperation sentences: institutions, companies, foreign governments.

A capitalised run is an organisation when a cue says so:

- a word in the name: a company form ("PT", "Ltd", "GmbH", "Oy"), an institution word
  ("Universitas", "Foundation", "Agency"), a government word ("Pemerintah", "Kementerian");
- a description beside it: "perusahaan energi asal Korea Selatan, Hanbit Solar Co., Ltd.",
  "lembaga riset Belanda, Deltares,";
- capitals the gazetteer does not know, with a country right after them: "ENGIE INEO France".

Its country comes from a country or foreign place inside the name, right after it ("asal
Jepang"), in its description, or the one foreign country left free in its sentence (decided
when partners are put together). Indonesian public bodies (Dinas, Badan, Kementerian ...
without a foreign country) are the region's own or the centre's, never partners; neither are
the region's own enterprises (Perumda, PDAM). Embassies and consulates only facilitate.
"""

from dataclasses import dataclass

from mitra.intake.extract.context import is_facilitator, is_venue, previous_word
from mitra.intake.extract.lexicon import CAMPUS_TYPES, DEMONYMS, LEGAL_FORMS, words
from mitra.intake.extract.mentions import Mention, Mentions
from mitra.intake.extract.names import Run, acronym_uses
from mitra.intake.extract.tokens import Doc
from mitra.lib.text import company_key, fold

GOVERNMENT = words(
    "pemerintah government kementerian kementrian ministry departemen department parlemen "
    "parliament kabinet cabinet"
)
EMBASSY = words("kedutaan kedubes embassy konsulat consulate kbri kjri konjen")
PUBLIC_BODY = words(
    "badan lembaga dinas komisi dewan majelis pusat balai biro bagian bidang sekretariat "
    "direktorat inspektorat satuan kepolisian polda polres polrestabes polri tni kodam korem "
    "kecamatan kelurahan desa dprd dpr mpr otoritas unit uptd kantor pemkot pemkab pemprov "
    "pemda kemendagri kemenlu setda bappeda diskominfo"
)
OWN_ENTERPRISE = words("perumda perusda bumd pdam")
# "Organisasi Perangkat Daerah", "Satuan Kerja Perangkat Daerah": a region's own apparatus.
OWN_APPARATUS = words("perangkat")
# "Gedung Rektorat Universitas Brawijaya Lantai VI", "Aula Kantor Bupati": a place to meet,
# named after the body that owns it, is a venue and no party.
BUILDING_HEADS = words("gedung aula ruang ruangan lantai hotel pendopo wisma graha jamuan")
# "Pemerintah Provinsi Chungcheong Selatan" is a region's government, not a country's.
LOCAL_WORDS = words(
    "kota kabupaten provinsi prefektur negara distrik metropolitan city province prefecture "
    "state municipal"
)
INSTITUTION = (
    words(
        """
    universitas university universiti universiteit universitat universite universidad
    universita universidade hogeschool institut institute politeknik polytechnic college
    akademi academy sekolah school yayasan foundation stichting asosiasi association
    perkumpulan himpunan ikatan federasi federation kamar chamber kadin museum hospital klinik
    clinic society network jaringan alliance aliansi council board agency authority commission
    organization organisation organisasi bank trust fund institution centre center laboratory
    laboratorium observatory consortium konsorsium koperasi cooperative rumah sakit rs
    """
    )
    | CAMPUS_TYPES
)
DOMESTIC_COMPANY = words("pt cv perum pd persero tbk")
COMPANY_WORDS = LEGAL_FORMS | words(
    """
    company group holdings holding industries technologies tech solutions systems motors
    electric electronics airlines airways engineering construction consulting logistics pharma
    pharmaceuticals kabushiki kaisha
    """
)
# Words of Indonesian institution names: with them and no foreign country, the body is domestic.
INDONESIAN_WORDS = (
    words(
        "universitas institut politeknik sekolah tinggi akademi yayasan asosiasi perkumpulan "
        "himpunan ikatan kamar dagang industri koperasi rumah sakit bank negeri nasional indonesia "
        "daerah"
    )
    | CAMPUS_TYPES
)
COMPANY_CUES = words("swasta perusahaan company korporasi investor bisnis pengusaha industri")
ORIGIN_WORDS = words("asal dari from berbasis based")
# Lowercase descriptions of a body named beside them, and the kind they imply.
DESCRIPTIONS: dict[str, str] = {
    **dict.fromkeys(
        [
            "perusahaan", "firma", "korporasi", "pengembang", "operator", "produsen", "startup",
            "investor",
        ],
        "company",
    ),
    **dict.fromkeys(
        [
            "lembaga", "badan", "organisasi", "universitas", "kampus", "institut", "yayasan",
            "lsm", "asosiasi", "perguruan", "sekolah", "bank", "donor", "ngo",
        ],
        "institution",
    ),
}  # fmt: skip
DESCRIPTION_REACH = 8
# Capitalised in a document's title, these open its subject, never a body's name: "Kesepakatan
# Bersama antara Pemprov NTB dengan PT Bali Seafood Indonesia Tentang Kerja Sama ...".
SUBJECT_WORDS = words("tentang mengenai perihal")


def before_subject(doc: Doc, run: Run) -> Run:
    """The run cut before a capitalised "Tentang" and what follows it."""
    for j in range(run.first + 1, run.last + 1):
        if doc.tokens[j].key in SUBJECT_WORDS:
            return Run(run.first, j - 1, None)
    return run


# Between a description's comma and the name it describes: "investor asal Korea, yakni PT X".
APPOSITION_WORDS = words("yakni yaitu ialah bernama")
# Words of "one of" before a description after the name: "salah satu investor", "sebuah LSM".
ONE_OF = words("salah satu sebuah seorang")
# Right before a capitalised run these make it an office a person holds, not a body: the
# portfolio of a minister ("Menteri Urusan Negara Bagian Queenland", "Wakil Menteri Ekonomi
# dan Energi Republik Federasi Jerman").
PORTFOLIO_HEADS = words("menteri mentri minister wamen menko")
# Right before a body these make it the owner of the one described: "milik pemerintah Korea
# Selatan", "dimiliki Pemerintah Jepang", "owned by".
OWNERSHIP = words("milik dimiliki kepunyaan by")
# A public body whose nationality the sentence must still show; dropped if it does not.
PUBLIC_BODY_KIND = "public_body"
CENTRAL_BODY_KIND = "central_body"
CENTRAL_HEADS = words("kementerian kementrian inspektorat lembaga badan")
CENTRAL_MARKS = words("kementerian kementrian negara nasional republik")


GENERIC_NAME_WORDS = (
    GOVERNMENT
    | PUBLIC_BODY
    | INSTITUTION
    | COMPANY_WORDS
    | DOMESTIC_COMPANY
    | words(
        "perusahaan pemerintah pemerintahan daerah dan of the for kerja sama kerjasama air "
        "swasta asing negara umum mitra pihak"
    )
)


def is_common_noun(name: str) -> bool:
    """A capitalised description with no name in it: every word is a kind of body or a
    function word, or a stray legal form ("PT", "GmbH", "Pd")."""
    keys = fold(name).split()
    return all(key in GENERIC_NAME_WORDS or len(key) <= 2 for key in keys)


def is_central(keys: list[str]) -> bool:
    """A ministry, or an agency of the state ("Lembaga Administrasi Negara", "Badan Nasional
    ...", "Inspektorat Jenderal Kementerian Dalam Negeri")."""
    if keys[0] in {"kementerian", "kementrian"}:
        return len(keys) > 1
    return keys[0] in CENTRAL_HEADS and bool(set(keys[1:]) & CENTRAL_MARKS)


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    kind: str  # a PARTNER_KIND, or PUBLIC_BODY_KIND until its country is known
    country: str | None
    evidence: tuple[tuple[int, int], ...]
    tokens: tuple[int, int]
    consumed_country: Mention | None  # the country mention that told its nationality
    seats: tuple[int, ...] = ()  # tokens of the places written right after its acronym


def find_organisations(
    doc: Doc, mentions: Mentions, runs: list[Run], cooperation: list[bool]
) -> list[Organisation]:
    found: dict[str, Organisation] = {}
    runs = [leading_country_dropped(doc, mentions, run) for run in runs]
    parts = [part for run in runs for part in split_after_country(doc, mentions, run)]
    wholes: list[Run] = []
    siblings: set[int] = set()  # the second of "PT A dan B dari Australia": a company too
    parts = [part for run in parts for part in split_conjoined(doc, mentions, run)]
    # "dua perusahaan asal Korea Selatan, Encored dan ELT Energy": the members of a list after
    # a description take its kind and country
    listed: dict[int, tuple[str, Mention]] = {}
    ends: dict[int, tuple[str, Mention]] = {}
    parts = [part for run in parts for part in split_described(doc, mentions, run, listed, ends)]
    for part_run in parts:
        split = split_before_origin(doc, mentions, part_run)
        siblings.update(part.first for part in split[1:])
        wholes += split
    for whole in wholes:
        if any(i in mentions.at and mentions.at[i].institutions for i in (whole.first, whole.last)):
            continue  # a known body, handled from the gazetteer
        mention = mentions.at.get(whole.first)
        if mention is not None and mention.first == whole.first and mention.last == whole.last:
            continue  # "Brisbane": a place, a region or a country, not a body
        fronted = acronym_before(doc, whole)
        if in_brackets(doc, whole) and fronted is None:
            continue  # "Institut Pertanian Bogor (IPB University)": another name of the body
        if doc.key_at(previous_word(doc, whole.first)) in PORTFOLIO_HEADS:
            continue  # "Wakil Menteri Ekonomi dan Energi ...": a minister's portfolio, an office
        if doc.key_at(previous_word(doc, whole.first)) in OWNERSHIP:
            continue  # "Kopia, BUMN milik pemerintah Korea Selatan": the owner, not a party
        if names_a_field(doc, whole.first):
            continue  # "meliputi Bidang Kepariwisataan": a field of the cooperation, no office
        if only_describes_a_place(doc, mentions, whole):
            continue  # "Negara Bagian Australia Timurlaut": where a partner lies, no body
        run, after = split_country(doc, mentions, whole)
        if run is None:
            continue
        run, seat = split_seat(doc, mentions, run)
        run = before_subject(doc, run)
        after = after or country_after(doc, mentions, run.end_token)
        described = description(doc, mentions, run) or listed.get(run.first)
        if after is None and described is not None:
            after = described[1]  # "perusahaan asal Finlandia, Aquavalo Oy"
        head = head_noun(doc, mentions, run)
        if after is None and head is not None and head[1] is not None:
            after = head[1]  # "perusahaan Jepang Sanyo Denki"
        kind_country = classify(doc, mentions, run, after)
        if kind_country is None and described is not None:
            kind_country = described[0], described[1].countries[0].code
        if kind_country is None and head is not None and after is not None:
            code = after.countries[0].code
            if code != "ID":
                kind_country = f"foreign_{head[0]}", code
        # What the reporter calls the body ("perusahaan Ruijie Network dari China",
        # "perusahaan asal China, Ruijie Network") says its kind better than its name's words.
        said = described[0] if described is not None else None
        said = said or (f"foreign_{head[0]}" if head is not None else None)
        if kind_country is not None and said and kind_country[0] in FOREIGN_BODY_KINDS:
            kind_country = said, kind_country[1]
        if kind_country is not None and kind_country[1] == "ID" and described is not None:
            # "PT Dragon Land, salah satu investor dari Korsel": a foreign firm's Indonesian
            # company form ("PT") says less than the reporter's description of it
            kind_country = described[0], described[1].countries[0].code
        if kind_country is None:
            kind_country = unknown_with_country(doc, run, after)
        if kind_country is None and whole.first in siblings and after is not None:
            kind_country = "foreign_company", after.countries[0].code
        if kind_country is not None and kind_country[1] is None and seat is not None:
            kind_country = kind_country[0], seat_country(seat)  # "Nordwasser GmbH Hamburg"
        # A body described as foreign ("perusahaan asal Prancis, Valoris SA") is named for the
        # cooperation the article is about, even sentences before the cooperation is; a
        # foreign government is thanked or offers its grant a sentence before or after it.
        near = len(doc.sentences) if described is not None else 0
        if kind_country is not None and kind_country[0] == "foreign_government":
            if national_pair(doc, whole):
                continue
            near = max(near, 1)
        # a description before the name may itself say where the body sits ("perusahaan
        # yang berbasis di Singapura, Aslan Energy Capital"): no venue of the name
        if kind_country is None or not is_partner(
            doc, run, cooperation, near=near, venue=not based_before(doc, run)
        ):
            continue
        kind, country = kind_country
        name_run = (
            whole if kind == "foreign_government" or country_completes(doc, whole, run) else run
        )
        name = org_name(doc, name_run)
        uses = acronym_uses(doc, run)
        first = name_run.first
        if fronted is not None:  # "UNS (Universitas Sebelas Maret)": its acronym's uses
            first = fronted
            text = doc.tokens[fronted].text
            uses = [
                (i, i)
                for i in doc.positions.get(doc.tokens[fronted].key, ())
                if i != fronted and doc.tokens[i].text == text and not doc.excluded[i]
            ]
        spans = [doc.span(first, name_run.end_token), *(doc.span(a, b) for a, b in uses)]
        key = dedupe_key(name)
        if key not in found:
            # The seat after the name is the company's, no partner of its own.
            end = seat.last if seat is not None else name_run.end_token
            seats = [
                place
                for n, a in enumerate([end + (fronted is not None), *(b for _a, b in uses)])
                # "LPP NTB": a region's own office names it; a foreign one sits there
                if (kind != PUBLIC_BODY_KIND or country not in {None, "ID"})
                and (place := place_after(doc, mentions, a, comma=n == 0)) is not None
            ]
            if fronted is not None and seats and seats[0][0] == end + 2:
                end = seats[0][1]  # "UNS (Universitas Sebelas Maret) Surakarta"
            found[key] = Organisation(
                name,
                kind,
                country,
                tuple(spans),
                (first, end),
                after,
                tuple(i for a, b in seats for i in range(a, b + 1)),
            )
    return merge_branches(list(found.values()))


PLACE_DESCRIPTION = LOCAL_WORDS | words(
    "bagian otonom khusus daerah wilayah timur barat utara selatan tengah timurlaut baratlaut "
    "tenggara baratdaya laut daya"
)


def only_describes_a_place(doc: Doc, mentions: Mentions, run: Run) -> bool:
    """A run of region words, directions and a country ("Negara Bagian Australia Timurlaut",
    "Provinsi Jepang Selatan") describes where something lies and names no body; region words
    and a foreign place ("Negara Bagian Queensland") name that place."""
    in_country, in_place = country_and_place_tokens(doc, mentions)
    keys = [(i, doc.tokens[i].key) for i in range(run.first, run.last + 1) if doc.tokens[i].word]
    if keys[0][1] in PLACE_DESCRIPTION and keys[-1][0] in in_place:
        return all(i in in_place or key in PLACE_DESCRIPTION for i, key in keys)
    return bool(in_country & {i for i, _ in keys}) and all(
        i in in_country or key in PLACE_DESCRIPTION for i, key in keys
    )


def country_and_place_tokens(doc: Doc, mentions: Mentions) -> tuple[set[int], set[int]]:
    """The tokens of the countries and of the foreign places named, gathered once per text."""
    cached = doc.derived.get("country and place tokens")
    if cached is None or cached[0] is not mentions:
        in_country = {i for m in mentions.countries for i in range(m.first, m.last + 1)}
        in_place = {i for m in mentions.places for i in range(m.first, m.last + 1)}
        cached = doc.derived["country and place tokens"] = (mentions, in_country, in_place)
    return cached[1], cached[2]


def leading_country_dropped(doc: Doc, mentions: Mentions, run: Run) -> Run:
    """ "perusahaan Jepang Sanyo Denki": after a lowercase description a country opening the
    run says where the body comes from; the name is what follows."""
    mention = mentions.at.get(run.first)
    if (
        mention is None
        or not mention.countries
        or mention.first != run.first
        or mention.last >= run.last
        or doc.key_at(previous_word(doc, run.first)) not in DESCRIPTIONS
    ):
        return run
    return Run(mention.last + 1, run.last, run.acronym, run.numeral)


def split_after_country(doc: Doc, mentions: Mentions, run: Run) -> list[Run]:
    """ "King's College London Inggris dan Western Sydney University", "Jepang dan Fakultas
    Ekonomi ...": a country closes a name, so "dan" after it starts another one."""
    for k in range(run.first + 1, run.last):
        token = doc.tokens[k]
        if token.key in {"dan", "serta"} and not token.cap:
            before = mentions.at.get(k - 1)
            if before is not None and before.countries and before.last == k - 1:
                rest = Run(k + 1, run.last, run.acronym, run.numeral)
                return [Run(run.first, k - 1, None), *split_after_country(doc, mentions, rest)]
    return [run]


def split_before_origin(doc: Doc, mentions: Mentions, run: Run) -> list[Run]:
    """ "PT Afenil Bintang Energi dan Infinity dari Australia": a company named by its legal
    form, then "dan" and a name that a foreign origin follows, are two bodies; the origin is
    the second one's ("Kementerian Pariwisata dan Ekonomi Kreatif" has no origin after it)."""
    if doc.tokens[run.first].key not in DOMESTIC_COMPANY or run.acronym is not None:
        return [run]
    origin = country_after(doc, mentions, run.last)
    if origin is None or doc.key_at(run.last + 1) not in ORIGIN_WORDS:
        return [run]
    for k in range(run.last - 1, run.first + 1, -1):
        if doc.tokens[k].key in {"dan", "serta"} and not doc.tokens[k].cap:
            return [Run(run.first, k - 1, None), Run(k + 1, run.last, None)]
    return [run]


BODY_CUES = INSTITUTION | COMPANY_WORDS | DOMESTIC_COMPANY | GOVERNMENT | words("lpk lsm ngo")
CONJUNCTIONS = words("dan serta and")


# An Indonesian company's closing forms belong to the whole "PT ..." name before them.
CLOSING_FORMS = words("tbk persero")


def split_conjoined(doc: Doc, mentions: Mentions, run: Run) -> list[Run]:
    """ "LPK Yasui Abadi Purbalingga dan Human Ring Cooperative", "PT A dan PT B": two bodies
    joined by "dan", each with a body word of its own at its start or end, are two members,
    not one name ("Kementerian Pariwisata dan Ekonomi Kreatif" has none on the right)."""
    if run.acronym is not None:
        return [run]
    for k in range(run.first + 1, run.last):
        if doc.tokens[k].key not in CONJUNCTIONS or doc.tokens[k].cap:
            continue
        left, right = (run.first, k - 1), (k + 1, run.last)
        if doc.key_at(right[0]) not in BODY_CUES and doc.key_at(right[1]) in CLOSING_FORMS:
            continue  # "PT Bank Pembangunan Daerah Jawa Barat dan Banten Tbk": one company
        if all(
            doc.key_at(first) in BODY_CUES
            or doc.key_at(last) in BODY_CUES
            or is_place(doc, mentions, first, last)  # "Kota Rotterdam dan Dutch Water Authority"
            for first, last in (left, right)
        ):
            return [Run(run.first, k - 1, None), Run(k + 1, run.last, None)]
    return [run]


def split_described(
    doc: Doc,
    mentions: Mentions,
    run: Run,
    listed: dict[int, tuple[str, Mention]],
    ends: dict[int, tuple[str, Mention]],
) -> list[Run]:
    """ "dua perusahaan asal Korea Selatan, Encored dan ELT Energy", "tiga perusahaan asal
    Jepang, A, B dan C": names joined by commas and "dan" after a description with a foreign
    country are members of a list, each a body of that kind and country (recorded in `listed`
    by its first token, in `ends` by its last)."""
    if run.acronym is not None:
        return [run]
    described = description(doc, mentions, run, before_only=True)
    if described is None and run.first >= 2 and doc.tokens[run.first - 1].text == ",":
        described = ends.get(run.first - 2)  # the list goes on past a comma
    if described is None:
        return [run]
    members, start = [], run.first
    for k in range(run.first + 1, run.last):
        if doc.tokens[k].key in CONJUNCTIONS and not doc.tokens[k].cap:
            members.append(Run(start, k - 1, None))
            start = k + 1
    members.append(Run(start, run.last, None))
    for member in members:
        listed[member.first] = described
    ends[run.last] = described
    return members


BASED = words("berbasis berkantor bermarkas berkedudukan based")


def based_before(doc: Doc, run: Run) -> bool:
    """ "perusahaan yang berbasis di Singapura, Aslan Energy Capital": the place before the
    comma is where the body sits, not the venue of what it does."""
    tokens = doc.tokens
    if run.first < 2 or tokens[run.first - 1].text != ",":
        return False
    j = run.first - 2
    while (
        j > 0
        and run.first - j <= DESCRIPTION_REACH
        and tokens[j].sentence == tokens[run.first].sentence
    ):
        if tokens[j].key == "di" and doc.key_at(previous_word(doc, j)) in BASED:
            return True
        j -= 1
    return False


FIELD_HEADS = words("bidang sektor")


def names_a_field(doc: Doc, first: int) -> bool:
    """ "meliputi Bidang Kepariwisataan, Bidang Pendidikan dan Kebudayaan": "Bidang" with no
    office or role word right before it heads a field of the cooperation ("Kepala Bidang
    Pendidikan" is an office's section)."""
    if doc.tokens[first].key not in FIELD_HEADS:
        return False
    return first == 0 or not (doc.tokens[first - 1].word and doc.tokens[first - 1].cap)


def is_place(doc: Doc, mentions: Mentions, first: int, last: int) -> bool:
    """Tokens `first` to `last` name one place or region, with its word of place or not
    ("Kota Rotterdam", "Provinsi Guangxi", "Busan")."""
    mention = mentions.at.get(last)
    if mention is None or mention.last != last or not (mention.places or mention.regions):
        return False
    return mention.first == first or (
        mention.first == first + 1 and doc.key_at(first) in LOCAL_WORDS
    )


def government_runs(doc: Doc, mentions: Mentions) -> list[Run]:
    """ "ditanggung pemerintah Turkiye": a foreign government written in lowercase, the word
    "pemerintah" and the country right after it (capitalised names are runs already)."""
    out: list[Run] = []
    for i, token in enumerate(doc.tokens[:-1]):
        if token.key != "pemerintah" or token.cap:
            continue
        mention = mentions.at.get(i + 1)
        if (
            mention is not None
            and mention.first == i + 1
            and mention.countries
            and mention.countries[0].code != "ID"
        ):
            out.append(Run(i, mention.last, None))
    return out


NATIONAL = words("indonesia ri nkri")


def national_pair(doc: Doc, run: Run) -> bool:
    """ "kerja sama Pemerintah Republik Federal Jerman dan Pemerintah Republik Indonesia": a
    cooperation between two states, background to a region's own."""
    first, end = doc.sentence_of(run.first)
    for i in range(first, end - 1):
        if doc.tokens[i].key == "pemerintah" and i != run.first:
            ahead = {doc.key_at(i + 1), doc.key_at(i + 2), doc.key_at(i + 3)}
            if ahead & NATIONAL:
                return True
    # "hubungan Pemerintah Jepang dengan Indonesia", "pemerintah Korea Selatan dan Indonesia"
    j = run.end_token + 1
    if doc.key_at(j) in {"dan", "dengan"}:
        ahead = {doc.key_at(j + 1), doc.key_at(j + 2), doc.key_at(j + 3)}
        return bool(ahead & NATIONAL)
    return False


def in_brackets(doc: Doc, run: Run) -> bool:
    tokens = doc.tokens
    return (
        run.first >= 2
        and tokens[run.first - 1].text == "("
        and tokens[run.first - 2].word
        and run.last + 1 < len(tokens)
        and tokens[run.last + 1].text == ")"
    )


def acronym_before(doc: Doc, run: Run) -> int | None:
    """ "UNS (Universitas Sebelas Maret)": a lone acronym whose full name the brackets after it
    write, its initial first; the body is named, its acronym the name it goes by."""
    if not in_brackets(doc, run) or run.last - run.first < 1:
        return None
    acronym = doc.tokens[run.first - 2]
    if not acronym.upper or acronym.text[0] != doc.tokens[run.first].text[0]:
        return None
    return run.first - 2


SEAT_WORDS = words("asal berbasis based")
OTHER_NAME_REACH = 8


def past_other_name(doc: Doc, j: int) -> int:
    """Past the other name of a body written in brackets after it ("Dewan Air Belanda (Dutch
    Water Authority), Rotterdam"): the place after the brackets is still the body's seat."""
    tokens = doc.tokens
    if j >= len(tokens) or tokens[j].text != "(":
        return j
    for k in range(j + 1, min(j + OTHER_NAME_REACH, len(tokens))):
        if tokens[k].text == ")":
            return k + 1
        if not (tokens[k].word and tokens[k].cap):
            return j
    return j


def place_after(
    doc: Doc, mentions: Mentions, last: int, *, comma: bool = False
) -> tuple[int, int] | None:
    """ "UNS Surakarta", "(Universitas Sebelas Maret) Surakarta": a region or town written right
    after a body's acronym or name is where the body sits, no party of its own; with `comma`
    also after a comma when the place closes the clause ("Universitas Alma Ata, Yogyakarta.")
    and no list goes on after it ("..., Yogyakarta, dan Pemkab Bantul")."""
    tokens = doc.tokens
    j = past_other_name(doc, last + 1)
    if comma and j < len(tokens) and tokens[j].text == ",":
        j += 1
    elif j < len(tokens) and tokens[j].key in SEAT_WORDS:
        j += 1  # "Dutch Water Authority asal Rotterdam"
    else:
        comma = False
    if j >= len(tokens) or tokens[j].sentence != tokens[last].sentence:
        return None
    mention = mentions.at.get(j)
    if mention is None or mention.first != j or mention.countries:
        return None
    if not (mention.regions or mention.places):
        return None
    if comma:
        k = mention.last + 1
        closes = k >= len(tokens) or tokens[k].sentence != tokens[j].sentence
        closes = closes or tokens[k].text in {".", ";", ")"}
        if tokens[k].text == "," and k + 1 < len(tokens):
            closes = tokens[k + 1].key not in {"dan", "serta", "and"}
        if not closes:
            return None
    return (mention.first, mention.last)


def merge_branches(organisations: list[Organisation]) -> list[Organisation]:
    """ "PT Angkasa Pura I Cabang Makassar" after "PT Angkasa Pura I": one body."""
    kept: list[Organisation] = []
    for org in organisations:
        words_ = org.name.lower().split()
        parent = next(
            (k for k in kept if words_[: len(k.name.split())] == k.name.lower().split()), None
        )
        if parent is None:
            kept.append(org)
        else:
            index = kept.index(parent)
            kept[index] = Organisation(
                parent.name,
                parent.kind,
                parent.country,
                parent.evidence + org.evidence,
                parent.tokens,
                parent.consumed_country,
                parent.seats + org.seats,
            )
    return kept


def classify(
    doc: Doc, mentions: Mentions, run: Run, after: Mention | None
) -> tuple[str, str | None] | None:
    """(kind, country) from the words of a run, or None when they make no partner body."""
    keys = [doc.tokens[i].key for i in range(run.first, run.last + 1) if doc.tokens[i].word]
    inside = [mentions.at[i] for i in range(run.first, run.last + 1) if i in mentions.at]
    countries = [after.countries[0].code] if after is not None else []  # it says so last
    countries += [c.code for m in inside for c in m.countries]
    countries += [m.places[0].place.country for m in inside if m.places]
    countries += [DEMONYMS[key] for key in keys if key in DEMONYMS]
    domestic = any(m.regions for m in inside) or "ID" in countries
    foreign = next((c for c in countries if c != "ID"), None)
    keyset = set(keys)
    if keys[0] in OWN_ENTERPRISE and any(m.regions for m in inside) and not keyset & EMBASSY:
        # "PDAM Kota Magelang", "Perumda Air Minum Kota Batu": a regional enterprise that
        # names its region; a party unless that region is the story's own (decided later)
        return ("domestic_party", "ID")
    if keyset & EMBASSY or keyset & OWN_ENTERPRISE or keyset & OWN_APPARATUS:
        return None
    if keys[0] in BUILDING_HEADS or "lantai" in keyset:
        return None
    if is_central(keys) and not foreign:
        # "Kementerian Luar Negeri", "Lembaga Administrasi Negara": a party only as the
        # counterpart of a region, decided with the sentence.
        return (CENTRAL_BODY_KIND, "ID")
    if keys[0] in GOVERNMENT or keys[0] in {"pemkot", "pemkab", "pemprov"}:
        local = set(keys[1:3]) & LOCAL_WORDS
        if local == {"negara"} and "bagian" not in keys:
            local = set()  # "Pemerintah Negara Republik Demokratik Timor Leste": the state
        if any(m.places or m.regions for m in inside) or local:
            return None  # a city's or region's government: the place rules handle it
        return ("foreign_government", foreign) if foreign else None
    if keyset & DOMESTIC_COMPANY:
        return ("domestic_party", "ID")
    if keyset & COMPANY_WORDS and keys[-1] in COMPANY_WORDS:
        return ("foreign_company", foreign)
    if keyset & INSTITUTION:
        if foreign:
            return ("foreign_institution", foreign)
        if domestic or keyset & INDONESIAN_WORDS:
            return ("domestic_party", "ID")
        return ("foreign_institution", None)
    if keyset & PUBLIC_BODY and not domestic:
        # A foreign body only if a foreign country goes with it; decided with the sentence.
        return (PUBLIC_BODY_KIND, foreign)
    return None


FOREIGN_BODY_KINDS = frozenset({"foreign_institution", "foreign_company"})


def head_noun(doc: Doc, mentions: Mentions, run: Run) -> tuple[str, Mention | None] | None:
    """ "perusahaan Ruijie Network", "perusahaan Jepang Sanyo Denki": a lowercase description
    right before the name, maybe past its country: (its kind, the country)."""
    j = previous_word(doc, run.first)
    country = None
    mention = mentions.at.get(j) if j >= 0 else None
    if mention is not None and mention.countries and mention.last == j:
        country = mention
        j = previous_word(doc, mention.first)
    if j < 0 or doc.tokens[j].cap or doc.tokens[j].key not in DESCRIPTIONS:
        return None
    return DESCRIPTIONS[doc.tokens[j].key], country


def description(
    doc: Doc, mentions: Mentions, run: Run, *, before_only: bool = False
) -> tuple[str, Mention] | None:
    """ "perusahaan asal Finlandia, Aquavalo Oy," or "Deltares, lembaga riset Belanda,":
    (kind, its foreign country) when a lowercase description with a country stands beside it.
    """
    tokens = doc.tokens
    sentence = tokens[run.first].sentence
    sides = []
    comma = run.first - 1
    if comma > 0 and tokens[comma].key in APPOSITION_WORDS:
        comma -= 1  # "investor asal Korea Selatan, yakni PT Informasi Geo Sistem"
    if comma > 0 and tokens[comma].text == ",":
        sides.append(range(comma - 1, max(-1, comma - 1 - DESCRIPTION_REACH), -1))
    after = run.end_token + 1
    noun = after + 1
    while noun < len(tokens) and noun - after <= len(ONE_OF) and tokens[noun].key in ONE_OF:
        noun += 1  # "PT Dragon Land, salah satu investor dari Korsel"
    if (
        not before_only
        and noun < len(tokens)
        and tokens[after].text == ","
        and tokens[noun].key in DESCRIPTIONS
    ):
        sides.append(range(noun, min(len(tokens), noun + DESCRIPTION_REACH)))
    for side in sides:
        kind, country = None, None
        for j in side:
            token = tokens[j]
            if token.sentence != sentence or token.text in {",", ".", ";", ":"}:
                break
            mention = mentions.at.get(j)
            if mention is not None and mention.countries and country is None:
                country = mention
            # capitalised only as a sentence's first word: "Perusahaan investasi yang berbasis
            # di Singapura, Aslan Energy Capital"
            lowercase = not token.cap or j == 0 or not tokens[j - 1].word
            if token.word and lowercase and token.key in DESCRIPTIONS and kind is None:
                kind = DESCRIPTIONS[token.key]
        if kind is not None and country is not None and country.countries[0].code != "ID":
            return (f"foreign_{kind}", country)
    return None


# Legal forms written as abbreviations with a dot.
DOTTED_FORMS = words("ltd inc co corp bhd sdn pte pty")


def org_name(doc: Doc, run: Run) -> str:
    """The run as written, legal forms included ("Hanbit Solar Co., Ltd.", "Aquavalo Oy"): the
    legal form belongs to the name an officer records and signs with; scoring and the partner
    register compare names without it (`mitra.lib.text.company_key`)."""
    tokens = doc.tokens
    end = run.last
    while end > run.first and not tokens[end].word and tokens[end].text not in {".", ")"}:
        end -= 1
    after = end + 1
    if (
        after < len(tokens)
        and tokens[after].text == "."
        and tokens[end].key in DOTTED_FORMS
        and tokens[after].start == tokens[end].end
    ):
        end = after  # the abbreviation's dot: "Ltd.", "Bhd." (not a sentence's after "Tbk")
    if run.numeral is not None:  # "PT Perkebunan Nusantara (PTPN) XII"
        return f"{doc.surface(run.first, end)} {doc.tokens[run.numeral].text}"
    return doc.surface(run.first, end)


def dedupe_key(name: str) -> str:
    """ "Universiteit Leiden" and "Universitas Leiden" are one body, and so are "Hanbit Solar
    Co., Ltd." and "Hanbit Solar"."""
    words_ = company_key(name).split()
    return " ".join(
        "university" if w in INSTITUTION and w.startswith("univ") else w for w in words_
    )


def is_partner(
    doc: Doc, run: Run, cooperation: list[bool], *, near: int = 0, venue: bool = True
) -> bool:
    """Named in a cooperation sentence (itself or by its acronym; `near` sentences around it
    count too), not as venue or facilitator."""
    sentences = {doc.tokens[run.first].sentence}
    sentences |= {doc.tokens[a].sentence for a, _b in acronym_uses(doc, run)}
    sentences |= {s + d for s in sentences for d in range(-near, near + 1)}
    sentences = {s for s in sentences if 0 <= s < len(cooperation)}
    if not any(cooperation[s] for s in sentences):
        return False
    return not (is_facilitator(doc, run.first) or (venue and is_venue(doc, run.first)))


def split_seat(doc: Doc, mentions: Mentions, run: Run) -> tuple[Run, Mention | None]:
    """ "Nordwasser GmbH Hamburg", "Yasu Project CO Ltd Ginza Tokyo": a company's name ends
    with its legal form; a foreign place after it is where the company sits."""
    seat = mentions.at.get(run.last)
    if seat is None or not seat.places or seat.regions or seat.countries or run.acronym:
        return run, None
    forms = [
        k
        for k in range(run.first + 1, seat.first)
        if doc.tokens[k].key in LEGAL_FORMS and doc.tokens[k].key not in DOMESTIC_COMPANY
    ]
    if not forms:
        return run, None
    return Run(run.first, forms[-1], None), seat


def seat_country(seat: Mention) -> str:
    return max(seat.places, key=lambda c: (c.main, c.place.population)).place.country


NAME_GOES_ON = words("yang yakni yaitu ialah seperti antara terdiri meliputi")


def country_completes(doc: Doc, whole: Run, run: Run) -> bool:
    """ "Dewan Air Belanda", "Kamar Dagang Jepang": a body named by what it is and whose it
    is; without its country the name would be a common noun. Not a description that a list
    or a clause goes on to name ("Konsorsium Perusahaan Jepang yang terdiri atas ...")."""
    if whole.last <= run.last or not is_common_noun(doc.surface(run.first, run.last)):
        return False
    return doc.key_at(whole.last + 1) not in NAME_GOES_ON


def split_country(doc: Doc, mentions: Mentions, run: Run) -> tuple[Run | None, Mention | None]:
    """ "ENGIE INEO France" -> the run "ENGIE INEO" and the country after it."""
    tail = mentions.at.get(run.last)
    if tail is None or not tail.countries or tail.first <= run.first or run.acronym:
        return run, None
    if tail.countries[0].code == "ID":
        return run, None
    last = tail.first - 1
    while last > run.first and not doc.tokens[last].word:
        last -= 1  # "ASEAN & Timor-Leste": no joiner ends the body's name
    core = Run(run.first, last, None)
    keys = {t.key for t in doc.tokens[core.first : core.last + 1]}
    named_body = bool(keys & (INSTITUTION | COMPANY_WORDS | GOVERNMENT))
    if not named_body and any(
        i in mentions.at and not mentions.at[i].countries for i in (core.first, core.last)
    ):
        return None, None  # "Icheon Korea Selatan": a place and its country, not a body
    return core, tail


def country_after(doc: Doc, mentions: Mentions, last: int) -> Mention | None:
    """A foreign country right after a name: "JICA (Jepang)", "asal Korea"."""
    j, legal = last + 1, 0
    while j < len(doc.tokens) and (
        doc.tokens[j].text in {",", "(", "-"}
        or doc.tokens[j].key in ORIGIN_WORDS
        # "Elenergy Capital Sdn. Bhd. Malaysia": the legal form's words and dots
        or (doc.tokens[j].key in LEGAL_FORMS and doc.tokens[j].cap)
        or (doc.tokens[j].text == "." and doc.tokens[j - 1].key in LEGAL_FORMS)
    ):
        legal += doc.tokens[j].key in LEGAL_FORMS or doc.tokens[j].text == "."
        j += 1
    mention = mentions.at.get(j)
    if mention is None or mention.first != j or not mention.countries:
        return None
    if mention.countries[0].code == "ID" or j - last - legal > 3:
        return None
    return mention


def unknown_with_country(
    doc: Doc, run: Run, after: Mention | None
) -> tuple[str, str | None] | None:
    """ "ENGIE INEO France": capitals the gazetteer does not know, with a country after them."""
    if after is None or after.first != run.last + 1:
        return None
    if not all(doc.tokens[i].upper for i in range(run.first, run.last + 1) if doc.tokens[i].word):
        return None
    first, end = doc.sentence_of(run.first)
    company = any(doc.tokens[i].key in COMPANY_CUES for i in range(first, end))
    kind = "foreign_company" if company else "foreign_institution"
    return kind, after.countries[0].code
