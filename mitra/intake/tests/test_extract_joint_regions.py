"""Indonesian regions that sign together: a joint agreement among several regions, two
governments sharing one name ("Pemkot dan Pemkab Madiun"), and campuses written with the
city they sit in."""

from mitra.intake.extract import extract


def regions(text: str) -> list[str]:
    return [r.name for r in extract(text).regions]


def region_partners(text: str) -> list[str]:
    return [p.name for p in extract(text).partners if p.kind == "indonesian_region"]


def domestic(text: str) -> list[str]:
    return [p.name for p in extract(text).partners if p.kind == "domestic_party"]


def test_regions_listed_in_a_joint_agreement_with_no_other_party_are_the_focal_ones_partners():
    text = (
        "Lima daerah di eks-Karesidenan Pati menjalin kerja sama pembangunan.\n\n"
        "Kesepakatan bersama diteken di Pendopo Kabupaten Pati oleh lima daerah, yaitu "
        "Kabupaten Pati, Kabupaten Kudus, Kabupaten Jepara, Kabupaten Rembang dan Kabupaten "
        "Blora, Senin (6/3/2023). Bupati Pati mengatakan kerja sama ini menyatukan pelayanan."
    )
    assert regions(text) == ["Kabupaten Pati"]
    assert region_partners(text) == [
        "Kabupaten Kudus",
        "Kabupaten Jepara",
        "Kabupaten Rembang",
        "Kabupaten Blora",
    ]


def test_regions_listed_beside_the_focal_one_signing_with_a_province_stay_off_its_partners():
    text = (
        "Pemkab Pati menandatangani kesepakatan bersama dengan Pemprov Jawa Barat di Bandung. "
        "Hari itu tiga kabupaten meneken kesepakatan bersama, yakni Kabupaten Kudus, Kabupaten "
        "Blora dan tentunya Kabupaten Pati."
    )
    assert region_partners(text) == ["Provinsi Jawa Barat"]


def test_a_city_and_a_regency_sharing_one_name_after_two_government_words_are_two_parties():
    text = (
        "MADIUN - Pemerintah Kabupaten dan Kota Madiun menandatangani perjanjian kerja sama "
        "penyediaan air bersih, Kamis (2/3/2023). Bupati Madiun mengatakan kerja sama ini "
        "menjawab kebutuhan warga di perbatasan."
    )
    assert regions(text) == ["Kabupaten Madiun"]
    assert region_partners(text) == ["Kota Madiun"]


def test_a_government_with_its_short_form_in_brackets_shares_the_name_after_dan():
    text = (
        "BOGOR - Pemerintah Kota (Pemkot) dan Kabupaten Bogor sepakat bekerja sama menangani "
        "banjir di perbatasan. Kesepakatan diteken di Balai Kota, Senin (6/3/2023)."
    )
    assert regions(text) == ["Kota Bogor"]
    assert region_partners(text) == ["Kabupaten Bogor"]


def test_a_regency_and_city_written_with_a_slash_before_one_name_are_two_members():
    text = (
        "Bupati Tuban meneken kesepakatan bersama antardaerah. Kerja sama itu meliputi "
        "Kabupaten Gresik, Lamongan, Kabupaten/Kota Mojokerto dan Tuban."
    )
    partners = region_partners(text)
    assert "Kabupaten Mojokerto" in partners
    assert "Kota Mojokerto" in partners


def test_a_campus_written_with_its_city_is_one_partner_named_without_the_city():
    text = (
        "Pemkab Blitar menandatangani nota kesepahaman dengan Universitas Brawijaya Malang "
        "tentang pendampingan perencanaan. Kerja sama dengan Universitas Brawijaya ini berlaku "
        "lima tahun."
    )
    assert domestic(text) == ["Universitas Brawijaya"]
    assert region_partners(text) == []


def test_two_campuses_of_one_name_in_two_cities_keep_their_cities():
    text = (
        "Pemprov Jateng bekerja sama dengan Institut Seni Indonesia Surakarta dan Institut Seni "
        "Indonesia Yogyakarta dalam pelestarian tari."
    )
    assert domestic(text) == [
        "Institut Seni Indonesia Surakarta",
        "Institut Seni Indonesia Yogyakarta",
    ]


def test_a_region_right_after_a_campus_acronym_is_where_it_sits_not_a_party():
    text = (
        "Pemkab Lumajang menandatangani MoU dengan Institut Teknologi Widya Pratama (ITWP) "
        "Probolinggo. Bupati Lumajang berharap kerja sama dengan ITWP Probolinggo membuka "
        "akses kuliah bagi warga."
    )
    assert region_partners(text) == []


def test_a_known_acronym_glued_to_another_word_by_a_hyphen_is_no_known_body():
    text = (
        "Pemkab Situbondo meneken kerja sama dengan ITS-Mandala Jember tentang beasiswa bagi "
        "mahasiswa dari desa."
    )
    assert "Institut Teknologi Sepuluh Nopember" not in domestic(text)


