"""The dry run: every row of a register checked before anything is written.

Each row becomes a `RowPlan`: the cooperation it would create, its partners (matched or new), its
document with one number per party and the stage it has reached, or the reasons it cannot, each
tied to its row and column. The checks call the rules the services apply
(`cooperations.rules`, `partners.services.partner_problems`), so a row that passes here passes
there; the commit runs the checks again and the services check once more as they write.

Registers are kept by hand, so a few habits are understood: a row that repeats a cooperation
and partner with another document (the KB on one row, its PKS on the next) adds that document;
a row with a single filled cell ("A. KERJA SAMA DALAM NEGERI") is a heading; a row without a
kind gets the one its partner and country imply, and the dry run says so.
"""

from django.contrib.auth.models import User
from django.utils.translation import gettext as _

from mitra.cooperations import rules, workflow
from mitra.cooperations.models import Agency, Cooperation
from mitra.imports import documents, values, vocabulary
from mitra.imports.cells import Cells, Problem, choose
from mitra.imports.columns import BY_FIELD, IGNORED, Layout, read_layout
from mitra.imports.matching import TenantContext
from mitra.imports.parsing import Sheet
from mitra.imports.partner_choices import PartnerResolver, row_country
from mitra.imports.plans import Plan, RowPlan
from mitra.lib.text import either, fold
from mitra.partners.models import Partner
from mitra.regions.lookup import split_prefixes
from mitra.tenancy.models import Tenant

MAX_TITLE = 250
# The partner a row without a kind or a recorded partner names, by (abroad, a regional
# government): a city or region Mitra's gazetteer knows, or an Indonesian region. Its kind of
# cooperation is the row of KINDS taking such partners (`workflow.kind_of_partner`).
GUESSED_PARTNER_KIND: dict[tuple[bool, bool], str] = {
    (True, True): Partner.Kind.FOREIGN_CITY_OR_REGION,
    (True, False): Partner.Kind.FOREIGN_INSTITUTION,
    (False, True): Partner.Kind.INDONESIAN_REGION,
    (False, False): Partner.Kind.DOMESTIC_PARTY,
}


def kind_label(value: str) -> str:
    return workflow.abbreviation(value)


def state_label(value: str) -> str:
    return str(Cooperation.State(value).label)


def check_sheet(tenant: Tenant, sheet: Sheet, *, context: TenantContext | None = None) -> Plan:
    """Check every row of the sheet against the tenant's records; write nothing."""
    layout = read_layout(sheet.headers)
    file_problems = [
        Problem(0, "", c.header, _("The column “%(header)s” is missing.") % {"header": c.header})
        for c in BY_FIELD.values()
        if c.required and c.field not in layout.fields
    ]
    if file_problems:  # every row would repeat the missing column: say it once
        return Plan(rows=[], file_problems=file_problems, warnings=layout.warnings)
    checker = RowChecker(context or TenantContext(tenant), layout)
    warnings = list(layout.warnings)
    rows = []
    for number, cells in sheet.rows:
        filled = _filled(cells, layout)
        if len(filled) == 1:
            warnings.append(
                _(
                    "Row %(row)s (“%(text)s”) has a single filled cell; it is read as a heading and left out."
                )
                % {"row": number, "text": filled[0]}
            )
        elif filled:
            rows.append(checker.check(number, cells))
    if not rows:
        file_problems.append(Problem(0, "", "", _("The register has no rows below its header.")))
    return Plan(rows=rows, file_problems=file_problems, warnings=warnings)


def _filled(cells: list[values.Cell], layout: Layout) -> list[str]:
    """The row's filled cells, leaving out a running number."""
    ignored = layout.fields.get(IGNORED)
    return [
        values.one_line(values.cell_text(cell))
        for index, cell in enumerate(cells)
        if index != ignored and not values.is_blank(cell)
    ]


