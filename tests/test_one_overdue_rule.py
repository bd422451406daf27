"""One overdue rule for every due date the product shows (issue 14).

An evaluation four months late showed as a yellow "harus selesai paling lambat …". A day
something must be done by is judged once, by `mitra.lib.deadlines.due_status` (its SQL twin
`overdue_q`), and shown once, by `templates/_due.html` (red "terlambat N hari" when overdue).
These tests read every template and every module and fail on a due date shown or judged
anywhere else; the behaviour tests walk the pages where an overdue evaluation shows.
"""

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from mitra.cooperations.models import Cooperation
from mitra.followups.services import complete_task, create_task
from mitra.implementation.periods import Period
from mitra.implementation.queries import panel_context
from mitra.implementation.recurring import DueEvaluation, create_evaluation_reminder
from mitra.implementation.tests.conftest import plan_item, signed_cooperation
from mitra.lib.deadlines import (
    DueState,
    due_status,
    is_overdue,
    overdue_for_more_than,
    overdue_for_more_than_q,
)

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted([*ROOT.glob("templates/**/*.html"), *ROOT.glob("mitra/*/templates/**/*.html")])
MODULES = sorted(
    path
    for path in ROOT.glob("mitra/**/*.py")
    if "tests" not in path.parts and "migrations" not in path.parts
)
INCLUDE = "templates/_due.html"
# A field named like a due date, written out with one of the date formats.
DUE_SHOWN = re.compile(
    r"([\w.]*(?:due_date|due_on|due_day|\.due|deadline|milestone_date|valid_until|end_date|"
    r"expires_on))\|(?:medium_date|long_date|iso_date|month_year)"
)
# Dates named like due dates that are the end of a term, not a day something must be done by:
# a validity or a period shown as a span, a preview of what an import would write, the public
# record. (template, field) -> why.
TERMS: dict[tuple[str, str], str] = {
    (
        "mitra/cooperations/templates/cooperations/_detail_content.html",
        "coop.end_date",
    ): "the cooperation's term, start – end",
    (
        "mitra/cooperations/templates/cooperations/_documents.html",
        "document.valid_until",
    ): "a document's validity, from – until",
    (
        "mitra/implementation/templates/implementation/cooperation.html",
        "document.valid_until",
    ): "the validity of the agreement a plan belongs to",
    (
        "mitra/implementation/templates/implementation/evaluation_print.html",
        "evaluation.agreement.valid_until",
    ): "the validity of the agreement evaluated, in print",
    (
        "mitra/imports/templates/imports/_rows.html",
        "row.document.valid_until",
    ): "what the import would record, before it exists",
    ("mitra/portal/templates/portal/_facts.html", "record.end_date"): "the public record's term",
    (
        "mitra/portal/templates/portal/_facts.html",
        "agreement.valid_until",
    ): "the public record's validity",
}
# Judging a due day against today by hand, in Python or in a query.
JUDGED_BY_HAND = re.compile(
    r"(due_date|milestone_date|milestone|\bdue\b|valid_until)\s*[<>]=?\s*today\b"
    r"|\btoday\s*[<>]=?\s*[\w.]*(due_date|milestone|\bdue\b)"
    r"|due_date__lt\b"
)
HELPER = "mitra/lib/deadlines.py"


def test_the_templates_and_modules_are_found():
    assert len(TEMPLATES) > 100 and len(MODULES) > 100


def _due_dates_shown() -> list[tuple[str, int, str]]:
    found = []
    for path in TEMPLATES:
        where = str(path.relative_to(ROOT))
        if where == INCLUDE:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            found += [(where, number, field) for field in DUE_SHOWN.findall(line)]
    return found


def test_every_due_date_a_template_shows_goes_through_the_one_include():
    bypassing = [
        f"{where}:{number}: {field}"
        for where, number, field in _due_dates_shown()
        if (where, field) not in TERMS
    ]
    assert bypassing == [], "show these through {% include '_due.html' with due=…|due_status %}"