def test_the_dateline_city_named_once_as_a_later_plans_other_party_is_not_the_focal_one():
    text = (
        "Kota Kediri dan Kota Blitar Jadi Sister City Kota Batu\n\n"
        "SURABAYA - Kota Batu kini punya dua sister city baru, yakni Kota Kediri dan Kota "
        "Blitar. Wali Kota Batu meneken MoU sister city dengan Wali Kota Kediri dan Wali Kota "
        "Blitar di sela rapat kerja Apeksi di Kota Surabaya, Kamis (4/7/2019).\n\n"
        "Sekretaris Daerah Kota Batu turut menyaksikan penandatanganan itu.\n\n"
        "Dengan Kota Kediri, kerja sama akan fokus pada pengelolaan parkir.\n\n"
        "Ke depan Kota Batu juga akan menjajaki kerja sama dengan Kota Surabaya."
    )
    assert regions(text) == ["Kota Batu"]
    assert region_partners(text)[:2] == ["Kota Kediri", "Kota Blitar"]


def test_a_referral_service_before_a_comma_and_dengan_makes_no_model_of_the_next_party():
    text = (
        "Pemprov Kaltara meneken MoU dengan empat provinsi. Provinsi Gorontalo menjadi mitra "
        "untuk layanan rujukan kesehatan, sementara dengan Provinsi Sulbar disepakati kerja sama "
        "perdagangan rumput laut."
    )
    assert "Provinsi Sulawesi Barat" in region_partners(text)


def test_a_region_the_lead_signs_with_is_a_partner_though_the_headline_names_it_first():
    text = (
        "Kota Kediri dan Kota Blitar Jadi Kota Sister City Kota Batu\n\n"
        "SURABAYA - Kota Kediri dan Kota Blitar dipastikan menjadi sister city dari Kota Batu. "
        "Wali Kota Batu melakukan penandatanganan MoU sister city dengan Wali Kota Kediri dan "
        "Wali Kota Blitar di sela rapat Apeksi, Kamis (4/7/2019).\n\n"
        "Penandatanganan MoU itu juga disaksikan Sekretaris Daerah Kota Batu beserta Kepala OPD "
        "di lingkungan Pemerintah Kota Batu.\n\n"
        "Untuk Kota Kediri, sister city akan difokuskan pada manajemen parkir."
    )
    assert regions(text) == ["Kota Batu"]


def test_regions_listed_in_the_delegation_the_focal_region_travels_with_are_no_partners():
    text = (
        "KENDARI - Pemprov Sultra menjajaki kerja sama dengan Korea Selatan. Gubernur Sultra "
        "berangkat ke Seoul bersama rombongan, di antaranya Bupati Konawe, Wali Kota Kendari dan "
        "Bupati Kolaka, untuk bertemu investor."
    )
    assert regions(text) == ["Provinsi Sulawesi Tenggara"]
    assert region_partners(text) == []


def test_regions_a_foreign_delegation_visited_before_the_focal_one_are_stops_not_partners():
    text = (
        "Pemkab Purwakarta menjalin kerja sama dengan Kota Icheon, Provinsi Gyeonggi-do. "
        "Delegasi Icheon tiba di Purwakarta setelah sebelumnya mengunjungi Jakarta dan Bandung. "
        "Kerja sama meliputi pertanian dan kebudayaan."
    )
    assert regions(text) == ["Kabupaten Purwakarta"]
    assert region_partners(text) == []


def test_a_region_in_the_office_of_a_guest_who_attends_the_signing_is_no_partner():
    text = (
        "BANYUWANGI - Pemkab Banyuwangi bekerja sama dengan Pemkab Jembrana dalam pengelolaan "
        "penyeberangan. Kepala Dinas Perhubungan Bali, Made Sudarma, turut hadir dalam "
        "penandatanganan kerja sama itu."
    )
    assert region_partners(text) == ["Kabupaten Jembrana"]


def test_a_region_whose_head_also_signs_stays_a_partner():
    text = (
        "BANYUWANGI - Bupati Banyuwangi dan Bupati Jembrana, Nengah Tamba, turut menandatangani "
        "kerja sama pengelolaan penyeberangan itu."
    )
    assert region_partners(text) == ["Kabupaten Jembrana"]


def test_signatories_listed_on_in_a_sentence_opened_by_kemudian_are_partners_too():
    text = (
        "SEMARANG - Pemprov Jawa Tengah menandatangani perjanjian kerja sama pengelolaan air. "
        "Perjanjian ditandatangani oleh Gubernur Jawa Tengah, Bupati Kendal dan Bupati Demak. "
        "Kemudian, Sekda Kota Salatiga dan Wali Kota Pekalongan."
    )
    assert region_partners(text) == [
        "Kabupaten Kendal",
        "Kabupaten Demak",
        "Kota Salatiga",
        "Kota Pekalongan",
    ]


def test_a_sentence_opened_by_kemudian_without_an_office_goes_on_with_no_list():
    text = (
        "SEMARANG - Pemprov Jawa Tengah menandatangani perjanjian kerja sama pengelolaan air "
        "dengan Pemkab Kendal. Kemudian, rombongan meninjau pasar di Kota Salatiga."
    )
    assert region_partners(text) == ["Kabupaten Kendal"]
