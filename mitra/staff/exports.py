"""The capacity report as tables, written to XLSX (one sheet per table) or CSV (one table)."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from mitra.lib import sheets
from mitra.staff.queries import CapacityReport

Cell = str | int | date | None


@dataclass(frozen=True)
class Table:
    slug: str
    title: str
    headers: list[str]
    rows: list[list[Cell]]


def _name(user: object) -> str:
    return str(getattr(user, "get_full_name", lambda: "")() or user)


def _unowned(report: CapacityReport) -> Table:
    rows: list[list[Cell]] = [
        [c.title, c.get_state_display(), ", ".join(p.name for p in c.partners.all())]
        for c in report.unowned
    ]
    return Table(
        "unowned",
        _("Live cooperations without an owner"),
        [_("Cooperation"), _("State"), _("Partners")],
        rows,
    )


def _overloaded(report: CapacityReport) -> Table:
    headers = [
        _("Person"),
        _("Open tasks"),
        _("Overdue tasks"),
        _("Cooperations"),
        _("Load"),
        _("Maximum load"),
    ]
    rows: list[list[Cell]] = [
        [_name(w.user), w.open_tasks, w.overdue_tasks, w.cooperations, w.load, w.max_load]
        for w in report.overloaded
    ]
    return Table("overloaded", _("Overloaded staff"), headers, rows)


def _languages(report: CapacityReport) -> Table:
    rows: list[list[Cell]] = [
        [
            row.name,
            row.code,
            "; ".join(f"{c.partner.name} ×{c.cooperations}" for c in row.partners),
            sum(c.cooperations for c in row.partners),
            "; ".join(f"{_name(s.user)} ({s.level_label})" for s in row.speakers),
            _("yes") if row.covered else _("no"),
        ]
        for row in report.languages
    ]
    headers = [
        _("Language"),
        _("Code"),
        _("Partners"),
        _("Cooperations"),
        _("Staff who speak it (level)"),
        _("Covered"),
    ]
    return Table("languages", _("Partner languages"), headers, rows)


def _overdue(report: CapacityReport) -> Table:
    rows: list[list[Cell]] = [
        [
            _name(row.user),
            task.title,
            task.cooperation.title if task.cooperation else "",
            task.due_date,
            (report.today - task.due_date).days,
        ]
        for row in report.overdue
        for task in row.tasks
    ]
    headers = [_("Person"), _("Task"), _("Cooperation"), _("Due date"), _("Days overdue")]
    return Table("overdue", _("Overdue follow-up by person"), headers, rows)


def report_tables(report: CapacityReport) -> list[Table]:
    return [_unowned(report), _overloaded(report), _languages(report), _overdue(report)]


def to_xlsx(tables: list[Table]) -> bytes:
    """One sheet per table: bold header row frozen in place, numbers and dates as typed cells."""
    return sheets.to_xlsx(tables)


def to_csv(table: Table) -> str:
    return sheets.to_csv(table.headers, table.rows)