def test_every_term_listed_is_still_shown_so_the_list_stays_true():
    shown = {(where, field) for where, _number, field in _due_dates_shown()}
    assert set(TERMS) - shown == set()


@pytest.mark.parametrize(
    "line",
    [
        "{{ task.due_date|medium_date }}",
        "{% blocktranslate with day=evaluation_due.due|long_date %}",
        "{{ p.item.milestone_date|long_date }}",
        "{{ obligation.due_date|medium_date }}",
    ],
)
def test_the_scan_finds_a_due_date_written_out_by_hand(line):
    assert DUE_SHOWN.search(line)


def test_no_module_judges_a_due_date_against_today_by_itself():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in MODULES
        if str(path.relative_to(ROOT)) != HELPER
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if JUDGED_BY_HAND.search(line)
    ]
    assert found == [], "use mitra.lib.deadlines (due_status, is_overdue, overdue_q)"


@pytest.mark.parametrize(
    "line",
    [
        "if task.due_date < today:",
        "overdue = [d for d in days if today > d.due]",
        ".filter(due_date__lt=today)",
        "if milestone is None or today <= milestone:",
    ],
)
def test_the_scan_finds_a_due_date_judged_by_hand(line):
    assert JUDGED_BY_HAND.search(line)


# --- The rule -----------------------------------------------------------------------------------

TODAY = date(2026, 3, 10)


@pytest.mark.parametrize(
    ("day", "state", "days"),
    [
        (TODAY - timedelta(days=120), DueState.OVERDUE, 120),
        (TODAY - timedelta(days=1), DueState.OVERDUE, 1),
        (TODAY, DueState.TODAY, 0),
        (TODAY + timedelta(days=1), DueState.SOON, 1),
        (TODAY + timedelta(days=7), DueState.SOON, 7),
        (TODAY + timedelta(days=8), DueState.LATER, 8),
    ],
)
def test_a_due_day_is_overdue_from_the_day_after(day, state, days):
    status = due_status(day, TODAY)
    assert (status.state, status.days) == (state, days)
    assert is_overdue(day, TODAY) is (state == DueState.OVERDUE)


def test_due_soon_follows_the_notice_the_caller_gives():
    assert due_status(TODAY + timedelta(days=60), TODAY, soon_days=90).state == DueState.SOON


def _render(day: date | None, **more: object) -> str:
    template = Template('{% include "_due.html" with due=day|due_status done=done %}')
    return template.render(Context({"day": day, "done": False, **more}))


@pytest.mark.django_db
def test_the_include_shows_an_overdue_day_in_red_with_the_days_late():
    html = _render(timezone.localdate() - timedelta(days=120))
    assert "due--overdue" in html
    assert "terlambat 120 hari" in html


@pytest.mark.django_db
def test_the_include_says_due_today_and_soon_and_nothing_once_done():
    today = timezone.localdate()
    assert "tenggat hari ini" in _render(today)
    assert "dalam 3 hari" in _render(today + timedelta(days=3))
    done = _render(today - timedelta(days=120), done=True)
    assert "due--done" in done and "terlambat" not in done


@pytest.mark.django_db
def test_the_include_shows_nothing_for_no_day():
    assert _render(None).strip() == ""


# --- An evaluation 120 days overdue ------------------------------------------------------------


def _evaluation_task(coop: Cooperation, days_late: int) -> None:
    """The evaluation task the daily run gives the responsible officer, `days_late` days late."""
    due = timezone.localdate() - timedelta(days=days_late)
    period = Period(due - timedelta(days=211), due - timedelta(days=30))
    reminder = create_evaluation_reminder(DueEvaluation(coop, period, due))
    assert reminder is not None and reminder.task is not None


@pytest.fixture
def signed(tenant):
    return signed_cooperation(tenant)


