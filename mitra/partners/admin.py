from django.contrib import admin

from mitra.partners.models import Contact, Country, CountryAlias, Partner, PartnerAlias, Place
from mitra.tenancy.admin import TenantScopedAdmin
from mitra.tenancy.admin_scope import ReferenceDataAdmin, TenantInline


class CountryAliasInline(admin.TabularInline[CountryAlias, Country]):
    model = CountryAlias
    extra = 0


@admin.register(Country)
class CountryAdmin(ReferenceDataAdmin):
    list_display = ["code", "name_id", "name_en", "diplomatic_relations", "cooperation_blocked"]
    list_filter = ["diplomatic_relations", "cooperation_blocked"]
    search_fields = ["code", "name_id", "name_en", "aliases__alias"]
    inlines = [CountryAliasInline]


@admin.register(Place)
class PlaceAdmin(ReferenceDataAdmin):
    list_display = ["name", "country", "population"]
    list_filter = ["country"]
    search_fields = ["name", "names__key"]
    show_full_result_count = False


class PartnerAliasInline(TenantInline, admin.TabularInline[PartnerAlias, Partner]):
    model = PartnerAlias
    extra = 0


class ContactInline(TenantInline, admin.StackedInline[Contact, Partner]):
    model = Contact
    extra = 0


@admin.register(Partner)
class PartnerAdmin(TenantScopedAdmin):
    list_display = ["name", "kind", "country", "tenant"]
    list_filter = ["kind", "tenant"]
    search_fields = ["name", "aliases__alias"]
    autocomplete_fields = ["country", "place", "region"]
    inlines = [PartnerAliasInline, ContactInline]
