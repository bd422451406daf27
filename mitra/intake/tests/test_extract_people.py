"""People: names without titles, roles as written; never reporters, editors or names in
"Baca juga" links."""

from mitra.intake.extract import extract


def people(text: str) -> list[tuple[str, str]]:
    return [(p.name, p.role) for p in extract(text).people]


def test_role_comma_name():
    text = "Wali Kota Makassar, Moh Ramdhan Pomanto mengaku kerja sama sudah dibicarakan."
    assert people(text) == [("Moh Ramdhan Pomanto", "Wali Kota Makassar")]


def test_role_name_without_a_comma():
    text = "Penandatanganan dilakukan Wali Kota Bogor Dedi Kurniawan dan Wali Kota Toyama Hiroshi Tanabe."
    assert people(text) == [
        ("Dedi Kurniawan", "Wali Kota Bogor"),
        ("Hiroshi Tanabe", "Wali Kota Toyama"),
    ]


def test_name_comma_role_and_a_long_role():
    text = (
        "Kepala Bidang Aplikasi dan Telematika Dinas Komunikasi dan Informatika (Diskominfo) "
        "Makassar, Denny Hidayat, mengatakan hal itu. Sukri Hasanuddin, Kepala Bagian Kerja "
        "Sama Setda Makassar, menambahkan."
    )
    assert people(text) == [
        (
            "Denny Hidayat",
            "Kepala Bidang Aplikasi dan Telematika Dinas Komunikasi dan Informatika "
            "(Diskominfo) Makassar",
        ),
        ("Sukri Hasanuddin", "Kepala Bagian Kerja Sama Setda Makassar"),
    ]


def test_titles_and_degrees_are_dropped_from_the_name():
    text = "Rektor Unhas, Prof. Dr. Ir. H. Jamaluddin Jompa, M.Sc., menyambut kerja sama itu."
    assert people(text) == [("Jamaluddin Jompa", "Rektor Unhas")]


def test_hyphenated_and_particle_names_stay_whole():
    text = (
        "Wali Kota Suwon, Lee Sang-min, menyambut kerja sama. Dr. Marieke van der Berg, "
        "koordinator program di Universitas Leiden, menyampaikan minatnya."
    )
    assert people(text) == [
        ("Lee Sang-min", "Wali Kota Suwon"),
        ("Marieke van der Berg", "koordinator program di Universitas Leiden"),
    ]


def test_a_later_short_mention_is_the_same_person():
    text = (
        "Gubernur NTB, Lalu Ahmad Zulkarnain, menandatangani MoU. Gubernur Zulkarnain mengatakan "
        "programnya dimulai Juli."
    )
    assert people(text) == [("Lalu Ahmad Zulkarnain", "Gubernur NTB")]


def test_reporters_editors_initials_and_related_links_are_not_people():
    text = (
        "Laporan Wartawan Kabar Sulsel, Sultan Alamsyah\n"
        "Bupati Takalar, Baharuddin Daeng Sese, meneken PKS dengan UNM.\n"
        "Baca juga: Wali Kota Makassar Danny Pomanto Resmikan Lorong Wisata\n"
        "Penulis: Syahrul Ramadhan | Editor: Fitriani\n"
        "(ant/rdk)"
    )
    assert people(text) == [("Baharuddin Daeng Sese", "Bupati Takalar")]


def test_a_weekday_after_a_role_is_no_name():
    assert people("Rapat di Kantor Gubernur Sulsel, Senin (6/10/2025), membahas kerja sama.") == []


def test_the_evidence_of_a_person_is_the_name():
    text = "Bupati Badung, I Wayan Suardana, meneken MoU dengan Gubernur Chiang Mai."
    (person,) = extract(text).people
    assert [text[start:end] for start, end in person.evidence] == ["I Wayan Suardana"]


def test_a_name_in_brackets_after_the_role():
    result = extract(
        "Hadir pula Kepala Bappeda (Sri Wahyuni Lestari) dalam pembahasan kerja sama dengan "
        "Kota Kumamoto."
    )
    assert [(p.name, p.role) for p in result.people] == [("Sri Wahyuni Lestari", "Kepala Bappeda")]


