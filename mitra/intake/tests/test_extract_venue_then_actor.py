"""A venue ends at the comma after it when an actor's title follows: "di Lagoi, Gubernur Kepri
..." names the governor's province as a party, not as a second place of the venue."""

from mitra.intake.extract import extract


def regions(text: str) -> list[str]:
    return [r.name for r in extract(text).regions]


def test_a_governor_after_the_venue_is_a_party():
    text = (
        "Usai jamuan makan malam di Lagoi, Gubernur Kepri Yusuf Hamdan menandatangani nota "
        "kesepahaman kerja sama dengan Gubernur Lampung."
    )
    assert regions(text) == ["Provinsi Kepulauan Riau"]


def test_a_city_after_the_venue_is_still_where_it_is():
    text = (
        "Pemprov Lampung menandatangani nota kesepahaman kerja sama di Gedung Graha, Batam, Sabtu."
    )
    assert regions(text) == ["Provinsi Lampung"]
