"""Cooperations of Makassar (and of Bandung, the other tenant) on and off the public portal."""

from datetime import date

import pytest

from mitra.cooperations.models import Cooperation, Document, Sector
from mitra.cooperations.services import PartyInput, record_past_state
from mitra.partners.models import Country, Place
from mitra.portal import services
from tests.factories import make_cooperation, make_document, make_partner

INCHEON = 1843564
MOU_SIGNED = date(2019, 6, 26)
MOU_VALID_UNTIL = date(2024, 6, 25)


def publish(coop, title=None, summary="", by=None):
    return services.publish_cooperation(
        coop, by=by, public_title=title or f"Public {coop.title}", public_summary=summary
    )


def sister_city(tenant, title="Kota kembar Makassar–Incheon", partner=None, state=None, **fields):
    partner = partner or make_partner(
        tenant,
        name="Incheon Metropolitan City",
        country=Country.objects.get(code="KR"),
        place=Place.objects.get(pk=INCHEON),
    )
    fields.setdefault("sectors", [Sector.Slug.SMART_CITY])
    coop = make_cooperation(tenant, title=title, partners=[partner], **fields)
    if state:
        record_past_state(coop, state, by=None, note="test setup")
    return coop


def signed_mou(coop, number="MoU-NUMBER-1"):
    return make_document(
        coop,
        kind=Document.Kind.MOU,
        title=f"MoU {coop.pk}",
        date_signed=MOU_SIGNED,
        valid_from=MOU_SIGNED,
        valid_until=MOU_VALID_UNTIL,
        parties=[PartyInput(role="first", name="Party Name Inside", number=number)],
    )


@pytest.fixture
def published(tenant):
    """Makassar–Incheon in implementation with a signed MoU, on the portal."""
    coop = sister_city(
        tenant,
        state=Cooperation.State.IMPLEMENTATION,
        start_date=date(2019, 7, 1),
        end_date=date(2024, 6, 25),
    )
    signed_mou(coop)
    return publish(
        coop,
        title="Makassar and Incheon, sister cities",
        summary="Smart city exchange between the two port cities.",
    )
