"""Partners: foreign places from the gazetteer (never merged, variants flagged), foreign and
domestic bodies by cue words, and what is not a partner."""

from mitra.intake.extract import extract


def partners(text: str) -> list[tuple[str, str, str | None]]:
    return [(p.name, p.kind, p.country) for p in extract(text).partners]


def test_incheon_and_icheon_stay_two_korean_cities():
    result = extract(
        "Pemprov Jawa Barat menandatangani MoU dengan Pemerintah Kota Incheon, Korea Selatan. "
        "Pemprov juga menjajaki kerja sama keramik dengan Kota Icheon, Korea Selatan."
    )
    places = {p.name: p for p in result.partners}
    assert places["Incheon"].country == places["Icheon"].country == "KR"
    assert places["Incheon"].place_id != places["Icheon"].place_id
    assert places["Incheon"].kind == places["Icheon"].kind == "foreign_city_or_region"


def test_a_spelling_variant_is_flagged_for_the_reviewer_not_silently_folded():
    result = extract("Pemkot Makassar dan Kota Gotenburg, Swedia, meneken LoI kerja sama.")
    (partner,) = result.partners
    assert partner.name == "Gothenburg"
    assert partner.flags == (("spelling", "Gotenburg", "Gothenburg"),)


def test_kota_is_no_town_in_india():
    assert partners("Kota Makassar menjalin kerja sama dengan Kota Tual. Kota itu ramai.") == [
        ("Kota Tual", "indonesian_region", "ID")
    ]


def test_a_foreign_company_is_known_by_its_legal_form_and_described_country_and_keeps_it():
    found = partners(
        "Pemprov Sulsel menjajaki kerja sama PLTS dengan perusahaan energi asal Korea Selatan, "
        "Hanbit Solar Co., Ltd. Pertemuan digelar di Makassar."
    )
    assert found == [("Hanbit Solar Co., Ltd.", "foreign_company", "KR")]


def test_unknown_capitals_followed_by_a_country_are_a_foreign_company_in_business_talk():
    found = partners(
        "Kerja sama Pemkot Makassar dengan swasta asing, NOVATEK SYSTEMS Jerman, ditunda."
    )
    assert ("NOVATEK SYSTEMS", "foreign_company", "DE") in found


def test_a_national_government_named_as_the_party_is_a_foreign_government():
    found = partners(
        "Pemprov NTT dan Pemerintah Selandia Baru melanjutkan kerja sama pengembangan peternakan."
    )
    assert found == [("Pemerintah Selandia Baru", "foreign_government", "NZ")]


def test_well_known_foreign_bodies_need_no_cue():
    found = partners(
        "Pemkab Banyuwangi bekerja sama dengan JICA dan KOICA di bidang penanggulangan bencana."
    )
    assert found == [
        ("JICA", "foreign_institution", "JP"),
        ("KOICA", "foreign_institution", "KR"),
    ]


def test_indonesian_companies_and_universities_are_domestic_parties():
    found = partners(
        "Pemkab Maros dan Universitas Hasanuddin (Unhas) meneken PKS. Pemkab juga bekerja sama "
        "dengan PT Semen Tonasa (Persero) untuk penghijauan."
    )
    assert found == [
        ("Universitas Hasanuddin", "domestic_party", "ID"),
        ("PT Semen Tonasa (Persero)", "domestic_party", "ID"),
    ]


def test_a_foreign_university_takes_the_country_named_after_it():
    found = partners("Pemkot Jogja menjajaki kerja sama dengan Universiteit Leiden, Belanda.")
    assert found == [("Universiteit Leiden", "foreign_institution", "NL")]


def test_a_facilitating_embassy_and_its_seat_are_no_partners():
    found = partners(
        "Pemkab Sidoarjo dan Pemerintah Kota Kitakyushu, Jepang, menandatangani MoU. "
        "Penandatanganan difasilitasi Konsulat Jenderal Jepang di Surabaya."
    )
    assert found == [("Kitakyushu", "foreign_city_or_region", "JP")]


def test_a_city_only_visited_or_passed_through_is_no_partner():
    found = partners(
        "Delegasi Pemkab Purwakarta transit di Incheon sebelum meneken LoI dengan Kota Icheon, "
        "Korea Selatan."
    )
    assert found == [("Icheon", "foreign_city_or_region", "KR")]


def test_a_reporter_or_a_baca_juga_link_gives_no_partner():
    found = partners(
        "Pemkot Medan menjajaki kerja sama dengan Kota Gwangju, Korea Selatan.\n"
        "Baca juga: Pemkot Medan Teken MoU dengan Kota Ichikawa, Jepang\n"
        "Penulis: Osaka Wijaya"
    )
    assert found == [("Gwangju", "foreign_city_or_region", "KR")]


def test_the_city_a_region_cooperates_with_is_a_partner_without_its_country_named():
    # Kuching is smaller than the large-city rule; "kerja sama dengan" names the other party.
    assert partners("Pemkot Pontianak terus menjalin kerja sama dengan Kuching selama ini.") == [
        ("Kuching", "foreign_city_or_region", "MY")
    ]


def test_a_malay_city_council_names_its_city():
    found = partners("Pemkot Pontianak dan Majlis Bandaraya Kuching Selatan memperpanjang MoU.")
    assert found == [("Kuching", "foreign_city_or_region", "MY")]


def test_a_city_that_is_only_visited_is_not_a_partner():
    assert partners("Pemkot Pontianak menandatangani MoU dengan Kota Tual di Kuching.") == [
        ("Kota Tual", "indonesian_region", "ID")
    ]


def test_a_foreign_province_from_iso_3166_2_is_a_partner():
    result = extract(
        "Pemprov Jawa Timur menjajaki kerja sama sister province dengan Provinsi Zhejiang, "
        "Tiongkok, di bidang perdagangan."
    )
    partners = [(p.name, p.kind, p.country, p.place_id) for p in result.partners]
    assert partners == [("Zhejiang", "foreign_city_or_region", "CN", None)]


def test_an_australian_state_is_a_partner():
    result = extract(
        "Gubernur NTB menerima delegasi Northern Territory, Australia, untuk membahas kerja "
        "sama peternakan sapi."
    )
    assert ("Northern Territory", "AU") in [(p.name, p.country) for p in result.partners]


def test_the_province_of_a_partner_city_is_no_second_partner():
    result = extract(
        "Pemkot Bogor meneken nota kesepahaman kerja sama pendidikan dengan Kota Suwon, "
        "Provinsi Gyeonggi, Korea Selatan."
    )
    assert [p.name for p in result.partners] == ["Suwon"]


