"""A region in brackets right after a name says where that name lies ("Bupati Sanggae (Kalbar)",
typo and all) or, as a list, what it is made of: no party of its own, unless the list names
the members of a joint body in a sentence about the cooperation."""

from mitra.intake.extract import extract


def regions_as_partners(text: str) -> list[str]:
    return [p.name for p in extract(text).partners if p.kind == "indonesian_region"]


VISIT = "Wakil Bupati Badung menerima kunjungan kerja rombongan kepala daerah untuk kerja sama, "


def test_a_province_in_brackets_after_an_unknown_name_is_where_it_lies():
    text = VISIT + "yaitu Bupati Sangau( Kalbar) Paulus Hadi dan Bupati Batu Bara Zahir."
    assert regions_as_partners(text) == ["Kabupaten Batu Bara"]


def test_a_province_in_brackets_after_a_comma_is_where_the_name_lies():
    text = VISIT + "yaitu Bupati Batu Bara Zahir dan Wakil Bupati Tanggamus, (Lampung), Syafi."
    assert regions_as_partners(text) == ["Kabupaten Batu Bara", "Kabupaten Tanggamus"]


def test_regions_listed_in_brackets_after_a_programme_are_its_area():
    text = (
        "Gubernur Jawa Barat menerima rombongan investor Chongqing untuk menjajaki kerja sama "
        "investasi. Ia meyakinkan rombongan investor bahwa Jabar surga investasi, apalagi kini "
        "dibangun Segitiga Emas (Cirebon-Indramayu-Majalengka) yang akan menjadi kawasan "
        "industri."
    )
    assert regions_as_partners(text) == []


def test_regions_listed_in_brackets_after_a_joint_body_are_its_members():
    text = (
        "Pemkab Bantul meneken kerja sama pengelolaan air dengan dua kabupaten tetangga. "
        "Kolaborasi antardaerah sudah ada lewat Sekber Kartomantul (Yogyakarta, Sleman dan "
        "Bantul) untuk kerja sama pengelolaan sampah."
    )
    assert "Kota Yogyakarta" in regions_as_partners(text)
