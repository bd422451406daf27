"""Implementation of signed cooperations: plans of action, progress, obligations, evaluations.

A plan-of-action item belongs to a signed agreement (MoU, KB, PKS or renewal); its progress is a
series of reports of the total achieved to date. Recurring obligations leave one `Obligation` row
per item and period, so generating them twice, or late, creates each task once.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mitra.lib.formatting import medium_date
from mitra.lib.uploads import UploadValidator
from mitra.tenancy.models import tenant_of_parent


class PlanItem(models.Model):
    """One item of a signed agreement's plan of action: what, who, how much or by when."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        CANCELLED = "cancelled", _("cancelled")

    class Recurrence(models.TextChoices):
        NONE = "none", _("once")
        YEARLY = "yearly", _("every year")
        SEMESTER = "semester", _("every semester")
        QUARTERLY = "quarterly", _("every quarter")
        MONTHLY = "monthly", _("every month")

    class Generates(models.TextChoices):
        TASK = "task", _("a task")
        EVENT = "event", _("a calendar event and a task")

    tenant = models.ForeignKey(
        "tenancy.Tenant", verbose_name=_("tenant"), on_delete=models.PROTECT, related_name="+"
    )
    cooperation = models.ForeignKey(
        "cooperations.Cooperation",
        verbose_name=_("cooperation"),
        on_delete=models.CASCADE,
        related_name="plan_items",
    )
    document = models.ForeignKey(
        "cooperations.Document",
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="plan_items",
    )
    activity = models.CharField(_("activity"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    agency = models.ForeignKey(
        "cooperations.Agency",
        verbose_name=_("responsible agency (OPD)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_items",
    )
    counterpart = models.CharField(_("partner-side counterpart"), max_length=200, blank=True)
    counterpart_contact = models.ForeignKey(
        "partners.Contact",
        verbose_name=_("counterpart contact"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_items",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer following it"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_items",
    )
    target_quantity = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    milestone_date = models.DateField(_("milestone date"), null=True, blank=True)
    start_date = models.DateField(_("period start"))
    end_date = models.DateField(_("period end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.PLANNED
    )
    recurrence = models.CharField(
        _("recurring obligation"), max_length=15, choices=Recurrence.choices, default="none"
    )
    generates = models.CharField(
        _("each period creates"), max_length=10, choices=Generates.choices, default="task"
    )
    position = models.PositiveSmallIntegerField(_("number in the plan"), default=0)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("plan-of-action item")
        verbose_name_plural = _("plan-of-action items")
        ordering = ["document_id", "position", "pk"]
        indexes = [models.Index(fields=["tenant", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="plan_item_ends_after_it_starts",
                violation_error_message=_("The period cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(target_quantity__isnull=True) | models.Q(target_quantity__gte=0),
                name="plan_item_target_not_negative",
                violation_error_message=_("A target cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return self.activity

    def get_absolute_url(self) -> str:
        return reverse("implementation:item", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.PLANNED, self.Status.IN_PROGRESS)

    @property
    def is_closed(self) -> bool:
        """Done or cancelled: its milestone no longer runs late."""
        return not self.is_open


class IntendedOutput(models.Model):
    """An output the cooperation plan (rencana kerja sama) intends before anything is signed:
    what, how much, in which unit. When the agreement is signed it is carried into the plan of
    action as an item, and remembers which one."""

    tenant = models.ForeignKey(
        "tenancy.Tenant", verbose_name=_("tenant"), on_delete=models.PROTECT, related_name="+"
    )
    cooperation = models.ForeignKey(
        "cooperations.Cooperation",
        verbose_name=_("cooperation"),
        on_delete=models.CASCADE,
        related_name="intended_outputs",
    )
    description = models.CharField(_("intended output"), max_length=250)
    target_quantity = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    plan_item = models.OneToOneField(
        PlanItem,
        verbose_name=_("plan-of-action item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="intended_output",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("intended output")
        verbose_name_plural = _("intended outputs")
        ordering = ["cooperation_id", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target_quantity__isnull=True) | models.Q(target_quantity__gte=0),
                name="intended_output_target_not_negative",
                violation_error_message=_("A target cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return self.description


class BenefitKind(models.TextChoices):
    """The fixed benefits a progress report may state, each a total to date."""

    SMES_REACHED = "smes_reached", _("small businesses reached")
    PEOPLE_TRAINED = "people_trained", _("people trained")
    INVESTMENT_VALUE = "investment_value", _("investment value (Rp)")


class ProgressUpdate(models.Model):
    """A report on a plan item: the total achieved by a date, with evidence and benefits."""

    tenant = tenant_of_parent()
    item = models.ForeignKey(
        PlanItem, verbose_name=_("plan item"), on_delete=models.CASCADE, related_name="updates"
    )
    date = models.DateField(_("date"))
    value = models.DecimalField(
        _("achieved to date"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    note = models.TextField(_("note"), blank=True)
    evidence_file = models.FileField(
        _("evidence file"),
        upload_to="evidence/%Y/%m/",
        blank=True,
        validators=[UploadValidator("documents")],
    )
    evidence_link = models.URLField(_("evidence link"), max_length=500, blank=True)
    smes_reached = models.PositiveIntegerField(
        BenefitKind.SMES_REACHED.label, null=True, blank=True
    )
    people_trained = models.PositiveIntegerField(
        BenefitKind.PEOPLE_TRAINED.label, null=True, blank=True
    )
    investment_value = models.DecimalField(
        BenefitKind.INVESTMENT_VALUE.label, max_digits=18, decimal_places=2, null=True, blank=True
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["date", "pk"]
        indexes = [models.Index(fields=["tenant", "date"], name="progress_update_tenant_date")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | models.Q(value__gte=0),
                name="progress_value_not_negative",
                violation_error_message=_("The value achieved cannot be negative."),
            ),
            models.CheckConstraint(
                condition=models.Q(investment_value__isnull=True)
                | models.Q(investment_value__gte=0),
                name="progress_investment_not_negative",
                violation_error_message=_("The investment value cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item}: {medium_date(self.date)}"


class Obligation(models.Model):
    """The task (and event) generated for one period of a recurring plan item; one per period."""

    tenant = tenant_of_parent()
    item = models.ForeignKey(
        PlanItem, verbose_name=_("plan item"), on_delete=models.CASCADE, related_name="obligations"
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    due_date = models.DateField(_("due date"))
    task = models.ForeignKey(
        "followups.Task",
        verbose_name=_("task"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("recurring obligation")
        verbose_name_plural = _("recurring obligations")
        ordering = ["item", "period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "item", "period_start"], name="obligation_once_per_item_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.item}: {medium_date(self.period_start)}"

    @property
    def is_closed(self) -> bool:
        """Its task done, cancelled or removed: the period's due date no longer runs late."""
        return self.task is None or self.task.is_closed


class Evaluation(models.Model):
    """A periodic evaluation of a signed cooperation, with its recommendation."""

    class Recommendation(models.TextChoices):
        CONTINUE = "continue", _("continue")
        REVISE = "revise", _("revise the plan of action")
        RENEW = "renew", _("renew the agreement")
        TERMINATE = "terminate", _("terminate")

    tenant = models.ForeignKey(
        "tenancy.Tenant", verbose_name=_("tenant"), on_delete=models.PROTECT, related_name="+"
    )
    cooperation = models.ForeignKey(
        "cooperations.Cooperation",
        verbose_name=_("cooperation"),
        on_delete=models.CASCADE,
        related_name="evaluations",
    )
    agreement = models.ForeignKey(
        "cooperations.Document",
        verbose_name=_("agreement evaluated"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evaluations",
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    date = models.DateField(_("date of evaluation"))
    outputs_achieved = models.TextField(_("outputs achieved"))
    benefits = models.TextField(_("benefits to the region"))
    problems = models.TextField(_("problems"), blank=True)
    partner_responsiveness = models.PositiveSmallIntegerField(
        _("partner responsiveness (1–5)"),
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    partner_responsiveness_note = models.TextField(_("on the partner's responsiveness"), blank=True)
    recommendation = models.CharField(
        _("recommendation"), max_length=15, choices=Recommendation.choices
    )
    recommendation_note = models.TextField(_("reasons for the recommendation"), blank=True)
    report = models.ForeignKey(
        "cooperations.Document",
        verbose_name=_("evaluation report"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decision_task = models.ForeignKey(
        "followups.Task",
        verbose_name=_("renewal decision task"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("evaluated by"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["-period_start", "-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(partner_responsiveness__gte=1)
                & models.Q(partner_responsiveness__lte=5),
                name="evaluation_responsiveness_1_to_5",
                violation_error_message=_("Score the partner's responsiveness from 1 to 5."),
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="evaluation_period_in_order",
                violation_error_message=_("The period cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.cooperation}: {medium_date(self.period_start)} – {medium_date(self.period_end)}"
        )

    def get_absolute_url(self) -> str:
        return reverse("implementation:evaluation", args=[self.pk])


class EvaluationReminder(models.Model):
    """The task asking for a cooperation's evaluation of one cycle period; one per period."""

    tenant = tenant_of_parent()
    cooperation = models.ForeignKey(
        "cooperations.Cooperation",
        verbose_name=_("cooperation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    period_start = models.DateField(_("period start"))
    task = models.ForeignKey(
        "followups.Task",
        verbose_name=_("task"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation reminder")
        verbose_name_plural = _("evaluation reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "cooperation", "period_start"],
                name="evaluation_reminder_once_per_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.cooperation_id}: {medium_date(self.period_start)}"
