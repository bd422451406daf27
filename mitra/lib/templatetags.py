"""Built-in template filters for every template (configured in `TEMPLATES["OPTIONS"]["builtins"]`):
the shared formatting of `mitra.lib.formatting`."""

from django import template

from mitra.lib import formatting

register = template.Library()

for _filter in (
    formatting.long_date,
    formatting.medium_date,
    formatting.moment,
    formatting.iso_date,
    formatting.iso_month,
    formatting.month_year,
    formatting.number,
    formatting.rupiah,
    formatting.person,
):
    register.filter(_filter.__name__, _filter)