def test_a_list_of_cities_is_no_chain_of_qualifiers():
    result = extract(
        "Kota mitra sister city Pemkot Bandung antara lain Braunschweig, Hamamatsu, Suwon dan "
        "Liuzhou."
    )
    assert {"Hamamatsu", "Suwon", "Liuzhou"} <= {p.name for p in result.partners}


def test_a_capitalised_description_without_a_name_is_no_partner():
    result = extract(
        "Pemkab Batang menerima Konsorsium Perusahaan asal Tiongkok yang berminat bekerja sama "
        "membangun kawasan industri."
    )
    assert not [p for p in result.partners if p.name.startswith("Konsorsium")]


def test_an_office_of_the_region_is_never_a_foreign_body():
    result = extract(
        "Kepala Biro Pemerintahan dan Kerja Sama Jawa Barat mengatakan Pemprov Jawa Barat "
        "menjajaki kerja sama dengan Provinsi Guangxi, Tiongkok."
    )
    assert [(p.name, p.kind) for p in result.partners] == [("Guangxi", "foreign_city_or_region")]


def test_a_foreign_government_written_in_lowercase_is_a_partner():
    found = partners(
        "Pemprov Aceh menjalin kerja sama pelatihan tenaga kesehatan. Biaya pelatihan "
        "ditanggung pemerintah Turki."
    )
    assert ("pemerintah Turki", "foreign_government", "TR") in found


def test_a_cooperation_between_two_states_is_background_to_the_regions_own():
    found = partners(
        "Pemkab Jayapura menerima delegasi GIZ. Kerja sama Pemerintah Republik Federal Jerman "
        "dan Pemerintah Republik Indonesia sudah berlangsung sejak 1975."
    )
    assert not [p for p in found if p[1] == "foreign_government"]


MISSIONS = [
    "KBRI",
    "KJRI",
    "Konjen RI",
    "Kedutaan Besar RI di",
    "Konsulat Jenderal RI di",
    "Konsul Jenderal RI untuk",
]


def test_the_city_of_every_kind_of_mission_is_no_partner():
    for mission in MISSIONS:
        found = partners(
            f"Pemkot Magelang menerima delegasi Kota Tula, Rusia, untuk menjajaki kerja sama, "
            f"difasilitasi {mission} Moskow. Rombongan {mission} Moskow ikut membahas kerja sama."
        )
        assert [p[0] for p in found] == ["Tula"], mission


def test_an_unknown_province_after_its_city_and_a_comma_is_where_the_city_lies():
    found = partners(
        "Pemkot Malang menjajaki kerja sama dengan Kota Nonsan, Provinsi Chungcheong Selatan, "
        "Korea Selatan."
    )
    assert [p[0] for p in found] == ["Nonsan"]


def test_members_listed_after_a_head_noun_inherit_its_kind():
    found = partners(
        "Pemkab Kutai Kartanegara meneken MoU dengan tujuh perguruan tinggi. Ketujuh kampus "
        "itu ialah UINSI Samarinda, STIH Awang Long Samarinda dan STMIK Widya Cipta Dharma."
    )
    assert found == [
        ("UINSI Samarinda", "domestic_party", "ID"),
        ("STIH Awang Long Samarinda", "domestic_party", "ID"),
        ("STMIK Widya Cipta Dharma", "domestic_party", "ID"),
    ]


def test_members_listed_after_a_foreign_head_inherit_its_country():
    found = partners(
        "Pemprov Jawa Barat menjajaki kerja sama dengan konsorsium perusahaan Jepang yang "
        "terdiri atas Hitachi Zosen, Marubeni dan Sojitz."
    )
    assert found == [
        ("Hitachi Zosen", "foreign_company", "JP"),
        ("Marubeni", "foreign_company", "JP"),
        ("Sojitz", "foreign_company", "JP"),
    ]


def test_a_line_listing_names_is_no_title_case_headline():
    found = partners(
        "Pemkab Magelang resmi bermitra dengan tiga perguruan tinggi.\n"
        "Daftarnya: Universitas Gadjah Mada (UGM), Universitas Diponegoro (Undip), "
        "Universitas Tidar (Untidar), Universitas Sebelas Maret (UNS)\n"
    )
    assert [p[0] for p in found] == [
        "Universitas Gadjah Mada",
        "Universitas Diponegoro",
        "Universitas Tidar",
        "Universitas Sebelas Maret",
    ]


def test_a_state_right_after_its_city_is_where_the_city_lies():
    found = partners(
        "Pemkot Medan punya kota kembar George Town Pulau Pinang Malaysia sejak 1984 dalam "
        "kerja sama sister city."
    )
    assert [p[0] for p in found] == ["George Town"]


def test_a_city_opening_a_sentence_after_di_is_a_venue():
    found = partners(
        "Di Kota Melbourne, Australia, Gubernur Sumatera Utara menjajaki kerja sama dengan "
        "Victoria."
    )
    assert "Melbourne" not in [p[0] for p in found]


def test_a_country_closes_a_name_so_dan_after_it_starts_another():
    found = partners(
        "Pemprov Jawa Timur menjajaki kerja sama beasiswa dengan Deakin University Australia "
        "dan Western Sydney University."
    )
    assert ("Deakin University", "foreign_institution", "AU") in found
    assert not [p for p in found if " dan " in p[0]]


def test_di_locating_an_earlier_list_item_is_no_venue_of_the_next():
    found = partners(
        "Surabaya menjalin kerja sama sister city dengan Kota Kochi di Jepang dan Kota Busan di "
        "Korea Selatan, serta Kota Perth di Australia Barat."
    )
    assert [p[0] for p in found] == ["Kochi", "Busan", "Perth"]


def test_a_place_after_a_building_and_a_comma_is_still_a_venue():
    found = partners(
        "Penandatanganan kerja sama di Gedung Merah Putih KPK, Jakarta Selatan, dihadiri Bupati "
        "Sidoarjo dengan Kota Kochi, Jepang."
    )
    assert "Kota Jakarta Selatan" not in [p[0] for p in found]


def test_a_place_name_going_on_into_another_name_is_no_place():
    found = partners(
        "Pemkab Pekalongan meneken kerja sama dengan Dewan Air Belanda, ditandatangani A.I.B Van "
        "Der Klugt. Pemprov Jateng memperbarui MoU dengan Provinsi Chung Cheong Buk-do, Korea "
        "Selatan."
    )
    assert not [p for p in found if p[0] in {"Van", "Báigōng Jiēdào"}]


def test_a_place_followed_by_its_mayor_or_a_place_word_stays_a_place():
    found = partners(
        "Wali Kota Semarang menjajaki kerja sama sister city dengan Wali Kota Jung-Gu Park Sung "
        "Min. Jawa Timur juga bekerja sama dengan Osaka Prefecture."
    )
    assert ("Osaka", "foreign_city_or_region", "JP") in found


