"""Names of choices as registers write them: codes (KSDPL, PKS), labels in Indonesian or English,
and the words offices use ("Sister City", "Nota Kesepahaman", "Aktif").

Everything is matched on whole folded keys (`mitra.lib.text.fold`), never approximately. Some
words name several choices ("penandatanganan", "universitas"); the caller narrows them with
what the row already says (the kind of cooperation) and reports what stays ambiguous.
"""

import re
from collections.abc import Iterable, Mapping
from functools import cache

from django.utils import translation
from django.utils.functional import Promise

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation, Document, Sector
from mitra.imports.values import split_list
from mitra.lib.text import fold
from mitra.partners.models import Partner

_BRACKETED = re.compile(r"\(([^)]*)\)")
Words = dict[str, tuple[str, ...]]


class Vocabulary:
    """The names a set of choices goes by: codes, labels in both languages, and register words.

    Exact names (codes, whole labels, listed words) win over names derived from a label (its
    part before a colon, its words in brackets), so "surat kuasa" is the letter of authority
    even though the Full Power's label is "surat kuasa Menteri Luar Negeri (Full Power)".
    """

    def __init__(
        self,
        choices: Iterable[tuple[str, Promise | str]],
        words: Mapping[str, Iterable[str]],
    ) -> None:
        self.exact: dict[str, set[str]] = {}
        self.derived: dict[str, set[str]] = {}
        for value, label in choices:
            self._add(self.exact, value, value)
            for language in ("id", "en"):
                with translation.override(language):
                    self._add_label(value, str(label))
        for value, names in words.items():
            for name in names:
                self._add(self.exact, name, value)

    def _add(self, keys: dict[str, set[str]], name: str, value: str) -> None:
        key = fold(name)
        if key:
            keys.setdefault(key, set()).add(value)

    def _add_label(self, value: str, label: str) -> None:
        self._add(self.exact, label, value)
        self._add(self.derived, _BRACKETED.sub(" ", label), value)
        for inside in _BRACKETED.findall(label):
            self._add(self.derived, inside, value)
        for part in label.split(":"):
            self._add(self.derived, part, value)

    def candidates(self, text: str) -> set[str]:
        key = fold(text)
        return set(self.exact.get(key) or self.derived.get(key) or ())


# Besides its abbreviation (KSDD ...), which comes from the workflow table.
KIND_WORDS: Words = {
    Cooperation.Kind.DOMESTIC_REGION: (
        "Kerja Sama Daerah dengan Daerah Lain",
        "Kerja Sama Antar Daerah",
        "Kerja Sama Antardaerah",
        "Antar Daerah",
        "Antardaerah",
    ),
    Cooperation.Kind.THIRD_PARTY: (
        "Kerja Sama Daerah dengan Pihak Ketiga",
        "Kerja Sama dengan Pihak Ketiga",
        "Pihak Ketiga",
    ),
    Cooperation.Kind.FOREIGN_REGION: (
        "Kerja Sama Daerah dengan Pemerintah Daerah di Luar Negeri",
        "Pemerintah Daerah di Luar Negeri",
        "Sister City",
        "Sister Province",
        "Kota Kembar",
        "Provinsi Kembar",
    ),
    Cooperation.Kind.FOREIGN_INSTITUTION: (
        "Kerja Sama Daerah dengan Lembaga di Luar Negeri",
        "Lembaga di Luar Negeri",
        "Lembaga Luar Negeri",
    ),
}

