"""A name right after a long office: the office's own last word (a body's noun, an agency
acronym, a bracketed acronym, a place) ends the role, and the two to four capitalised words
after it, up to a lowercase word, are the person's name."""

from mitra.intake.extract import extract


def people(text: str) -> list[tuple[str, str]]:
    return [(p.name, p.role) for p in extract(text).people]


LEAD = "Pemkot Bima menjajaki kerja sama dengan Kota Nara.\n\n"


def test_an_english_body_noun_ends_the_office():
    text = LEAD + "Ketua Urban Planning Division Park Min Jae menyambut baik rencana itu."
    assert people(text) == [("Park Min Jae", "Ketua Urban Planning Division")]


def test_a_hyphenated_office_name_ends_with_its_body_noun():
    text = LEAD + "CEO Euro-Asia Trade Association Anna Keller menjelaskan peluangnya."
    assert people(text) == [("Anna Keller", "CEO Euro-Asia Trade Association")]


def test_an_agency_after_a_bracketed_acronym_ends_the_office():
    text = LEAD + (
        "Dirjen Bina Pembangunan Daerah (Bangda) Kemendagri Rudi Hartono hadir langsung."
    )
    assert people(text) == [("Rudi Hartono", "Dirjen Bina Pembangunan Daerah (Bangda) Kemendagri")]


def test_a_company_with_its_acronym_ends_the_office():
    text = LEAD + "Presiden Direktur PT. Sinar Nara (PTSN) Kenji Ito berkunjung ke Bima."
    assert people(text) == [("Kenji Ito", "Presiden Direktur PT. Sinar Nara (PTSN)")]


def test_an_office_with_no_name_after_it_gives_no_person():
    text = LEAD + "Kepala Policy Planning Division akan datang bulan depan."
    assert people(text) == []


def test_an_english_office_with_articles_and_a_possessive_ends_at_its_body_noun():
    text = LEAD + (
        "Gubernur menerima Vice Chairman of the Standing Committee of Nara People's Assembly "
        "Sato Kenji dan rombongan."
    )
    assert [name for name, _ in people(text)] == ["Sato Kenji"]
