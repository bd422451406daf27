from django.contrib import admin

from mitra.staff.models import StaffLanguage, StaffProfile
from mitra.tenancy.admin import TenantScopedAdmin
from mitra.tenancy.admin_scope import TenantInline


class StaffLanguageInline(TenantInline, admin.TabularInline[StaffLanguage, StaffProfile]):
    model = StaffLanguage
    extra = 0


@admin.register(StaffProfile)
class StaffProfileAdmin(TenantScopedAdmin):
    list_display = ["user", "tenant", "employment_type", "position", "max_load"]
    list_filter = ["tenant", "employment_type"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "position"]
    inlines = [StaffLanguageInline]
