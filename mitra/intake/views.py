"""Pages of news intake: the list, submitting texts, reviewing one, confirming or dismissing it."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mitra.intake import review, services
from mitra.intake.access import (
    can_review,
    get_news_item_for_user,
    news_items_for_user,
    require_office,
)
from mitra.intake.forms import (
    ConfirmForm,
    DismissForm,
    PartnerRowFormSet,
    SubmitForm,
    country_choices,
)
from mitra.intake.models import NewsItem
from mitra.lib.htmx import vary_on_htmx, wants_fragment
from mitra.lib.refusal import Refused, show_on_form
from mitra.tenancy.access import acting_user

PAGE_SIZE = 50


@login_required
@require_GET
@vary_on_htmx
def index(request: HttpRequest) -> HttpResponse:
    items = news_items_for_user(request).defer("text")
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "can_write": can_review(request)}
    if wants_fragment(request):
        return render(request, "intake/_list_results.html", context)
    return render(request, "intake/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest) -> HttpResponse:
    tenant = require_office(request)
    form = SubmitForm(request.POST or None, request.FILES or None)
    duplicates: list[NewsItem] = []
    if request.method == "POST" and form.is_valid():
        try:
            items = services.submit_news(tenant, by=acting_user(request), sources=form.sources())
        except services.AlreadySubmitted as refusal:
            field = "text" if form.cleaned_data["text"] else "uploads"
            for problem in refusal.problems:
                form.add_error(field, problem)
            duplicates = refusal.items
        else:
            return _after_submit(request, items)
    return render(request, "intake/submit.html", {"form": form, "duplicates": duplicates})


def _after_submit(request: HttpRequest, items: list[NewsItem]) -> HttpResponse:
    count = len(items)
    messages.success(
        request,
        ngettext(
            "%(count)s news item is ready for review.",
            "%(count)s news items are ready for review.",
            count,
        )
        % {"count": count},
    )
    return redirect(items[0] if count == 1 else "intake:list")


def _review_context(request: HttpRequest, item: NewsItem, **forms: Any) -> dict[str, Any]:
    text = item.text
    context: dict[str, Any] = {
        "item": item,
        "segments": review.segments(text, review.highlights(text, item.proposed)),
        "facts": review.facts(item),
        "mentions_own_region": review.mentions_own_region(item),
        "can_write": can_review(request),
        "links": item.links.select_related("partner", "cooperation", "activity"),
    }
    if item.is_pending and context["can_write"]:
        rows = review.partner_rows(item)
        context["rows"] = forms.get("rows") or PartnerRowFormSet(
            prefix="partner", rows=rows, countries=country_choices()
        )
        initial = review.confirm_initial(item)
        context["form"] = forms.get("form") or ConfirmForm(initial=initial)
        context["dismiss_form"] = forms.get("dismiss_form") or DismissForm()
    return context


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_news_item_for_user(request, pk)
    return render(request, "intake/review.html", _review_context(request, item))


@login_required
@require_POST
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_news_item_for_user(request, pk, write=True)
    if not item.is_pending:
        messages.error(request, _("This news item has already been reviewed."))
        return redirect(item)
    rows = PartnerRowFormSet(
        request.POST, prefix="partner", rows=review.partner_rows(item), countries=country_choices()
    )
    form = ConfirmForm(request.POST)
    if rows.is_valid() and form.is_valid():
        try:
            services.confirm_news(
                item, by=acting_user(request), partners=rows.accepted(), **_confirmed(form)
            )
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            messages.success(request, _("The news item was confirmed and recorded."))
            return redirect(item)
    context = _review_context(request, item, rows=rows, form=form)
    return render(request, "intake/review.html", context)


def _confirmed(form: ConfirmForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {"sectors": data["sectors"], "stage": data["stage"], "on": data["date"]}


@login_required
@require_POST
def dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_news_item_for_user(request, pk, write=True)
    form = DismissForm(request.POST)
    if form.is_valid():
        try:
            services.dismiss_news(item, by=acting_user(request), note=form.cleaned_data["note"])
        except Refused as refusal:
            for problem in refusal.problems:
                messages.error(request, problem)
        else:
            messages.success(request, _("The news item was dismissed; nothing was recorded."))
        return redirect(item)
    context = _review_context(request, item, dismiss_form=form)
    return render(request, "intake/review.html", context)
