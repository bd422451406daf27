"""The pages that offer a long document: a confirmation on GET, the request queued on POST.

A feature view checks its parameters (a bad period is its form's error), then hands over:
`return ask_for_file(request, kind="reports.pdf", params=params)`, and is marked
`@made_by_the_worker` (tests/test_long_files_use_the_worker.py lists downloads from the mark).
The file is then made by the worker; the person follows it on its status page, and finds it
later under "My files".
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation

from mitra.downloads import services
from mitra.downloads.kinds import Params, label_of
from mitra.tenancy.access import acting_user, require_tenant


def made_by_the_worker[View: Callable[..., object]](view: View) -> View:
    """Mark a view whose file the worker makes (it asks for the file, never builds it)."""
    view.made_by_the_worker = True  # type: ignore[attr-defined]
    return view


def ask_for_file(request: HttpRequest, *, kind: str, params: Params) -> HttpResponse:
    """GET: the page asking to make the file; POST: queue it and show its status."""
    tenant = require_tenant(request)
    if request.method != "POST":
        context = {"label": label_of(kind), "action": request.get_full_path()}
        return render(request, "downloads/confirm.html", context)
    generated = services.request_file(
        tenant,
        by=acting_user(request),
        kind=kind,
        params=params,
        language=translation.get_language() or "",
    )
    return redirect("downloads:status", generated.pk)
