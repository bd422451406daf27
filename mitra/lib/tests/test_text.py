import pytest

from mitra.lib.text import fold


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Göteborg", "goteborg"),
        ("Gøteborg", "goteborg"),
        ("  Kota   SURAKARTA ", "kota surakarta"),
        ("Kab. Toli-Toli", "kab toli toli"),
        ("Côte d’Ivoire", "cote d ivoire"),
        ("İncheon", "incheon"),
        ("Straße", "strasse"),
        ("Łódź", "lodz"),
        ("Korea, Republic of", "korea republic of"),
        ("D.I. Yogyakarta", "d i yogyakarta"),
        ("Bau_Bau", "bau bau"),
    ],
)
def test_fold_lowercases_strips_accents_and_separators(text, key):
    assert fold(text) == key


def test_fold_keeps_letters_of_other_scripts():
    assert fold("仁川 广域市") == "仁川 广域市"


def test_fold_is_idempotent():
    assert fold(fold("Ciudad del Cabo — Kaapstad")) == fold("Ciudad del Cabo — Kaapstad")


def test_fold_of_punctuation_only_is_empty():
    assert fold(" .-' ") == ""
