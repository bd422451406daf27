"""What a tenant shows the public: the cooperations it chose to publish, in words for the public.

A `Publication` carries its own title and summary, written for the public; the portal never
shows the cooperation's internal title, summary, notes, budget, documents or people. Unpublishing
keeps the row (and its text, for publishing again) but clears `published_at`.
"""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from mitra.tenancy.models import Tenant


class PublicationQuerySet(models.QuerySet["Publication"]):
    def for_tenant(self, tenant: "Tenant") -> "PublicationQuerySet":
        return self.filter(tenant=tenant)

    def published(self) -> "PublicationQuerySet":
        return self.filter(published_at__isnull=False)


class Publication(models.Model):
    """One cooperation on its tenant's public portal, with a title and summary for the public."""

    tenant = models.ForeignKey(
        "tenancy.Tenant",
        verbose_name=_("tenant"),
        on_delete=models.PROTECT,
        related_name="publications",
    )
    cooperation = models.OneToOneField(
        "cooperations.Cooperation",
        verbose_name=_("cooperation"),
        on_delete=models.CASCADE,
        related_name="publication",
    )
    public_title = models.CharField(_("public title"), max_length=250)
    public_summary = models.TextField(_("public summary"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["public_title", "pk"]
        indexes = [models.Index(fields=["tenant", "published_at"])]

    def __str__(self) -> str:
        return self.public_title

    def get_absolute_url(self) -> str:
        return reverse("portal:detail", args=[self.tenant.slug, self.pk])

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class PortalPage(models.Model):
    """A tenant's own words at the top of its public portal."""

    tenant = models.OneToOneField(
        "tenancy.Tenant",
        verbose_name=_("tenant"),
        on_delete=models.CASCADE,
        related_name="portal_page",
    )
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Shown to the public above the list of cooperations."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("portal page")
        verbose_name_plural = _("portal pages")

    def __str__(self) -> str:
        return str(self.tenant)
