"""The register under the list's filters, as an XLSX or CSV file the worker builds: it holds
every matching cooperation, and a big city has thousands."""

from django.utils.translation import gettext_lazy

from mitra.cooperations import exports, filters
from mitra.cooperations.forms import CooperationFilterForm
from mitra.cooperations.models import Cooperation
from mitra.downloads.kinds import Built, Kind, Order, Params, params_of, register
from mitra.lib import reports, sheets
from mitra.lib.reports import Table

XLSX, CSV = "cooperations.xlsx", "cooperations.csv"
QUERIED = 50  # the progress once the rows are read


def filter_params(form: CooperationFilterForm) -> Params:
    """The filters the form understood (an unknown value is left out, as on the list)."""
    form.is_valid()
    return params_of(form.data, [name for name in form.fields if name not in form.errors])


def _register(order: Order) -> Table:
    form = CooperationFilterForm(order.tenant, order.query())
    form.is_valid()
    matching = filters.filter_cooperations(
        Cooperation.objects.for_tenant(order.tenant), form.cleaned_data
    )
    register = exports.register_table(matching)
    order.progress(QUERIED)
    return register


def build_xlsx(order: Order) -> Built:
    return Built(reports.to_xlsx([_register(order)]), "cooperations.xlsx", sheets.XLSX_TYPE)


def build_csv(order: Order) -> Built:
    text = reports.to_csv(_register(order))
    return Built(text.encode("utf-8"), "cooperations.csv", sheets.CSV_TYPE)


def register_kinds() -> None:
    register(Kind(XLSX, gettext_lazy("Cooperation register (XLSX)"), build_xlsx))
    register(Kind(CSV, gettext_lazy("Cooperation register (CSV)"), build_csv))
