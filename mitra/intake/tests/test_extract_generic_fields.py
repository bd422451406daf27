"""A generic field (economy, industry, government) listed as one of the cooperation's fields
beside precise ones is a field of its own (`other`); a word that only says the fields are many,
or a generic word outside the list, adds nothing when precise fields are named."""

from mitra.intake.extract import extract


def sectors(text: str) -> list[str]:
    return sorted(s.slug for s in extract(text).sectors)


def test_a_generic_field_in_a_list_of_precise_ones_is_other():
    text = (
        "Pemkot Bandung dan Kota Braunschweig sepakat bekerja sama di bidang pariwisata, "
        "ekonomi dan kebudayaan."
    )
    assert sectors(text) == ["culture", "other", "tourism"]


def test_a_generic_field_after_bidang_is_other_beside_a_precise_one():
    text = (
        "Pemprov Jawa Timur menjajaki kerja sama bidang industri dengan Prefektur Osaka, "
        "termasuk pelatihan tenaga kerja."
    )
    assert sectors(text) == ["human_resources", "other"]


def test_many_fields_then_precise_ones_is_no_generic_field():
    text = (
        "Pemkot Tangerang Selatan dan Kota Miri meneken MoU kerja sama di berbagai bidang, "
        "seperti pendidikan dan pariwisata."
    )
    assert sectors(text) == ["education", "tourism"]


def test_a_generic_word_outside_the_list_of_fields_adds_nothing():
    text = (
        "Pemkab Sleman meneken MoU pendidikan dengan Kota Hamamatsu. Kerja sama itu diharapkan "
        "mendorong pertumbuhan ekonomi warga."
    )
    assert sectors(text) == ["education"]


def test_a_generic_field_alone_is_still_other():
    text = "Pemkab Batang menjajaki kerja sama ekonomi dengan Provinsi Shandong, Tiongkok."
    assert sectors(text) == ["other"]


def test_a_simile_gives_no_field():
    text = (
        "Pemprov Jawa Barat meneken LoI pendidikan dengan Prefektur Shizuoka. Gubernur berharap "
        "pembangunan Jawa Barat melaju secepat kereta Shinkansen."
    )
    assert sectors(text) == ["education"]


def test_a_figure_with_bak_gives_no_field():
    text = (
        "Pemkot Makassar meneken MoU pendidikan dengan Kota Fukuoka. Hubungan kedua kota kini "
        "mulus bak jalan tol."
    )
    assert sectors(text) == ["education"]


def test_the_definition_of_a_sister_city_names_no_field_of_this_one():
    text = (
        "Pemkot Bogor menjajaki kerja sama pertanian dengan Kota Kisarazu. Sister city adalah "
        "kerja sama antarkota di bidang ekonomi, budaya dan pendidikan."
    )
    assert sectors(text) == ["agriculture_fisheries"]


def test_a_sister_city_that_is_said_to_work_in_a_field_is_no_definition():
    text = (
        "Kerja sama sister city Kota Bogor dan Kisarazu yang diteken 2019 kini berfokus pada "
        "pendidikan dan budaya."
    )
    assert sectors(text) == ["culture", "education"]
