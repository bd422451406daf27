"""Which tenant each model's rows belong to: the one place the admin and the forms ask.

Every model of the installation is declared here exactly once: tenant-owned with the lookup
path from the model to its tenant (`document → cooperation → tenant`), shared reference data
that every tenant reads alike (regions, countries, places, sectors, affairs), or installation
data that belongs to no tenant (Django's own tables). A test fails for a model declared nowhere,
so a new model cannot reach the admin or a form's choices without saying whose it is.
"""

from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import models
from django.db.models import QuerySet

from mitra.tenancy.models import Tenant

# Model label → the lookup from the model to its Tenant ("pk" for the Tenant itself). Every
# tenant-owned table carries its own `tenant` column (docs/scaling.md), so the path is that
# column; a user's is through their memberships.
TENANT_PATHS: dict[str, str] = {
    "tenancy.Tenant": "pk",
    "tenancy.Membership": "tenant",
    # A user belongs to the tenants they are a member of; central reviewers to none.
    "auth.User": "memberships__tenant",
    "partners.Partner": "tenant",
    "partners.PartnerAlias": "tenant",
    "partners.Contact": "tenant",
    "cooperations.Agency": "tenant",
    "cooperations.Cooperation": "tenant",
    "cooperations.CooperationPartner": "tenant",
    "cooperations.CooperationSector": "tenant",
    "cooperations.CooperationAffair": "tenant",
    "cooperations.CooperationAgency": "tenant",
    "cooperations.CooperationEvent": "tenant",
    "cooperations.Document": "tenant",
    "cooperations.DocumentParty": "tenant",
    "cooperations.Consideration": "tenant",
    "audit.AuditEntry": "tenant",
    "reviews.ReviewRequest": "tenant",
    "followups.Activity": "tenant",
    "followups.ActivityStaff": "tenant",
    "followups.ActivityContact": "tenant",
    "followups.Task": "tenant",
    "events.Event": "tenant",
    "events.EventCooperation": "tenant",
    "events.PlannedSigning": "tenant",
    "events.CalendarFeed": "tenant",
    "staff.StaffProfile": "tenant",
    "staff.StaffSector": "tenant",
    "staff.StaffLanguage": "tenant",
    "reminders.Reminder": "tenant",
    "implementation.PlanItem": "tenant",
    "implementation.ProgressUpdate": "tenant",
    "implementation.Obligation": "tenant",
    "implementation.Evaluation": "tenant",
    "implementation.EvaluationReminder": "tenant",
    "implementation.IntendedOutput": "tenant",
    "intake.NewsItem": "tenant",
    "intake.NewsLink": "tenant",
    "imports.ImportRun": "tenant",
    "imports.ImportedCooperation": "tenant",
    "api.ApiToken": "tenant",
    "portal.Publication": "tenant",
    "portal.PortalPage": "tenant",
    "downloads.GeneratedFile": "tenant",
}

# Model label → the field naming the parent whose tenant the row copies. The services set it
# when they write the row (a document takes its cooperation's tenant); the admin does the same
# for the rows it writes; a test checks every such row agrees with its parent.
TENANT_SOURCES: dict[str, str] = {
    "partners.PartnerAlias": "partner",
    "partners.Contact": "partner",
    "cooperations.CooperationPartner": "cooperation",
    "cooperations.CooperationSector": "cooperation",
    "cooperations.CooperationAffair": "cooperation",
    "cooperations.CooperationAgency": "cooperation",
    "cooperations.CooperationEvent": "cooperation",
    "cooperations.Consideration": "cooperation",
    "cooperations.Document": "cooperation",
    "cooperations.DocumentParty": "document",
    "followups.ActivityStaff": "activity",
    "followups.ActivityContact": "activity",
    "events.EventCooperation": "event",
    "events.PlannedSigning": "event",
    "staff.StaffSector": "profile",
    "staff.StaffLanguage": "profile",
    "implementation.ProgressUpdate": "item",
    "implementation.Obligation": "item",
    "implementation.EvaluationReminder": "cooperation",
    "intake.NewsLink": "news_item",
    "imports.ImportedCooperation": "run",
}

