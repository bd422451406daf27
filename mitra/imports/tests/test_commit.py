"""Committing an import: every row through the services, or nothing; history says "imported"."""

from datetime import date
from typing import Any

import pytest

from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Cooperation, CooperationEvent, Document, DocumentParty
from mitra.cooperations.services import PartyInput
from mitra.imports.models import ImportRun
from mitra.imports.services import IMPORT_ACTION, check_upload, commit_import
from mitra.lib.refusal import Refused
from mitra.partners.models import Country, Partner
from mitra.reviews.models import ReviewRequest
from tests.factories import make_cooperation, make_document, make_partner

HEADERS = [
    "Judul Kerja Sama",
    "Jenis Kerja Sama",
    "Jalur KSDLL",
    "Nama Mitra",
    "Negara",
    "Tahapan",
    "Sektor",
    "Jenis Dokumen",
    "Nomor Pihak Pertama",
    "Nomor Pihak Kedua",
    "Tanggal Penandatanganan",
    "Berlaku Sampai",
]
GOOD_ROWS: list[list[Any]] = [
    HEADERS,
    [
        "Kota Kembar Makassar–Gothenburg",
        "KSDPL",
        "",
        "Gothenburg",
        "Swedia",
        "Pernyataan Kehendak",
        "Kota Cerdas; Infrastruktur",
        "LoI",
        "180/12/KS/2024",
        "GBG-2024-07",
        "14/09/2024",
        "5 tahun",
    ],
    [
        "Kota Cerdas Makassar–Solo",
        "KSDD",
        "",
        "Pemkot Solo",
        "",
        "Penyusunan KB",
        "",
        "",
        "",
        "",
        "",
        "",
    ],
    [
        "Pelatihan SDM Temasek",
        "KSDLL",
        "Penerusan",
        "Temasek",
        "Singapura",
        "Pelaksanaan",
        "Pengembangan SDM",
        "MoU",
        "050/3/KS/2021",
        "TF/2021/88",
        date(2021, 3, 5),
        "04/03/2026",
    ],
    [
        "Kota Kembar Makassar–Incheon",
        "KSDPL",
        "",
        "Incheon",
        "Korea Selatan",
        "Verifikasi",
        "",
        "",
        "",
        "",
        "",
        "",
    ],
    ["Persiapan kerja sama", "KSDD", "", "Kota Tual", "", "", "", "", "", "", "", ""],
]


@pytest.fixture
def temasek(tenant):
    return make_partner(
        tenant,
        name="Temasek Foundation",
        kind=Partner.Kind.FOREIGN_INSTITUTION,
        country=Country.objects.get(code="SG"),
        aliases=["Temasek"],
    )


@pytest.fixture(autouse=True)
def _english(english):
    """Notes and messages in English, to read them in assertions."""


def check(path, tenant, by):
    return check_upload(tenant, by=by, file_name=path.name, content=path.read_bytes())


def test_a_clean_import_creates_cooperations_partners_documents_and_import_events(
    xlsx, tenant, cooperation_officer, temasek
):
    run = check(xlsx(GOOD_ROWS), tenant, cooperation_officer)
    assert run.error_count == 0

    run = commit_import(run, by=cooperation_officer)

    assert run.status == ImportRun.Status.COMMITTED
    assert run.created_count == 5
    coops = {c.title: c for c in Cooperation.objects.filter(tenant=tenant)}
    assert set(coops) == {row[0] for row in GOOD_ROWS[1:]}
    assert set(run.cooperations.all()) == set(coops.values())

    gothenburg = coops["Kota Kembar Makassar–Gothenburg"]
    assert gothenburg.kind == Cooperation.Kind.FOREIGN_REGION
    assert gothenburg.state == Cooperation.State.LETTER_OF_INTENT
    assert set(gothenburg.sectors.values_list("slug", flat=True)) == {
        "smart_city",
        "infrastructure",
    }
    assert gothenburg.owner == cooperation_officer
    assert (gothenburg.start_date, gothenburg.end_date) == (date(2024, 9, 14), date(2029, 9, 13))
    partner = gothenburg.partners.get()
    assert (partner.name, partner.country_id, partner.kind) == (
        "Gothenburg",
        "SE",
        "foreign_city_or_region",
    )
    loi = gothenburg.documents.get()
    assert loi.kind == Document.Kind.LETTER_OF_INTENT
    assert (loi.date_signed, loi.valid_until) == (date(2024, 9, 14), date(2029, 9, 13))
    assert list(loi.parties.values_list("role", "name", "number")) == [
        ("first", tenant.name, "180/12/KS/2024"),
        ("second", "Gothenburg", "GBG-2024-07"),
    ]

    solo = coops["Kota Cerdas Makassar–Solo"]
    assert solo.state == Cooperation.State.FRAMEWORK_DRAFTING
    region_partner = solo.partners.get()
    assert (region_partner.name, region_partner.region_id) == ("Kota Surakarta", "3372")
    assert list(region_partner.aliases.values_list("alias", flat=True)) == ["Pemkot Solo"]

    training = coops["Pelatihan SDM Temasek"]
    assert list(training.partners.all()) == [temasek]
    assert training.route == Cooperation.Route.CONTINUATION
    assert training.documents.get().kind == Document.Kind.MOU
    assert Partner.objects.filter(tenant=tenant).count() == 5  # Temasek and four new ones

    note = "Imported from register.xlsx, row 2"
    event = CooperationEvent.objects.get(cooperation=gothenburg, action=IMPORT_ACTION)
    assert (event.source, event.target, event.by) == (
        "initiative",
        "letter_of_intent",
        cooperation_officer,
    )
    assert note in event.note
    assert gothenburg.events.get(action="create").note == event.note
    # The row already in its first stage gets no import move, but its creation says "imported".
    tual = coops["Persiapan kerja sama"]
    assert list(tual.events.values_list("action", flat=True)) == ["create"]
    assert "row 6" in tual.events.get().note
    # Entering central verification by import puts the cooperation before the centre.
    incheon = coops["Kota Kembar Makassar–Incheon"]
    assert incheon.state == Cooperation.State.CENTRAL_VERIFICATION
    assert ReviewRequest.objects.filter(cooperation=incheon, status="open").count() == 1
    # Every record has its audit row, by the importing officer.
    created = AuditEntry.objects.filter(action="create", user=cooperation_officer, tenant=tenant)
    assert created.filter(model_label="cooperations.cooperation").count() == 5
    assert created.filter(model_label="partners.partner").count() == 4
    assert created.filter(model_label="cooperations.document").count() == 2


