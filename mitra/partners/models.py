"""Countries, the world-cities gazetteer (shared reference data) and each tenant's partners."""

from typing import TYPE_CHECKING, ClassVar

from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mitra.tenancy.models import tenant_of_parent

if TYPE_CHECKING:
    from mitra.tenancy.models import Tenant


class Country(models.Model):
    """An ISO 3166-1 country with its Indonesian and English names and its standing for cooperation."""

    code = models.CharField(_("ISO code"), max_length=2, primary_key=True)  # "KR"
    alpha3 = models.CharField(_("ISO alpha-3 code"), max_length=3, unique=True)
    numeric = models.CharField(_("ISO numeric code"), max_length=3, blank=True)
    name_id = models.CharField(_("Indonesian name"), max_length=100)  # "Korea Selatan"
    name_en = models.CharField(_("English name"), max_length=100)  # "South Korea"
    diplomatic_relations = models.BooleanField(
        _("has diplomatic relations with Indonesia"), default=True
    )
    cooperation_blocked = models.BooleanField(
        _("cooperation refused outright"),
        default=False,
        help_text=_("No official relation at any level (Permenlu 3/2019, Chapter X)."),
    )

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name_id"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "id").startswith("en") else self.name_id

    @property
    def needs_central_guidance(self) -> bool:
        """No diplomatic relations but not blocked (Taiwan): signing needs central guidance."""
        return not self.diplomatic_relations and not self.cooperation_blocked


class CountryAlias(models.Model):
    """A name by which a country is written in Indonesian or English text ("Korsel", "RRT")."""

    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.CASCADE, related_name="aliases"
    )
    alias = models.CharField(_("alias"), max_length=120)
    key = models.CharField(_("lookup key"), max_length=120, unique=True)

    class Meta:
        verbose_name = _("country alias")
        verbose_name_plural = _("country aliases")

    def __str__(self) -> str:
        return f"{self.alias} → {self.country_id}"


class Place(models.Model):
    """A city of 15,000 people or more, from GeoNames (CC BY 4.0)."""

    geonameid = models.PositiveIntegerField(_("GeoNames id"), primary_key=True)
    name = models.CharField(_("name"), max_length=200)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="places"
    )
    admin1 = models.CharField(_("first-level division code"), max_length=20, blank=True)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    population = models.PositiveIntegerField(_("population"), default=0)

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["-population"]

    def __str__(self) -> str:
        return f"{self.name} ({self.country_id})"


class PlaceName(models.Model):
    """One name of a place, folded for exact lookup (never fuzzy: Incheon is not Icheon)."""

    place = models.ForeignKey(
        Place, verbose_name=_("place"), on_delete=models.CASCADE, related_name="names"
    )
    key = models.CharField(_("lookup key"), max_length=200, db_index=True)

    class Meta:
        verbose_name = _("place name")
        verbose_name_plural = _("place names")
        constraints = [models.UniqueConstraint(fields=["place", "key"], name="place_name_unique")]

    def __str__(self) -> str:
        return self.key


class PartnerQuerySet(models.QuerySet["Partner"]):
    def for_tenant(self, tenant: "Tenant") -> "PartnerQuerySet":
        return self.filter(tenant=tenant)


class Partner(models.Model):
    """Someone a tenant cooperates with: a foreign city, institution, company, or a domestic party."""

    class Kind(models.TextChoices):
        FOREIGN_CITY_OR_REGION = "foreign_city_or_region", _("foreign city or region")
        FOREIGN_GOVERNMENT = "foreign_government", _("foreign government")
        FOREIGN_INSTITUTION = "foreign_institution", _("foreign institution")
        FOREIGN_COMPANY = "foreign_company", _("foreign company")
        INDONESIAN_REGION = "indonesian_region", _("Indonesian region")
        DOMESTIC_PARTY = "domestic_party", _("domestic third party")

    # Partners in Indonesia; every other kind is abroad and has a country. The cooperation kinds
    # taking them are the domestic ones (`workflow.KINDS`; a test keeps the two in step).
    DOMESTIC_KINDS: ClassVar[frozenset[str]] = frozenset(
        {Kind.INDONESIAN_REGION, Kind.DOMESTIC_PARTY}
    )

    tenant = models.ForeignKey(
        "tenancy.Tenant",
        verbose_name=_("tenant"),
        on_delete=models.PROTECT,
        related_name="partners",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partners",
    )
    place = models.ForeignKey(
        Place,
        verbose_name=_("place in the gazetteer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partners",
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("Indonesian region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partners",
    )
    website = models.URLField(_("website"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PartnerQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "name"], name="partner_name_unique_per_tenant"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partners:detail", args=[self.pk])

    @property
    def is_foreign(self) -> bool:
        return self.kind not in self.DOMESTIC_KINDS


class PartnerAlias(models.Model):
    """Another name under which a partner appears ("Majelis Amanah Rakyat" for MARA)."""

    tenant = tenant_of_parent()
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="aliases"
    )
    alias = models.CharField(_("alias"), max_length=200)

    class Meta:
        verbose_name = _("partner alias")
        verbose_name_plural = _("partner aliases")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "partner", "alias"], name="partner_alias_unique"
            )
        ]

    def __str__(self) -> str:
        return self.alias


class Contact(models.Model):
    """A person at a partner whom the cooperation unit deals with."""

    tenant = tenant_of_parent()
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=150)
    position = models.CharField(_("position"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    language = models.CharField(_("language"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
