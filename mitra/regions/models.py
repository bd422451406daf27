"""The national gazetteer: provinces, regencies and cities with their Kemendagri codes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionQuerySet(models.QuerySet["Region"]):
    def provinces(self) -> "RegionQuerySet":
        return self.filter(type=Region.Type.PROVINCE)

    def regencies_and_cities(self) -> "RegionQuerySet":
        return self.exclude(type=Region.Type.PROVINCE)


class Region(models.Model):
    """A province, regency (kabupaten) or city (kota), keyed by its Kemendagri code."""

    class Type(models.TextChoices):
        PROVINCE = "province", _("province")
        REGENCY = "regency", _("regency")
        CITY = "city", _("city")

    code = models.CharField(_("code"), max_length=5, primary_key=True)  # "7371"
    dotted_code = models.CharField(_("Kemendagri code"), max_length=6, unique=True)  # "73.71"
    name = models.CharField(_("name"), max_length=100)  # "Makassar"
    type = models.CharField(_("type"), max_length=10, choices=Type.choices)
    province = models.ForeignKey(
        "self",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    capital = models.CharField(_("capital"), max_length=100, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(type="province", province__isnull=True)
                    | (~models.Q(type="province") & models.Q(province__isnull=False))
                ),
                name="region_province_has_no_parent_others_do",
                violation_error_message=_(
                    "A province lies in no other province; every regency and city lies in one."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.official_name

    @property
    def official_name(self) -> str:
        """The name as written in Kemendagri's list: "Kota Makassar", "Kabupaten Bandung"."""
        prefix = {
            self.Type.PROVINCE: "Provinsi",
            self.Type.REGENCY: "Kabupaten",
            self.Type.CITY: "Kota",
        }[self.Type(self.type)]
        return f"{prefix} {self.name}"


class RegionAlias(models.Model):
    """Another name people use for a region: "Solo" for Surakarta, "Jogja" for Yogyakarta."""

    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.CASCADE, related_name="aliases"
    )
    alias = models.CharField(_("alias"), max_length=100)
    key = models.CharField(_("lookup key"), max_length=100, db_index=True)

    class Meta:
        verbose_name = _("region alias")
        verbose_name_plural = _("region aliases")
        constraints = [
            models.UniqueConstraint(fields=["region", "key"], name="region_alias_unique")
        ]

    def __str__(self) -> str:
        return f"{self.alias} → {self.region}"
