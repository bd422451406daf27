"""Foreign bodies named in their own words: the nationality adjective of an English name, a
country that completes a name made of common nouns, and the seat written after a body's other
name."""

from mitra.intake.extract import extract


def partners(text: str) -> list[tuple[str, str, str | None]]:
    return [(p.name, p.kind, p.country) for p in extract(text).partners]


def test_an_english_nationality_adjective_in_a_bodys_name_gives_its_country():
    found = partners(
        "Pemkot Bandung bekerja sama dengan German Development Bank untuk transportasi massal."
    )
    assert found == [("German Development Bank", "foreign_institution", "DE")]


def test_the_adjective_gives_the_country_list_of_the_story_too():
    result = extract(
        "Pemkab Badung menjajaki kerja sama promosi wisata dengan Korean Tourism Organization."
    )
    assert [c.code for c in result.countries] == ["KR"]


def test_an_indonesian_adjective_keeps_a_body_domestic():
    found = partners(
        "Pemkab Sleman menandatangani MoU dengan Indonesian Heritage Society di bidang budaya."
    )
    assert found == [("Indonesian Heritage Society", "domestic_party", "ID")]


def test_a_body_named_by_what_it_is_and_its_country_keeps_the_country_in_its_name():
    found = partners("Untuk mengatasi rob, Pemkab Pekalongan menggandeng Dewan Air Belanda.")
    assert found == [("Dewan Air Belanda", "foreign_institution", "NL")]


def test_a_description_that_a_list_goes_on_to_name_is_no_body_of_its_own():
    found = partners(
        "Pemprov Jawa Barat meneken MoU dengan Konsorsium Perusahaan Jepang yang terdiri atas "
        "Sumitomo Corporation dan Marubeni Corporation."
    )
    assert ("Konsorsium Perusahaan Jepang", "foreign_institution", "JP") not in found


def test_a_city_after_a_bodys_other_name_in_brackets_is_its_seat_not_a_partner():
    found = partners(
        "Pemkab Pekalongan menggandeng Dewan Air Belanda (Dutch Water Authority), Rotterdam, "
        "untuk menangani rob."
    )
    assert found == [("Dewan Air Belanda", "foreign_institution", "NL")]


def test_a_city_after_asal_is_the_seat_of_the_body_before_it():
    found = partners(
        "Pemkab Demak menjalin kerja sama dengan Dutch Water Authority asal Rotterdam untuk "
        "membangun tanggul rob."
    )
    assert found == [("Dutch Water Authority", "foreign_institution", "NL")]


def test_a_foreign_city_named_as_a_party_beside_a_body_stays_a_partner():
    found = partners(
        "Pemkot Semarang meneken MoU dengan Kota Rotterdam dan Dutch Water Authority tentang "
        "pengelolaan air."
    )
    assert ("Rotterdam", "foreign_city_or_region", "NL") in found
    assert ("Dutch Water Authority", "foreign_institution", "NL") in found


def test_the_government_of_a_negara_is_the_state_not_a_region_s():
    result = extract(
        "Pemerintah Provinsi Nusa Tenggara Timur dan Pemerintah Negara Republik Demokratik Timor "
        "Leste sama-sama ingin mendorong kerja sama di bidang ekonomi."
    )
    assert [(p.kind, p.country) for p in result.partners] == [("foreign_government", "TL")]
    # "Negara Bagian" is a state of a federation: its government is the place's
    result = extract(
        "Pemprov Jawa Barat menjalin kerja sama dengan Pemerintah Negara Bagian Queensland, "
        "Australia."
    )
    assert [(p.kind, p.country) for p in result.partners] == [("foreign_city_or_region", "AU")]


def test_an_indonesian_company_form_named_after_a_foreign_investor_and_yakni_is_foreign():
    result = extract(
        "Pemkab Kutai Barat menandatangani kesepakatan kerja sama dengan investor asal Jepang, "
        "yakni PT Hikari Agro Sistem, untuk pengembangan perkebunan."
    )
    partner = next(p for p in result.partners if "Hikari" in p.name)
    assert (partner.kind, partner.country) == ("foreign_company", "JP")


def test_members_listed_after_a_head_called_foreign_are_foreign_bodies_of_the_storys_country():
    found = partners(
        "Pemkab Tabanan bekerja sama dengan sejumlah LSM asing seperti Green Earth Alliance dan "
        "Pacific Reef Trust dalam rehabilitasi terumbu karang di perairan Bali."
    )
    assert [(name, kind) for name, kind, _country in found] == [
        ("Green Earth Alliance", "foreign_institution"),
        ("Pacific Reef Trust", "foreign_institution"),
    ]


def test_a_connective_opening_a_sentence_before_a_foreign_investor_is_no_company():
    for connective in ("Artinya", "Maksudnya", "Intinya"):
        found = partners(
            "Pemkab Sragen menjajaki kerja sama investasi pengolahan limbah. "
            f"{connective}, investor Jepang membangun pabrik lalu menyerahkannya kepada daerah."
        )
        assert found == []
