"""The API judges "today" in the zone of the token's tenant, as the web does (issue 14)."""

import pytest
from django.conf import settings
from django.utils import timezone

from mitra.api.tests.conftest import API
from mitra.regions.tests.test_time_zones import at_jakartas_late_evening, officer_of
from tests.factories import make_cooperation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_time_zone")]


def test_the_api_judges_today_in_the_tokens_tenants_zone(api_as, monkeypatch):
    at_jakartas_late_evening(monkeypatch)
    jayapura = officer_of("9171")
    coop = make_cooperation(jayapura.memberships.get().tenant)
    document = {
        "kind": "letter_of_intent",
        "title": "LoI Jayapura–Vanimo",
        "date_signed": "2026-12-08",
        "parties": [{"role": "first", "name": "Pemerintah Kota Jayapura", "number": "1/KS"}],
    }
    response = api_as(jayapura).post(
        f"{API}/cooperations/{coop.pk}/documents", document, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    assert timezone.get_current_timezone_name() == settings.TIME_ZONE
