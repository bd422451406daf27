"""The capacity report as report tables (`mitra.lib.reports`): XLSX with one sheet per table,
or one table as CSV."""

from django.utils.translation import gettext_lazy as _

from mitra.cooperations.models import Cooperation
from mitra.followups.models import Task
from mitra.lib.deadlines import due_status
from mitra.lib.formatting import person
from mitra.lib.reports import Column, Table, table
from mitra.staff.queries import CapacityReport, LanguageRow, OverdueRow, Workload

UNOWNED: list[Column[Cooperation]] = [
    Column(_("Cooperation"), lambda c: c.title),
    Column(_("State"), lambda c: c.get_state_display()),
    Column(_("Partners"), lambda c: ", ".join(p.name for p in c.partners.all())),
]
OVERLOADED: list[Column[Workload]] = [
    Column(_("Person"), lambda w: person(w.user)),
    Column(_("Open tasks"), lambda w: w.open_tasks),
    Column(_("Overdue tasks"), lambda w: w.overdue_tasks),
    Column(_("Cooperations"), lambda w: w.cooperations),
    Column(_("Load"), lambda w: w.load),
    Column(_("Maximum load"), lambda w: w.max_load),
]
LANGUAGES: list[Column[LanguageRow]] = [
    Column(_("Language"), lambda r: r.name),
    Column(_("Code"), lambda r: r.code),
    Column(
        _("Partners"),
        lambda r: "; ".join(f"{c.partner.name} ×{c.cooperations}" for c in r.partners),
    ),
    Column(_("Cooperations"), lambda r: sum(c.cooperations for c in r.partners)),
    Column(
        _("Staff who speak it (level)"),
        lambda r: "; ".join(f"{person(s.user)} ({s.level_label})" for s in r.speakers),
    ),
    Column(_("Covered"), lambda r: str(_("yes") if r.covered else _("no"))),
]


def _overdue(report: CapacityReport) -> Table:
    columns: list[Column[tuple[OverdueRow, Task]]] = [
        Column(_("Person"), lambda pair: person(pair[0].user)),
        Column(_("Task"), lambda pair: pair[1].title),
        Column(
            _("Cooperation"), lambda pair: pair[1].cooperation.title if pair[1].cooperation else ""
        ),
        Column(_("Due date"), lambda pair: pair[1].due_date),
        Column(_("Days overdue"), lambda pair: due_status(pair[1].due_date, report.today).days),
    ]
    pairs = [(row, task) for row in report.overdue for task in row.tasks]
    return table("overdue", _("Overdue follow-up by person"), columns, pairs)


def report_tables(report: CapacityReport) -> list[Table]:
    return [
        table("unowned", _("Live cooperations without an owner"), UNOWNED, report.unowned),
        table("overloaded", _("Overloaded staff"), OVERLOADED, report.overloaded),
        table("languages", _("Partner languages"), LANGUAGES, report.languages),
        _overdue(report),
    ]
