"""The stage of the main cooperation: the most advanced one the text says was reached."""

from mitra.intake.extract import extract


def stage(text: str) -> str | None:
    found = extract(text).stage
    return found.slug if found else None


def test_a_signed_mou_is_reached():
    assert stage("Pemkot Bogor dan Kota Toyama telah menandatangani MoU kota kembar.") == "mou"


def test_a_planned_mou_is_not_reached():
    text = (
        "Pemkot Denpasar dan Kota Xiamen akan menandatangani MoU tahun depan. Saat ini kedua "
        "kota sudah terikat Letter of Intent (LoI) yang diteken pada 2024."
    )
    assert stage(text) == "loi"


def test_a_signing_that_will_take_place_is_planned():
    text = (
        "Pemkot Makassar menjajaki kerja sama dengan Kota Gothenburg. Penandatanganan MoU "
        "akan berlangsung pada festival bulan depan."
    )
    assert stage(text) == "exploration"


def test_exploring_is_exploration_but_planning_to_explore_is_no_stage():
    assert stage("Pemkot Jogja menjajaki kerja sama dengan Universitas Leiden.") == "exploration"
    assert stage("Pemkab Kukar berencana menjajaki kerja sama dengan Kota Darwin.") is None


def test_a_pks_signed_at_the_lead_is_pks():
    text = (
        "Pemkab Takalar dan Universitas Negeri Makassar meneken Perjanjian Kerja Sama (PKS) "
        "pelatihan guru. PKS itu menindaklanjuti nota kesepahaman tahun lalu."
    )
    assert stage(text) == "pks"


def test_a_cooperation_under_way_is_implementation():
    text = (
        "Kerja sama Pemkot Surabaya dan Kota Busan sudah berjalan sejak 1994. Program ini "
        "memasuki tahun ketiga pelaksanaan."
    )
    assert stage(text) == "implementation"


def test_a_cooperation_waiting_for_the_centre_is_on_hold():
    text = (
        "Kerja sama Pemkab Gowa dengan perusahaan asal Finlandia, Aquavalo Oy, yang sudah "
        "diteken lewat MoU kini tertunda karena menunggu persetujuan Kementerian Dalam Negeri."
    )
    assert stage(text) == "on_hold"


def test_an_ended_cooperation_is_ended_but_a_term_end_is_not():
    assert stage("Kerja sama kota kembar Medan dan Penang resmi berakhir.") == "ended"
    text = (
        "Pemkot Ambon dan Kota Vlissingen sepakat memperpanjang kerja sama kota kembar yang "
        "berakhir pada Agustus 2024."
    )
    assert stage(text) == "mou"


def test_the_stage_evidence_is_the_cue():
    text = "Pemkot Bogor dan Kota Toyama telah menandatangani nota kesepahaman kota kembar."
    found = extract(text).stage
    assert found is not None
    assert [text[start:end] for start, end in found.evidence] == ["nota kesepahaman"]


def test_a_text_without_cooperation_has_no_stage():
    assert stage("Persebaya menang 2-1 atas Arema di Stadion Gelora Bung Tomo.") is None


def test_a_cooperation_frame_with_no_stage_cue_is_exploration():
    result = extract(
        "Wali Kota Palopo menerima Konsul Jenderal Australia dan berharap kerja sama beasiswa "
        "bisa dimulai tahun depan."
    )
    assert result.stage is not None and result.stage.slug == "exploration"


def test_no_cooperation_frame_has_no_stage():
    result = extract("Wali Kota Palopo meresmikan pasar baru di Kecamatan Wara, Senin (3/3/2025).")
    assert result.stage is None


def test_word_forms_of_a_status_come_from_their_root():
    assert (
        stage(
            "Pemkot Tegal memutuskan penghentian kerja sama pengelolaan parkir dengan PT Arta "
            "Mandiri sejak bulan lalu."
        )
        == "ended"
    )
    assert (
        stage(
            "Program kerja sama pertukaran guru Pemkab Kudus dengan Kota Ipoh mengalami penundaan."
        )
        == "on_hold"
    )


def test_a_purpose_at_the_start_of_the_sentence_is_no_plan_of_the_signing():
    assert (
        stage(
            "Untuk menekan angka pengangguran, Pemkab Karawang meneken nota kesepahaman "
            "penempatan tenaga kerja dengan Kota Changwon, Korea Selatan."
        )
        == "mou"
    )


