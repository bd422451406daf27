"""Pages for staff: the list with workload, a profile, its edit form, and the capacity report."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mitra.cooperations import services as cooperation_services
from mitra.cooperations.access import get_cooperation_for_user
from mitra.downloads.asking import ask_for_file, made_by_the_worker
from mitra.lib.edits import tell_saved
from mitra.lib.htmx import vary_on_htmx, wants_fragment
from mitra.lib.refusal import Refused, show_on_form
from mitra.lib.shortlist import page_of, shortlist
from mitra.staff import files, queries, services
from mitra.staff.access import StaffMember, get_staff_member_for_user, staff_members
from mitra.staff.forms import (
    LanguageFormSet,
    ProfileForm,
    SkillsForm,
    chosen_languages,
    languages_initial,
    profile_initial,
)
from mitra.tenancy.access import acting_user, require_tenant

SHOWN = 10  # rows of each growing list of the capacity report the page shows
STAFF_PAGE_SIZE = 50
SHOWN_SUGGESTIONS = 3


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The tenant's staff with their load, a page at a time."""
    page = page_of(request, queries.workload(require_tenant(request)), STAFF_PAGE_SIZE)
    return render(request, "staff/list.html", {"rows": page.object_list, "page": page})


@login_required
@require_GET
def detail(request: HttpRequest, user_id: int) -> HttpResponse:
    member = get_staff_member_for_user(request, user_id)
    may_edit = member.may_edit_all or member.user == request.user
    return render(request, "staff/detail.html", {"member": member, "may_edit": may_edit})


def _save(member: StaffMember, request: HttpRequest, data: dict[str, Any], formset: object) -> bool:
    """Create or change the profile; whether anything changed."""
    tenant, by = require_tenant(request), acting_user(request)
    languages = chosen_languages(formset)
    if member.profile is None:
        services.create_staff_profile(tenant, member.user, by=by, languages=languages, **data)
        return True
    return services.update_staff_profile(member.profile, by=by, languages=languages, **data)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, user_id: int) -> HttpResponse:
    member = get_staff_member_for_user(request, user_id, write=True)
    form_class = ProfileForm if member.may_edit_all else SkillsForm
    data = request.POST if request.method == "POST" else None
    form = form_class(data, initial=profile_initial(member.profile))
    formset = LanguageFormSet(data, initial=languages_initial(member.profile), prefix="lang")
    if data is not None and form.is_valid() and formset.is_valid():
        try:
            changed = _save(member, request, form.cleaned_data, formset)
        except Refused as refusal:
            show_on_form(form, refusal)
        else:
            tell_saved(request, changed, _("The staff profile was saved."))
            return redirect("staff:detail", member.user.pk)
    context = {"member": member, "form": form, "formset": formset}
    return render(request, "staff/form.html", context)


@login_required
@require_GET
def capacity(request: HttpRequest) -> HttpResponse:
    """The capacity report with the first rows of each growing list; the CSV and XLSX downloads
    hold them all."""
    report = queries.capacity_report(require_tenant(request))
    context = {
        "report": report,
        "unowned": shortlist(report.unowned, SHOWN),
        "languages": [(row, shortlist(row.partners, SHOWN)) for row in report.languages],
        "overdue": [(row, shortlist(row.tasks, SHOWN)) for row in report.overdue],
    }
    return render(request, "staff/capacity.html", context)


@made_by_the_worker
@login_required
@require_http_methods(["GET", "POST"])
def capacity_xlsx(request: HttpRequest) -> HttpResponse:
    return ask_for_file(request, kind=files.XLSX, params={})


@made_by_the_worker
@login_required
@require_http_methods(["GET", "POST"])
def capacity_csv(request: HttpRequest, table: str) -> HttpResponse:
    require_tenant(request)
    if table not in files.TABLES:
        raise Http404
    return ask_for_file(request, kind=files.CSV, params={"table": [table]})


@login_required
@require_GET
@vary_on_htmx
def suggestions(request: HttpRequest, pk: int) -> HttpResponse:
    """The best few staff to own a cooperation, for writing roles: the panel its page loads
    once shown (htmx), or a page of its own."""
    coop = get_cooperation_for_user(request, pk, write=True)
    context = {"coop": coop, "suggestions": queries.suggest_assignees(coop)[:SHOWN_SUGGESTIONS]}
    template = "_suggestions.html" if wants_fragment(request) else "suggestions.html"
    return render(request, f"staff/{template}", context)


@login_required
@require_POST
def make_owner(request: HttpRequest, pk: int, user_id: int) -> HttpResponse:
    coop = get_cooperation_for_user(request, pk, write=True)
    owner = get_object_or_404(staff_members(coop.tenant), pk=user_id)
    try:
        changed = cooperation_services.update_cooperation(
            coop, by=acting_user(request), owner=owner
        )
    except Refused as refusal:
        for problem in refusal.problems:
            messages.error(request, problem)
    else:
        tell_saved(request, changed, _("The owner was changed."))
    return redirect(coop)
