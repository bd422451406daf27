"""A file the background worker builds for one person: a report's PDF, a full export."""

import uuid
from pathlib import PurePosixPath

from django.contrib.auth.models import User
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mitra.downloads.kinds import label_of
from mitra.tenancy.models import Tenant


def stored_name(instance: "GeneratedFile", filename: str) -> str:
    """Each file in a folder of its own: it keeps its name, and no two requests meet."""
    return str(PurePosixPath("generated", str(instance.tenant_id), uuid.uuid4().hex, filename))


class GeneratedFileQuerySet(models.QuerySet["GeneratedFile"]):
    def for_tenant(self, tenant: Tenant) -> "GeneratedFileQuerySet":
        return self.filter(tenant=tenant)

    def pending(self) -> "GeneratedFileQuerySet":
        return self.filter(status__in=GeneratedFile.PENDING)


class GeneratedFile(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting for the worker")
        RUNNING = "running", _("being made")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    PENDING = (Status.QUEUED, Status.RUNNING)

    tenant = models.ForeignKey(Tenant, on_delete=models.PROTECT, related_name="+")
    # The requester's own index is the (tenant, requester, created) one below.
    requester = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+", db_index=False)
    kind = models.CharField(_("kind"), max_length=40)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    # The kind and its parameters in one short text, so a twin request is found by equality.
    key = models.CharField(max_length=64)
    language = models.CharField(max_length=10)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    error = models.CharField(_("error"), max_length=300, blank=True)
    file = models.FileField(_("file"), upload_to=stored_name, max_length=300, blank=True)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(_("asked for at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = GeneratedFileQuerySet.as_manager()

    class Meta:
        verbose_name = _("generated file")
        verbose_name_plural = _("generated files")
        indexes = [
            models.Index(
                fields=["tenant", "requester", "-created_at"], name="generated_file_by_requester"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100),
                name="generated_file_progress",
                violation_error_message=_("Progress cannot be more than one hundred percent."),
            ),
            # One pending request per person for the same file: asking twice finds the first.
            models.UniqueConstraint(
                fields=["tenant", "requester", "key"],
                condition=Q(status__in=["queued", "running"]),
                name="generated_file_once_while_pending",
                violation_error_message=_("This file is already being prepared for you."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind_label} #{self.pk}"

    @property
    def kind_label(self) -> str:
        return label_of(self.kind)

    @property
    def is_pending(self) -> bool:
        return self.status in self.PENDING

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE
