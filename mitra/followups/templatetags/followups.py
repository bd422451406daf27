"""Follow-up panels for the cooperation and partner pages, so their views need not change."""

from datetime import date
from typing import Any

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from mitra.cooperations.models import Cooperation
from mitra.followups.models import Activity, Task
from mitra.followups.queries import cooperation_follow_up, last_contact
from mitra.lib.shortlist import first_rows
from mitra.lib.tenant_changes import remembered
from mitra.partners.models import Partner

register = template.Library()

RECENT = 5
OPEN_TASKS = 10


@register.inclusion_tag("followups/_cooperation_panel.html", takes_context=True)
def cooperation_followups(context: template.Context, coop: Cooperation) -> dict[str, Any]:
    """Last contact, the follow-up badge, the first open tasks and the recent activities of a
    cooperation; three queries however many there are."""
    today = timezone.localdate()
    key = ("cooperation follow-up", coop.pk, today, get_language())
    panel = remembered(coop.tenant, key, lambda: _follow_up_panel(coop, today))
    return {**panel, "coop": coop, "can_write": context.get("can_write", False), "today": today}


def _follow_up_panel(coop: Cooperation, today: date) -> dict[str, Any]:
    """The panel's facts, kept until the tenant's data changes (`lib.tenant_changes`): the
    follow-up's reasons alone were a fifth of the cooperation page's time."""
    reasons, last = cooperation_follow_up(coop, today)
    activities = Activity.objects.filter(cooperation=coop).select_related("partner")
    tasks = Task.objects.open().filter(cooperation=coop).select_related("assignee")
    return {
        "reasons": reasons,
        "last_contact": last,
        "tasks": first_rows(tasks, OPEN_TASKS),
        "activities": list(activities[:RECENT]),
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
