"""Members of a list after a descriptive head noun inherit the head's kind and country.

"Ketujuh kampus itu ialah A, B, C", "konsorsium perusahaan Jepang yang terdiri atas A, B dan
C", "LSM seperti A dan B", "empat provinsi di Tiongkok yaitu Guangxi, Chongqing, ...": the
head noun ("kampus", "perusahaan", "LSM", "provinsi") says what the members are, a country
between the head and the list word says where they come from, and a cooperation named in the
list's sentence or the one before it ("Pemkab Magelang resmi bermitra dengan 14 perguruan
tinggi. Daftarnya: ...") makes them parties. Members need no word of their own ("UINSI
Samarinda", "STMIK Widya Cipta Dharma").
"""

from dataclasses import dataclass

from mitra.intake.extract.dates import WEEKDAYS
from mitra.intake.extract.lexicon import phrases, words
from mitra.intake.extract.mentions import Mentions
from mitra.intake.extract.names import Run
from mitra.intake.extract.tokens import Doc

OPENERS = phrases(
    "ialah", "yaitu", "yakni", "adalah", "antara lain", "di antaranya", "diantaranya",
    "terdiri atas", "terdiri dari", "seperti", "meliputi", "daftarnya", "misalnya",
    "contohnya", "termasuk", "mencakup", "such as", "including", "beranggotakan",
)  # fmt: skip
COMPANY = "company"
INSTITUTION = "institution"
PLACE = "place"
# "organisasi perangkat daerah ... seperti Dinas Kominfo, Bappeda": a region's own offices,
# which carry out its cooperation and are no party of it.
OFFICE = "office"
OFFICE_HEADS = words("opd skpd dinas")
OFFICE_WORDS = words("perangkat")
HEADS: dict[str, str] = {
    **dict.fromkeys(["perusahaan", "korporasi", "investor", "firma", "bumn"], COMPANY),
    **dict.fromkeys(
        [
            "kampus", "perguruan", "universitas", "lembaga", "lsm", "ngo", "organisasi",
            "yayasan", "asosiasi", "institusi", "sekolah", "politeknik",
        ],
        INSTITUTION,
    ),
    **dict.fromkeys(
        ["provinsi", "prefektur", "kota", "kabupaten", "negara bagian", "distrik"], PLACE
    ),
}  # fmt: skip
HEAD_REACH = 10
PARTITIVES = words("di antaranya diantaranya antara lain")  # "Lima di antaranya ialah"
COUNTS = words(
    "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh beberapa sebagian sejumlah salah"
)
PRONOUNS = words("mereka ketiganya keduanya keempatnya kelimanya")
# "A, B dan tentunya C", "dan tentu saja C": words the reporter puts before the last member
LIST_ADVERBS = words("tentunya tentu saja juga")
MEMBER_JOINERS = words("dan serta and")
NAME_SPLITTERS = words("dan serta")
# Offices and faculties whose own names join two fields with "dan".
JOINED_NAME_HEADS = words(
    "kementerian dinas badan biro direktorat fakultas lembaga pusat balai kantor "
    "departemen komisi dewan majelis sekolah institut politeknik akademi museum"
)


@dataclass(frozen=True, slots=True)
class Member:
    run: Run
    kind: str  # COMPANY, INSTITUTION, PLACE or OFFICE
    country: str | None  # a foreign country said of the head, else None
    tail: Run | None = None  # "Institut Seni Indonesia (ISI) Yogyakarta": the words after
    opener: int = -1  # the list word's token: members of one list share it
    abroad: bool = False  # "LSM asing seperti ...": foreign, its country unsaid


def list_members(
    doc: Doc, mentions: Mentions, runs: list[Run], cooperation: list[bool]
) -> list[Member]:
    """Every capitalised run listed after a head noun and a list word, in a cooperation
    sentence or right after one."""
    starts = {run.first: run for run in runs}
    out: list[Member] = []
    for first, last, _values in OPENERS.scan(doc):
        if doc.excluded[first]:
            continue
        sentence = doc.tokens[first].sentence
        # "Lima di antaranya ialah ...", "Mereka adalah ...": a count or a pronoun before the
        # list word still opens the sentence
        opens_sentence = all(
            doc.tokens[k].key in COUNTS | PARTITIVES | PRONOUNS or doc.tokens[k].text.isdigit()
            for k in range(doc.sentences[sentence][0], first)
        )
        near = cooperation[sentence] or (sentence > 0 and cooperation[sentence - 1])
        # "Tiga BUMN membangun kawasan industri. Mereka adalah A, B dan C. Ketiganya meneken
        # MoU dengan Pemkab ...": a list that opens its sentence between its head and the
        # signing
        after = opens_sentence and sentence + 1 < len(cooperation) and cooperation[sentence + 1]
        if not (near or after):
            continue
        head = None if opens_sentence else find_head(doc, mentions, first)
        if head is None and opens_sentence and sentence > 0:
            # "... bermitra dengan 14 perguruan tinggi. Daftarnya: ..."
            head = find_head(doc, mentions, doc.sentences[sentence - 1][1], reach=HEAD_REACH * 2)
        if head is None:
            continue
        kind, country = head
        abroad = country is None and foreign_head(doc, first)
        for run, tail in members(doc, last + 1, starts):
            out.append(Member(run, kind, country, tail, first, abroad))
    return out


# Between a head noun and its list word these say the members come from abroad.
FOREIGN_WORDS = words("asing mancanegara")


