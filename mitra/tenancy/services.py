"""Giving users their roles and changing a tenant's settings, with an audit row for each (a
region becomes a tenant in `mitra.regions.services.create_tenant`)."""

from collections.abc import Mapping
from typing import TypedDict

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mitra.audit.services import record_created, record_updated, snapshot, unchanged
from mitra.lib.refusal import refuse_if
from mitra.tenancy.models import Membership, Tenant, parse_day_windows


@transaction.atomic
def add_member(user: User, role: str, *, tenant: Tenant | None, by: User | None) -> Membership:
    """Give `user` a role in `tenant` (central reviewers: no tenant)."""
    central = role == Membership.Role.CENTRAL_REVIEWER
    problems = []
    if central and tenant is not None:
        problems.append(_("A central reviewer belongs to no regional government."))
    if not central and tenant is None:
        problems.append(_("This role needs a regional government."))
    refuse_if(problems)
    membership = Membership.objects.create(user=user, tenant=tenant, role=role)
    record_created(membership, by=by)
    return membership


class TenantSettings(TypedDict, total=False):
    """The tenant's settings: what `update_settings` changes and a new tenant may start with."""

    stale_after_days: int
    dormant_after_days: int
    stale_progress_days: int
    evaluations_per_year: int
    renewal_lead_days: int
    reminder_task_days: int
    escalation_days: int
    expiry_windows: str
    procedure_order: str


REMINDER_DAYS = range(1, 91)
SETTINGS_DAYS = range(7, 731)  # a week to two years
# The settings counted in days, with the range each may take.
DAY_SETTINGS: dict[str, range] = {
    "stale_after_days": SETTINGS_DAYS,
    "dormant_after_days": SETTINGS_DAYS,
    "stale_progress_days": SETTINGS_DAYS,
    "renewal_lead_days": SETTINGS_DAYS,
    "reminder_task_days": REMINDER_DAYS,
    "escalation_days": REMINDER_DAYS,
}


def _label(name: str) -> str:
    return str(getattr(Tenant._meta.get_field(name), "verbose_name", name))


def _settings_problems(changes: Mapping[str, object]) -> list[str]:
    problems = [
        _("%(setting)s must be between %(min)s and %(max)s days.")
        % {"setting": _label(name), "min": days.start, "max": days.stop - 1}
        for name, days in DAY_SETTINGS.items()
        if name in changes and changes[name] not in days
    ]
    if "evaluations_per_year" in changes and (
        changes["evaluations_per_year"] not in Tenant.EvaluationCycle.values
    ):
        problems.append(_("Choose an evaluation cycle."))
    if "expiry_windows" in changes:
        try:
            parse_day_windows(str(changes["expiry_windows"]))
        except ValidationError as error:
            problems.extend(error.messages)
    if "procedure_order" in changes and changes["procedure_order"] not in (
        Tenant.ProcedureOrder.values
    ):
        problems.append(_("Unknown order of DPRD approval and central verification."))
    return problems


@transaction.atomic
def update_settings(
    tenant: Tenant,
    *,
    by: User | None,
    stale_after_days: int | None = None,
    dormant_after_days: int | None = None,
    stale_progress_days: int | None = None,
    evaluations_per_year: int | None = None,
    renewal_lead_days: int | None = None,
    reminder_task_days: int | None = None,
    escalation_days: int | None = None,
    expiry_windows: str | None = None,
    procedure_order: str | None = None,
) -> bool:
    """Change the tenant's settings given (None leaves one as it is), with one audit row
    holding each changed value before and after; nothing changes when one is refused.

    A new procedure order applies to cooperations created afterwards; each cooperation keeps
    the order it was created under. Whether anything changed: the same settings again save
    nothing and write no row.
    """
    given = {
        "stale_after_days": stale_after_days,
        "dormant_after_days": dormant_after_days,
        "stale_progress_days": stale_progress_days,
        "evaluations_per_year": evaluations_per_year,
        "renewal_lead_days": renewal_lead_days,
        "reminder_task_days": reminder_task_days,
        "escalation_days": escalation_days,
        "expiry_windows": expiry_windows,
        "procedure_order": procedure_order,
    }
    changes = {name: value for name, value in given.items() if value is not None}
    refuse_if(_settings_problems(changes))
    locked = Tenant.objects.select_for_update().get(pk=tenant.pk)
    before = snapshot(locked)
    for name, value in changes.items():
        setattr(locked, name, value)
        setattr(tenant, name, value)
    if unchanged(locked, before):
        return False
    locked.save(update_fields=list(changes))
    record_updated(locked, before, by=by)
    return True
