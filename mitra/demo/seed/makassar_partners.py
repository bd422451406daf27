"""Makassar's partners in the seed cases: Indonesian cities, sister-city candidates, institutions."""

from mitra.demo.seed.structures import MAKASSAR, DemoContact, DemoPartner, PartnerKind


def _region_partner(
    key: str, name: str, region: str, *aliases: str, notes: str = ""
) -> DemoPartner:
    return DemoPartner(
        key=key,
        tenant=MAKASSAR,
        kind=PartnerKind.INDONESIAN_REGION,
        name=name,
        region=region,
        aliases=aliases,
        notes=notes,
    )


def _city_partner(
    key: str,
    name: str,
    country: str,
    place: tuple[int, str],
    *aliases: str,
    notes: str = "",
    contacts: tuple[DemoContact, ...] = (),
) -> DemoPartner:
    return DemoPartner(
        key=key,
        tenant=MAKASSAR,
        kind=PartnerKind.FOREIGN_CITY_OR_REGION,
        name=name,
        country=country,
        place=place[0],
        place_name=place[1],
        aliases=aliases,
        notes=notes,
        contacts=contacts,
    )


PARTNERS = (
    _region_partner("tual", "Pemerintah Kota Tual", "8172"),
    _region_partner("surakarta", "Pemerintah Kota Surakarta", "3372", "Solo", "Kota Solo"),
    _region_partner(
        "yogyakarta",
        "Pemerintah Kota Yogyakarta",
        "3471",
        "Jogjakarta",
        "Jogja",
        notes=(
            "Sumber berita menulis 'Jogjakarta' dan menyebutnya kota, maka dicatat sebagai Kota "
            "Yogyakarta, bukan Provinsi DIY. Konfirmasi saat penandatanganan."
        ),
    ),
    _region_partner(
        "palembang",
        "Pemerintah Kota Palembang",
        "1671",
        notes="Mitra smart security; integrasi CCTV dengan Polri.",
    ),
    _city_partner(
        "gothenburg",
        "Kota Gothenburg",
        "SE",
        (2711537, "Gothenburg"),
        "Göteborg",
        "Göteborgs Stad",
        contacts=(
            DemoContact(
                "International Relations Office",
                "Sister-city desk",
                "gothenburg-international@example.org",
                "Inggris",
            ),
        ),
    ),
    _city_partner(
        "incheon",
        "Kota Metropolitan Incheon",
        "KR",
        (1843564, "Incheon"),
        "Incheon",
        "Incheon Metropolitan City",
        notes=(
            "Sumber berita (rencana sister city) juga menulis 'Icheon'. Icheon adalah kota lain "
            "di Provinsi Gyeonggi, jadi ejaan itu sengaja tidak dijadikan alias."
        ),
        contacts=(
            DemoContact(
                "International Cooperation Division",
                "Indonesia desk",
                "incheon-international@example.org",
                "Inggris",
            ),
        ),
    ),
    _city_partner(
        "cape_town",
        "Kota Cape Town",
        "ZA",
        (3369157, "Cape Town"),
        "City of Cape Town",
        "Kaapstad",
    ),
    _city_partner(
        "kaohsiung",
        "Kota Kaohsiung",
        "TW",
        (1673820, "Kaohsiung"),
        "Kaoshiung",
        "Kaohsiung City",
        notes=(
            "Taiwan tidak memiliki hubungan diplomatik dengan Indonesia (Permenlu 3/2019, "
            "Bab X): tidak ada penandatanganan tanpa arahan pemerintah pusat. 'Kaoshiung' di "
            "sumber berita adalah salah eja kota yang sama."
        ),
    ),
    DemoPartner(
        key="temasek",
        tenant=MAKASSAR,
        kind=PartnerKind.FOREIGN_INSTITUTION,
        name="Temasek Foundation",
        country="SG",
        aliases=("Temasek",),
        notes="Sumber berita hanya menyebut 'kegiatan Temasek' di Singapura; pastikan lembaganya.",
    ),
    DemoPartner(
        key="ie_singapore",
        tenant=MAKASSAR,
        kind=PartnerKind.FOREIGN_INSTITUTION,
        name="International Enterprise Singapore",
        country="SG",
        aliases=("IE Singapore",),
        notes="Badan pemerintah Singapura untuk pengembangan usaha dan perdagangan internasional.",
        contacts=(
            DemoContact(
                "Southeast Asia Group", "Indonesia desk", "iesg-indonesia@example.org", "Inggris"
            ),
        ),
    ),
    DemoPartner(
        key="engie",
        tenant=MAKASSAR,
        kind=PartnerKind.FOREIGN_COMPANY,
        name="ENGIE Ineo",
        country="FR",
        aliases=("ENGIE INEO France", "Ineo"),
        notes="Perusahaan swasta asing: kerja sama pemda dengannya selalu dikaji pemerintah pusat.",
    ),
    DemoPartner(
        key="united_kingdom",
        tenant=MAKASSAR,
        kind=PartnerKind.FOREIGN_GOVERNMENT,
        name="Pemerintah Inggris (mitra belum ditetapkan)",
        country="GB",
        aliases=("Inggris", "United Kingdom"),
        notes=(
            "Sumber berita hanya menyebut kerja sama dengan Inggris sudah berjalan; lembaga, "
            "bidang, dan naskahnya belum diketahui."
        ),
    ),
)
