"""Indonesian bodies as parties: campuses named by the short form of their type, and every
member of a list after a head noun, however long the list and whatever line the page put
inside it."""

from mitra.intake.extract import extract


def domestic(text: str) -> list[str]:
    return [p.name for p in extract(text).partners if p.kind == "domestic_party"]


def regions_as_partners(text: str) -> list[str]:
    return [p.name for p in extract(text).partners if p.kind == "indonesian_region"]


def test_a_campus_named_by_its_type_short_form_is_a_body_and_its_city_part_of_its_name():
    text = "Pemkab Gresik menandatangani MoU dengan UIN Sunan Ampel Surabaya tentang pelatihan."
    assert domestic(text) == ["UIN Sunan Ampel Surabaya"]
    assert regions_as_partners(text) == []


def test_two_campuses_by_their_type_short_forms_joined_by_dan_are_two_parties():
    text = (
        "Pemkot Kudus meneken nota kesepahaman dengan STIE Pariwisata Semarang dan IAIN Kudus "
        "di bidang pengembangan desa wisata, Senin (3/6/2024)."
    )
    assert domestic(text) == ["STIE Pariwisata Semarang", "IAIN Kudus"]


def test_a_health_polytechnic_by_its_short_form_is_a_party():
    text = "Pemkab Malang bekerja sama dengan Poltekkes Kemenkes Malang untuk pelatihan kader."
    assert domestic(text) == ["Poltekkes Kemenkes Malang"]


def test_a_campus_only_named_as_a_speakers_affiliation_is_no_party():
    text = (
        "Pemkab Demak menandatangani MoU dengan Pemkab Kudus tentang air bersih. Kerja sama itu "
        "dinilai tepat, kata dosen UIN Walisongo Semarang itu."
    )
    assert domestic(text) == []


def test_a_campus_outside_any_sentence_of_cooperation_is_no_party():
    text = (
        "Pemkab Sleman meneken MoU dengan Kota Hamamatsu, Jepang.\n"
        "Sementara itu, wisuda IAIN Surakarta digelar di Solo pekan lalu."
    )
    assert domestic(text) == []


def test_every_member_of_a_long_list_after_a_head_noun_is_a_party():
    text = (
        "Pemkab Gresik menandatangani MoU dengan tujuh perguruan tinggi, yakni Universitas "
        "Airlangga, Institut Teknologi Sepuluh Nopember, Universitas Negeri Surabaya, "
        "Universitas Muhammadiyah Gresik, Universitas Gresik, Politeknik Negeri Malang dan "
        "Universitas Jember."
    )
    assert domestic(text) == [
        "Universitas Airlangga",
        "Institut Teknologi Sepuluh Nopember",
        "Universitas Negeri Surabaya",
        "Universitas Muhammadiyah Gresik",
        "Universitas Gresik",
        "Politeknik Negeri Malang",
        "Universitas Jember",
    ]


def test_a_list_cut_by_a_read_also_line_goes_on_after_it():
    text = (
        "Pemkab Klaten resmi bermitra dengan enam kampus, yaitu Universitas Sebelas Maret, "
        "Universitas Widya Dharma, Universitas Negeri Yogyakarta,\n"
        "BACA JUGA: Pasar Klaten Dipadati Warga Jelang Lebaran\n"
        "Universitas Muhammadiyah Klaten, UIN Raden Mas Said Surakarta dan Politeknik "
        "Negeri Semarang.\n"
        "Nota kesepahaman diteken di Pendopo Klaten, Rabu (5/6/2024)."
    )
    assert domestic(text) == [
        "Universitas Sebelas Maret",
        "Universitas Widya Dharma",
        "Universitas Negeri Yogyakarta",
        "Universitas Muhammadiyah Klaten",
        "UIN Raden Mas Said Surakarta",
        "Politeknik Negeri Semarang",
    ]


def test_a_list_that_ended_before_the_read_also_line_does_not_take_the_next_sentence():
    text = (
        "Pemkab Klaten resmi bermitra dengan dua kampus, yaitu Universitas Sebelas Maret dan "
        "Universitas Widya Dharma.\n"
        "BACA JUGA: Pasar Klaten Dipadati Warga Jelang Lebaran\n"
        "Universitas Diponegoro menggelar wisuda di Semarang pekan lalu."
    )
    assert domestic(text) == ["Universitas Sebelas Maret", "Universitas Widya Dharma"]


def test_a_company_form_written_with_a_dot_opens_the_companys_name():
    text = (
        "Pemkab Pandeglang meneken perjanjian kerja sama pengolahan sampah dengan PT. Indonesia "
        "Power di Alun-alun Pandeglang."
    )
    assert domestic(text) == ["PT Indonesia Power"]


def test_the_dot_of_a_company_form_ends_no_sentence():
    result = extract(
        "Pemkot Bekasi bekerja sama dengan CV. Maju Jaya dalam pengelolaan parkir, Senin "
        "(3/6/2024)."
    )
    assert [p.name for p in result.partners] == ["CV Maju Jaya"]
    assert result.stage is not None and result.stage.slug == "exploration"


def test_a_company_written_with_and_without_the_dot_is_one_partner_and_no_person():
    result = extract(
        "Pemkab Pandeglang meneken perjanjian kerja sama dengan PT. Indonesia Power. Direktur "
        "PT Indonesia Power menyebut kerja sama itu yang pertama di Banten."
    )
    assert [p.name for p in result.partners] == ["PT Indonesia Power"]
    assert result.people == ()


def test_a_name_after_a_company_written_only_there_is_still_the_person():
    result = extract(
        "Pemkab Ogan Komering Ulu menjajaki kerja sama pengolahan sampah. Perwakilan PT SBI "
        "Solusi Bangun Indonesia Andre menjelaskan metode pengolahannya."
    )
    assert [p.name for p in result.people] == ["Andre"]


def test_a_full_name_after_a_company_named_elsewhere_is_still_the_person():
    result = extract(
        "Pemkab Gresik meneken MoU dengan PT Semen Indonesia. MoU diteken Direktur Utama PT "
        "Semen Indonesia Hendi Prio Santoso dan Bupati Gresik."
    )
    assert [p.name for p in result.people] == ["Hendi Prio Santoso"]


def test_a_company_named_before_a_capitalised_tentang_ends_where_the_subject_begins():
    text = (
        "Kesepakatan Bersama antara Pemprov NTB dengan PT Sumbawa Mutiara Lestari Tentang Kerja "
        "Sama Budidaya Mutiara ditandatangani di Mataram."
    )
    assert domestic(text) == ["PT Sumbawa Mutiara Lestari"]
