"""The dry run: every row's outcome and every problem with its row and column; nothing written."""

from datetime import date

import pytest
from django.utils.text import capfirst

from mitra.cooperations.models import Cooperation, Document, DocumentParty
from mitra.cooperations.services import PartyInput
from mitra.imports.models import ImportRun
from mitra.imports.services import check_upload
from mitra.partners.models import Country, Partner
from mitra.regions.models import Region
from tests.factories import make_cooperation, make_document, make_partner

HEADERS = [
    "Judul Kerja Sama",  # A
    "Jenis Kerja Sama",  # B
    "Nama Mitra",  # C
    "Negara",  # D
    "Tahapan",  # E
    "Tanggal Penandatanganan",  # F
    "Berlaku Sampai",  # G
    "Nomor Pihak Pertama",  # H
]


def check(path, tenant, by):
    return check_upload(tenant, by=by, file_name=path.name, content=path.read_bytes())


def pairs(run):
    return {(p["row"], p["column"]) for p in run.report["problems"]}


@pytest.fixture
def recorded_number(tenant):
    coop = make_cooperation(tenant, title="Kerja sama lama")
    make_document(
        coop,
        parties=[PartyInput(role=DocumentParty.Role.FIRST, name=tenant.name, number="100/KS/2020")],
    )
    return coop


def test_a_file_with_broken_rows_reports_every_problem_by_row_and_column_and_writes_nothing(
    xlsx, tenant, cooperation_officer, recorded_number
):
    path = xlsx(
        [
            HEADERS,
            ["Kota kembar Makassar–Gothenburg", "KSDPL", "Gothenburg", "Swedia", "Penjajakan"],
            ["Tanggal salah", "KSDPL", "Incheon", "Korea Selatan", "", "31/02/2021"],
            ["Jenis salah", "KSDX", "Kaohsiung", "Taiwan"],
            ["Negara salah", "KSDPL", "Cair Paravel", "Narnia"],
            ["Tanpa mitra", "KSDPL", "", "Jepang"],
            ["Kota kembar Makassar–Gothenburg", "KSDPL", "Gothenburg", "Swedia"],
            ["Tahapan salah", "KSDD", "Kota Surakarta", "", "Penjajakan"],
            ["Nomor terpakai", "KSDPL", "Osaka", "Jepang", "", "", "", "100/KS/2020"],
            [
                "Berakhir sebelum mulai",
                "KSDPL",
                "Cape Town",
                "Afrika Selatan",
                "",
                "01/01/2022",
                "01/01/2021",
            ],
            ["Negara terlarang", "KSDPL", "Tel Aviv", "Israel"],
        ]
    )
    cooperations, partners = Cooperation.objects.count(), Partner.objects.count()

    run = check(path, tenant, cooperation_officer)

    assert pairs(run) == {
        (3, "F"),
        (4, "B"),
        (5, "D"),
        (6, "C"),
        (7, "A"),
        (8, "E"),
        (9, "H"),
        (10, "G"),
        (11, "D"),
    }
    outcomes = {row["number"]: row["outcome"] for row in run.report["rows"]}
    assert outcomes[2] == "create"
    assert {n for n, outcome in outcomes.items() if outcome == "error"} == set(range(3, 12))
    assert run.error_count == 9
    assert run.status == ImportRun.Status.CHECKED
    assert (Cooperation.objects.count(), Partner.objects.count()) == (cooperations, partners)


def test_problems_name_the_header_as_written_and_say_what_is_wrong(
    xlsx, tenant, cooperation_officer, english
):
    path = xlsx(
        [
            ["judul", "JENIS", "Mitra", "negara", "Tgl. Penandatanganan"],
            ["Kerja sama", "KSDPL", "Incheon", "Korea Selatan", "31/02/2021"],
            ["Kerja sama lain", "KSDPL", "Gothenburg", "Narnia", ""],
        ]
    )
    problems = check(path, tenant, cooperation_officer).report["problems"]
    assert problems[0]["header"] == "Tgl. Penandatanganan"
    assert "not a valid date" in problems[0]["message"]
    assert problems[1]["header"] == "negara"
    assert "Narnia" in problems[1]["message"]


