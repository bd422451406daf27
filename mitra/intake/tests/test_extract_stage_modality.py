"""The modality of a stage cue read in its clause (issue 16): a signing its clause looks ahead
to or that is the aim of another act is planned; a status's hedge counts only in its own
clause; a partnership inked under a photo is the document the story names; documents listed
after one signing verb, or signed in a relative clause, are all signed at that ceremony."""

from mitra.intake.extract import extract


def stage(text: str) -> str | None:
    found = extract(text).stage
    return found.slug if found else None


def test_a_signing_only_then_to_come_is_planned():
    text = (
        "Pemprov Kaltim menjajaki kerja sama dengan Provinsi Anhui, Tiongkok. Kerja sama itu "
        "kini dalam proses persetujuan, setelah itu barulah Pemprov Kaltim dan Anhui, Tiongkok, "
        "menandatangani nota kesepahaman."
    )
    assert stage(text) == "exploration"


def test_a_signing_after_something_else_without_a_future_is_reached():
    text = (
        "Pemprov Kaltim dan Provinsi Anhui, Tiongkok, membahas kerja sama industri. Setelah itu "
        "kedua pihak menandatangani nota kesepahaman."
    )
    assert stage(text) == "mou"


def test_a_signing_that_is_the_aim_of_a_trip_is_planned():
    text = (
        "Pemprov Riau menyiapkan kerja sama beasiswa dengan Universitas Malaya. Pekan ini "
        "Kepala Biro Kesra berangkat ke Kuala Lumpur, Malaysia, untuk meneken MoU dengan "
        "kampus itu."
    )
    assert stage(text) != "mou"


def test_a_signing_through_which_a_visit_will_follow_up_is_planned():
    text = (
        "Pemprov Kaltim menjajaki kerja sama dengan Provinsi Anhui. Bulan Mei direncanakan "
        "kunjungan ke Tiongkok untuk menindaklanjuti kerja sama ini lewat penandatanganan "
        "Memorandum of Understanding (MoU)."
    )
    assert stage(text) == "exploration"


def test_a_purpose_before_a_comma_leaves_the_signing_reached():
    text = (
        "Untuk menekan pengangguran, Pemkab Gowa meneken MoU kerja sama dengan Kota Busan, "
        "Korea Selatan."
    )
    assert stage(text) == "mou"


def test_coming_to_witness_a_signing_is_no_plan_of_it():
    text = (
        "Gubernur Jawa Barat hadir untuk menyaksikan penandatanganan MoU kerja sama antara "
        "Pemkot Bandung dan Kota Braunschweig."
    )
    assert stage(text) == "mou"


def test_a_cooperation_stuck_on_its_memorandum_is_on_hold():
    text = (
        "Beasiswa mahasiswa Riau di luar negeri tidak dapat dicairkan karena terganjal MoU "
        "kerjasama dengan perguruan tinggi tempat mereka belajar."
    )
    assert stage(text) == "on_hold"


def test_a_hedge_before_a_status_in_its_own_clause_still_counts():
    text = (
        "Pemkot Surabaya dan Kota Busan menjalin kerja sama pendidikan. Kedua pihak berupaya "
        "agar kerja sama itu tidak tertunda."
    )
    assert stage(text) != "on_hold"


def test_a_partnership_signed_under_a_photo_is_the_letter_of_intent_the_story_names():
    text = (
        "Gubernur Minta LOI dengan Provinsi di Korea Segera Naik Jadi MOU\n\n"
        "Penandatanganan kerjasama antara Sumbar dan Jeollabuk-Do. (Foto: Ist.)\n\n"
        "Provinsi Sumatera Barat dan Provinsi Jeollabuk-Do, Korea Selatan, kini resmi terikat "
        "Letter Of Intent (LOI) kerjasama Sister Province yang sudah diteken kedua belah pihak."
    )
    assert stage(text) == "loi"


def test_a_partnership_signed_under_a_photo_is_a_memorandum_when_no_document_is_named():
    text = (
        "Sumbar dan Jeollabuk-Do Jalin Sister Province\n\n"
        "Penandatanganan kerjasama antara Sumbar dan Jeollabuk-Do. (Foto: Ist.)\n\n"
        "Provinsi Sumatera Barat dan Provinsi Jeollabuk-Do, Korea Selatan, sepakat bekerja sama "
        "di bidang pendidikan dan pariwisata."
    )
    assert stage(text) == "mou"


