"""Sector tags (domain.md §5) from Indonesian and English keyword cues.

Cues are matched on folded words, longest first ("ekonomi kreatif" before "ekonomi"). Words
inside a person's role ("Kepala Dinas Pendidikan") name an office, not the cooperation, and do
not count; neither do excluded zones. "lingkungan" alone means "within" as often as
"environment", so only its unambiguous phrases count.
"""

import re

from mitra.intake.extract.affixes import has_root
from mitra.intake.extract.context import is_venue
from mitra.intake.extract.phrases import PhraseTable
from mitra.intake.extract.tokens import Doc

GENERIC = "other?"  # a generic word: `other` when nothing more precise is said
SECTOR_CUES: dict[str, tuple[str, ...]] = {
    "smart_city": ("smart city", "kota cerdas", "kota pintar", "smart cities"),
    "e_government": (
        "e-government", "egovernment", "e-gov", "smart government", "spbe",
        "sistem pemerintahan berbasis elektronik", "layanan publik digital",
        "pelayanan publik digital", "aplikasi pemerintahan", "digitalisasi pemerintahan",
        "e-budgeting", "e-planning", "tata kelola digital", "pemerintahan digital",
    ),
    "technology": (
        "teknologi", "tehnologi", "technology", "iptek", "telematika", "digitalisasi",
        "teknologi informasi", "kecerdasan buatan", "artificial intelligence",
        "internet of things",
    ),
    "tourism": (
        "pariwisata", "wisata", "wisatawan", "turis", "turisme", "tourism", "destinasi",
        "desa wisata",
    ),
    "creative_economy": (
        "ekonomi kreatif", "ekraf", "start-up", "startup", "start up", "perusahaan rintisan",
        "industri kreatif", "creative economy",
    ),
    "msme_trade": (
        "umkm", "ukm", "usaha kecil", "usaha mikro", "perdagangan", "ekspor", "misi dagang",
        "outlet", "produk lokal", "pemasaran produk", "smart economy", "trade", "dagang",
        "pelaku usaha", "koperasi",
    ),
    "investment": ("investasi", "investor", "penanaman modal", "berinvestasi", "investment"),
    "education": (
        "pendidikan", "beasiswa", "pertukaran pelajar", "pertukaran mahasiswa", "sekolah",
        "pelajar", "kurikulum", "vokasi", "education", "guru", "pertukaran guru",
    ),
    "health": (
        "kesehatan", "rumah sakit", "stunting", "layanan kesehatan", "puskesmas", "gizi",
        "vaksin", "vaksinasi", "tenaga medis", "health",
    ),
    "culture": (
        "budaya", "kebudayaan", "seni", "kesenian", "pertukaran budaya", "cagar budaya",
        "culture", "cultural",
    ),
    "human_resources": (
        "sumber daya manusia", "sdm", "peningkatan kapasitas", "pengembangan kapasitas",
        "capacity building", "pelatihan", "magang", "training", "kompetensi aparatur",
        "diklat", "bimtek", "bimbingan teknis", "internship", "peningkatan kompetensi",
    ),
    "infrastructure": (
        "infrastruktur", "infrastructure", "infrastucture", "pembangunan jalan", "jalan tol",
        "jembatan", "sarana dan prasarana", "sarpras", "drainase", "penerangan jalan",
        "jalan umum", "ruas jalan", "jalan raya", "perbaikan jalan",
    ),
    "transport": (
        "transportasi", "perhubungan", "mrt", "lrt", "brt", "angkutan umum",
        # connectivity is transport only with its mode: "konektivitas wilayah" is any link
        "konektivitas udara", "konektivitas laut", "konektivitas darat",
        "konektivitas transportasi", "konektivitas penerbangan", "konektivitas maritim",
        "transportasi publik", "transport", "kereta", "pelayaran",
    ),
    "urban_planning": (
        "tata ruang", "perancangan wilayah", "penataan kota", "perencanaan kota", "tata kota",
        "urban planning", "penataan kawasan", "revitalisasi kawasan", "rencana tata ruang",
    ),
    "environment": (
        "lingkungan hidup", "ramah lingkungan", "pelestarian lingkungan", "sampah", "persampahan",
        "limbah padat", "kebersihan", "daur ulang", "perubahan iklim", "emisi", "ruang terbuka hijau",
        "pencemaran", "polusi", "environment", "mangrove", "pengelolaan lingkungan",
    ),
    "water_sanitation": (
        "air bersih", "air minum", "sanitasi", "limbah cair", "air limbah", "pdam",
        "penyediaan air", "ipal", "pengelolaan air", "pengelola air", "tata kelola air",
        "sumber daya air", "water management",
    ),
    "energy": (
        "energi", "listrik", "energi terbarukan", "tenaga surya", "plts", "kelistrikan",
        "pembangkit listrik", "energy",
    ),
    "agriculture_fisheries": (
        "pertanian", "peternakan", "perkebunan", "perikanan", "kelautan", "nelayan", "petani",
        "budidaya", "ketahanan pangan", "agriculture", "fisheries",
    ),
    "security": (
        "keamanan", "safe city", "smart security", "cctv", "ketertiban", "ketenteraman",
        "security",
    ),
    "disaster": (
        "penanggulangan bencana", "kebencanaan", "bencana", "mitigasi bencana",
        "tanggap darurat", "disaster", "pemadam kebakaran", "kebakaran", "damkar",
        "mobil pemadam", "banjir", "banjir rob", "gempa", "tsunami", "longsor",
    ),
    "sports_youth": ("olahraga", "olah raga", "pemuda", "kepemudaan", "sepak bola", "atlet"),
    "other": (
        "reformasi birokrasi", "tata kelola pemerintahan", "perindustrian",
        "kependudukan", "perpustakaan", "kearsipan", "pertanahan",
        "pemberdayaan perempuan", "perlindungan anak",
    ),
    GENERIC: (
        "ekonomi", "perekonomian", "industri", "pemerintahan", "berbagai bidang",
        "berbagai sektor", "pemberdayaan desa", "pembangunan desa",
    ),
}  # fmt: skip
# Cues matched only in capitals (an acronym), never as an ordinary word.
CAPITALS_ONLY = frozenset({"sdm", "mrt", "lrt", "brt", "ukm", "spbe", "pdam", "ipal", "plts"})


