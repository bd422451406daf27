"""Foreign districts and wards the city list does not know, named by a district word or by a
Korean or Japanese administrative suffix, and the prefecture after a suffixed city."""

from mitra.intake.extract import extract


def partners(text: str) -> list[tuple[str, str, str | None]]:
    return [(p.name, p.kind, p.country) for p in extract(text).partners]


def test_a_korean_ward_with_its_suffix_in_lower_case_is_a_foreign_place():
    found = partners("Pemkab Gianyar menjajaki kerja sama dengan Jongno-gu, Korea Selatan.")
    assert found == [("Jongno-gu", "foreign_city_or_region", "KR")]


def test_a_ward_named_by_the_district_word_is_a_foreign_place():
    found = partners(
        "Pemkot Batu menandatangani LoI dengan Distrik Gangnam, Seoul, Korea Selatan, "
        "tentang pariwisata."
    )
    assert found == [("Gangnam", "foreign_city_or_region", "KR")]


def test_the_prefecture_after_a_city_with_its_japanese_suffix_is_where_it_lies():
    found = partners(
        "Pemkot Bogor menjajaki kerja sama dengan Kota Kisarazu-shi, Prefektur Chiba, Jepang."
    )
    assert found == [("Kisarazu", "foreign_city_or_region", "JP")]


def test_a_district_of_papua_is_no_place_abroad_in_a_story_with_a_foreign_partner():
    found = partners(
        "Pemkab Jayapura menjajaki kerja sama perdagangan dengan Kota Vanimo, Papua Nugini. "
        "Pertemuan digelar di Distrik Sentani."
    )
    assert found == [("Vanimo", "foreign_city_or_region", "PG")]


def test_a_lower_case_word_after_a_hyphen_that_is_no_suffix_joins_no_name():
    found = partners(
        "Pemkot Medan menjajaki kerja sama dengan Kota Ichikawa, Jepang, lewat pertukaran "
        "pelajar-mahasiswa."
    )
    assert found == [("Ichikawa", "foreign_city_or_region", "JP")]


def test_a_city_a_delegation_arrived_from_is_a_stop_of_its_trip():
    found = partners(
        "Pemkot Bandung menerima delegasi Kota Suwon, Korea Selatan. Delegasi tiba dari Seoul "
        "melalui Bandara Soekarno-Hatta."
    )
    assert found == [("Suwon", "foreign_city_or_region", "KR")]


def test_a_city_the_mayor_came_back_from_is_no_partner():
    found = partners(
        "Sepulang dari Tokyo, Wali Kota Makassar meneken MoU dengan Kota Kitakyushu, Jepang."
    )
    assert found == [("Kitakyushu", "foreign_city_or_region", "JP")]


def test_a_delegation_that_came_from_its_city_keeps_it_as_partner():
    found = partners(
        "Rombongan datang dari Kota Tono, Jepang, untuk menjajaki kerja sama dengan Pemkab "
        "Purbalingga."
    )
    assert found == [("Tōno", "foreign_city_or_region", "JP")]


def test_a_city_after_the_year_of_an_events_name_is_its_venue():
    found = partners(
        "Pemkab Gresik Promosi Investasi di Indonesia Japan Fiesta 2019 Osaka\n"
        "Pemkab Gresik menjajaki kerja sama investasi dengan Japan Indonesia Business "
        "Association."
    )
    assert ("Osaka", "foreign_city_or_region", "JP") not in found


def test_a_city_after_a_year_that_closes_a_date_is_still_a_partner():
    found = partners(
        "Pemkot Bogor menjalin kerja sama pendidikan. Sejak Maret 2019 Kisarazu, Jepang, "
        "mengirim pelajar ke Bogor dalam kerja sama itu."
    )
    assert ("Kisarazu", "foreign_city_or_region", "JP") in found


def test_a_family_name_in_capitals_after_the_given_name_is_no_town():
    found = partners(
        "Pemkab Gresik menjajaki kerja sama hibah dengan Pemerintah Jepang. Wakil Konsul "
        "Masatake ITO diterima Wakil Bupati Gresik."
    )
    assert ("Itō", "foreign_city_or_region", "JP") not in found


def test_a_city_in_capitals_after_its_place_word_is_still_a_partner():
    found = partners("Pemkot Surabaya menjajaki kerja sama dengan Kota OSAKA, Jepang.")
    assert found == [("Osaka", "foreign_city_or_region", "JP")]


def test_a_city_in_a_headline_in_capitals_is_still_a_partner():
    found = partners("PEMKOT SURABAYA JAJAKI KERJA SAMA DENGAN OSAKA")
    assert found == [("Osaka", "foreign_city_or_region", "JP")]
