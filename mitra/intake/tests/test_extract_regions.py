"""Indonesian regions: aliases and government prefixes resolve to Kemendagri codes; only
parties count, never venues, stops or names inside other names."""

from mitra.intake.extract import extract


def codes(text: str) -> list[str]:
    return [region.code for region in extract(text).regions]


def test_solo_is_kota_surakarta():
    result = extract(
        "Pemkot Solo menandatangani nota kesepahaman kerja sama pariwisata dengan Pemkab "
        "Karanganyar, Senin (3/3/2025)."
    )
    solo = next(r for r in result.regions if r.code == "33.72")
    assert solo.name == "Kota Surakarta"
    # Regions are the focal region only: the other side is a partner, listed once.
    assert [r.code for r in result.regions] == ["33.72"]
    assert [p.name for p in result.partners] == ["Kabupaten Karanganyar"]


def test_jogja_is_the_city_and_pemprov_jogja_is_the_province():
    assert codes("Pemkot Jogja menjajaki kerja sama pengelolaan sampah dengan Kota Kyoto.") == [
        "34.71"
    ]
    assert codes("Pemprov Jogja menjajaki kerja sama pengelolaan sampah dengan Kota Kyoto.") == [
        "34"
    ]


def test_prefixes_choose_between_city_regency_and_province():
    assert codes("Pemkab Bandung menjalin kerja sama dengan PT Kereta Api Indonesia.") == ["32.04"]
    assert codes("Pemkot Bandung menjalin kerja sama dengan PT Kereta Api Indonesia.") == ["32.73"]
    assert codes("Pemprov Jawa Barat menjalin kerja sama dengan PT Kereta Api Indonesia.") == ["32"]
    assert codes("Kabupaten Bandung menjalin kerja sama dengan PT Kereta Api Indonesia.") == [
        "32.04"
    ]


def test_a_bare_name_shared_by_city_and_regency_is_the_city():
    assert codes("Kerja sama antara Bogor dan Kota Toyama terus berjalan.") == ["32.71"]


def test_a_venue_and_a_stop_are_no_regions():
    result = extract(
        "Pemprov Jawa Barat dan Pemprov Banten menandatangani kesepakatan bersama di Gedung Sate, "
        "Bandung. Sebelumnya rombongan singgah di Cirebon dan Sumedang."
    )
    assert [r.code for r in result.regions] == ["32"]
    assert [p.name for p in result.partners] == ["Provinsi Banten"]


def test_a_region_named_inside_a_university_is_no_party():
    result = extract(
        "Pemkab Gowa dan Universitas Negeri Makassar menandatangani perjanjian kerja sama "
        "pelatihan guru."
    )
    assert [r.code for r in result.regions] == ["73.06"]


def test_the_other_region_of_a_cooperation_is_a_partner_not_a_region():
    result = extract(
        "Pemerintah Kota Makassar menjalin kerja sama pengembangan kota cerdas dengan Kota Tual."
    )
    assert [r.code for r in result.regions] == ["73.71"]
    tual = [p for p in result.partners if p.kind == "indonesian_region"]
    assert [(p.name, p.country) for p in tual] == [("Kota Tual", "ID")]


def test_a_region_with_a_cooperation_of_its_own_is_no_partner_of_the_main_one():
    result = extract(
        "Pemprov Jawa Barat menandatangani MoU dengan Kota Incheon, Korea Selatan. "
        "Sebelumnya, Pemkab Purwakarta juga telah menjalin kerja sama dengan Kota Icheon."
    )
    assert [r.code for r in result.regions] == ["32", "32.14"]
    assert [p.kind for p in result.partners].count("indonesian_region") == 0


def test_the_dateline_names_the_city_of_an_unnamed_pemkot():
    text = "PONTIANAK – Pemkot menandatangani perjanjian kerja sama dengan PT Pelindo. " * 2
    assert codes(text) == ["61.71"]


def test_an_article_without_cooperation_has_no_region():
    assert codes("MAROS – Sanggar tari asal Kabupaten Maros tampil di festival di Toulouse.") == []


def test_a_river_named_after_a_regency_is_no_region():
    assert "62.03" not in codes(
        "Pemkot Pontianak bekerja sama dengan PT Pelindo menata tepian Sungai Kapuas."
    )


