"""The follow-up record: what happened (activities) and what must happen next (tasks)."""

from collections.abc import Callable
from datetime import date
from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mitra.audit.models import NotVoidedManager, Voidable
from mitra.lib.deadlines import overdue_q
from mitra.lib.formatting import medium_date
from mitra.lib.uploads import UploadValidator
from mitra.tenancy.models import TenantLinks, tenant_of_parent


class Activity(Voidable):
    """Something that happened with a partner or on a cooperation: a meeting, a visit, a letter.

    A wrong one is voided with a reason: `objects` leaves it out, `with_voided` keeps it.
    """

    class Kind(models.TextChoices):
        MEETING = "meeting", _("meeting")
        VISIT_IN = "visit_in", _("incoming delegation visit")
        VISIT_OUT = "visit_out", _("outgoing delegation visit")
        LETTER_IN = "letter_in", _("incoming letter")
        LETTER_OUT = "letter_out", _("outgoing letter")
        CALL = "call", _("call")
        EMAIL = "email", _("e-mail")
        SIGNING = "signing", _("signing")
        REPORT = "report", _("report")
        NEWS = "news", _("reported in the news")

    tenant = models.ForeignKey(
        "tenancy.Tenant", verbose_name=_("tenant"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("date"))
    title = models.CharField(_("subject"), max_length=250)
    notes = models.TextField(_("notes"), blank=True)
    cooperation = models.ForeignKey(
        "cooperations.Cooperation",
        verbose_name=_("cooperation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="activities",
    )
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="activities",
    )
    staff = TenantLinks(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff present"),
        related_name="+",
        blank=True,
        through="ActivityStaff",
    )
    partner_contacts = TenantLinks(
        "partners.Contact",
        verbose_name=_("partner contacts"),
        related_name="activities",
        blank=True,
        through="ActivityContact",
    )
    other_participants = models.TextField(
        _("other participants"),
        blank=True,
        help_text=_("Outside officials and others, one per line."),
    )
    attachment = models.FileField(
        _("attachment"),
        upload_to="activities/%Y/%m/",
        blank=True,
        validators=[UploadValidator("documents")],
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = NotVoidedManager["Activity"]()
    with_voided = models.Manager["Activity"]()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["tenant", "date"], name="activity_tenant_date")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cooperation__isnull=False) | models.Q(partner__isnull=False),
                name="activity_has_cooperation_or_partner",
                violation_error_message=_("Link the activity to a cooperation, a partner or both."),
            )
        ]

    def __str__(self) -> str:
        return f"{medium_date(self.date)} {self.title}"


class ActivityStaff(models.Model):
    """A staff member present at an activity; the link row carries the activity's tenant."""

    tenant = tenant_of_parent()
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "followups_activity_staff"
        verbose_name = _("staff member at an activity")
        verbose_name_plural = _("staff members at activities")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "activity", "user"], name="activity_staff_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} · {self.user_id}"


class ActivityContact(models.Model):
    """A partner's contact at an activity; the link row carries the activity's tenant."""

    tenant = tenant_of_parent()
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="+")
    contact = models.ForeignKey("partners.Contact", on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "followups_activity_partner_contacts"
        verbose_name = _("partner contact at an activity")
        verbose_name_plural = _("partner contacts at activities")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "activity", "contact"], name="activity_contact_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} · {self.contact_id}"


class TaskQuerySet(models.QuerySet["Task"]):
    def open(self) -> "TaskQuerySet":
        return self.filter(status=Task.Status.OPEN)

    def overdue(self, today: date) -> "TaskQuerySet":
        """Open tasks whose due date has passed (`mitra.lib.deadlines`)."""
        return self.open().filter(overdue_q("due_date", today))


class Task(models.Model):
    """Something someone must do by a date, usually a commitment made in a meeting."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("done")
        CANCELLED = "cancelled", _("cancelled")

    class Priority(models.IntegerChoices):
        LOW = 1, _("low")
        NORMAL = 2, _("normal")
        HIGH = 3, _("high")

    tenant = models.ForeignKey(
        "tenancy.Tenant", verbose_name=_("tenant"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=250)
    cooperation = models.ForeignKey(
        "cooperations.Cooperation",
        verbose_name=_("cooperation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="tasks",
    )
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("from activity"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        on_delete=models.PROTECT,
        related_name="tasks",
    )
    due_date = models.DateField(_("due date"), db_index=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    completion_note = models.TextField(_("completion note"), blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["due_date", "-priority", "pk"]
        indexes = [models.Index(fields=["tenant", "status", "due_date"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return task_urls()(self.pk)

    def get_office_url(self) -> str:
        """The task's row in the office's list (its assignee's open tasks, from the earliest
        due): where anyone of the office finds it, not only its assignee ("Tugas saya")."""
        query = urlencode({"person": self.assignee_id, "status": self.Status.OPEN})
        return f"{reverse('followups:tasks')}?{query}#task-{self.pk}"

    @property
    def is_closed(self) -> bool:
        """Done or cancelled: its due date no longer runs late."""
        return self.status != self.Status.OPEN


def task_urls() -> Callable[[int], str]:
    """The address of a task by its key, the list's address looked up once (the daily run
    words reminders for a hundred thousand tasks)."""
    my_tasks = reverse("followups:my_tasks")
    return lambda pk: f"{my_tasks}#task-{pk}"