def test_a_missing_required_column_is_a_problem_of_the_file(xlsx, tenant, cooperation_officer):
    path = xlsx([["Judul", "Negara"], ["Kerja sama", "Korea Selatan"]])
    run = check(path, tenant, cooperation_officer)
    assert {(p["row"], p["header"]) for p in run.report["file_problems"]} == {(0, "Nama Mitra")}
    assert run.error_count == 1


def test_a_partner_is_matched_by_its_name_or_another_name_and_otherwise_new(
    xlsx, tenant, cooperation_officer
):
    temasek = make_partner(
        tenant,
        name="Temasek Foundation",
        kind=Partner.Kind.FOREIGN_INSTITUTION,
        country=Country.objects.get(code="SG"),
        aliases=["Temasek"],
    )
    path = xlsx(
        [
            ["Judul", "Jenis", "Mitra", "Negara", "Jalur KSDLL"],
            ["Pelatihan SDM", "KSDLL", "TEMASEK", "Singapura", "Penerusan"],
            ["Kota kembar", "KSDPL", "Gothenburg", "Swedia", ""],
            ["Pertukaran budaya", "KSDPL", "gothenburg", "Sweden", ""],
        ]
    )
    rows = check(path, tenant, cooperation_officer).report["rows"]
    assert rows[0]["partners"] == [{"name": "Temasek Foundation", "pk": temasek.pk, "new": False}]
    assert rows[1]["partners"] == [{"name": "Gothenburg", "pk": None, "new": True}]
    assert rows[2]["partners"][0]["new"] is True
    assert [row["outcome"] for row in rows] == ["create", "create", "create"]


def test_an_indonesian_region_is_found_by_its_common_name(xlsx, tenant, cooperation_officer):
    surakarta = make_partner(
        tenant,
        name="Pemerintah Kota Surakarta",
        kind=Partner.Kind.INDONESIAN_REGION,
        country=None,
        region=Region.objects.get(code="3372"),
    )
    path = xlsx(
        [
            ["Judul", "Jenis", "Mitra"],
            ["Kota cerdas", "KSDD", "Pemkot Solo"],
            ["Persampahan", "KSDD", "Kota Tual"],
            ["Air bersih", "KSDD", "Kota Antah Berantah"],
        ]
    )
    rows = check(path, tenant, cooperation_officer).report["rows"]
    assert rows[0]["partners"] == [{"name": surakarta.name, "pk": surakarta.pk, "new": False}]
    assert rows[1]["partners"] == [{"name": "Kota Tual", "pk": None, "new": True}]
    assert [(p["row"], p["column"]) for p in rows[2]["problems"]] == [(4, "C")]


def test_a_row_already_recorded_is_skipped_and_a_repeated_row_is_an_error(
    xlsx, tenant, cooperation_officer
):
    incheon = make_partner(tenant, name="Incheon Metropolitan City")
    existing = make_cooperation(tenant, title="Kota Kembar Makassar–Incheon", partners=[incheon])
    path = xlsx(
        [
            ["Judul", "Jenis", "Mitra", "Negara"],
            ["kota kembar makassar incheon", "KSDPL", "Incheon Metropolitan City", "Korea Selatan"],
            ["Kota kembar Makassar–Gothenburg", "KSDPL", "Gothenburg", "Swedia"],
            ["Kota kembar Makassar–Gothenburg", "KSDPL", "Gothenburg", "Swedia"],
        ]
    )
    run = check(path, tenant, cooperation_officer)
    rows = run.report["rows"]
    assert rows[0]["outcome"] == "skip"
    assert rows[0]["duplicate_of"] == {"pk": existing.pk, "title": existing.title}
    assert rows[1]["outcome"] == "create"
    assert pairs(run) == {(4, "A")}


