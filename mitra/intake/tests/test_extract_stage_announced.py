"""Ends announced, threatened or planned (issue 16): a termination a government intends or
threatens is no termination yet, but it says the cooperation exists, and a later noun for it
("Pemutusan itu ...") names the same plan; an end of a person's term, a document followed up,
a duty to seek approval before a signing, a fruit not named, relations between two states, and
words written as one ("jalan ditempat") are read for what they say."""

from mitra.intake.extract import extract


def stage(text: str) -> str | None:
    found = extract(text).stage
    return found.slug if found else None


def test_a_threatened_end_of_a_running_contract_is_the_contract_carried_out():
    text = (
        "Pemkot Kendari akan memutus kontrak kerja sama dengan PT Bumi Lestari selaku pengelola "
        "terminal. Pemutusan itu dipicu karena perusahaan tidak menyetor retribusi selama dua "
        "tahun."
    )
    assert stage(text) == "implementation"


def test_an_intention_to_end_a_contract_is_no_end():
    text = (
        "Pemkab Jember berniat untuk memutus kontrak kerja sama pengelolaan pasar dengan PT "
        "Sinar Jaya karena perusahaan itu lalai membayar setoran kepada daerah."
    )
    assert stage(text) == "implementation"


def test_a_headline_end_over_a_lead_that_plans_it_is_the_plan():
    text = (
        "Pemprov Sulsel Putus Kontrak Pengelola Stadion\n"
        "Pemprov Sulsel dan PT Karya Prima sepertinya akan berujung pada pemutusan kontrak "
        "kerja sama pengelolaan stadion, karena perusahaan tidak memenuhi kewajibannya."
    )
    assert stage(text) == "implementation"


def test_a_planned_cancellation_of_a_memorandum_leaves_the_memorandum():
    text = (
        "Pemerintah Kabupaten Buton rencananya akan melakukan pembatalan MoU dengan PT Laut "
        "Biru. Menurut Wakil Bupati, pembatalan MoU ini diusulkan karena perusahaan tidak "
        "membangun dermaga yang dijanjikan."
    )
    assert stage(text) == "mou"


def test_an_end_told_as_done_after_a_threat_is_an_end():
    text = (
        "Pemkot Cilegon mengancam memutus kontrak kerja sama parkir dengan PT Maju Bersama. "
        "Sebulan kemudian, Pemkot Cilegon resmi memutus kontrak tersebut."
    )
    assert stage(text) == "ended"


def test_a_contract_ended_is_a_cooperation_ended():
    text = (
        "Pemprov Jambi menjalin kerja sama air bersih dengan PT Tirta Jaya.\n"
        "Senin kemarin, Pemprov Jambi resmi memutus kontrak dengan perusahaan itu."
    )
    assert stage(text) == "ended"


def test_a_contract_that_has_run_out_is_ended():
    text = (
        "Pemkab Kebumen dan PT Pasar Raya mengelola pasar induk bersama. Kontrak kerja sama "
        "mereka memang sudah habis per Desember lalu, dan Pemkab tidak melanjutkannya."
    )
    assert stage(text) == "ended"


def test_a_budget_run_out_is_no_end_of_the_cooperation():
    text = (
        "Pemkab Kebumen dan Kota Gimhae, Korea Selatan, menandatangani MoU kerja sama "
        "pertanian. Anggaran perjalanan dinas tahun ini sudah habis, kata Sekda."
    )
    assert stage(text) == "mou"


def test_the_end_of_a_governors_term_is_no_end_of_the_cooperation():
    text = (
        "Akhiri Masa Tugas, Gubernur Jamu Mitra Sister Province\n"
        "Gubernur Sumbar menjamu delegasi mitra sister province dari Provinsi Hyogo, Jepang. "
        "Pemprov Sumbar telah lama bekerja sama dengan Hyogo di bidang pendidikan."
    )
    assert stage(text) == "implementation"


def test_a_letter_of_intent_followed_up_was_signed():
    text = (
        "DPRD Kota Ambon menyetujui kerja sama sister city Kota Ambon dan Kota Darwin, "
        "Australia. Persetujuan itu diminta untuk menindaklanjuti Letter of Intent (LoI) kedua "
        "kota yang telah ditandatangani pada 2021 agar menjadi MoU."
    )
    assert stage(text) == "loi"


def test_a_rule_that_a_signing_needs_approval_is_no_signing():
    text = (
        "DPRD Kota Malang menyetujui rencana kerja sama sister city dengan Kota Hiroshima, "
        "Jepang. Ketua Komisi A mengatakan bahwa kerja sama daerah dengan luar negeri harus "
        "memperoleh persetujuan dewan perwakilan rakyat daerah untuk proses penandatanganan "
        "Memorandum of Understanding (MoU)."
    )
    assert stage(text) == "exploration"


def test_a_visit_that_bore_fruit_is_no_practice():
    text = (
        "Kunjungan Bupati Sleman ke Kota Busan, Korea Selatan, membuahkan hasil: sejumlah "
        "pengusaha menyatakan siap berinvestasi di Sleman."
    )
    assert stage(text) == "exploration"


def test_a_fruit_named_is_a_practice():
    text = (
        "Kerja sama Kabupaten Sleman dan Kota Busan, Korea Selatan, telah membuahkan hasil "
        "berupa pertukaran pelajar dan pelatihan guru."
    )
    assert stage(text) == "implementation"


def test_diplomatic_relations_since_a_year_are_the_states_not_the_pairs():
    text = (
        "Rombongan pengusaha Korea Selatan datang ke Kota Bandung untuk menjajaki kerja sama "
        "dengan Pemkot Bandung. Indonesia dan Korea Selatan telah menjalin hubungan diplomatik "
        "sejak tahun 1973 dan menjadi mitra investasi utama."
    )
    assert stage(text) == "exploration"


def test_memoranda_standing_still_written_as_one_word_are_on_hold():
    text = (
        "Kerja sama Pemprov Bengkulu dengan sejumlah pihak ketiga ternyata banyak jalan "
        "ditempat, dan ada MoU yang tidak ada tindaklanjutnya."
    )
    assert stage(text) == "on_hold"


def test_a_sister_province_that_has_been_built_is_carried_out():
    text = (
        "Gubernur Kalbar melawat ke Provinsi Jeolla Selatan, Korea Selatan, untuk mempererat "
        "tali persaudaraan yang telah terbangun antara kedua provinsi sebagai sister province."
    )
    assert stage(text) == "implementation"


def test_good_ties_that_have_been_built_are_no_practice():
    text = (
        "Wali Kota Padang menerima kunjungan Konsul Jenderal Malaysia untuk menjajaki kerja "
        "sama perdagangan. Hubungan baik yang telah terjalin antara kedua negara menjadi modal."
    )
    assert stage(text) == "exploration"


def test_a_plan_to_stop_something_else_announces_no_end_of_the_cooperation():
    text = (
        "Pemkot Madiun bekerja sama dengan PT Sehat Sentosa untuk menghentikan penyebaran "
        "demam berdarah.\n"
        "Namun Pemkot Madiun kemudian menghentikan kerja sama dengan perusahaan itu karena "
        "wanprestasi."
    )
    assert stage(text) == "ended"
