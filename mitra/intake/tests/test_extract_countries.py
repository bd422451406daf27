"""Countries: ISO codes from Indonesian and English names; never Indonesia itself."""

from mitra.intake.extract import extract


def codes(text: str) -> list[str]:
    return [country.code for country in extract(text).countries]


def test_indonesian_and_english_country_names_give_iso_codes():
    text = (
        "Pemkot Bandung menjalin kerja sama dengan Selandia Baru, Singapore, Korsel, Tiongkok "
        "dan Belanda."
    )
    assert codes(text) == ["NZ", "SG", "KR", "CN", "NL"]


def test_the_country_name_is_the_indonesian_one():
    (country,) = extract("Pemkot Bekasi bekerja sama dengan Kota Suwon, South Korea.").countries
    assert (country.code, country.name) == ("KR", "Korea Selatan")


def test_indonesia_is_not_listed_because_the_text_is_indonesian():
    assert codes("Pemkot Surabaya dan Kota Busan, Korea Selatan, bekerja sama di Indonesia.") == [
        "KR"
    ]


def test_a_language_or_a_world_region_is_no_country():
    text = (
        "Pemkot Ambon menjalin kerja sama pelatihan bahasa Inggris dengan mitra dari "
        "Amerika Latin dan Asia Tenggara."
    )
    assert codes(text) == []


def test_the_abbreviation_as_counts_only_in_capitals():
    assert codes("Pemkot Medan bekerja sama dengan mitra dari AS.") == ["US"]
    assert codes("Pemkot Medan bekerja sama dengan mitra, as it were.") == []


def test_a_partner_gives_its_country_even_when_the_text_does_not_name_it():
    assert codes("Pemkab Banyuwangi bekerja sama dengan JICA di bidang kebencanaan.") == ["JP"]


COUNTERPARTIES = [
    "Pemkot Bogor menjalin kerja sama dengan Australia.",
    "Pemkot Bogor menjalin kerja sama dengan investor asal Australia.",
    "Pemkot Bogor menerima delegasi Australia untuk menjajaki kerja sama.",
    "Duta Besar Australia membahas kerja sama dengan Pemkot Bogor.",
    "Pemkot Bogor menjalin kerja sama dengan Western Sydney University (WSU) Australia.",
    "Kerja sama Bogor-Australia dibahas Pemkot Bogor.",
]


def test_a_country_named_as_the_other_side_in_any_shape_is_listed():
    for text in COUNTERPARTIES:
        assert [c.code for c in extract(text).countries] == ["AU"], text


BACKGROUND = [
    "Pemkot Bogor menjalin kerja sama dengan Kota Tula, Rusia. Duta Besar RI untuk Rusia dan "
    "Belarus ikut hadir dalam kerja sama itu.",
    "Pemkot Bogor menjalin kerja sama dengan Kota Tula, Rusia. Investor terbesar kedua "
    "setelah Singapura juga ikut dalam kerja sama ini.",
    "Pemkot Bogor menjalin kerja sama dengan Kota Tula, Rusia, yang ekspornya ke Amerika "
    "Serikat terus naik berkat kerja sama itu.",
]


def test_a_country_only_in_the_background_of_a_cooperation_is_not_listed():
    for text in BACKGROUND:
        assert [c.code for c in extract(text).countries] == ["RU"], text
