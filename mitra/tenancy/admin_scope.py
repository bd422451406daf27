"""The Django admin for a tenant administrator: their own region's records only.

A superuser sees and changes everything, as Django's admin always does. A tenant administrator
(is_staff, with the `tenant_admin` role) needs no Django permissions: every tenant-owned admin
shows only the rows of their tenant, offers only their tenant's records in its choice fields,
list filters and autocompletes, and stamps new rows with their tenant; reference data (regions,
countries, places, sectors) is read-only for them. Anybody else on the admin site sees nothing.
Which rows are a tenant's is declared once per model in mitra/tenancy/scope.py.
"""

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.admin.widgets import (
    AutocompleteSelect,
    AutocompleteSelectMultiple,
    FilteredSelectMultiple,
    ManyToManyRawIdWidget,
)
from django.db import models
from django.http import HttpRequest

from mitra.tenancy.models import Membership, Tenant, TenantLinks
from mitra.tenancy.scope import TENANT_SOURCES, is_tenant_owned, limit_to_tenant, stamp_tenant


def administered_tenant(request: HttpRequest) -> Tenant | None:
    """The tenant whose administrator is signed in to the admin; None for anybody else."""
    user = request.user
    if not user.is_authenticated or not user.is_staff:
        return None
    # Asked once per choice field and queryset of a page: looked up once per request.
    cached: tuple[Tenant | None] | None = getattr(request, "_administered_tenant", None)
    if cached is None:
        membership = (
            Membership.objects.filter(user_id=user.pk, role=Membership.Role.TENANT_ADMIN)
            .select_related("tenant")
            .order_by("pk")
            .first()
        )
        cached = (membership.tenant if membership else None,)
        request._administered_tenant = cached  # type: ignore[attr-defined]
    return cached[0]


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


def _keys_only(values: Any) -> list[Any]:
    """Posted choices that could be keys: Django's autocomplete widget looks the posted values
    up again to show them, and a value that is no number (a NUL, a word) would fail that query
    rather than come back as "not a valid choice" from the field."""
    keys = []
    for value in values:
        try:
            int(value)
        except (TypeError, ValueError):
            continue
        keys.append(value)
    return keys


class KeysOnlyAutocompleteSelect(AutocompleteSelect):
    def optgroups(self, name: str, value: Any, attr: Any = None) -> Any:
        return super().optgroups(name, _keys_only(value), attr)


class KeysOnlyAutocompleteSelectMultiple(AutocompleteSelectMultiple):
    def optgroups(self, name: str, value: Any, attr: Any = None) -> Any:
        return super().optgroups(name, _keys_only(value), attr)


