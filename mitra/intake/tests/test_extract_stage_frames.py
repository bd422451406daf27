"""Which cooperation a stage cue belongs to (issue 16): a cue counts for the story only when
its clause names, or by a pronoun continues, the story's own parties (the focal region and the
main partner from the headline and lead); a clause about another pair is background."""

from mitra.intake.extract import extract
from mitra.intake.extract.frames import NO_PARTIES, clause_around, in_background
from mitra.intake.extract.tokens import tokenize


def stage(text: str) -> str | None:
    found = extract(text).stage
    return found.slug if found else None


# The lead is the first three lines; the cue comes further down.
US_VISIT = (
    "Konsul Jenderal Amerika Serikat di Surabaya, Christopher Green, berkunjung ke Gedung "
    "Negara Grahadi dan diterima Gubernur Jawa Timur.\n"
    "Obrolan itu menyentuh banyak topik: industri, perdagangan dan pendidikan.\n"
    "Gubernur ingin kerja sama Jawa Timur dan Amerika Serikat di bidang pendidikan makin "
    "berkembang.\n"
)


def test_the_regions_cooperation_with_another_countrys_university_is_background():
    text = US_VISIT + (
        "Selama ini Pemprov Jatim sudah bekerja sama dengan King's College London, Inggris."
    )
    assert stage(text) == "exploration"


def test_the_same_running_cooperation_with_the_main_partner_counts():
    text = US_VISIT + (
        "Selama ini Pemprov Jatim sudah bekerja sama dengan Amerika Serikat di bidang pendidikan."
    )
    assert stage(text) == "implementation"


SBI_PLAN = (
    "Pemkab OKU Berencana Gandeng PT SBI Kelola Sampah\n\n"
    "Pemkab Ogan Komering Ulu berencana bekerja sama dengan PT Solusi Bangun Indonesia (SBI) "
    "dalam pengelolaan sampah. "
)


def test_the_main_partners_agreement_with_another_regency_is_background():
    text = SBI_PLAN + (
        "PT SBI sebelumnya sudah terikat Perjanjian Kerja Sama dengan Pemkab Cilacap soal "
        "pengelolaan sampah."
    )
    assert stage(text) == "exploration"


def test_the_main_partners_agreement_with_the_focal_region_counts():
    text = SBI_PLAN + (
        "PT SBI dan Pemkab Ogan Komering Ulu sudah menandatangani Perjanjian Kerja Sama "
        "pengelolaan sampah."
    )
    assert stage(text) == "pks"


JAPAN_GRANT = (
    "JEPANG TAWARKAN HIBAH AKAR RUMPUT UNTUK GRESIK\n\n"
    "Masyarakat Gresik ditawari bantuan program oleh Pemerintah Jepang, kata wakil konsul "
    "Jepang saat diterima Wakil Bupati Gresik. "
)


def test_a_programme_running_across_the_nation_is_background():
    text = JAPAN_GRANT + (
        "Ia menerangkan, hibah ini sudah berjalan sejak 1989 dan setiap tahun puluhan program "
        "terealisasi di Indonesia."
    )
    assert stage(text) != "implementation"


def test_a_programme_running_in_the_focal_region_counts():
    text = JAPAN_GRANT + (
        "Ia menerangkan, hibah Pemerintah Jepang ini sudah berjalan di Gresik sejak 2015."
    )
    assert stage(text) == "implementation"


def test_a_pronoun_continues_the_story():
    text = (
        "Pemkot Bandung dan Kota Braunschweig, Jerman, menjalin kerja sama sister city. "
        "Kerja sama ini sudah berjalan sejak 1960."
    )
    assert stage(text) == "implementation"


def test_without_story_parties_no_cue_is_background():
    doc = tokenize("PT SBI sudah terikat Perjanjian Kerja Sama dengan Pemkab Cilacap.")
    assert not in_background(doc, NO_PARTIES, 5, 5)


def test_a_clause_stops_at_a_clause_opener():
    doc = tokenize("Kerja sama itu sudah berjalan, namun Pemkab Cilacap belum ikut.")
    clause = {doc.tokens[i].text for i in clause_around(doc, 3, 4)}
    assert "berjalan" in clause
    assert "Cilacap" not in clause


NTT_CONSUL = (
    "Gubernur NTT bertemu Konsul Republik Demokratik Timor Leste yang baru di ruang kerjanya. "
    "Keduanya ingin mendorong kerja sama di bidang ekonomi dan budaya. "
)


def test_ties_kept_up_so_far_are_no_cooperation_carried_out():
    text = NTT_CONSUL + "Selama ini Pemprov NTT terus menjalin komunikasi yang baik dengan RDTL."
    assert stage(text) == "exploration"


def test_a_cooperation_kept_up_so_far_is_carried_out():
    text = NTT_CONSUL + (
        "Selama ini Pemprov NTT terus menjalin kerja sama perdagangan dengan RDTL."
    )
    assert stage(text) == "implementation"
