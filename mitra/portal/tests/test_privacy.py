"""The public pages never show what was not published: every private field carries a marker.

Every text field of a published cooperation and of everything attached to it (documents and
their parties, state changes, activities, tasks, events, reviews, partner notes, aliases and
contacts, the people involved) is set to a string containing MARKER, as are the texts of an
unpublished cooperation of the same tenant. No public page or JSON may contain the marker.
"""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone, translation

from mitra.cooperations.models import (
    Agency,
    Cooperation,
    CooperationEvent,
    Document,
    DocumentParty,
    Sector,
)
from mitra.cooperations.services import record_past_state
from mitra.events.models import Event, PlannedSigning
from mitra.followups.models import Activity, Task
from mitra.lib.formatting import long_date, medium_date
from mitra.partners.models import Contact, Country, Partner, PartnerAlias, Place
from mitra.portal import services
from mitra.portal.stages import Stage
from mitra.reviews.models import ReviewRequest
from mitra.tenancy.models import Tenant
from tests.factories import make_partner, make_user

from .conftest import INCHEON, publish, signed_mou, sister_city
from .markers import MARKER, PUBLIC_MODELS, linked_models, mark, mark_the_rest

pytestmark = pytest.mark.django_db

BUDGET = Decimal("987654321.12")
COUNCIL_APPROVED = date(2021, 3, 17)


def marked_user(tenant, role):
    user = make_user(tenant, role)
    return mark(user, keep=("password", "username"))


def mark_everything_around(coop, tenant):
    officer = marked_user(tenant, "cooperation_officer")
    agency = mark(Agency.objects.create(tenant=tenant, name="agency"))
    Cooperation.objects.filter(pk=coop.pk).update(
        budget_amount=BUDGET, owner=officer, initiating_agency=agency
    )
    coop.refresh_from_db()
    coop.implementing_agencies.set([agency], through_defaults={"tenant": tenant})
    mark(coop, keep=("state", "procedure_order"))
    Cooperation.objects.filter(pk=coop.pk).update(objects_of_cooperation=[f"{MARKER}-object"])
    partner = mark(coop.partners.get(), keep=("name",))
    alias = mark(PartnerAlias.objects.create(tenant=tenant, partner=partner, alias="alias"))
    contact = mark(Contact.objects.create(tenant=tenant, partner=partner, name="contact"))
    mou = signed_mou(coop)
    mark(mou, keep=("kind",))
    party = mark(DocumentParty.objects.get(document=mou))
    council = Document.objects.create(
        tenant=tenant,
        cooperation=coop,
        kind=Document.Kind.COUNCIL_APPROVAL,
        title="approval",
        date_signed=COUNCIL_APPROVED,
    )
    mark(council)
    mark(
        Document.objects.create(
            tenant=tenant, cooperation=coop, kind=Document.Kind.MOU, title="unsigned draft"
        )
    )
    event = record_past_state(coop, Cooperation.State.IMPLEMENTATION, by=officer, note=MARKER)
    mark(event, keep=("action",))
    activity = mark(
        Activity.objects.create(
            tenant=tenant, kind="meeting", date=date(2024, 1, 5), title="t", cooperation=coop
        )
    )
    activity.partner_contacts.add(contact, through_defaults={"tenant": tenant})
    task = mark(
        Task.objects.create(
            tenant=tenant,
            title="t",
            cooperation=coop,
            activity=activity,
            assignee=officer,
            due_date=date(2024, 2, 1),
        )
    )
    festival = mark(Event.objects.create(tenant=tenant, name="F8", starts_on=date(2024, 9, 1)))
    festival.cooperations.add(coop, through_defaults={"tenant": tenant})
    signing = mark(
        PlannedSigning.objects.create(
            tenant=tenant, event=festival, cooperation=coop, document_kind="mou"
        )
    )
    review = mark(
        ReviewRequest.objects.create(
            cooperation=coop, tenant=tenant, kind="approval", opened_at=timezone.now()
        )
    )
    made = {
        Tenant: tenant,
        User: officer,
        Agency: agency,
        Cooperation: coop,
        Partner: partner,
        PartnerAlias: alias,
        Contact: contact,
        Document: mou,
        DocumentParty: party,
        CooperationEvent: event,
        Activity: activity,
        Task: task,
        Event: festival,
        PlannedSigning: signing,
        ReviewRequest: review,
    }
    return officer, made