def test_committing_twice_is_refused_and_writes_nothing_more(
    xlsx, tenant, cooperation_officer, temasek
):
    run = commit_import(check(xlsx(GOOD_ROWS), tenant, cooperation_officer), by=cooperation_officer)
    count = Cooperation.objects.count()
    with pytest.raises(Refused, match="already been imported"):
        commit_import(run, by=cooperation_officer)
    assert Cooperation.objects.count() == count


def test_the_same_file_uploaded_again_finds_every_row_recorded_and_imports_nothing(
    xlsx, tenant, cooperation_officer, temasek
):
    path = xlsx(GOOD_ROWS)
    commit_import(check(path, tenant, cooperation_officer), by=cooperation_officer)
    counts = (Cooperation.objects.count(), Partner.objects.count(), Document.objects.count())

    again = check(path, tenant, cooperation_officer)

    assert again.error_count == 0
    assert {row["outcome"] for row in again.report["rows"]} == {"skip"}
    with pytest.raises(Refused, match="Nothing to import"):
        commit_import(again, by=cooperation_officer)
    assert (
        Cooperation.objects.count(),
        Partner.objects.count(),
        Document.objects.count(),
    ) == counts


def test_a_file_with_errors_cannot_be_committed(xlsx, tenant, cooperation_officer):
    run = check(
        xlsx([HEADERS[:5], ["A", "KSDPL", "", "Gothenburg", "Narnia"]]), tenant, cooperation_officer
    )
    with pytest.raises(Refused, match="Nothing was imported"):
        commit_import(run, by=cooperation_officer)
    assert not Cooperation.objects.exists()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.CHECKED


def test_the_commit_checks_again_and_writes_nothing_when_the_records_changed(
    xlsx, tenant, cooperation_officer, temasek
):
    run = check(xlsx(GOOD_ROWS), tenant, cooperation_officer)
    assert run.error_count == 0
    # Meanwhile someone records a document with the number row 4 carries.
    other = make_cooperation(tenant, title="Dicatat lebih dulu")
    make_document(
        other,
        parties=[
            PartyInput(role=DocumentParty.Role.FIRST, name=tenant.name, number="050/3/KS/2021")
        ],
    )
    cooperations, partners = Cooperation.objects.count(), Partner.objects.count()

    with pytest.raises(Refused):
        commit_import(run, by=cooperation_officer)

    assert (Cooperation.objects.count(), Partner.objects.count()) == (cooperations, partners)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.CHECKED
    assert {(p["row"], p["column"]) for p in run.report["problems"]} == {(4, "I")}


def test_a_rule_that_changed_since_the_dry_run_stops_the_whole_import(
    xlsx, tenant, cooperation_officer, temasek
):
    run = check(xlsx(GOOD_ROWS), tenant, cooperation_officer)
    # Between the dry run and the commit, cooperation with South Korea (row 5) is refused.
    Country.objects.filter(code="KR").update(cooperation_blocked=True)
    with pytest.raises(Refused):
        commit_import(run, by=cooperation_officer)
    assert not Cooperation.objects.filter(tenant=tenant).exists()
    assert not Partner.objects.filter(tenant=tenant).exclude(pk=temasek.pk).exists()
    run.refresh_from_db()
    assert {(p["row"], p["column"]) for p in run.report["problems"]} == {(5, "E")}


def test_the_import_writes_only_into_its_tenant(
    xlsx, tenant, other_tenant, cooperation_officer, outsider
):
    bandung_partner = make_partner(
        other_tenant, name="Gothenburg", country=Country.objects.get(code="SE")
    )
    run = commit_import(
        check(xlsx(GOOD_ROWS[:2]), tenant, cooperation_officer), by=cooperation_officer
    )
    coop = run.cooperations.get()
    assert coop.tenant == tenant
    assert coop.partners.get() != bandung_partner
    assert coop.partners.get().tenant == tenant
    assert not Cooperation.objects.filter(tenant=other_tenant).exists()


