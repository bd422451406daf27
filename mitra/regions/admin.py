from django.contrib import admin

from mitra.regions.models import Region, RegionAlias


class RegionAliasInline(admin.TabularInline[RegionAlias, Region]):
    model = RegionAlias
    extra = 0


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin[Region]):
    list_display = ["dotted_code", "name", "type", "province"]
    list_filter = ["type"]
    search_fields = ["code", "dotted_code", "name", "aliases__alias"]
    inlines = [RegionAliasInline]
