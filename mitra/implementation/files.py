"""The implementation overview's XLSX as a file the worker builds: a row per signed cooperation
and per plan item, which grow with the tenant."""

from django.utils import timezone
from django.utils.translation import gettext_lazy

from mitra.downloads.kinds import Built, Kind, Order, register
from mitra.implementation.exports import overview_tables
from mitra.implementation.overview import overview
from mitra.lib import reports, sheets

XLSX = "implementation.xlsx"
QUERIED = 50  # the progress once the figures are read


def build_xlsx(order: Order) -> Built:
    report = overview(order.tenant, timezone.localdate())
    order.progress(QUERIED)
    name = f"implementation-{order.tenant.slug}-{report.today.isoformat()}.xlsx"
    return Built(reports.to_xlsx(overview_tables(report)), name, sheets.XLSX_TYPE)


def register_kinds() -> None:
    register(Kind(XLSX, gettext_lazy("Implementation overview (XLSX)"), build_xlsx))
