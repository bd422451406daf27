"""People in runs of names and roles, and roles written the way reporters do: an office word in
lower case, "PT." with its full stop, a modifier before a post ("Pj. Sekda")."""

from mitra.intake.extract import extract


def people(text: str) -> list[tuple[str, str]]:
    return [(p.name, p.role) for p in extract(text).people]


def test_in_a_run_that_opens_with_a_name_each_role_goes_back_to_its_person():
    text = (
        "Delegasi kota itu terdiri atas, Marta Kowalska, Wakil Kepala Distrik, Tomasz Zielinski, "
        "Kepala Dinas Budaya dan Pariwisata, Ewa Nowicka, Kepala Balai Arsip."
    )
    assert people(text) == [
        ("Marta Kowalska", "Wakil Kepala Distrik"),
        ("Tomasz Zielinski", "Kepala Dinas Budaya dan Pariwisata"),
        ("Ewa Nowicka", "Kepala Balai Arsip"),
    ]


def test_a_run_that_opens_with_a_role_still_reads_forward():
    text = (
        "Hadir Wali Kota Tegalrejo, Budi Hartanto, Kepala Dinas Pariwisata, Rina Lestari, dan tamu."
    )
    assert people(text) == [
        ("Budi Hartanto", "Wali Kota Tegalrejo"),
        ("Rina Lestari", "Kepala Dinas Pariwisata"),
    ]


def test_a_name_written_right_after_its_role_is_that_roles():
    text = "Ia datang bersama istrinya Mei Tanaka, Deputi Walikota Kenji Mori, dan staf kota."
    assert ("Kenji Mori", "Walikota") in people(text)


def test_a_name_after_an_office_initial_is_no_run_opener():
    text = (
        "Rombongan dipimpin Bupati, bersama perwakilan PT Sinar Laut Arman B. Siregar, Kepala "
        "Kantor Pelabuhan (KSOP) Tuban Heru Wibowo, serta pengusaha."
    )
    assert ("Heru Wibowo", "Kepala Kantor Pelabuhan (KSOP) Tuban") in people(text)
    assert all(name != "Arman B. Siregar" for name, _ in people(text))


def test_an_office_word_in_lower_case_stays_in_the_role():
    text = "Kepala Bagian Kerja sama Semarang Dimas Prakoso Aji menuturkan rencana itu."
    assert people(text) == [("Dimas Prakoso Aji", "Kepala Bagian Kerja sama Semarang")]


def test_a_company_abbreviation_with_its_full_stop_stays_in_the_role():
    text = "Sementara itu, Direktur Utama PT. Samudra Jaya, Teguh Santosa, menyatakan setuju."
    assert people(text) == [("Teguh Santosa", "Direktur Utama PT. Samudra Jaya")]


def test_a_title_with_its_full_stop_still_opens_the_name():
    text = "Dubes Yordania Dr. Faris, A.K. Haddad, bertamu ke kantor gubernur."
    assert all(name != "A.K. Haddad" for name, _ in people(text))


def test_a_modified_post_is_a_role_not_a_name():
    text = (
        "Penandatanganan disaksikan Wakil Bupati Ratna Sari, Pj. Sekda, Yusuf Hamdani, serta "
        "Plt Kepala Dinas Pariwisata, Lina Marlina."
    )
    assert people(text) == [
        ("Ratna Sari", "Wakil Bupati"),
        ("Yusuf Hamdani", "Pj. Sekda"),
        ("Lina Marlina", "Plt Kepala Dinas Pariwisata"),
    ]


def test_the_tail_of_an_office_joined_by_dan_is_no_run_opener():
    text = (
        "Hadir Kadis Pariwisata Made Arta, Dinas Penanaman Modal dan Perlayanan Terpadu Satu "
        "Pintu, Wakil Ketua TP PKK Kabupaten Badung."
    )
    assert all(name != "Perlayanan Terpadu Satu Pintu" for name, _ in people(text))