State = Cooperation.State
STATE_WORDS: Words = {
    State.PREPARATION: ("Persiapan",),
    State.OFFER: ("Penawaran",),
    State.FRAMEWORK_DRAFTING: ("Penyusunan KB", "Penyusunan Kesepakatan Bersama"),
    State.FRAMEWORK_SIGNING: ("Penandatanganan KB", "Penandatanganan Kesepakatan Bersama"),
    State.COUNCIL_APPROVAL: ("Persetujuan DPRD", "DPRD"),
    State.IMPLEMENTING_DRAFTING: ("Penyusunan PKS", "Penyusunan Perjanjian Kerja Sama"),
    State.IMPLEMENTING_SIGNING: ("Penandatanganan PKS", "Penandatanganan Perjanjian Kerja Sama"),
    State.IMPLEMENTATION: (
        "Pelaksanaan",
        "Implementasi",
        "Aktif",
        "Berjalan",
        "Sedang Berjalan",
        "Berlaku",
        "Masih Berlaku",
        "Active",
        "Running",
    ),
    State.ADMINISTRATION: ("Penatausahaan",),
    State.REPORTING: ("Pelaporan",),
    State.INITIATIVE: ("Prakarsa", "Inisiasi", "Inisiatif"),
    State.EXPLORATION: ("Penjajakan", "Penjajagan", "Eksplorasi"),
    State.LETTER_OF_INTENT: ("Pernyataan Kehendak",),
    State.COOPERATION_PLAN: ("Penyusunan Rencana Kerja Sama", "Rencana Kerja Sama"),
    State.CENTRAL_VERIFICATION: ("Verifikasi", "Verifikasi Kemendagri", "Verifikasi Pusat"),
    State.MOU_DRAFTING: (
        "Penyusunan Rancangan Naskah",
        "Penyusunan MoU",
        "Penyusunan Rancangan MoU",
    ),
    State.TEXT_NEGOTIATION: (
        "Pembahasan Naskah",
        "Pembahasan MoU",
        "Negosiasi",
        "Negosiasi Naskah",
    ),
    State.CENTRAL_APPROVAL: (
        "Persetujuan Menteri",
        "Persetujuan Pemerintah",
        "Persetujuan Pusat",
        "Persetujuan Menteri/Pemerintah",
    ),
    State.SIGNING: ("Penandatanganan", "Penandatanganan MoU"),
    State.MONITORING_EVALUATION: ("Monitoring dan Evaluasi", "Monev", "Evaluasi"),
    State.ON_HOLD_CENTRAL_REVIEW: ("Ditangguhkan", "Ditunda", "On hold"),
    State.DORMANT: ("Tidak Aktif", "Pasif", "Inactive"),
    State.REJECTED: ("Ditolak",),
    State.WITHDRAWN: ("Dibatalkan", "Batal"),
    State.EXPIRED: (
        "Berakhir",
        "Habis Masa Berlaku",
        "Masa Berlaku Habis",
        "Tidak Berlaku",
        "Kedaluwarsa",
        "Kadaluarsa",
        "Kadaluwarsa",
        "Selesai",
    ),
    State.RENEWAL_IN_PROGRESS: ("Perpanjangan", "Proses Perpanjangan", "Dalam Perpanjangan"),
    State.RENEWED: ("Diperpanjang",),
    State.TERMINATED: ("Diakhiri", "Dihentikan", "Putus"),
}

SubForm = Cooperation.SubForm
SUB_FORM_WORDS: Words = {
    SubForm.MANDATORY: ("Wajib", "Kerja Sama Wajib"),
    SubForm.VOLUNTARY: ("Sukarela", "Kerja Sama Sukarela"),
    SubForm.AGENCY_INITIATED: ("Prakarsa OPD", "Prakarsa Perangkat Daerah", "Usulan OPD"),
    SubForm.THIRD_PARTY_INITIATED: ("Prakarsa Pihak Ketiga", "Usulan Pihak Ketiga"),
    SubForm.SISTER_CITY: ("Kota Kembar", "Kota Bersaudara", "Kabupaten Kembar", "Sister City"),
    SubForm.SISTER_PROVINCE: ("Provinsi Kembar", "Sister Province", "Sister State"),
    SubForm.OTHER: ("Lainnya", "Kerja Sama Lainnya", "Kerja Sama Teknik"),
}

