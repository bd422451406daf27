"""Dates and events: ISO dates, a weekday-and-day date resolved only when the year is anchored."""

from mitra.intake.extract import extract


def dates(text: str) -> list[str]:
    return list(extract(text).dates)


def test_rabu_2_7_is_resolved_only_when_the_year_is_anchored():
    assert dates("Penandatanganan berlangsung Rabu (2/7).") == []
    anchored = "MAKASSAR, 3 Juli 2025 – Penandatanganan berlangsung Rabu (2/7)."
    assert dates(anchored) == ["2025-07-02"]


def test_the_weekday_picks_the_year_beside_the_anchor_when_it_fits_better():
    # 2 July was a Wednesday in 2025, not in 2024.
    text = "Pada 30 Desember 2024 rencana disusun. Penandatanganan berlangsung Rabu (2/7)."
    assert dates(text) == ["2024-12-30", "2025-07-02"]


def test_indonesian_month_names_and_abbreviations():
    text = "LoI diteken 3 Agt 2024, MoU pada 17 Agu 2025 dan PKS pada Desember 2025."
    assert dates(text) == ["2024-08-03", "2025-08-17", "2025-12"]


def test_numeric_dates_and_cued_years():
    text = "Kesepakatan diteken Selasa (11/3/2025) dan berlaku sejak 2016 hingga 02/01/2030."
    assert dates(text) == ["2025-03-11", "2016", "2030-01-02"]


def test_a_regulation_year_is_no_date_of_the_story():
    text = "Sesuai Permendagri Nomor 22 Tahun 2020 dan Permendagri 25/2020, MoU diteken."
    assert dates(text) == []


def test_a_publication_line_anchors_but_is_no_date_of_the_story():
    text = "Kamis, 3 Juli 2025 | 09:12 WITA\n\nPemkot Makassar meneken LoI, Rabu (2/7)."
    assert dates(text) == ["2025-07-02"]


def test_a_month_after_a_time_word_takes_the_anchored_year():
    text = "Pada Selasa (9/9/2025) KB diteken; PKS ditargetkan rampung Oktober."
    assert dates(text) == ["2025-09-09", "2025-10"]


def test_an_event_gets_the_date_of_its_sentence():
    text = (
        "Pemkot Bogor akan menggelar Festival Budaya Jepang-Bogor pada Sabtu (17/5/2025) "
        "di Kebun Raya Bogor."
    )
    (event,) = extract(text).events
    assert (event.name, event.date) == ("Festival Budaya Jepang-Bogor", "2025-05-17")


def test_an_event_acronym_is_more_evidence_and_an_unanchored_month_gives_no_date():
    text = (
        "Kerja sama diresmikan di Makassar International Eight Festival and Forum (F8), "
        "September mendatang. Di F8 nanti ada penandatanganan."
    )
    (event,) = extract(text).events
    assert event.name == "Makassar International Eight Festival and Forum (F8)"
    assert event.date is None
    assert [text[start:end] for start, end in event.evidence][1:] == ["F8"]


def test_a_meeting_room_is_no_event():
    assert extract("Rapat digelar di Ruang Rapat Pimpinan Kantor Gubernur.").events == ()
