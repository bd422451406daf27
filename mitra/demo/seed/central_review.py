"""The central reviewer's queue: foreign cooperations of both demo governments before
Kemendagri, at each state a request goes through (waiting for verification, waiting for
approval, returned to the region, decided), beside Makassar's ENGIE Ineo hold.

Illustrations, not seed cases of the news: the partners are real sister-city partners of the
two cities, the procedures are made up. `mitra.reviews.demo` takes the `DECISIONS` through the
review service once the requests are open.
"""

from datetime import date

from mitra.cooperations.services import PartyInput
from mitra.cooperations.workflow import Decision
from mitra.demo.seed.structures import (
    BANDUNG,
    FIRST,
    FOREIGN_CHAIN,
    MAKASSAR,
    SECOND,
    DemoCooperation,
    DemoDocument,
    DemoPartner,
    DocKind,
    Kind,
    PartnerKind,
    chain,
)

RETURNED = "Kota rendah karbon bersama Kitakyushu"
VERIFIED = "Pendidikan vokasi dan UMKM bersama Liuzhou"

# What Kemendagri decided: (cooperation title, decision, note).
DECISIONS = (
    (
        RETURNED,
        Decision.RETURN,
        "Rencana kerja sama belum memuat jangka waktu dan pembiayaan tiap kegiatan. Lengkapi "
        "KAK dan rencana aksi, lalu ajukan kembali.",
    ),
    (
        VERIFIED,
        Decision.APPROVE,
        "Berkas lengkap; lanjutkan penyusunan rancangan MoU bersama Kemlu.",
    ),
)


def _file(
    city: str, partner: str, loi: date, plan: date, council: date
) -> tuple[DemoDocument, ...]:
    """What the region sends Kemendagri for verification: the LoI, the cooperation plan (KAK
    and plan of action) and the DPRD's approval."""
    government, mayor = f"Pemerintah Kota {city}", f"Wali Kota {city}"
    return (
        DemoDocument(
            key="loi",
            kind=DocKind.LETTER_OF_INTENT,
            title=f"Pernyataan Kehendak Kota {city} dan {partner}",
            date_signed=loi,
            languages="Indonesia, Inggris",
            custody="region",
            parties=(PartyInput(FIRST, government, "", "", mayor), PartyInput(SECOND, partner)),
        ),
        DemoDocument(
            key="plan",
            kind=DocKind.COOPERATION_PLAN,
            title=f"KAK dan rencana aksi kerja sama Kota {city} dan {partner}",
            date_signed=plan,
            parent="loi",
            parties=(),
        ),
        DemoDocument(
            key="council",
            kind=DocKind.COUNCIL_APPROVAL,
            title=f"Persetujuan DPRD Kota {city} atas kerja sama dengan {partner}",
            date_signed=council,
            parties=(),
        ),
    )


PARTNERS = (
    DemoPartner(
        key="kitakyushu",
        tenant=MAKASSAR,
        kind=PartnerKind.FOREIGN_CITY_OR_REGION,
        name="Kota Kitakyushu",
        country="JP",
        aliases=("Kitakyushu City", "Kitakyushu"),
    ),
    DemoPartner(
        key="perth",
        tenant=MAKASSAR,
        kind=PartnerKind.FOREIGN_CITY_OR_REGION,
        name="Kota Perth",
        country="AU",
        aliases=("City of Perth", "Perth"),
    ),
    DemoPartner(
        key="braunschweig",
        tenant=BANDUNG,
        kind=PartnerKind.FOREIGN_CITY_OR_REGION,
        name="Kota Braunschweig",
        country="DE",
        aliases=("Stadt Braunschweig", "Braunschweig"),
    ),
    DemoPartner(
        key="liuzhou",
        tenant=BANDUNG,
        kind=PartnerKind.FOREIGN_CITY_OR_REGION,
        name="Kota Liuzhou",
        country="CN",
        aliases=("Liuzhou",),
    ),
)

COOPERATIONS = (
    DemoCooperation(
        tenant=MAKASSAR,
        kind=Kind.FOREIGN_REGION,
        title="Pelatihan tata kelola pelabuhan bersama Kota Perth",
        partners=("perth",),
        summary=(
            "Pertukaran pengetahuan pengelolaan kawasan pelabuhan dan pesisir kota. DPRD telah "
            "menyetujui; berkas menunggu verifikasi Kemendagri."
        ),
        created=(date(2015, 11, 2), "Gagasan kerja sama dari kunjungan Konsulat Australia."),
        steps=chain(FOREIGN_CHAIN[:5], "2015-12-07 2016-02-15 2016-04-04 2016-06-06 2016-08-08"),
        sectors=("infrastructure", "human_resources"),
        objects=("government_capacity",),
        initiating_agency="Bappeda",
        documents=_file(
            "Makassar", "Kota Perth", date(2016, 2, 15), date(2016, 5, 16), date(2016, 7, 25)
        ),
    ),
    DemoCooperation(
        tenant=MAKASSAR,
        kind=Kind.FOREIGN_REGION,
        title=RETURNED,
        partners=("kitakyushu",),
        summary=(
            "Pengelolaan sampah dan energi kota rendah karbon dengan Kota Kitakyushu. Dikirim "
            "ke Kemendagri untuk verifikasi setelah persetujuan DPRD."
        ),
        created=(date(2015, 9, 7), "Tawaran kerja sama lingkungan dari Kota Kitakyushu."),
        steps=chain(FOREIGN_CHAIN[:5], "2015-10-12 2016-01-11 2016-03-14 2016-05-09 2016-06-20"),
        sectors=("environment", "energy"),
        objects=("science_technology",),
        initiating_agency="Bappeda",
        documents=_file(
            "Makassar", "Kota Kitakyushu", date(2016, 1, 11), date(2016, 4, 18), date(2016, 6, 13)
        ),
    ),
    DemoCooperation(
        tenant=BANDUNG,
        kind=Kind.FOREIGN_REGION,
        title="Pembaruan kota kembar Bandung–Braunschweig",
        partners=("braunschweig",),
        summary=(
            "Naskah pembaruan kerja sama kota kembar telah diparaf kedua pihak; permohonan "
            "persetujuan Pemerintah Pusat diajukan."
        ),
        created=(date(2015, 6, 1), "Kedua kota sepakat memperbarui kerja sama kota kembar."),
        steps=chain(
            FOREIGN_CHAIN[:8],
            "2015-07-06 2015-09-07 2015-11-02 2016-01-11 2016-03-07 2016-05-02 2016-06-27"
            " 2016-08-15",
        ),
        sectors=("culture", "education"),
        objects=("cultural_exchange",),
        initiating_agency="Bappeda",
    ),
    DemoCooperation(
        tenant=BANDUNG,
        kind=Kind.FOREIGN_REGION,
        title=VERIFIED,
        partners=("liuzhou",),
        summary=(
            "Kerja sama pendidikan vokasi dan pembinaan UMKM dengan Kota Liuzhou; dikirim ke "
            "Kemendagri untuk verifikasi."
        ),
        created=(date(2015, 10, 5), "Kunjungan delegasi Kota Liuzhou ke Balai Kota Bandung."),
        steps=chain(FOREIGN_CHAIN[:5], "2015-11-09 2016-01-18 2016-03-21 2016-05-23 2016-07-11"),
        sectors=("education", "msme_trade"),
        objects=("government_capacity",),
        initiating_agency="Diskop UKM",
        documents=_file(
            "Bandung", "Kota Liuzhou", date(2016, 1, 18), date(2016, 4, 25), date(2016, 7, 4)
        ),
    ),
)
