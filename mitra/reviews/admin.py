from django.contrib import admin

from mitra.reviews.models import ReviewRequest
from mitra.tenancy.admin_scope import TenantScope


@admin.register(ReviewRequest)
class ReviewRequestAdmin(TenantScope, admin.ModelAdmin[ReviewRequest]):
    """Read-only: requests are opened and decided only through `reviews.services`."""

    list_display = ["cooperation", "tenant", "kind", "status", "opened_at", "decided_at"]
    list_filter = ["status", "kind", "tenant"]
    list_select_related = ["cooperation", "tenant"]
    search_fields = ["cooperation__title"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