def test_a_dateline_after_menu_and_byline_lines_names_no_partner():
    found = partners(
        "Baca berita tanpa iklan.\nKompas.com - 08/08/2020, 19:13 WIB\nMiranti\nPenulis\n"
        "Sumber Rilis\nHAMBURG, KOMPAS.com - KJRI mendorong kerja sama sister city Bandung "
        "dengan kota Braunschweig, Jerman, di bidang pariwisata.\n"
    )
    assert [p[0] for p in found] == ["Braunschweig"]


def test_a_dateline_with_a_colon_names_no_partner():
    found = partners(
        "Cape Town: Kota Denpasar dan Mossel Bay, Afrika Selatan, resmi memperbarui ikatan kota "
        "kembar dan meneken MoU sister city yang difasilitasi KJRI.\n"
    )
    assert [p[0] for p in found] == ["Mossel Bay"]


def test_di_right_after_a_dateline_dash_opens_a_venue():
    found = partners(
        "MELBOURNE - Di Kota Melbourne, Australia, Gubernur Sumatera Utara menjajaki kerja sama "
        "pendidikan dengan Australia.\n"
    )
    assert "Melbourne" not in [p[0] for p in found]


def test_list_members_after_misalnya_inherit_the_head_and_dan_splits_the_first_two():
    found = partners(
        "Pemprov Jatim menjajaki kerja sama dengan sejumlah LSM asal Jepang seperti Peace Winds "
        "dan AAR Japan. Beberapa perusahaan besar asal Jepang, misalnya Esaki, berencana "
        "bekerja sama dengan Pemprov Jatim."
    )
    assert ("Peace Winds", "foreign_institution", "JP") in found
    assert ("AAR Japan", "foreign_institution", "JP") in found
    assert ("Esaki", "foreign_company", "JP") in found


def test_an_office_listed_keeps_the_dan_of_its_own_name():
    found = partners(
        "Delegasi Pemerintah Aceh menjajaki kerja sama dengan lembaga Turki, di antaranya Dinas "
        "Kebudayaan dan Pariwisata Istanbul dan Fatih Sultan Mehmet Vakıf University."
    )
    assert ("Dinas Kebudayaan dan Pariwisata Istanbul", "foreign_institution", "TR") in found


def test_a_strongly_cued_small_town_is_found_among_small_places():
    found = partners(
        "Hubungan sister city Kota Jayapura dengan Vanimo Green, Sandaun Province, Papua Nugini "
        "masih berjalan."
    )
    assert found == [("Vanimo", "foreign_city_or_region", "PG")]


def test_a_close_spelling_of_a_cued_place_is_its_country_s_place_and_flagged():
    result = extract("DKI Jakarta punya sister city dengan Los Angles, Amerika Serikat.")
    (partner,) = result.partners
    assert (partner.name, partner.country) == ("Los Angeles", "US")
    assert partner.flags == (("spelling", "Los Angles", "Los Angeles"),)


def test_no_close_spelling_without_the_place_s_country():
    assert partners("Pemkot Bogor menjalin kerja sama sister city dengan kota Los Angles.") == []


def test_a_small_town_abroad_needs_its_country_in_the_text():
    assert partners("Pemkot Semarang menata kota Vanimo sebagai kawasan kerja sama wisata.") == []


def test_a_korean_district_unknown_to_the_gazetteer_is_a_flagged_partner():
    result = extract("Pemkot Semarang menjajaki kerja sama dengan Jung-Gu, Korea Selatan.")
    (partner,) = result.partners
    assert (partner.name, partner.country, partner.place_id) == ("Jung-Gu", "KR", None)
    assert partner.flags == (("unknown_place", "Jung-Gu"),)


def test_a_malay_council_past_its_state_is_the_partner():
    found = partners(
        "Kunjungan kehormatan Majlis Perbandaran Hang Tuah Jaya, Melaka, Malaysia diterima Wali "
        "Kota Jakarta Utara untuk menjajaki kerja sama."
    )
    assert ("Hang Tuah Jaya", "foreign_city_or_region", "MY") in found


def test_st_with_its_full_stop_is_part_of_the_city_name():
    found = partners("Pemkot Surabaya menjalin kerja sama dengan St. Louis, Amerika Serikat.")
    assert found == [("St. Louis", "foreign_city_or_region", "US")]


def test_a_governor_s_name_is_no_small_town():
    found = partners(
        "Gubernur Anies Baswedan dan Pemkab Tangerang meneken kerja sama air bersih dengan "
        "investor Rumania."
    )
    assert not [p for p in found if p[2] == "RO"]


def test_a_city_after_a_university_s_short_name_is_part_of_its_name():
    found = partners(
        "Pemkab Kotawaringin Barat menggandeng Universitas Brawijaya (UB) Malang. Bupati dan "
        "Rektor UB Malang meneken MoU kerja sama pendidikan."
    )
    assert "Kota Malang" not in [p[0] for p in found]


def test_a_listed_campus_keeps_the_city_after_its_short_name():
    found = partners(
        "Pemkab Magelang resmi bermitra dengan 14 perguruan tinggi. Daftarnya: Universitas "
        "Gadjah Mada (UGM), Institut Seni Indonesia (ISI) Yogyakarta, dan Universitas Tidar."
    )
    assert ("Institut Seni Indonesia Yogyakarta", "domestic_party", "ID") in found
    assert "Kota Yogyakarta" not in [p[0] for p in found]


def test_a_place_right_after_a_body_s_bracketed_short_name_is_where_it_sits():
    found = partners(
        "Hibah dari Pemerintah Jepang untuk Pemkab Tulang Bawang Barat difasilitasi "
        "Organization For Industrial, Spiritual and Cultural Advancement (OISCA) Kumamoto-Jepang "
        "dalam kerja sama penanggulangan kebakaran."
    )
    assert "Kumamoto" not in [p[0] for p in found]


def test_a_government_pushing_investment_after_caption_lines_and_a_dateline_is_a_partner():
    text = (
        "Rabu 04 Feb 2015 15:48 WIB\n\nJepang Siap Dorong Investasi di Jabar\n\n"
        "Rep: Arie Lukihardianti/ Red: Ichsan Emrald Alamsyah yang menulis berita ini\n"
        "Pekerja memeriksa produksi mobil di pabrik di Karawang, Jawa Barat, Rabu (18/12).\n"
        "Pekerja memeriksa produksi mobil di pabrik di Karawang, Jawa Barat, Rabu (18/12).\n\n"
        "REPUBLIKA.CO.ID, BANDUNG — Pemerintah Jepang akan mendorong pengusahanya menanam modal "
        "lebih banyak di Jawa Barat. Syaratnya, Pemprov Jabar harus punya pelabuhan yang layak.\n"
    )
    assert ("Pemerintah Jepang", "foreign_government", "JP") in partners(text)


