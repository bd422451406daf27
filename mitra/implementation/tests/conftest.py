"""Signed cooperations with plans of action, on fixed dates, made through the services."""

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from mitra.cooperations.models import Agency, Cooperation, Document, Sector
from mitra.cooperations.services import create_agency, record_past_state
from mitra.implementation import services
from mitra.implementation.models import PlanItem
from mitra.partners.models import Country
from mitra.tenancy.models import Tenant
from tests.factories import make_cooperation, make_document, make_partner

SIGNED_ON = date(2025, 1, 6)
VALID_UNTIL = date(2029, 12, 31)


def signed_cooperation(
    tenant: Tenant,
    *,
    signed_on: date = SIGNED_ON,
    valid_until: date | None = VALID_UNTIL,
    country: str = "KR",
    sectors: tuple[str, ...] = (Sector.Slug.SMART_CITY,),
    **overrides: Any,
) -> tuple[Cooperation, Document]:
    """A sister-city cooperation in implementation with its signed MoU."""
    partner = make_partner(tenant, country=Country.objects.get(code=country))
    coop = make_cooperation(tenant, partners=[partner], sectors=list(sectors), **overrides)
    record_past_state(coop, Cooperation.State.IMPLEMENTATION, by=None, note="test setup")
    mou = make_document(
        coop,
        kind=Document.Kind.MOU,
        title=f"MoU {coop.title}",
        date_signed=signed_on,
        valid_from=signed_on,
        valid_until=valid_until,
    )
    return coop, mou


def plan_item(document: Document, **overrides: Any) -> PlanItem:
    fields: dict[str, Any] = {
        "activity": "Gerai Little Bandung",
        "target_quantity": Decimal(200),
        "unit": "gerai",
        "start_date": date(2025, 1, 1),
        "end_date": date(2026, 12, 31),
    }
    fields.update(overrides)
    return services.create_plan_item(document, by=None, **fields)


def english_client(client: Client) -> Client:
    """The client with English chosen on the language switch."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def recorded_on(item: PlanItem, day: date) -> PlanItem:
    """Pretend the item was recorded on `day` (the recurring obligations count from then)."""
    moment = timezone.make_aware(datetime.combine(day, time(9)))
    PlanItem.objects.filter(pk=item.pk).update(created_at=moment)
    item.refresh_from_db()
    return item


@pytest.fixture
def agency(tenant: Tenant) -> Agency:
    return create_agency(tenant, by=None, name="Dinas Koperasi dan UKM", acronym="Diskop UKM")


@pytest.fixture
def signed(tenant: Tenant) -> tuple[Cooperation, Document]:
    return signed_cooperation(tenant)
