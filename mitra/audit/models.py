"""The audit trail: one row for every create, update and delete of a tenant's records."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mitra.lib.formatting import moment


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        DELETE = "delete", _("deleted")
        VOID = "void", _("voided")
        LOCKOUT = "lockout", _("login locked out")

    tenant = models.ForeignKey(
        "tenancy.Tenant",
        verbose_name=_("tenant"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    # "app_label.model:pk" of the changed record, and of the record it belongs to (a document's
    # cooperation), so each record page shows its own trail and that of its parts.
    record = models.CharField(_("record"), max_length=100, db_index=True)
    parent = models.CharField(_("belongs to"), max_length=100, blank=True, db_index=True)
    model_label = models.CharField(_("type"), max_length=100)
    object_repr = models.CharField(_("object"), max_length=250)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    at = models.DateTimeField(_("at"), db_index=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{moment(self.at)} {self.get_action_display()} {self.object_repr}"


class Voidable(models.Model):
    """A record that can be voided: it was wrong, so it stops counting, but it is never erased.

    The model's default manager leaves voided rows out (see `NotVoidedManager`), so gates,
    lists, exports, the portal and the API skip them without each remembering to; the page
    that keeps the trail reads them through the model's `with_voided` manager.
    """

    voided_at = models.DateTimeField(_("voided at"), null=True, blank=True, editable=False)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    void_reason = models.TextField(_("reason for voiding"), blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def voided(self) -> bool:
        return self.voided_at is not None


class NotVoidedManager[M: models.Model](models.Manager[M]):
    """The default manager of a `Voidable` model: only the records that were not voided."""

    def get_queryset(self) -> models.QuerySet[M]:
        return super().get_queryset().filter(voided_at=None)
