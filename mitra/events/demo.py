"""Demo data: Makassar's F8 festival with the signings the 2016 news item announced."""

from datetime import date, timedelta

from django.contrib.auth.models import User

from mitra.cooperations.models import Cooperation, Document
from mitra.events import services
from mitra.tenancy.models import Tenant

MAKASSAR = "7371"
F8_NAME = "Makassar International Eight Festival and Forum (F8)"
F8_PLACE = "Anjungan Pantai Losari"
DOMESTIC_PARTNERS = ("8172", "3372", "3471")  # Tual, Surakarta, Yogyakarta
SISTER_CITIES = (("Gothenburg", "SE"), ("Incheon", "KR"), ("Cape Town", "ZA"), ("Kaohsiung", "TW"))


def _domestic(tenant: Tenant, region_code: str) -> Cooperation | None:
    return (
        Cooperation.objects.filter(
            tenant=tenant,
            kind=Cooperation.Kind.DOMESTIC_REGION,
            partners__region__code=region_code,
        )
        .order_by("pk")
        .first()
    )


def _sister_city(tenant: Tenant, place: str, country: str) -> Cooperation | None:
    return (
        Cooperation.objects.filter(
            tenant=tenant,
            kind=Cooperation.Kind.FOREIGN_REGION,
            sub_form=Cooperation.SubForm.SISTER_CITY,
            partners__place__name=place,
            partners__country__code=country,
        )
        .order_by("pk")
        .first()
    )


def load_events_demo(tenants: dict[str, Tenant], officers: dict[str, User], today: date) -> None:
    """F8 about six weeks after `today`, with three KBs and four LoIs on its agenda."""
    tenant, officer = tenants[MAKASSAR], officers[MAKASSAR]
    starts = today + timedelta(weeks=6)
    event = services.create_event(
        tenant,
        by=officer,
        name=F8_NAME,
        place=F8_PLACE,
        starts_on=starts,
        ends_on=starts + timedelta(days=3),
        description=(
            "Festival dan forum internasional tahunan Kota Makassar. Penandatanganan KB dengan "
            "kota-kota mitra dalam negeri dan LoI kota bersaudara direncanakan di panggung utama."
        ),
    )
    plans = [
        (_domestic(tenant, code), Document.Kind.FRAMEWORK_AGREEMENT) for code in DOMESTIC_PARTNERS
    ]
    plans += [
        (_sister_city(tenant, place, country), Document.Kind.LETTER_OF_INTENT)
        for place, country in SISTER_CITIES
    ]
    for coop, kind in plans:
        if coop is not None:
            services.plan_signing(event, coop, kind, by=officer)
