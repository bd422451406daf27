"""Regions merely listed near a cooperation are no parties of it (issue 16): guests listed after
a clause of attending ("Sejumlah tokoh turut hadir, antara lain ..."), and regions listed as the
subject that cooperates on its own ("Sejumlah kabupaten sudah lebih dulu bekerja sama, yakni
..."). A list after "dengan" still names the other side."""

from mitra.intake.extract import extract

SIGNING = (
    "Pemerintah Provinsi Jawa Timur dan Pemerintah Provinsi Bali menandatangani kesepakatan "
    "bersama tentang pariwisata di Surabaya, Senin. "
)


def regions_as_partners(text: str) -> list[str]:
    return [p.name for p in extract(text).partners if p.kind == "indonesian_region"]


def partner_names(text: str) -> list[str]:
    return [p.name for p in extract(text).partners]


def test_heads_of_regions_listed_after_turut_hadir_are_guests():
    text = SIGNING + (
        "Sejumlah pejabat turut hadir dalam penandatanganan kerja sama itu, antara lain Gubernur "
        "Nusa Tenggara Barat, Pj. Gubernur Papua Barat dan Bupati Sleman."
    )
    assert regions_as_partners(text) == ["Provinsi Bali"]


def test_a_body_listed_after_menghadiri_is_a_guest():
    text = SIGNING + (
        "Pejabat yang menghadiri kerja sama Jawa Timur itu di antaranya Rektor Universitas "
        "Gadjah Mada dan Wali Kota Kediri."
    )
    assert partner_names(text) == ["Provinsi Bali"]


def test_speakers_listed_at_a_forum_on_cooperation_are_no_partners():
    text = (
        "Pemkab Kerinci memaparkan kerja sama kopi dengan sebuah LSM. Forum kerja sama itu "
        "menghadirkan sejumlah narasumber, di antaranya Bupati Sleman dan Kepala Biro Kerja "
        "Sama Pemprov Jawa Tengah."
    )
    assert regions_as_partners(text) == []


def test_a_bare_hadir_clause_may_still_list_the_signing_sides():
    text = (
        "Hadir dalam penandatanganan kesepakatan bersama itu, antara lain Bupati Sleman dan "
        "Wali Kota Kediri."
    )
    assert [r.name for r in extract(text).regions] + regions_as_partners(text) == [
        "Kabupaten Sleman",
        "Kota Kediri",
    ]


def test_a_list_after_dengan_still_names_the_other_side():
    text = (
        "Pemprov Jawa Timur menandatangani kesepakatan bersama dengan sejumlah daerah, antara "
        "lain Provinsi Bali dan Kabupaten Sleman."
    )
    assert regions_as_partners(text) == ["Provinsi Bali", "Kabupaten Sleman"]


def test_regions_listed_as_the_subject_of_their_own_cooperation_are_no_partners():
    text = SIGNING + (
        "Beberapa kabupaten di Jawa Timur sudah lebih dulu bekerja sama, yaitu Kabupaten "
        "Banyuwangi dan Kabupaten Jember di Jawa Timur, serta Kabupaten Jembrana di Bali."
    )
    assert regions_as_partners(text) == ["Provinsi Bali"]


def test_the_focal_regions_own_earlier_partners_listed_after_dengan_are_partners():
    text = (
        "Pemkot Surabaya menjalin kerja sama pengelolaan sampah. Pemkot Surabaya sebelumnya "
        "sudah bekerja sama dengan sejumlah daerah, yakni Kabupaten Gresik dan Kabupaten Sidoarjo."
    )
    assert regions_as_partners(text) == ["Kabupaten Gresik", "Kabupaten Sidoarjo"]


def test_listed_regions_that_cooperate_with_the_focal_region_are_partners():
    text = (
        "Pemprov Jawa Timur menggelar rapat kerja sama. Sejumlah kabupaten sudah bekerja sama "
        "dengan Pemprov Jawa Timur, yakni Kabupaten Gresik dan Kabupaten Sidoarjo."
    )
    assert regions_as_partners(text) == ["Kabupaten Gresik", "Kabupaten Sidoarjo"]


def test_listed_regions_beside_the_focal_region_sign_with_it():
    text = (
        "Pemprov Jawa Timur menggelar rapat kerja sama. Tiga daerah meneken kesepakatan "
        "bersama, yakni Kabupaten Gresik, Kabupaten Sidoarjo dan Provinsi Jawa Timur."
    )
    assert regions_as_partners(text) == ["Kabupaten Gresik", "Kabupaten Sidoarjo"]


def test_regions_signing_beside_the_focal_one_after_tentu_saja_are_no_partners():
    text = (
        "Pemerintah Kabupaten Kaur menandatangani kesepakatan bersama dengan Pemerintah Provinsi "
        "Jawa Timur di Surabaya. Ada tiga kabupaten yang meneken kesepakatan itu, yaitu "
        "Kabupaten Sambas, Kabupaten Nias dan tentu saja Kabupaten Kaur."
    )
    assert regions_as_partners(text) == ["Provinsi Jawa Timur"]


def test_the_guests_of_a_visit_listed_after_tamu_are_the_visiting_party():
    text = (
        "Pemkot Malang menerima kunjungan delegasi Korea Selatan untuk menjajaki kerja sama "
        "sister city. Tamu dari Korea Selatan itu antara lain Wakil Wali Kota Jeonju dan Kepala "
        "Dinas Pariwisata Provinsi Jeolla Utara."
    )
    assert "Jeonju" in partner_names(text)
