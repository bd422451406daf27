"""The F8 demo: Makassar's festival with its planned signings and their readiness."""

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from pytest_django import DjangoDbBlocker

from mitra.demo.load import load_demo
from mitra.events.demo import F8_NAME
from mitra.events.models import Event
from mitra.tenancy.models import Membership
from tests.shared import built_once

TODAY = date(2026, 8, 1)


pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def f8(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[Event]:
    """The demo, loaded once for the module's read-only tests."""
    with built_once(django_db_blocker):
        load_demo(today=TODAY)  # the demo loads the events with everything else
        yield Event.objects.get(name=F8_NAME)


def test_f8_carries_three_kbs_and_four_lois(f8: Event) -> None:
    kinds = sorted(s.document_kind for s in f8.signings.all())
    assert kinds == ["framework_agreement"] * 3 + ["letter_of_intent"] * 4
    titles = " ".join(s.cooperation.title for s in f8.signings.all())
    for city in (
        "Tual",
        "Surakarta",
        "Yogyakarta",
        "Gothenburg",
        "Incheon",
        "Cape Town",
        "Kaohsiung",
    ):
        assert city in titles
    assert "e-government" not in titles
    assert f8.place == "Anjungan Pantai Losari" and (f8.starts_on - TODAY).days == 42


def test_makassars_f8_event_lists_its_planned_signings_with_their_readiness(
    f8: Event, client_as: Callable[[User], Client]
) -> None:
    officer = Membership.objects.get(
        tenant=f8.tenant, role=Membership.Role.COOPERATION_OFFICER
    ).user
    client = client_as(officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = client.get(f8.get_absolute_url()).content.decode()
    assert body.count('class="agenda__item"') == 7
    assert "not yet at the signing step" in body
    assert "signing the KB" in body  # the step the domestic KBs still have to reach
    assert "no diplomatic relations with" in body  # Kaohsiung needs central guidance
