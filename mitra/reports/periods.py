"""Reporting periods: a calendar year, a quarter or any span of days, their names, and which
cooperations belong to them.

Indonesian offices report by year (tahun) and quarter (triwulan); a custom span is named by its
first and last day. The name is derived from the dates alone, so the page, the PDF, the XLSX and
the API all call a period the same.

A cooperation belongs to the period [start, end] (both days included; `in_period`) when

(a) something happened on it within the period: a state change, a document attached or signed,
    follow-up in the activity log (not a news report: `followups.rules.counts_as_follow_up`),
    or an event (`mitra.events`) it was scheduled for; or
(b) it existed during the period: it had begun by `end` (recorded in Mitra, its start date, or a
    document signed or valid from by then) and had not finished before `start`: its end date is
    not earlier, and it did not reach an ended or expired state before `start` (a finished
    cooperation whose state has not changed since `start` finished before it).
"""

from datetime import date, datetime, time, timedelta

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation, CooperationEvent, Document
from mitra.events.models import Event
from mitra.followups.models import Activity
from mitra.followups.rules import follow_up_kinds
from mitra.lib.formatting import long_date

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
FIRST_YEAR = 1950  # the oldest sister-city ties of Indonesian regions date from the 1960s
LAST_YEAR = 2100


def year_dates(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def quarter_dates(year: int, quarter: int) -> tuple[date, date]:
    """The first and last day of quarter 1–4 of `year`."""
    first = date(year, 3 * quarter - 2, 1)
    after = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return first, after - timedelta(days=1)


def period_label(start: date, end: date) -> str:
    """ "Tahun 2025", "Triwulan II Tahun 2025", or "1 Januari 2025 s.d. 15 Mei 2025"."""
    if (start, end) == year_dates(start.year):
        return _("Year %(year)d") % {"year": start.year}
    quarter = (start.month - 1) // 3 + 1
    if (start, end) == quarter_dates(start.year, quarter):
        return _("Quarter %(quarter)s of %(year)d") % {
            "quarter": ROMAN[quarter],
            "year": start.year,
        }
    return _("%(start)s to %(end)s") % {"start": long_date(start), "end": long_date(end)}


def day_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The period as aware datetimes in local time: from `start` 00:00 up to (not including)
    the midnight after `end`, for comparing with timestamps."""
    after = end + timedelta(days=1)
    return (
        timezone.make_aware(datetime.combine(start, time.min)),
        timezone.make_aware(datetime.combine(after, time.min)),
    )


def _happened_in(start: date, end: date) -> Q:
    start_at, end_at = day_bounds(start, end)
    pk = OuterRef("pk")
    changes = CooperationEvent.objects.filter(cooperation=pk, at__gte=start_at, at__lt=end_at)
    documents = Document.objects.filter(cooperation=pk).filter(
        Q(date_signed__range=(start, end)) | Q(created_at__gte=start_at, created_at__lt=end_at)
    )
    activities = Activity.objects.filter(
        cooperation=pk, date__range=(start, end), kind__in=follow_up_kinds()
    )
    events = Event.objects.filter(cooperations=pk, starts_on__lte=end).filter(
        Q(ends_on__gte=start) | Q(ends_on__isnull=True, starts_on__gte=start)
    )
    return Q(Exists(changes)) | Q(Exists(documents)) | Q(Exists(activities)) | Q(Exists(events))


def _existed_in(start: date, end: date) -> Q:
    start_at, end_at = day_bounds(start, end)
    pk = OuterRef("pk")
    early = Document.objects.filter(cooperation=pk).filter(
        Q(date_signed__lte=end) | Q(valid_from__lte=end)
    )
    began = Q(created_at__lt=end_at) | Q(start_date__lte=end) | Q(Exists(early))
    changed_since = CooperationEvent.objects.filter(cooperation=pk, at__gte=start_at)
    finished = Q(end_date__lt=start) | (Q(state__in=workflow.NOT_LIVE) & ~Q(Exists(changed_since)))
    return began & ~finished


def in_period(cooperations: QuerySet[Cooperation], start: date, end: date) -> QuerySet[Cooperation]:
    """The cooperations that belong to the period (see the module's docstring), in one query."""
    return cooperations.filter(_happened_in(start, end) | _existed_in(start, end))


def with_state_at_end(cooperations: QuerySet[Cooperation], end: date) -> QuerySet[Cooperation]:
    """Annotated with `period_state`: the state at the end of `end` (else the current one)."""
    _start_at, end_at = day_bounds(end, end)
    last = CooperationEvent.objects.filter(cooperation=OuterRef("pk"), at__lt=end_at)
    target = last.order_by("-at", "-pk").values("target")[:1]
    return cooperations.annotate(period_state=Coalesce(Subquery(target), F("state")))
