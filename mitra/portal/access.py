"""The ways into the portal's data: anonymous reads of what is published, officers' own records.

Public reads never look at a request's user: a tenant is found by its slug, and only published
cooperations of that tenant are reachable (anything else is 404). Officers' reads go through
`require_tenant` like every other page.
"""

from collections import Counter

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from mitra.cooperations.models import (
    Cooperation,
    CooperationPartner,
    CooperationSector,
    Document,
    Sector,
)
from mitra.partners.models import Country, Partner
from mitra.portal.models import PortalPage, Publication, PublicationQuerySet
from mitra.tenancy.access import require_tenant
from mitra.tenancy.models import Tenant

# Agreements whose signing and validity dates the public may see (never their numbers or files).
PUBLIC_DOCUMENT_KINDS = frozenset(
    {
        Document.Kind.LETTER_OF_INTENT,
        Document.Kind.FRAMEWORK_AGREEMENT,
        Document.Kind.IMPLEMENTING_AGREEMENT,
        Document.Kind.MOU,
        Document.Kind.CENTRAL_MEMORANDUM,
        Document.Kind.ADDENDUM,
        Document.Kind.RENEWAL,
    }
)

# Only the columns the portal shows are loaded at all: a template cannot print what is not there.
_COOPERATION_FIELDS = (
    "cooperation__id",
    "cooperation__tenant_id",
    "cooperation__kind",
    "cooperation__state",
    "cooperation__start_date",
    "cooperation__end_date",
)
_PARTNER_FIELDS = (
    "id",
    "name",
    "kind",
    "country__code",
    "country__numeric",
    "country__name_id",
    "country__name_en",
    "place__geonameid",
    "place__name",
    "place__latitude",
    "place__longitude",
    "region__code",
    "region__name",
    "region__type",
    "region__latitude",
    "region__longitude",
)
_DOCUMENT_FIELDS = (
    "id",
    "cooperation_id",
    "kind",
    "date_signed",
    "valid_from",
    "valid_until",
    "until_terminated",
)


def publishing_tenants() -> QuerySet[Tenant]:
    """Tenants with at least one published cooperation, with how many they publish."""
    published = Q(publications__published_at__isnull=False)
    return (
        Tenant.objects.annotate(published_count=Count("publications", filter=published))
        .filter(published_count__gt=0)
        .only("id", "name", "slug")
        .order_by("name")
    )


def get_publishing_tenant(slug: str) -> Tenant:
    """The tenant behind a portal address; one that publishes nothing has no portal (404)."""
    tenant = get_object_or_404(
        Tenant.objects.only("id", "name", "slug", "cooperation_unit", "region_id"), slug=slug
    )
    if not Publication.objects.for_tenant(tenant).published().exists():
        raise Http404(_("This regional government publishes no cooperation."))
    return tenant


def portal_intro(tenant: Tenant) -> str:
    page = PortalPage.objects.filter(tenant=tenant).only("intro").first()
    return page.intro if page else ""


# Where `published_for` puts each cooperation's partners, sectors and agreements: plain lists,
# since a queryset made for each of two thousand records cost a big city's page a third.
PUBLIC_PARTNERS = "public_partners"
PUBLIC_SECTORS = "public_sectors"
PUBLIC_DOCUMENTS = "public_documents"


def published(tenant: Tenant) -> PublicationQuerySet:
    """The tenant's published cooperations, nothing loaded with them."""
    return (
        Publication.objects.for_tenant(tenant)
        .published()
        .filter(cooperation__tenant=tenant)  # defence in depth: the service keeps them equal
    )


