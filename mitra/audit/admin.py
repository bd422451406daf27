from django.contrib import admin
from django.http import HttpRequest

from mitra.audit.models import AuditEntry
from mitra.tenancy.admin_scope import TenantScope


@admin.register(AuditEntry)
class AuditEntryAdmin(TenantScope, admin.ModelAdmin[AuditEntry]):
    list_display = ["at", "tenant", "user", "action", "model_label", "object_repr"]
    list_filter = ["action", "model_label", "tenant"]
    search_fields = ["object_repr", "record"]
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
