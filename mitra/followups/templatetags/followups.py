"""Follow-up panels for the cooperation and partner pages, so their views need not change."""

from typing import Any

from django import template
from django.utils import timezone

from mitra.cooperations.models import Cooperation
from mitra.followups import rules
from mitra.followups.models import Activity, Task
from mitra.followups.queries import last_contact
from mitra.partners.models import Partner

register = template.Library()

RECENT = 5


@register.inclusion_tag("followups/_cooperation_panel.html", takes_context=True)
def cooperation_followups(context: template.Context, coop: Cooperation) -> dict[str, Any]:
    """Last contact, the follow-up badge, open tasks and recent activities of a cooperation."""
    gaps = rules.gaps_among(Cooperation.objects.filter(pk=coop.pk), coop.tenant)
    activities = Activity.objects.filter(cooperation=coop).select_related("partner")
    return {
        "coop": coop,
        "can_write": context.get("can_write", False),
        "reasons": gaps[0].reasons if gaps else [],
        "last_contact": last_contact(coop),
        "tasks": list(Task.objects.open().filter(cooperation=coop).select_related("assignee")),
        "activities": list(activities[:RECENT]),
        "today": timezone.localdate(),
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