@pytest.fixture
def portal(tenant, other_tenant):
    """A published cooperation with every private field marked, and marked things around it."""
    incheon = make_partner(
        tenant,
        name="Incheon Metropolitan City",
        country=Country.objects.get(code="KR"),
        place=Place.objects.get(pk=INCHEON),
    )
    coop = sister_city(
        tenant,
        partner=incheon,
        sectors=[Sector.Slug.SMART_CITY],
        start_date=date(2019, 7, 1),
    )
    officer, made = mark_everything_around(coop, tenant)
    made_by_others = mark_the_rest(made)
    publication = services.publish_cooperation(
        coop,
        by=officer,
        public_title="Makassar and Incheon, sister cities",
        public_summary="Smart city exchange between the two port cities.",
    )
    # An unpublished cooperation whose every text, partner included, is a marker.
    japan = Country.objects.get(code="JP")
    secret_partner = make_partner(
        tenant, name=f"{MARKER}-partner", country=japan, place=japan.places.first()
    )
    hidden = sister_city(tenant, title="hidden", partner=secret_partner)
    mark(hidden, keep=("state", "procedure_order"))
    services.unpublish_cooperation(publish(hidden, title=f"{MARKER}-public-title"), by=None)
    never = sister_city(tenant, title="never published", partner=secret_partner)
    mark(never, keep=("state", "procedure_order"))
    # Bandung publishes too; nothing of it shows on Makassar's pages.
    bandung = sister_city(other_tenant, partner=make_partner(other_tenant, name=f"{MARKER}-bdg"))
    publish(bandung, title=f"{MARKER}-bandung")
    publication.covered = {m._meta.label_lower for m in made} | set(made_by_others)
    return publication


def public_pages(tenant, publication):
    slug = tenant.slug
    map_url = reverse("portal:map_data", args=[slug])
    return {
        "tenant list": reverse("portal:tenant", args=[slug]),
        "filtered list": reverse("portal:tenant", args=[slug]) + "?country=KR&stage=in_force",
        "detail": publication.get_absolute_url(),
        "map data": map_url,
        "filtered map data": map_url + "?sector=smart_city",
    }


@pytest.mark.parametrize("language", ["id", "en"])
def test_no_public_page_shows_a_private_field(client, tenant, portal, language):
    client.cookies["django_language"] = language
    for name, url in public_pages(tenant, portal).items():
        response = client.get(url)
        assert response.status_code == 200, name
        body = response.content.decode()
        leaks = sorted({body[m.start() : m.start() + 60] for m in re.finditer(MARKER, body)})
        assert leaks == [], f"{name} shows {leaks}"
        assert not any(n in body for n in ("987654321", "987.654.321", "987,654,321")), name
        with translation.override(language):
            assert long_date(COUNCIL_APPROVED) not in body, name


def test_the_index_shows_no_private_field(client, portal):
    body = client.get(reverse("portal:index")).content.decode()
    assert MARKER not in body


def test_the_published_fields_do_appear(client, tenant, portal):
    body = client.get(portal.get_absolute_url()).content.decode()
    with translation.override("id"):  # the page's language, whatever was active before
        shown = [
            str(Cooperation.Kind.FOREIGN_REGION.label),
            str(Stage.IN_FORCE.label),
            str(Sector.Slug.SMART_CITY.label),
            str(Document.Kind.MOU.label),
            long_date(date(2019, 7, 1)),
            medium_date(date(2019, 6, 26)),  # in the table of agreements
        ]
    shown += [
        "Makassar and Incheon, sister cities",
        "Smart city exchange between the two port cities.",
        "Incheon Metropolitan City",
        "Korea Selatan",
        "Incheon",
    ]
    for text in shown:
        assert text in body, text
    markers = client.get(reverse("portal:map_data", args=[tenant.slug])).json()["markers"]
    assert [m["partners"] for m in markers] == [["Incheon Metropolitan City"]]


def test_every_model_about_cooperations_or_partners_got_a_marked_record(portal):
    """Models of other apps linked to a cooperation or partner are filled by `mark_the_rest`."""
    expected = {m._meta.label_lower for m in linked_models()} - PUBLIC_MODELS
    assert expected - portal.covered == set()


def test_the_marker_really_reaches_every_private_text(portal):
    coop = portal.cooperation
    coop.refresh_from_db()
    assert MARKER in coop.title and MARKER in coop.summary and MARKER in coop.budget_line
    assert MARKER in Partner.objects.get(name="Incheon Metropolitan City").notes
    assert all(MARKER in p.number for p in DocumentParty.objects.filter(document__cooperation=coop))
    assert MARKER in User.objects.get(pk=coop.owner_id).first_name
