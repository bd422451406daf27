"""Other regions as parties when the story's main region is left unsaid (issue 16): a region
that is the subject of a partnering verb with no other side named, and a sentence opening
"Dengan Provinsi X," or "Bersama Pemkot X," that goes through the parties one by one."""

from mitra.intake.extract import extract

LEAD = "Pemprov Kaltim mengikat kerja sama dengan delapan provinsi lain di Indonesia. "


def regions_as_partners(text: str) -> list[str]:
    return [p.name for p in extract(text).partners if p.kind == "indonesian_region"]


def focal(text: str) -> list[str]:
    return [r.name for r in extract(text).regions]


def test_a_region_that_becomes_a_partner_of_the_unsaid_main_region_is_a_party():
    text = LEAD + "Provinsi Kalteng menjadi mitra untuk layanan rujukan kesehatan."
    assert regions_as_partners(text) == ["Provinsi Kalimantan Tengah"]
    assert focal(text) == ["Provinsi Kalimantan Timur"]


def test_a_region_that_works_together_in_a_field_is_a_party():
    text = LEAD + "Provinsi Maluku Utara bekerja sama dalam perdagangan nikel."
    assert regions_as_partners(text) == ["Provinsi Maluku Utara"]


def test_a_region_that_works_with_a_partner_of_its_own_is_no_party_of_the_main_one():
    text = (
        "Pemprov Jabar menjalin kerja sama dengan Provinsi Chongqing. Pemkab Purwakarta juga "
        "bekerja sama dengan Kota Icheon, Korea Selatan."
    )
    assert regions_as_partners(text) == []
    assert focal(text) == ["Provinsi Jawa Barat", "Kabupaten Purwakarta"]


def test_a_region_merely_named_in_another_sentence_of_cooperation_is_no_party():
    text = LEAD + "Provinsi Maluku Utara menjadi tuan rumah rapat kerja sama tahun depan."
    assert regions_as_partners(text) == []


def test_a_sentence_opening_with_a_government_after_bersama_names_a_party():
    text = LEAD + "Bersama Provinsi Kalimantan Selatan, bidangnya kesehatan dan perkebunan."
    assert regions_as_partners(text) == ["Provinsi Kalimantan Selatan"]


def test_a_sentence_opening_with_bersama_and_no_government_names_no_party():
    text = LEAD + "Bersama rombongan, Gubernur meninjau pelabuhan Samarinda."
    assert regions_as_partners(text) == []
