from django.contrib import admin
from django.utils.translation import gettext_lazy

from mitra.reminders.models import Reminder
from mitra.tenancy.admin_scope import TenantScope


@admin.register(Reminder)
class ReminderAdmin(TenantScope, admin.ModelAdmin[Reminder]):
    """Read-only: reminders are created and sent only by `mitra remind`."""

    # What the reminder says, not the codes it is kept under ("followups.task:8", its details).
    list_display = ["recipient", "kind", "title", "due_at", "sent_at", "read_at"]
    fields = ["recipient", "kind", "title", "url", "due_at", "created_at", "sent_at", "read_at"]
    readonly_fields = ["title", "created_at"]  # set when the reminder is made, never edited
    list_filter = ["kind", "tenant"]
    list_select_related = ["recipient"]
    search_fields = ["subject", "recipient__username"]

    @admin.display(description=gettext_lazy("reminder"))
    def title(self, reminder: Reminder) -> str:
        try:
            return reminder.title
        except (KeyError, TypeError, ValueError):  # details not in the shape its kind writes
            return str(reminder)

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
