"""The affix stripper behind the cue words: derived forms are recognised from their roots."""

import pytest

from mitra.intake.extract.affixes import has_root

ROOTS = frozenset({"henti", "tunda", "jajak", "laksana", "teken", "sepakat", "putus"})


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("dihentikan", "henti"),
        ("menghentikan", "henti"),
        ("penghentian", "henti"),
        ("terhenti", "henti"),
        ("ditunda", "tunda"),
        ("menunda", "tunda"),
        ("penundaan", "tunda"),
        ("menjajaki", "jajak"),
        ("penjajakan", "jajak"),
        ("terlaksana", "laksana"),
        ("dilaksanakannya", "laksana"),
        ("meneken", "teken"),
        ("menyepakati", "sepakat"),
        ("memutus", "putus"),
    ],
)
def test_a_derived_form_has_its_root(word: str, root: str) -> None:
    assert has_root(word, ROOTS) == root


def test_an_unrelated_word_has_no_root() -> None:
    assert has_root("hentakan", ROOTS) is None
    assert has_root("pelabuhan", ROOTS) is None
