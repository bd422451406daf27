"""The register template: an XLSX with the Indonesian headers, instructions and the values allowed.

The first sheet is the register to fill in, with drop-down lists (warnings only: other spellings
the importer understands stay allowed) and date cells formatted dd/mm/yyyy. The instructions
sheet explains each column; the values sheet lists the kinds, sub-forms, stages, partner kinds,
documents, sectors and countries. Every listed value is read back by the importer.
"""

from collections.abc import Mapping
from typing import Any

from django.utils import translation
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation, Document, Sector
from mitra.imports.columns import BY_FIELD
from mitra.imports.matching import reachable_states
from mitra.lib import sheets
from mitra.lib.text import either
from mitra.partners.models import Country, Partner
from mitra.tenancy.models import Tenant

FILLED_ROWS = 1000
TEMPLATE_FIELDS = (
    "title",
    "kind",
    "sub_form",
    "route",
    "partner",
    "partner_kind",
    "country",
    "state",
    "sectors",
    "summary",
    "initiating_agency",
    "implementing_agencies",
    "owner",
    "document_kind",
    "document_title",
    "number_first",
    "number_second",
    "number_third",
    "place_signed",
    "date_signed",
    "valid_from",
    "valid_until",
    "remarks",
)


def _kind_help() -> str:
    return _(
        "%(kinds)s, or their full names. If empty, Mitra reads the kind from the partner and the "
        "country, and the check of the file shows it."
    ) % {"kinds": either(workflow.abbreviations())}


def _default_partner_kind(facts: workflow.KindFacts) -> str:
    """ "an Indonesian region for a KSDD": the article is chosen by the English label."""
    label = Partner.Kind(facts.default_partner_kind).label
    with translation.override("en"):
        vowel = str(label)[:1].casefold() in "aeiou"
    if vowel:
        pattern = _("an %(partner_kind)s for a %(kind)s")
    else:
        pattern = _("a %(partner_kind)s for a %(kind)s")
    return pattern % {"partner_kind": label, "kind": facts.abbreviation}


def _partner_kind_help() -> str:
    defaults = ", ".join(_default_partner_kind(facts) for facts in workflow.KINDS.values())
    return _("Optional. If empty: %(defaults)s.") % {"defaults": defaults}


def _document_kind_help() -> str:
    """The document a row without one records (`documents._kind`): by the kind's foreign flag."""
    return _(
        "Optional. If empty: a KB for a %(domestic)s; for a %(foreign)s an MoU once signed, else "
        "an LoI."
    ) % {
        "domestic": either(workflow.abbreviations(foreign=False)),
        "foreign": either(workflow.abbreviations(foreign=True)),
    }


def _route_help() -> str:
    kinds = either(workflow.abbreviations_of(workflow.kinds_with_a_route()))
    return _(
        "%(kinds)s only: continuation of a central-government cooperation, or other with central "
        "approval."
    ) % {"kinds": kinds}


