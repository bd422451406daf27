"""The centre's queue filters and its decision form; the rules of a decision live in services."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from mitra.reviews.models import ReviewRequest
from mitra.reviews.services import APPROVE, REFUSE, RETURN, decisions_for
from mitra.tenancy.models import Tenant

ALL = "all"

# How each decision reads on each kind of request.
DECISION_LABELS: dict[tuple[str, str], Any] = {
    (ReviewRequest.Kind.VERIFICATION, APPROVE): _("Verified: the procedure continues"),
    (ReviewRequest.Kind.VERIFICATION, RETURN): _("Return to the region for revision"),
    (ReviewRequest.Kind.APPROVAL, APPROVE): _("Approved: the cooperation may be signed"),
    (ReviewRequest.Kind.APPROVAL, RETURN): _("Return to the region for revision"),
    (ReviewRequest.Kind.APPROVAL, REFUSE): _("Refused: the cooperation ends"),
    (ReviewRequest.Kind.HOLD, APPROVE): _("Lift the hold: the procedure resumes"),
    (ReviewRequest.Kind.HOLD, RETURN): _("Keep on hold and return to the region"),
}


class ReviewFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[*ReviewRequest.Status.choices, (ALL, _("all"))],
    )
    kind = forms.ChoiceField(
        label=_("Request"),
        required=False,
        choices=[("", _("all requests")), *ReviewRequest.Kind.choices],
    )
    tenant = forms.ModelChoiceField(
        label=_("Region"),
        required=False,
        queryset=Tenant.objects.order_by("name").only("name"),
        empty_label=_("all regions"),
    )

    def narrowed(self) -> bool:
        """Whether the queue is narrowed beyond its default, every open request."""
        cleaned = self.cleaned_data if self.is_valid() else {}
        status = cleaned.get("status") or ReviewRequest.Status.OPEN
        return status != ReviewRequest.Status.OPEN or bool(
            cleaned.get("kind") or cleaned.get("tenant")
        )

    def filter(self, reviews: QuerySet[ReviewRequest]) -> QuerySet[ReviewRequest]:
        """The requests matching the valid filters; open requests, oldest first, by default."""
        cleaned = self.cleaned_data if self.is_valid() else {}
        status = cleaned.get("status") or ReviewRequest.Status.OPEN
        if status != ALL:
            reviews = reviews.filter(status=status)
        if cleaned.get("kind"):
            reviews = reviews.filter(kind=cleaned["kind"])
        if cleaned.get("tenant"):
            reviews = reviews.filter(tenant=cleaned["tenant"])
        return reviews.order_by("opened_at", "pk")


class DecisionForm(forms.Form):
    """The decision and its note; whether they are allowed is decided by `services.decide`."""

    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note to the region"),
        help_text=_("Required when the request is returned or refused."),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, kind: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(d, DECISION_LABELS[(kind, d)]) for d in decisions_for(kind)]
        self.fields["decision"].choices = choices  # type: ignore[attr-defined]

    def focus_first_problem(self) -> None:
        """Focus the first input with a problem (the decision itself for a problem of the whole
        form): the refused page opens at the decision, not at the top of a long page. A
        fragment in the form's address did that, but a browser keeps a request's fragment
        through the redirect that follows it: the queue's address read "…/reviews/#decision"."""
        name = next((name for name in self.errors if name in self.fields), "decision")
        self.fields[name].widget.attrs["autofocus"] = True
