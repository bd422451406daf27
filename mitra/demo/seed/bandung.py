"""Bandung's seed cases: three foreign cooperations still being explored (domain guide §9)."""

from datetime import date

from mitra.demo.seed.structures import (
    BANDUNG,
    DemoContact,
    DemoCooperation,
    DemoPartner,
    Kind,
    PartnerKind,
    State,
)

PARTNERS = (
    DemoPartner(
        key="mara",
        tenant=BANDUNG,
        kind=PartnerKind.FOREIGN_INSTITUTION,
        name="Majlis Amanah Rakyat (MARA)",
        country="MY",
        aliases=("MARA", "Majelis Amanah Rakyat", "Majelis Amanat Rakyat"),
        notes=(
            "Lembaga pemerintah Malaysia untuk pemberdayaan usaha. Sumber berita menulisnya "
            "'Majelis Amanat Rakyat'."
        ),
        contacts=(
            DemoContact(
                "International Relations Division",
                "Desk Indonesia",
                "mara-international@example.org",
                "Melayu",
            ),
        ),
    ),
    DemoPartner(
        key="new_zealand",
        tenant=BANDUNG,
        kind=PartnerKind.FOREIGN_GOVERNMENT,
        name="Pemerintah Selandia Baru (mitra belum ditetapkan)",
        country="NZ",
        aliases=("New Zealand",),
        notes=(
            "Sumber berita hanya menyebut 'New Zealand' tanpa nama lembaga. Pastikan mitranya "
            "(kementerian, pemerintah daerah, atau lembaga) lalu tentukan jenisnya: KSDPL atau "
            "KSDLL."
        ),
    ),
    DemoPartner(
        key="singapore_planning",
        tenant=BANDUNG,
        kind=PartnerKind.FOREIGN_INSTITUTION,
        name="Lembaga perencanaan kota Singapura (mitra belum ditetapkan)",
        country="SG",
        notes=(
            "Sumber berita hanya menyebut kerja sama 'dengan Singapura' untuk perancangan "
            "wilayah; lembaganya belum diketahui."
        ),
    ),
)

COOPERATIONS = (
    DemoCooperation(
        tenant=BANDUNG,
        kind=Kind.FOREIGN_INSTITUTION,
        title="Little Bandung di Malaysia bersama MARA",
        partners=("mara",),
        summary=(
            "MARA berencana membuka jaringan sekitar 200 gerai di berbagai kota di Malaysia "
            "dengan nama Little Bandung, tempat produk UMKM Kota Bandung dipasarkan. Delegasi "
            "MARA sudah berkunjung ke Pemkot Bandung, yang melihatnya sebagai bekal menghadapi "
            "Masyarakat Ekonomi ASEAN. Rute KSDLL (penerusan kerja sama pusat atau dengan "
            "persetujuan pusat) belum ditentukan."
        ),
        created=(date(2016, 5, 9), "MARA menyatakan minat bekerja sama untuk Little Bandung."),
        steps=(
            (
                State.EXPLORATION,
                date(2016, 7, 18),
                "Delegasi MARA berkunjung ke Pemkot Bandung; dibahas rencana gerai Little "
                "Bandung di seluruh Malaysia.",
            ),
        ),
        sectors=("msme_trade", "investment"),
        objects=("regional_promotion",),
        initiating_agency="Diskop UKM",
        implementing_agencies=("Diskop UKM", "Disdagin"),
    ),
    DemoCooperation(
        tenant=BANDUNG,
        kind=Kind.FOREIGN_INSTITUTION,
        title="Pariwisata dan ekonomi kreatif bersama Selandia Baru",
        partners=("new_zealand",),
        summary=(
            "Tindak lanjut pembicaraan dengan pihak Selandia Baru tentang pengembangan "
            "pariwisata dan ekonomi kreatif. Mitra resminya belum diketahui, jadi jenis kerja "
            "sama (KSDPL atau KSDLL) masih harus dipastikan."
        ),
        created=(date(2016, 2, 15), "Minat kerja sama dari pihak Selandia Baru dicatat."),
        steps=(
            (
                State.EXPLORATION,
                date(2016, 4, 11),
                "Tindak lanjut berjalan dengan bantuan tenaga profesional di luar struktur "
                "Pemkot, karena staf yang menangani kerja sama luar negeri masih terbatas.",
            ),
        ),
        sectors=("tourism", "creative_economy"),
        objects=("regional_promotion", "cultural_exchange"),
        initiating_agency="Disbudpar",
        implementing_agencies=("Disbudpar",),
    ),
    DemoCooperation(
        tenant=BANDUNG,
        kind=Kind.FOREIGN_INSTITUTION,
        title="Perancangan kawasan kota bersama mitra Singapura",
        partners=("singapore_planning",),
        summary=(
            "Rencana kerja sama dengan pihak Singapura untuk merancang penataan beberapa "
            "kawasan di Kota Bandung. Masih penjajakan; lembaga mitranya belum ditetapkan."
        ),
        created=(date(2016, 6, 6), "Gagasan kerja sama perancangan wilayah dicatat."),
        steps=(
            (
                State.EXPLORATION,
                date(2016, 7, 25),
                "Penjajakan awal: lokasi yang akan dirancang dipetakan bersama Bappeda.",
            ),
        ),
        sectors=("urban_planning",),
        objects=("government_capacity",),
        initiating_agency="Bappeda",
        implementing_agencies=("Bappeda", "Distaru"),
    ),
)
