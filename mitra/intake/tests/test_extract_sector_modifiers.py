"""Sectors named by the head of a noun phrase: "teknologi pertanian" is farming done with
technology, and "inovasi" or a "digital" after a noun names no field of its own."""

from mitra.intake.extract import extract


def slugs(text: str) -> list[str]:
    return [sector.slug for sector in extract(text).sectors]


def test_technology_of_a_field_is_that_field():
    text = (
        "Pemkab Sigi dan Kota Kofu sepakat bekerja sama dalam teknologi pertanian dan teknologi "
        "pengolahan sampah."
    )
    assert slugs(text) == ["agriculture_fisheries", "environment"]


def test_technology_on_its_own_or_listed_is_technology():
    text = "Pemkab Sigi dan Kota Kofu sepakat bekerja sama di bidang teknologi dan pertanian."
    assert slugs(text) == ["technology", "agriculture_fisheries"]
    text = "Pemkab Sigi menjalin kerja sama alih teknologi dengan Kota Kofu."
    assert slugs(text) == ["technology"]


def test_innovation_and_a_digital_market_name_no_technology():
    text = (
        "Lewat kerja sama itu Pemkot Blitar dan Kota Gimhae ingin bertukar inovasi, dan membuka "
        "pasar digital bagi produk UMKM."
    )
    assert "technology" not in slugs(text)
    assert "msme_trade" in slugs(text)
