"""State enterprises as Indonesian parties (issue 16): a numbered regional company of a state
enterprise ("PTPN XII", "Pelindo III", "PT Angkasa Pura (AP) I") is a body of its own, and the
members of a list after "BUMN" are parties, even when the list opens its own sentence between
the head noun and the signing."""

from mitra.intake.extract import extract


def domestic(text: str) -> list[str]:
    return [p.name for p in extract(text).partners if p.kind == "domestic_party"]


def test_a_known_enterprise_followed_by_a_roman_numeral_is_its_numbered_company():
    text = "Pemkab Lumajang meneken nota kesepahaman dengan Pelindo II dan PTPN XI, Senin."
    assert domestic(text) == ["PT Pelabuhan Indonesia II", "PT Perkebunan Nusantara XI"]


def test_the_numeral_after_a_bracketed_short_name_belongs_to_the_company_name():
    text = (
        "Pemerintah Kabupaten Lumajang menandatangani nota kesepahaman dengan PT Angkasa Pura"
        " (AP) I tentang pengembangan bandara."
    )
    assert domestic(text) == ["PT Angkasa Pura I"]


def test_members_of_a_list_after_bumn_are_parties_and_the_day_ends_the_list():
    text = (
        "Pemerintah Kabupaten Lumajang menandatangani nota kesepahaman dengan tiga BUMN, yakni"
        " PT Perkebunan Nusantara (PTPN) X, PT Pelabuhan Indonesia (Pelindo) II dan PT Angkasa"
        " Pura (AP) I, Senin (3/2/2020)."
    )
    assert domestic(text) == [
        "PT Perkebunan Nusantara X",
        "PT Pelabuhan Indonesia II",
        "PT Angkasa Pura I",
    ]


def test_a_list_opened_by_mereka_between_its_head_and_the_signing_names_parties():
    text = (
        "Tiga Badan Usaha Milik Negara (BUMN) ikut membangun pelabuhan baru di Lumajang."
        " Mereka adalah PT Perkebunan Nusantara (PTPN) X, PT Pelabuhan Indonesia (Pelindo) II"
        " dan PT Kawasan Industri Makmur (KIM).\n\n"
        "Ketiganya meneken nota kesepahaman dengan Pemerintah Kabupaten Lumajang."
    )
    assert domestic(text) == [
        "PT Perkebunan Nusantara X",
        "PT Pelabuhan Indonesia II",
        "PT Kawasan Industri Makmur",
    ]


def test_a_list_of_bumn_in_a_sentence_far_from_any_cooperation_names_no_party():
    text = (
        "Pemkab Lumajang meneken nota kesepahaman dengan Pemkab Jember.\n\n"
        "Harga cabai naik pekan ini.\n\n"
        "Tiga BUMN melaporkan laba. Mereka adalah PT Perkebunan Nusantara (PTPN) X dan PT"
        " Kawasan Industri Makmur (KIM).\n\n"
        "Laba itu naik dibanding tahun lalu."
    )
    assert domestic(text) == []


def test_a_region_after_a_state_enterprises_unit_is_its_seat_not_a_partner():
    text = "Pemkot Malang meneken nota kesepahaman dengan PT PLN (Persero) UP3 Kediri."
    assert [p.name for p in extract(text).partners] == ["PT PLN (Persero)"]


def test_a_region_after_a_national_agency_is_the_seat_of_its_office():
    text = "Pemkab Sleman menandatangani MoU pemanfaatan data dengan BPS Kota Magelang."
    assert [p.name for p in extract(text).partners] == ["Badan Pusat Statistik"]


def test_a_region_joined_to_a_known_body_by_dan_remains_a_partner():
    text = "Pemkab Sleman menandatangani MoU dengan UGM dan Kota Magelang tentang riset."
    assert [p.name for p in extract(text).partners] == [
        "Universitas Gadjah Mada",
        "Kota Magelang",
    ]