def test_the_province_of_the_focal_city_is_no_second_region():
    result = extract(
        "Pemerintah Kota Denpasar, Bali, memperpanjang kerja sama kota kembar dengan Kota "
        "Mossel Bay. Pemprov Bali mendukung kerja sama itu."
    )
    assert [r.code for r in result.regions] == ["51.71"]


def test_the_dateline_region_is_the_focal_one_when_it_takes_part():
    result = extract(
        "SEMARANG – Bantuan mobil pemadam kebakaran dari Pemprov DKI Jakarta diterima Pemkot "
        "Semarang sebagai bagian kerja sama antardaerah."
    )
    assert [r.code for r in result.regions] == ["33.74"]
    assert [p.name for p in result.partners] == ["Provinsi Daerah Khusus Ibukota Jakarta"]


def test_a_dateline_city_speaks_for_its_province_named_more_often_as_the_party():
    result = extract(
        "Kupang – Pemerintah Provinsi Nusa Tenggara Timur (NTT) dan Pemerintah Timor Leste ingin "
        "mendorong kerja sama ekonomi. Gubernur NTT bertemu Konsul Timor Leste yang baru. "
        "Gubernur NTT juga menyinggung kerja sama Segitiga Pertumbuhan yang melibatkan Kupang, "
        "Dili dan Darwin."
    )
    # the province is the focal region; its seat, named once more, is no partner of its own
    assert [r.code for r in result.regions] == ["53"]
    assert [p.name for p in result.partners if p.kind == "indonesian_region"] == []


def test_a_dateline_city_sides_with_its_province_against_another_province():
    result = extract(
        "Manado – Penjabat Gubernur Gorontalo bertamu ke Kantor Gubernur Sulut untuk kerja sama "
        "ekonomi. Gubernur Gorontalo membicarakan kerja sama Gorontalo dan Sulut. Wakil Gubernur "
        "Sulut menyambut kerja sama itu."
    )
    assert [r.code for r in result.regions] == ["71"]
    assert [p.name for p in result.partners] == ["Provinsi Gorontalo"]


def test_the_dateline_regency_stays_focal_against_its_province_named_as_often():
    result = extract(
        "Bantul – Pemda DIY mendorong kerja sama antardaerah. Pemkab Bantul dan Pemkab Kulon "
        "Progo menandatangani kerja sama pengembangan wilayah. Bupati Bantul menyebut kerja sama "
        "itu penting."
    )
    assert [r.code for r in result.regions] == ["34.02"]
    assert "Kabupaten Kulon Progo" in [p.name for p in result.partners]


def test_a_region_visiting_in_the_lead_takes_part_without_the_word_cooperation():
    result = extract(
        "Rombongan Pemkab Penajam Paser Utara bertandang ke Pemkab Tabanan.\n"
        "Keduanya bertukar pengalaman soal pertanian dan ketahanan pangan.\n"
        "Kedua daerah berharap bisa menjalin kerja sama."
    )
    assert [r.code for r in result.regions] == ["64.09"]


def test_di_yogyakarta_in_capitals_is_the_province_and_di_yogyakarta_a_venue():
    assert codes("Pemprov DI Yogyakarta menjalin kerja sama dengan Kota Kyoto.") == ["34"]
    assert codes("Pemkot Kyoto menjalin kerja sama dengan Pemkab Sleman di Yogyakarta.") == [
        "34.04"
    ]


def test_a_province_after_its_regency_and_their_short_names_is_where_it_lies():
    text = (
        "Bupati Konawe Selatan (Konsel) Sulawesi Tenggara (Sultra) menjajaki kerja sama dengan "
        "Kota Gimcheon, Korea Selatan."
    )
    assert codes(text) == ["74.05"]


def test_a_province_after_a_regency_s_short_name_and_its_own_short_name_is_where_it_lies():
    text = (
        "tegas.co., KONSEL, SULTRA – Bupati Konawe Selatan (Konsel) Sulawesi Tenggara (Sultra) "
        "berada di Korea Selatan untuk kunjungan kerja sama pertanian.\n"
    )
    assert codes(text) == ["74.05"]


