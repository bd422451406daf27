from django.contrib import admin

from mitra.events.models import Event, PlannedSigning
from mitra.tenancy.admin import TenantScopedAdmin
from mitra.tenancy.admin_scope import TenantInline


class PlannedSigningInline(TenantInline, admin.TabularInline[PlannedSigning, Event]):
    model = PlannedSigning
    extra = 0
    raw_id_fields = ["cooperation", "document"]
    readonly_fields = ["status", "action", "document"]


@admin.register(Event)
class EventAdmin(TenantScopedAdmin):
    list_display = ["name", "place", "starts_on", "ends_on", "tenant"]
    list_filter = ["tenant"]
    search_fields = ["name", "place"]
    raw_id_fields = ["cooperations"]
    inlines = [PlannedSigningInline]