def test_a_signing_verb_far_after_the_document_still_signs_it():
    assert (
        stage(
            "Adendum kesepakatan kerja sama Pemprov Jambi dengan Pemprov Riau tentang pasokan "
            "beras akhirnya diteken kedua gubernur."
        )
        == "mou"
    )


def test_a_sister_city_signed_is_a_memorandum():
    assert (
        stage("Pemkot Cimahi dan Kota Hsinchu meneken kerja sama sister city di Balai Kota.")
        == "mou"
    )


def test_a_cooperation_lasting_for_years_is_being_carried_out():
    assert (
        stage(
            "Pelajar Kota Blitar kembali dikirim ke Kota Izumi. Ikatan sister city kedua kota "
            "sudah terjalin sejak 1995."
        )
        == "implementation"
    )
    assert (
        stage(
            "Pemprov Bengkulu dan Provinsi Guangdong sudah bermitra selama 15 tahun di bidang "
            "perikanan."
        )
        == "implementation"
    )


def test_an_idea_since_a_year_is_still_exploration():
    assert (
        stage(
            "Rencana sister city Kota Kediri dengan Kota Tomsk yang digagas sejak 2022 berlanjut."
        )
        == "exploration"
    )


def test_a_regulation_year_is_no_duration():
    assert (
        stage(
            "Kerja sama Pemkab Lahat dengan PT Bumi Hijau diatur Peraturan Pemerintah Nomor 28 "
            "Tahun 2018 tentang Kerja Sama Daerah."
        )
        == "exploration"
    )


def test_a_renewal_signed_is_its_document_not_the_end_of_the_old_term():
    assert (
        stage(
            "Kerja sama kota kembar Pemkot Kupang dan Kota Darwin yang sempat berakhir pada 2020 "
            "diperpanjang lewat MoU baru yang diteken Senin (3/3/2025)."
        )
        == "mou"
    )


def test_an_investment_figure_is_no_implementation():
    assert (
        stage(
            "Gubernur Jambi menerima Konsul Jenderal Tiongkok untuk menjajaki kerja sama. "
            "Realisasi investasi Tiongkok di Jambi tahun lalu mencapai Rp 2 triliun."
        )
        == "exploration"
    )


def test_a_renewal_signed_in_the_lead_supersedes_the_old_term_that_expired():
    text = (
        "Pemkot Denpasar dan Kota Mossel Bay resmi meneken MoU sister city yang baru. MoU baru "
        "itu menggantikan MoU lama yang masa berlakunya habis November lalu."
    )
    assert stage(text) == "mou"


def test_an_expired_memorandum_whose_renewal_is_only_planned_is_ended():
    text = (
        "Konsul Jenderal Australia bertemu Gubernur Jawa Tengah membahas sister province "
        "dengan Queensland.\nMenurut dia, MoU yang lama sudah rampung masanya, jadi harus "
        "diperbarui."
    )
    assert stage(text) == "ended"


def test_a_partnership_renewed_in_the_headline_is_its_memorandum_whatever_years_it_lasted():
    text = (
        "Genap 19 Tahun, Jateng dan Chungcheongbuk-do Perbarui Kerja Sama Sister Province\n"
        "Sudah 19 tahun Pemprov Jawa Tengah dan Provinsi Chungcheongbuk-do terikat sebagai "
        "sister province."
    )
    assert stage(text) == "mou"


def test_a_pks_signed_at_the_same_ceremony_further_down_counts():
    text = (
        "Pemprov Jawa Tengah meneken kesepakatan bersama dengan 44 perguruan tinggi, Senin "
        "(17/3/2025).\n\nAcara digelar di Semarang.\n\nGubernur membubuhkan tanda tangan pada "
        "Kesepakatan Bersama (KSB) dan Perjanjian Kerja Sama (PKS) bersama para rektor."
    )
    assert stage(text) == "pks"


def test_a_pks_only_covered_by_the_signed_addendum_is_not_signed_again():
    text = (
        "Pemkab Kotawaringin Barat memperpanjang kerja sama dengan Universitas Brawijaya."
        "\n\nNota kesepahaman itu diteken Bupati Kotawaringin Barat.\n\nAddendum ini kami tandatangani untuk "
        "menaungi sejumlah Perjanjian Kerja Sama (PKS) yang sedang dijalankan."
    )
    assert stage(text) == "mou"


