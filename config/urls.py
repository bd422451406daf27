from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from mitra.accounts.views import home
from mitra.api.api import api

urlpatterns = [
    path("", home, name="home"),
    # Django's language switch, without the CSRF check: it only sets the language cookie (no
    # session, nothing stored), and so every page, public ones too, can offer it without a
    # CSRF token, which would set a cookie and keep shared caches from keeping public pages.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
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
    path("files/", include("mitra.downloads.urls")),
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
