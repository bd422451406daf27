"""Texts that name the cooperation kinds (the import's help and refusals, the API's description,
the form's labels, the pipeline's tabs) are read from `workflow.KINDS`, and for the four kinds
they say, word for word in both languages, what they said when they were written by hand."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from mitra.api.schemas import CooperationOut
from mitra.cooperations.forms import CooperationForm
from mitra.imports.services import check_upload
from mitra.imports.template import HELP
from mitra.lib.text import both, either

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
