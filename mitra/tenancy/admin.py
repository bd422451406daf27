"""Admin for tenants and memberships; writes go through the services so the trail is kept."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from mitra.audit.models import AuditEntry
from mitra.audit.presenter import audit_rows, record_type
from mitra.audit.services import record_created, record_deleted, record_updated, snapshot
from mitra.lib.dates import ADMIN_DATE_OVERRIDES
from mitra.tenancy.admin_scope import (
    TenantPermissions,
    TenantScope,
    TenantScopedInline,
    administered_tenant,
)
from mitra.tenancy.models import Membership, Tenant
from mitra.tenancy.scope import tenant_path

# Django's admin calls itself "Django administration"; here it is Mitra's.
admin.site.site_header = _("Mitra administration")
admin.site.site_title = _("Mitra administration")


class AuditedAdmin(admin.ModelAdmin[Any]):
    """A ModelAdmin whose saves leave audit rows like every other write in Mitra."""

    formfield_overrides = ADMIN_DATE_OVERRIDES

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if change:
            before = snapshot(type(obj).objects.get(pk=obj.pk))
            super().save_model(request, obj, form, change)
            record_updated(obj, before, by=request.user)
        else:
            super().save_model(request, obj, form, change)
            record_created(obj, by=request.user)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        record_deleted(obj, by=request.user)
        super().delete_model(request, obj)


class TenantScopedAdmin(TenantPermissions, TenantScope, AuditedAdmin):
    """An audited admin of tenant-owned records; a tenant administrator sees only their own,
    through the model's path to its tenant declared in mitra/tenancy/scope.py."""

    def _owns_tenant_field(self) -> bool:
        return tenant_path(self.model) == "tenant"

    def get_exclude(self, request: HttpRequest, obj: Any = None) -> Any:
        exclude = list(super().get_exclude(request, obj) or [])
        if not request.user.is_superuser and self._owns_tenant_field():
            exclude.append("tenant")
        return exclude

    def get_list_filter(self, request: HttpRequest) -> Any:
        filters = list(super().get_list_filter(request))
        return filters if request.user.is_superuser else [f for f in filters if f != "tenant"]

    def get_list_display(self, request: HttpRequest) -> Any:
        shown = list(super().get_list_display(request))
        return shown if request.user.is_superuser else [f for f in shown if f != "tenant"]

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        if request.user.is_superuser or not self._owns_tenant_field():
            return form
        return _stamped_with_tenant(form, administered_tenant(request))

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change and not request.user.is_superuser and self._owns_tenant_field():
            obj.tenant = administered_tenant(request)
        super().save_model(request, obj, form, change)


def _stamped_with_tenant(form: Any, tenant: Tenant | None) -> Any:
    """The admin's form with the administrator's tenant on its new row before validation, so
    rules that include the tenant (a name unique within it) are checked on the form and refused
    with a message, rather than failing in the database."""

    class StampedForm(form):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            if self.instance.tenant_id is None and tenant is not None:
                self.instance.tenant = tenant

        def _get_validation_exclusions(self) -> Any:
            exclusions = super()._get_validation_exclusions()
            exclusions.discard("tenant")
            return exclusions

    return StampedForm


class MembershipInline(TenantScopedInline, admin.TabularInline[Membership, Tenant]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Tenant)
class TenantAdmin(TenantScope, AuditedAdmin):
    """Tenants are the superuser's; anybody else granted access sees only their own."""

    list_display = ["name", "region", "slug", "stale_after_days"]
    search_fields = ["name", "region__name"]
    autocomplete_fields = ["region"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(TenantScopedAdmin):
    """A tenant administrator changes the roles of their office; the central reviewer role
    belongs to no tenant, so it is not offered to them."""

    list_display = ["user", "tenant", "role"]
    list_filter = ["role", "tenant"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user"]

    def formfield_for_choice_field(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        field = super().formfield_for_choice_field(db_field, request, **kwargs)
        if field is not None and db_field.name == "role" and not request.user.is_superuser:
            central = Membership.Role.CENTRAL_REVIEWER
            field.choices = [(v, label) for v, label in Membership.Role.choices if v != central]
        return field


class RecordTypeFilter(admin.SimpleListFilter):
    """The audit trail by the kind of record, named as people call it ("dokumen"), not by the
    code of its model ("cooperations.document")."""

    title = _("type")
    parameter_name = "model_label"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        queryset = model_admin.get_queryset(request)
        labels = queryset.order_by().values_list("model_label", flat=True).distinct()
        shown = [(label, record_type(AuditEntry(model_label=label))) for label in labels]
        return sorted(shown, key=lambda pair: pair[1])

    def queryset(self, request: HttpRequest, queryset: Any) -> Any:
        return queryset.filter(model_label=self.value()) if self.value() else queryset


# The audit app sits below tenancy (it records any app's rows and imports none of them), so its
# tenant-scoped admin is registered here, where the scoping lives.
@admin.register(AuditEntry)
class AuditEntryAdmin(TenantScope, admin.ModelAdmin[AuditEntry]):
    list_display = ["at", "tenant", "user", "action", "record_type", "object_repr"]
    list_filter = ["action", RecordTypeFilter, "tenant"]
    search_fields = ["object_repr", "record"]
    date_hierarchy = "at"
    fields = ["at", "tenant", "user", "action", "record_type", "object_repr", "changes_shown"]
    readonly_fields = ["record_type", "changes_shown"]

    @admin.display(description=_("type"))
    def record_type(self, entry: AuditEntry) -> str:
        return record_type(entry)

    @admin.display(description=_("changes"))
    def changes_shown(self, entry: AuditEntry) -> str:
        """Each changed field by its label, with its values as the pages show them (labels,
        dates, names), not the stored JSON of codes."""
        (row,) = audit_rows([entry])
        return format_html_join(
            mark_safe("<br>"),
            "{}: {} → {}",
            ((change.field, change.old or "—", change.new or "—") for change in row.changes),
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
