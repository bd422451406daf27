"""A partnership word signed ("Teken Kerja Sama", "resmi menjalin sister city") tells loosely of
the document the story then names as signed today; it is no memorandum of its own."""

from mitra.intake.extract import extract


def stage(text: str) -> str | None:
    found = extract(text).stage
    return found.slug if found else None


HEADLINE = "Pemkot Cilegon Teken Kerja Sama dengan Kota Weihai\n"
LEAD = (
    "CILEGON - Hubungan kota bersaudara resmi dijalin Pemerintah Kota Cilegon dengan Kota "
    "Weihai, Tiongkok.\n\n"
)


def test_the_letter_named_after_a_loose_headline_is_the_stage():
    text = (
        HEADLINE
        + LEAD
        + (
            "Penandanya adalah Letter of Intent yang ditandatangani Wali Kota Cilegon dan Wali Kota "
            "Weihai di Jakarta, Rabu (5/6/2024).\n"
        )
    )
    assert stage(text) == "loi"


def test_a_letter_of_the_past_leaves_the_headline_signing_standing():
    text = HEADLINE + LEAD + ("Sebelumnya kedua kota pernah meneken Letter of Intent pada 2019.\n")
    assert stage(text) == "mou"


def test_a_renewal_in_the_headline_is_news_of_its_own():
    text = (
        "Pemkot Cilegon dan Kota Weihai Perbarui Kerja Sama Sister City\n"
        "CILEGON - Kedua kota memperbarui kerja sama yang dimulai 2010.\n\n"
        "Letter of Intent kerja sama pariwisata juga ditandatangani kedua wali kota, Rabu "
        "(5/6/2024).\n"
    )
    assert stage(text) != "loi"
