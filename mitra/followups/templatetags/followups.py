"""Follow-up panels for the cooperation and partner pages, so their views need not change."""

from typing import Any

from django import template
from django.utils import timezone

from mitra.cooperations.models import Cooperation
from mitra.followups.models import Activity, Task
from mitra.followups.queries import cooperation_follow_up, last_contact
from mitra.lib.shortlist import first_rows
from mitra.partners.models import Partner

register = template.Library()

RECENT = 5
OPEN_TASKS = 10


@register.inclusion_tag("followups/_cooperation_panel.html", takes_context=True)
def cooperation_followups(context: template.Context, coop: Cooperation) -> dict[str, Any]:
    """Last contact, the follow-up badge, the first open tasks and the recent activities of a
    cooperation; three queries however many there are."""
    today = timezone.localdate()
    reasons, last = cooperation_follow_up(coop, today)
    activities = Activity.objects.filter(cooperation=coop).select_related("partner")
    tasks = Task.objects.open().filter(cooperation=coop).select_related("assignee")
    return {
        "coop": coop,
        "can_write": context.get("can_write", False),
        "reasons": reasons,
        "last_contact": last,
        "tasks": first_rows(tasks, OPEN_TASKS),
        "activities": list(activities[:RECENT]),
        "today": today,
    }


@register.inclusion_tag("followups/_partner_panel.html", takes_context=True)
def partner_followups(context: template.Context, partner: Partner) -> dict[str, Any]:
    """Last contact and recent activities with a partner."""
    activities = Activity.objects.filter(partner=partner).select_related("cooperation")
    return {
        "partner": partner,
        "can_write": context.get("can_write", False),
        "last_contact": last_contact(partner),
        "activities": list(activities[:RECENT]),
    }
