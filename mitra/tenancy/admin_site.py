"""Mitra's admin site: Django's, with an autocomplete that answers hostile requests with 403.

Django's autocomplete view accepts any field name of any model; given the name of a reverse
relation (`?app_label=partners&model_name=partner&field_name=cooperations`) it fails with a
server error. Only a forward relation may be looked up here; everything else is refused. The
rows it returns come from the target admin's `get_queryset`, scoped to the tenant
(admin_scope).
"""

from typing import Any

from axes.apps import AppConfig as AxesAppConfig
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.core.exceptions import PermissionDenied
from django.db.models import ForeignObjectRel
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class ForwardAutocompleteJsonView(AutocompleteJsonView):
    def process_request(self, request: HttpRequest) -> Any:
        found = super().process_request(request)
        if isinstance(found[2], ForeignObjectRel):  # the source field: a reverse relation
            raise PermissionDenied
        return found


class MitraAdminSite(admin.AdminSite):
    def autocomplete_view(self, request: HttpRequest) -> HttpResponse:
        return ForwardAutocompleteJsonView.as_view(admin_site=self)(request)  # type: ignore[return-value]


class MitraAdminConfig(AdminConfig):
    default_site = "mitra.tenancy.admin_site.MitraAdminSite"


# The apps Mitra installs name themselves in English on the admin's index ("Axes", "Tasks
# Database Backend"): the same apps under Indonesian names, through the catalogue.
class SignInProtectionConfig(AxesAppConfig):  # type: ignore[misc]  # axes has no types
    verbose_name = _("Sign-in protection")


class BackgroundJobsConfig(TasksAppConfig):
    verbose_name = _("Background jobs")  # type: ignore[assignment]  # lazy, as Django's own
