"""Built-in template filters for every template (configured in `TEMPLATES["OPTIONS"]["builtins"]`):
the shared formatting of `mitra.lib.formatting`, and a due date judged by `mitra.lib.deadlines`."""

from datetime import date

from django import template
from django.utils import timezone

from mitra.lib import deadlines, formatting

register = template.Library()

for _filter in (
    formatting.long_date,
    formatting.medium_date,
    formatting.moment,
    formatting.long_moment,
    formatting.iso_date,
    formatting.iso_month,
    formatting.month_year,
    formatting.number,
    formatting.rupiah,
    formatting.person,
):
    register.filter(_filter.__name__, _filter)


@register.filter
def due_status(day: date | None, soon_days: int = deadlines.SOON_DAYS) -> deadlines.DueDate | None:
    """`day` judged against today in the installation's time zone, for `_due.html`:
    `{% include "_due.html" with due=task.due_date|due_status %}`."""
    if day is None:
        return None
    return deadlines.due_status(day, timezone.localdate(), soon_days=soon_days)