# Shared reference data: the same rows for every tenant, offered to all of them unfiltered.
REFERENCE_DATA: frozenset[str] = frozenset(
    {
        "regions.Region",
        "regions.RegionAlias",
        "partners.Country",
        "partners.CountryAlias",
        "partners.Place",
        "partners.PlaceName",
        "cooperations.Sector",
        "cooperations.Affair",
    }
)

# The installation's own tables: no tenant's data, and only a superuser manages them.
INSTALLATION_DATA: frozenset[str] = frozenset(
    {
        "admin.LogEntry",
        "auth.Permission",
        "auth.Group",
        "contenttypes.ContentType",
        "sessions.Session",
        "django_tasks_database.DBTaskResult",
        # Login attempts and lockouts (django-axes): by username and address, before any tenant.
        "axes.AccessAttempt",
        "axes.AccessAttemptExpiration",
        "axes.AccessFailureLog",
        "axes.AccessLog",
    }
)


def tenant_path(model: type[models.Model]) -> str | None:
    """The lookup from `model` to its tenant; None for shared data. Undeclared models raise."""
    label = model._meta.label
    if label in TENANT_PATHS:
        return TENANT_PATHS[label]
    if label in REFERENCE_DATA or label in INSTALLATION_DATA:
        return None
    raise ImproperlyConfigured(
        f"{label} is declared neither tenant-owned nor shared in mitra/tenancy/scope.py."
    )


def is_tenant_owned(model: type[models.Model]) -> bool:
    return tenant_path(model) is not None


def limit_to_tenant(queryset: QuerySet[Any], tenant: Tenant) -> QuerySet[Any]:
    """`queryset` narrowed to the rows of `tenant`, through the model's declared path."""
    path = tenant_path(queryset.model)
    if path is None:
        return queryset
    if _crosses_many(queryset.model, path):
        # A to-many path would repeat rows; a subquery keeps the queryset free of DISTINCT.
        owned = queryset.model._default_manager.filter(**{path: tenant.pk}).values("pk")
        return queryset.filter(pk__in=owned)
    return queryset.filter(**{path: tenant.pk})


def _crosses_many(model: type[models.Model], path: str) -> bool:
    for name in path.split("__")[:-1]:
        field = model._meta.get_field(name)
        if field.one_to_many or field.many_to_many:
            return True
        assert field.related_model is not None  # noqa: S101 (a path walks relations)
        model = field.related_model
    return False


def stamp_tenant(obj: models.Model) -> None:
    """Give a row whose tenant is its parent's (`TENANT_SOURCES`) the parent's tenant."""
    source = TENANT_SOURCES.get(obj._meta.label)
    if source is not None:
        parent = getattr(obj, source)
        obj.tenant_id = parent.tenant_id  # type: ignore[attr-defined]


def undeclared_models() -> list[str]:
    """Labels of installed models declared in none of the three groups."""
    declared = TENANT_PATHS.keys() | REFERENCE_DATA | INSTALLATION_DATA
    return sorted(m._meta.label for m in apps.get_models() if m._meta.label not in declared)


def broken_paths() -> list[str]:
    """Declared paths that do not lead from their model to Tenant, or name no installed model."""
    broken = []
    for label, path in TENANT_PATHS.items():
        try:
            model = apps.get_model(label)
            if _leads_to_tenant(model, path):
                continue
        except (LookupError, FieldDoesNotExist):
            pass
        broken.append(f"{label}: {path}")
    for label in REFERENCE_DATA | INSTALLATION_DATA:
        try:
            apps.get_model(label)
        except LookupError:
            broken.append(label)
    return broken


def _leads_to_tenant(model: type[models.Model], path: str) -> bool:
    if path == "pk":
        return model is Tenant
    for name in path.split("__"):
        related = model._meta.get_field(name).related_model
        if related is None:
            return False
        model = related
    return model is Tenant
