"""Event formatting and the "planned signings" panel on a cooperation's page."""

from typing import Any

from django import template

from mitra.cooperations.models import Cooperation, Document
from mitra.events.models import PlannedSigning
from mitra.lib.tenant_changes import remembered

register = template.Library()


@register.filter
def document_kind_label(kind: str) -> str:
    try:
        return str(Document.Kind(kind).label)
    except ValueError:
        return kind


@register.inclusion_tag("events/_cooperation_signings.html")
def planned_signings(coop: Cooperation) -> dict[str, Any]:
    """The signings planned for this cooperation at the tenant's events, soonest first."""
    key = ("cooperation signings", coop.pk)
    return {"signings": remembered(coop.tenant, key, lambda: _signings(coop))}


def _signings(coop: Cooperation) -> list[PlannedSigning]:
    """Kept until the tenant's data changes (`lib.tenant_changes`)."""
    signings = (
        PlannedSigning.objects.filter(cooperation=coop, event__tenant_id=coop.tenant_id)
        .exclude(status=PlannedSigning.Status.CANCELLED)
        .select_related("event")
        .order_by("event__starts_on", "order", "pk")
    )
    return list(signings)