DATE_HELP = gettext_lazy("A date: dd/mm/yyyy, yyyy-mm-dd, an Excel date, or “5 Maret 2021”.")
HELP: dict[str, Promise | str] = {  # the kinds' texts are read from KINDS
    "title": gettext_lazy("Required. The name of the cooperation, as in your register."),
    "kind": lazy(_kind_help, str)(),
    "sub_form": gettext_lazy("Optional. Depends on the kind: see the values sheet."),
    "route": lazy(_route_help, str)(),
    "partner": gettext_lazy(
        "Required. The partner's name; several partners separated by semicolons. A partner already "
        "in Mitra is found by its name or another name, an Indonesian region by its name in "
        "Kemendagri's list (Kota Surakarta, Kabupaten Bandung) or a common one (Solo); any other "
        "partner is created."
    ),
    "partner_kind": lazy(_partner_kind_help, str)(),
    "country": gettext_lazy("Required for foreign partners, in Indonesian or English."),
    "state": gettext_lazy(
        "Optional. The stage the cooperation has reached, one of the procedure of its kind; if "
        "empty, the first stage. Its history will say that it was imported."
    ),
    "sectors": gettext_lazy("Optional. One or more sectors, separated by semicolons."),
    "summary": gettext_lazy("Optional. Purpose and scope of the cooperation."),
    "initiating_agency": gettext_lazy(
        "Optional. An agency (OPD) recorded in Mitra, by name or acronym."
    ),
    "implementing_agencies": gettext_lazy(
        "Optional. One or more agencies recorded in Mitra, separated by semicolons."
    ),
    "owner": gettext_lazy(
        "Optional. User name, e-mail address or full name of a member; if empty, whoever imports."
    ),
    "document_kind": lazy(_document_kind_help, str)(),
    "document_title": gettext_lazy(
        "Optional. If empty, made from the kind of document and the title."
    ),
    "number_first": gettext_lazy("The document's number given by your region (first party)."),
    "number_second": gettext_lazy("The number given by the partner (second party)."),
    "number_third": gettext_lazy("The number given by a second partner (third party), if any."),
    "place_signed": gettext_lazy("Optional. Where the document was signed."),
    "date_signed": DATE_HELP,
    "valid_from": DATE_HELP,
    "valid_until": gettext_lazy(
        "A date as above, a term counted from the start such as “5 tahun”, or “sampai diakhiri”."
    ),
    "remarks": gettext_lazy("Optional. Added to the summary."),
}
EXAMPLE = {
    "title": "Kerja Sama Kota Kembar Makassar–Gothenburg",
    # The kind Gothenburg, a foreign city, implies: the table's abbreviation for it.
    "kind": workflow.abbreviation(workflow.kind_of_partner(Partner.Kind.FOREIGN_CITY_OR_REGION)),
    "sub_form": "Kota Kembar",
    "partner": "Gothenburg",
    "country": "Swedia",
    "state": "Pernyataan Kehendak",
    "sectors": "Kota Cerdas; Infrastruktur",
    "document_kind": "LoI",
    "number_first": "180/12/KS/2024",
    "number_second": "GBG-2024-07",
    "date_signed": "14/09/2024",
    "valid_until": "5 tahun",
}


KINDS = tuple(Cooperation.Kind)
Entries = list[tuple[str, str]]


def _kinds_of(allowed: Mapping[str, set[str]], value: str) -> str:
    """ "KSDD, KSDPK": the kinds of cooperation for which `value` is allowed."""
    return ", ".join(workflow.abbreviation(k) for k in KINDS if value in allowed[k])


def _route_kinds() -> str:
    """ "KSDLL": the kinds for which a route is allowed, as `_kinds_of` lists them."""
    return ", ".join(workflow.abbreviations_of(workflow.kinds_with_a_route()))


def _labelled(choices: list[tuple[str, Any]], allowed: Mapping[str, set[str]]) -> Entries:
    return [(str(label), _kinds_of(allowed, value)) for value, label in choices]


def _states(tenant: Tenant) -> Entries:
    allowed: dict[str, set[str]] = {k: reachable_states(k, tenant.procedure_order) for k in KINDS}
    order = Tenant.ProcedureOrder(tenant.procedure_order)
    steps = [*workflow.DOMESTIC_STEPS, *workflow.FOREIGN_STEPS[order]]
    ordered = dict.fromkeys([*steps, *Cooperation.State.values])
    return [
        (str(Cooperation.State(state).label), _kinds_of(allowed, state))
        for state in ordered
        if any(state in states for states in allowed.values())
    ]


def value_lists(tenant: Tenant) -> list[tuple[str, Entries]]:
    """(register header, [(value, the kinds it is for or what it means)]) per column with a list."""
    sub_forms: dict[str, set[str]] = {k: set(workflow.KINDS[k].sub_forms) for k in KINDS}
    partner_kinds: dict[str, set[str]] = {k: set(workflow.KINDS[k].partner_kinds) for k in KINDS}
    countries = sorted(Country.objects.all(), key=lambda c: c.name.casefold())
    return [
        (BY_FIELD["kind"].header, [(workflow.abbreviation(k), str(k.label)) for k in KINDS]),
        (BY_FIELD["sub_form"].header, _labelled(Cooperation.SubForm.choices, sub_forms)),
        (
            BY_FIELD["route"].header,
            [(str(label), _route_kinds()) for _v, label in Cooperation.Route.choices],
        ),
        (BY_FIELD["partner_kind"].header, _labelled(Partner.Kind.choices, partner_kinds)),
        (BY_FIELD["state"].header, _states(tenant)),
        (
            BY_FIELD["document_kind"].header,
            [(str(label), "") for _v, label in Document.Kind.choices],
        ),
        (BY_FIELD["sectors"].header, [(str(label), "") for _v, label in Sector.Slug.choices]),
        (BY_FIELD["country"].header, [(c.name, "") for c in countries]),
    ]


