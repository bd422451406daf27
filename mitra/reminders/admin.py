from django.contrib import admin

from mitra.reminders.models import Reminder
from mitra.tenancy.admin_scope import TenantScope


@admin.register(Reminder)
class ReminderAdmin(TenantScope, admin.ModelAdmin[Reminder]):
    """Read-only: reminders are created and sent only by `mitra remind`."""

    list_display = ["recipient", "kind", "subject", "window", "due_at", "sent_at", "read_at"]
    list_filter = ["kind", "tenant"]
    list_select_related = ["recipient"]
    search_fields = ["subject", "recipient__username"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
