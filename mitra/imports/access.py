"""Reads of import runs: only the tenant's writers see them; another tenant's run is a 404."""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from mitra.imports.models import ImportRun
from mitra.tenancy.access import require_tenant


def import_runs_for_user(request: HttpRequest) -> QuerySet[ImportRun]:
    """The tenant's imports; only roles that may write see them (403 for the others)."""
    tenant = require_tenant(request, write=True)
    return ImportRun.objects.filter(tenant=tenant).select_related("uploaded_by", "committed_by")


def get_import_run_for_user(request: HttpRequest, pk: int) -> ImportRun:
    """The tenant's import `pk`; another tenant's answers 404, a read-only role 403."""
    return get_object_or_404(import_runs_for_user(request), pk=pk)