def _register(sheet: Worksheet) -> None:
    sheets.append_row(sheet, [BY_FIELD[name].header for name in TEMPLATE_FIELDS])
    for index, name in enumerate(TEMPLATE_FIELDS, start=1):
        sheet.cell(row=1, column=index).font = Font(bold=True)
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = (
            34 if name in ("title", "partner", "summary") else 20
        )
        if BY_FIELD[name].is_date:
            for row in range(2, FILLED_ROWS + 2):
                sheet.cell(row=row, column=index).number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "B2"


def _values(sheet: Worksheet, lists: list[tuple[str, list[tuple[str, str]]]]) -> dict[str, str]:
    """Write each list in two columns; return the range of each list's values, by header."""
    ranges: dict[str, str] = {}
    for number, (header, entries) in enumerate(lists):
        value_column, note_column = 2 * number + 1, 2 * number + 2
        sheet.cell(row=1, column=value_column, value=header).font = Font(bold=True)
        sheet.cell(row=1, column=note_column, value=_("for / meaning")).font = Font(italic=True)
        for row, (value, note) in enumerate(entries, start=2):
            sheet.cell(row=row, column=value_column, value=sheets.clean_text(value))
            sheet.cell(row=row, column=note_column, value=sheets.clean_text(note))
        letter = get_column_letter(value_column)
        ranges[header] = f"{quote_sheetname(sheet.title)}!${letter}$2:${letter}${len(entries) + 1}"
        sheet.column_dimensions[letter].width = 34
        sheet.column_dimensions[get_column_letter(note_column)].width = 18
    return ranges


def _drop_downs(sheet: Worksheet, ranges: dict[str, str]) -> None:
    for index, name in enumerate(TEMPLATE_FIELDS, start=1):
        header = BY_FIELD[name].header
        if header not in ranges or name == "sectors":  # several sectors per cell
            continue
        validation = DataValidation(type="list", formula1=ranges[header], allow_blank=True)
        validation.errorStyle = "warning"
        validation.showErrorMessage = False
        letter = get_column_letter(index)
        validation.add(f"{letter}2:{letter}{FILLED_ROWS + 1}")
        sheet.add_data_validation(validation)


def _instructions(sheet: Worksheet) -> None:
    sheets.append_row(sheet, [_("How to fill in the cooperation register")])
    sheet["A1"].font = Font(bold=True, size=14)
    for paragraph in (
        _(
            "Fill in one row per cooperation below the header row. Keep the headers; the columns may be in any order, and optional columns may be left out."
        ),
        _(
            "Upload the file in Mitra under Import. You will see what each row would do and every error with its row and column before anything is saved; when you confirm, all rows are saved or none."
        ),
        _(
            "A row whose title and partner are already recorded in Mitra is skipped, so importing the same file again creates nothing twice."
        ),
        _(
            "A cooperation with several documents (a KB, then its PKS) may take one row per document: repeat the title and the partner; the stage on the last row is where the cooperation stands."
        ),
    ):
        sheets.append_row(sheet, [paragraph])
    sheets.append_row(sheet, [])
    sheets.append_row(sheet, [_("Column"), _("What to write"), _("Example")])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for name in TEMPLATE_FIELDS:
        sheets.append_row(sheet, [BY_FIELD[name].header, str(HELP[name]), EXAMPLE.get(name, "")])
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 90
    sheet.column_dimensions["C"].width = 40
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def build_template(tenant: Tenant) -> bytes:
    """The template workbook, with the instructions in the active language."""
    workbook = sheets.new_workbook()
    register = workbook.create_sheet(sheets.sheet_title(_("Cooperation register")))
    _register(register)
    _instructions(workbook.create_sheet(_("Instructions")[:31]))
    values_sheet = workbook.create_sheet(_("Allowed values")[:31])
    _drop_downs(register, _values(values_sheet, value_lists(tenant)))
    return sheets.save(workbook)