def test_a_cooperation_signed_years_ago_and_still_running_is_implementation():
    text = (
        "Sister city Kota Jayapura dengan Vanimo masih berjalan sampai sekarang. Sejak MoU "
        "diteken pada 2015, banyak program yang tak jalan optimal."
    )
    assert stage(text) == "implementation"


SIDE_EVENTS = ["Turnamen", "Kunjungan delegasi", "Festival budaya", "Agenda pameran"]
STATUS_VERBS = ["ditunda", "dibatalkan", "batal digelar", "diundur"]


def test_every_postponed_side_event_of_a_running_cooperation_leaves_it_running():
    for occasion in SIDE_EVENTS:
        for verb in STATUS_VERBS:
            text = (
                "Kerja sama Pemkot Surabaya dan Kota Busan sudah berjalan sejak 1994. "
                f"{occasion} tahun ini {verb} karena cuaca."
            )
            assert stage(text) == "implementation", (occasion, verb)


def test_a_cancelled_agenda_with_nothing_else_reached_puts_the_cooperation_on_hold():
    text = (
        "Seluruh agenda kerja sama luar negeri Pemprov DKI Jakarta dibatalkan selama masa "
        "tanggap darurat."
    )
    assert stage(text) == "on_hold"


HANDOVERS = ["diserahkan", "Penyerahannya dilakukan", "menyerahkan", "serah terima"]


def test_a_grant_handed_over_in_any_word_form_is_implementation():
    for verb in HANDOVERS:
        text = (
            "Satu unit mobil pemadam hibah Pemprov DKI Jakarta untuk Pemkot Semarang, bagian "
            f"kerja sama antardaerah. {verb.capitalize()} armada itu di Jakarta, Senin."
        )
        assert stage(text) == "implementation", verb


def test_a_souvenir_handed_over_at_a_courtesy_visit_is_no_implementation():
    text = (
        "Wali Kota Bogor menerima kunjungan delegasi Kota Toyama untuk menjajaki kerja sama. "
        "Wali Kota menyerahkan cenderamata kepada delegasi."
    )
    assert stage(text) == "exploration"


def test_participants_sent_are_implementation_but_participants_to_be_sent_are_not():
    sent = (
        "Kerja sama Pemkab Cianjur dan Kota Yachimata berlanjut. Pemkab mengirim sepuluh "
        "pelajar ke Yachimata bulan lalu."
    )
    planned = (
        "Pemkab Cianjur menjajaki kerja sama dengan Kota Yachimata. Pemkab akan mengirim "
        "sepuluh pelajar ke Yachimata."
    )
    assert stage(sent) == "implementation"
    assert stage(planned) == "exploration"


def test_a_partnership_begun_in_a_year_is_being_carried_out():
    text = (
        "Ikatan sister province Jawa Tengah dengan Provinsi Chungcheongbuk-do dimulai tahun 2004."
    )
    assert stage(text) == "implementation"


THREATS = [
    "hendak ia putus",
    "siap diputus",
    "ingin ia hentikan",
    "terancam diputus",
    "bisa diputus",
]


def test_a_threat_or_intention_to_end_is_no_ending():
    for threat in THREATS:
        text = (
            "Pemprov DKI Jakarta meneken perjanjian kerja sama dengan PT Godang Tua Jaya pada "
            f"2008.\nKini kerja samanya {threat} oleh Gubernur."
        )
        assert stage(text) == "pks", threat


def test_kerja_samanya_with_its_enclitic_is_a_word_of_cooperation():
    text = "Gubernur DKI Jakarta menyebut kerja samanya dengan Kota Bekasi sudah baik."
    assert stage(text) == "exploration"


def test_a_delay_overcome_by_a_signing_is_the_signing_but_a_delay_before_one_is_on_hold():
    overcome = (
        "Kerja Sama Pemkot Bogor dan Kota Toyama Tertunda 20 Tahun, Akhirnya Diteken\n"
        "Pemkot Bogor dan Kota Toyama menjalin kerja sama."
    )
    waiting = "Kerja sama Pemkot Bogor dan Kota Toyama tertunda karena belum diteken."
    assert stage(overcome) == "mou"
    assert stage(waiting) == "on_hold"