def test_a_region_named_as_the_other_party_in_the_lead_is_the_partner():
    # The headline names Kota Blitar after "dengan": the story is told from the other side.
    text = (
        "Teken MoU dengan Pemkot Blitar\n\n"
        "Pemerintah Kabupaten Ngawi dan Pemkot Blitar menandatangani nota kesepahaman kerja "
        "sama pariwisata di Balai Kota Blitar, Kamis (6/3/2025). Bupati Ngawi menyebut kerja "
        "sama dengan Pemkot Blitar akan dimulai dengan pertukaran pegawai."
    )
    result = extract(text)
    assert [r.code for r in result.regions] == ["35.21"]
    assert [p.name for p in result.partners] == ["Kota Blitar"]


def test_a_region_after_dengan_with_only_a_foreign_side_stays_the_focal_region():
    text = (
        "Wali Kota Tottori menjajaki kerja sama sister city dengan Kabupaten Ngawi, Jawa Timur, "
        "di bidang pertanian."
    )
    assert codes(text) == ["35.21"]


def test_the_region_a_delegation_visits_is_the_host_party_when_no_other_takes_part():
    text = "Delegasi Kota Changwon akan berkunjung ke Kota Kendari untuk menjajaki kerja sama."
    assert codes(text) == ["74.71"]


def test_a_visit_destination_is_no_party_beside_a_region_that_takes_part():
    text = (
        "Pemkab Konawe menjajaki kerja sama dengan Kota Changwon. Delegasi Konawe lalu "
        "berkunjung ke Kota Kendari."
    )
    assert codes(text) == ["74.02"]


def test_interning_at_a_regency_government_makes_it_the_host_party():
    text = (
        "Sebanyak 25 mahasiswa Universitas Mataram magang di Pemkab Lombok Barat berdasarkan "
        "perjanjian kerja sama dengan kampus itu."
    )
    assert codes(text) == ["52.01"]


def test_a_region_held_up_only_as_a_model_is_no_party():
    text = (
        "Pemkot Magelang dan Pemkab Temanggung meneken kerja sama pengelolaan sampah. Wali Kota "
        "Magelang berharap kerja sama ini dicontoh Kabupaten Wonosobo."
    )
    result = extract(text)
    assert [r.name for r in result.regions] == ["Kota Magelang"]
    assert [p.name for p in result.partners] == ["Kabupaten Temanggung"]


def test_the_province_of_a_partner_regency_named_in_a_role_is_no_party():
    result = extract(
        "Tabanan – Rombongan Wakil Bupati Penajam Paser Utara, Provinsi Kalimantan Timur, Abdul "
        "Waris Muin, bertandang ke Pemerintah Kabupaten Tabanan. Pemkab Tabanan menyambut "
        "baik rencana kerja sama pertanian dengan Penajam Paser Utara."
    )
    named = [r.name for r in result.regions] + [p.name for p in result.partners]
    assert "Provinsi Kalimantan Timur" not in named
    assert "Kabupaten Penajam Paser Utara" in named


def test_the_side_named_first_in_the_lead_outweighs_its_counterpart_named_as_other_party():
    text = (
        "Sidoarjo, [ MNRTV News ] Demi menjaga pasokan pangan, Pemerintah Provinsi DKI Jakarta "
        "makin rapat bergandengan dengan daerah penghasil. Salah satu wujudnya adalah kolaborasi "
        "bersama Pemerintah Kabupaten Sidoarjo.\n"
        "Pj Gubernur DKI Jakarta dan Plt Bupati Sidoarjo menanam padi bersama.\n"
        "Kerja sama antardaerah ini memperkuat ketahanan pangan.\n"
        "Kerja sama Pemprov DKI Jakarta dengan Kabupaten Sidoarjo sudah berjalan sejak 2023."
    )
    assert codes(text) == ["31"]


def test_menu_words_and_labels_are_no_lines_of_the_lead():
    text = (
        "Pemkot Tangerang Kini Bisa Manfaatkan TPA Cilowong\n\nHeadline\n"
        "Sebaiknya negara mengurus harga barang dulu.\n"
        "Setelah perjanjian kerja sama dengan Pemerintah Kota Serang diteken, Pemerintah Kota "
        "Tangerang Selatan kini boleh membuang sampah ke TPA Cilowong di Kota Serang.\n"
        "Perjanjian kerja sama Kota Tangerang Selatan dengan Kota Serang berlaku tiga tahun, "
        "kata Wali Kota Tangerang Selatan."
    )
    assert codes(text) == ["36.74"]