def foreign_head(doc: Doc, opener: int) -> bool:
    """ "LSM asing seperti A dan B", "investor mancanegara, yakni ...": a word of foreign origin
    among the few words before the list word."""
    sentence = doc.tokens[opener].sentence
    return any(
        doc.tokens[j].key in FOREIGN_WORDS
        for j in range(max(0, opener - HEAD_REACH), opener)
        if doc.tokens[j].sentence == sentence
    )


def find_head(
    doc: Doc, mentions: Mentions, opener: int, reach: int = HEAD_REACH
) -> tuple[str, str | None] | None:
    """The nearest head noun before the list word, and a foreign country named between."""
    if opener <= 0:
        return None
    sentence = doc.tokens[opener - 1].sentence
    country: str | None = None
    j, taken = opener - 1, 0
    while j >= 0 and doc.tokens[j].sentence == sentence and taken < reach:
        token = doc.tokens[j]
        mention = mentions.at.get(j)
        if mention is not None and mention.countries and mention.countries[0].code != "ID":
            country = country or mention.countries[0].code
        if token.word:
            kind = HEADS.get(token.key)
            if token.key == "bagian" and doc.key_at(j - 1) == "negara":
                kind = PLACE
            if token.key in OFFICE_HEADS or (
                kind is not None and doc.key_at(j + 1) in OFFICE_WORDS
            ):
                kind = OFFICE
            if kind is not None:
                return kind, country
            taken += 1
        j -= 1
    return None


def members(doc: Doc, start: int, starts: dict[int, Run]) -> list[tuple[Run, Run | None]]:
    """The runs after a list word: names joined by commas, "dan" or "serta", to the end of
    the sentence or the first other word; with the words that go on after a member's short
    name ("Institut Seni Indonesia (ISI) Yogyakarta")."""
    found: list[tuple[Run, Run | None]] = []
    sentence = doc.tokens[start - 1].sentence
    j = start
    while j < len(doc.tokens) and (
        doc.tokens[j].sentence == sentence or doc.excluded[j] or continued(doc, j)
    ):
        token = doc.tokens[j]
        sentence = token.sentence if not doc.excluded[j] else sentence
        if doc.excluded[j]:
            j += 1
            continue
        run = starts.get(j)
        if run is not None and token.key in WEEKDAYS:
            break  # "..., Senin (3/2/2020)": the day of the signing ends the list
        if run is not None:
            # "A, B dan C" ends a list; "Peace Winds dan AAR Japan" are two members, but an
            # office keeps the "dan" of its name ("Kementerian Pariwisata dan Ekonomi Kreatif").
            parts: list[tuple[Run, Run | None]] = []
            if j == 0 or doc.tokens[j - 1].text != "(":  # "(UGM)" is the short name
                parts = [(part, None) for part in split_joined(doc, run)]
            j = run.end_token + 1
            if j < len(doc.tokens) and doc.tokens[j].text == ")":
                j += 1
            tail = starts.get(j) if j > 0 and doc.tokens[j - 1].text == ")" else None
            if tail is not None and doc.gap(j - 1, j) == " " and parts:
                parts[-1] = (parts[-1][0], tail)
                j = tail.end_token + 1
            found += parts
            continue
        if token.word and token.key not in MEMBER_JOINERS | LIST_ADVERBS:
            break
        if not token.word and token.text not in {",", ":", "(", ")", "&", ";"}:
            break
        j += 1
    return found


def continued(doc: Doc, j: int) -> bool:
    """A list cut by a line the page put inside it ("ISI Surakarta,\nBACA JUGA: ...\nUIN
    Salatiga, ..."): the sentence of token `j` goes on a list whose last kept token before the
    cut is a comma."""
    k = j - 1
    while k >= 0 and doc.excluded[k]:
        k -= 1
    return k >= 0 and k < j - 1 and doc.tokens[k].text == ","


def split_joined(doc: Doc, run: Run) -> list[Run]:
    """ "STIH Awang Long dan STMIK Widya Cipta Dharma": in a list, "dan" between capitals
    joins two members, not the words of one name."""
    parts: list[Run] = []
    first = run.first
    kept = -1  # "Dinas Kebudayaan dan Pariwisata Istanbul": an office keeps one "dan"
    for j in range(run.first, run.last + 1):
        if doc.tokens[j].key in NAME_SPLITTERS and not doc.tokens[j].cap:
            if doc.tokens[first].key in JOINED_NAME_HEADS and kept < first:
                kept = j
                continue
            if j > first:
                parts.append(Run(first, j - 1, None))
            first = j + 1
    if first == run.first:
        return [run]
    if first <= run.last:
        parts.append(Run(first, run.last, run.acronym, run.numeral))
    return parts


def peer_members(listed: list[Member], at: dict[int, str], main: str, other: set[str]) -> set[str]:
    """ "empat kabupaten yang meneken Kesepakatan Bersama, yakni A, B, C dan tentunya [main]":
    the regions listed beside the main one, in a list without any region named as its other
    side, stand on its side of the deal; they sign with the same party, not with it. That
    party is a region named outside the list: with none ("kesepakatan bersama delapan daerah,
    yaitu A, B, C ..."), the listed regions sign with each other and are partners. `at`: the
    region code at each token of a region mention."""
    groups: dict[int, set[str]] = {}
    for member in listed:
        if member.kind != PLACE:
            continue
        codes = groups.setdefault(member.opener, set())
        codes |= {at[i] for i in range(member.run.first, member.run.last + 1) if i in at}
    peers: set[str] = set()
    for codes in groups.values():
        if main in codes and not codes & other and other - codes:
            peers |= codes - {main}
    return peers