def test_documents_listed_after_one_signing_verb_are_signed_at_that_ceremony():
    text = (
        "Gubernur NTB Teken MoU dengan Sejumlah Lembaga\n\n"
        "Pemprov NTB meneken MoU kerja sama dengan Universitas Mataram dan Pemerintah Kota Bima."
        "\n\nSelain itu ditandatangani pula Memorandum Of Understanding (MoU) antara Pemerintah "
        "Provinsi NTB dan Australian Community Development and Civil Society Strengthening "
        "Scheme (ACCES) tentang Pelaksanaan Program ACCESS Tahap II Di Provinsi Nusa Tenggara "
        "Barat, lalu perjanjian Kerja Sama antara Pemprov NTB dan Pemerintah Kota Bima tentang "
        "Pengembangan Kawasan Integrasi Ternak."
    )
    assert stage(text) == "pks"


def test_a_document_signed_in_a_relative_clause_is_signed_at_that_ceremony():
    text = (
        "Pemkot Tegal Jalin MoU dengan Universitas Alma Ata\n\n"
        "Naskah MoU diteken Wali Kota Tegal dan Rektor Universitas Alma Ata di Bantul.\n\n"
        "Di luar Kesepakatan Bersama itu, Universitas Alma Ata dan Bapperida Kota Tegal juga "
        "membuat Perjanjian Kerjasama, yang ditandatangani Kepala Bapperida Kota Tegal."
    )
    assert stage(text) == "pks"


def test_a_document_that_rests_on_a_signed_one_is_not_signed_with_it():
    text = (
        "Pemkot Tegal Jalin MoU dengan Universitas Alma Ata\n\n"
        "Naskah MoU diteken Wali Kota Tegal dan Rektor Universitas Alma Ata di Bantul.\n\n"
        "Perjanjian Kerjasama yang akan menyusul MoU itu disiapkan kedua pihak."
    )
    assert stage(text) == "mou"


def test_a_signing_the_council_approved_is_still_ahead():
    text = (
        "Penandatanganan MoU Pemkot Semarang dan Kota Fuzhou sudah disetujui DPRD dalam rapat "
        "paripurna, Senin."
    )
    assert stage(text) != "mou"


def test_a_memorandum_the_council_approved_and_then_signed_is_reached():
    text = (
        "MoU Pemkot Semarang dan Kota Fuzhou yang disetujui DPRD bulan lalu akhirnya diteken "
        "kedua wali kota, Senin."
    )
    assert stage(text) == "mou"


def test_a_threat_to_end_in_a_headline_is_no_end():
    text = (
        "Bupati Badung Ancam Putus Kerja Sama\n\n"
        "Bupati Badung mengancam akan memutus kerja sama dengan PT Bali Bersih bila perusahaan "
        "itu tidak memenuhi kewajibannya. MoU kerja sama pengelolaan sampah itu diteken pada "
        "Maret lalu."
    )
    assert stage(text) == "mou"


def test_a_cooperation_ended_in_a_headline_is_ended():
    text = (
        "Bupati Badung Putus Kerja Sama dengan PT Bali Bersih\n\n"
        "Pemkab Badung memutus kerja sama pengelolaan sampah dengan PT Bali Bersih karena "
        "perusahaan itu tidak memenuhi kewajibannya."
    )
    assert stage(text) == "ended"


def test_what_is_done_before_a_signing_leaves_the_signing_ahead():
    text = (
        "Pemkab Karawang menjajaki kerja sama dengan Kota Gimpo. Sebelum MoU diteken, Pemkab "
        "Karawang dan Kota Gimpo akan menggelar rapat teknis."
    )
    assert stage(text) == "exploration"


def test_what_came_after_a_signing_leaves_it_signed():
    text = (
        "Pemkab Karawang dan Kota Gimpo menggelar rapat teknis setelah MoU kerja sama diteken, "
        "Senin."
    )
    assert stage(text) == "mou"


def test_a_cooperation_since_its_memorandum_has_been_carried_out():
    text = (
        "Gubernur Jawa Barat melawat ke Adelaide untuk mengeratkan persaudaraan.\n"
        "Sejak Memorandum of Understanding (MoU) antara Pemerintah Provinsi Jawa Barat dengan "
        "Pemerintah Negara Bagian Australia Selatan diteken, kerja sama pertanian terus digelar."
    )
    assert stage(text) == "implementation"


def test_a_memorandum_signed_today_is_the_news_not_a_practice():
    text = (
        "Wali Kota Surabaya dan Walikota Guangzhou menandatangani naskah kerja sama sister city "
        "di Balai Kota Surabaya, Senin (5/5/2025)."
    )
    assert stage(text) == "mou"
