from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from mitra.lib.htmx import wants_fragment
from mitra.lib.shortlist import page_of
from mitra.reminders import services
from mitra.reminders.access import get_reminder_for_user, reminders_for_user
from mitra.tenancy.access import acting_user

PAGE_SIZE = 50


@login_required
def reminder_list(request: HttpRequest) -> HttpResponse:
    """The user's reminders, unread first, newest first within each, a page at a time."""
    reminders = reminders_for_user(request).order_by(
        F("read_at").asc(nulls_first=True), "-due_at", "-pk"
    )
    page = page_of(request, reminders, PAGE_SIZE)
    return render(request, "reminders/list.html", {"reminders": page.object_list, "page": page})


@login_required
@require_POST
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    reminder = get_reminder_for_user(request, pk)
    services.mark_read(reminder, by=acting_user(request))
    if wants_fragment(request):
        return render(request, "reminders/_reminder.html", {"reminder": reminder})
    return redirect("reminders:list")


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    services.mark_all_read(reminders_for_user(request), by=acting_user(request))
    return redirect("reminders:list")