# Roots whose affixed forms are cues too ("dilatih", "berlatih", "pembudidayaan", "mendidik",
# "berdagang"): word forms from roots rather than lists (`affixes.py`).
SECTOR_ROOTS = {
    "latih": "human_resources", "budidaya": "agriculture_fisheries", "didik": "education",
    "dagang": "msme_trade", "ekspor": "msme_trade", "tani": "agriculture_fisheries",
    "ternak": "agriculture_fisheries", "wisata": "tourism", "bencana": "disaster",
    "investasi": "investment", "pariwisata": "tourism",
}  # fmt: skip
ROOTS = frozenset(SECTOR_ROOTS)
# The sector root of each word seen so far (None: it has none), as the same words come back.
ROOT_OF: dict[str, str | None] = {}
MISSING = ""
MAX_WORDS = 100_000  # a long-running process keeps this many words at most
# Typos that drop one letter of a long cue word ("infrastrukur", "pariwsata") still name it.
MIN_TYPO_LENGTH = 9


def cue_table() -> PhraseTable[str]:
    table = PhraseTable[str]()
    words: dict[str, str] = {}
    for slug, cues in SECTOR_CUES.items():
        for cue in cues:
            table.add(cue, slug)
            if " " not in cue and "-" not in cue:
                words[cue] = slug
    for cue, slug in words.items():
        if len(cue) >= MIN_TYPO_LENGTH and slug != GENERIC:
            for k in range(1, len(cue) - 1):
                variant = cue[:k] + cue[k + 1 :]
                if variant not in words:
                    table.add(variant, slug)
    return table


CUES = cue_table()
# Staff (SDM) are a sector only when they are being developed ("pengembangan SDM"); "SDM yang
# kompeten dibutuhkan" speaks of the region's own staff.
DEVELOPING = frozenset(
    [
        "pengembangan",
        "peningkatan",
        "penguatan",
        "pelatihan",
        "pembinaan",
        "kualitas",
        "kapasitas",
        "kompetensi",
        "pengembangkan",
        "mengembangkan",
        "meningkatkan",
        "memperkuat",
        "pertukaran",
    ]
)


