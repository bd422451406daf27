"""Events (festivals, visits, forums) and the signings planned for them."""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mitra.audit.models import NotVoidedManager, Voidable
from mitra.cooperations import workflow
from mitra.cooperations.models import Document
from mitra.tenancy.models import Membership, TenantLinks, tenant_of_parent


class Event(models.Model):
    """A dated occasion of a tenant, such as Makassar's F8 festival, often with several signings."""

    tenant = models.ForeignKey(
        "tenancy.Tenant", verbose_name=_("tenant"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=250)
    place = models.CharField(_("place"), max_length=250, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    cooperations = TenantLinks(
        "cooperations.Cooperation",
        verbose_name=_("cooperations"),
        related_name="scheduled_events",
        blank=True,
        through="EventCooperation",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_on", "pk"]
        indexes = [models.Index(fields=["tenant", "starts_on"], name="event_tenant_starts_on")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="event_ends_after_it_starts",
                violation_error_message=_("An event cannot end before it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.pk])


class EventCooperation(models.Model):
    """A cooperation on an event's agenda; the link row carries the event's tenant."""

    tenant = tenant_of_parent()
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    cooperation = models.ForeignKey(
        "cooperations.Cooperation", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        db_table = "events_event_cooperations"
        verbose_name = _("cooperation of an event")
        verbose_name_plural = _("cooperations of events")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "event", "cooperation"], name="event_cooperation_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.event_id} · {self.cooperation_id}"


class PlannedSigning(Voidable):
    """A signing planned at an event: which cooperation, which document, which transition.

    One recorded by mistake is voided with a reason: `objects` leaves it out, `with_voided`
    keeps it for the event's trail.
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        DONE = "done", _("signed")
        CANCELLED = "cancelled", _("cancelled")

    tenant = tenant_of_parent()
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="signings"
    )
    cooperation = models.ForeignKey(
        "cooperations.Cooperation",
        verbose_name=_("cooperation"),
        on_delete=models.CASCADE,
        related_name="planned_signings",
    )
    document_kind = models.CharField(
        _("document to sign"), max_length=30, choices=Document.Kind.choices
    )
    action = models.CharField(
        _("procedure step recorded"), max_length=50, choices=workflow.action_choices
    )
    order = models.PositiveSmallIntegerField(_("order on the agenda"), default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    document = models.ForeignKey(
        "cooperations.Document",
        verbose_name=_("signed document"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)

    objects = NotVoidedManager["PlannedSigning"]()
    with_voided = models.Manager["PlannedSigning"]()

    class Meta:
        verbose_name = _("planned signing")
        verbose_name_plural = _("planned signings")
        ordering = ["event", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.event}: {self.cooperation} ({self.get_document_kind_display()})"


class CalendarFeedQuerySet(models.QuerySet["CalendarFeed"]):
    def live(self) -> "CalendarFeedQuerySet":
        """Unrevoked feeds whose person, and whoever made them, is still an active member.

        A calendar address is a secret someone copied: when that person is deactivated or leaves
        the tenant, what they copied must stop working, as their session and API tokens do.
        """
        members = Membership.objects.filter(tenant=OuterRef("tenant"), user__is_active=True)
        return self.filter(
            Q(user=None) | Exists(members.filter(user=OuterRef("user"))),
            Q(created_by=None) | Exists(members.filter(user=OuterRef("created_by"))),
            revoked_at=None,
        )


class CalendarFeed(models.Model):
    """A secret iCalendar address: a person's own feed, or (user empty) the whole tenant's.

    Only the SHA-256 hash of the address's token is stored (`mitra.lib.tokens`); the address is
    shown once, when it is made.
    """

    tenant = models.ForeignKey(
        "tenancy.Tenant", verbose_name=_("tenant"), on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(
        "auth.User",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar_feeds",
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    # Who saw the address when it was made; empty for feeds made by a command.
    created_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("made by"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = CalendarFeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.tenant}: {self.user or '*'}"


def feed_url(raw_token: str) -> str:
    """The address of the feed whose token is `raw_token`, known only when the feed is made."""
    return reverse("events:feed", args=[raw_token])