def test_places_between_commas_still_belong_to_the_role():
    result = extract(
        "Kerja sama itu disambut Wali Kota Pematangsiantar, Sumatera Utara, Rudi Hartono "
        "Simanjuntak dengan gembira."
    )
    assert [p.name for p in result.people] == ["Rudi Hartono Simanjuntak"]


def test_a_lowercase_role_before_a_full_name():
    result = extract(
        "Hibah itu diserahkan perwakilan Yayasan Hikari, Tomoko Yamashita, kepada Pemkab Gowa "
        "sebagai bagian dari kerja sama."
    )
    assert "Tomoko Yamashita" in [p.name for p in result.people]


DEGREES_AFTER = ["S.E", "S.E.", "M.Kn", "SH", "M.Si", "Ph.D", "S.IP, M.IP"]


def test_no_degree_glued_or_spaced_after_a_name_is_ever_a_name():
    for degree in DEGREES_AFTER:
        for glue in [",", ", "]:
            text = (
                f"Bupati Wakatobi H.Haliana{glue}{degree} dan Rektor Universitas Halu Oleo "
                "meneken kerja sama beasiswa."
            )
            found = [p.name for p in extract(text).people]
            assert "Haliana" in found, (degree, glue, found)
            assert not [n for n in found if degree.split(",")[0].rstrip(".") in n], found


def test_a_run_of_names_each_with_selaku_and_a_role():
    text = (
        "Lokakarya kerja sama sister city digelar di Jayapura. Narasumbernya Veronica Wally "
        "selaku Kabid Kerjasama Badan Perbatasan Provinsi Papua, Reuter Sabarofek selaku Plt "
        "Kepala Badan Pengelola Perbatasan Daerah, Kota Jayapura serta Mathius Pawara selaku "
        "Plt Kepala Dinas Sosial Kota Jayapura."
    )
    assert [p.name for p in extract(text).people] == [
        "Veronica Wally",
        "Reuter Sabarofek",
        "Mathius Pawara",
    ]


def names(text: str) -> list[str]:
    return [name for name, _role in people(text)]


def test_malay_honorifics_are_titles_and_bin_joins_the_name():
    found = names(
        "Gubernur Jawa Timur menjamu Menteri Besar Negeri Sembilan, YAB Dato’ Seri Utama H. "
        "Aminuddin Bin Harun, untuk membahas kerja sama. Delegasi Melaka dipimpin Setiausaha "
        "Kerajaan Negeri Melaka, Datuk Wira Azhar bin Haji Arshad, dalam kunjungan kerja sama."
    )
    assert "Aminuddin Bin Harun" in found
    assert "Azhar bin Haji Arshad" in found


def test_a_head_of_state_in_the_background_is_no_person_of_the_story():
    found = names(
        "Wali Kota Surakarta Gibran Rakabuming menjajaki kerja sama dengan Xi'an, kota yang "
        "pernah dikunjungi Presiden China Xi Jinping dan Presiden Joko Widodo."
    )
    assert "Xi Jinping" not in found and "Joko Widodo" not in found
    assert "Gibran Rakabuming" in found


def test_a_name_right_before_its_role_after_a_lowercase_word():
    found = names(
        "Perwakilan kota-kota Korea Utara berkunjung ke ruang kerja Tri Rismaharini Wali Kota "
        "Surabaya, Jumat (3/5/2019), untuk menjajaki kerja sama."
    )
    assert "Tri Rismaharini" in found


def test_titles_or_an_acronym_before_a_role_are_no_name():
    found = names(
        "Terima kasih kepada Bapak Ibu Kepala Dinas yang hadir. Dicky datang dari OISCA Kumamoto "
        "Perwakilan Indonesia untuk kerja sama hibah."
    )
    assert "Bapak Ibu" not in found and "OISCA Kumamoto" not in found


def test_a_name_after_bernama_takes_the_role_noun_before_it():
    assert people(
        "Pemkab Sleman menjajaki kerja sama dengan Jepang. Hadir tenaga ahli dari JICA bernama "
        "Kenji Sato dalam pertemuan itu."
    ) == [("Kenji Sato", "tenaga ahli dari JICA")]


