"""User accounts in the admin: a tenant administrator creates and edits their office's users.

A superuser keeps Django's whole user admin. A tenant administrator sees only the members of
their tenant, creates an account together with its role there (through the tenancy service, so
the membership is audited), and edits names, e-mail and whether the account is active; staff
status, superuser status, groups and permissions stay with the superuser.
"""

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from mitra.tenancy import services as tenancy_services
from mitra.tenancy.admin_scope import TenantPermissions, administered_tenant
from mitra.tenancy.models import Membership
from mitra.tenancy.scope import limit_to_tenant

TENANT_ROLES = [
    (role.value, role.label)
    for role in Membership.Role
    if role is not Membership.Role.CENTRAL_REVIEWER
]


class MemberCreationForm(AdminUserCreationForm[User]):
    role = forms.ChoiceField(label=_("Role"), choices=TENANT_ROLES)


class TenantUserAdmin(TenantPermissions, UserAdmin):  # type: ignore[type-arg]
    def get_queryset(self, request: HttpRequest) -> Any:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        tenant = administered_tenant(request)
        if tenant is None:
            return queryset.none()
        return limit_to_tenant(queryset, tenant).filter(is_superuser=False)

    def get_form(
        self, request: HttpRequest, obj: Any | None = None, change: bool = False, **kwargs: Any
    ) -> Any:
        if obj is None and not request.user.is_superuser:
            kwargs["form"] = MemberCreationForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        if request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        if obj is None:
            return [(None, {"fields": ["username", "password1", "password2", "role"]})]
        return [
            (None, {"fields": ["username", "password"]}),
            (_("Personal info"), {"fields": ["first_name", "last_name", "email"]}),
            (_("Status"), {"fields": ["is_active", "last_login", "date_joined"]}),
        ]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = list(super().get_readonly_fields(request, obj))
        return fields if request.user.is_superuser else [*fields, "last_login", "date_joined"]

    def get_list_filter(self, request: HttpRequest) -> Any:
        return super().get_list_filter(request) if request.user.is_superuser else ["is_active"]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        tenant = None if request.user.is_superuser else administered_tenant(request)
        if not change and tenant is not None and isinstance(request.user, User):
            role = form.cleaned_data["role"]
            if role == Membership.Role.TENANT_ADMIN:  # administrators use this admin too
                User.objects.filter(pk=obj.pk).update(is_staff=True)
            tenancy_services.add_member(obj, role, tenant=tenant, by=request.user)


admin.site.unregister(User)
admin.site.register(User, TenantUserAdmin)
