from django.contrib import admin

from mitra.regions.models import Region, RegionAlias
from mitra.tenancy.admin_scope import ReferenceDataAdmin


class RegionAliasInline(admin.TabularInline[RegionAlias, Region]):
    model = RegionAlias
    extra = 0


@admin.register(Region)
class RegionAdmin(ReferenceDataAdmin):
    list_display = ["dotted_code", "name", "type", "province"]
    list_filter = ["type"]
    search_fields = ["code", "dotted_code", "name", "aliases__alias"]
    inlines = [RegionAliasInline]
