"""Makassar's seed cases (domain guide §9): signings planned for F8, and cooperations under way.

F8 (Makassar International Eight Festival and Forum, Pantai Losari, September) becomes an
`Event` in a later issue; until then the summaries of the cooperations to be signed there say so.
"""

from datetime import date

from mitra.cooperations.services import PartyInput
from mitra.demo.seed.structures import (
    FIRST,
    FOREIGN_CHAIN,
    MAKASSAR,
    SECOND,
    DemoCooperation,
    DemoDocument,
    DocKind,
    Kind,
    Route,
    State,
    SubForm,
    chain,
)

MAKASSAR_CITY = "Pemerintah Kota Makassar"
MAYOR = "Wali Kota Makassar"
F8 = "Makassar International Eight Festival and Forum (F8) di Pantai Losari pada bulan September"


def _f8_domestic(partner: str, city: str, offered: date, drafting: date) -> DemoCooperation:
    return DemoCooperation(
        tenant=MAKASSAR,
        kind=Kind.DOMESTIC_REGION,
        sub_form=SubForm.VOLUNTARY,
        title=f"Smart city dan infrastruktur bersama {city}",
        partners=(partner,),
        summary=(
            f"Kerja sama antardaerah dengan {city} untuk pengembangan smart city dan "
            f"infrastruktur. Belum berjalan: Kesepakatan Bersama direncanakan ditandatangani "
            f"pada {F8}. Rincian bidangnya dipastikan saat penandatanganan."
        ),
        created=(date(2016, 3, 14), "Pemetaan potensi kerja sama smart city antarkota."),
        steps=(
            (State.OFFER, offered),
            (
                State.FRAMEWORK_DRAFTING,
                drafting,
                "Rancangan KB dibahas kedua bagian kerja sama; penandatanganan disiapkan untuk F8.",
            ),
        ),
        sectors=("smart_city", "infrastructure"),
        affairs=("communication_informatics", "public_works_spatial_planning"),
        initiating_agency="Diskominfo",
        implementing_agencies=("Diskominfo", "Dinas PU"),
    )


def _f8_sister_city(partner: str, city: str, created: date, explored: date) -> DemoCooperation:
    return DemoCooperation(
        tenant=MAKASSAR,
        kind=Kind.FOREIGN_REGION,
        sub_form=SubForm.SISTER_CITY,
        title=f"Sister city Makassar–{city}",
        partners=(partner,),
        summary=(
            f"Rencana hubungan kota bersaudara dengan {city} untuk smart city, teknologi, dan "
            f"infrastruktur, sudah dikomunikasikan lewat kedutaan besar. LoI direncanakan "
            f"ditandatangani pada {F8}; MoU baru dapat menyusul setelah persetujuan DPRD dan "
            f"pemerintah pusat."
        ),
        created=(created, "Minat kerja sama disampaikan melalui kedutaan besar."),
        steps=(
            (
                State.EXPLORATION,
                explored,
                "Profil kota dipertukarkan melalui kedutaan; LoI disiapkan untuk F8.",
            ),
        ),
        sectors=("smart_city", "infrastructure", "technology"),
        objects=("science_technology", "government_capacity"),
        initiating_agency="Diskominfo",
        implementing_agencies=("Diskominfo", "Dinas PU"),
    )


def _mou(
    key: str, title: str, signed: date, years: int, partner: str, partner_number: str
) -> DemoDocument:
    return DemoDocument(
        key=key,
        kind=DocKind.MOU,
        title=title,
        date_signed=signed,
        valid_years=years,
        parent="loi",
        place_signed="Makassar",
        languages="Indonesia, Inggris",
        prevailing_language="Inggris",
        custody="foreign_ministry",
        parties=(
            PartyInput(FIRST, MAKASSAR_CITY, f"119/{key.upper()}/KSLN/{{year}}", "", MAYOR),
            PartyInput(SECOND, partner, partner_number),
        ),
    )


def _loi(code: str, signed: date, partner: str) -> DemoDocument:
    return DemoDocument(
        key="loi",
        kind=DocKind.LETTER_OF_INTENT,
        title=f"Pernyataan Kehendak Kota Makassar dan {partner}",
        date_signed=signed,
        languages="Indonesia, Inggris",
        custody="region",
        parties=(
            PartyInput(FIRST, MAKASSAR_CITY, f"119/LOI-{code}/KSLN/{{year}}", "", MAYOR),
            PartyInput(SECOND, partner),
        ),
    )


