"""Giving users their roles and changing a tenant's settings, with an audit row for each (a
region becomes a tenant in `mitra.regions.services.create_tenant`)."""

from collections.abc import Mapping
from typing import Any, TypedDict, Unpack

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mitra.audit.services import record_created, record_updated, snapshot
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


REMINDER_DAYS = range(1, 91)
SETTINGS_DAYS = range(7, 731)  # a week to two years


class TenantSettings(TypedDict, total=False):
    """What a tenant admin may change on the settings page, through `update_tenant_settings`."""

    stale_after_days: int
    dormant_after_days: int
    procedure_order: str
    reminder_task_days: int
    escalation_days: int
    expiry_windows: str


SETTINGS_FIELDS = frozenset(TenantSettings.__annotations__)


def _settings_problems(fields: Mapping[str, Any]) -> list[str]:
    problems = [
        _("Unknown setting: %(name)s.") % {"name": name} for name in fields.keys() - SETTINGS_FIELDS
    ]
    for name in ("stale_after_days", "dormant_after_days"):
        if name in fields and fields[name] not in SETTINGS_DAYS:
            problems.append(
                _("%(setting)s must be between %(min)s and %(max)s days.")
                % {
                    "setting": getattr(Tenant._meta.get_field(name), "verbose_name", name),
                    "min": SETTINGS_DAYS.start,
                    "max": SETTINGS_DAYS.stop - 1,
                }
            )
    for name in ("reminder_task_days", "escalation_days"):
        if name in fields and fields[name] not in REMINDER_DAYS:
            problems.append(
                _("%(setting)s must be between %(min)s and %(max)s days.")
                % {
                    "setting": getattr(Tenant._meta.get_field(name), "verbose_name", name),
                    "min": REMINDER_DAYS.start,
                    "max": REMINDER_DAYS.stop - 1,
                }
            )
    if "expiry_windows" in fields:
        try:
            parse_day_windows(fields["expiry_windows"])
        except ValidationError as error:
            problems.extend(error.messages)
    order = fields.get("procedure_order", Tenant.ProcedureOrder.COUNCIL_FIRST)
    if order not in Tenant.ProcedureOrder.values:
        problems.append(_("Unknown order of DPRD approval and central verification."))
    return problems


@transaction.atomic
def update_tenant_settings(
    tenant: Tenant, *, by: User | None, **fields: Unpack[TenantSettings]
) -> Tenant:
    """Change a tenant's follow-up thresholds and procedure order, with an audit row.

    A new procedure order applies to cooperations created afterwards; each cooperation keeps
    the order it was created under.
    """
    refuse_if(_settings_problems(fields))
    before = snapshot(tenant)
    for name, value in fields.items():
        setattr(tenant, name, value)
    tenant.save(update_fields=list(fields))
    record_updated(tenant, before, by=by)
    return tenant
