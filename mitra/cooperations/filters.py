"""The cooperation list's query: filters, search and sort from a filter form's cleaned data."""

from collections.abc import Mapping
from typing import Any, cast

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When

from mitra.cooperations.models import Cooperation, CooperationQuerySet
from mitra.partners.models import Partner

DEFAULT_SORT = "-updated"
# The state filter's value for every live state at once (`Cooperation.objects.live()`), which
# the dashboard's figures and charts link to.
LIVE = "live"
# Live and moving (`Cooperation.objects.under_way()`): what the dashboard's headline counts.
UNDER_WAY = "under_way"


def _by_stage() -> Case:
    """States in procedure order (their order in Cooperation.State), not alphabetically."""
    return Case(
        *(When(state=state, then=Value(rank)) for rank, state in enumerate(Cooperation.State)),
        output_field=IntegerField(),
    )


SORTS: dict[str, tuple[Any, ...]] = {
    "-updated": ("-updated_at", "-pk"),
    "updated": ("updated_at", "pk"),
    "title": ("title", "pk"),
    "-title": ("-title", "-pk"),
    "state": (_by_stage(), "title", "pk"),
}


def _search(queryset: QuerySet[Cooperation], text: str) -> QuerySet[Cooperation]:
    # Partner matches go through a subquery so a cooperation with two matching partners
    # is listed once without DISTINCT (which would fight with the stage ordering). The
    # subqueries start from the caller's cooperations, so they read only the tenant's rows; the
    # names, aliases, titles and summaries have trigram indexes on PostgreSQL
    # (mitra/lib/search_indexes.py).
    matching_partners = Partner.objects.filter(
        Q(name__icontains=text) | Q(aliases__alias__icontains=text)
    )
    through_partner = queryset.filter(partners__in=matching_partners).values("pk")
    return queryset.filter(
        Q(title__icontains=text) | Q(summary__icontains=text) | Q(pk__in=through_partner)
    )


def filter_cooperations(
    queryset: QuerySet[Cooperation], data: Mapping[str, Any]
) -> QuerySet[Cooperation]:
    """The tenant's `queryset` narrowed by kind, state, sector, partner country and search text.

    `data` is a filter form's cleaned data; missing or empty values do not filter.
    """
    if data.get("kind"):
        queryset = queryset.filter(kind=data["kind"])
    if data.get("state") == LIVE:
        # Every queryset of cooperations is a CooperationQuerySet (the model's manager).
        queryset = cast(CooperationQuerySet, queryset).live()
    elif data.get("state") == UNDER_WAY:
        queryset = cast(CooperationQuerySet, queryset).under_way()
    elif data.get("state"):
        queryset = queryset.filter(state=data["state"])
    if data.get("sector"):
        queryset = queryset.filter(sectors__slug=data["sector"])
    if data.get("country"):
        in_country = Cooperation.objects.filter(partners__country_id=data["country"]).values("pk")
        queryset = queryset.filter(pk__in=in_country)
    text = (data.get("q") or "").strip()
    if text:
        queryset = _search(queryset, text)
    order = SORTS.get(data.get("sort") or DEFAULT_SORT, SORTS[DEFAULT_SORT])
    return queryset.order_by(*order)


def with_list_columns(queryset: QuerySet[Cooperation]) -> QuerySet[Cooperation]:
    """Everything the list's columns show, in a fixed number of queries whatever the page size:
    the partners with their countries in one."""
    partners = Prefetch("partners", queryset=Partner.objects.select_related("country"))
    return queryset.prefetch_related(partners, "sectors")