def test_a_cooperation_that_recurs_is_being_carried_out():
    text = (
        "Pemprov DKI Jakarta tercatat bersaudara dengan 21 kota di dunia. Kegiatan sister city "
        "selama ini meliputi penataan kota dan pertukaran budaya."
    )
    assert stage(text) == "implementation"


def test_the_37th_session_of_a_border_cooperation_is_implementation():
    text = (
        "Sidang ke-37 Sosek Malindo Provinsi Kalimantan Barat dan Negeri Sarawak dibuka di "
        "Singkawang untuk membahas program kerja sama."
    )
    assert stage(text) == "implementation"


def test_a_routine_only_planned_is_no_practice():
    text = (
        "Pemkot Bogor berencana menggelar pertukaran pelajar rutin dalam kerja sama dengan Toyama."
    )
    assert stage(text) == "exploration"


def test_a_grant_handed_over_in_the_next_paragraph_is_implementation():
    text = (
        "Dua unit mobil pemadam hibah dari Pemerintah Jepang kini menjadi milik Pemkab Tulang Bawang Barat.\n"
        "Hibah itu didapat berkat fasilitasi Kemendagri.\n"
        "Serah terima berlangsung di Pelabuhan Yokohama, Sabtu (14/9)."
    )
    assert stage(text) == "implementation"


def test_the_document_an_upgrade_aims_at_is_planned():
    text = (
        "Pemkot Bandung dan Kota Hamamatsu sepakat meningkatkan LoI yang diteken 2023 menjadi "
        "MoU tahun depan."
    )
    assert stage(text) == "loi"


def test_a_student_exchange_postponed_is_a_cooperation_on_hold():
    text = (
        "Rencana pengiriman sepuluh pelajar SMP Cianjur ke kota Yachimata, Jepang, untuk "
        "pertukaran pelajar ditunda. Pemkab Cianjur dan Pemerintah kota Yachimata akan "
        "menyusun jadwal baru."
    )
    assert stage(text) == "on_hold"


def test_a_visit_within_a_sister_city_that_has_lasted_is_implementation():
    text = (
        "Pemkot Semarang menerima kunjungan Wali Kota Brisbane. Kedua kota telah menjadi sister "
        "city sejak 1993 dan kini menyepakati pertukaran pelajar."
    )
    assert stage(text) == "implementation"


def test_staff_sent_off_for_an_internship_is_implementation():
    text = (
        "Sebanyak 40 ASN Provinsi Papua Tengah dilepas Sekda untuk magang di sejumlah "
        "kementerian. Program magang itu kebijakan Pemprov Papua Tengah bersama LAN."
    )
    assert stage(text) == "implementation"


def test_the_end_of_an_internship_programme_is_no_end_of_the_cooperation():
    text = (
        "Pemkot Palu menarik ASN utusannya dari Inspektorat Jenderal Kemendagri, menandai "
        "berakhirnya Program Magang Nasional di sana."
    )
    assert stage(text) == "implementation"


def test_a_document_a_party_is_bound_by_is_reached():
    text = (
        "Pemkot Kupang kini sudah terikat Letter of Intent (LoI) dengan Kota Darwin, dan ke "
        "depan LoI itu akan ditingkatkan menjadi MoU."
    )
    assert stage(text) == "loi"


def test_investment_put_in_a_letter_of_intent_is_that_document():
    text = "Komitmen investasi dari Kota Penang untuk Pemprov Riau tertuang dalam LoI."
    assert stage(text) == "loi"


def test_a_partnership_a_region_holds_is_its_memorandum():
    text = (
        "Pemprov Sumbar bermitra dengan tiga provinsi di Tiongkok. Dua di antaranya sudah "
        "berstatus sister province, satu lagi masih dijajaki."
    )
    assert stage(text) == "mou"


def test_a_cooperation_taking_shape_is_implementation():
    text = (
        "Kerja sama Kota Bekasi dan Kota Chiba kini mulai berwujud lewat pertukaran guru, "
        "menindaklanjuti kesepakatan kedua kota."
    )
    assert stage(text) == "implementation"