def test_a_resident_so_named_is_no_official():
    assert people("Warga bernama Budi Santoso ikut menyaksikan kerja sama itu.") == []


def test_a_name_between_a_role_s_region_and_the_comma():
    found = people(
        "Pemprov Jatim bekerja sama dengan Kota Osaka. Menurut Kepala Biro Administrasi "
        "Pimpinan Setdaprov Jatim Aries Agung Paewai, MoU diteken pekan lalu."
    )
    assert found == [("Aries Agung Paewai", "Kepala Biro Administrasi Pimpinan Setdaprov Jatim")]


def test_a_name_after_the_acronym_closing_a_role():
    found = people(
        "Delegasi yang ikut antara lain Ketua Komite II DPD RI Yorrys Raweyai, dan Rektor "
        "Universitas Perwira Purbalingga (UNPERBA) Eming Sudiana, dalam kerja sama itu."
    )
    assert "Yorrys Raweyai" in [name for name, _role in found]
    assert "Eming Sudiana" in [name for name, _role in found]


def test_a_firm_after_pt_is_no_name():
    found = people(
        "Acara kerja sama diisi paparan Direktur PT Naga Kapuk Indah, Agustinus, tentang investasi."
    )
    assert "Naga Kapuk Indah" not in [name for name, _role in found]


def test_a_capitalised_word_after_a_title_is_the_name_not_a_place():
    # The word after "Gubernur" in one sentence does not make it a place in another.
    text = (
        "Gubernur Hendrik Lumbantobing menandatangani MoU kerja sama. Kerja sama itu disambut "
        "Gubernur Hendrik Lumbantobing dengan gembira."
    )
    assert people(text) == [("Hendrik Lumbantobing", "Gubernur")]


def test_a_later_short_form_of_a_name_is_the_same_person():
    text = (
        "MoU kerja sama diteken Bupati Sumba Barat, Drs. Yohanes S. T. Dapawole. Bupati Yohan "
        "Dapawole menyebut kerja sama itu penting."
    )
    assert people(text) == [("Yohanes S. T. Dapawole", "Bupati Sumba Barat")]


def test_an_office_word_ends_the_role_and_the_name_follows_it():
    text = (
        "Kerja sama dibahas Kepala Bidang Infrastruktur dan Sumber Daya Alam Bappeda Rina "
        "Oktaviani dalam rapat."
    )
    assert people(text) == [
        ("Rina Oktaviani", "Kepala Bidang Infrastruktur dan Sumber Daya Alam Bappeda")
    ]


def test_officials_named_by_post_or_a_short_secretary_title():
    text = (
        "Kerja sama disaksikan Pejabat Kemendagri Rudi Hartono dan Sekkota Palu, H.Irmayanti "
        "Pettalolo,SH, di Palu."
    )
    assert people(text) == [
        ("Rudi Hartono", "Pejabat Kemendagri"),
        ("Irmayanti Pettalolo", "Sekkota Palu"),
    ]


def test_an_envoys_counsellor_before_or_after_the_name():
    text = "Kerja sama dijelaskan Tim Stapleton, Counsellor Kedutaan Besar Australia, di Kupang."
    assert [name for name, _role in people(text)] == ["Tim Stapleton"]


def test_a_body_after_a_post_is_no_name():
    text = "Rombongan kerja sama dipimpin Pejabat Korean Cities Federation (KCF) ke Surabaya."
    assert people(text) == []
    balinese = "Kerja sama diteken Wali Kota Denpasar I Gusti Ngurah Jaya Negara di Denpasar."
    assert people(balinese) == [("I Gusti Ngurah Jaya Negara", "Wali Kota Denpasar")]


def test_titles_inside_what_follows_a_role_open_the_name():
    text = "MoU kerja sama diteken Rektor Universitas Tadulako Prof. Dr. Ir. Amar Makmur, MS."
    assert people(text) == [("Amar Makmur", "Rektor Universitas Tadulako")]


