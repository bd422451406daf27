"""Admin for tenants and memberships; writes go through the services so the trail is kept."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from mitra.audit.services import record_created, record_updated, snapshot
from mitra.tenancy.models import Membership, Tenant


class AuditedAdmin(admin.ModelAdmin[Any]):
    """A ModelAdmin whose saves leave audit rows like every other write in Mitra."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if change:
            before = snapshot(type(obj).objects.get(pk=obj.pk))
            super().save_model(request, obj, form, change)
            record_updated(obj, before, by=request.user)
        else:
            super().save_model(request, obj, form, change)
            record_created(obj, by=request.user)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        from mitra.audit.services import record_deleted

        record_deleted(obj, by=request.user)
        super().delete_model(request, obj)


class MembershipInline(admin.TabularInline[Membership, Tenant]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Tenant)
class TenantAdmin(AuditedAdmin):
    list_display = ["name", "region", "slug", "stale_after_days"]
    search_fields = ["name", "region__name"]
    autocomplete_fields = ["region"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ["user", "tenant", "role"]
    list_filter = ["role", "tenant"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user"]
