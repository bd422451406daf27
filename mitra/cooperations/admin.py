from django.contrib import admin

from mitra.cooperations.models import (
    Affair,
    Agency,
    Cooperation,
    CooperationEvent,
    Document,
    DocumentParty,
    Sector,
)
from mitra.tenancy.admin import TenantScopedAdmin
from mitra.tenancy.admin_scope import ReferenceDataAdmin, TenantInline


@admin.register(Sector)
class SectorAdmin(ReferenceDataAdmin):
    list_display = ["slug", "__str__"]


@admin.register(Affair)
class AffairAdmin(ReferenceDataAdmin):
    list_display = ["name", "group"]
    list_filter = ["group"]
    search_fields = ["name"]


@admin.register(Agency)
class AgencyAdmin(TenantScopedAdmin):
    list_display = ["name", "acronym", "tenant"]
    list_filter = ["tenant"]
    search_fields = ["name", "acronym"]


class CooperationEventInline(TenantInline, admin.TabularInline[CooperationEvent, Cooperation]):
    model = CooperationEvent
    extra = 0
    can_delete = False
    readonly_fields = ["at", "action", "source", "target", "by", "note"]

    def has_add_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(Cooperation)
class CooperationAdmin(TenantScopedAdmin):
    """State is read-only here: it changes only through the workflow service."""

    list_display = ["title", "kind", "state", "tenant", "updated_at"]
    list_filter = ["kind", "state", "tenant", "sectors"]
    search_fields = ["title", "summary", "partners__name"]
    readonly_fields = ["state"]
    # The many-to-many fields are `TenantLinks`: the two-pane chooser comes from the scoping
    # (mitra/tenancy/admin_scope.py), since Django's `filter_horizontal` refuses link models.
    inlines = [CooperationEventInline]


class DocumentPartyInline(TenantInline, admin.TabularInline[DocumentParty, Document]):
    model = DocumentParty
    extra = 0


@admin.register(Document)
class DocumentAdmin(TenantScopedAdmin):
    list_display = ["title", "kind", "cooperation", "date_signed", "valid_until"]
    list_filter = ["kind"]
    search_fields = ["title", "parties__number"]
    inlines = [DocumentPartyInline]
