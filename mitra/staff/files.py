"""The capacity report's XLSX and CSV as files the worker builds: they list every unowned
cooperation and overdue task, which grow with the tenant."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mitra.downloads.kinds import Built, CannotBuild, Kind, Order, register
from mitra.lib import reports, sheets
from mitra.staff import exports, queries

XLSX, CSV = "staff.capacity_xlsx", "staff.capacity_csv"
# The report's tables, each also a CSV of its own (`exports.report_tables` makes them).
TABLES = ("unowned", "overloaded", "languages", "overdue")
QUERIED = 50  # the progress once the figures are read


def build_xlsx(order: Order) -> Built:
    report = queries.capacity_report(order.tenant)
    order.progress(QUERIED)
    content = reports.to_xlsx(exports.report_tables(report))
    return Built(content, f"capacity-{report.today}.xlsx", sheets.XLSX_TYPE)


def build_csv(order: Order) -> Built:
    slug = (order.params.get("table") or [""])[0]
    report = queries.capacity_report(order.tenant)
    order.progress(QUERIED)
    tables = {t.slug: t for t in exports.report_tables(report)}
    if slug not in tables:
        raise CannotBuild(_("The capacity report has no such table."))
    text = reports.to_csv(tables[slug])
    return Built(text.encode("utf-8"), f"{slug}-{report.today}.csv", sheets.CSV_TYPE)


def register_kinds() -> None:
    register(Kind(XLSX, gettext_lazy("Staff capacity (XLSX)"), build_xlsx))
    register(Kind(CSV, gettext_lazy("Staff capacity, one table (CSV)"), build_csv))