class TenantChoices:
    """Foreign-key and many-to-many choices limited to the administrator's tenant, through
    each related model's declared path (mitra/tenancy/scope.py); shared data stays whole."""

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        self._keys_only_autocomplete(db_field, request, kwargs, KeysOnlyAutocompleteSelect)
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]
        return self._limit(field, request)

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if isinstance(db_field, TenantLinks):
            return self._limit(self._tenant_links_field(db_field, request, **kwargs), request)
        widget = KeysOnlyAutocompleteSelectMultiple
        self._keys_only_autocomplete(db_field, request, kwargs, widget)
        field = super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[misc]
        return self._limit(field, request)

    def _tenant_links_field(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        """Django's admin leaves out a many-to-many field with its own link model; the link
        rows of `TenantLinks` get their tenant when the form saves the field, so it is offered
        as any other: by raw ids, an autocomplete, or the two-pane chooser."""
        using = kwargs.get("using")
        if "widget" not in kwargs:
            if db_field.name in self.raw_id_fields:  # type: ignore[attr-defined]
                site = self.admin_site  # type: ignore[attr-defined]
                kwargs["widget"] = ManyToManyRawIdWidget(db_field.remote_field, site, using=using)
            elif db_field.name in self.get_autocomplete_fields(request):  # type: ignore[attr-defined]
                site = self.admin_site  # type: ignore[attr-defined]
                kwargs["widget"] = KeysOnlyAutocompleteSelectMultiple(db_field, site, using=using)
            else:
                kwargs["widget"] = FilteredSelectMultiple(db_field.verbose_name, is_stacked=False)
        if "queryset" not in kwargs:
            queryset = self.get_field_queryset(using, db_field, request)  # type: ignore[attr-defined]
            if queryset is not None:
                kwargs["queryset"] = queryset
        return db_field.formfield(**kwargs)

    def _keys_only_autocomplete(
        self, db_field: Any, request: HttpRequest, kwargs: dict[str, Any], widget: type[Any]
    ) -> None:
        autocomplete = self.get_autocomplete_fields(request)  # type: ignore[attr-defined]
        target = db_field.remote_field.model._meta.pk
        if "widget" in kwargs or db_field.name not in autocomplete:
            return
        by_key = getattr(db_field.remote_field, "field_name", None) in (None, target.name)
        if not (by_key and isinstance(target, models.IntegerField)):
            return  # chosen by another column than an integer key: Django's widget as it is
        kwargs["widget"] = widget(db_field, self.admin_site, using=kwargs.get("using"))  # type: ignore[attr-defined]

    def _limit(self, field: Any, request: HttpRequest) -> Any:
        if field is None or request.user.is_superuser or not hasattr(field, "queryset"):
            return field
        tenant = administered_tenant(request)
        queryset = field.queryset
        field.queryset = queryset.none() if tenant is None else limit_to_tenant(queryset, tenant)
        return field


class TenantScope(TenantChoices):
    """An admin or inline showing a tenant administrator their own tenant's rows only, through
    the model's declared path; anybody else but a superuser sees none."""

    def get_queryset(self, request: HttpRequest) -> Any:
        queryset = super().get_queryset(request)  # type: ignore[misc]
        if request.user.is_superuser:
            return queryset
        tenant = administered_tenant(request)
        return queryset.none() if tenant is None else limit_to_tenant(queryset, tenant)

    def get_list_filter(self, request: HttpRequest) -> Any:
        filters = list(super().get_list_filter(request))  # type: ignore[misc]
        if request.user.is_superuser:
            return filters
        return [_related_only(self.model, entry) for entry in filters]  # type: ignore[attr-defined]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        stamp_tenant(obj)  # a row whose tenant is its parent's takes it, whoever saves it
        super().save_model(request, obj, form, change)  # type: ignore[misc]


def _related_only(model: type[models.Model], entry: Any) -> Any:
    """A list filter over tenant-owned records offers only those the visible rows refer to:
    Django's plain related filter would list every tenant's."""
    if not isinstance(entry, str):
        return entry
    related = get_fields_from_path(model, entry)[-1].related_model
    if related is not None and is_tenant_owned(related):
        return (entry, admin.RelatedOnlyFieldListFilter)
    return entry


class TenantScopedInline(TenantScope):
    """An inline whose rows, choices and hidden row ids are its tenant's: a posted id of
    another tenant's row is refused as an invalid choice, not merely ignored."""

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        formset = _taking_the_parents_tenant(super().get_formset(request, obj, **kwargs))  # type: ignore[misc]
        if request.user.is_superuser:
            return formset
        tenant = administered_tenant(request)

        class ScopedFormSet(formset):  # type: ignore[misc,valid-type]
            def add_fields(self, form: Any, index: Any) -> None:
                super().add_fields(form, index)
                field = form.fields.get(self._pk_field.name)
                if isinstance(field, forms.ModelChoiceField) and field.queryset is not None:
                    rows = field.queryset
                    field.queryset = (
                        rows.none() if tenant is None else limit_to_tenant(rows, tenant)
                    )

        return ScopedFormSet


def _taking_the_parents_tenant(formset: Any) -> Any:
    """An inline formset whose rows take the tenant of the record they belong to
    (`TENANT_SOURCES`): before validation when the parent has one, so rules that include the
    tenant are checked on the form, and again when a new row is saved."""
    if formset.model._meta.label not in TENANT_SOURCES:
        return formset

    class Checked(formset.form):  # type: ignore[misc]
        def _get_validation_exclusions(self) -> Any:
            exclusions = super()._get_validation_exclusions()
            if self.instance.tenant_id is not None:
                exclusions.discard("tenant")
            return exclusions

    class Stamped(formset):  # type: ignore[misc]
        form = Checked

        def _construct_form(self, i: int, **kwargs: Any) -> Any:
            form = super()._construct_form(i, **kwargs)
            if getattr(self.instance, "tenant_id", None) is not None:
                form.instance.tenant_id = self.instance.tenant_id
            return form

        def save_new(self, form: Any, commit: bool = True) -> Any:
            setattr(form.instance, self.fk.name, self.instance)
            stamp_tenant(form.instance)
            return super().save_new(form, commit=commit)

    return Stamped


class TenantInline(TenantPermissions, TenantScopedInline):
    """Mix into an inline of a tenant-scoped admin."""


class ReferenceDataAdmin(admin.ModelAdmin[Any]):
    """Reference data: a superuser edits it; a tenant administrator may look it up (the
    autocomplete of a partner's country or city needs that), never change it."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser) or administered_tenant(request) is not None
