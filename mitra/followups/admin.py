from django.contrib import admin

from mitra.followups.models import Activity, Task
from mitra.tenancy.admin import TenantScopedAdmin


@admin.register(Activity)
class ActivityAdmin(TenantScopedAdmin):
    list_display = ("date", "title", "kind", "tenant")
    list_filter = ("kind", "tenant")
    raw_id_fields = ("cooperation", "partner", "recorded_by")


@admin.register(Task)
class TaskAdmin(TenantScopedAdmin):
    list_display = ("title", "assignee", "due_date", "status", "tenant")
    list_filter = ("status", "tenant")
    raw_id_fields = ("cooperation", "activity", "assignee", "created_by")
