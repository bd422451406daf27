"""Which lines are headlines (Title Case, so their capitals say nothing of names): not a
sentence that goes on across a line break, nor a line with a clause after a comma."""

from mitra.intake.extract import extract
from mitra.intake.extract.zones import is_headline


def test_a_title_case_line_is_a_headline():
    assert is_headline("Kota Bima Jajaki Kerja Sama dengan Prefektur Nara")
    assert is_headline("Jalin Sister City, Pemkot Bima Teken Kerja Sama dengan Nara")


def test_a_sentence_going_on_after_a_line_break_is_no_headline():
    assert not is_headline("bersama Asisten Ekonomi Andi Malik, Kadis Pendidikan Rudi Hartono dan")


def test_a_line_with_a_clause_after_a_comma_is_no_headline():
    line = (
        "Sementara itu, Kepala Biro Kerja Sama Provinsi Nusa Tenggara Barat Lalu Rahman "
        "menjelaskan, gagasan Sister Province Ini Sudah Dimulai "
    )
    assert not is_headline(line)


def test_names_in_a_hard_wrapped_sentence_are_read():
    text = (
        "Kota Bima Jajaki Kerja Sama dengan Nara\n\n"
        "Wali Kota Bima didampingi Kabag Humas Rudi Hartono\n"
        "bersama Asisten Ekonomi Andi Malik, Kadis Pendidikan Sri Lestari Ningsih dan\n"
        "Kepala Bappeda Yusuf Kalla menjelaskan rencana itu.\n"
    )
    names = [p.name for p in extract(text).people]
    assert "Sri Lestari Ningsih" in names
