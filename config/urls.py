from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from mitra.accounts.views import home
from mitra.api.api import api

urlpatterns = [
    path("", home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("mitra.accounts.urls")),
    path("dashboard/", include("mitra.dashboard.urls")),
    path("cooperations/", include("mitra.cooperations.urls")),
    path("pipeline/", include("mitra.pipeline.urls")),
    path("partners/", include("mitra.partners.urls")),
    path("followups/", include("mitra.followups.urls")),
    path("events/", include("mitra.events.urls")),
    path("reviews/", include("mitra.reviews.urls")),
    path("notifications/", include("mitra.reminders.urls")),
    path("settings/", include("mitra.tenancy.urls")),
    path("staff/", include("mitra.staff.urls")),
    path("implementation/", include("mitra.implementation.urls")),
    path("intake/", include("mitra.intake.urls")),
    path("reports/", include("mitra.reports.urls")),
    path("import/", include("mitra.imports.urls")),
    path("api/v1/", api.urls),
    path("tokens/", include("mitra.api.urls")),
    path("public/", include("mitra.portal.urls")),
    path("admin/", admin.site.urls),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "mitra.accounts.views.bad_request"
handler403 = "mitra.accounts.views.permission_denied"
handler404 = "mitra.accounts.views.page_not_found"
handler500 = "mitra.accounts.views.server_error"