def test_a_document_that_will_hold_the_cooperation_is_not_reached():
    text = (
        "Pemprov NTT menjajaki kerja sama dengan Provinsi Yunnan, yang nantinya dituangkan "
        "dalam nota kesepahaman."
    )
    assert stage(text) == "exploration"


def test_an_activity_told_as_part_of_a_cooperation_is_implementation():
    text = (
        "Sebanyak 15 guru Kota Padang mengikuti pelatihan di Hildesheim sebagai bagian dari "
        "kerja sama sister city kedua kota."
    )
    assert stage(text) == "implementation"


def test_a_cooperation_standing_still_is_on_hold():
    text = "Kerja sama Pemkot Ambon dan Kota Vlissingen vakum sejak pandemi."
    assert stage(text) == "on_hold"


def test_a_signing_before_the_status_does_not_overcome_it():
    assert stage("Kerja sama Pemkot Kendari dan Kota Kobe terhenti setelah MoU diteken.") == (
        "ended"
    )
    text = (
        "Penandatanganan MoU Pemkot Bima dan Kota Darwin tertunda, padahal LoI sudah diteken "
        "sejak 2022."
    )
    assert stage(text) == "on_hold"


def test_a_friendship_city_document_signed_is_a_memorandum():
    text = (
        "Pemkot Ternate dan Kota Zamboanga sepakat menjadi kota persahabatan. Dokumen "
        "friendship city itu ditandatangani kedua wali kota."
    )
    assert stage(text) == "mou"


def test_a_later_round_of_a_programme_is_implementation():
    text = (
        "Pertukaran pegawai antara Pemkot Pontianak dan Kota Kuching kini memasuki angkatan "
        "ketiga dalam kerja sama kedua kota."
    )
    assert stage(text) == "implementation"


def test_terminating_a_contract_is_ended_but_deciding_is_not():
    assert stage("Pemkot Bekasi memutuskan kontrak kerja sama dengan PT Hijau Lestari.") == (
        "ended"
    )
    text = "Pemkot Bekasi memutuskan menjajaki kerja sama dengan PT Hijau Lestari."
    assert stage(text) == "exploration"


def test_a_signing_scheduled_and_then_postponed_is_on_hold():
    text = (
        "Penandatanganan MoU antara Pemkab Berau dan Pemkab Sinjai yang dijadwalkan pekan ini "
        "ditunda tanpa batas waktu."
    )
    assert stage(text) == "on_hold"


def test_funds_handed_out_under_a_partnership_are_implementation():
    text = "Pemprov DKI kembali menyalurkan dana kemitraan kepada Kota Tangerang tahun ini."
    assert stage(text) == "implementation"


def test_counted_participants_training_under_a_cooperation_are_implementation():
    text = (
        "Sebanyak 25 mahasiswa Universitas Mataram magang di Pemkab Lombok Barat berdasarkan "
        "perjanjian kerja sama yang diteken tahun lalu."
    )
    assert stage(text) == "implementation"
    scope = "Pemkot Bogor dan Kota Toyama meneken MoU yang meliputi pelatihan 20 guru."
    assert stage(scope) == "mou"
    plan = "Pemkot Palu berencana mengirim 20 ASN untuk magang di Kota Davao dalam kerja sama."
    assert stage(plan) == "exploration"


def test_a_signing_dated_to_a_past_year_is_history_of_a_running_cooperation():
    text = (
        "Pemkot Blitar kembali mengirim penari ke Kota Nagaoka. Pengiriman ini agenda rutin "
        "kerja sama sister city kedua kota yang diteken pada 2001."
    )
    assert stage(text) == "implementation"


def test_a_contract_of_cooperation_signed_is_a_pks():
    text = "Pemkot Cilegon dan Pemkab Serang meneken kontrak kerja sama pengolahan air limbah."
    assert stage(text) == "pks"


def test_a_contract_not_continued_has_ended():
    text = (
        "Kontrak kerja sama pengelolaan pasar antara Pemkot Kediri dan PT Sentosa berakhir pada "
        "Maret lalu dan tidak dilanjutkan."
    )
    assert stage(text) == "ended"


def test_a_signing_last_year_is_history_of_what_it_carries():
    text = (
        "Sebanyak 12 guru Kota Padang berangkat ke Hildesheim. Program ini bagian dari kerja "
        "sama sister city yang diteken tahun lalu."
    )
    assert stage(text) == "implementation"


