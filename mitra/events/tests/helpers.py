"""Events with signings at chosen steps, for the events tests."""

from datetime import date

from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.services import PartyInput, record_past_state
from mitra.events import services
from mitra.events.models import Event, PlannedSigning
from mitra.partners.models import Country
from mitra.tenancy.models import Tenant
from tests.factories import make_partner
from tests.procedure import cooperation_of_kind

F8_DAY = date(2026, 9, 10)
K = Cooperation.Kind
S = Cooperation.State


def make_event(tenant: Tenant, **overrides: object) -> Event:
    fields: dict[str, object] = {
        "name": "F8",
        "place": "Anjungan Pantai Losari",
        "starts_on": F8_DAY,
        "ends_on": date(2026, 9, 13),
    }
    fields.update(overrides)
    return services.create_event(tenant, by=None, **fields)


def sister_city_at_loi(tenant: Tenant, country: str = "SE", title: str = "") -> Cooperation:
    partner = make_partner(tenant, country=Country.objects.get(code=country))
    coop = cooperation_of_kind(
        tenant, K.FOREIGN_REGION, partners=[partner], title=title or f"Sister city {country}"
    )
    record_past_state(coop, S.LETTER_OF_INTENT, by=None, note="test setup")
    return coop


def domestic_at(tenant: Tenant, state: str, title: str = "KB Tual") -> Cooperation:
    coop = cooperation_of_kind(tenant, K.DOMESTIC_REGION, title=title)
    record_past_state(coop, state, by=None, note="test setup")
    return coop


def plan(event: Event, coop: Cooperation, kind: str) -> PlannedSigning:
    return services.plan_signing(event, coop, kind, by=None)


def two_parties(first: str = "A/1", second: str = "B/1") -> list[PartyInput]:
    return [
        PartyInput(role="first", name="Kota Makassar", number=first),
        PartyInput(role="second", name="Mitra", number=second),
    ]


LOI = Document.Kind.LETTER_OF_INTENT
KB = Document.Kind.FRAMEWORK_AGREEMENT
