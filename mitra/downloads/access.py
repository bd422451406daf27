"""Reads of generated files: each is its requester's alone, within their tenant."""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from mitra.downloads.models import GeneratedFile
from mitra.tenancy.access import acting_user, require_tenant


def files_for_user(request: HttpRequest) -> QuerySet[GeneratedFile]:
    """The signed-in person's files in the request's tenant, newest first."""
    tenant = require_tenant(request)
    return (
        GeneratedFile.objects.for_tenant(tenant)
        .filter(requester=acting_user(request))
        .order_by("-created_at", "-pk")
    )


def get_file_for_user(request: HttpRequest, pk: int) -> GeneratedFile:
    """The person's own file `pk`; another person's or another tenant's answers 404."""
    return get_object_or_404(files_for_user(request), pk=pk)