def test_a_stage_must_belong_to_the_procedure_of_the_kind(xlsx, tenant, cooperation_officer):
    path = xlsx(
        [
            ["Judul", "Jenis", "Mitra", "Negara", "Status"],
            ["A", "KSDPL", "Gothenburg", "Swedia", "Penandatanganan"],
            ["B", "KSDD", "Kota Tual", "", "Penandatanganan KB"],
            ["C", "KSDD", "Kota Ambon", "", "Penandatanganan"],
            ["D", "KSDPL", "Incheon", "Korea Selatan", "aktif"],
            ["E", "KSDPL", "Osaka", "Jepang", "tidak aktif"],
            ["F", "KSDPL", "Busan", "Korea Selatan", "Penyusunan KB"],
        ]
    )
    run = check(path, tenant, cooperation_officer)
    states = [row["state"] for row in run.report["rows"]]
    assert states[:2] == [
        str(Cooperation.State.SIGNING.label),
        str(Cooperation.State.FRAMEWORK_SIGNING.label),
    ]
    assert states[3:5] == [
        str(Cooperation.State.IMPLEMENTATION.label),
        str(Cooperation.State.DORMANT.label),
    ]
    assert pairs(run) == {(4, "E"), (7, "E")}


def test_kinds_are_read_as_codes_labels_and_register_words(xlsx, tenant, cooperation_officer):
    path = xlsx(
        [
            ["Judul", "Jenis Kerja Sama", "Mitra", "Negara"],
            ["A", "ksdpl", "Gothenburg", "Swedia"],
            ["B", "Kerja Sama Daerah dengan Lembaga di Luar Negeri", "MARA", "Malaysia"],
            ["C", "Sister City", "Incheon", "Korea Selatan"],
            ["D", "KSDPK: dengan pihak ketiga", "Universitas Hasanuddin", ""],
            ["E", "foreign_region", "Osaka", "Jepang"],
        ]
    )
    rows = check(path, tenant, cooperation_officer).report["rows"]
    assert [row["kind"] for row in rows] == ["KSDPL", "KSDLL", "KSDPL", "KSDPK", "KSDPL"]
    assert all(row["outcome"] == "create" for row in rows)


def test_a_document_is_read_with_one_number_per_party_and_its_term(
    xlsx, tenant, cooperation_officer
):
    path = xlsx(
        [
            ["Judul", "Jenis", "Mitra", "Negara", "Tahapan", "Nomor", "Tanggal", "Masa Berlaku"],
            [
                "MoU kota kembar",
                "KSDPL",
                "Gothenburg",
                "Swedia",
                "Pelaksanaan",
                "180/12/KS/2024; GBG-2024-07",
                date(2024, 9, 14),
                "5 tahun",
            ],
            [
                "KB Makassar–Tual",
                "KSDD",
                "Kota Tual",
                "",
                "",
                "",
                "5 Maret 2021",
                "sampai diakhiri",
            ],
        ]
    )
    rows = check(path, tenant, cooperation_officer).report["rows"]
    assert rows[0]["document"] == {
        "kind": capfirst(Document.Kind.MOU.label),
        "title": f"{capfirst(Document.Kind.MOU.label)}: MoU kota kembar",
        "numbers": ["180/12/KS/2024", "GBG-2024-07"],
        "date_signed": "2024-09-14",
        "valid_until": "2029-09-13",
        "until_terminated": False,
    }
    assert rows[1]["document"]["kind"] == capfirst(Document.Kind.FRAMEWORK_AGREEMENT.label)
    assert rows[1]["document"]["until_terminated"] is True


def test_a_number_without_a_party_and_a_repeated_number_are_errors(
    xlsx, tenant, cooperation_officer
):
    path = xlsx(
        [
            ["Judul", "Jenis", "Mitra", "Negara", "Nomor Pihak Pertama", "Nomor Pihak Ketiga"],
            ["A", "KSDPL", "Gothenburg", "Swedia", "1/KS/2024", "9/X/2024"],
            ["B", "KSDPL", "Incheon", "Korea Selatan", "1/KS/2024", ""],
        ]
    )
    assert pairs(check(path, tenant, cooperation_officer)) == {(2, "F"), (3, "E")}


