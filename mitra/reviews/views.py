"""Pages of the central review: the centre's queue, one request with its decision, downloads,
and the tenant's button to put a cooperation on hold before the centre again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mitra.cooperations.access import get_cooperation_for_user
from mitra.lib.files import download
from mitra.lib.htmx import vary_on_htmx, wants_fragment
from mitra.lib.refusal import Refused, show_on_form
from mitra.reviews import services
from mitra.reviews.access import (
    get_document_for_reviewer,
    get_review_for_reviewer,
    review_queue_for_user,
)
from mitra.reviews.forms import DecisionForm, ReviewFilterForm
from mitra.reviews.models import ReviewRequest
from mitra.tenancy.access import acting_user

PAGE_SIZE = 50


@login_required
@require_GET
@vary_on_htmx
def queue(request: HttpRequest) -> HttpResponse:
    reviews = review_queue_for_user(request)
    form = ReviewFilterForm(request.GET)
    page = Paginator(form.filter(reviews), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "narrowed": form.narrowed()}
    if wants_fragment(request):
        return render(request, "reviews/_queue_results.html", context)
    return render(request, "reviews/queue.html", context)


def _detail(review: ReviewRequest, form: DecisionForm) -> dict[str, object]:
    coop = review.cooperation
    history = coop.all_reviews  # type: ignore[attr-defined]  # prefetched by the access helper
    return {"review": review, "coop": coop, "form": form, "reviews": history}


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = get_review_for_reviewer(request, pk)
    form = DecisionForm(review.kind)
    return render(request, "reviews/detail.html", _detail(review, form))


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    review = get_review_for_reviewer(request, pk)
    form = DecisionForm(review.kind, request.POST)
    if form.is_valid():
        try:
            services.decide(review, by=acting_user(request), **form.cleaned_data)
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            messages.success(request, _("The decision was recorded and the region can see it."))
            return redirect("reviews:queue")
    form.focus_first_problem()
    context = _detail(review, form)
    return render(request, "reviews/detail.html", context)


@login_required
@require_GET
def document(request: HttpRequest, pk: int) -> FileResponse:
    found = get_document_for_reviewer(request, pk)
    return download(found.file, none=_("This document has no file."), fallback_name="document")


@login_required
@require_POST
def resubmit(request: HttpRequest, pk: int) -> HttpResponse:
    coop = get_cooperation_for_user(request, pk, write=True)
    try:
        services.resubmit(coop, by=acting_user(request))
    except Refused as refusal:
        for problem in refusal.problems:
            messages.error(request, problem)
    else:
        messages.success(request, _("The cooperation was put forward to Kemendagri for review."))
    return redirect(coop)
