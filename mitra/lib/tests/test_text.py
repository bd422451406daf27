import pytest

from mitra.lib.text import company_key, fold


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


@pytest.mark.parametrize(
    "written",
    ["Hanbit Solar Co., Ltd.", "HANBIT SOLAR CO LTD", "Hanbit Solar", "Hanbit Solar Co. Ltd"],
)
def test_a_company_with_or_without_its_legal_form_has_one_key(written):
    assert company_key(written) == "hanbit solar"


def test_indonesian_legal_forms_before_and_after_the_name_are_left_out():
    assert company_key("PT Semen Indonesia (Persero) Tbk") == "semen indonesia"
    assert company_key("CV Maju Jaya") == "maju jaya"


def test_legal_forms_inside_a_name_stay():
    assert company_key("Korea Limited Partners Association") == "korea limited partners association"


def test_a_name_of_legal_forms_only_keeps_one_word():
    assert company_key("PT") == "pt"
    assert company_key("Co. Ltd.") == "co"
