"""The history of spreadsheet imports: each uploaded register, its dry run and its commit."""

from pathlib import PurePath
from uuid import uuid4

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mitra.lib.uploads import UploadValidator
from mitra.tenancy.models import TenantLinks, tenant_of_parent


def stored_name(run: "ImportRun", file_name: str) -> str:
    # Never the uploaded name: it is shown from `file_name` and may hold anything.
    suffix = PurePath(file_name).suffix.lower()[:8]
    return f"imports/{run.tenant_id}/{uuid4().hex}{suffix}"


class ImportRun(models.Model):
    """One uploaded register: the file kept so it is not uploaded twice, its dry-run report and,
    once committed, the cooperations it created."""

    class Status(models.TextChoices):
        CHECKED = "checked", _("checked, not imported")
        COMMITTED = "committed", _("imported")

    tenant = models.ForeignKey(
        "tenancy.Tenant",
        verbose_name=_("tenant"),
        on_delete=models.PROTECT,
        related_name="import_runs",
    )
    file = models.FileField(
        _("file"), upload_to=stored_name, validators=[UploadValidator("registers")]
    )
    file_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CHECKED
    )
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    error_count = models.PositiveIntegerField(_("errors"), default=0)
    created_count = models.PositiveIntegerField(_("cooperations created"), default=0)
    report = models.JSONField(_("dry-run report"), default=dict, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"))
    checked_at = models.DateTimeField(_("checked at"))
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    committed_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    cooperations = TenantLinks(
        "cooperations.Cooperation",
        verbose_name=_("cooperations created"),
        related_name="import_runs",
        blank=True,
        through="ImportedCooperation",
    )

    class Meta:
        verbose_name = _("spreadsheet import")
        verbose_name_plural = _("spreadsheet imports")
        ordering = ["-uploaded_at", "-pk"]
        indexes = [models.Index(fields=["tenant", "sha256"], name="import_run_tenant_sha256")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="checked", committed_at__isnull=True)
                | models.Q(status="committed", committed_at__isnull=False),
                name="import_run_committed_has_a_time",
                violation_error_message=_("A committed import records when it was committed."),
            )
        ]

    def __str__(self) -> str:
        return self.file_name

    def get_absolute_url(self) -> str:
        return reverse("imports:detail", args=[self.pk])

    @property
    def is_committed(self) -> bool:
        return self.status == self.Status.COMMITTED


class ImportedCooperation(models.Model):
    """A cooperation an import created; the link row carries the import's tenant."""

    tenant = tenant_of_parent()
    run = models.ForeignKey(
        ImportRun, on_delete=models.CASCADE, db_column="importrun_id", related_name="+"
    )
    cooperation = models.ForeignKey(
        "cooperations.Cooperation", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        db_table = "imports_importrun_cooperations"
        verbose_name = _("imported cooperation")
        verbose_name_plural = _("imported cooperations")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "run", "cooperation"], name="imported_cooperation_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.run_id} · {self.cooperation_id}"
