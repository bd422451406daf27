"""Another pair's cooperation told beside the story ("kerja sama antara Technopark X dengan
PT Y"): its parties are no partners of the focal region; a pair that names the focal region
keeps its other side."""

from mitra.intake.extract import extract


def partners(text: str) -> list[str]:
    return [p.name for p in extract(text).partners]


LEAD = (
    "Pemprov Jawa Tengah memperbarui kerja sama sister province dengan Provinsi "
    "Chungcheongbuk-do, Korea Selatan. "
)


def test_the_parties_of_another_pair_are_no_partners():
    text = LEAD + (
        "Selain itu ada penandatanganan kerja sama antara Daejeon Technopark dengan PT Baja "
        "Nusantara tentang pasokan nikel."
    )
    assert "PT Baja Nusantara" not in partners(text)


def test_a_pair_with_the_focal_region_keeps_its_other_side():
    text = LEAD + (
        "Selain itu ada penandatanganan kerja sama antara Pemprov Jawa Tengah dengan PT Baja "
        "Nusantara tentang pasokan nikel."
    )
    assert "PT Baja Nusantara" in partners(text)


def test_a_party_named_outside_the_pair_too_stays_a_partner():
    text = LEAD + (
        "Pemprov Jawa Tengah juga meneken MoU dengan PT Baja Nusantara. Perusahaan itu sebelumnya "
        "meneken kerja sama antara Daejeon Technopark dengan PT Baja Nusantara."
    )
    assert "PT Baja Nusantara" in partners(text)
