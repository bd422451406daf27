"""Cooperations placed in time: created, moved and documented on given days, for period tests."""

from datetime import date, datetime, time

from django.utils import timezone

from mitra.cooperations.models import Cooperation, CooperationEvent, Document
from mitra.cooperations.services import PartyInput, record_past_state
from mitra.followups import services as followup_services
from tests.factories import make_cooperation, make_document


def at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


def created_on(day: date, tenant, **fields) -> Cooperation:
    """A cooperation recorded in Mitra on `day` (its creation logged that day too)."""
    coop = make_cooperation(tenant, **fields)
    Cooperation.objects.filter(pk=coop.pk).update(created_at=at(day))
    coop.events.update(at=at(day))
    coop.refresh_from_db()
    return coop


def moved(coop: Cooperation, state: str, day: date) -> None:
    event = record_past_state(coop, state, by=None, note="test setup")
    CooperationEvent.objects.filter(pk=event.pk).update(at=at(day))


def agreement(coop: Cooperation, title: str, numbers: tuple[str, str], signed: date, **fields):
    """A signed agreement numbered by both parties, attached on the day it was signed."""
    fields.setdefault("kind", Document.Kind.MOU)
    parties = [
        PartyInput("first", coop.tenant.name, numbers[0]),
        PartyInput("second", coop.partners.first().name, numbers[1]),
    ]
    document = make_document(coop, title=title, parties=parties, date_signed=signed, **fields)
    Document.objects.filter(pk=document.pk).update(created_at=at(signed))
    return document


def activity(coop: Cooperation, day: date, title: str = "Rapat koordinasi"):
    return followup_services.log_activity(
        coop.tenant, by=None, kind="meeting", date=day, title=title, cooperation=coop
    )
