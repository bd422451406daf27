"""Asking for a generated file, and clearing old ones.

A long document (a yearly report, a full export) is never built inside a web request: the
request records what was asked and queues the task, and the worker builds it
(`mitra.downloads.building`). Asking twice while the first is still waiting finds the first.
"""

from datetime import timedelta

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from mitra.audit.services import record_created
from mitra.downloads.kinds import Params, kind_named, params_key
from mitra.downloads.models import GeneratedFile
from mitra.downloads.tasks import build_generated_file
from mitra.tenancy.models import Tenant


def request_file(
    tenant: Tenant, *, by: User, kind: str, params: Params, language: str
) -> GeneratedFile:
    """The person's pending file of this kind and parameters, or a new one queued for the
    worker. The task is queued in the same transaction as the row (the database queue), so a
    worker never sees one without the other."""
    if kind_named(kind) is None:
        raise ValueError(f"no kind of generated file is named {kind}")
    key = params_key(kind, params)
    pending = GeneratedFile.objects.for_tenant(tenant).pending()
    twin = pending.filter(requester=by, key=key).first()
    if twin is not None:
        return twin
    try:
        with transaction.atomic():
            generated = GeneratedFile.objects.create(
                tenant=tenant, requester=by, kind=kind, params=params, key=key, language=language
            )
            record_created(generated, by=by)
            build_generated_file.enqueue(generated.pk)
    except IntegrityError:  # a twin request committed first
        return pending.get(requester=by, key=key)
    return generated


def prune_files(*, older_than: timedelta) -> int:
    """Delete the files asked for before `older_than` ago, stored file and row; how many."""
    cutoff = timezone.now() - older_than
    old = GeneratedFile.objects.filter(created_at__lt=cutoff).order_by("pk")
    count = 0
    for generated in old.iterator(chunk_size=500):
        if generated.file:
            generated.file.delete(save=False)
        generated.delete()
        count += 1
    return count