def test_a_head_of_agency_short_title_and_stacked_titles():
    text = "Kerja sama itu dihadiri Kadinkes Dr dr HM Yusuf Ramli MKes serta para camat."
    assert [name for name, _role in people(text)] == ["Yusuf Ramli"]


def test_a_consul_for_a_city_and_a_consulate_used_as_a_title():
    text = (
        '"Kerja sama ini nyata," ujar Konsul Jenderal RI untuk Guangzhou Dewi Lestari kepada '
        "wartawan."
    )
    assert people(text) == [("Dewi Lestari", "Konsul Jenderal RI untuk Guangzhou")]
    titled = (
        "Konsulat Jenderal (Konjen) Korea untuk Medan, Kim Young-soo, membahas kerja sama "
        "dengan Gubernur."
    )
    assert [name for name, _role in people(titled)] == ["Kim Young-soo"]
    seat = "Kerja sama itu didukung Konsulat Jenderal RI (KJRI) Hamburg sejak awal."
    assert people(seat) == []


def test_a_mayor_named_by_one_word_after_the_title():
    text = "Dalam kerja sama itu Wali Kota Sutiaji meminta dukungan kampus."
    assert people(text) == [("Sutiaji", "Wali Kota")]


def test_a_province_after_the_roles_region_belongs_to_the_role_not_to_the_name():
    text = (
        "Wakil Bupati Pasuruan, Provinsi Jawa Timur, Abdul Mujib Imron bertandang ke Pulau Buru "
        "untuk penjajakan kerja sama pertanian dengan Pemerintah Kabupaten Buru."
    )
    assert people(text) == [
        ("Abdul Mujib Imron", "Wakil Bupati Pasuruan, Provinsi Jawa Timur"),
    ]


def test_an_office_listing_its_fields_with_commas_keeps_the_name_at_its_end():
    text = (
        "Turut hadir Kepala Badan Hubungan Penegakan Hukum, Pertahanan dan Keamanan KADIN "
        "Indonesia Junaidi Elvis dalam penjajakan kerja sama Pemkab Bangli."
    )
    assert people(text) == [
        (
            "Junaidi Elvis",
            "Kepala Badan Hubungan Penegakan Hukum, Pertahanan dan Keamanan KADIN Indonesia",
        ),
    ]


def test_the_leader_a_led_by_verb_names_is_a_person():
    text = (
        "Pemkab Bintan menjajaki kerja sama dengan Dongguan. Delegasi dipimpin Mr. Liang "
        "Jiczhao, anggota komite kota itu."
    )
    (person,) = [p for p in extract(text).people if p.name == "Liang Jiczhao"]
    assert person.role == "pemimpin delegasi"


def test_a_led_by_verb_before_a_title_or_a_body_names_no_new_person():
    text = (
        "Pemkab Bintan menjajaki kerja sama dengan Dongguan. Rombongan dipimpin Biro Luar "
        "Negeri Dongguan. Para wartawan dipimpin Andi Saputra meliput kunjungan itu."
    )
    assert [p.name for p in extract(text).people] == []


def test_a_name_followed_by_its_role_in_brackets():
    text = "Pertemuan kerja sama itu dihadiri Yul Edison (Dubes Indonesia di Berlin)."
    assert [p.name for p in extract(text).people] == ["Yul Edison"]


def test_a_bracketed_acronym_closes_the_office_and_the_name_follows():
    text = "Kerja sama itu diteken Kepala Badan Pengolahan Aset Daerah (BPKAD) Sukardi di Pati."
    (person,) = extract(text).people
    assert person.name == "Sukardi"
    assert person.role == "Kepala Badan Pengolahan Aset Daerah (BPKAD)"


def test_a_firm_after_a_role_is_no_persons_name():
    text = (
        "Penandatanganan dilakukan Wali Kota Bekasi Tri Adhianto dan Direktur Utama PT Jasa "
        "Marga di Jakarta."
    )
    assert people(text) == [("Tri Adhianto", "Wali Kota Bekasi")]


def test_a_firms_legal_forms_after_a_role_are_no_name():
    text = (
        "Pemkab Badung menerima investor Kim Sung-ho. Kim Sung-ho adalah CEO Hanil Resort Co., "
        "Ltd. yang berbasis di Busan."
    )
    assert all(name not in {"Ltd", "Hanil Resort Co"} for name, _role in people(text))


