"""Other Indonesian regions a story names as examples or models of what its region does are no
parties to its cooperation; the regions it names as partners stay partners."""

from mitra.intake.extract import extract


def regions_as_partners(text: str) -> list[str]:
    return [p.name for p in extract(text).partners if p.kind == "indonesian_region"]


def test_other_regions_named_as_examples_are_no_partners():
    text = (
        "Pemkot Tegal meneken MoU dengan Kota Fuqing, Tiongkok. Daerah lain seperti Kota "
        "Semarang dan Kota Surakarta sudah lebih dulu menjalin sister city dengan kota di "
        "Tiongkok."
    )
    assert regions_as_partners(text) == []


def test_other_regencies_after_a_comma_and_misalnya_are_examples_too():
    text = (
        "Pemkab Kulon Progo meneken perjanjian kerja sama dengan PT Angkasa Pura I. Kabupaten "
        "lain, misalnya Kabupaten Bantul, juga menyiapkan kerja sama serupa."
    )
    assert regions_as_partners(text) == []


def test_a_region_taken_as_a_model_is_no_partner():
    text = (
        "Pemkab Lumajang menjajaki kerja sama agrowisata dengan Pemkab Jember. Lumajang juga "
        "ingin mencontoh Kabupaten Banyuwangi yang lebih dulu sukses."
    )
    assert regions_as_partners(text) == ["Kabupaten Jember"]


def test_other_partners_of_the_same_region_after_seperti_stay_partners():
    text = (
        "Pemprov DKI Jakarta meneken perjanjian kerja sama dengan Pemkot Bekasi. DKI juga "
        "bermitra dengan mitra lain seperti Pemkot Depok dan Pemkab Bogor."
    )
    assert regions_as_partners(text) == ["Kota Bekasi", "Kota Depok", "Kabupaten Bogor"]


def test_regions_listed_as_the_parties_after_seperti_stay_partners():
    text = (
        "Pemprov Jawa Tengah meneken kesepakatan bersama dengan beberapa daerah, seperti "
        "Provinsi Jawa Timur dan Provinsi DIY, tentang pariwisata."
    )
    assert regions_as_partners(text) == [
        "Provinsi Jawa Timur",
        "Provinsi Daerah Istimewa Yogyakarta",
    ]


def test_a_region_whose_study_visit_is_received_is_the_partner():
    text = (
        "Pemprov Jawa Tengah menerima kunjungan studi banding dari Pemkab Lombok Timur di "
        "Semarang untuk menjajaki kerja sama perencanaan pembangunan."
    )
    assert regions_as_partners(text) == ["Kabupaten Lombok Timur"]


def test_a_region_learnt_from_is_still_a_model_and_no_partner():
    text = (
        "Pemkab Lumajang menjajaki kerja sama agrowisata dengan Pemkab Jember. Lumajang ingin "
        "belajar banyak dari studi banding ke luar daerah, dan terinspirasi dari Kabupaten "
        "Banyuwangi."
    )
    assert regions_as_partners(text) == ["Kabupaten Jember"]
