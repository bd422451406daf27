"""A tenant's members see times, and judge "today", in their region's zone (issue 14).

A record made at 19.03 UTC is 02.03 WIB in Bandung, 03.03 WITA in Makassar and 04.03 WIT in
Jayapura, each on the next day; Kemendagri's central reviewers read the installation's zone.
"""

from datetime import UTC, date, datetime

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from mitra.cooperations import rules
from mitra.cooperations.models import Cooperation, CooperationEvent, Document
from mitra.cooperations.tests.test_web_documents import add_url, document_data
from mitra.regions.middleware import TenantZoneMiddleware
from mitra.reviews.models import ReviewRequest
from mitra.reviews.tests.walking import walk
from mitra.tenancy.models import Membership
from tests.factories import make_cooperation, make_tenant, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_time_zone")]

RECORDED = datetime(2026, 12, 6, 19, 3, tzinfo=UTC)
# 23.30 on 7 December in Jakarta and Bandung, already 01.30 on 8 December in Jayapura.
LATE_EVENING_IN_JAKARTA = datetime(2026, 12, 7, 16, 30, tzinfo=UTC)


def officer_of(region_code):
    return make_user(make_tenant(region_code), Membership.Role.COOPERATION_OFFICER)


def _history_shown(client, coop):
    """The cooperation's page with every time on it at RECORDED: a time of the test's own
    moment (the record made just now) could read as the other zone's time of RECORDED."""
    CooperationEvent.objects.filter(cooperation=coop).update(at=RECORDED)
    Cooperation.objects.filter(pk=coop.pk).update(created_at=RECORDED, updated_at=RECORDED)
    response = client.get(reverse("cooperations:detail", args=[coop.pk]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("region_code", "shown", "not_shown"),
    [
        ("7371", "7 Des 2026, 03.03 WITA", "7 Des 2026, 02.03"),  # Kota Makassar
        ("3273", "7 Des 2026, 02.03 WIB", "7 Des 2026, 03.03"),  # Kota Bandung
        ("9171", "7 Des 2026, 04.03 WIT", "7 Des 2026, 02.03"),  # Kota Jayapura
    ],
)
def test_a_member_sees_a_records_time_in_the_tenants_zone(client_as, region_code, shown, not_shown):
    officer = officer_of(region_code)
    coop = make_cooperation(officer.memberships.get().tenant)
    html = _history_shown(client_as(officer), coop)
    assert shown in html
    assert not_shown not in html


def test_the_zone_ends_with_the_request_and_kemendagri_reads_the_installations(
    client_as, tenant, cooperation_officer, central_reviewer
):
    coop = make_cooperation(tenant)
    walk(
        coop,
        Cooperation.State.CENTRAL_VERIFICATION,
        office=cooperation_officer,
        centre=central_reviewer,
    )
    assert "03.03 WITA" in _history_shown(client_as(cooperation_officer), coop)
    assert timezone.get_current_timezone_name() == settings.TIME_ZONE
    review = ReviewRequest.objects.get(cooperation=coop, status=ReviewRequest.Status.OPEN)
    page = client_as(central_reviewer).get(reverse("reviews:detail", args=[review.pk]))
    html = page.content.decode()
    assert "7 Des 2026, 02.03 WIB" in html
    assert "WITA" not in html


def test_the_zone_ends_also_when_the_view_raises(rf: RequestFactory, cooperation_officer):
    seen = []

    def view(request):
        seen.append(timezone.get_current_timezone_name())
        raise RuntimeError("the view broke")

    request = rf.get("/")
    request.tenant = cooperation_officer.memberships.get().tenant
    with pytest.raises(RuntimeError):
        TenantZoneMiddleware(view)(request)
    assert seen == ["Asia/Makassar"]
    assert timezone.get_current_timezone_name() == settings.TIME_ZONE


def at_jakartas_late_evening(monkeypatch):
    """A fixed clock: the one case where Jakarta's day and Jayapura's differ."""
    monkeypatch.setattr(timezone, "now", lambda: LATE_EVENING_IN_JAKARTA)
    assert timezone.localdate() == date(2026, 12, 7)


def test_a_signing_on_jayapuras_today_is_no_signing_in_the_future(client_as, monkeypatch):
    """At 01.30 WIT on 8 December it is still 7 December in Jakarta: Jayapura may record a
    signing of the 8th, Bandung may not."""
    at_jakartas_late_evening(monkeypatch)
    signed = {"date_signed": "2026-12-08", "valid_from": "2026-12-08"}
    jayapura, bandung = officer_of("9171"), officer_of("3273")
    ours = make_cooperation(jayapura.memberships.get().tenant)
    theirs = make_cooperation(bandung.memberships.get().tenant)

    accepted = client_as(jayapura).post(add_url(ours), document_data(**signed))
    refused = client_as(bandung).post(add_url(theirs), document_data(**signed))

    assert accepted.status_code == 302
    assert Document.objects.get(cooperation=ours).date_signed == date(2026, 12, 8)
    assert refused.status_code == 200
    with translation.override("id"):
        future = rules.signed_by_today(date(2026, 12, 8), date(2026, 12, 7))
    assert refused.context["form"].errors["date_signed"] == future
    assert not Document.objects.filter(cooperation=theirs).exists()
