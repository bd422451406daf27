"""A stage cue in a clause opened by a condition ("bila", "jika", "apabila") is supposed, even
with "sudah" before it; a condition closed by a comma leaves the next clause standing."""

from mitra.intake.extract import extract


def stage(text: str) -> str | None:
    found = extract(text).stage
    return found.slug if found else None


VISIT = (
    "Wali Kota Kendari Terima Delegasi Kota Kinabalu\n"
    "KENDARI - Wali Kota Kendari menerima kunjungan delegasi Kota Kinabalu, Malaysia, untuk "
    "menjajaki kerja sama sister city. "
)


def test_a_supposed_sister_city_is_not_running():
    text = VISIT + "Bila sister city sudah terwujud, urusan kerja sama dua kota itu lebih mudah.\n"
    assert stage(text) == "exploration"


def test_a_supposed_signing_is_not_signed():
    text = VISIT + "Jika MoU sudah ditandatangani, pertukaran pelajar bisa dimulai.\n"
    assert stage(text) == "exploration"


def test_a_condition_closed_by_a_comma_leaves_the_clause_after_it():
    text = (
        "Pemkot Kendari dan Kota Kinabalu Jalin Kerja Sama\n"
        "KENDARI - Bila dihitung sejak 2001, kerja sama Pemkot Kendari dan Kota Kinabalu sudah "
        "berjalan dua puluh tahun.\n"
    )
    assert stage(text) == "implementation"
