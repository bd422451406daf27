"""Formatting for review requests, and the tenant's view of them on a cooperation's page: the
notice at the top of the procedure and the history of requests further down."""

from datetime import datetime
from typing import Any

from django import template
from django.utils import timezone

from mitra.cooperations.models import Cooperation
from mitra.lib.tenant_changes import remembered
from mitra.reviews.access import reviews_for_cooperation
from mitra.reviews.models import STATE_OF_KIND, ReviewRequest
from mitra.reviews.status import central_status

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
    """Days since the request was opened, counted in calendar days of local time as every other
    count of days is (the step's time, the dashboard): 24-hour periods said "waiting 21 days"
    under "22 days at this step" for a request put forward on entering the step."""
    if since is None:
        return 0
    return max((timezone.localdate() - timezone.localdate(since)).days, 0)


@register.filter
def days_waited(review: ReviewRequest) -> int | None:
    """Whole days the request waited for the centre: until its decision, or until now while it
    is open; None for one closed without a decision."""
    end = timezone.now() if review.is_open else review.decided_at
    if end is None:
        return None
    return max((timezone.localdate(end) - timezone.localdate(review.opened_at)).days, 0)


def _reviews(coop: Cooperation) -> list[ReviewRequest]:
    """The cooperation's requests, read once for both panels of its page and kept until the
    tenant's data changes (`lib.tenant_changes`)."""
    key = ("cooperation reviews", coop.pk)
    return remembered(coop.tenant, key, lambda: reviews_for_cooperation(coop))


@register.inclusion_tag("reviews/_status_panel.html")
def review_status(coop: Cooperation) -> dict[str, Any]:
    """The requests of a cooperation the tenant is looking at, with their notes (one query)."""
    return {"coop": coop, "reviews": _reviews(coop)}


def _way_back(answer: ReviewRequest | None, procedure: dict[str, Any]) -> tuple[Any, bool]:
    """The next step on the way back to the centre after a returned request, and whether it
    puts the request before the centre at once: where the procedure asks for the DPRD first
    (council first, a verification returned), the way back starts with that step."""
    if answer is None or answer.kind == ReviewRequest.Kind.HOLD:
        return None, False
    back_into = STATE_OF_KIND[answer.kind]
    steps = procedure.get("next_steps", [])
    direct = next((s for s in steps if s.transition.target == back_into), None)
    if direct is not None:
        return direct, True
    return next(iter(steps), None), False


@register.inclusion_tag("reviews/_central_notice.html", takes_context=True)
def central_notice(
    context: template.Context, coop: Cooperation, procedure: dict[str, Any]
) -> dict[str, Any]:
    """The top of a cooperation's page: what waits at Kemendagri and for how long, or what
    Kemendagri sent back with its note and the way to put it forward again (one query)."""
    status = central_status(coop, _reviews(coop))
    on_hold = coop.state == Cooperation.State.ON_HOLD_CENTRAL_REVIEW
    can_write = bool(context.get("can_write"))
    step, direct = _way_back(status.answer, procedure) if can_write else (None, False)
    return {
        "coop": coop,
        "central": status,
        "on_hold": on_hold,
        "awaiting": procedure.get("awaiting_centre", []) if status.waiting else [],
        # A hold is put forward again by the reviews app itself; the other requests by the move
        # into the state under review, a step of the procedure.
        "can_resubmit_hold": can_write and on_hold and status.waiting is None,
        "resubmit_step": step,
        "resubmit_direct": direct,
        "can_write": can_write,
        "csrf_token": context.get("csrf_token"),
    }