def test_both_cities_of_a_cooperation_include_the_datelines_one():
    text = (
        "Foto: Penandatanganan MoU Surabaya-Kitakyushu tahun 1997 (dok)\n"
        "SURABAYA – Sebanyak 20 pelajar Kota Kitakyushu, Jepang, tiba di Surabaya dalam program "
        "pertukaran pelajar tahunan kedua kota. Kegiatan itu bagian dari kerja sama sister city "
        "yang terjalin sejak 1997."
    )
    assert codes(text) == ["35.78"]


def test_a_province_after_its_regency_with_the_word_provinsi_only_locates_it():
    result = extract(
        "Pemkab Klaten Jawa Tengah dan Sleman Provinsi DIY sepakat bekerja sama menata "
        "angkutan perbatasan."
    )
    assert [r.code for r in result.regions] == ["33.10"]
    assert [p.name for p in result.partners] == ["Kabupaten Sleman"]


def test_a_region_in_a_former_office_is_no_party():
    result = extract(
        "Penjabat Gubernur NTB, mantan Pj Sumut itu, mengajak Konjen Tiongkok bekerja sama "
        "di bidang pariwisata."
    )
    assert [r.code for r in result.regions] == ["52"]
    assert result.partners == ()


def test_a_name_typed_once_keeps_its_sense_when_it_recurs_bare():
    text = (
        "BENGKULU, BE - Investor Jepang serius menjajaki kerja sama energi dengan Bengkulu. "
        "Rombongan disambut Wakil Gubernur Bengkulu di kantornya."
    )
    assert codes(text) == ["17"]


def test_the_city_where_a_consulate_sits_is_no_party():
    result = extract(
        "Kerja sama hibah dibahas Pemkab Gresik bersama Consulate General of Japan At Surabaya."
    )
    assert [r.code for r in result.regions] == ["35.25"]
    assert result.partners == ()


def test_the_focal_regions_own_province_named_as_the_other_party_is_a_partner():
    result = extract("Pemkab Sleman meneken MoU dengan Pemprov DI Yogyakarta soal air bersih.")
    assert [r.code for r in result.regions] == ["34.04"]
    assert [p.name for p in result.partners] == ["Provinsi Daerah Istimewa Yogyakarta"]
    located = extract("Pemkab Sleman, DIY, meneken MoU air bersih dengan Kota Kyoto.")
    assert [p.name for p in located.partners] == ["Kyoto"]


def test_a_region_that_only_permits_is_no_party():
    result = extract(
        "Pemkab Bantul menjalin kerja sama dengan Kota Kyoto setelah mendapat izin Gubernur "
        "Jawa Tengah."
    )
    assert [p.name for p in result.partners] == ["Kyoto"]


def test_a_glued_dateline_names_no_party():
    text = (
        "Jakarta-Selasa (9/1/2024), Pemerintah Kabupaten Blora meneken MoU dengan Universitas "
        "Budi Luhur tentang beasiswa bagi pelajar Blora yang berprestasi."
    )
    result = extract(text)
    assert [r.code for r in result.regions] == ["33.16"]
    assert [p.name for p in result.partners] == ["Universitas Budi Luhur"]


def test_a_caption_label_with_a_colon_is_no_dateline_when_a_dash_one_follows():
    text = (
        "KERJA SAMA: Pemprov Jatim dan GDTC Maroko menyepakati kerja sama senilai Rp 8,5 "
        "triliun di Surabaya. | Foto: ROY HS\n\n"
        "SURABAYA, Barometerjatim.com – Lewat BUMD, Pemprov Jatim menyepakati kerja sama dengan "
        "GDTC dari Maroko di bidang infrastruktur dan air bersih, Sabtu."
    )
    result = extract(text)
    assert [r.code for r in result.regions] == ["35"]
    assert all(p.kind != "indonesian_region" for p in result.partners)


def test_karo_as_the_short_form_of_kepala_biro_is_no_region():
    text = (
        "MENJAJAKI kerjasama yang lebih nyata, Gubernur NTB terbang ke China. Sembilan pejabat "
        "Pemprov NTB ikut dalam rombongan, yakni Kadis Peternakan, Kepala BKP, Karo Humas dan "
        "Protokol serta Karo Kerjasama dan SDM Setda Provinsi NTB."
    )
    assert extract(text).partners == ()
    assert codes("Pemkab Karo menjajaki kerja sama pertanian dengan Kota Jeonju.") == ["12.06"]


