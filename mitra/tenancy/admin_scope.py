"""The Django admin for a tenant administrator: their own region's records only.

A superuser sees and changes everything, as Django's admin always does. A tenant administrator
(is_staff, with the `tenant_admin` role) needs no Django permissions: every tenant-owned admin
shows only the rows of their tenant, offers only their tenant's records in its choice fields,
and stamps new rows with their tenant; reference data (regions, countries, places, sectors) is
read-only for them. Anybody else on the admin site sees nothing.
"""

from typing import Any

from django.contrib import admin
from django.contrib.auth.models import User
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from mitra.tenancy.models import Membership, Tenant


def administered_tenant(request: HttpRequest) -> Tenant | None:
    """The tenant whose administrator is signed in to the admin; None for anybody else."""
    user = request.user
    if not user.is_authenticated or not user.is_staff:
        return None
    membership = (
        Membership.objects.filter(user_id=user.pk, role=Membership.Role.TENANT_ADMIN)
        .select_related("tenant")
        .order_by("pk")
        .first()
    )
    return membership.tenant if membership else None


def _has_tenant(model: type[models.Model]) -> bool:
    try:
        model._meta.get_field("tenant")
    except FieldDoesNotExist:
        return False
    return True


def limit_to_tenant(model: type[models.Model], queryset: QuerySet[Any], tenant: Tenant) -> Any:
    """A choice field's rows narrowed to one tenant: its own records, or its members."""
    if _has_tenant(model):
        return queryset.filter(tenant=tenant)
    if model is User:
        return queryset.filter(memberships__tenant=tenant).distinct()
    return queryset


class TenantPermissions:
    """Permission checks for admins and inlines: a superuser by Django's rules, a tenant
    administrator for their own tenant's rows (filtered by `get_queryset`), nobody else."""

    def _allowed(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser) or administered_tenant(request) is not None

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return self._allowed(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request)


class TenantChoices:
    """Foreign-key and many-to-many choices limited to the administrator's tenant."""

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]
        return self._limit(field, db_field, request)

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        field = super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[misc]
        return self._limit(field, db_field, request)

    def _limit(self, field: Any, db_field: Any, request: HttpRequest) -> Any:
        tenant = None if request.user.is_superuser else administered_tenant(request)
        if field is not None and tenant is not None and hasattr(field, "queryset"):
            field.queryset = limit_to_tenant(db_field.related_model, field.queryset, tenant)
        return field


class TenantInline(TenantPermissions, TenantChoices):
    """Mix into an inline of a tenant-scoped admin."""


class ReferenceDataAdmin(admin.ModelAdmin[Any]):
    """Reference data: a superuser edits it; a tenant administrator may look it up (the
    autocomplete of a partner's country or city needs that), never change it."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser) or administered_tenant(request) is not None
