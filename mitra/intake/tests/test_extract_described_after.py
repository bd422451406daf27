"""A body described after its name ("PT Naga Mas, salah satu investor dari Korsel"): the
reporter's words say it is a foreign firm, whatever Indonesian company form it registered."""

from mitra.intake.extract import extract


def partners(text: str) -> list[tuple[str, str, str | None]]:
    return [(p.name, p.kind, p.country) for p in extract(text).partners]


def test_one_of_the_investors_from_a_country_is_a_firm_of_that_country():
    text = (
        "Pemprov Kaltara akan meneken MoU dengan PT Naga Mas, salah satu investor dari Korea "
        "Selatan, untuk membangun pelabuhan."
    )
    assert partners(text) == [("PT Naga Mas", "foreign_company", "KR")]


def test_a_company_described_as_from_a_country_is_that_countrys():
    text = (
        "Pemkab Bintan menjalin kerja sama dengan PT Sinar Kakao, perusahaan asal Tiongkok, "
        "untuk mengolah kakao."
    )
    assert partners(text) == [("PT Sinar Kakao", "foreign_company", "CN")]


def test_a_pt_with_no_foreign_description_stays_domestic():
    text = (
        "Pemkab Bintan menjalin kerja sama dengan PT Sinar Kakao, salah satu perusahaan "
        "terbesar di Riau, untuk mengolah kakao."
    )
    assert partners(text) == [("PT Sinar Kakao", "domestic_party", "ID")]