ROUTE_WORDS: Words = {
    Cooperation.Route.CONTINUATION: ("Penerusan", "Lanjutan", "Penerusan Kerja Sama Pusat"),
    Cooperation.Route.APPROVED_OTHER: ("Lainnya", "Persetujuan Pusat", "Dengan Persetujuan Pusat"),
}

PartnerKind = Partner.Kind
PARTNER_KIND_WORDS: Words = {
    PartnerKind.FOREIGN_CITY_OR_REGION: (
        "Kota",
        "Pemerintah Kota",
        "Provinsi",
        "Negara Bagian",
        "Prefektur",
        "Pemerintah Daerah",
        "City",
        "Region",
    ),
    PartnerKind.FOREIGN_GOVERNMENT: ("Pemerintah", "Pemerintah Negara", "Government"),
    PartnerKind.FOREIGN_INSTITUTION: (
        "Lembaga",
        "Institusi",
        "Universitas",
        "Perguruan Tinggi",
        "Organisasi",
        "Asosiasi",
        "Yayasan",
        "LSM",
        "NGO",
    ),
    PartnerKind.FOREIGN_COMPANY: ("Perusahaan", "Swasta", "Company"),
    PartnerKind.INDONESIAN_REGION: (
        "Daerah",
        "Pemda",
        "Pemerintah Daerah",
        "Kabupaten",
        "Kota",
        "Provinsi",
    ),
    PartnerKind.DOMESTIC_PARTY: (
        "Pihak Ketiga",
        "Lembaga",
        "Institusi",
        "Universitas",
        "Perguruan Tinggi",
        "Organisasi",
        "Asosiasi",
        "Yayasan",
        "Perusahaan",
        "Swasta",
        "BUMN",
        "BUMD",
    ),
}

DocumentKind = Document.Kind
DOCUMENT_WORDS: Words = {
    DocumentKind.FRAMEWORK_AGREEMENT: (
        "KB",
        "Kesepakatan Bersama",
        "Nota Kesepakatan",
        "Nota Kesepakatan Bersama",
    ),
    DocumentKind.IMPLEMENTING_AGREEMENT: (
        "PKS",
        "Perjanjian Kerja Sama",
        "Perjanjian Kerjasama",
        "Perjanjian",
    ),
    DocumentKind.LETTER_OF_INTENT: (
        "LoI",
        "Letter of Intent",
        "Pernyataan Kehendak",
        "Surat Pernyataan Kehendak",
    ),
    DocumentKind.MOU: (
        "MoU",
        "Memorandum of Understanding",
        "Memorandum Saling Pengertian",
        "Nota Kesepahaman",
        "MoU/Nota Kesepahaman",
    ),
    DocumentKind.ADDENDUM: ("Adendum", "Addendum", "Amandemen"),
    DocumentKind.RENEWAL: ("Perpanjangan",),
    DocumentKind.OFFER_LETTER: ("Surat Penawaran",),
    DocumentKind.COOPERATION_PLAN: ("PoA", "Plan of Action", "Rencana Aksi", "KAK", "ToR"),
}

