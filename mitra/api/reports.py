"""/api/v1/reports: the tenant's cooperation report for a period, as data (the page's PDF and XLSX
are made from the same `build_report`)."""

from typing import Annotated, Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from mitra.api.binding import check
from mitra.api.errors import READ_ERRORS
from mitra.api.fields import Day, OneOf
from mitra.reports.forms import CUSTOM, QUARTER, YEAR, PeriodForm
from mitra.reports.periods import FIRST_YEAR, LAST_YEAR
from mitra.reports.queries import Report, build_report
from mitra.tenancy.access import require_tenant

router = Router(tags=["reports"])


class PeriodFilters(Schema):
    period: Annotated[str, OneOf([YEAR, QUARTER, CUSTOM])] = Field(
        YEAR, description="year (with `year`), quarter (with `year` and `quarter`) or custom"
    )
    year: Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)] | None = Field(
        None, description="Default: the current year"
    )
    quarter: Annotated[int, OneOf([1, 2, 3, 4])] | None = None
    start: Day | None = Field(None, description="First day of a custom period")
    end: Day | None = Field(None, description="Last day of a custom period, included")


def _form_data(filters: PeriodFilters) -> dict[str, Any]:
    data = {name: value for name, value in filters.dict().items() if value is not None}
    if filters.period in (YEAR, QUARTER) and filters.year is None:
        data["year"] = timezone.localdate().year
    return data


@router.get("/reports", response={200: Report, **READ_ERRORS})
def get_report(request: HttpRequest, filters: Query[PeriodFilters]) -> Report:
    """The register of the period with its summaries, time per step and follow-up health; a
    province also gets the roll-up of its regencies and cities."""
    tenant = require_tenant(request)
    form = PeriodForm(_form_data(filters))
    check(form, ("query",))
    start, end = form.dates()
    return build_report(tenant, start=start, end=end)
