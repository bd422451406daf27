"""The cooperation register as a report table (`mitra.lib.reports`), written to XLSX or CSV.

Rows come from the same filters as the list page, so an export shows what the user filtered.
"""

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation
from mitra.lib.formatting import person
from mitra.lib.reports import Column, Table, table


def _countries(coop: Cooperation) -> str:
    partners = coop.partners.all()
    return "; ".join(dict.fromkeys(p.country.name for p in partners if p.country is not None))


COLUMNS: list[Column[Cooperation]] = [
    Column(_("Title"), lambda c: c.title, width=40),
    Column(_("Kind"), lambda c: workflow.abbreviation(c.kind), width=8),
    Column(_("Sub-form"), lambda c: c.get_sub_form_display(), width=24),
    Column(_("State"), lambda c: c.get_state_display(), width=24),
    Column(_("Partners"), lambda c: "; ".join(p.name for p in c.partners.all()), width=36),
    Column(_("Countries"), _countries, width=20),
    Column(_("Sectors"), lambda c: "; ".join(str(s) for s in c.sectors.all()), width=30),
    Column(_("Owner"), lambda c: person(c.owner) if c.owner else "", width=22),
    Column(_("Start"), lambda c: c.start_date, width=12),
    Column(_("End"), lambda c: c.end_date, width=12),
    Column(
        _("Last updated"),
        lambda c: timezone.localtime(c.updated_at).replace(tzinfo=None),
        width=18,
    ),
]


def register_table(queryset: QuerySet[Cooperation]) -> Table:
    """One row per cooperation, in a fixed number of queries however many there are."""
    cooperations = queryset.select_related("owner").prefetch_related("partners__country", "sectors")
    return table("cooperations", _("Cooperations"), COLUMNS, cooperations)