def test_a_region_s_own_enterprise_is_no_partner_of_its_own():
    found = partners(
        "Pemprov Jawa Timur dan Pemprov DKI Jakarta meneken adendum kerja sama pangan. BUMD DKI, "
        "PT Food Station Tjipinang Jaya, turut merangkul mitra usaha dari Jawa Timur."
    )
    assert "PT Food Station Tjipinang Jaya" not in [p[0] for p in found]


def test_a_body_named_after_a_place_takes_that_place_s_country():
    found = partners(
        "Dua utusan Tula State University datang ke Kota Magelang, menindaklanjuti rintisan kota "
        "kembar Kota Tula, Rusia, dengan Kota Magelang."
    )
    assert ("Tula State University", "foreign_institution", "RU") in found


def test_an_outlet_s_web_name_is_no_company():
    found = partners(
        "WAIBAKUL KABARNTT.CO—Kesepakatan Bersama kerja sama pendidikan diteken Bupati Sumba "
        "Tengah dan Rektor Universitas Tribhuwana Tunggadewi."
    )
    assert not [p for p in found if ".CO" in p[0]]


def test_a_fair_s_city_after_its_hyphenated_short_name_is_no_partner():
    found = partners(
        "Pemprov DKI membatalkan kerja sama promosi, salah satunya Internationale "
        "Tourismus-Börse (ITB) Berlin, Jerman, pameran wisata dunia."
    )
    assert "Berlin" not in [p[0] for p in found]


def test_a_ministry_as_the_region_s_counterpart_is_a_domestic_party():
    found = partners(
        "Lawatan itu terselenggara berkat kerjasama Pemerintah Kabupaten Blitar dan Kementerian "
        "Luar Negeri dalam Diplomatic Outreach 2019."
    )
    assert ("Kementerian Luar Negeri", "domestic_party", "ID") in found


def test_a_ministry_that_only_facilitates_is_no_partner():
    found = partners(
        "Hibah mobil pemadam untuk Pemkab Tulang Bawang Barat dari Jepang difasilitasi "
        "Kementerian Dalam Negeri sebagai fasilitator kerja sama."
    )
    assert "Kementerian Dalam Negeri" not in [p[0] for p in found]


def test_a_ministry_a_cooperation_is_reported_to_is_no_partner():
    found = partners(
        "Pemkot Semarang menjajaki kerja sama dengan Kota Da Nang, Vietnam. Seluruh kerja sama "
        "luar negeri dikoordinasikan dengan Kementerian Dalam Negeri."
    )
    assert "Kementerian Dalam Negeri" not in [p[0] for p in found]


def test_a_place_that_only_inspired_a_programme_is_no_partner():
    found = partners(
        "Pemkot Bandung meluncurkan program kerja sama bus sekolah yang terinspirasi dari Kota "
        "Kyoto, Jepang, dan menandatangani MoU dengan Kota Hamamatsu, Jepang."
    )
    assert [p[0] for p in found] == ["Hamamatsu"]


def test_members_after_beranggotakan_inherit_the_head():
    found = partners(
        "Pemkot Makassar menjalin kerja sama dengan perusahaan Jepang yang beranggotakan "
        "Marubeni, Sojitz dan JFE Engineering."
    )
    assert ("Sojitz", "foreign_company", "JP") in found


def test_a_meeting_room_named_after_a_university_is_a_venue():
    text = (
        "Pemkab Lamandau menandatangani MoU kerja sama dengan Universitas Palangka Raya di "
        "Aula Gedung Rektorat Universitas Palangka Raya Lantai III."
    )
    names = [name for name, _kind, _country in partners(text)]
    assert names == ["Universitas Palangka Raya"]


def test_the_regions_own_agencies_are_no_partner():
    text = (
        "Setelah MoU dengan Universitas Udayana diteken, kerja sama dilanjutkan Organisasi "
        "Perangkat Daerah (OPD) Pemkab Klungkung."
    )
    assert [name for name, _kind, _country in partners(text)] == ["Universitas Udayana"]


def test_a_province_after_its_city_without_a_comma_is_where_it_lies():
    text = (
        "Pemkot Bitung menjalin LoI dengan Kota Kumamoto Prefektur Fukuoka Jepang dan Kota "
        "Da Nang Vietnam."
    )
    names = [name for name, _kind, _country in partners(text)]
    assert "Fukuoka" not in names


def test_aid_received_comes_from_a_donor_partner_but_help_along_the_way_does_not():
    text = "Pemkab Gorontalo menerima bantuan JICA untuk pembangunan irigasi desa."
    assert [name for name, _kind, _country in partners(text)] == ["JICA"]
    helped = "Pemkab Pohuwato meneken MoU dengan Pemkab Boalemo dengan bantuan KBRI Tokyo."
    assert [name for name, _kind, _country in partners(helped)] == ["Kabupaten Boalemo"]


def test_a_state_between_a_council_and_its_country_is_where_it_lies():
    text = "Pemkab Pidie menandatangani MoU dengan Majlis Daerah Pasir Mas, Kelantan, Malaysia."
    names = [name for name, _kind, _country in partners(text)]
    assert "Kelantan" not in names
    assert len(names) == 1


def test_a_province_said_to_hold_the_partner_city_is_no_second_partner():
    found = partners(
        "Pemkot Malang menjajaki sister city dengan Kota Nanning, Tiongkok. Nanning, ibu kota "
        "Provinsi Guangxi, punya banyak kemiripan. Kerja sama ekspor ke Guangxi juga dibahas."
    )
    assert [name for name, _kind, _country in found] == ["Nanning"]


def test_a_province_named_only_in_passing_stays_a_partner_when_no_city_is_plainly_one():
    found = partners(
        "Pemprov Jawa Tengah membahas kerja sama sister province dengan Queensland. Gubernur "
        "akan ke Brisbane, ibu kota negara bagian Queensland, untuk kerja sama itu."
    )
    assert ("Queensland", "foreign_city_or_region", "AU") in found


def test_a_state_written_with_its_compass_point_in_indonesian_is_known():
    found = partners("MOU kerja sama Jawa Timur dengan Australia Barat diteken di Surabaya.")
    assert found == [("Western Australia", "foreign_city_or_region", "AU")]


def test_a_city_in_a_named_state_is_the_city_of_that_states_country():
    found = partners(
        "Surabaya menjalin kerja sama sister city dengan Kota Perth di Australia Barat, "
        "Kota Rotterdam di Belanda."
    )
    assert ("Perth", "foreign_city_or_region", "AU") in found


