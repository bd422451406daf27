"""The pipeline board and the one endpoint that moves a card along the procedure."""

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mitra.cooperations import filters, services, workflow
from mitra.cooperations.access import (
    cooperations_for_user,
    get_cooperation_for_user,
    roles_in_tenant,
)
from mitra.cooperations.forms import CooperationFilterForm
from mitra.cooperations.transitions import roles_of
from mitra.lib.htmx import vary_on_htmx, wants_fragment
from mitra.lib.refusal import Refused
from mitra.pipeline import board as pipeline
from mitra.pipeline.forms import MoveForm
from mitra.tenancy.access import acting_user, require_tenant


def _board_name(value: str | None) -> str:
    return value if value in pipeline.BOARDS else pipeline.FOREIGN


def _board_context(
    request: HttpRequest, board: str, refused: tuple[int, list[str]] | None = None
) -> dict[str, Any]:
    tenant = require_tenant(request)
    form = CooperationFilterForm(tenant, request.GET)
    form.is_valid()
    matching = filters.filter_cooperations(cooperations_for_user(request), form.cleaned_data)
    shown = pipeline.first_cards(pipeline.live_cooperations(matching, board))
    roles = roles_in_tenant(request)
    narrowed = {name: str(value) for name, value in form.cleaned_data.items() if value}
    columns = pipeline.build_columns(shown, board, tenant, roles, narrowed)
    if refused is not None:
        for card in (card for column in columns for card in column.cards):
            if card.coop.pk == refused[0]:
                card.problems = refused[1]
    query = urlencode({"board": board})
    return {
        "form": form,
        "board": board,
        "tabs": pipeline.tabs(),
        "columns": columns,
        "board_query": query,
    }


@login_required
@require_GET
@vary_on_htmx
def board(request: HttpRequest) -> HttpResponse:
    context = _board_context(request, _board_name(request.GET.get("board")))
    if wants_fragment(request):
        return render(request, "pipeline/_board.html", {**context, "oob_messages": True})
    return render(request, "pipeline/board.html", context)


def _refused_card(request: HttpRequest, pk: int, board: str, problems: list[str]) -> HttpResponse:
    """The card with its reasons in place for htmx, else the whole board with them."""
    if not wants_fragment(request):
        context = _board_context(request, board, (pk, problems))
        return render(request, "pipeline/board.html", context)
    coop = get_object_or_404(
        pipeline.live_cooperations(cooperations_for_user(request), board), pk=pk
    )
    card = pipeline.card_for(coop, roles_of(acting_user(request), coop), problems)
    return render(request, "pipeline/_card.html", {"card": card, "board": board})


def _moved(request: HttpRequest, board: str) -> HttpResponse:
    if not wants_fragment(request):
        return redirect(f"{reverse('pipeline:board')}?{urlencode({'board': board})}")
    context = {**_board_context(request, board), "oob_messages": True}
    response = render(request, "pipeline/_board.html", context)
    response["HX-Retarget"] = "#pipeline-board"
    response["HX-Reswap"] = "outerHTML"
    return response


@login_required
@require_POST
def move(request: HttpRequest, pk: int) -> HttpResponse:
    coop = get_cooperation_for_user(request, pk, write=True)
    form = MoveForm(request.POST)
    board = _board_name(request.POST.get("board") or None)
    if not form.is_valid():
        problems = [_("The request was incomplete; reload the page and try again.")]
        return _refused_card(request, pk, board, problems)
    move = form.cleaned_data
    user = acting_user(request)
    try:
        action = move["action"] or pipeline.move_for_drop(coop, move["target"], user)
        event = services.apply_transition(
            coop, action, by=user, expected_state=move["expected_state"]
        )
    except Refused as refusal:
        return _refused_card(request, pk, board, refusal.problems)
    messages.success(
        request,
        _("Recorded: %(action)s. “%(title)s” is now at “%(state)s”.")
        % {
            "action": workflow.ACTION_LABELS[event.action],
            "title": coop.title,
            "state": event.get_target_display(),
        },
    )
    return _moved(request, board)
