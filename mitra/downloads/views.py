"""A person's generated files: the list, one file's status (polled with htmx), the download."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from mitra.downloads.access import files_for_user, get_file_for_user
from mitra.lib.files import download as stream
from mitra.lib.htmx import vary_on_htmx, wants_fragment
from mitra.lib.shortlist import page_of

POLL_SECONDS = 2


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    page = page_of(request, files_for_user(request))
    return render(request, "downloads/list.html", {"page": page, "files": page.object_list})


@login_required
@require_GET
@vary_on_htmx
def status(request: HttpRequest, pk: int) -> HttpResponse:
    """The file's progress; htmx asks for the fragment again until the file is ready."""
    context = {"file": get_file_for_user(request, pk), "poll": f"every {POLL_SECONDS}s"}
    if wants_fragment(request):
        return render(request, "downloads/_status.html", context)
    return render(request, "downloads/status.html", context)


@login_required
@require_GET
def download(request: HttpRequest, pk: int) -> FileResponse:
    """The finished file, streamed from storage after the check (the bucket stays private)."""
    generated = get_file_for_user(request, pk)
    stored = generated.file if generated.is_done else None
    response = stream(stored, none=_("This file is not ready."), fallback_name=generated.file_name)
    if generated.content_type:
        response["Content-Type"] = generated.content_type
    return response