def developed(doc: Doc, first: int) -> bool:
    keys = {doc.key_at(j) for j in range(max(0, first - 3), first) if doc.tokens[j].word}
    return bool(keys & DEVELOPING)


def find_sectors(
    doc: Doc, blocked: set[int], cooperation: list[bool] | None = None
) -> list[tuple[str, list[tuple[int, int]]]]:
    """(slug, evidence) for each sector cued, in order of first cue. Generic economy, industry
    and governance words give `other` only in a sentence about the cooperation, and only when
    no field more precise is cued in the text."""
    found: dict[str, list[tuple[int, int]]] = {}
    generic: list[tuple[int, tuple[int, int]]] = []
    fields: list[tuple[int, int]] = []  # generic fields listed among precise ones
    matched = CUES.scan(doc)
    taken = {i for first, last, _slugs in matched for i in range(first, last + 1)}
    # each distinct word once (they are sorted below)
    for key, positions in doc.positions.items():
        if len(key) > 5 and key not in ROOTS:
            root = ROOT_OF.get(key, MISSING)
            if root is MISSING:
                root = has_root(key, ROOTS)
                if len(ROOT_OF) < MAX_WORDS:
                    ROOT_OF[key] = root
            if root is not None:
                matched += [(i, i, [SECTOR_ROOTS[root]]) for i in positions if i not in taken]
    definitions: dict[int, bool] = {}
    precise = {first: slugs for first, _last, slugs in matched if GENERIC not in slugs}
    for first, last, slugs in sorted(matched):
        if doc.excluded[first] or first in blocked:
            continue
        token = doc.tokens[first]
        if token.key in CAPITALS_ONLY and not token.upper:
            continue
        if token.key in {"sdm", "sumber"} and not developed(doc, first):
            continue
        sentence = token.sentence
        if sentence not in definitions:
            definitions[sentence] = defined(doc, sentence)
        if token.cap and doc.key_at(first - 1) not in FIELD_HEADS and is_venue(doc, first):
            continue  # "bertempat di Hotel Merusaka, Kawasan Wisata Nusa Dua": a venue's name
        if likened(doc, first) or figurative(doc, first) or definitions[sentence]:
            continue  # "secepat kereta Shinkansen"; "Sister city adalah kerja sama di bidang ..."
        for slug in slugs:
            if slug == "technology" and names_the_field(doc, last, precise):
                continue  # "teknologi pertanian": the field is farming, technology its means
            if slug == GENERIC:
                if cooperation is not None and cooperation[sentence]:
                    generic.append((sentence, doc.span(first, last)))
                    if listed_field(doc, first, last, matched):
                        fields.append(doc.span(first, last))
                continue
            found.setdefault(slug, []).append(doc.span(first, last))
    if not found:
        for _sentence, span in generic:
            found.setdefault("other", []).append(span)
    elif fields:
        # "bidang ekonomi, pendidikan dan pariwisata": a generic field listed among precise
        # ones is a field of the cooperation of its own
        found.setdefault("other", []).extend(fields)
    return list(found.items())


# "teknologi pengolahan sampah": how far after "teknologi" the noun naming its field may come.
FIELD_NOUN_REACH = 2


def names_the_field(doc: Doc, last: int, precise: dict[int, list[str]]) -> bool:
    """A technology cue followed, within its noun phrase, by the cue of another field
    ("teknologi pertanian", "teknologi pengolahan sampah", "teknologi lingkungan hidup"): the
    phrase names that field, with technology as its means."""
    sentence = doc.tokens[last].sentence
    for j in range(last + 1, min(last + 1 + FIELD_NOUN_REACH, len(doc.tokens))):
        token = doc.tokens[j]
        if not token.word or token.sentence != sentence or token.key in LIST_WORDS:
            return False
        if any(slug != "technology" for slug in precise.get(j, ())):
            return True
    return False


LIST_WORDS = frozenset({"dan", "serta", "atau", "and"})


# Words of likeness: what follows is a figure of speech, not a field ("melaju secepat kereta
# Shinkansen", "bak jalan tol"); Indonesian forms the equative with "se-" and an adjective.
LIKENESS = frozenset({"bagaikan", "laksana", "ibarat", "bak", "layaknya", "umpama", "seolah"})
EQUATIVE = re.compile(
    r"^se(?:cepat|besar|maju|bersih|indah|modern|canggih|hebat|pesat|ramai|megah|rapi|tertib|"
    r"sukses|terkenal|populer|kuat|lancar)$"
)
LIKENESS_REACH = 2


