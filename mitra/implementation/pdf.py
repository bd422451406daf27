"""The evaluation report as a PDF: `implementation/evaluation_print.html` laid out by WeasyPrint
with this app's `print.css`.

WeasyPrint runs no script and the template links no file, so the page's Content-Security-Policy
has no part in it. The plan items are shown as they stood on the evaluation's date.
"""

from pathlib import Path
from typing import Any

from mitra.implementation.formatting import period_label
from mitra.implementation.models import Evaluation, PlanItem
from mitra.implementation.periods import Period
from mitra.implementation.progress import (
    benefit_rows,
    benefits_of,
    open_or_done,
    progress_of,
    target_lines,
    with_updates,
)
from mitra.implementation.queries import cycle_months
from mitra.lib.reports import to_pdf

PRINT_CSS = Path(__file__).with_name("print.css")


def report_context(evaluation: Evaluation) -> dict[str, Any]:
    """What the report shows: the evaluation, and the plan as it stood on its date."""
    coop = evaluation.cooperation
    items = with_updates(PlanItem.objects.filter(cooperation=coop))
    progresses = progress_of(
        items, evaluation.date, coop.tenant.stale_progress_days, as_of=evaluation.date
    )
    active = open_or_done(progresses)
    period = Period(evaluation.period_start, evaluation.period_end)
    return {
        "evaluation": evaluation,
        "coop": coop,
        "tenant": coop.tenant,
        "partners": list(coop.partners.all()),
        "period_label": period_label(period, cycle_months(coop.tenant)),
        "progresses": progresses,
        "targets": target_lines(active),
        "benefits": benefit_rows(benefits_of(active)),
    }


def render_evaluation_pdf(evaluation: Evaluation) -> bytes:
    """The evaluation report, A4 portrait, in the active language."""
    return to_pdf("implementation/evaluation_print.html", report_context(evaluation), PRINT_CSS)
