"""Formatting for review requests, and the tenant's status panel on a cooperation's page."""

from datetime import datetime
from typing import Any

from django import template
from django.utils import timezone

from mitra.cooperations.models import Cooperation
from mitra.reviews.access import reviews_for_cooperation
from mitra.reviews.models import ReviewRequest

register = template.Library()

Status = ReviewRequest.Status

STATUS_TONES: dict[str, str] = {
    Status.OPEN: "progress",
    Status.APPROVED: "active",
    Status.RETURNED: "warning",
    Status.REFUSED: "stopped",
    Status.CLOSED: "hold",
}


@register.filter
def review_tone(status: str) -> str:
    """The CSS modifier of a request's status badge."""
    return f"badge--{STATUS_TONES.get(status, 'progress')}"


@register.filter
def waiting_days(since: datetime | None) -> int:
    """Whole days since the request was opened."""
    if since is None:
        return 0
    return max((timezone.now() - since).days, 0)


@register.inclusion_tag("reviews/_status_panel.html", takes_context=True)
def review_status(context: template.Context, coop: Cooperation) -> dict[str, Any]:
    """The requests of a cooperation the tenant is looking at (one query), and whether the
    office may put it forward again (on hold, nothing open)."""
    reviews = reviews_for_cooperation(coop)
    on_hold = coop.state == Cooperation.State.ON_HOLD_CENTRAL_REVIEW
    nothing_open = not any(r.is_open for r in reviews)
    return {
        "coop": coop,
        "reviews": reviews,
        "can_resubmit": on_hold and nothing_open and bool(context.get("can_write")),
        "csrf_token": context.get("csrf_token"),
    }
