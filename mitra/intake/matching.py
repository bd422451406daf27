"""Finding what a news item's facts already are in Mitra: read-only, within one tenant.

Partners are resolved exactly (folded name or alias, a company's legal form left out, the
same Indonesian region, the same gazetteer place); approximate matches are only offered as suggestions, because a near spelling
is often a different real place (Incheon and Icheon). Articles are compared the same way:
the same normalised text is a duplicate, a token-set similarity of 90 or more a near-duplicate
for the reviewer to judge.
"""

from dataclasses import dataclass

from django.db.models import Count
from rapidfuzz import fuzz, process, utils

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation
from mitra.intake.models import NewsItem
from mitra.lib.text import company_key, fold
from mitra.partners.models import Partner
from mitra.regions.models import Region
from mitra.tenancy.models import Tenant

SUGGESTION_SCORE = 85
SUGGESTION_LIMIT = 3
NEAR_DUPLICATE_SCORE = 90
NEAR_DUPLICATE_WINDOW = 1000  # the most recent items compared with a new one
# Closed for good: no transition leaves them (an expired one may still be renewed).
CLOSED_STATES = workflow.FINAL


class PartnerIndex:
    """The tenant's partners by folded name and alias, loaded once per page or confirmation."""

    def __init__(self, tenant: Tenant) -> None:
        self.tenant = tenant
        partners = Partner.objects.for_tenant(tenant).prefetch_related("aliases").order_by("pk")
        self.by_key: dict[str, Partner] = {}
        self.by_company: dict[str, Partner] = {}
        self.by_region: dict[str, Partner] = {}
        self.by_place: dict[int, Partner] = {}
        for partner in partners:
            self.add(partner, *(alias.alias for alias in partner.aliases.all()))

    def add(self, partner: Partner, *aliases: str) -> None:
        for name in [partner.name, *aliases]:
            self.by_key.setdefault(fold(name), partner)
            self.by_company.setdefault(company_key(name), partner)
        if partner.region_id:
            self.by_region.setdefault(partner.region_id, partner)
        if partner.place_id:
            self.by_place.setdefault(partner.place_id, partner)

    def find(
        self, name: str, *, region: Region | None = None, place_id: int | None = None
    ) -> Partner | None:
        """The partner this exactly is: same region, same place, or same folded name or alias,
        with or without a company's legal form ("Hanbit Solar Co., Ltd." is "Hanbit Solar")."""
        if region is not None and region.pk in self.by_region:
            return self.by_region[region.pk]
        if place_id is not None and place_id in self.by_place:
            return self.by_place[place_id]
        return self.by_key.get(fold(name)) or self.by_company.get(company_key(name))

    def similar(self, name: str, *, exclude: Partner | None = None) -> list[Partner]:
        """Partners whose name or alias looks like `name`: suggestions, never a match."""
        key = fold(name)
        if not key or not self.by_key:
            return []
        found = process.extract(
            key,
            list(self.by_key),
            scorer=fuzz.WRatio,
            score_cutoff=SUGGESTION_SCORE,
            limit=SUGGESTION_LIMIT * 3,
        )
        suggestions: list[Partner] = []
        for matched_key, _score, _index in found:
            partner = self.by_key[matched_key]
            if partner != exclude and partner not in suggestions:
                suggestions.append(partner)
        return suggestions[:SUGGESTION_LIMIT]


def matching_cooperation(tenant: Tenant, partner: Partner) -> Cooperation | None:
    """The tenant's open cooperation whose only partner is `partner`, most recently updated."""
    with_partner = Cooperation.objects.filter(partners=partner).values("pk")
    return (
        Cooperation.objects.for_tenant(tenant)
        .filter(pk__in=with_partner)
        .exclude(state__in=CLOSED_STATES)
        .annotate(partner_count=Count("partners"))
        .filter(partner_count=1)
        .order_by("-updated_at", "-pk")
        .first()
    )


def same_text(tenant: Tenant, text_hash: str) -> NewsItem | None:
    return (
        NewsItem.objects.for_tenant(tenant)
        .filter(text_hash=text_hash)
        .select_related("submitted_by")
        .first()
    )


@dataclass(frozen=True)
class NearDuplicate:
    item: NewsItem
    score: int


def near_duplicate(tenant: Tenant, text: str) -> NearDuplicate | None:
    """The most similar recent item of the tenant at token-set similarity 90 or more."""
    recent = NewsItem.objects.for_tenant(tenant).order_by("-submitted_at", "-pk")
    texts = dict(recent.values_list("pk", "text")[:NEAR_DUPLICATE_WINDOW])
    if not texts:
        return None
    best = process.extractOne(
        text,
        texts,
        scorer=fuzz.token_set_ratio,
        processor=utils.default_process,
        score_cutoff=NEAR_DUPLICATE_SCORE,
    )
    if best is None:
        return None
    _text, score, pk = best
    return NearDuplicate(NewsItem.objects.get(pk=pk), round(score))