def test_benefits_felt_and_experts_at_work_are_implementation():
    felt = "Kerja sama Pemprov Papua dengan Selandia Baru sudah terasa manfaatnya bagi petani."
    assert stage(felt) == "implementation"
    working = (
        "Pemkab Demak menggandeng badan air Belanda. Para insinyurnya sudah bekerja di Demak "
        "sejak pekan lalu dalam kerja sama itu."
    )
    assert stage(working) == "implementation"


def test_partnership_funds_flowing_since_a_year_are_implementation():
    text = "Dana kemitraan Pemprov Jabar untuk kota mitra sudah mengalir sejak tahun 2005."
    assert stage(text) == "implementation"


def test_the_modality_after_a_documents_parties_and_subject_still_makes_it_a_plan():
    text = (
        "Pemkab Paser menjajaki kerja sama transmigrasi dengan Kota Serang. Setelah tertunda "
        "beberapa bulan, Nota Kesepakatan atau MoU Bupati Paser dan Walikota Serang tentang "
        "transmigrasi dipastikan segera diteken."
    )
    assert stage(text) == "exploration"


def test_a_document_to_be_signed_quickly_is_not_signed_yet():
    text = (
        "Pemkab Paser menjajaki kerja sama transmigrasi dengan Kota Serang. Pejabat Paser datang "
        "untuk memastikan MoU dan PKS cepat ditandatangani."
    )
    assert stage(text) == "exploration"


def test_a_signed_statement_of_interest_is_a_letter_of_intent():
    text = (
        "Sampah Jadi Listrik, Pemkot Pekalongan Teken Minat Kerja Sama dengan Elenergy Capital\n"
        "Pemkot Pekalongan meneken Pernyataan Minat Kerja Sama dengan Elenergy Capital Sdn. Bhd. "
        "Malaysia untuk pembangunan fasilitas pengolahan sampah."
    )
    assert stage(text) == "loi"


def test_an_acronym_the_text_spells_out_as_something_else_is_no_document():
    text = (
        "Pemkab Wonogiri dan Pemkab Pacitan sepakat membentuk forum bersama serta penguatan "
        "kerja sama (PKS) di perbatasan. PKS itu diharapkan meredam sengketa warga."
    )
    assert stage(text) == "exploration"
    signed = "Pemkab Wonogiri dan Pemkab Pacitan meneken Perjanjian Kerja Sama (PKS) air bersih."
    assert stage(signed) == "pks"


def test_a_status_wished_for_in_a_hope_clause_is_no_status():
    text = (
        "Wali Kota Blitar berharap lawatan Duta Besar Polandia ke Blitar, Senin (3/2), "
        "berakhir dengan kerja sama di bidang pertanian."
    )
    assert stage(text) == "exploration"
    over = "Kerja sama Pemkot Blitar dengan Kota Lublin telah berakhir pada 2019."
    assert stage(over) == "ended"


def test_what_a_visit_ends_in_is_an_outcome_not_an_ending():
    text = "Kunjungan investor asal Taiwan ke Ngawi berakhir dengan kerja sama pabrik gula."
    assert stage(text) == "exploration"


def test_a_handover_noun_after_kerja_sama_names_its_field():
    text = "Bupati Kebumen menjajaki kerja sama pengiriman pekerja magang dengan Prefektur Tottori."
    assert stage(text) == "exploration"
    sent = "Pemkab Kebumen mengirim sepuluh pekerja magang ke Prefektur Tottori sebagai bagian kerja sama."
    assert stage(sent) == "implementation"


def test_a_similar_cooperation_that_ran_once_is_background():
    text = (
        "Wali Kota Madiun menawarkan kerja sama pengelolaan sampah kepada Belanda. Kerja sama "
        "serupa pernah berjalan pada 2005-2010, ketika sebuah sekolah menerima bantuan dari sana."
    )
    assert stage(text) == "exploration"


def test_a_recurring_phrase_said_of_something_else_is_no_practice():
    text = (
        "Bupati Klaten dan Bupati Boyolali sepakat bekerja sama mengatasi sengketa warga "
        "perbatasan yang selama ini kerap terjadi."
    )
    assert stage(text) == "exploration"
    text = (
        "Pertukaran pelajar yang selama ini berjalan antara Kota Blitar dan Kota Uiwang diteruskan."
    )
    assert stage(text) == "implementation"


