"""Tenants (the regional governments using Mitra) and their members' roles."""

from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def parse_day_windows(value: str) -> list[int]:
    """Comma-separated day counts ("180,90,30") as distinct positive numbers, largest first."""
    try:
        days = [int(part) for part in value.split(",")]
    except ValueError:
        days = []
    if not days or any(day < 1 or day > 3650 for day in days) or len(set(days)) != len(days):
        raise ValidationError(
            _(
                "Give distinct numbers of days between 1 and 3650, separated by commas, such as 180,90,30."
            ),
            code="invalid_windows",
        )
    return sorted(days, reverse=True)


def validate_day_windows(value: str) -> None:
    parse_day_windows(value)


class ProcedureOrder(models.TextChoices):
    """Older practice consulted Kemendagri before the DPRD; each tenant chooses (domain guide §4.2)."""

    COUNCIL_FIRST = "council_first", _("DPRD approval, then central verification")
    CENTRAL_FIRST = "central_first", _("central verification, then DPRD approval")


# The abbreviations of the kinds whose steps the order shapes (KSDPL, KSDLL): the workflow table
# knows them, above this app, and hands them down when it is ready (`CooperationsConfig.ready`).
_ordered_kinds: list[Callable[[], Sequence[str]]] = []


def name_the_ordered_kinds(kinds: Callable[[], Sequence[str]]) -> None:
    _ordered_kinds[:] = [kinds]


def ordered_kinds() -> str:
    """ "KSDPL/KSDLL", for the labels of the order."""
    return "/".join(_ordered_kinds[0]()) if _ordered_kinds else ""


def _order_label() -> str:
    return gettext("order of DPRD approval and central verification (%(kinds)s)") % {
        "kinds": ordered_kinds()
    }


class EvaluationCycle(models.IntegerChoices):
    """How often the implementation of a signed cooperation is evaluated."""

    YEARLY = 1, _("once per budget year")
    TWICE = 2, _("twice per budget year (per semester)")
    QUARTERLY = 4, _("four times per budget year (per quarter)")


# The default of `Tenant.stale_progress_days`, for code that only needs a threshold to compute
# progress and ignores whether an item is at risk.
DEFAULT_STALE_PROGRESS_DAYS = 90


class Tenant(models.Model):
    """A regional government (pemda) running its cooperation in Mitra, with its own settings.

    The settings are fields of the tenant itself: the administrator changes them on one page
    through `tenancy.services.update_settings`. Three of them judge inactivity, each of a
    different thing: `stale_after_days` (a live cooperation without activity goes on the
    follow-up list), `dormant_after_days` (a cooperation in implementation without activity is
    moved to the dormant state) and `stale_progress_days` (a plan-of-action item without a
    progress report is at risk).
    """

    region = models.OneToOneField(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="tenant"
    )
    name = models.CharField(_("name"), max_length=150)  # "Pemerintah Kota Makassar"
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    cooperation_unit = models.CharField(
        _("cooperation unit"), max_length=150, blank=True
    )  # "Bagian Kerja Sama Setda Kota Makassar"
    stale_after_days = models.PositiveSmallIntegerField(
        _("follow-up needed after (days without activity)"), default=60
    )

    ProcedureOrder = ProcedureOrder

    procedure_order = models.CharField(
        lazy(_order_label, str)(),
        max_length=20,
        choices=ProcedureOrder.choices,
        default=ProcedureOrder.COUNCIL_FIRST,
        help_text=_("Applies to cooperations created after the change."),
    )
    dormant_after_days = models.PositiveSmallIntegerField(
        _("signed cooperation dormant after (days without activity)"), default=180
    )
    reminder_task_days = models.PositiveSmallIntegerField(
        _("remind of tasks due within (days)"), default=7
    )
    expiry_windows = models.CharField(
        _("remind of expiring documents (days before the end)"),
        max_length=50,
        default="180,90,30",
        validators=[validate_day_windows],
        help_text=_("Comma-separated, such as 180,90,30: one reminder as each is reached."),
    )
    escalation_days = models.PositiveSmallIntegerField(
        _("report overdue tasks to leadership after (days)"), default=7
    )
    EvaluationCycle = EvaluationCycle

    evaluations_per_year = models.PositiveSmallIntegerField(
        _("evaluation cycle"), choices=EvaluationCycle.choices, default=EvaluationCycle.TWICE
    )
    renewal_lead_days = models.PositiveSmallIntegerField(
        _("renewal decision due (days before the agreement ends)"), default=180
    )
    stale_progress_days = models.PositiveSmallIntegerField(
        _("plan item at risk after (days without a progress report)"),
        default=DEFAULT_STALE_PROGRESS_DAYS,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Bumped after every committed write to the tenant's data (`lib.tenant_changes`): the key of
    # the figures a process keeps for the tenant's costly pages.
    changes = models.PositiveBigIntegerField(_("changes"), default=0, editable=False)

    class Meta:
        verbose_name = _("tenant")
        verbose_name_plural = _("tenants")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def expiry_window_days(self) -> list[int]:
        """The expiry windows, largest first (the field is validated on every form save)."""
        return parse_day_windows(self.expiry_windows)


def tenant_of_parent() -> "models.ForeignKey[Tenant, Tenant]":
    """The tenant of a record that belongs to a tenant through its parent (a document through
    its cooperation), copied from the parent by the service that writes the row: every
    tenant-owned table carries its own tenant, so it can be distributed by tenant
    (docs/scaling.md) and filtered without a join. Not editable: no form chooses it."""
    return models.ForeignKey(
        Tenant,
        verbose_name=_("tenant"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )


class TenantLinks(models.ManyToManyField):  # type: ignore[type-arg]
    """A many-to-many field whose link rows (its `through` model) carry the tenant of the
    record they start from. The services pass `through_defaults` themselves; this is for a
    form that saves the field (the admin's)."""

    def save_form_data(self, instance: models.Model, data: Any) -> None:
        links = getattr(instance, self.attname)
        links.set(data, through_defaults={"tenant_id": instance.tenant_id})  # type: ignore[attr-defined]


class Membership(models.Model):
    """A user's role in one tenant; central reviewers (Kemendagri) belong to no tenant."""

    class Role(models.TextChoices):
        TENANT_ADMIN = "tenant_admin", _("tenant administrator")
        COOPERATION_OFFICER = "cooperation_officer", _("cooperation officer")
        AGENCY_OFFICER = "agency_officer", _("agency officer (OPD)")
        TEAM_REVIEWER = "team_reviewer", _("coordination team reviewer (TKKSD)")
        LEADERSHIP = "leadership", _("leadership")
        CENTRAL_REVIEWER = "central_reviewer", _("central reviewer (Kemendagri)")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    tenant = models.ForeignKey(
        Tenant,
        verbose_name=_("tenant"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "tenant"], name="membership_one_per_tenant"),
            models.CheckConstraint(
                condition=(
                    models.Q(role="central_reviewer", tenant__isnull=True)
                    | (~models.Q(role="central_reviewer") & models.Q(tenant__isnull=False))
                ),
                name="membership_central_reviewer_has_no_tenant",
                violation_error_message=_(
                    "A central reviewer belongs to no region; every other role belongs to one region."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.tenant or 'Kemendagri'}"


# Roles that may create and edit a tenant's records; the others read.
WRITE_ROLES = frozenset(
    {
        Membership.Role.TENANT_ADMIN,
        Membership.Role.COOPERATION_OFFICER,
        Membership.Role.AGENCY_OFFICER,
    }
)