def test_where_people_came_from_or_a_distance_is_measured_from_is_no_partner():
    found = partners(
        "Pemkab Konawe Selatan menjalin kerja sama dengan Kabupaten Buan, Korea Selatan, "
        "sekitar 253 km dari Ibu Kota Seoul. Warga keturunan pendatang dari Guangdong, "
        "Tiongkok, ikut dalam kerja sama itu."
    )
    assert [name for name, _kind, _country in found] == ["Buan"]


def test_a_ministry_and_its_government_are_one_foreign_government():
    found = partners(
        "Gubernur NTT menerima DFAT (Department of Foreign Affairs and Trade) membahas kerja "
        "sama pembangunan. Kemitraan Pemerintah Provinsi NTT dan Pemerintah Australia terus "
        "diperkuat."
    )
    governments = [p for p in found if p[1] == "foreign_government"]
    assert governments == [("Pemerintah Australia", "foreign_government", "AU")]


def test_the_city_a_trip_goes_to_is_no_partner_by_itself():
    found = partners(
        "Pemprov Jawa Tengah membahas kelanjutan MoU sister province dengan Queensland, "
        "Australia. Gubernur akan ke Brisbane untuk menandatangani perjanjian kerja sama."
    )
    assert [name for name, _kind, _country in found] == ["Queensland"]


def test_the_city_between_a_malay_council_and_its_country_is_where_the_council_lies():
    found = partners(
        "Kunjungan kehormatan Majlis Perbandaran Hang Tuah Jaya, Melaka, Malaysia diterima Wali "
        "Kota Jakarta Utara untuk menjajaki kerja sama. Delegasi dipimpin Setiausaha Kerajaan "
        "Negeri Melaka dalam kerja sama itu."
    )
    assert [(name, country) for name, _kind, country in found] == [("Hang Tuah Jaya", "MY")]


def test_a_malaysian_company_keeps_its_name_and_country_across_sdn_bhd():
    found = partners(
        "Pemkot Pekalongan meneken pernyataan minat kerja sama dengan Elenergy Capital Sdn. Bhd. "
        "Malaysia untuk fasilitas pengolahan sampah menjadi energi."
    )
    assert found == [("Elenergy Capital Sdn. Bhd.", "foreign_company", "MY")]


def test_a_company_and_a_foreign_one_joined_by_dan_are_two_partners():
    found = partners(
        "Pemkab Pati meneken MoU dengan PT Afenil Bintang Energi dan Infinity dari Australia "
        "untuk mengolah sampah menjadi briket."
    )
    assert found == [
        ("PT Afenil Bintang Energi", "domestic_party", "ID"),
        ("Infinity", "foreign_company", "AU"),
    ]


def test_a_place_after_a_companys_legal_form_is_its_seat_not_a_partner():
    found = partners(
        "Pemkab Musi Banyuasin menjalin kerja sama pengolahan air dengan Nordwasser GmbH Hamburg."
    )
    assert found == [("Nordwasser GmbH", "foreign_company", "DE")]


def test_members_listed_after_a_count_take_the_head_of_the_sentence_before():
    found = partners(
        "Lembaga Pengembangan Pendidikan (LPP) NTB meneken MoU dengan 18 universitas di Malaysia. "
        "Sekretaris LPP NTB mengatakan sejumlah kampus unggulan Malaysia ikut dalam kesepakatan. "
        "Lima di antaranya ialah Universiti Malaya dan Universiti Sains Malaysia."
    )
    assert found == [
        ("Universiti Malaya", "foreign_institution", "MY"),
        ("Universiti Sains Malaysia", "foreign_institution", "MY"),
    ]


def test_a_misspelt_prefecture_after_its_city_only_locates_it():
    text = (
        "Pemkab Purbalingga menjajaki kerja sama dengan Tono City, Perfektur Iwate, Jepang, "
        "di bidang pertanian."
    )
    assert partners(text) == [("Tōno", "foreign_city_or_region", "JP")]


def test_a_city_that_only_facilitates_or_witnesses_is_no_partner():
    text = "Kerja sama magang Pemkab Kebumen dengan Kota Tottori difasilitasi Kota Kobe."
    assert [name for name, _kind, _country in partners(text)] == ["Tottori"]
    text = (
        "Pemkab Kebumen meneken kerja sama magang dengan Kota Tottori yang disaksikan Wali Kota "
        "Matsue."
    )
    assert [name for name, _kind, _country in partners(text)] == ["Tottori"]


def test_a_ministers_portfolio_is_an_office_not_a_partner():
    text = (
        "Wakil Menteri Ekonomi dan Energi Republik Federasi Jerman Uwe Beckmeyer menjajaki "
        "kerja sama pendidikan vokasi dengan Pemkot Surabaya."
    )
    assert partners(text) == []


def test_a_run_that_only_describes_where_a_partner_lies_is_no_body():
    text = (
        "Pemerintah Daerah Provinsi Jawa Tengah (Jateng) dan Negara Bagian Australia Timurlaut, "
        "Queensland, sepakat memperpanjang hubungan provinsi kembar."
    )
    assert partners(text) == [("Queensland", "foreign_city_or_region", "AU")]


def test_two_bodies_joined_by_dan_are_two_and_a_foreign_one_takes_the_storys_country():
    text = (
        "Kabupaten Kebumen dan Prefektur Tottori, Jepang, meneken kerja sama pengiriman "
        "pemagang. Secara teknis kerja sama dijalankan oleh LPK Maju Jaya Kebumen dan Human "
        "Ring Cooperative."
    )
    found = partners(text)
    assert ("Human Ring Cooperative", "foreign_institution", "JP") in found
    assert not any(" dan " in name for name, _kind, _country in found)


def test_the_owner_of_a_body_is_no_party():
    text = "Pemkab Sumbawa Barat meneken MoU dengan Kopia, BUMN milik pemerintah Korea Selatan."
    assert ("pemerintah Korea Selatan", "foreign_government", "KR") not in partners(text)
    assert [c.code for c in extract(text).countries] == ["KR"]


def test_a_malaysian_council_names_the_place_it_governs():
    text = "Pemkab Karimun menjajaki kerja sama dengan Majlis Daerah Kota Tinggi, Johor, Malaysia."
    assert partners(text) == [("Kota Tinggi", "foreign_city_or_region", "MY")]


def test_guests_named_after_hadir_pula_are_no_partners():
    for opener in ["Hadir pula", "Turut hadir", "Tampak hadir pula"]:
        text = (
            "Pemkab Wonosobo dan Kota Kofu, Jepang, menandatangani kerja sama magang. "
            f"{opener} Wali Kota Nirasaki, Taro Yamada, dan pejabat Prefektur Yamanashi."
        )
        assert partners(text) == [("Kofu", "foreign_city_or_region", "JP")], opener