COOPERATIONS = (
    _f8_domestic("tual", "Kota Tual", date(2016, 4, 25), date(2016, 6, 20)),
    _f8_domestic("surakarta", "Kota Surakarta (Solo)", date(2016, 4, 27), date(2016, 6, 22)),
    _f8_domestic("yogyakarta", "Kota Yogyakarta", date(2016, 4, 27), date(2016, 6, 22)),
    _f8_sister_city("gothenburg", "Gothenburg", date(2016, 2, 22), date(2016, 4, 18)),
    _f8_sister_city("incheon", "Incheon", date(2016, 2, 22), date(2016, 4, 18)),
    _f8_sister_city("cape_town", "Cape Town", date(2016, 2, 29), date(2016, 4, 25)),
    DemoCooperation(
        tenant=MAKASSAR,
        kind=Kind.FOREIGN_REGION,
        sub_form=SubForm.SISTER_CITY,
        title="Sister city Makassar–Kaohsiung (smart economy)",
        partners=("kaohsiung",),
        summary=(
            "Kaohsiung tertarik pada konsep smart economy Makassar yang dijalankan lewat Badan "
            "Usaha Lorong (BULo) sebagai bagian dari smart city. Kaohsiung termasuk rencana "
            f"sister city untuk {F8}, tetapi Taiwan tidak memiliki hubungan diplomatik dengan "
            "Indonesia: penandatanganan apa pun menunggu arahan pemerintah pusat."
        ),
        created=(date(2016, 3, 7), "Pihak Kaohsiung menyatakan minat pada konsep BULo."),
        steps=(
            (
                State.EXPLORATION,
                date(2016, 5, 16),
                "Penjajakan berjalan; Kemendagri dan Kemlu perlu dimintai arahan sebelum LoI "
                "karena Taiwan tidak memiliki hubungan diplomatik dengan Indonesia.",
            ),
            (
                State.LETTER_OF_INTENT,
                date(2016, 8, 22),
                f"Naskah LoI disiapkan; LoI direncanakan ditandatangani pada {F8}.",
            ),
        ),
        sectors=("smart_city", "msme_trade"),
        objects=("regional_promotion", "government_capacity"),
        initiating_agency="Diskop UKM",
        implementing_agencies=("Diskop UKM", "Diskominfo"),
    ),
    DemoCooperation(
        tenant=MAKASSAR,
        kind=Kind.FOREIGN_REGION,
        sub_form=SubForm.OTHER,
        title="Pengembangan SDM e-government bersama Incheon",
        partners=("incheon",),
        summary=(
            "Peningkatan kapasitas aparatur untuk memperkuat e-government, bagian smart "
            "government dalam konsep smart city Makassar, dengan belajar dari pengalaman Korea "
            "Selatan membangun e-government. Sudah berjalan."
        ),
        created=(date(2014, 9, 1), "Tawaran pelatihan e-government dari Incheon dicatat."),
        steps=chain(
            FOREIGN_CHAIN,
            "2014-11-10 2015-02-16 2015-04-13 2015-06-08 2015-07-20"
            " 2015-08-24 2015-09-28 2015-11-09 2015-12-07 2016-01-11",
        ),
        sectors=("human_resources", "e_government"),
        objects=("government_capacity",),
        initiating_agency="Diskominfo",
        implementing_agencies=("Diskominfo", "BKPSDM"),
        documents=(
            _loi("EGOV", date(2015, 2, 16), "Kota Metropolitan Incheon"),
            _mou(
                "egov",
                "MoU pengembangan SDM e-government Kota Makassar dan Kota Metropolitan Incheon",
                date(2016, 1, 11),
                5,
                "Kota Metropolitan Incheon",
                "ICN-ICD-{year}-014",
            ),
        ),
    ),
    DemoCooperation(
        tenant=MAKASSAR,
        kind=Kind.FOREIGN_INSTITUTION,
        route=Route.APPROVED_OTHER,
        title="Pelatihan pejabat Pemkot Makassar dalam kegiatan Temasek di Singapura",
        partners=("temasek",),
        summary=(
            "Pengembangan SDM pejabat di lingkungan Pemerintah Kota Makassar melalui pelatihan "
            "yang diikuti saat kegiatan Temasek berlangsung di Singapura. Sudah berjalan; nama "
            "lembaga mitra perlu dikonfirmasi."
        ),
        created=(date(2015, 1, 12), "Undangan program pelatihan pejabat dari Singapura."),
        steps=chain(
            FOREIGN_CHAIN,
            "2015-02-23 2015-04-06 2015-05-11 2015-06-15 2015-07-13"
            " 2015-08-10 2015-09-07 2015-10-05 2015-11-02 2015-11-30",
        ),
        sectors=("human_resources",),
        objects=("government_capacity",),
        initiating_agency="BKPSDM",
        implementing_agencies=("BKPSDM",),
        documents=(
            _loi("TF", date(2015, 4, 6), "Temasek Foundation"),
            _mou(
                "tf",
                "MoU pengembangan kapasitas pejabat Pemerintah Kota Makassar",
                date(2015, 11, 30),
                3,
                "Temasek Foundation",
                "",
            ),
        ),
    ),
    DemoCooperation(
        tenant=MAKASSAR,
        kind=Kind.FOREIGN_INSTITUTION,
        route=Route.CONTINUATION,
        title="Smart city dan keamanan kota bersama IE Singapore",
        partners=("ie_singapore",),
        summary=(
            "Kerja sama smart city untuk menyiapkan layanan publik yang transparan, mudah, "
            "cepat, dan akuntabel di semua sektor, dengan sistem keamanan kota multiplatform "
            "yang menyatukan seluruh CCTV. Dicatat sebagai penerusan kerja sama pemerintah "
            "pusat; rutenya perlu dikonfirmasi."
        ),
        created=(date(2014, 10, 6), "Tindak lanjut kerja sama pemerintah pusat dengan Singapura."),
        steps=chain(
            FOREIGN_CHAIN,
            "2014-12-01 2015-03-02 2015-04-20 2015-06-01 2015-07-06"
            " 2015-08-03 2015-08-31 2015-10-12 2015-11-16 2015-12-14",
        ),
        sectors=("smart_city", "security"),
        objects=("science_technology", "government_capacity"),
        initiating_agency="Diskominfo",
        implementing_agencies=("Diskominfo", "Satpol PP"),
        documents=(
            _loi("IESG", date(2015, 3, 2), "International Enterprise Singapore"),
            _mou(
                "iesg",
                "MoU smart city Kota Makassar dan International Enterprise Singapore",
                date(2015, 12, 14),
                5,
                "International Enterprise Singapore",
                "IESG/SEA/{year}/088",
            ),
        ),
    ),
    DemoCooperation(
        tenant=MAKASSAR,
        kind=Kind.FOREIGN_INSTITUTION,
        route=Route.APPROVED_OTHER,
        title="Keamanan kota bersama ENGIE Ineo",
        partners=("engie",),
        summary=(
            "Kerja sama keamanan kota dengan perusahaan swasta Prancis ENGIE Ineo. Ditangguhkan "
            "sementara oleh Kemendagri, karena kerja sama pemerintah daerah dengan swasta asing "
            "harus dikaji lebih dulu oleh pemerintah pusat."
        ),
        created=(date(2015, 10, 5), "ENGIE Ineo menawarkan solusi keamanan kota."),
        steps=(
            *chain(FOREIGN_CHAIN[:3], "2015-12-14 2016-03-21 2016-04-25"),
            (
                State.ON_HOLD_CENTRAL_REVIEW,
                date(2016, 6, 27),
                "Ditangguhkan oleh Kemendagri ('departemen dalam negeri' dalam sumber berita): "
                "kerja sama pemerintah daerah dengan perusahaan swasta asing harus dikaji "
                "pemerintah pusat lebih dulu.",
            ),
        ),
        sectors=("security",),
        objects=("science_technology",),
        initiating_agency="Diskominfo",
        implementing_agencies=("Diskominfo", "Satpol PP"),
        documents=(_loi("ENGIE", date(2016, 3, 21), "ENGIE Ineo"),),
    ),
    DemoCooperation(
        tenant=MAKASSAR,
        kind=Kind.FOREIGN_INSTITUTION,
        title="Kerja sama dengan Inggris (rincian belum diketahui)",
        partners=("united_kingdom",),
        summary=(
            "Sumber berita hanya menyebut bahwa kerja sama dengan Inggris sudah berjalan. Mitra, "
            "bidang, rute KSDLL, dan naskahnya belum tercatat; lengkapi sebelum pelaporan."
        ),
        created=(date(2015, 2, 2), "Kerja sama dengan pihak Inggris dicatat dari laporan OPD."),
        steps=chain(
            FOREIGN_CHAIN,
            "2015-03-16 2015-05-18 2015-06-22 2015-08-03 2015-09-14"
            " 2015-10-19 2015-11-23 2016-01-18 2016-02-22 2016-03-28",
        ),
        initiating_agency="Bappeda",
    ),
    DemoCooperation(
        tenant=MAKASSAR,
        kind=Kind.DOMESTIC_REGION,
        sub_form=SubForm.VOLUNTARY,
        title="Smart security dan integrasi CCTV bersama Kota Palembang",
        partners=("palembang",),
        summary=(
            "Pengembangan smart security: CCTV milik pemerintah kota disatukan dalam satu sistem "
            "dengan Polri, program yang membuat Wali Kota Makassar menerima penghargaan dari "
            "Kapolri. Kerja sama juga mencakup penguatan SDM smart city. Keterlibatan Polri "
            "sebagai instansi pusat mungkin perlu Nota Kesepakatan tersendiri (PP 28/2018 "
            "Pasal 46); perlu dikonfirmasi."
        ),
        created=(date(2015, 6, 1), "Pemetaan dan telaahan staf kerja sama smart security."),
        steps=(
            (State.OFFER, date(2015, 7, 6)),
            (State.FRAMEWORK_DRAFTING, date(2015, 8, 10)),
            (State.FRAMEWORK_SIGNING, date(2015, 10, 5)),
            (
                State.IMPLEMENTING_DRAFTING,
                date(2015, 11, 2),
                "KB ditandatangani. Persetujuan DPRD tidak diperlukan: tidak membebani "
                "masyarakat dan sudah dianggarkan dalam APBD tahun berjalan.",
            ),
            (State.IMPLEMENTING_SIGNING, date(2016, 1, 11)),
            (State.IMPLEMENTATION, date(2016, 2, 15), "PKS ditandatangani; integrasi CCTV mulai."),
        ),
        sectors=("security", "human_resources"),
        affairs=("public_order_community_protection", "communication_informatics"),
        initiating_agency="Diskominfo",
        implementing_agencies=("Diskominfo", "Satpol PP"),
        budget="apbd",
        budget_line="Program Pengelolaan Aplikasi Informatika (Diskominfo)",
        documents=(
            DemoDocument(
                key="kb",
                kind=DocKind.FRAMEWORK_AGREEMENT,
                title="Kesepakatan Bersama Kota Makassar dan Kota Palembang tentang smart city",
                date_signed=date(2015, 11, 2),
                valid_years=5,
                place_signed="Makassar",
                languages="Indonesia",
                custody="region",
                parties=(
                    PartyInput(FIRST, MAKASSAR_CITY, "119/KB/KSDD/{year}", "", MAYOR),
                    PartyInput(
                        SECOND,
                        "Pemerintah Kota Palembang",
                        "075/KB/PLG/{year}",
                        "",
                        "Wali Kota Palembang",
                    ),
                ),
            ),
            DemoDocument(
                key="pks",
                kind=DocKind.IMPLEMENTING_AGREEMENT,
                title="PKS integrasi CCTV dan smart security",
                parent="kb",
                date_signed=date(2016, 2, 15),
                valid_years=3,
                place_signed="Palembang",
                languages="Indonesia",
                custody="region",
                parties=(
                    PartyInput(
                        FIRST,
                        "Dinas Komunikasi dan Informatika Kota Makassar",
                        "555/PKS/DKI/{year}",
                        "",
                        "Kepala Dinas Komunikasi dan Informatika",
                    ),
                    PartyInput(
                        SECOND,
                        "Dinas Komunikasi dan Informatika Kota Palembang",
                        "555/PKS/KOMINFO-PLG/{year}",
                        "",
                        "Kepala Dinas Komunikasi dan Informatika",
                    ),
                ),
            ),
        ),
    ),
)