def likened(doc: Doc, first: int) -> bool:
    """A cue a word of likeness comes right before: a simile."""
    sentence = doc.tokens[first].sentence
    j, taken = first - 1, 0
    while j >= 0 and taken < LIKENESS_REACH and doc.tokens[j].sentence == sentence:
        key = doc.tokens[j].key
        if key in LIKENESS or (key.startswith("se") and EQUATIVE.match(key)):
            return True
        taken += doc.tokens[j].word
        j -= 1
    return False


# "di Bidang Pendidikan": a field named in a title, not a venue.
FIELD_HEADS = frozenset({"bidang", "sektor", "urusan"})
# Built things a go-between is likened to: "menjadi jembatan kerja sama", "jembatan
# persahabatan kedua kota" name no bridge to build.
FIGURES = frozenset({"jembatan"})
BECOMING = frozenset({"menjadi", "jadi"})
TIES = frozenset(
    {
        "kerja", "kerjasama", "persahabatan", "persaudaraan", "hubungan", "silaturahmi",
        "silaturahim", "komunikasi", "kemitraan", "diplomasi", "emas",
    }
)  # fmt: skip


def figurative(doc: Doc, first: int) -> bool:
    """A built thing that a party becomes ("menjadi jembatan") or that ties are said to be
    ("jembatan persahabatan"): a figure of speech, not a field."""
    if doc.tokens[first].key not in FIGURES:
        return False
    before = doc.key_at(first - 1) if first and doc.tokens[first - 1].word else ""
    after = doc.key_at(first + 1) if first + 1 < len(doc.tokens) else ""
    return before in BECOMING or after in TIES


# "Sister city adalah kerja sama antar kota di bidang ...": a sentence that defines a kind of
# partnership names the fields such partnerships have, not this one's.
PARTNERSHIP_KINDS = (
    "sister city",
    "sister province",
    "kota kembar",
    "kota bersaudara",
    "twin city",
)
DEFINING = frozenset({"adalah", "merupakan", "ialah", "yaitu", "yakni"})
DEFINITION_WORDS = 6


def defined(doc: Doc, sentence: int) -> bool:
    first, end = doc.sentences[sentence]
    keys: list[str] = []  # the first words of the sentence: only they can define
    for i in range(first, end):
        if doc.tokens[i].word:
            keys.append(doc.tokens[i].key)
            if len(keys) == DEFINITION_WORDS:
                break
    for n in range(min(len(keys), DEFINITION_WORDS) - 2):
        if " ".join(keys[n : n + 2]) in PARTNERSHIP_KINDS and keys[n + 2] in DEFINING:
            return n == 0 or keys[n - 1] in {"istilah", "konsep", "program", "pengertian"}
    return False


FIELD_HEADS = frozenset({"bidang", "sektor"})
SPREAD = frozenset({"berbagai", "beragam", "pelbagai", "segala", "banyak"})
LIST_JOINS = frozenset({",", "dan", "serta", "&", "/"})


def listed_field(
    doc: Doc, first: int, last: int, matched: list[tuple[int, int, list[str]]]
) -> bool:
    """A generic field named as one of the cooperation's fields: after "bidang" or "sektor", or
    joined by a comma or "dan" to a precise one ("pariwisata, ekonomi dan budaya"); not "berbagai
    bidang", which only says there are many."""
    if doc.key_at(first) in SPREAD or doc.key_at(first - 1) in SPREAD:
        return False
    if doc.key_at(first - 1) in FIELD_HEADS and doc.key_at(first - 2) not in SPREAD:
        return True
    neighbours = {
        (a, b)
        for a, b, slugs in matched
        if any(slug != GENERIC for slug in slugs)
        and doc.tokens[a].sentence == doc.tokens[first].sentence
    }
    before = doc.tokens[first - 1].text.lower() if first > 0 else ""
    after = doc.tokens[last + 1].text.lower() if last + 1 < len(doc.tokens) else ""
    return (before in LIST_JOINS and any(b == first - 2 for _a, b in neighbours)) or (
        after in LIST_JOINS and any(a == last + 2 for a, _b in neighbours)
    )
