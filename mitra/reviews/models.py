"""Review requests: what Kemendagri is asked to verify, approve or settle, and what it decided."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation


class ReviewRequestQuerySet(models.QuerySet["ReviewRequest"]):
    def waiting(self) -> "ReviewRequestQuerySet":
        """Requests waiting at Kemendagri: open, nothing decided. A request returned or refused
        waits on the region, never on the centre; every page and reminder that says something
        waits for the central government reads this (`tests/test_returned_is_not_waiting.py`)."""
        return self.filter(status=ReviewRequest.Status.OPEN)


class ReviewRequest(models.Model):
    """One request to the centre, opened when a cooperation enters a central-review state."""

    Kind = workflow.ReviewKind

    class Status(models.TextChoices):
        OPEN = "open", _("waiting for the centre")
        APPROVED = "approved", _("approved")
        RETURNED = "returned", _("returned")
        REFUSED = "refused", _("refused")
        CLOSED = "closed", _("closed (the cooperation moved on)")

    cooperation = models.ForeignKey(
        Cooperation,
        verbose_name=_("cooperation"),
        on_delete=models.CASCADE,
        related_name="review_requests",
    )
    # Denormalised from the cooperation so the centre's queue filters by region without a join.
    tenant = models.ForeignKey(
        "tenancy.Tenant",
        verbose_name=_("tenant"),
        on_delete=models.PROTECT,
        related_name="review_requests",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    opened_at = models.DateTimeField(_("opened at"), db_index=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The move into the state under review; empty only for requests put forward again on hold
    # with no recorded move (data imported before Mitra).
    opened_event = models.ForeignKey(
        "cooperations.CooperationEvent",
        verbose_name=_("opening event"),
        on_delete=models.RESTRICT,  # goes only with its cooperation
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decision_note = models.TextField(_("decision note"), blank=True)
    decision_document = models.ForeignKey(
        "cooperations.Document",
        verbose_name=_("decision document"),
        on_delete=models.SET_NULL,  # the decision itself stays recorded
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ReviewRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("review request")
        verbose_name_plural = _("review requests")
        ordering = ["opened_at", "pk"]
        indexes = [models.Index(fields=["status", "opened_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "cooperation"],
                condition=models.Q(status="open"),
                name="review_request_one_open_per_cooperation",
                violation_error_message=_(
                    "This cooperation already has a request waiting for the central government."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.cooperation_id} · {self.get_status_display()}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def decision(self) -> str:
        """The central decision the status records ("" while open or closed by another move)."""
        return DECISION_OF_STATUS.get(self.status, "")


# The state a cooperation is in while each kind of request is open, and the reverse: the
# `review` column of the workflow's state table.
STATE_OF_KIND: dict[str, str] = dict(workflow.STATE_OF_REVIEW)
KIND_OF_STATE: dict[str, str] = {state: kind for kind, state in STATE_OF_KIND.items()}

# The decision each decided status records.
DECISION_OF_STATUS: dict[str, str] = {
    ReviewRequest.Status.APPROVED: workflow.Decision.APPROVE,
    ReviewRequest.Status.RETURNED: workflow.Decision.RETURN,
    ReviewRequest.Status.REFUSED: workflow.Decision.REFUSE,
}
