"""Failure classes found by reading the extractor's output on real articles it had never seen
(issue 16, open-world reading): each test is an invented sentence of that class."""

from mitra.intake.extract import extract


def stage(text: str) -> str | None:
    found = extract(text).stage
    return found.slug if found else None


def test_a_partnership_inked_further_down_is_the_letter_of_intent_the_lead_named():
    text = (
        "Kota Madiun dan Kota Hamamatsu Ikat Kerja Sama\n\n"
        "Wali Kota Madiun dan Wali Kota Hamamatsu sepakat mengikat kerja sama lewat "
        "penandatanganan Letter of Intent di Tokyo, Kamis (3/10).\n\n"
        "Bidang yang dibidik meliputi pendidikan dan pertanian.\n\n"
        "Wali Kota Madiun, selain menandatangani kerjasama persahabatan itu, juga menghadiri "
        "sebuah forum pertanian organik."
    )
    assert stage(text) == "loi"


def indonesian_partners(text: str) -> list[str]:
    return [p.name for p in extract(text).partners if p.kind == "indonesian_region"]


def test_a_province_in_brackets_after_a_regency_says_where_it_lies():
    text = (
        "Wali Kota Madiun meneken kerja sama dengan Wali Kota Hamamatsu di Jakarta. Kerja sama "
        "serupa juga diteken Bupati Gianyar (Bali) dan Bupati Kaur (Bengkulu) bersama Wali Kota "
        "Madiun."
    )
    partners = indonesian_partners(text)
    assert "Kabupaten Gianyar" in partners and "Kabupaten Kaur" in partners
    assert "Provinsi Bali" not in partners
    assert not {"Kota Bengkulu", "Provinsi Bengkulu"} & set(partners)


def foreign_partners(text: str) -> list[tuple[str, str, str | None]]:
    return [
        (p.name, p.kind, p.country) for p in extract(text).partners if p.kind != "indonesian_region"
    ]


def test_members_of_a_list_after_a_description_take_its_kind_and_country():
    text = (
        "Pemkab Sumba Timur menandatangani nota kesepahaman dengan tiga perusahaan asal Jepang, "
        "Kuroshio, Aoba Farm dan Hikari Denki, tentang pembangunan irigasi tetes."
    )
    partners = foreign_partners(text)
    assert ("Aoba Farm", "foreign_company", "JP") in partners
    assert ("Hikari Denki", "foreign_company", "JP") in partners
    assert not any(" dan " in name for name, _kind, _country in partners)


def test_a_body_described_as_based_somewhere_is_no_venue_of_its_signing():
    text = (
        "MERAUKE - Perusahaan pengolahan sagu yang berbasis di Singapura, Palmleaf Ventures, "
        "meneken nota kesepahaman dengan Pemerintah Kabupaten Merauke, Senin."
    )
    assert foreign_partners(text) == [("Palmleaf Ventures", "foreign_company", "SG")]
    assert [c.code for c in extract(text).countries] == ["SG"]


def test_a_province_with_its_region_word_between_a_city_and_its_country_is_where_it_lies():
    text = (
        "Wali Kota Kendari dan Wali Kota Pengzhou, China, menandatangani surat pernyataan "
        "kehendak kota kembar.\n\nPenandatanganan kerja sama itu dimeriahkan kesenian "
        "tradisional Sichuan. Kedua wali kota berjabat tangan seusai menandatangani LoI di "
        "Pengzhou, Provinsi Sichuan, China, Jumat."
    )
    names = [name for name, _kind, _country in foreign_partners(text)]
    assert "Sichuan" not in names


def test_a_foreign_partner_named_again_in_brackets_is_one_partner():
    text = (
        "Pemprov Sulawesi Utara menjalin kerja sama sister province dengan Provinsi Barat "
        "Australia (Western Australia) dalam bidang pendidikan dan peternakan."
    )
    assert foreign_partners(text) == [("Western Australia", "foreign_city_or_region", "AU")]


def people(text: str) -> list[tuple[str, str]]:
    return [(p.name, p.role) for p in extract(text).people]


def test_a_regulations_number_is_no_persons_name():
    text = (
        "Kesepakatan itu mengikuti Peraturan Menteri Dalam Negeri Nomor 22 Tahun 2020, kata "
        "Bupati Kaur Gusril Pausi usai meneken kerja sama."
    )
    assert people(text) == [("Gusril Pausi", "Bupati Kaur")]


def test_the_field_named_after_bidang_belongs_to_the_role():
    text = (
        "KBRI Tokyo melalui Sekretaris Bidang Ekonomi menyambut baik kerja sama Kota Madiun. "
        "Kepala Bidang Ekonomi KBRI Tokyo Rina Larasati ikut hadir."
    )
    assert people(text) == [("Rina Larasati", "Kepala Bidang Ekonomi KBRI Tokyo")]


def test_the_province_after_a_mayors_city_belongs_to_the_role():
    text = "Wali Kota Bima NTB Arif Rahman menandatangani kerja sama dengan Kota Leshan."
    assert people(text) == [("Arif Rahman", "Wali Kota Bima NTB")]


def test_an_envoys_excellency_and_honours_are_no_part_of_the_name():
    text = (
        "Gubernur Bali dan Duta Besar Australia, H.E Gary Quinlan PSM, menghadiri "
        "penandatanganan kerja sama. Chief Minister Northern Territory, Eva Lawler MLA, ikut hadir."
    )
    names = [name for name, _role in people(text)]
    assert "Gary Quinlan" in names and "Eva Lawler" in names