def test_a_region_people_come_from_or_live_in_is_no_party():
    result = extract(
        "Pemkab Banyumas bekerja sama dengan Kota Kagoshima, Jepang, mengirim 20 mahasiswa asal "
        "Kabupaten Banyumas dan Kabupaten Purbalingga untuk magang. Kompensasi bagi warga Kota "
        "Tegal juga dibahas dalam kerja sama itu."
    )
    assert [r.name for r in result.regions] == ["Kabupaten Banyumas"]
    assert [p.name for p in result.partners] == ["Kagoshima"]


def test_a_region_after_a_word_of_origin_elsewhere_is_still_a_party():
    result = extract(
        "Pemkab Banyumas menandatangani kerja sama dengan Pemkab Purbalingga. Bibit asal Jepang "
        "akan ditanam di kedua daerah."
    )
    assert [p.name for p in result.partners] == ["Kabupaten Purbalingga"]


def test_a_government_visited_is_the_host_party():
    for visit in ["berkunjung ke Pemkab Badung", "studi banding ke Pemkab Badung"]:
        result = extract(
            f"Bupati Bantul bersama jajaran Pemkab Bantul {visit} untuk menjajaki kerja sama "
            "pengelolaan pariwisata."
        )
        assert [r.name for r in result.regions] == ["Kabupaten Bantul"], visit
        assert [p.name for p in result.partners] == ["Kabupaten Badung"], visit


def test_a_region_only_visited_as_a_place_is_no_party():
    result = extract(
        "Gubernur Jawa Tengah menandatangani kerja sama dengan Kota Kyoto, lalu melanjutkan "
        "kunjungan kerja ke Kabupaten Kendal."
    )
    assert [p.name for p in result.partners] == ["Kyoto"]


def test_a_stop_a_delegation_set_out_from_is_no_party():
    result = extract(
        "SEMARANG - Pemprov Jawa Tengah menandatangani Letter of Intent dengan Provinsi "
        "Jiangsu, Tiongkok. Setelah dari Semarang, delegasi Jiangsu melanjutkan perjalanan ke "
        "Bali."
    )
    assert [r.name for r in result.regions] == ["Provinsi Jawa Tengah"]
    assert [p.name for p in result.partners] == ["Jiangsu"]


def test_a_bare_region_name_the_text_also_writes_as_a_word_is_no_party():
    result = extract(
        "Pemkab Maluku Tengah menjalin kerja sama perikanan dengan Pemkab Seram Bagian Barat "
        "dan Buru. Nelayan kedua daerah biasa pergi buru ikan tuna."
    )
    assert [p.name for p in result.partners] == ["Kabupaten Seram Bagian Barat"]
    result = extract("Pemkot Ambon menjalin kerja sama perikanan dengan Buru.")
    assert [p.name for p in result.partners] == ["Kabupaten Buru"]


def test_a_region_name_glued_or_split_otherwise_than_the_official_one_is_still_found():
    assert codes("Pemkab Tulangbawang Barat menerima hibah kerja sama dari Jepang.") == ["18.12"]
    assert codes("Pemkab Batang Hari menjalin kerja sama dengan Kota Jambi.") == ["15.04"]
    assert codes("Pemkab Gunung Kidul menjalin kerja sama dengan Kota Jambi.") == ["34.03"]


def test_a_region_investors_come_from_is_no_party_but_a_delegation_from_one_is():
    result = extract(
        "Pemkab Lampung Utara menawarkan kerja sama pembangunan rumah. Sempat ada investor dari "
        "Jakarta yang datang menawarkan kerja sama itu."
    )
    assert [r.name for r in result.regions] == ["Kabupaten Lampung Utara"]
    assert result.partners == ()
    result = extract(
        "Pemkab Lampung Utara menerima delegasi dari Pemkot Metro untuk menjajaki kerja sama."
    )
    assert [p.name for p in result.partners] == ["Kota Metro"]


def test_a_city_far_behind_a_venue_word_is_still_the_venue():
    result = extract(
        "Pemkab Tanah Bumbu dan PT Semen Nusantara meneken MoU di Kantor Pusat PT Semen "
        "Nusantara Raya, Citeureup, Bandung, Jawa Barat, Rabu (4/1/2023)."
    )
    assert [r.name for r in result.regions] == ["Kabupaten Tanah Bumbu"]
    assert "Kota Bandung" not in [p.name for p in result.partners]