class RowChecker:
    """Checks rows one after another, remembering what earlier rows of the file said."""

    def __init__(self, context: TenantContext, layout: Layout) -> None:
        self.context = context
        self.layout = layout
        self.partners = PartnerResolver(context)
        self.seen_rows: dict[tuple[str, frozenset[str]], RowPlan] = {}
        self.seen_numbers: dict[str, int] = {}

    def check(self, number: int, row: list[values.Cell]) -> RowPlan:
        cells = Cells(number, row, self.layout)
        plan = RowPlan(number=number, problems=cells.problems)
        plan.title = self._title(cells)
        plan.kind = self._kind(cells, plan)
        plan.summary = "\n\n".join(filter(None, [cells.text("summary"), cells.text("remarks")]))
        plan.sectors = self._sectors(cells)
        plan.owner = self._owner(cells)
        plan.initiating_agency, plan.implementing_agencies = self._agencies(cells)
        if plan.kind:
            self._by_kind(cells, plan)
        else:
            self._without_kind(cells, plan)
        return plan

    def _without_kind(self, cells: Cells, plan: RowPlan) -> None:
        """A row whose kind is unknown is still checked in every cell the kind does not decide,
        so the register is corrected in one pass rather than one problem per upload."""
        choose(cells, "sub_form", vocabulary.sub_forms(), Cooperation.SubForm.values, _label)
        choose(cells, "route", vocabulary.routes(), Cooperation.Route.values, _label)
        choose(cells, "state", vocabulary.states(), Cooperation.State.values, state_label)
        self.partners.check_without_kind(cells)
        documents.plan_document(cells, plan, self.context, self.seen_numbers)

    def _by_kind(self, cells: Cells, plan: RowPlan) -> None:
        kind = plan.kind
        plan.sub_form = self._sub_form(cells, kind)
        plan.route = choose(cells, "route", vocabulary.routes(), Cooperation.Route.values, _label)
        for problem in rules.route_fits_kind(kind, plan.route):
            cells.error("route", problem)
        plan.state = self._state(cells, kind)
        plan.partners = self.partners.partners(cells, kind)
        self._partner_rules(cells, plan)
        self._recorded(plan)
        self._repeated(cells, plan)
        plan.document = documents.plan_document(cells, plan, self.context, self.seen_numbers)

    def _title(self, cells: Cells) -> str:
        title = cells.line("title")
        if not title:
            cells.error("title", _("A cooperation needs a title."))
        elif len(title) > MAX_TITLE:
            cells.error(
                "title", _("The title is longer than %(count)s characters.") % {"count": MAX_TITLE}
            )
        return title

    def _kind(self, cells: Cells, plan: RowPlan) -> str:
        if cells.has("kind"):
            return self._stated_kind(cells)
        kind = self._implied_kind(cells)
        if kind:
            plan.notes.append(
                _("No kind given: read as %(kind)s from the partner and the country.")
                % {"kind": kind_label(kind)}
            )
        elif row_country(cells, self.context)[1]:
            cells.error(
                "kind",
                _("Give the kind of cooperation: %(kinds)s.")
                % {"kinds": either(workflow.abbreviations())},
            )
        return kind

    def _stated_kind(self, cells: Cells) -> str:
        text = cells.line("kind")
        if not vocabulary.kinds().candidates(text) and vocabulary.document_kinds().candidates(text):
            cells.error(
                "kind",
                _(
                    "“%(value)s” is a kind of document, not of cooperation: put it under “%(column)s” and write %(kinds)s here."
                )
                % {
                    "value": text,
                    "column": BY_FIELD["document_kind"].header,
                    "kinds": either(workflow.abbreviations()),
                },
            )
            return ""
        return choose(cells, "kind", vocabulary.kinds(), Cooperation.Kind.values, kind_label)

    def _implied_kind(self, cells: Cells) -> str:
        """The kind a row without one must be: the one taking its first partner's kind, recorded,
        stated or guessed from the country and the gazetteer (`GUESSED_PARTNER_KIND`)."""
        names = values.split_list(cells.text("partner"))
        if not names:
            return ""
        matches = self.context.partners_named(names[0])
        if len(matches) == 1:
            return workflow.kind_of_partner(matches[0].kind)
        stated = vocabulary.partner_kinds().candidates(cells.line("partner_kind"))
        kinds = {workflow.kind_of_partner(k) for k in stated}
        if len(kinds) == 1:
            return kinds.pop()
        text = cells.line("country")
        country = self.context.country(text) if text else None
        if text and country is None:
            return ""
        abroad = country is not None and country.code != "ID"
        if country is not None and abroad:
            government = self.context.place(names[0], country) is not None
        else:
            government = (
                split_prefixes(names[0])[1] is not None or self.context.region(names[0]) is not None
            )
        return workflow.kind_of_partner(GUESSED_PARTNER_KIND[abroad, government])

    def _sub_form(self, cells: Cells, kind: str) -> str:
        allowed = workflow.KINDS[kind].sub_forms
        if cells.has("sub_form"):
            return choose(cells, "sub_form", vocabulary.sub_forms(), allowed, _label)
        # "Sister City" in the kind column says both the kind and the sub-form.
        named = vocabulary.sub_forms().candidates(cells.text("kind")) & allowed
        return named.pop() if len(named) == 1 else ""

    def _state(self, cells: Cells, kind: str) -> str:
        if not cells.has("state"):
            return workflow.KINDS[kind].initial_state
        allowed = self.context.states_by_kind[kind]
        return choose(cells, "state", vocabulary.states(), allowed, state_label)

    def _sectors(self, cells: Cells) -> list[str]:
        slugs, unknown = vocabulary.sector_slugs(cells.text("sectors"))
        for piece in unknown:
            cells.error(
                "sectors",
                _("“%(value)s” is not a sector; the template lists the sectors.")
                % {"value": piece},
            )
        return slugs

    def _owner(self, cells: Cells) -> User | None:
        text = cells.line("owner")
        if not text:
            return None
        users = self.context.members.get(fold(text), [])
        if len(users) == 1:
            return users[0]
        if users:
            cells.error(
                "owner",
                _("“%(value)s” names several members; give the user name.") % {"value": text},
            )
        else:
            cells.error(
                "owner",
                _(
                    "“%(value)s” is not a member of this regional government in Mitra; give a user name or leave the cell empty."
                )
                % {"value": text},
            )
        return None

    def _agency(self, cells: Cells, name: str, text: str) -> Agency | None:
        agencies = self.context.agencies.get(fold(text), [])
        if len(agencies) == 1:
            return agencies[0]
        cells.error(
            name,
            _(
                "“%(value)s” is not an agency (OPD) of this regional government; a tenant administrator adds agencies in the settings."
            )
            % {"value": text},
        )
        return None

    def _agencies(self, cells: Cells) -> tuple[Agency | None, list[Agency]]:
        initiating_text = cells.line("initiating_agency")
        initiating = (
            self._agency(cells, "initiating_agency", initiating_text) if initiating_text else None
        )
        implementing = [
            self._agency(cells, "implementing_agencies", text)
            for text in values.split_list(cells.text("implementing_agencies"), ";,\n")
        ]
        return initiating, list(dict.fromkeys(a for a in implementing if a is not None))

    def _partner_rules(self, cells: Cells, plan: RowPlan) -> None:
        partners = [choice.instance(self.context.tenant) for choice in plan.partners]
        for problem in rules.partners_fit_kind(plan.kind, partners):
            cells.error("partner", problem)
        for problem in rules.no_blocked_country_among(partners):
            cells.error("country", problem)

    def _recorded(self, plan: RowPlan) -> None:
        """A cooperation with this title and one of these partners already in Mitra is skipped."""
        partner_ids = {c.existing.pk for c in plan.partners if c.existing is not None}
        for existing in self.context.cooperations_by_title.get(fold(plan.title), []):
            if existing.partner_ids & partner_ids:
                plan.duplicate_of = existing
                return

    def _repeated(self, cells: Cells, plan: RowPlan) -> None:
        """A repeated row adds its document to the earlier row's cooperation; without one it is
        a duplicate. Its stage, if given, is where the cooperation now stands."""
        if not plan.title or not plan.partners:
            return
        key = (fold(plan.title), frozenset(fold(c.name) for c in plan.partners))
        first = self.seen_rows.setdefault(key, plan)
        if first is plan:
            return
        if not any(cells.has(name) for name in documents.DOCUMENT_COLUMNS):
            cells.error(
                "title",
                _("Row %(row)s already has this cooperation with this partner.")
                % {"row": first.number},
            )
        elif first.kind != plan.kind:
            cells.error(
                "kind",
                _("Row %(row)s records this cooperation as a %(kind)s.")
                % {"row": first.number, "kind": kind_label(first.kind)},
            )
        else:
            plan.continues = first
            first.state = plan.state if cells.has("state") and plan.state else first.state
            first.sectors = list(dict.fromkeys([*first.sectors, *plan.sectors]))


def _label(value: str) -> str:
    for choices in (Cooperation.Route, Cooperation.SubForm):
        if value in choices.values:
            return str(choices(value).label)
    return value
