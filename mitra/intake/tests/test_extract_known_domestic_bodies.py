"""National bodies, campuses and state enterprises known by their usual short names (issue 16):
a party as the other side of the story's region ("dengan BPS", "menggandeng Pertamina dan
PLN", "Pemkot Surabaya dan ITS sepakat"), not as a source, a place or a name inside another
body's name."""

from mitra.intake.extract import extract
from mitra.intake.extract.partners import Draft, merge


def domestic(text: str) -> list[str]:
    return [p.name for p in extract(text).partners if p.kind == "domestic_party"]


def test_a_campus_by_its_short_name_after_dengan_is_a_party():
    text = "Bupati Klaten meneken kesepakatan kerja sama dengan UNS di bidang pendidikan."
    assert domestic(text) == ["Universitas Sebelas Maret"]


def test_state_enterprises_by_their_short_names_in_a_list_are_parties():
    text = "Pemprov Bali menggandeng Pertamina dan PLN untuk pengembangan kendaraan listrik."
    assert domestic(text) == ["PT Pertamina (Persero)", "PT PLN (Persero)"]


def test_a_body_joined_to_the_regional_government_by_dan_is_a_party():
    text = "Pemkot Surabaya dan ITS sepakat menjalin kerja sama pengembangan bus listrik."
    assert domestic(text) == ["Institut Teknologi Sepuluh Nopember"]


def test_a_central_body_joined_to_the_regional_government_by_dan_is_a_party():
    text = "Pemkot Semarang dan Badan Pusat Statistik (BPS) meneken MoU pemanfaatan data."
    assert domestic(text) == ["Badan Pusat Statistik"]


def test_a_body_quoted_as_a_source_of_figures_is_no_party():
    text = "Pemkab Sleman menjalin kerja sama pendataan. Menurut data BPS, kemiskinan turun."
    assert domestic(text) == []


def test_a_campus_named_as_a_venue_is_no_party():
    text = "Pemkab Sleman menjalin kerja sama dengan Pemkab Bantul; rapat digelar di kampus UGM."
    assert domestic(text) == []


def test_a_short_name_in_lowercase_is_a_word_not_a_body():
    text = "Pemkot Surabaya menjalin kerja sama dengan its partner di bidang pendidikan."
    assert domestic(text) == []


def test_a_campus_inside_a_faculty_name_is_that_faculty():
    text = (
        "Pemkot Batu menjalin kerja sama dengan Fakultas Ekonomi dan Bisnis Universitas "
        "Brawijaya dalam riset pariwisata."
    )
    assert domestic(text) == ["Fakultas Ekonomi dan Bisnis Universitas Brawijaya"]


def test_working_together_said_as_synergy_is_cooperation():
    text = "Pemprov Jateng bersinergi dengan Universitas Diponegoro dalam penanganan stunting."
    assert domestic(text) == ["Universitas Diponegoro"]


def test_two_sides_agreeing_is_cooperation():
    text = "Pemkot Surabaya dan ITS sepakat mengembangkan bus listrik untuk transportasi kota."
    assert domestic(text) == ["Institut Teknologi Sepuluh Nopember"]


def test_a_programme_of_the_region_alone_is_no_cooperation():
    text = "Pemkab Sleman meluncurkan program desa digital bersama warga di Balai Desa."
    assert extract(text).regions == ()


def test_a_company_written_with_and_without_its_national_tail_is_one_body():
    text = (
        "Pemprov NTB meneken MoU dengan PT. Bali Seafood tentang perikanan. Kesepakatan "
        "Bersama Pemprov NTB dan PT.Bali Seafood Indonesia mengatur budidaya lobster."
    )
    assert domestic(text) == ["PT Bali Seafood Indonesia"]


def test_a_company_with_another_word_at_its_end_is_another_body():
    drafts = [
        Draft("PT Bali Seafood", "domestic_party", "ID", [(0, 15)]),
        Draft("PT Bali Seafood Lestari", "domestic_party", "ID", [(40, 63)]),
        Draft("PT Bali Seafood (Persero)", "domestic_party", "ID", [(80, 105)]),
    ]
    assert sorted(item.name for item in merge(drafts)) == [
        "PT Bali Seafood (Persero)",
        "PT Bali Seafood Lestari",
    ]
