"""Texts that name the cooperation kinds (the import's help and refusals, the API's description,
the form's labels, the pipeline's tabs, the route's texts and rules, the settings' labels) are
read from `workflow.KINDS`, and for the four kinds they say, word for word in both languages,
what they said when they were written by hand."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from mitra.api.schemas import CooperationOut
from mitra.cooperations import rules
from mitra.cooperations.forms import CooperationForm
from mitra.cooperations.models import Cooperation
from mitra.imports.columns import BY_FIELD
from mitra.imports.services import check_upload
from mitra.imports.template import EXAMPLE, HELP, value_lists
from mitra.lib.text import both, either
from mitra.tenancy.forms import TenantSettingsForm
from mitra.tenancy.models import Tenant
from tests.procedure import cooperation_of_kind

HELP_TEXTS = {
    "en": {
        "kind": "KSDD, KSDPK, KSDPL or KSDLL, or their full names. If empty, Mitra reads the kind "
        "from the partner and the country, and the check of the file shows it.",
        "partner_kind": "Optional. If empty: an Indonesian region for a KSDD, a domestic third "
        "party for a KSDPK, a foreign city or region for a KSDPL, a foreign institution for a "
        "KSDLL.",
        "document_kind": "Optional. If empty: a KB for a KSDD or KSDPK; for a KSDPL or KSDLL an "
        "MoU once signed, else an LoI.",
    },
    "id": {
        "kind": "KSDD, KSDPK, KSDPL, atau KSDLL, atau nama lengkapnya. Jika kosong, Mitra "
        "menentukan jenisnya dari mitra dan negara, dan hasil pemeriksaan berkas menampilkannya.",
        "partner_kind": "Opsional. Jika kosong: daerah di Indonesia untuk KSDD, pihak ketiga "
        "dalam negeri untuk KSDPK, kota atau daerah di luar negeri untuk KSDPL, lembaga di luar "
        "negeri untuk KSDLL.",
        "document_kind": "Opsional. Jika kosong: KB untuk KSDD atau KSDPK; untuk KSDPL atau "
        "KSDLL, MoU bila sudah ditandatangani, selain itu LoI.",
    },
}
REFUSALS = {
    "en": {
        "no kind": "Give the kind of cooperation: KSDD, KSDPK, KSDPL or KSDLL.",
        "a document's kind": "“MoU” is a kind of document, not of cooperation: put it under "
        "“Jenis Dokumen” and write KSDD, KSDPK, KSDPL or KSDLL here.",
    },
    "id": {
        "no kind": "Isikan jenis kerja sama: KSDD, KSDPK, KSDPL, atau KSDLL.",
        "a document's kind": "“MoU” adalah jenis dokumen, bukan jenis kerja sama: pindahkan ke "
        "kolom “Jenis Dokumen” dan isikan KSDD, KSDPK, KSDPL, atau KSDLL di sini.",
    },
}
FORM_LABELS = {
    "en": ("Government affairs (KSDD, KSDPK)", "Objects (KSDPL, KSDLL)"),
    "id": ("Urusan pemerintahan (KSDD, KSDPK)", "Objek (KSDPL, KSDLL)"),
}
TABS = {"en": ("KSDPL and KSDLL", "KSDD and KSDPK"), "id": ("KSDPL dan KSDLL", "KSDD dan KSDPK")}
# The texts of the facts one row or a few rows of KINDS have: the route (KSDLL), DPRD approval
# that depends on the budget (KSDD, KSDPK), the objects and the procedure order (KSDPL, KSDLL).
FACT_TEXTS = {
    "en": {
        "route label": "KSDLL route",
        "route help": "Only for a cooperation with a foreign institution (KSDLL).",
        "route refused": "Only a cooperation with a foreign institution (KSDLL) has a route.",
        "route missing": "Record the KSDLL route (continuation of a central-government "
        "cooperation, or other with central approval) before exploration ends.",
        "route import help": "KSDLL only: continuation of a central-government cooperation, or "
        "other with central approval.",
        "burdens help": "If so, or if it is not in this year's APBD, a KSDD/KSDPK needs DPRD "
        "approval.",
        "objects": "objects (KSDPL/KSDLL)",
        "order": "order of DPRD approval and central verification (KSDPL/KSDLL)",
        "order form": "Order of DPRD approval and central verification (KSDPL/KSDLL)",
    },
    "id": {
        "route label": "Jalur KSDLL",
        "route help": "Hanya untuk kerja sama dengan lembaga di luar negeri (KSDLL).",
        "route refused": "Hanya kerja sama dengan lembaga di luar negeri (KSDLL) yang memiliki "
        "jalur.",
        "route missing": "Catat jalur KSDLL (kelanjutan kerja sama Pemerintah Pusat, atau "
        "lainnya dengan persetujuan Pemerintah Pusat) sebelum penjajakan selesai.",
        "route import help": "Khusus KSDLL: penerusan kerja sama Pemerintah Pusat, atau lainnya "
        "dengan persetujuan Pemerintah Pusat.",
        "burdens help": "Jika ya, atau jika tidak dianggarkan dalam APBD tahun berjalan, "
        "KSDD/KSDPK memerlukan persetujuan DPRD.",
        "objects": "objek (KSDPL/KSDLL)",
        "order": "urutan persetujuan DPRD dan verifikasi pusat (KSDPL/KSDLL)",
        "order form": "Urutan persetujuan DPRD dan verifikasi pusat (KSDPL/KSDLL)",
    },
}
LANGUAGES = ["en", "id"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("column", ["kind", "partner_kind", "document_kind"])
def test_the_import_help_names_the_kinds_as_it_always_did(column, language):
    with translation.override(language):
        assert str(HELP[column]) == HELP_TEXTS[language][column]


def refusal(tenant, by, row):
    """What the import says of the kind column (B) of a register of one row under (title, kind,
    partner, country)."""
    content = f"Judul,Jenis,Mitra,Negara\n{row}\n".encode()
    problems = check_upload(tenant, by=by, file_name="r.csv", content=content).report["problems"]
    [message] = [p["message"] for p in problems if p["column"] == "B"]
    return message


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_imports_refusals_name_the_kinds_as_they_always_did(
    tenant, cooperation_officer, language
):
    with translation.override(language):
        assert (
            refusal(tenant, cooperation_officer, "A,,,Indonesia") == REFUSALS[language]["no kind"]
        )
        stated = refusal(tenant, cooperation_officer, "A,MoU,Gothenburg,Swedia")
    assert stated == REFUSALS[language]["a document's kind"]


def test_the_api_describes_the_kind_label_as_it_always_did():
    schema = CooperationOut.model_json_schema()
    assert schema["properties"]["kind_label"]["description"] == "KSDD, KSDPK, KSDPL or KSDLL"


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_forms_scope_labels_name_the_kinds_as_they_always_did(tenant, language):
    form = CooperationForm(tenant)
    with translation.override(language):
        labels = (
            str(form.fields["affairs"].label),
            str(form.fields["objects_of_cooperation"].label),
        )
    assert labels == FORM_LABELS[language]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pipelines_tabs_name_the_kinds_as_they_always_did(
    client_as, cooperation_officer, language
):
    client = client_as(cooperation_officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("pipeline:board") + "?board=domestic").content.decode()
    foreign, domestic = TABS[language]
    assert f'?board=foreign">{foreign}</a>' in page
    assert f'?board=domestic" aria-current="page">{domestic}</a>' in page


@pytest.mark.parametrize(
    ("language", "items", "alternatives", "together"),
    [
        ("en", ["A"], "A", "A"),
        ("en", ["A", "B"], "A or B", "A and B"),
        ("en", ["A", "B", "C"], "A, B or C", "A, B and C"),
        ("id", ["A", "B"], "A atau B", "A dan B"),
        ("id", ["A", "B", "C"], "A, B, atau C", "A, B, dan C"),
    ],
)
def test_a_list_is_joined_as_the_language_writes_it(language, items, alternatives, together):
    with translation.override(language):
        assert (either(items), both(items)) == (alternatives, together)


def _field(model, name):
    return model._meta.get_field(name)


def fact_texts(tenant) -> dict[str, list[object]]:
    """Where each text of `FACT_TEXTS` is shown (several places show the same text)."""
    route, burdens = _field(Cooperation, "route"), _field(Cooperation, "burdens_public")
    form, settings_form = CooperationForm(tenant).fields, TenantSettingsForm().fields
    [constraint] = [c for c in Cooperation._meta.constraints if "route" in c.name]
    foreign = cooperation_of_kind(tenant, Cooperation.Kind.FOREIGN_INSTITUTION, route="")
    return {
        "route label": [route.verbose_name, form["route"].label, BY_FIELD["route"].label],
        "route help": [form["route"].help_text],
        "route refused": [
            *rules.route_fits_kind(Cooperation.Kind.DOMESTIC_REGION, "continuation"),
            constraint.violation_error_message,
        ],
        "route missing": rules.route_recorded_if_needed(foreign),
        "route import help": [HELP["route"]],
        "burdens help": [burdens.help_text, form["burdens_public"].help_text],
        "objects": [_field(Cooperation, "objects_of_cooperation").verbose_name],
        "order": [_field(Tenant, "procedure_order").verbose_name],
        "order form": [settings_form["procedure_order"].label],
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_texts_of_a_kinds_facts_name_the_kinds_as_they_always_did(tenant, language):
    with translation.override(language):
        shown = {name: [str(text) for text in texts] for name, texts in fact_texts(tenant).items()}
    expected = {name: [text] * len(shown[name]) for name, text in FACT_TEXTS[language].items()}
    assert shown == expected


@pytest.mark.django_db
def test_the_register_template_names_the_kinds_as_it_always_did(tenant):
    """The template's Indonesian header, the values sheet and the example row (a sister city)."""
    lists = dict(value_lists(tenant))
    assert BY_FIELD["route"].header == "Jalur KSDLL"
    assert [kinds for _label, kinds in lists["Jalur KSDLL"]] == ["KSDLL", "KSDLL"]
    assert EXAMPLE["kind"] == "KSDPL"
