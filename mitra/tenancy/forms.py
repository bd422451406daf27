"""The tenant settings form: shapes and ranges; `update_tenant_settings` has the last word."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mitra.tenancy.models import Tenant, validate_day_windows
from mitra.tenancy.services import SETTINGS_DAYS

MIN_DAYS = SETTINGS_DAYS.start
MAX_DAYS = SETTINGS_DAYS.stop - 1
DAYS_ERROR = _("Enter a number of days between 7 and 730.")


def _days(label: Any, help_text: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        min_value=MIN_DAYS,
        max_value=MAX_DAYS,
        error_messages={
            "min_value": DAYS_ERROR,
            "max_value": DAYS_ERROR,
            "invalid": DAYS_ERROR,
            "required": _("Enter a number of days."),
        },
    )


class TenantSettingsForm(forms.Form):
    stale_after_days = _days(
        _("Follow-up needed after (days without activity)"),
        _("A cooperation still in procedure with no activity for this long is flagged."),
    )
    dormant_after_days = _days(
        _("Signed cooperation dormant after (days without activity)"),
        _("A signed cooperation with no activity for this long is marked dormant."),
    )
    reminder_task_days = forms.IntegerField(
        label=_("Remind of tasks due within (days)"),
        min_value=1,
        max_value=90,
        help_text=_("Assignees are reminded of open tasks due this soon, and of overdue ones."),
    )
    escalation_days = forms.IntegerField(
        label=_("Report overdue tasks to leadership after (days)"),
        min_value=1,
        max_value=90,
    )
    expiry_windows = forms.CharField(
        label=_("Remind of expiring documents (days before the end)"),
        max_length=50,
        validators=[validate_day_windows],
        help_text=_(
            "Comma-separated, for example 180,90,30. The dashboard lists the documents"
            " ending within the largest."
        ),
    )
    procedure_order = forms.ChoiceField(
        label=_("Order of DPRD approval and central verification (KSDPL/KSDLL)"),
        choices=Tenant.ProcedureOrder.choices,
        help_text=_(
            "Applies to new cooperations only: each cooperation keeps the order it was "
            "created with."
        ),
    )


def settings_initial(tenant: Tenant) -> dict[str, Any]:
    return {name: getattr(tenant, name) for name in TenantSettingsForm.base_fields}
