"""One-word names before "selaku": many Indonesians have a single name, and "selaku" is said
only of a person; offices, places and acronyms before it stay what they are."""

from mitra.intake.extract import extract


def people(text: str) -> list[tuple[str, str]]:
    return [(p.name, p.role) for p in extract(text).people]


def test_a_single_name_before_selaku_and_a_role_is_a_person():
    found = people(
        "Pemkab Malang meneken MoU dengan Kota Tono. MoU diteken oleh Sutiaji selaku Wali "
        "Kota Malang dan Hidetomo Suzuki selaku Wali Kota Tono."
    )
    assert found == [("Sutiaji", "Wali Kota Malang"), ("Hidetomo Suzuki", "Wali Kota Tono")]


def test_a_single_name_after_a_comma_in_a_run_of_signatories_is_a_person():
    found = people(
        "Pemprov Jawa Tengah meneken MoU dengan Queensland. Penandatanganan dilakukan dua "
        "pejabat, yakni Sumarno selaku Sekretaris Daerah Provinsi Jawa Tengah, dan John Smith "
        "selaku Direktur Queensland."
    )
    assert ("Sumarno", "Sekretaris Daerah Provinsi Jawa Tengah") in found


def test_an_office_before_selaku_is_no_person():
    found = people(
        "Kerja sama dengan Kota Tono dijalankan oleh Bappeda selaku Koordinator Program."
    )
    assert found == []


def test_an_acronym_before_selaku_is_no_person():
    found = people(
        "Kerja sama dengan Kota Tono dijalankan oleh BKPSDM selaku Pelaksana Program Magang."
    )
    assert found == []


def test_a_single_word_after_a_capitalised_word_is_not_taken_alone():
    found = people("MoU diteken oleh Bapak Sutiaji selaku Wali Kota Malang.")
    assert [name for name, _role in found] != ["Bapak"]


def test_a_lowercase_role_with_its_region_and_a_full_name_after_it_is_a_person():
    found = people(
        "Kerja sama dengan Prefektur Osaka dibahas bersama wakil gubernur Jawa Timur Emil "
        "Dardak di Surabaya."
    )
    assert found == [("Emil Dardak", "wakil gubernur Jawa Timur")]


def test_a_lowercase_role_with_its_region_and_a_weekday_after_it_names_nobody():
    found = people(
        "Kerja sama dengan Prefektur Osaka dibahas bersama gubernur Jawa Timur Senin lalu."
    )
    assert found == []


def test_a_lowercase_role_with_two_places_after_it_names_nobody():
    found = people(
        "Kerja sama dengan Kota Tono dijajaki dalam kunjungan bupati Purbalingga ke Kota "
        "Tono, Jepang."
    )
    assert found == []
