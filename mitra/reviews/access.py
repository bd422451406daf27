"""Reads of review requests: the centre sees every region's requests, a tenant only its own.

Central reviewers (Kemendagri) belong to no tenant, so they never pass `require_tenant`; they
come in here, and see of each cooperation only what a review needs: the record's headline, its
partners and the documents attached. Tenants read their requests through an access-checked
cooperation.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from mitra.cooperations.models import Consideration, Cooperation, CooperationEvent, Document
from mitra.partners.models import Partner
from mitra.reviews.models import ReviewRequest
from mitra.tenancy.models import Membership

# The cooperation fields a reviewer needs to decide: what it is about (sectors, affairs, objects),
# its steps so far and whom to ask in the region (its owner); no budget or audit trail.
QUEUE_FIELDS = (
    "kind",
    "status",
    "opened_at",
    "decided_at",
    "tenant__name",
    "cooperation__title",
    "cooperation__kind",
    "opened_by__username",
    "opened_by__first_name",
    "opened_by__last_name",
)
REVIEW_FIELDS = (
    "title",
    "kind",
    "sub_form",
    "route",
    "summary",
    "state",
    "objects_of_cooperation",
    "tenant",
    "owner",
)
CONTACT_FIELDS = ("owner__first_name", "owner__last_name", "owner__username", "owner__email")


def require_central_reviewer(request: HttpRequest) -> Membership:
    """The request's central-reviewer membership, or 403 for everybody else."""
    membership: Membership | None = getattr(request, "membership", None)
    if membership is None or membership.role != Membership.Role.CENTRAL_REVIEWER:
        raise PermissionDenied(_("Only central reviewers (Kemendagri) see the review requests."))
    return membership


def _partners() -> Prefetch[str]:
    return Prefetch(
        "cooperation__partners",
        queryset=Partner.objects.select_related("country").only(
            "name",
            "kind",
            "country__name_id",
            "country__name_en",
            "country__diplomatic_relations",
            "country__cooperation_blocked",
        ),
    )


def review_queue_for_user(request: HttpRequest) -> QuerySet[ReviewRequest]:
    """Every region's review requests, for central reviewers only."""
    require_central_reviewer(request)
    return (
        ReviewRequest.objects.select_related("tenant", "cooperation", "opened_by")
        .only(*QUEUE_FIELDS)
        .prefetch_related(_partners())
    )


def get_review_for_reviewer(request: HttpRequest, pk: int) -> ReviewRequest:
    require_central_reviewer(request)
    cooperations = (
        Cooperation.objects.select_related("tenant", "owner")
        .only(*REVIEW_FIELDS, "tenant__name", *CONTACT_FIELDS)
        .prefetch_related(
            "sectors",
            "affairs",
            Prefetch("events", queryset=CooperationEvent.objects.select_related("by")),
        )
    )
    queryset = ReviewRequest.objects.select_related(
        "opened_by", "decided_by", "decision_document"
    ).prefetch_related(
        Prefetch("cooperation", queryset=cooperations),
        _partners(),
        Prefetch(
            "cooperation__documents",
            queryset=Document.objects.prefetch_related("parties").order_by("date_signed", "pk"),
        ),
        Prefetch(
            "cooperation__considerations",
            queryset=Consideration.objects.select_related("by"),
            to_attr="team_considerations",
        ),
        Prefetch(
            "cooperation__review_requests",
            queryset=ReviewRequest.objects.select_related("decided_by").order_by("-opened_at"),
            to_attr="all_reviews",
        ),
    )
    return get_object_or_404(queryset, pk=pk)


def get_document_for_reviewer(request: HttpRequest, pk: int) -> Document:
    """A document of a cooperation that has been put before the centre, for central reviewers."""
    require_central_reviewer(request)
    reviewed = ReviewRequest.objects.values("cooperation_id")
    return get_object_or_404(Document.objects.filter(cooperation_id__in=reviewed), pk=pk)


def reviews_for_cooperation(coop: Cooperation) -> list[ReviewRequest]:
    """The requests of a cooperation the caller already read through its access helper."""
    return list(
        ReviewRequest.objects.filter(cooperation=coop)
        .select_related("decision_document")
        .order_by("-opened_at", "-pk")
    )
