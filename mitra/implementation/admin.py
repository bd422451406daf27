from django.contrib import admin

from mitra.implementation.models import (
    Evaluation,
    Obligation,
    PlanItem,
    ProgressUpdate,
)
from mitra.lib.dates import ADMIN_DATE_OVERRIDES
from mitra.tenancy.admin_scope import TenantScope


@admin.register(PlanItem)
class PlanItemAdmin(TenantScope, admin.ModelAdmin[PlanItem]):
    formfield_overrides = ADMIN_DATE_OVERRIDES
    list_display = ["activity", "cooperation", "status", "recurrence", "start_date", "end_date"]
    list_filter = ["status", "recurrence"]
    search_fields = ["activity", "cooperation__title"]
    raw_id_fields = ["cooperation", "document", "agency", "counterpart_contact", "assignee"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(TenantScope, admin.ModelAdmin[ProgressUpdate]):
    formfield_overrides = ADMIN_DATE_OVERRIDES
    list_display = ["item", "date", "value"]
    raw_id_fields = ["item", "reported_by"]


@admin.register(Obligation)
class ObligationAdmin(TenantScope, admin.ModelAdmin[Obligation]):
    formfield_overrides = ADMIN_DATE_OVERRIDES
    list_display = ["item", "period_start", "due_date", "task"]
    raw_id_fields = ["item", "task", "event"]


@admin.register(Evaluation)
class EvaluationAdmin(TenantScope, admin.ModelAdmin[Evaluation]):
    formfield_overrides = ADMIN_DATE_OVERRIDES
    list_display = ["cooperation", "period_start", "period_end", "recommendation"]
    raw_id_fields = ["cooperation", "agreement", "report", "decision_task", "evaluated_by"]