def test_those_present_at_a_signing_may_be_its_parties():
    text = (
        "Pemkab Pati meneken MoU pengolahan briket. Hadir dalam penandatanganan itu Bupati Pati "
        "serta pihak PT Arang Jaya Lestari."
    )
    assert ("PT Arang Jaya Lestari", "domestic_party", "ID") in partners(text)


def test_every_model_in_a_list_after_an_inspiration_word_is_no_partner():
    text = (
        "Pemkot Cirebon menjalin kerja sama pengelolaan sampah dengan Kota Kitakyushu, Jepang. "
        "Program ini terinspirasi dari keberhasilan Kota Kawasaki dan Kota Yokohama."
    )
    assert partners(text) == [("Kitakyushu", "foreign_city_or_region", "JP")]


def test_an_ampersand_between_capitals_joins_one_company_name():
    text = (
        "Pemkab Sumedang menandatangani MoU dengan Daewoo Engineering & Construction, "
        "perusahaan asal Seoul, Korea Selatan, untuk pembangunan bendungan."
    )
    assert partners(text) == [("Daewoo Engineering & Construction", "foreign_company", "KR")]


def test_a_university_named_as_a_speakers_affiliation_is_no_partner():
    for member in ["kata kandidat doktor", "menurut dosen", "ujar guru besar", "kata alumni"]:
        text = (
            "Bupati Musi Banyuasin menerima investor dari Yasuda Corporation, Jepang, untuk "
            f"membahas kerja sama kawasan industri. Peluangnya besar, {member} Universitas "
            "Sriwijaya itu."
        )
        assert partners(text) == [("Yasuda Corporation", "foreign_company", "JP")], member


def test_the_sides_of_an_agreement_the_region_only_witnesses_are_no_partners():
    text = (
        "Pemkab Purbalingga dan Prefektur Kagawa, Jepang, menandatangani kerja sama tenaga "
        "kerja. Bupati juga menyaksikan penandatanganan kesepakatan jual beli gula kelapa antara "
        "CV Manis Jaya dan Kagawa Trading Co., Ltd."
    )
    assert partners(text) == [("Kagawa", "foreign_city_or_region", "JP")]


def test_a_company_signing_with_the_region_before_a_witness_is_a_partner():
    text = (
        "Gubernur menyaksikan penandatanganan perjanjian kerja sama antara Pemprov Jawa Timur "
        "dan PT Sumber Air Lestari."
    )
    assert ("PT Sumber Air Lestari", "domestic_party", "ID") in partners(text)


def test_members_a_delegation_takes_along_are_no_partners():
    text = (
        "Delegasi Pemprov Bali menjajaki kerja sama dengan Kota Gyeongju, Korea Selatan. "
        "Delegasi yang ikut antara lain Rektor Universitas Udayana dan Ketua Kadin Bali."
    )
    assert partners(text) == [("Gyeongju", "foreign_city_or_region", "KR")]


def test_a_meeting_joined_by_a_body_outside_a_delegation_still_names_it():
    text = (
        "Pemkot Malang menjajaki kerja sama pendidikan. Pertemuan itu diikuti Universitas "
        "Negeri Malang sebagai mitra."
    )
    assert ("Universitas Negeri Malang", "domestic_party", "ID") in partners(text)


def test_a_place_name_the_text_also_writes_as_a_lowercase_word_is_no_town_abroad():
    text = (
        "Pemkab Klaten dan Pemkab Boyolali Teken Kerja Sama Air Baku\n\nPemkab Klaten dan Pemkab "
        "Boyolali menandatangani perjanjian kerja sama pengelolaan air baku."
    )
    assert partners(text) == [("Kabupaten Boyolali", "indonesian_region", "ID")]


def test_a_province_listed_after_a_city_under_a_head_noun_is_a_member_not_where_it_lies():
    text = (
        "Pemprov Jawa Timur menandatangani MoU dengan tiga prefektur di Jepang, yakni Osaka, "
        "Hyogo dan Okayama."
    )
    assert [name for name, _kind, _country in partners(text)] == ["Osaka", "Hyogo", "Okayama"]


def test_a_plus_sign_glued_between_capitals_joins_one_company_name():
    text = (
        "Pemkot Surabaya meneken kerja sama dengan konsorsium perusahaan Belanda yang terdiri "
        "dari Royal HaskoningDHV dan Witteveen+Bos."
    )
    assert ("Witteveen+Bos", "foreign_company", "NL") in partners(text)


def test_a_city_right_after_ri_is_the_seat_of_an_indonesian_mission():
    text = (
        "Pemkab Purbalingga dan Prefektur Kagawa, Jepang, menandatangani kerja sama magang.\n"
        "Jenderal RI Osaka menegaskan kerja sama itu akan terus didukung."
    )
    assert partners(text) == [("Kagawa", "foreign_city_or_region", "JP")]


def test_a_foreign_alternate_name_without_its_country_or_a_cue_is_no_partner():
    text = "Bupati Sigi dan Bupati Parigi Motong menandatangani kerja sama pertanian."
    assert all(country in {"ID", None} for _name, _kind, country in partners(text))
    text = "Pemkot Medan menjalin kerja sama dengan Parigi, Prancis."
    assert ("Paris", "foreign_city_or_region", "FR") in partners(text)


def test_the_stops_of_a_route_are_no_partners():
    text = (
        "Pemkab Banyuwangi dan Pemkab Jembrana menandatangani kesepakatan bersama pengelolaan "
        "penyeberangan Ketapang-Gilimanuk."
    )
    assert partners(text) == [("Kabupaten Jembrana", "indonesian_region", "ID")]
    text = (
        "Pemkot Manado dan Davao City, Filipina, membahas kerja sama dan rencana jalur "
        "pelayaran RoRo Davao City-General Santos-Bitung."
    )
    assert partners(text) == [("Davao", "foreign_city_or_region", "PH")]


def test_a_dash_between_two_parties_is_no_route():
    text = "Kerja sama sister city Bandung-Braunschweig, Jerman, diperbarui hari ini."
    assert ("Braunschweig", "foreign_city_or_region", "DE") in partners(text)


def test_what_the_reporter_calls_a_body_gives_its_kind():
    for text in [
        "Pemprov Jawa Tengah menyepakati magang siswa dengan perusahaan Ruijie Network dari China.",
        "Pemprov Jawa Tengah menandatangani MoU dengan perusahaan asal China, Ruijie Network.",
    ]:
        assert partners(text) == [("Ruijie Network", "foreign_company", "CN")], text


def test_an_acronym_of_a_partners_name_is_the_same_partner():
    text = (
        "Pemkab Parigi Moutong menggandeng kampus Asia e University Malaysia. Rektor AeU "
        "menandatangani nota kesepahaman kerja sama itu."
    )
    assert partners(text) == [("Asia e University", "foreign_institution", "MY")]


