from django.contrib import admin

from mitra.implementation.models import (
    Evaluation,
    ImplementationSettings,
    Obligation,
    PlanItem,
    ProgressUpdate,
)
from mitra.tenancy.admin_scope import TenantScope


@admin.register(PlanItem)
class PlanItemAdmin(TenantScope, admin.ModelAdmin[PlanItem]):
    list_display = ["activity", "cooperation", "status", "recurrence", "start_date", "end_date"]
    list_filter = ["status", "recurrence"]
    search_fields = ["activity", "cooperation__title"]
    raw_id_fields = ["cooperation", "document", "agency", "counterpart_contact", "assignee"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(TenantScope, admin.ModelAdmin[ProgressUpdate]):
    list_display = ["item", "date", "value"]
    raw_id_fields = ["item", "reported_by"]


@admin.register(Obligation)
class ObligationAdmin(TenantScope, admin.ModelAdmin[Obligation]):
    list_display = ["item", "period_start", "due_date", "task"]
    raw_id_fields = ["item", "task", "event"]


@admin.register(Evaluation)
class EvaluationAdmin(TenantScope, admin.ModelAdmin[Evaluation]):
    list_display = ["cooperation", "period_start", "period_end", "recommendation"]
    raw_id_fields = ["cooperation", "agreement", "report", "decision_task", "evaluated_by"]


@admin.register(ImplementationSettings)
class ImplementationSettingsAdmin(TenantScope, admin.ModelAdmin[ImplementationSettings]):
    pass