@pytest.fixture
def late_evaluation(tenant, cooperation_officer):
    coop, _mou = signed_cooperation(tenant, title="Kota Kembar Makassar–Incheon")
    Cooperation.objects.filter(pk=coop.pk).update(owner=cooperation_officer)
    _evaluation_task(coop, 120)
    return coop


def test_an_evaluation_due_120_days_ago_is_red_on_the_cooperation_pages(signed):
    coop, mou = signed
    plan_item(mou, start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
    due = date(2025, 7, 30)  # semester 1 2025 and its thirty days
    context = panel_context(coop, today=due + timedelta(days=120))
    with translation.override("id"):
        html = render_to_string("implementation/_evaluation_due.html", context)
    assert "alert--error" in html and "alert--warning" not in html
    assert "due--overdue" in html and "terlambat 120 hari" in html
    assert "harus selesai paling lambat" not in html


def test_both_pages_show_the_evaluation_due_through_one_fragment():
    for name in ("_cooperation_panel.html", "cooperation.html"):
        text = (ROOT / "mitra/implementation/templates/implementation" / name).read_text()
        assert '{% include "implementation/_evaluation_due.html" %}' in text


def test_an_evaluation_not_yet_due_is_amber(signed):
    coop, mou = signed
    plan_item(mou, start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
    context = panel_context(coop, today=date(2025, 7, 25))
    html = render_to_string("implementation/_evaluation_due.html", context)
    assert "alert--warning" in html and "due--soon" in html


def test_the_overdue_evaluation_task_is_red_on_the_leaders_dashboard(
    client_as, leadership, late_evaluation
):
    page = client_as(leadership).get(reverse("dashboard:index")).content.decode()
    assert "Kota Kembar Makassar–Incheon" in page
    assert 'class="due due--overdue"' in page
    assert "terlambat 120 hari" in page


def test_the_overdue_evaluation_task_is_red_in_the_officers_day(
    client_as, cooperation_officer, late_evaluation
):
    page = client_as(cooperation_officer).get(reverse("dashboard:index")).content.decode()
    assert "terlambat 120 hari" in page


@pytest.mark.parametrize("url", ["followups:my_tasks", "followups:tasks"])
def test_the_overdue_evaluation_task_is_red_in_the_task_lists(
    client_as, cooperation_officer, late_evaluation, url
):
    page = client_as(cooperation_officer).get(reverse(url)).content.decode()
    assert "terlambat 120 hari" in page


def test_the_overdue_evaluation_task_is_red_on_the_cooperation_page(
    client_as, cooperation_officer, late_evaluation
):
    page = client_as(cooperation_officer).get(late_evaluation.get_absolute_url()).content.decode()
    assert "terlambat 120 hari" in page


def test_a_done_task_is_no_longer_shown_late(client_as, cooperation_officer, tenant):
    task = create_task(
        tenant,
        by=cooperation_officer,
        title="Kirim notulen",
        assignee=cooperation_officer,
        due_date=timezone.localdate() - timedelta(days=10),
        given_on=timezone.localdate() - timedelta(days=20),
    )
    complete_task(task, by=cooperation_officer, note="terkirim")
    page = client_as(cooperation_officer).get(reverse("followups:tasks")).content.decode()
    assert "Kirim notulen" in page
    assert "terlambat 10 hari" not in page


def test_the_outsider_sees_nothing_of_the_late_evaluation(client_as, outsider, late_evaluation):
    page = client_as(outsider).get(reverse("dashboard:index")).content.decode()
    assert "terlambat 120 hari" not in page
    assert client_as(outsider).get(late_evaluation.get_absolute_url()).status_code == 404


def test_the_escalation_threshold_and_its_sql_twin_agree_on_every_day_around_it():
    today = date(2026, 12, 6)
    for days in (0, 1, 7, 30):
        [(lookup, bound)] = overdue_for_more_than_q("due_date", today, days).children
        assert lookup == "due_date__lt"
        for offset in range(-40, 40):
            day = today + timedelta(days=offset)
            assert overdue_for_more_than(day, today, days) == (day < bound), (days, offset)
