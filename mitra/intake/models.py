"""News items submitted for intake, and what their confirmation recorded.

A `NewsItem` keeps the text as it was read (offsets of the stored extraction point into it)
and stays `pending` until a person confirms or dismisses it. Confirmation writes one
`NewsLink` per accepted partner: the partner, the cooperation and the activity it created or
linked.
"""

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mitra.tenancy.models import tenant_of_parent

if TYPE_CHECKING:
    from mitra.tenancy.models import Tenant


class Stage(models.TextChoices):
    """The most advanced stage a text says the cooperation reached (the extractor's slugs)."""

    EXPLORATION = "exploration", _("exploration")
    LOI = "loi", _("letter of intent signed")
    MOU = "mou", _("MoU or KB signed")
    PKS = "pks", _("PKS signed")
    IMPLEMENTATION = "implementation", _("under implementation")
    ON_HOLD = "on_hold", _("on hold")
    ENDED = "ended", _("ended")


class NewsItemQuerySet(models.QuerySet["NewsItem"]):
    def for_tenant(self, tenant: "Tenant") -> "NewsItemQuerySet":
        return self.filter(tenant=tenant)

    def pending_first(self) -> "NewsItemQuerySet":
        pending = models.Case(
            models.When(status=NewsItem.Status.PENDING, then=models.Value(0)),
            default=models.Value(1),
        )
        return self.alias(pending=pending).order_by("pending", "-submitted_at", "-pk")


class NewsItem(models.Model):
    """One article submitted by an officer, with the facts Mitra proposes from it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting review")
        CONFIRMED = "confirmed", _("confirmed")
        DISMISSED = "dismissed", _("dismissed")

    tenant = models.ForeignKey(
        "tenancy.Tenant",
        verbose_name=_("tenant"),
        on_delete=models.PROTECT,
        related_name="news_items",
    )
    # What lists call the item: its source, else its file name, else the text's first line.
    title = models.CharField(_("title"), max_length=200)
    source_name = models.CharField(_("source"), max_length=200, blank=True)
    source_url = models.URLField(_("web address"), max_length=500, blank=True)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    text = models.TextField(_("text"))
    # SHA-256 of the normalised text (`services.text_hash`): the same article twice has one hash.
    text_hash = models.CharField(_("text fingerprint"), max_length=64)
    extraction = models.JSONField(_("proposed facts"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    similar_to = models.ForeignKey(
        "self",
        verbose_name=_("very similar to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    similarity = models.PositiveSmallIntegerField(_("similarity (%)"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_note = models.TextField(_("review note"), blank=True)

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["tenant", "status"]),
            models.Index(fields=["tenant", "submitted_at"], name="news_item_tenant_submitted"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "text_hash"], name="news_item_text_unique_per_tenant"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("intake:review", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def proposed(self) -> dict[str, Any]:
        """The stored extraction, as `Extraction.as_json` wrote it (empty lists when missing)."""
        return self.extraction if isinstance(self.extraction, dict) else {}

    @property
    def partner_count(self) -> int:
        partners = self.proposed.get("partners")
        return len(partners) if isinstance(partners, list) else 0


class NewsLink(models.Model):
    """What confirming a news item recorded for one accepted partner."""

    tenant = tenant_of_parent()
    news_item = models.ForeignKey(
        NewsItem, verbose_name=_("news item"), on_delete=models.CASCADE, related_name="links"
    )
    name = models.CharField(_("name in the text"), max_length=200)
    # SET_NULL: deleting a partner, cooperation or activity elsewhere must not be blocked here.
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    partner_created = models.BooleanField(_("partner created"), default=False)
    cooperation = models.ForeignKey(
        "cooperations.Cooperation",
        verbose_name=_("cooperation"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    cooperation_created = models.BooleanField(_("cooperation created"), default=False)
    activity = models.ForeignKey(
        "followups.Activity",
        verbose_name=_("activity"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("news link")
        verbose_name_plural = _("news links")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name