def test_an_ampersand_before_a_country_ends_no_body_name():
    text = (
        "Pemkab Jayapura bekerja sama dengan GIZ. Direktur GIZ Indonesia, ASEAN & Timor-Leste "
        "hadir dalam kerja sama itu."
    )
    assert partners(text) == [("GIZ", "foreign_institution", "DE")]


def test_a_country_between_a_description_and_a_name_is_the_bodys_origin():
    text = "Pemkab Kendal bekerja sama dengan perusahaan Jepang Sanyo Denki untuk pelatihan."
    assert partners(text) == [("Sanyo Denki", "foreign_company", "JP")]
    text = "Pemkab Kendal bekerja sama dengan lembaga Belanda Deltares untuk riset banjir."
    assert partners(text) == [("Deltares", "foreign_institution", "NL")]


def test_a_domestic_body_named_after_the_focal_region_is_its_own_enterprise():
    text = (
        "Pemprov Jawa Barat dan PT Bank Pembangunan Daerah Jawa Barat dan Banten Tbk "
        "menandatangani MoU pembiayaan UMKM."
    )
    assert partners(text) == []
    text = "Pemkab Kendal menandatangani MoU pembiayaan UMKM dengan PT Bank Jateng Syariah."
    assert partners(text) == [("PT Bank Jateng Syariah", "domestic_party", "ID")]


def test_a_closing_legal_form_after_dan_keeps_one_company_name():
    text = (
        "Pemkab Serang menandatangani MoU dengan PT Bank Pembangunan Daerah Jawa Barat dan "
        "Banten Tbk."
    )
    assert partners(text) == [
        ("PT Bank Pembangunan Daerah Jawa Barat dan Banten Tbk", "domestic_party", "ID")
    ]


def test_a_university_named_after_the_focal_city_is_still_a_partner():
    text = "Pemkot Malang menandatangani MoU pendidikan dengan Universitas Negeri Malang."
    assert partners(text) == [("Universitas Negeri Malang", "domestic_party", "ID")]


def test_another_name_of_a_place_is_kept_as_written_but_a_spelling_slip_is_not():
    text = "Pemkab Gowa menjajaki kerja sama dengan Gimhae City, Korea Selatan."
    assert partners(text) == [("Gimhae", "foreign_city_or_region", "KR")]
    text = "Pemkot Makassar menjajaki kerja sama dengan Kota Gotenburg, Swedia."
    assert partners(text) == [("Gothenburg", "foreign_city_or_region", "SE")]


def test_a_domestic_body_named_but_not_as_a_party_is_no_partner():
    text = (
        "Pemkot Jakarta Utara menjalin kerja sama dengan Majlis Perbandaran Hang Tuah Jaya, "
        "Malaysia. Acara juga diisi paparan Direktur PT Naga Kapuk Indah tentang peluang "
        "kerja sama investasi di kawasan itu."
    )
    assert [name for name, _kind, _country in partners(text)] == ["Hang Tuah Jaya"]


DOMESTIC_PARTIES = [
    "Pemkab Tanah Bumbu dan PT Indocement Tunggal Prakarsa menandatangani MoU pengolahan sampah.",
    "Pemkab Pati meneken MoU briket. Hadir dalam penandatanganan itu pihak PT Arang Jaya.",
    "Pemkab Wakatobi meneken perjanjian kerja sama beasiswa. PKS diteken Bupati Wakatobi dan "
    "Wakil Rektor III Universitas Haluoleo.",
    "Pemkab Penajam Paser Utara bekerja sama dengan 21 kampus, antara lain Universitas Brawijaya.",
    "Pemkot Batu menjajaki kerja sama riset dengan Graduate School of International "
    "Development Nagoya University, Jepang, dan Universitas Brawijaya.",
]


def test_a_domestic_body_said_to_be_a_party_in_any_of_these_ways_is_a_partner():
    for text in DOMESTIC_PARTIES:
        assert any(kind == "domestic_party" for _name, kind, _country in partners(text)), text


def test_a_place_word_keeps_a_name_a_place_whatever_the_text_writes_in_lower_case():
    text = (
        "Pemkot Palembang menjajaki kerja sama pengelolaan air baku dengan Kota Baku, Azerbaijan."
    )
    assert ("Baku", "foreign_city_or_region", "AZ") in partners(text)


def test_a_lone_acronym_with_its_full_name_in_brackets_names_the_body_and_its_city_is_its_seat():
    text = (
        "Bupati Blora dan Rektor menandatangani MoU antara Pemkab Blora dan UNY (Universitas "
        "Negeri Yogyakarta) Yogyakarta tentang pendidikan. Hubungan Pemkab Blora dengan UNY "
        "Yogyakarta makin erat."
    )
    assert partners(text) == [("Universitas Negeri Yogyakarta", "domestic_party", "ID")]


def test_a_city_right_after_a_bodys_acronym_is_its_seat_not_a_party():
    text = (
        "Pemkab Blora menjalin kerja sama dengan Universitas Negeri Yogyakarta (UNY). "
        "Rombongan Pemkab Blora disambut di kampus UNY Yogyakarta."
    )
    assert partners(text) == [("Universitas Negeri Yogyakarta", "domestic_party", "ID")]


def test_a_legal_form_in_brackets_stays_in_a_companys_name():
    text = "Pemkab Blora meneken MoU dengan PT PLN (Persero) tentang listrik desa."
    assert partners(text) == [("PT PLN (Persero)", "domestic_party", "ID")]


def test_a_body_whose_acronym_and_region_prefix_name_an_indonesian_region_is_its_own_office():
    text = (
        "Rombongan Kumamoto Prefectural Assembly dari Jepang berkunjung ke Badan Perencanaan "
        "Daerah (Bapeda) Provinsi Jawa Tengah untuk menjajaki kerja sama."
    )
    assert partners(text) == [("Kumamoto", "foreign_city_or_region", "JP")]


def test_an_unknown_short_form_of_a_known_foreign_city_is_that_city():
    text = (
        "Pemerintah Kota Denpasar dan Pemerintah Kota Mossel, Afrika Selatan, meresmikan kerja "
        "sama kota kembar. MoU diteken Wali Kota Denpasar dan Wali Kota Mossel Bay."
    )
    assert partners(text) == [("Mossel Bay", "foreign_city_or_region", "ZA")]


def test_a_city_after_a_comma_closing_a_bodys_name_is_its_seat():
    text = "Pemkot Tegal resmi meneken MoU dengan Universitas Karya Bangsa, Yogyakarta."
    assert partners(text) == [("Universitas Karya Bangsa", "domestic_party", "ID")]