def test_the_town_after_a_heads_office_building_is_no_name():
    text = (
        "Pemkot Tegal dan Pemkab Brebes menandatangani kesepakatan bersama di Kantor Bupati "
        "Tegal, Slawi, Selasa (4/3/2025)."
    )
    assert people(text) == []


def test_a_syllable_short_form_of_a_region_named_in_the_text_is_no_persons_name():
    text = (
        "Pemkab Kutai Kartanegara dan Pemkab Lombok Timur meneken kerja sama sapi. Bupati Lotim "
        "berharap Kukar puas. Bupati Kukar Edi Damansyah menyambut baik."
    )
    assert people(text) == [("Edi Damansyah", "Bupati Kukar")]


def test_common_words_an_acronym_or_a_country_after_a_role_are_no_names():
    text = (
        "Pemkot Surabaya menjalin kerja sama dengan Kota Kochi. Kepala Sekolah mengatakan "
        "siswa sekolah itu senang. Direktur ASEAN hadir. Duta Besar Jerman juga hadir."
    )
    assert people(text) == []


def test_a_name_with_a_word_that_is_also_common_stays_a_name():
    text = (
        "Wali Kota Surabaya Eri Cahyadi menjalin kerja sama dengan Kota Kochi demi masa depan "
        "yang indah. Kepala Dinas Pendidikan Indah Wulandari menyambut baik."
    )
    assert ("Indah Wulandari", "Kepala Dinas Pendidikan") in people(text)


def test_the_seat_of_an_indonesian_mission_belongs_to_the_role():
    text = "Konjen RI di Osaka Mirza Nurhidayat gembira atas kerja sama Pemkab Gresik."
    assert people(text) == [("Mirza Nurhidayat", "Konjen RI di Osaka")]


def test_short_posts_open_a_role():
    text = "Karo Humas dan Protokol Yusron Hadi menjelaskan rencana kerja sama Pemprov NTB."
    assert people(text) == [("Yusron Hadi", "Karo Humas dan Protokol")]


def test_english_posts_of_development_agencies_open_a_role():
    text = (
        "Gubernur NTT menjalin kerja sama dengan DFAT. Ia ditemani Astrid Kartika, Unit Leader "
        "of Decentralized and Governance DFAT, dan Team Leader JICA, Kenji Sato."
    )
    found = dict(people(text))
    assert found["Astrid Kartika"].startswith("Unit Leader")
    assert found["Kenji Sato"] == "Team Leader JICA"


def test_a_government_after_a_body_and_a_comma_is_no_person_and_stays_the_region():
    text = (
        "Bila disetujui DPRD, Pemkot Padang akan menjalin kerja sama dengan Kota Hamamatsu, Jepang."
    )
    result = extract(text)
    assert names(text) == []
    assert [region.name for region in result.regions] == ["Kota Padang"]


def test_a_foreign_state_between_commas_after_a_role_belongs_to_the_role():
    text = (
        "Pemkot Bogor meneken MoU dengan Pemkot Kuching, Malaysia. Wali Kota Kuching, Sarawak, "
        "Wee Hong Seng mengaku senang."
    )
    assert people(text) == [("Wee Hong Seng", "Wali Kota Kuching, Sarawak")]


def test_short_posts_listed_after_a_role_are_no_names():
    text = (
        "Wali Kota Bogor beserta rombongan, yakni Ketua DPRD, Dandim 0621/Kab, Kapolresta Bogor, "
        "Ketua Kadinda dan beberapa pejabat berangkat ke Jepang untuk menjajaki kerja sama."
    )
    assert names(text) == []


def test_the_sasak_title_lalu_opening_a_sentence_stays_part_of_the_name():
    result = extract(
        "Pemprov NTB menjalin kerja sama dengan Provinsi Guangxi. Lalu Gita Ariadi, Sekda NTB, "
        "menandatangani nota kesepahaman itu."
    )
    assert [p.name for p in result.people] == ["Lalu Gita Ariadi"]