def test_owner_agency_and_sectors_must_be_known(xlsx, tenant, cooperation_officer, english):
    path = xlsx(
        [
            ["Judul", "Jenis", "Mitra", "Negara", "Penanggung Jawab", "OPD Pelaksana", "Sektor"],
            [
                "A",
                "KSDPL",
                "Gothenburg",
                "Swedia",
                cooperation_officer.username,
                "",
                "Pariwisata; UMKM",
            ],
            ["B", "KSDPL", "Incheon", "Korea Selatan", "Pak Budi", "Dinas Entah", "Perbintangan"],
        ]
    )
    run = check(path, tenant, cooperation_officer)
    assert pairs(run) == {(3, "E"), (3, "F"), (3, "G")}


def test_a_row_without_a_kind_gets_the_one_its_partner_and_country_imply(
    xlsx, tenant, cooperation_officer, english
):
    temasek = make_partner(
        tenant,
        name="Temasek Foundation",
        kind=Partner.Kind.FOREIGN_INSTITUTION,
        country=Country.objects.get(code="SG"),
    )
    path = xlsx(
        [
            ["Judul", "Mitra", "Negara"],
            ["A", "Gothenburg", "Swedia"],
            ["B", "Majelis Amanah Rakyat", "Malaysia"],
            ["C", "Pemkot Solo", ""],
            ["D", "Universitas Hasanuddin", "Indonesia"],
            ["E", temasek.name, ""],
            ["F", "Atlantis", "Narnia"],
        ]
    )
    run = check(path, tenant, cooperation_officer)
    rows = run.report["rows"]
    assert [row["kind"] for row in rows[:5]] == ["KSDPL", "KSDLL", "KSDD", "KSDPK", "KSDLL"]
    assert "read as KSDPL" in rows[0]["notes"][0]
    assert pairs(run) == {(7, "C")}  # the unknown country, not a missing kind


def test_a_document_kind_in_the_kind_column_gets_a_hint(xlsx, tenant, cooperation_officer, english):
    path = xlsx([["Judul", "Jenis", "Mitra", "Negara"], ["A", "MoU", "Gothenburg", "Swedia"]])
    problem = check(path, tenant, cooperation_officer).report["problems"][0]
    assert (problem["row"], problem["column"]) == (2, "B")
    assert "kind of document" in problem["message"]
    assert "Jenis Dokumen" in problem["message"]


def test_a_row_with_a_single_filled_cell_is_a_heading(xlsx, tenant, cooperation_officer, english):
    path = xlsx(
        [
            ["No", "Judul", "Jenis", "Mitra", "Negara"],
            ["A.", "KERJA SAMA LUAR NEGERI", None, None, None],
            [1, "Kota kembar", "KSDPL", "Gothenburg", "Swedia"],
        ]
    )
    run = check(path, tenant, cooperation_officer)
    assert [row["number"] for row in run.report["rows"]] == [3]
    assert run.error_count == 0
    assert "Row 2" in run.report["warnings"][0]


def test_a_repeated_row_with_another_document_adds_it_to_the_same_cooperation(
    xlsx, tenant, cooperation_officer
):
    path = xlsx(
        [
            ["Judul", "Jenis", "Mitra", "Tahapan", "Jenis Dokumen", "Nomor", "Tanggal"],
            [
                "Kota cerdas",
                "KSDD",
                "Kota Tual",
                "Penandatanganan KB",
                "KB",
                "1/KB/2021; 7/TL/2021",
                "05/03/2021",
            ],
            [
                "Kota cerdas",
                "KSDD",
                "Kota Tual",
                "Pelaksanaan",
                "PKS",
                "2/PKS/2022; 9/TL/2022",
                "01/02/2022",
            ],
        ]
    )
    run = check(path, tenant, cooperation_officer)
    first, second = run.report["rows"]
    assert (first["outcome"], second["outcome"]) == ("create", "document")
    assert second["continues"] == 2
    assert first["state"] == str(Cooperation.State.IMPLEMENTATION.label)
    assert run.report["counts"]["create"] == 1
    assert run.report["counts"]["documents"] == 1