def test_regions_listed_after_a_body_with_commas_stay_partners():
    text = "Pemkot Tegal meneken MoU dengan Universitas Karya Bangsa, Kota Magelang, dan Kabupaten Bantul."
    assert partners(text) == [
        ("Universitas Karya Bangsa", "domestic_party", "ID"),
        ("Kota Magelang", "indonesian_region", "ID"),
        ("Kabupaten Bantul", "indonesian_region", "ID"),
    ]


def test_a_city_named_like_its_prefecture_between_a_city_and_the_country_is_where_it_lies():
    text = "Pemkot Bogor dan Kota Hamamatsu, Shizuoka, Jepang, menandatangani MoU kerja sama."
    assert partners(text) == [("Hamamatsu", "foreign_city_or_region", "JP")]


def test_a_city_named_like_a_prefecture_in_a_list_with_dan_stays_a_partner():
    text = "Pemkot Bogor menjajaki kerja sama dengan Kota Nagoya dan Kota Shizuoka, Jepang."
    assert partners(text) == [
        ("Nagoya", "foreign_city_or_region", "JP"),
        ("Shizuoka", "foreign_city_or_region", "JP"),
    ]


def test_a_city_written_with_an_english_tail_is_its_own_name_needing_no_country():
    text = "Pemkot Bogor dan Hamamatsu City menandatangani MoU kerja sama pendidikan."
    assert partners(text) == [("Hamamatsu", "foreign_city_or_region", "JP")]


def test_a_state_named_like_a_city_of_another_country_is_found_by_the_country_beside_it():
    text = "Pemkot Malang menjajaki kerja sama pendidikan dengan negara bagian Victoria, Australia."
    assert partners(text) == [("Victoria", "foreign_city_or_region", "AU")]


def test_a_capitalised_region_word_before_a_foreign_state_names_the_state_not_a_body():
    text = "Pemkot Malang menjajaki kerja sama dengan Negara Bagian Queensland, Australia."
    assert partners(text) == [("Queensland", "foreign_city_or_region", "AU")]


def test_st_with_its_dot_and_a_possessive_stay_inside_a_bodys_name():
    text = "Pemkot Malang menandatangani MoU pendidikan dengan St. Mary's University, Kanada."
    assert partners(text) == [("St. Mary's University", "foreign_institution", "CA")]


def test_a_city_a_delegation_passes_through_is_no_partner():
    text = (
        "Pemkot Malang menjalin kerja sama dengan Kota Busan, Korea Selatan. Delegasi berangkat "
        "melalui Kuala Lumpur dan transit di Doha."
    )
    assert partners(text) == [("Busan", "foreign_city_or_region", "KR")]


def test_a_place_name_that_is_a_common_word_needs_its_own_country_after_it():
    # "Bank" is also a town in India: "Bank Indonesia" names the central bank's office, and
    # the country after it is no place's country.
    result = extract(
        "Gubernur Gorontalo dan Gubernur Ehime, Jepang, meneken kerja sama perdagangan di "
        "kantor Bank Indonesia Perwakilan Gorontalo."
    )
    assert [c.code for c in result.countries] == ["JP"]
    assert all(p.country != "IN" for p in result.partners)
    # "Lima, Peru": the common word followed by its own country is the place.
    result = extract("Pemkot Bandung menjajaki kerja sama kota kembar dengan Lima, Peru.")
    assert [(p.name, p.country) for p in result.partners] == [("Lima", "PE")]


def test_a_province_abroad_is_not_hidden_by_a_city_s_alternate_name():
    # GeoNames lists "Henan" among the other names of the city Hengyang; the province of
    # that name is meant.
    text = "Gubernur NTB menjajaki kerja sama pertanian dengan Provinsi Henan, Tiongkok."
    assert partners(text) == [("Henan", "foreign_city_or_region", "CN")]


def test_the_province_of_a_partner_city_is_no_partner_for_its_governor_named_later():
    text = (
        "Pemerintah Kota Jayapura bersama Pemerintah Kota Wewak, Provinsi Sepik Timur, Papua "
        "Nugini, meneken LoI sister city. Sepulang dari Jayapura, pihaknya akan melapor hasil "
        "kunjungan kepada Gubernur Provinsi Sepik Timur sebelum menindaklanjutinya."
    )
    assert [name for name, _kind, _country in partners(text)] == ["Wewak"]


def test_the_province_of_a_partner_city_met_for_talks_or_named_as_party_is_a_partner():
    met = (
        "Rombongan NTB singgah di Kota Luohe, Provinsi Henan, Tiongkok, untuk kerja sama "
        "pertanian. Gubernur NTB juga bertemu Gubernur Henan untuk membicarakan kerja sama."
    )
    assert "Henan" in [name for name, _kind, _country in partners(met)]
    named = (
        "Pemkot Jayapura meneken LoI dengan Kota Wewak, Provinsi Sepik Timur, Papua Nugini. "
        "Pemprov Papua juga menjajaki kerja sama dengan Provinsi Sepik Timur."
    )
    assert [name for name, _kind, _country in partners(named)][:2] == ["Wewak", "East Sepik"]


def test_a_region_name_with_a_foreign_country_after_it_is_that_country_s_place_in_the_whole_text():
    text = (
        "Rencana jembatan yang menyambungkan Dumai (Indonesia) dengan Malaka (Malaysia).\n"
        "Pemerintah Kota Dumai menjalin kerja sama friendship city dengan kota Melaka. Wali "
        "Kota Dumai bertandang ke Malaka dan bertemu Datuk Bandar Malaka untuk membahas kerja "
        "sama itu."
    )
    result = extract(text)
    assert [(p.kind, p.country) for p in result.partners] == [("foreign_city_or_region", "MY")]
    # without a foreign country beside it, the name is the regency in NTT
    text = "Pemkab Belu menjalin kerja sama pariwisata dengan Pemkab Malaka."
    assert partners(text) == [("Kabupaten Malaka", "indonesian_region", "ID")]


def test_places_listed_with_a_place_named_as_the_other_party_share_its_role():
    text = (
        "Pemprov NTT dan Pemerintah Timor Leste sepakat mendorong kerja sama ekonomi. Gubernur "
        "menyinggung kerja sama Segitiga Pertumbuhan yang melibatkan Kupang, Dili dan Darwin."
    )
    names = [name for name, _kind, _country in partners(text)]
    assert "Dili" in names and "Darwin" in names
    # a list of stops shares no role, even beside a city the word "Kota" names
    text = (
        "Gubernur NTB menjajaki kerja sama dengan Tiongkok. Rombongan akan singgah di dua kota: "
        "Kota Luohe dan Zhengzhou."
    )
    assert "Zhengzhou" not in [name for name, _kind, _country in partners(text)]