def test_a_contract_signed_is_pks_whatever_a_threat_says_of_it():
    text = (
        "Kontrak kerja sama Pemkot Bekasi dengan PT Gikoko akan diputus bila target "
        "pengolahan sampah tidak tercapai. Kontrak itu diteken pada 2018."
    )
    assert stage(text) == "pks"


OCCASION_CLAUSES = [
    "Kunjungan ini dilaksanakan dalam rangka menjajaki kerja sama pertanian.",
    "Pertemuan berjalan hangat dan akrab.",
    "Pelaksanaan audiensi dilakukan secara daring.",
    "Acara penandatanganan buku tamu berjalan lancar.",
]


def test_an_occasion_that_went_well_is_no_cooperation_carried_out():
    for clause in OCCASION_CLAUSES:
        text = (
            "Bupati Sleman menerima delegasi Kota Kyoto, Jepang, yang membahas peluang kerja "
            f"sama. {clause}"
        )
        assert stage(text) == "exploration", clause


def test_a_cooperation_said_to_be_carried_out_is_still_implementation():
    text = (
        "Bupati Sleman menerima delegasi Kota Kyoto, Jepang. Dalam kunjungan itu, program "
        "pertukaran pelajar kedua daerah sudah berjalan."
    )
    assert stage(text) == "implementation"


def test_a_postponed_festival_after_a_dateline_leaves_the_cooperation_running():
    text = (
        "Festival Budaya Ditunda\n\nMAKASSAR - Festival budaya dalam rangka sister city "
        "Makassar dan Kota Changwon, Korea Selatan, ditunda hingga tahun depan. Kerja sama kedua "
        "kota sudah berjalan sejak 2010."
    )
    assert stage(text) == "implementation"


def test_an_approval_in_any_word_form_is_no_signing_yet():
    for verb in ["Setujui", "Menyetujui", "Disetujuinya", "Usulkan"]:
        text = (
            f"DPRD {verb} Penandatanganan MoU Kota Bitung dan Kota Davao\n\nBITUNG - Anggota "
            "DPRD Kota Bitung membahas rencana kerja sama sister city dengan Davao City, Filipina."
        )
        assert stage(text) == "exploration", verb


def test_a_signed_cooperation_with_nothing_following_it_is_on_hold():
    for phrase in ["belum ada kelanjutan", "tidak ada tindak lanjut", "belum ditindaklanjuti"]:
        text = (
            "Kerja sama Kabupaten Tegal dan Kota Geoje, Korea Selatan, yang ditandatangani pada "
            f"2016 {phrase}."
        )
        assert stage(text) == "on_hold", phrase


def test_a_programme_already_running_inside_a_discussion_is_implementation():
    text = (
        "Bupati Gowa menerima kunjungan Konsul Jenderal Jepang. Pertemuan membahas kelanjutan "
        "program pelatihan petani yang sudah berjalan sejak 2022."
    )
    assert stage(text) == "implementation"


def test_an_expired_memorandum_whose_renewal_is_only_planned_has_ended():
    text = (
        "Pemkot Bitung membahas kerja sama sister city dengan Davao City, Filipina. MoU sister "
        "city yang diteken pada 2014 sudah habis masa berlakunya dan akan diperbarui tahun ini."
    )
    assert stage(text) == "ended"


def test_an_expired_memorandum_renewed_today_is_a_memorandum():
    text = (
        "MoU sister city Kota Bitung dan Davao City yang sudah habis masa berlakunya "
        "diperbarui hari ini di Balai Kota Bitung."
    )
    assert stage(text) == "mou"


def test_a_document_a_relative_clause_says_was_signed_is_reached_whatever_the_main_clause_says():
    text = (
        "Pemkab Gresik mengevaluasi kerja sama dengan PT Smelting yang dinilai belum memenuhi "
        "kewajiban dalam perjanjian kerja sama yang diteken pada 2019."
    )
    assert stage(text) == "pks"
    text = (
        "Pemkab Gresik belum memenuhi syarat perjanjian kerja sama yang akan diteken tahun depan."
    )
    assert stage(text) != "pks"