def test_regions_a_cooperation_is_said_to_involve_are_its_partners():
    result = extract(
        "Pemkab Bogor dan Pemkot Depok bekerja sama menangani banjir di kawasan perbatasan. "
        "Kerja sama juga melibatkan Pemprov Jawa Barat dan Pemprov DKI Jakarta."
    )
    assert [r.name for r in result.regions] == ["Kabupaten Bogor"]
    assert [p.name for p in result.partners] == [
        "Kota Depok",
        "Provinsi Jawa Barat",
        "Provinsi Daerah Khusus Ibukota Jakarta",
    ]


def test_a_bare_name_the_text_also_types_with_a_head_stays_the_region():
    result = extract(
        "Wali Kota Medan menjalin kerja sama dengan Pemkot Binjai. Medan dan Binjai bekerja sama "
        "meski medan di perbatasan sulit."
    )
    assert [r.name for r in result.regions] == ["Kota Medan"]
    assert [p.name for p in result.partners] == ["Kota Binjai"]


def test_a_region_named_in_another_sentence_without_a_partner_abroad_is_no_second_side():
    result = extract(
        "Pemprov Jawa Barat menyambut delegasi Prefektur Shizuoka untuk kerja sama pendidikan. "
        "Wakil Bupati Sukabumi juga mendukung kerja sama itu."
    )
    assert [r.code for r in result.regions] == ["32"]
    # with a partner abroad of its own in its sentence, it is a second side
    result = extract(
        "Pemprov Jawa Barat menyambut delegasi Prefektur Shizuoka untuk kerja sama pendidikan. "
        "Pemkab Sukabumi juga menjalin kerja sama dengan Kota Fujinomiya, Jepang."
    )
    assert [r.code for r in result.regions] == ["32", "32.02"]


def test_members_of_a_list_with_their_provinces_are_all_the_other_party():
    result = extract(
        "Pemkab Paser menjalin kerja sama transmigrasi dengan lima daerah asal transmigran. MoU "
        "dan PKS dengan empat daerah lainnya sudah beres sebelum transmigran tiba, yaitu Kabupaten "
        "Pringsewu di Lampung serta Kabupaten Bantul dan Kabupaten Sleman di DI Yogyakarta."
    )
    assert [r.code for r in result.regions] == ["64.01"]
    assert [p.name for p in result.partners] == [
        "Kabupaten Pringsewu",
        "Kabupaten Bantul",
        "Kabupaten Sleman",
    ]


def test_a_region_that_ends_a_facility_s_name_is_where_it_lies():
    for facility in (
        "Kawasan Ekonomi Khusus Palu",
        "terminal Gorontalo Limboto-Palu",
        "KEK Palu",
        "SMA Unggulan Palu",
    ):
        result = extract(
            "Pemprov Sulawesi Tengah menjajaki kerja sama investasi dengan perusahaan Korea "
            f"Selatan untuk {facility}."
        )
        assert [r.code for r in result.regions] == ["72"]
        assert "Kota Palu" not in [p.name for p in result.partners]
    # the government of that region is still a party
    result = extract(
        "Pemprov Sulawesi Tengah menjalin kerja sama investasi dengan Pemerintah Kota Palu."
    )
    assert [p.name for p in result.partners] == ["Kota Palu"]


def test_a_city_that_ends_a_hotel_s_name_is_where_the_hotel_lies():
    result = extract(
        "Pemprov Sumatera Utara menyerahkan pengelolaan Hotel Santika Medan kepada PT Graha "
        "Niaga lewat perjanjian kerja sama. Kerja sama pengelolaan Hotel Santika Medan berlaku "
        "sepuluh tahun."
    )
    assert [r.code for r in result.regions] == ["12"]
    assert "Kota Medan" not in [p.name for p in result.partners]


def test_a_region_inside_a_news_outlet_s_name_is_no_party():
    for credit in ("Harian Jogja/Nina Atmasari", "Radar Semarang", "Magelang Ekspres"):
        result = extract(
            "Bupati Magelang meneken kerja sama dengan perguruan tinggi, Rabu (9/7/2025). - "
            f"{credit} Pemkab Magelang bermitra dengan Universitas Gadjah Mada."
        )
        assert [r.code for r in result.regions] == ["33.08"]
        assert [p.kind for p in result.partners] == ["domestic_party"]