def test_an_english_office_name_ends_with_its_place_and_the_name_follows():
    text = (
        "Sekda Jambi Sudirman bertemu CEO Trade and Investment Queensland Mark Jones dalam "
        "pembahasan kerja sama sister province. Kerja sama itu dilaksanakan lewat Director The "
        "Ocean Group di Brisbane."
    )
    assert ("Mark Jones", "CEO Trade and Investment Queensland") in people(text)
    assert not any(name.startswith("The ") for name, _role in people(text))


VISIT_LEAD = (
    "Pemkot Kendari Terima Delegasi Kota Leshan\n\n"
    "Wali Kota Kendari menerima kunjungan delegasi Kota Leshan, China, di Balai Kota, Senin, "
    "untuk penjajakan kerja sama.\n\n"
    "Rombongan dipimpin Wakil Wali Kota Leshan Zhou Ming.\n\n"
)


def test_a_document_the_pair_once_signed_is_the_stage_behind_a_visit_in_the_lead():
    text = VISIT_LEAD + (
        "Sekda Kendari menyebut Pemkot Kendari pernah meneken letter of intent kota kembar "
        "dengan Leshan pada 2015."
    )
    assert stage(text) == "loi"


def test_an_agenda_item_further_down_is_no_document_reached():
    text = VISIT_LEAD + (
        "Agenda berikutnya, menandatangani letter of intent kota kembar dengan Leshan."
    )
    assert stage(text) == "exploration"


def test_a_memorandum_to_be_renewed_was_signed_before():
    text = VISIT_LEAD + (
        "Ke depan akan dilakukan penandatanganan perpanjangan nota kesepahaman kota kembar "
        "antara Pemkot Kendari dan Kota Leshan."
    )
    assert stage(text) == "mou"


def sectors(text: str) -> list[str]:
    return [s.slug for s in extract(text).sectors]


def test_fields_listed_in_title_case_after_bidang_are_the_cooperations():
    text = (
        "Kerja sama Pemkot Pariaman dan Kota Toyama meliputi Bidang Kepariwisataan, Bidang "
        "Pendidikan dan Kebudayaan."
    )
    assert sectors(text) == ["tourism", "education", "culture"]


def test_an_offices_section_named_bidang_is_no_field_of_the_cooperation():
    text = (
        "Kepala Bidang Pendidikan Dinas Sosial Kota Pariaman, Rudi Hartono, hadir dalam "
        "penandatanganan kerja sama pengelolaan sampah dengan Kota Toyama."
    )
    assert "education" not in sectors(text)


def test_the_region_of_a_hotel_where_the_signing_took_place_is_its_venue():
    text = (
        "Penandatanganan itu dilakukan dengan PT Angin Selatan Indonesia di Hotel Santika, DKI "
        "Jakarta, Selasa. Perusahaan akan membangun turbin angin di Kabupaten Jeneponto.\n\n"
        "Bupati Jeneponto, Iksan Iskandar, mengatakan penandatanganan LoI ini tindak lanjut "
        "pertemuan sebelumnya. Pemerintah Kabupaten Jeneponto membuka ruang seluas-luasnya."
    )
    assert [r.name for r in extract(text).regions] == ["Kabupaten Jeneponto"]


def test_a_name_after_the_role_and_a_comma_may_open_with_a_regions_word():
    text = (
        "Wali Kota Kupang, Bima Sakti, menandatangani kerja sama persahabatan dengan Kota Darwin, "
        "Australia. Bima menyebut kerja sama meliputi pendidikan."
    )
    assert ("Bima Sakti", "Wali Kota Kupang") in people(text)
    assert "Kota Bima" not in indonesian_partners(text)


def test_connectivity_is_transport_only_with_its_mode():
    lead = "Pemprov Sumsel dan Pemprov Sumbar menandatangani perjanjian kerja sama "
    assert "transport" not in sectors(lead + "untuk konektivitas antar wilayah dan perdagangan.")
    assert "transport" in sectors(lead + "untuk konektivitas udara dan perdagangan.")


def test_a_given_name_and_surname_that_are_each_a_place_are_a_persons_name():
    text = (
        "Klungkung Matangkan Kerja Sama\n\n"
        "Bupati Klungkung bertemu perwakilan Kota Toyama, Koshin Takata, di Denpasar untuk "
        "membahas kerja sama pertanian."
    )
    assert ("Koshin Takata", "perwakilan Kota Toyama") in people(text)


def test_a_second_full_name_joined_by_dan_holds_the_same_role():
    text = (
        "Klungkung Matangkan Kerja Sama\n\n"
        "Bupati Klungkung bertemu perwakilan Kota Toyama, Koshin Takata dan Teppei Asano di "
        "Denpasar untuk membahas kerja sama pertanian."
    )
    found = people(text)
    assert ("Koshin Takata", "perwakilan Kota Toyama") in found
    assert ("Teppei Asano", "perwakilan Kota Toyama") in found


def test_a_post_joined_by_dan_before_sekaligus_is_no_second_name():
    text = (
        "Judul\n\nMoU itu ditandatangani Wakil Gubernur Jawa Tengah Taj Yasin dan Vice Premiere "
        "sekaligus Minister for Education Queensland, Grace Grace, dalam kerja sama."
    )
    assert not any(name.startswith("Vice") for name, _role in people(text))


def test_a_province_after_the_roles_place_and_a_comma_opens_no_name():
    text = (
        "Judul\n\nPenjabat Bupati Seruyan, Kalimantan Tengah Rudi Hartono menandatangani "
        "kesepakatan bersama dengan Institut Pertanian Bogor."
    )
    assert not any(name.startswith("Kalimantan") for name, _role in people(text))
