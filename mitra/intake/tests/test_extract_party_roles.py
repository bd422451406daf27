"""The role of an Indonesian mention (issue 16): a region joined to another by "dan" in a
headline names no side yet; a region's own offices listed as those who carry out the deal are
no parties; regions listed beside the focal one as fellow signatories sign with the same
counterpart, not with it."""

from mitra.intake.extract import extract


def regions(text: str) -> list[str]:
    return [r.name for r in extract(text).regions]


def indonesian(text: str) -> list[str]:
    return [p.name for p in extract(text).partners if p.country == "ID"]


def test_a_region_joined_by_dan_in_the_headline_takes_its_side_from_its_next_mention():
    text = (
        "Kabupaten Kaur dan Jawa Tengah Teken Kesepakatan\n\n"
        "JAWA TENGAH - Pemerintah Kabupaten Kaur resmi menandatangani kesepakatan bersama"
        " dengan Pemerintah Provinsi Jawa Tengah. Kesepakatan diteken Gubernur Jawa Tengah dan"
        " Bupati Kaur. Jawa Tengah kini bekerja sama dengan 40 daerah."
    )
    assert regions(text) == ["Kabupaten Kaur"]
    assert indonesian(text) == ["Provinsi Jawa Tengah"]


def test_offices_listed_after_organisasi_perangkat_daerah_are_no_parties():
    text = (
        "Pemerintah Kabupaten Kaur menandatangani kesepakatan bersama dengan Pemerintah"
        " Provinsi Jawa Tengah. Kerja sama itu dijalankan organisasi perangkat daerah, seperti"
        " Dinas Pariwisata, DPMPTSP, Bappeda dan BKPSDM."
    )
    assert indonesian(text) == ["Provinsi Jawa Tengah"]


def test_regions_listed_beside_the_focal_one_as_fellow_signatories_are_no_partners():
    text = (
        "Pemerintah Kabupaten Kaur menandatangani kesepakatan bersama dengan Pemerintah"
        " Provinsi Jawa Tengah. Hari itu tiga kabupaten meneken kesepakatan, yakni Kabupaten"
        " Sikka, Kabupaten Mimika dan tentunya Kabupaten Kaur."
    )
    assert regions(text) == ["Kabupaten Kaur"]
    assert indonesian(text) == ["Provinsi Jawa Tengah"]


def test_regions_listed_with_the_focal_one_and_its_counterpart_remain_partners():
    text = (
        "Pemerintah Kabupaten Kaur menjalin kerja sama dengan Kabupaten Sikka. Tiga kabupaten"
        " bersepakat, yakni Kabupaten Kaur, Kabupaten Sikka dan Kabupaten Mimika."
    )
    assert indonesian(text) == ["Kabupaten Sikka", "Kabupaten Mimika"]


def test_a_region_named_only_as_the_other_side_of_the_foreign_partners_own_deal_is_no_partner():
    text = (
        "Pemerintah Kota Salatiga menjajaki kerja sama dengan Kota Hamamatsu, Jepang, di"
        " bidang pendidikan.\n\n"
        "Wali Kota Hamamatsu menuturkan, kotanya sebelumnya telah menandatangani perjanjian"
        " kerja sama dengan Kabupaten Gianyar untuk proyek irigasi."
    )
    assert regions(text) == ["Kota Salatiga"]
    assert indonesian(text) == []


def test_a_region_named_with_the_story_region_beside_a_foreign_partner_remains_a_partner():
    text = (
        "Pemerintah Kota Salatiga menjajaki kerja sama dengan Kota Hamamatsu, Jepang, di"
        " bidang pendidikan.\n\n"
        "Wali Kota Hamamatsu menuturkan, Kota Salatiga juga menandatangani perjanjian"
        " kerja sama dengan Kabupaten Gianyar untuk proyek irigasi."
    )
    assert indonesian(text) == ["Kabupaten Gianyar"]


def test_another_regions_water_enterprise_is_the_party_not_its_region():
    text = "Pemkab Sleman meneken nota kesepahaman dengan PDAM Kota Magelang tentang air bersih."
    assert [(p.name, p.kind) for p in extract(text).partners] == [
        ("PDAM Kota Magelang", "domestic_party")
    ]


def test_the_story_regions_own_water_enterprise_is_no_partner():
    text = "Pemkot Magelang meneken nota kesepahaman dengan PDAM Kota Magelang tentang air."
    assert regions(text) == ["Kota Magelang"]
    assert extract(text).partners == ()
