"""Sectors: the slugs of domain.md §5 from Indonesian cues."""

from mitra.intake.extract import extract


def slugs(text: str) -> list[str]:
    return [sector.slug for sector in extract(text).sectors]


def test_indonesian_cues_give_the_sector_slugs():
    text = (
        "Pemkot Bandung menjalin kerja sama pemasaran produk UMKM, pariwisata, pengelolaan "
        "sampah, penyediaan air bersih, dan pengembangan sumber daya manusia."
    )
    assert slugs(text) == [
        "msme_trade",
        "tourism",
        "environment",
        "water_sanitation",
        "human_resources",
    ]


def test_staff_are_a_sector_only_when_they_are_developed():
    assert "human_resources" not in slugs(
        "Untuk menjalankan kerja sama Pemkot Bandung ini dibutuhkan SDM yang kompeten."
    )
    assert "human_resources" in slugs(
        "Kerja sama Pemkot Bandung ini mencakup pengembangan SDM aparatur."
    )


def test_an_office_name_is_no_sector():
    text = (
        "Kepala Dinas Pendidikan Kota Surabaya, Yusuf Hadi, mengatakan kerja sama dengan Busan "
        "mencakup pertukaran budaya."
    )
    assert slugs(text) == ["culture"]


def test_lingkungan_alone_means_within_not_environment():
    # The cooperation's field is not said, so it is `other`: neither environment nor staff.
    assert slugs("SDM di lingkungan Pemkot Bandung terbatas untuk kerja sama luar negeri.") == [
        "other"
    ]


def test_sector_evidence_points_at_the_cue():
    text = "Pemkab Sidoarjo dan Kota Kitakyushu bekerja sama dalam pengelolaan sampah organik."
    (sector,) = extract(text).sectors
    assert sector.slug == "environment"
    assert [text[start:end] for start, end in sector.evidence] == ["sampah"]


def test_generic_economic_cooperation_is_other():
    result = extract(
        "Pemprov Sulawesi Tengah dan Provinsi Gyeonggi menjajaki kerja sama di bidang ekonomi."
    )
    assert [s.slug for s in result.sectors] == ["other"]


def test_a_precise_field_wins_over_a_generic_word():
    result = extract(
        "Pemkot Batu menjajaki kerja sama ekonomi dengan Kota Nagoya, terutama pariwisata."
    )
    assert [s.slug for s in result.sectors] == ["tourism"]


def test_fire_trucks_are_disaster_and_training_forms_are_human_resources():
    found = slugs(
        "Pemkot Semarang menerima hibah mobil pemadam kebakaran dalam kerja sama dengan Pemprov "
        "DKI Jakarta; petugas Damkar juga dilatih di Jakarta."
    )
    assert {"disaster", "human_resources"} <= set(found)


def test_word_forms_and_a_dropped_letter_still_name_the_field():
    found = slugs(
        "Pemkab Musi Banyuasin bekerja sama dengan Jepang dalam pembudidayaan ikan dan pembangunan "
        "infrastrukur kawasan."
    )
    assert {"agriculture_fisheries", "infrastructure"} <= set(found)


def test_a_cooperation_whose_field_is_not_said_is_other():
    assert slugs("Pemkot Surabaya menjalin kerja sama sister city dengan Kota Xiamen, China.") == [
        "other"
    ]


def test_a_text_without_cooperation_has_no_sector_at_all():
    assert slugs("Wali Kota Surabaya meresmikan taman kota di Jalan Darmo.") == []
