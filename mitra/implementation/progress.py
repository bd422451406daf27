"""Where plan items stand (read-only): achieved against target and time, at risk or not.

Everything is computed from items with their `updates` prefetched, so a page of cooperations
costs the same few queries however many items they carry. The prefetches of this module put
plain lists on the rows (`Prefetch(to_attr=...)`): Django's default prefetch makes a queryset
for every row, which cost a big city's dashboard two seconds for its four thousand plan items.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from operator import itemgetter
from typing import Any, Protocol, cast

from django.db import DEFAULT_DB_ALIAS
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from mitra.cooperations.models import Cooperation
from mitra.followups.models import Task
from mitra.implementation import rules
from mitra.implementation.models import (
    BenefitKind,
    Evaluation,
    Obligation,
    PlanItem,
    ProgressUpdate,
)

Benefits = dict[str, Decimal]

# The attributes the prefetches below (and `ItemFacts.as_item`) fill with plain lists.
LOADED_ITEMS = "loaded_plan_items"
LOADED_UPDATES = "loaded_updates"
LOADED_OBLIGATIONS = "loaded_obligations"
LOADED_OPEN_DUES = "loaded_open_dues"


@dataclass(frozen=True, slots=True)
class Report:
    """What the progress rules read of a progress update (`ProgressUpdate` has the same names)."""

    date: date
    value: Decimal | None
    smes_reached: int | None
    people_trained: int | None
    investment_value: Decimal | None


REPORT_FIELDS = ("date", "value", *BenefitKind.values)
# What `item_progress`, the dormancy facts and a shortlist of items read of a plan item: a page
# that judges thousands of items loads only these (`.only(*PROGRESS_FIELDS)`).
PROGRESS_FIELDS = (
    "cooperation_id",
    "document_id",
    "position",
    "activity",
    "target_quantity",
    "unit",
    "milestone_date",
    "start_date",
    "end_date",
    "status",
    "recurrence",
)


def with_updates(items: QuerySet[PlanItem]) -> QuerySet[PlanItem]:
    """Plan items with their agency, agreement and reports: what `item_progress` reads."""
    return items.select_related("agency", "document").prefetch_related(
        Prefetch(
            "updates",
            queryset=ProgressUpdate.objects.order_by("date", "pk"),
            to_attr=LOADED_UPDATES,
        ),
        Prefetch(
            "obligations",
            queryset=Obligation.objects.select_related("task"),
            to_attr=LOADED_OBLIGATIONS,
        ),
    )


def plan_items_prefetch() -> Prefetch[Any]:
    """The prefetch giving cooperations their plan items as `item_progress` reads them."""
    return Prefetch(
        "plan_items", queryset=with_updates(PlanItem.objects.all()), to_attr=LOADED_ITEMS
    )


def _reports_and_dues(
    ids: QuerySet[PlanItem, Any],
) -> tuple[defaultdict[int, list[Report]], defaultdict[int, list[date]]]:
    """The reports (oldest first) and the open obligations' due dates of the items `ids`
    selects, by item, as plain values in two queries."""
    reports: defaultdict[int, list[Report]] = defaultdict(list)
    rows = ProgressUpdate.objects.filter(item__in=ids).order_by("item_id", "date", "pk")
    for item_id, *values in rows.values_list("item_id", *REPORT_FIELDS):
        reports[item_id].append(Report(*values))
    dues: defaultdict[int, list[date]] = defaultdict(list)
    open_tasks = Obligation.objects.filter(item__in=ids, task__status=Task.Status.OPEN)
    for item_id, due in open_tasks.values_list("item_id", "due_date"):
        dues[item_id].append(due)
    return reports, dues


class ProgressFacts(Protocol):
    """What the progress rules read of a plan item: a `PlanItem` or an `ItemFacts` row."""

    @property
    def status(self) -> str: ...
    @property
    def target_quantity(self) -> Decimal | None: ...
    @property
    def start_date(self) -> date: ...
    @property
    def end_date(self) -> date | None: ...
    @property
    def milestone_date(self) -> date | None: ...
    @property
    def recurrence(self) -> str: ...


# What an `ItemFacts` row is read from: the item's key and PROGRESS_FIELDS, in the model's order
# of its fields (the order `Model.from_db` expects of values for some of them).
ITEM_COLUMNS = tuple(
    f.attname for f in PlanItem._meta.concrete_fields if f.attname in {"id", *PROGRESS_FIELDS}
)


@dataclass(slots=True)
class ItemFacts:
    """A plan item as the progress rules read it, with its reports and open obligations, built
    from plain values: a page that judges thousands of items and shows a few (the dashboard)
    judges these, and makes model rows (`as_item`) only of the items it shows."""

    pk: int
    cooperation_id: int
    status: str
    target_quantity: Decimal | None
    start_date: date
    end_date: date | None
    milestone_date: date | None
    recurrence: str
    row: tuple[Any, ...]  # the values of ITEM_COLUMNS
    loaded_updates: list[Report] = field(default_factory=list)  # LOADED_UPDATES
    loaded_open_dues: list[date] = field(default_factory=list)  # LOADED_OPEN_DUES

    @classmethod
    def of(cls, row: Sequence[Any]) -> "ItemFacts":
        pk, cooperation, status, target, start, end, milestone, recurrence = _FACT_VALUES(row)
        return cls(pk, cooperation, status, target, start, end, milestone, recurrence, tuple(row))

    def as_item(self) -> PlanItem:
        """The model row `.only(*PROGRESS_FIELDS)` would load, made without a query, carrying
        the reports and open obligations already read."""
        item = PlanItem.from_db(DEFAULT_DB_ALIAS, list(ITEM_COLUMNS), self.row)
        setattr(item, LOADED_UPDATES, self.loaded_updates)
        setattr(item, LOADED_OPEN_DUES, self.loaded_open_dues)
        return item


# The values of ItemFacts' own fields, in their order, taken from a row of ITEM_COLUMNS.
_FACT_VALUES = itemgetter(
    *(
        ITEM_COLUMNS.index(name)
        for name in (
            "id",
            "cooperation_id",
            "status",
            "target_quantity",
            "start_date",
            "end_date",
            "milestone_date",
            "recurrence",
        )
    )
)


def item_facts(rows: Iterable[Sequence[Any]], of: QuerySet[PlanItem]) -> list[ItemFacts]:
    """`rows` (values of ITEM_COLUMNS, in their order) as `ItemFacts`, with the reports and open
    obligations of the items `of` selects (which must hold them all), in two queries."""
    reports, dues = _reports_and_dues(of.values("pk"))
    facts = [ItemFacts.of(row) for row in rows]
    for fact in facts:
        fact.loaded_updates = reports[fact.pk]
        fact.loaded_open_dues = dues[fact.pk]
    return facts


def _updates(item: ProgressFacts) -> Sequence[Report | ProgressUpdate]:
    """The item's reports, oldest first: from `with_updates` or `item_facts` when the caller
    used them."""
    loaded: Sequence[Report | ProgressUpdate] | None = getattr(item, LOADED_UPDATES, None)
    if loaded is not None:
        return loaded
    return list(cast(PlanItem, item).updates.all())  # an ItemFacts row carries its reports


def _obligations(item: PlanItem) -> list[Obligation]:
    loaded: list[Obligation] | None = getattr(item, LOADED_OBLIGATIONS, None)
    return loaded if loaded is not None else list(item.obligations.select_related("task"))


@dataclass(frozen=True)
class ItemProgress:
    """A plan item on a day: the latest total reported, against its target and its period."""

    item: PlanItem
    achieved: Decimal | None
    last_report: date | None
    ratio: float | None
    elapsed: float | None
    reasons: list[str]
    benefits: Benefits = field(default_factory=dict)

    @property
    def at_risk(self) -> bool:
        return bool(self.reasons)

    @property
    def percent(self) -> int | None:
        return None if self.ratio is None else round(self.ratio * 100)

    @property
    def elapsed_percent(self) -> int | None:
        return None if self.elapsed is None else round(self.elapsed * 100)

    @property
    def shortfall(self) -> Decimal | None:
        """How much of the target is still missing; None without a target or when it is met."""
        target = self.item.target_quantity
        if target is None:
            return None
        missing = target - (self.achieved or Decimal(0))
        return missing if missing > 0 else None


def _latest_benefits(updates: Sequence[Report | ProgressUpdate]) -> Benefits:
    benefits: Benefits = {}
    for update in updates:  # oldest first: a later report replaces an earlier total
        for kind in BenefitKind.values:
            value = getattr(update, kind)
            if value is not None:
                benefits[kind] = Decimal(value)
    return benefits


def _open_obligations(item: ProgressFacts) -> list[date]:
    loaded: list[date] | None = getattr(item, LOADED_OPEN_DUES, None)
    if loaded is not None:
        return loaded
    return [  # an ItemFacts row carries its open dues
        o.due_date
        for o in _obligations(cast(PlanItem, item))
        if o.task is not None and o.task.status == Task.Status.OPEN
    ]


@dataclass(frozen=True, slots=True)
class _Judgement:
    updates: list[Report | ProgressUpdate]
    achieved: Decimal | None
    last_report: date | None
    ratio: float | None
    elapsed: float | None
    reasons: list[str]


def _judge(item: ProgressFacts, day: date, stale_days: int) -> _Judgement:
    """Where `item` stood on `day`, from the reports made by then: the one reading of the rules
    that `item_progress` and `is_at_risk` share."""
    updates = [u for u in _updates(item) if u.date <= day]
    valued = [u for u in updates if u.value is not None]
    achieved = valued[-1].value if valued else None
    last_report = updates[-1].date if updates else None
    ratio = rules.target_ratio(achieved, item.target_quantity)
    elapsed = rules.elapsed_fraction(
        item.start_date, rules.deadline(item.end_date, item.milestone_date), day
    )
    reasons = rules.at_risk_reasons(
        status=item.status,
        ratio=ratio,
        elapsed=elapsed,
        milestone=item.milestone_date,
        last_report=last_report,
        start=item.start_date,
        today=day,
        stale_days=rules.stale_after_days(
            item.recurrence, item.target_quantity is not None, stale_days
        ),
        open_obligations=_open_obligations(item),
    )
    return _Judgement(updates, achieved, last_report, ratio, elapsed, reasons)


def item_progress(
    item: PlanItem, today: date, stale_days: int, *, as_of: date | None = None
) -> ItemProgress:
    """Where `item` stood on `as_of` (default `today`), from the reports made by then."""
    j = _judge(item, as_of or today, stale_days)
    benefits = _latest_benefits(j.updates)
    return ItemProgress(item, j.achieved, j.last_report, j.ratio, j.elapsed, j.reasons, benefits)


def is_at_risk(item: ProgressFacts, today: date, stale_days: int) -> bool:
    """`item_progress(...).at_risk` for an item or an `ItemFacts` row, without the rest."""
    return bool(_judge(item, today, stale_days).reasons)


def progress_of(
    items: Iterable[PlanItem], today: date, stale_days: int, *, as_of: date | None = None
) -> list[ItemProgress]:
    return [item_progress(item, today, stale_days, as_of=as_of) for item in items]


@dataclass
class TargetLine:
    """Promised and delivered in one unit, summed over items: 200 outlets, 57 delivered."""

    unit: str
    target: Decimal = Decimal(0)
    achieved: Decimal = Decimal(0)
    items: int = 0

    @property
    def ratio(self) -> float | None:
        return rules.target_ratio(self.achieved, self.target)

    @property
    def percent(self) -> int | None:
        ratio = self.ratio
        return None if ratio is None else round(ratio * 100)


def target_lines(progresses: Iterable[ItemProgress]) -> list[TargetLine]:
    """Targets and results per unit; units differing only in case or spaces are one."""
    lines: dict[str, TargetLine] = {}
    for p in progresses:
        target = p.item.target_quantity
        if target is None or p.item.status == PlanItem.Status.CANCELLED:
            continue
        key = " ".join(p.item.unit.split()).casefold()
        line = lines.setdefault(key, TargetLine(unit=" ".join(p.item.unit.split())))
        line.target += target
        line.achieved += p.achieved or Decimal(0)
        line.items += 1
    return sorted(lines.values(), key=lambda line: line.unit.casefold())


def add_benefits(total: Benefits, more: Benefits) -> None:
    for kind, value in more.items():
        total[kind] = total.get(kind, Decimal(0)) + value


def benefits_of(progresses: Iterable[ItemProgress]) -> Benefits:
    total: Benefits = {}
    for p in progresses:
        add_benefits(total, p.benefits)
    return total


def benefit_rows(benefits: Benefits) -> list[tuple[str, str, Decimal]]:
    """(kind, label, value) for each benefit reported, in the fixed order of the kinds."""
    return [(k, str(label), benefits[k]) for k, label in BenefitKind.choices if k in benefits]


def open_or_done(progresses: Iterable[ItemProgress]) -> list[ItemProgress]:
    return [p for p in progresses if p.item.status != PlanItem.Status.CANCELLED]


def today_or(day: date | None) -> date:
    return day or timezone.localdate()


def cooperation_items(cooperation: Cooperation) -> list[PlanItem]:
    """The cooperation's plan items, from `plan_items_prefetch` when the caller used it."""
    loaded: list[PlanItem] | None = getattr(cooperation, LOADED_ITEMS, None)
    return loaded if loaded is not None else list(cooperation.plan_items.all())


def cooperation_evaluations(cooperation: Cooperation) -> list[Evaluation]:
    """The cooperation's evaluations, from the prefetch when the caller made one."""
    return list(cooperation.evaluations.all())
