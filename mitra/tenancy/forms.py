"""The tenant settings form: shapes and ranges; `update_settings` has the last word."""

from typing import Any

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mitra.tenancy.models import Tenant, ordered_kinds, validate_day_windows
from mitra.tenancy.services import SETTINGS_DAYS


def _order_label() -> str:
    return gettext("Order of DPRD approval and central verification (%(kinds)s)") % {
        "kinds": ordered_kinds()
    }


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
    """Every setting of the tenant, on one page for its administrator.

    The three inactivity thresholds judge different things and are kept apart: a live
    cooperation on the follow-up list, a signed cooperation moved to dormant, one item of a
    plan of action at risk.
    """

    stale_after_days = _days(
        _("Follow-up needed after (days without activity)"),
        _(
            "A cooperation still under way, in procedure or signed, with nothing recorded on it "
            "for this many days is put on the follow-up list. Its state does not change."
        ),
    )
    dormant_after_days = _days(
        _("Signed cooperation dormant after (days without activity)"),
        _(
            "A signed cooperation in implementation with nothing recorded on it for this many "
            "days is moved to the dormant state by the daily run; new activity revives it. "
            "Give more days than for the follow-up list, so that the office is warned first."
        ),
    )
    stale_progress_days = _days(
        _("Plan item at risk after (days without a progress report)"),
        _(
            "One item of a plan of action without a progress report for this many days is "
            "shown as at risk. Only a progress report on the item counts, not a meeting on the "
            "cooperation."
        ),
    )
    evaluations_per_year = forms.TypedChoiceField(
        label=_("Evaluation cycle"),
        coerce=int,
        choices=Tenant.EvaluationCycle.choices,
        help_text=_(
            "How often the implementation of each signed cooperation is evaluated: after each "
            "period the person responsible is given the evaluation as a task."
        ),
    )
    renewal_lead_days = _days(
        _("Renewal decision due (days before the agreement ends)"),
        _(
            "When an evaluation recommends renewing or ending an agreement, the decision task "
            "is due this many days before the agreement ends."
        ),
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
        label=lazy(_order_label, str)(),
        choices=Tenant.ProcedureOrder.choices,
        help_text=_(
            "Applies to new cooperations only: each cooperation keeps the order it was "
            "created with."
        ),
    )


def settings_initial(tenant: Tenant) -> dict[str, Any]:
    return {name: getattr(tenant, name) for name in TenantSettingsForm.base_fields}
