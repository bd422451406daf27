"""Lists that grow with a tenant, shown in bounded size: a page of rows, or the first few.

A page that lists every row of a big city's register weighs megabytes. A full list paginates
(`page_of`, with `templates/_pagination.html`); a summary shows its first rows and how many
more there are (`Shortlist`), linking to the full list.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Model, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest

PAGE_SIZE = 25

_TOTAL = "shortlist_total"


@dataclass(frozen=True)
class Shortlist[T]:
    """The first `rows` of a list and the number of rows the whole list holds."""

    rows: list[T]
    total: int

    @property
    def more(self) -> int:
        """How many rows are left out."""
        return self.total - len(self.rows)


def shortlist[T](items: Sequence[T], size: int) -> Shortlist[T]:
    """The first `size` of `items`, already in memory."""
    return Shortlist(list(items[:size]), len(items))


def first_rows[M: Model](queryset: "QuerySet[M, Any]", size: int) -> Shortlist[M]:
    """The first `size` rows of `queryset` and its count, in one query: each row carries the
    count of the whole list (a window over it), so no second COUNT query is needed."""
    rows = list(queryset.annotate(**{_TOTAL: Window(Count("pk"))})[:size])
    return Shortlist(rows, getattr(rows[0], _TOTAL) if rows else 0)


def first_rows_by[M: Model](
    queryset: "QuerySet[M, Any]", size: int, key: Any, order_by: Sequence[Any] = ()
) -> dict[Any, Shortlist[M]]:
    """The first `size` rows of each group of `queryset` whose rows share a value of `key` (an
    expression), in `order_by` (by default the queryset's own order), with each group's count,
    in one query; a group without rows is absent."""
    order = list(order_by or queryset.query.order_by or queryset.model._meta.ordering or ["pk"])
    ranked = queryset.annotate(
        shortlist_key=key,
        shortlist_rank=Window(RowNumber(), partition_by=[key], order_by=order),
        **{_TOTAL: Window(Count("pk"), partition_by=[key])},
    ).filter(shortlist_rank__lte=size)
    groups: dict[Any, Shortlist[M]] = {}
    for row in ranked.order_by(*order):
        groups.setdefault(row.shortlist_key, Shortlist([], getattr(row, _TOTAL))).rows.append(row)
    return groups


def page_of[T](
    request: HttpRequest, rows: "Sequence[T] | QuerySet[Any, Any]", size: int = PAGE_SIZE
) -> Page[Any]:
    """The page of `rows` the request asks for (`?page=`); a page out of range or not a
    number gives the last or the first page, never an error."""
    return Paginator(rows, size).get_page(request.GET.get("page"))
