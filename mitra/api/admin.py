from django.contrib import admin

from mitra.api.models import ApiToken
from mitra.tenancy.admin_scope import TenantScope


@admin.register(ApiToken)
class ApiTokenAdmin(TenantScope, admin.ModelAdmin[ApiToken]):
    """Tokens can be seen and found here, never made: the hash is not a token."""

    list_display = ["name", "prefix", "user", "tenant", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["tenant"]
    search_fields = ["name", "prefix", "user__username"]
    readonly_fields = [
        "user",
        "tenant",
        "name",
        "prefix",
        "token_hash",
        "created_at",
        "last_used_at",
        "revoked_at",
    ]

    def has_add_permission(self, request: object) -> bool:
        return False