SECTOR_WORDS: Words = {
    Sector.Slug.SMART_CITY: ("Smart City", "Kota Cerdas"),
    Sector.Slug.E_GOVERNMENT: ("SPBE", "E-Government", "Layanan Publik Digital"),
    Sector.Slug.TECHNOLOGY: ("Teknologi", "Iptek", "Inovasi", "IT", "Teknologi Informasi"),
    Sector.Slug.TOURISM: ("Pariwisata", "Wisata"),
    Sector.Slug.CREATIVE_ECONOMY: ("Ekonomi Kreatif", "Start-up", "Startup"),
    Sector.Slug.MSME_TRADE: ("UMKM", "Usaha Kecil", "Perdagangan", "Ekspor", "Misi Dagang"),
    Sector.Slug.INVESTMENT: ("Investasi", "Penanaman Modal"),
    Sector.Slug.EDUCATION: ("Pendidikan", "Beasiswa", "Pertukaran Pelajar"),
    Sector.Slug.HEALTH: ("Kesehatan", "Rumah Sakit", "Stunting"),
    Sector.Slug.CULTURE: ("Budaya", "Kebudayaan", "Seni", "Seni Budaya"),
    Sector.Slug.HUMAN_RESOURCES: ("SDM", "Pengembangan SDM", "Peningkatan Kapasitas", "Pelatihan"),
    Sector.Slug.INFRASTRUCTURE: ("Infrastruktur", "Sarana dan Prasarana", "Sarpras"),
    Sector.Slug.TRANSPORT: ("Transportasi", "Perhubungan", "Konektivitas"),
    Sector.Slug.URBAN_PLANNING: ("Tata Ruang", "Penataan Kota", "Perencanaan Kota"),
    Sector.Slug.ENVIRONMENT: ("Lingkungan", "Lingkungan Hidup", "Sampah", "Persampahan"),
    Sector.Slug.WATER_SANITATION: ("Air Bersih", "Air Minum", "Sanitasi"),
    Sector.Slug.ENERGY: ("Energi", "Listrik", "Energi Terbarukan"),
    Sector.Slug.AGRICULTURE_FISHERIES: ("Pertanian", "Perikanan", "Kelautan", "Peternakan"),
    Sector.Slug.SECURITY: ("Keamanan", "Ketertiban", "Safe City", "CCTV"),
    Sector.Slug.DISASTER: ("Kebencanaan", "Penanggulangan Bencana", "Bencana"),
    Sector.Slug.SPORTS_YOUTH: ("Olahraga", "Olah Raga", "Pemuda", "Kepemudaan"),
    # Domain guide §5: generic economy, governance, bureaucratic reform, industry, anything else.
    Sector.Slug.OTHER: (
        "Lainnya",
        "Lain-lain",
        "Ekonomi",
        "Perekonomian",
        "Pemerintahan",
        "Tata Kelola Pemerintahan",
        "Reformasi Birokrasi",
        "Industri",
        "Perindustrian",
    ),
}


@cache
def kinds() -> Vocabulary:
    words = {k: (workflow.abbreviation(k), *KIND_WORDS.get(k, ())) for k in workflow.KINDS}
    return Vocabulary(Cooperation.Kind.choices, words)


@cache
def states() -> Vocabulary:
    return Vocabulary(Cooperation.State.choices, STATE_WORDS)


@cache
def sub_forms() -> Vocabulary:
    return Vocabulary(Cooperation.SubForm.choices, SUB_FORM_WORDS)


@cache
def routes() -> Vocabulary:
    return Vocabulary(Cooperation.Route.choices, ROUTE_WORDS)


@cache
def partner_kinds() -> Vocabulary:
    return Vocabulary(Partner.Kind.choices, PARTNER_KIND_WORDS)


@cache
def document_kinds() -> Vocabulary:
    return Vocabulary(Document.Kind.choices, DOCUMENT_WORDS)


@cache
def sectors() -> Vocabulary:
    return Vocabulary(Sector.Slug.choices, SECTOR_WORDS)


def sector_slugs(text: str) -> tuple[list[str], list[str]]:
    """The sectors a cell names, separated by ; , / or new lines (or "dan"); and what is unknown."""
    found: list[str] = []
    unknown: list[str] = []
    whole = sectors().candidates(text)
    pieces = [text] if len(whole) == 1 else split_list(text, ";,/\n")
    for piece in pieces:
        matches = sectors().candidates(piece)
        if len(matches) != 1:
            parts = [p for p in re.split(r"\s+(?:dan|and|&)\s+|&", piece) if p.strip()]
            matches_of_parts = [sectors().candidates(p) for p in parts]
            if len(parts) > 1 and all(len(m) == 1 for m in matches_of_parts):
                found += [next(iter(m)) for m in matches_of_parts]
                continue
            unknown.append(piece)
            continue
        found.append(next(iter(matches)))
    return list(dict.fromkeys(found)), unknown
