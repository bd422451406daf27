"""A built thing used as a figure of speech (issue 16): a party that "menjadi jembatan" between
two others, or a "jembatan persahabatan", names no bridge to build; a bridge built together
still does; a field word inside a venue's name ("di Hotel X, Kawasan Wisata Y") names
no field, unless the name is of the field itself ("di Bidang Pendidikan")."""

from mitra.intake.extract import extract


def sectors(text: str) -> set[str]:
    return {item.slug for item in extract(text).sectors}


def test_a_party_that_becomes_a_bridge_names_no_infrastructure():
    text = (
        "Pemkot Bogor dan Kota Saint Louis, Amerika Serikat, menandatangani MoU kerja sama "
        "pendidikan. Diaspora di Saint Louis siap menjadi jembatan kedua kota."
    )
    assert sectors(text) == {"education"}


def test_a_bridge_of_friendship_names_no_infrastructure():
    text = (
        "Pemkab Bantul dan Kota Gangneung, Korea Selatan, meneken MoU kerja sama kebudayaan "
        "yang disebut Bupati sebagai jembatan persahabatan kedua daerah."
    )
    assert sectors(text) == {"culture"}


def test_a_bridge_built_together_is_infrastructure():
    text = (
        "Pemkab Kulon Progo dan Pemkab Purworejo meneken perjanjian kerja sama pembangunan "
        "jembatan di perbatasan kedua kabupaten."
    )
    assert "infrastructure" in sectors(text)


def test_a_field_word_in_a_venues_name_is_no_field():
    text = (
        "Pemprov Jambi dan Pemprov Sumbar menandatangani kesepakatan bersama di bidang "
        "pertanian, bertempat di Hotel Samudra, Kawasan Wisata Mandeh, Kamis (3/3)."
    )
    assert sectors(text) == {"agriculture_fisheries"}


def test_a_field_in_a_documents_title_after_di_bidang_is_a_field():
    text = (
        "Pemkab Mimika dan Yayasan Amungme meneken Kesepakatan Bersama tentang Program "
        "Pemberdayaan Masyarakat di Bidang Pendidikan dan Kesehatan."
    )
    assert {"education", "health"} <= sectors(text)