def test_rows_of_one_cooperation_become_one_cooperation_with_each_document(
    xlsx, tenant, cooperation_officer
):
    rows = [
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
    run = commit_import(check(xlsx(rows), tenant, cooperation_officer), by=cooperation_officer)
    coop = run.cooperations.get()
    assert coop.state == Cooperation.State.IMPLEMENTATION
    assert list(coop.documents.order_by("date_signed").values_list("kind", flat=True)) == [
        Document.Kind.FRAMEWORK_AGREEMENT,
        Document.Kind.IMPLEMENTING_AGREEMENT,
    ]
    pks = coop.documents.get(kind=Document.Kind.IMPLEMENTING_AGREEMENT)
    assert list(pks.parties.values_list("name", "number")) == [
        (tenant.name, "2/PKS/2022"),
        ("Kota Tual", "9/TL/2022"),
    ]
    assert Partner.objects.filter(tenant=tenant).count() == 1
    assert [r["cooperation"] for r in run.report["rows"]] == [coop.pk, coop.pk]


def test_a_register_kept_by_hand_imports(tmp_path, tenant, cooperation_officer):
    """Title lines, section headings, merged cells, Excel and Indonesian dates, no kind column."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "REKAP 2024"
    sheet.append(["DAFTAR KERJA SAMA PEMERINTAH KOTA MAKASSAR"])
    sheet.append(["Keadaan per 31 Desember 2024"])
    sheet.append([])
    sheet.append(
        [
            "NO",
            "NAMA KERJA SAMA",
            "MITRA",
            "NEGARA",
            "BIDANG",
            "NOMOR DOKUMEN",
            "TGL. PENANDATANGANAN",
            "JANGKA WAKTU",
            "STATUS",
            "KET.",
        ]
    )
    sheet.append(["A", "KERJA SAMA DALAM NEGERI"])
    sheet.append(
        [
            1,
            "Pengembangan Kota Cerdas",
            "Pemkot Surakarta",
            "",
            "Smart City, Infrastruktur",
            "119/45/KS/XII/2023 dan 415/0987/2023",
            date(2023, 12, 1),
            "5 Tahun",
            "Aktif",
            "",
        ]
    )
    sheet.append(
        [
            2,
            "Pengelolaan Persampahan",
            "Pemerintah Kabupaten Gowa",
            "",
            "Lingkungan Hidup",
            "",
            "",
            "",
            "Persiapan",
            "menunggu balasan",
        ]
    )
    sheet.append(["B", "KERJA SAMA LUAR NEGERI"])
    sheet.append(
        [
            3,
            "Sister City Makassar – Gothenburg",
            "Gothenburg",
            "Swedia",
            "Pendidikan dan Kebudayaan",
            "",
            "",
            "",
            "Penjajakan",
            "",
        ]
    )
    sheet.append(
        [
            4,
            "Pelatihan E-Government",
            "Incheon",
            "Korea Selatan",
            "SDM",
            "001/KS/2019",
            "Senin, 12 Agustus 2019",
            "3 tahun",
            "Berakhir",
            "",
        ]
    )
    sheet.append(
        [
            5,
            "Pelatihan Lanjutan E-Government",
            None,
            None,
            "SDM",
            "014/KS/2023",
            "12/08/2023",
            "3 tahun",
            "Aktif",
            "",
        ]
    )
    sheet.merge_cells("C10:C11")
    sheet.merge_cells("D10:D11")
    path = tmp_path / "Rekap Kerja Sama 2024.xlsx"
    workbook.save(path)

    run = check(path, tenant, cooperation_officer)

    assert run.report["problems"] == []
    assert [r["kind"] for r in run.report["rows"]] == ["KSDD", "KSDD", "KSDPL", "KSDPL", "KSDPL"]
    run = commit_import(run, by=cooperation_officer)
    assert run.created_count == 5
    coops = {c.title: c for c in run.cooperations.all()}
    smart = coops["Pengembangan Kota Cerdas"]
    assert smart.state == Cooperation.State.IMPLEMENTATION
    kb = smart.documents.get()
    assert kb.kind == Document.Kind.FRAMEWORK_AGREEMENT
    assert kb.valid_until == date(2028, 11, 30)
    assert list(kb.parties.values_list("number", flat=True)) == [
        "119/45/KS/XII/2023",
        "415/0987/2023",
    ]
    assert coops["Pengelolaan Persampahan"].summary == "menunggu balasan"
    incheon = coops["Pelatihan E-Government"]
    assert incheon.state == Cooperation.State.EXPIRED
    assert incheon.documents.get().kind == Document.Kind.MOU
    assert coops["Pelatihan Lanjutan E-Government"].partners.get() == incheon.partners.get()
    assert set(
        coops["Sister City Makassar – Gothenburg"].sectors.values_list("slug", flat=True)
    ) == {
        "education",
        "culture",
    }
