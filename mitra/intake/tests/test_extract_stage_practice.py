"""A cooperation carried out, told by how long it has lasted (the years written in figures or
in words) or by an occasion that is a piece of its programme; and the same words about a term
ahead or a piece still to come, which are no practice."""

from mitra.intake.extract import extract


def stage(text: str) -> str | None:
    found = extract(text).stage
    return found.slug if found else None


def test_years_written_in_words_tell_a_cooperation_that_has_lasted():
    text = (
        "Pemkab Gresik dan Kota Osaka menggelar Fiesta Budaya. Kerja sama kedua daerah sudah "
        "terjalin lima tahun."
    )
    assert stage(text) == "implementation"


def test_tens_of_years_in_words_count_too():
    text = (
        "Wali Kota Bandung menerima rombongan Braunschweig. Kemitraan sister city kedua kota "
        "sudah berumur dua puluh tahun."
    )
    assert stage(text) == "implementation"


def test_half_a_century_of_partnership_is_a_practice():
    text = (
        "Kota Bandung dan Braunschweig merayakan setengah abad kerja sama sister city di "
        "Balai Kota Bandung."
    )
    assert stage(text) == "implementation"


def test_a_term_of_years_ahead_is_no_practice():
    text = (
        "Pemkot Semarang menjajaki kerja sama dengan Kota Fuzhou. Kemitraan itu diharapkan "
        "berjalan lima tahun ke depan."
    )
    assert stage(text) == "exploration"


def test_a_count_of_years_in_words_in_a_proposal_is_no_practice():
    text = (
        "Pemkab Sleman mengusulkan kerja sama sister city dengan Kota Hamamatsu untuk lima "
        "tahun pertama."
    )
    assert stage(text) == "exploration"


def test_an_occasion_that_is_part_of_a_programme_of_the_cooperation_is_carrying_it_out():
    text = (
        "Pemkab Gresik dan Kota Osaka menggelar Fiesta Budaya sebagai bagian dari program "
        "sister city kedua kota."
    )
    assert stage(text) == "implementation"


def test_a_piece_of_an_exchange_programme_is_carrying_it_out():
    text = (
        "Pemkot Bogor dan Kota Kisarazu menggelar lomba pidato, bagian dari program pertukaran "
        "pelajar kedua kota."
    )
    assert stage(text) == "implementation"


def test_a_piece_that_will_belong_to_a_cooperation_is_still_to_come():
    text = (
        "Pemkot Medan menjajaki kerja sama dengan Kota Ichikawa. Festival itu akan menjadi "
        "bagian dari kerja sama kedua kota."
    )
    assert stage(text) == "exploration"


def test_a_part_of_a_regional_plan_is_no_cooperation_carried_out():
    text = (
        "Bupati Sleman menerima Konsul Jenderal Jepang untuk menjajaki kerja sama pendidikan. "
        "Pembangunan sekolah itu bagian dari rencana pembangunan daerah."
    )
    assert stage(text) == "exploration"