def published_for(tenant: Tenant, narrowed: Q | None = None) -> QuerySet[Publication]:
    """The tenant's published cooperations (those `narrowed` leaves, a filter of publications)
    with everything the portal shows, in four queries."""
    partners = Partner.objects.select_related("country", "place", "region").only(*_PARTNER_FIELDS)
    documents = Document.objects.filter(
        kind__in=PUBLIC_DOCUMENT_KINDS, date_signed__isnull=False
    ).only(*_DOCUMENT_FIELDS)
    return (
        published(tenant)
        .filter(narrowed or Q())
        .select_related("cooperation")
        .only(
            "id",
            "tenant_id",
            "public_title",
            "public_summary",
            "published_at",
            *_COOPERATION_FIELDS,
        )
        .prefetch_related(  # as lists (to_attr), read by `public.public_record`
            Prefetch(
                "cooperation__partners",
                queryset=partners.order_by("name"),
                to_attr=PUBLIC_PARTNERS,
            ),
            Prefetch("cooperation__sectors", to_attr=PUBLIC_SECTORS),
            Prefetch(
                "cooperation__documents",
                queryset=documents.order_by("date_signed", "pk"),
                to_attr=PUBLIC_DOCUMENTS,
            ),
        )
        .order_by("public_title", "pk")
    )


def loi_signed(cooperation: OuterRef) -> Exists:
    """Whether the cooperation (`cooperation`, a reference to its id) has its LoI recorded as
    signed, among the documents the portal lists: the public stage says so
    (`stages.public_stage`)."""
    return Exists(
        Document.objects.filter(
            cooperation=cooperation,
            kind=Document.Kind.LETTER_OF_INTENT,
            date_signed__isnull=False,
        )
    )


def published_states(tenant: Tenant) -> Counter[tuple[str, bool]]:
    """How many of the tenant's published cooperations are in each state, told apart by
    whether their LoI is recorded as signed (which the public stage reads)."""
    counted = (
        published(tenant)
        .annotate(loi_signed=loi_signed(OuterRef("cooperation")))
        .values_list("cooperation__state", "loi_signed")
        .annotate(n=Count("pk"))
    )
    return Counter({(state, signed): n for state, signed, n in counted.order_by()})


def published_countries(tenant: Tenant) -> list[Country]:
    """The countries of the partners of the tenant's published cooperations."""
    links = CooperationPartner.objects.filter(
        tenant=tenant, cooperation__in=published(tenant).values("cooperation")
    )
    codes = links.values("partner__country")
    return list(Country.objects.filter(code__in=codes).only("code", "name_id", "name_en"))


def published_sectors(tenant: Tenant) -> list[Sector]:
    """The sectors of the tenant's published cooperations."""
    links = CooperationSector.objects.filter(
        tenant=tenant, cooperation__in=published(tenant).values("cooperation")
    )
    return list(Sector.objects.filter(slug__in=links.values("sector")))


def get_published(tenant: Tenant, pk: int) -> Publication:
    """One published cooperation of this tenant; unpublished or another tenant's is 404."""
    return get_object_or_404(published_for(tenant), pk=pk)


def cooperations_to_publish(request: HttpRequest) -> QuerySet[Cooperation]:
    """The officer's tenant's cooperations with their publication, for the manage page."""
    tenant = require_tenant(request, write=True)
    return (
        Cooperation.objects.for_tenant(tenant)
        .select_related("publication")
        .annotate(loi_signed=loi_signed(OuterRef("pk")))
        .order_by("title", "pk")
    )


def get_publication_for_user(request: HttpRequest, cooperation_pk: int) -> Publication:
    """The publication of one of the writer's tenant's cooperations; otherwise 404."""
    tenant = require_tenant(request, write=True)
    queryset = Publication.objects.for_tenant(tenant).select_related("cooperation")
    return get_object_or_404(queryset, cooperation__pk=cooperation_pk)


def publication_of(coop: Cooperation) -> Publication | None:
    """The cooperation's publication row (published or not), or None if it never had one."""
    try:
        return coop.publication
    except Publication.DoesNotExist:
        return None


def publishes(tenant: Tenant) -> bool:
    return Publication.objects.for_tenant(tenant).published().exists()
