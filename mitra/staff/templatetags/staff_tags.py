"""Formatting for the staff templates and the "suggested officers" panel of a cooperation."""

from typing import Any

from django import template

from mitra.cooperations.models import Cooperation
from mitra.staff.languages import language_name
from mitra.staff.models import Competency
from mitra.staff.queries import suggest_assignees

register = template.Library()
SHOWN_SUGGESTIONS = 3


@register.filter
def competency_labels(slugs: list[str]) -> list[str]:
    labels = dict(Competency.choices)
    return [str(labels.get(slug, slug)) for slug in slugs or []]


@register.filter
def language_label(code: str) -> str:
    return language_name(code)


@register.inclusion_tag("staff/_suggestions.html", takes_context=True)
def suggested_officers(context: template.Context, coop: Cooperation) -> dict[str, Any]:
    """The best few staff for a cooperation, for writing roles only (a handful of queries)."""
    if not context.get("can_write"):
        return {"shown": False}
    return {
        "shown": True,
        "coop": coop,
        "suggestions": suggest_assignees(coop)[:SHOWN_SUGGESTIONS],
        "csrf_token": context.get("csrf_token"),
    }
