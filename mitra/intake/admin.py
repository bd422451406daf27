from django.contrib import admin

from mitra.intake.models import NewsItem, NewsLink
from mitra.tenancy.admin_scope import TenantScope, TenantScopedInline


class NewsLinkInline(TenantScopedInline, admin.TabularInline[NewsLink, NewsItem]):
    model = NewsLink
    extra = 0
    raw_id_fields = ("partner", "cooperation", "activity")


@admin.register(NewsItem)
class NewsItemAdmin(TenantScope, admin.ModelAdmin[NewsItem]):
    list_display = ("title", "status", "submitted_at", "submitted_by", "tenant")
    list_filter = ("status", "tenant")
    search_fields = ("source_name", "file_name", "source_url")
    raw_id_fields = ("similar_to", "submitted_by", "reviewed_by")
    readonly_fields = ("text_hash",)
    inlines = [NewsLinkInline]
