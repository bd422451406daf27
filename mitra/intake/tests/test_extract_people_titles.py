"""Names behind ranks, compound titles and careless casing: a rank opens a name like a title,
"President/CEO" is one role, a name written again in lower case is still a name, an address
is no name, and a member ("Anggota") holds a role."""

from mitra.intake.extract import extract


def people(text: str) -> list[tuple[str, str]]:
    return [(p.name, p.role) for p in extract(text).people]


LEAD = "Pemkab Sigi menjajaki kerja sama dengan Kota Kofu.\n\n"


def test_a_rank_and_its_corps_open_the_name_like_titles():
    text = LEAD + "Bupati Sigi, Brigjen Pol (Purn) Dr. Rusdi Mastura, menerima delegasi itu."
    assert people(text) == [("Rusdi Mastura", "Bupati Sigi")]


def test_a_compound_title_is_one_role():
    text = LEAD + (
        "Arif Wibowo, President/CEO Sinar Logistik Group, pengusaha nasional, ikut hadir."
    )
    assert people(text) == [("Arif Wibowo", "President/CEO Sinar Logistik Group")]


def test_a_name_written_again_in_lower_case_is_still_a_name():
    text = LEAD + (
        "Bupati Sigi Mohamad Irwan menawarkan peluang investasi. Forum itu dihadiri pengusaha "
        "dan mohamad irwan sendiri."
    )
    assert people(text) == [("Mohamad Irwan", "Bupati Sigi")]


def test_an_address_after_a_comma_is_no_name():
    text = LEAD + (
        "Delegasi disambut Bupati Sigi di Kantor Bupati Sigi, Jalan Sudirman No. 17 Bora."
    )
    assert people(text) == []


def test_a_member_of_a_body_holds_a_role():
    text = LEAD + "Turut hadir Anggota Komisi II DPRD Sigi Ahmad Yani dalam pertemuan itu."
    assert people(text) == [("Ahmad Yani", "Anggota Komisi II DPRD Sigi")]


def test_a_title_in_capitals_opens_the_name_not_the_role():
    text = LEAD + "Wali Kota Sigi DR. H. Firdaus, M.T berterima kasih atas kunjungan itu."
    assert people(text) == [("Firdaus", "Wali Kota Sigi")]
