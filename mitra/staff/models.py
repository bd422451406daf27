"""Staff profiles: who works on cooperation, under which employment, with which skills."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mitra.lib.modelfields import ChoiceListField
from mitra.staff.languages import language_name, validate_language_code
from mitra.tenancy.models import TenantLinks, tenant_of_parent


class Competency(models.TextChoices):
    """The fixed skills a cooperation unit needs (domain guide §8: "English, negotiation")."""

    LEGAL_DRAFTING = "legal_drafting", _("legal drafting")
    NEGOTIATION = "negotiation", _("negotiation")
    PROTOCOL = "protocol", _("protocol")
    TRANSLATION = "translation", _("translation")
    PROJECT_MANAGEMENT = "project_management", _("project management")
    REPORTING = "reporting", _("reporting")


class StaffProfile(models.Model):
    """One member of a tenant as cooperation staff: employment, position, skills and capacity."""

    class EmploymentType(models.TextChoices):
        PNS = "pns", _("civil servant (PNS)")
        PPPK = "pppk", _("contract civil servant (PPPK)")
        NON_ASN_EXPERT = "non_asn_expert", _("non-ASN expert")

    tenant = models.ForeignKey(
        "tenancy.Tenant", verbose_name=_("tenant"), on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="staff_profiles",
    )
    employment_type = models.CharField(
        _("employment type"),
        max_length=20,
        choices=EmploymentType.choices,
        default=EmploymentType.PNS,
    )
    position = models.CharField(_("position"), max_length=150, blank=True)
    competencies = ChoiceListField(_("competencies"), item_choices=Competency.choices)
    sectors = TenantLinks(
        "cooperations.Sector",
        verbose_name=_("sectors"),
        related_name="+",
        blank=True,
        through="StaffSector",
    )
    max_load = models.PositiveSmallIntegerField(
        _("maximum load"),
        default=8,
        help_text=_("Open tasks plus owned live cooperations this person can carry."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")
        ordering = ["user__first_name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["tenant", "user"], name="staff_profile_one_per_tenant")
        ]

    def __str__(self) -> str:
        return str(self.user.get_full_name() or self.user.get_username())


class StaffLanguage(models.Model):
    """A language a staff member speaks (ISO 639-1), with how well."""

    class Level(models.TextChoices):
        BASIC = "basic", _("basic")
        WORKING = "working", _("working")
        FLUENT = "fluent", _("fluent")
        NATIVE = "native", _("native")

    tenant = tenant_of_parent()
    profile = models.ForeignKey(
        StaffProfile,
        verbose_name=_("staff profile"),
        on_delete=models.CASCADE,
        related_name="languages",
    )
    language = models.CharField(_("language"), max_length=2, validators=[validate_language_code])
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)

    class Meta:
        verbose_name = _("staff language")
        verbose_name_plural = _("staff languages")
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "profile", "language"], name="staff_language_once_per_profile"
            )
        ]

    def __str__(self) -> str:
        return f"{language_name(self.language)} ({self.get_level_display()})"

    @property
    def is_working(self) -> bool:
        """Good enough to follow up a cooperation in it: working level or above."""
        return self.level != self.Level.BASIC


LEVEL_RANK = {level: rank for rank, level in enumerate(StaffLanguage.Level.values)}


class StaffSector(models.Model):
    """A sector a staff member knows; the link row carries the profile's tenant."""

    tenant = tenant_of_parent()
    profile = models.ForeignKey(
        StaffProfile, on_delete=models.CASCADE, db_column="staffprofile_id", related_name="+"
    )
    sector = models.ForeignKey("cooperations.Sector", on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "staff_staffprofile_sectors"
        verbose_name = _("sector of a staff member")
        verbose_name_plural = _("sectors of staff members")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "profile", "sector"], name="staff_sector_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.profile_id} · {self.sector_id}"