def test_a_partnership_made_official_is_a_memorandum_but_not_when_planned():
    text = "Pemkot Bogor resmi menjalin kerja sama sister city dengan Kota Toyama, Jepang."
    assert stage(text) == "mou"
    text = "Pemkot Bogor akan meresmikan kerja sama sister city dengan Kota Toyama, Jepang."
    assert stage(text) == "exploration"


CARRIED_OUT = [
    "Pemkab Malang kembali menggelar program magang bersama Kota Kashiwa, Jepang.",
    "Pemkot Surabaya dan Kota Busan sudah lama bekerja sama di bidang pendidikan.",
    "Kerja sama Pemprov Jateng dan Provinsi Fujian memasuki tahun ke-20.",
    "Pemkab Badung mengirimkan 15 pelatih tari ke Kota Nagoya dalam kerja sama kebudayaan.",
    "Melalui kerja sama dengan JICA, Pemkab Lombok Barat kini memiliki instalasi pengolahan "
    "sampah yang sudah beroperasi.",
]


def test_a_cooperation_held_again_long_standing_in_its_nth_year_or_at_work_is_implementation():
    for text in CARRIED_OUT:
        assert stage(text) == "implementation", text


def test_a_regions_own_facility_at_work_or_relations_long_standing_are_no_implementation():
    text = (
        "Gubernur Sulawesi Tengah menawarkan peluang investasi kepada Korea Selatan. Kawasan "
        "ekonomi khusus "
        "di Palu sudah beroperasi. Hubungan kedua negara sudah lama terjalin baik."
    )
    assert stage(text) == "exploration"


def test_a_practice_said_so_far_in_a_sentence_without_cooperation_is_background():
    text = (
        "Gubernur Jawa Tengah menawarkan peluang investasi kepada Korea Selatan. Selama ini "
        "modal Korea "
        "masuk ke industri garmen."
    )
    assert stage(text) == "exploration"
    text = "Kerja sama Pemprov Jateng dan Fujian diteken pada 2004. Kedua provinsi rutin menggelar pameran."
    assert stage(text) == "implementation"


ENDINGS = [
    "Kerja sama sister city Kota Bandung dan Kota Fort Worth kini tidak berlanjut karena tidak "
    "ada program yang disepakati.",
    "MoU antara Pemkab Lombok Timur dan PT Ciptadana sudah tidak berlaku sejak 2020.",
    "Proyek kerja sama Pemprov Riau dan investor Malaysia batal karena investor mundur.",
]


def test_a_cooperation_no_longer_in_force_or_called_off_has_ended():
    for text in ENDINGS:
        assert stage(text) == "ended", text


def test_a_cooperation_stopped_for_a_while_is_on_hold():
    text = "Kerja sama Pemkab Bogor dengan PT Hijau dihentikan sementara menunggu hasil audit."
    assert stage(text) == "on_hold"


def test_documents_named_in_a_sentence_explaining_terms_are_no_stage():
    text = (
        "Diteken, MoU Pemkab Blora dengan Universitas Karya Bangsa soal Pendidikan\n\n"
        "BLORA (WARTAKITA.ID) – Bupati Arief Rohman dan Rektor Prof Dr Budi Santoso membubuhkan "
        "tanda tangan pada Memorandum of Understanding (MoU) antara Pemkab Blora dan "
        "Universitas Karya Bangsa tentang pendidikan.\n\n"
        "Dalam bahasa Indonesia, MoU dikenal dengan beragam sebutan, misalnya Nota Kesepakatan, "
        "Nota Kesepahaman, Perjanjian Kerjasama atau Perjanjian Pendahuluan."
    )
    assert stage(text) == "mou"


def test_a_practice_watched_or_reviewed_is_under_way_whatever_wish_comes_before():
    text = (
        "Bupati Blora menerima delegasi Kota Hamamatsu, Jepang, yang ingin melihat langsung "
        "pelaksanaan kerja sama kedua daerah."
    )
    assert stage(text) == "implementation"


def test_a_practice_not_yet_watched_is_no_implementation():
    text = "Pemkab Blora belum melihat pelaksanaan kerja sama dengan Kota Hamamatsu, Jepang."
    assert stage(text) != "implementation"
