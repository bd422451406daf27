"""The officers' side: choosing what the public sees, writing its text, taking it back."""

from datetime import date

import pytest
from django.urls import reverse

from mitra.audit.models import AuditEntry
from mitra.audit.services import trail_for, void
from mitra.cooperations.models import Cooperation, Document
from mitra.portal import services
from mitra.portal.models import PortalPage, Publication
from mitra.portal.stages import Stage
from tests.factories import make_cooperation, make_document

from .conftest import publish, sister_city

pytestmark = pytest.mark.django_db

MANAGE = reverse("portal:manage")
TEXT = {"public_title": "Makassar and Incheon", "public_summary": "An exchange of city staff."}


def edit_url(coop):
    return reverse("portal:edit", args=[coop.pk])


def unpublish_url(coop):
    return reverse("portal:unpublish", args=[coop.pk])


@pytest.fixture
def coop(tenant):
    return sister_city(tenant, state=Cooperation.State.LETTER_OF_INTENT)


@pytest.mark.parametrize("writer", ["tenant_admin", "cooperation_officer", "agency_officer"])
def test_a_writer_publishes_a_cooperation_with_a_public_text(request, client_as, writer, coop):
    user = request.getfixturevalue(writer)
    response = client_as(user).post(edit_url(coop), TEXT)
    assert response.status_code == 302
    publication = Publication.objects.get(cooperation=coop)
    assert publication.is_published
    assert publication.public_title == "Makassar and Incheon"
    assert publication.public_summary == "An exchange of city staff."
    assert publication.published_by == user
    assert publication.tenant == coop.tenant


def test_the_publish_form_starts_from_the_internal_title(client_as, cooperation_officer, coop):
    response = client_as(cooperation_officer).get(edit_url(coop))
    assert response.context["form"]["public_title"].value() == coop.title
    assert not Publication.objects.exists()  # opening the form publishes nothing


def test_a_published_cooperations_text_is_edited_and_stays_published(
    client_as, cooperation_officer, coop
):
    publication = publish(coop, title="Old title")
    client_as(cooperation_officer).post(edit_url(coop), TEXT)
    publication.refresh_from_db()
    assert publication.public_title == "Makassar and Incheon"
    assert publication.is_published
    entry = AuditEntry.objects.filter(record=f"portal.publication:{publication.pk}").latest("at")
    assert entry.changes["public_title"] == ["Old title", "Makassar and Incheon"]


def test_a_missing_public_title_is_refused_on_the_field(client_as, cooperation_officer, coop):
    response = client_as(cooperation_officer).post(
        edit_url(coop), {"public_title": "", "public_summary": "Kept."}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["public_title"]
    assert "Kept." in response.content.decode()
    assert not Publication.objects.exists()


def test_a_writer_unpublishes_and_the_text_is_kept(client, client_as, cooperation_officer, coop):
    publication = publish(coop, title="Makassar and Incheon")
    response = client_as(cooperation_officer).post(unpublish_url(coop))
    assert response.status_code == 302
    publication.refresh_from_db()
    assert not publication.is_published
    assert publication.public_title == "Makassar and Incheon"
    assert client.get(publication.get_absolute_url()).status_code == 404


def test_publishing_again_after_unpublishing_reuses_the_row(client_as, cooperation_officer, coop):
    publication = publish(coop)
    client_as(cooperation_officer).post(unpublish_url(coop))
    client_as(cooperation_officer).post(edit_url(coop), TEXT)
    assert Publication.objects.get().pk == publication.pk
    assert Publication.objects.get().is_published


@pytest.mark.parametrize("reader", ["team_reviewer", "leadership"])
def test_a_reader_may_not_publish(request, client_as, reader, coop):
    user = request.getfixturevalue(reader)
    client = client_as(user)
    assert client.get(MANAGE).status_code == 403
    assert client.get(edit_url(coop)).status_code == 403
    assert client.post(edit_url(coop), TEXT).status_code == 403
    assert not Publication.objects.exists()


def test_a_reader_may_not_unpublish(client_as, team_reviewer, coop):
    publication = publish(coop)
    assert client_as(team_reviewer).post(unpublish_url(coop)).status_code == 403
    publication.refresh_from_db()
    assert publication.is_published


def test_an_outsider_gets_404_for_another_tenants_cooperation(client_as, outsider, coop):
    client = client_as(outsider)
    assert client.get(edit_url(coop)).status_code == 404
    assert client.post(edit_url(coop), TEXT).status_code == 404
    publish(coop)
    assert client.post(unpublish_url(coop)).status_code == 404
    assert Publication.objects.get().is_published


def test_the_manage_page_is_for_signed_in_users(client, coop):
    response = client.get(MANAGE)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_a_central_reviewer_has_no_tenant_to_publish_for(client_as, central_reviewer):
    assert client_as(central_reviewer).get(MANAGE).status_code == 403


def test_the_manage_page_lists_only_the_tenants_cooperations(
    client_as, cooperation_officer, coop, other_tenant
):
    make_cooperation(other_tenant, title="Bandung's own")
    publish(coop, title="Makassar and Incheon")
    response = client_as(cooperation_officer).get(MANAGE)
    html = response.content.decode()
    assert coop.title in html
    assert "Bandung's own" not in html
    assert reverse("portal:unpublish", args=[coop.pk]) in html


def test_a_cooperation_in_exploration_gets_a_warning(client_as, cooperation_officer, tenant):
    exploring = sister_city(tenant, title="Makassar–Gothenburg", state="exploration")
    html = client_as(cooperation_officer).get(edit_url(exploring)).content.decode()
    assert "alert--warning" in html
    listing = client_as(cooperation_officer).get(MANAGE)
    (row,) = [r for r in listing.context["rows"] if r.cooperation == exploring]
    assert row.exploring


def test_a_cooperation_beyond_exploration_gets_no_warning(client_as, cooperation_officer, tenant):
    # Past the LoI step: the letter of intent is signed.
    planned = sister_city(tenant, title="Makassar–Busan", state="cooperation_plan")
    html = client_as(cooperation_officer).get(edit_url(planned)).content.decode()
    assert "alert--warning" not in html


def test_a_cooperation_preparing_its_loi_is_still_exploring(client_as, cooperation_officer, coop):
    # Nothing is signed until the LoI step ends (the Kaohsiung case): the warning stays.
    html = client_as(cooperation_officer).get(edit_url(coop)).content.decode()
    assert "alert--warning" in html


def test_a_signed_loi_recorded_before_its_step_is_taken_reads_as_signed_everywhere(
    client, client_as, cooperation_officer, coop, tenant
):
    """The step waits on something else (Kaohsiung: the centre's guidance) while the signed LoI
    is recorded: the portal listed "pernyataan kehendak (LoI), 30 Nov 2026" under a "being
    explored" stage, and the publish page warned that nothing was agreed yet. Every place that
    tells the public stage reads the signed LoI: the manage list, the publish page and its
    preview, the public list and the public page."""
    make_document(
        coop, kind=Document.Kind.LETTER_OF_INTENT, title="LoI", date_signed=date(2026, 11, 30)
    )
    officer = client_as(cooperation_officer)
    (row,) = [r for r in officer.get(MANAGE).context["rows"] if r.cooperation == coop]
    assert not row.exploring and row.stage_label == str(Stage.INTENT.label)
    page = officer.get(edit_url(coop))
    assert "alert--warning" not in page.content.decode()
    assert page.context["record"].stage == Stage.INTENT
    publication = publish(coop)
    listing = client.get(reverse("portal:tenant", args=[tenant.slug]))
    assert str(Stage.INTENT.label) in listing.content.decode()
    detail = client.get(reverse("portal:detail", args=[tenant.slug, publication.pk]))
    assert detail.context["record"].stage == Stage.INTENT
    # A voided LoI is no signed LoI: the cooperation is explored again.
    void(Document.objects.get(cooperation=coop), by=None, reason="recorded by mistake")
    (row,) = [r for r in officer.get(MANAGE).context["rows"] if r.cooperation == coop]
    assert row.exploring


def test_the_audit_trail_records_publishing_and_unpublishing(client_as, cooperation_officer, coop):
    client = client_as(cooperation_officer)
    client.post(edit_url(coop), TEXT)
    client.post(unpublish_url(coop))
    entries = list(AuditEntry.objects.filter(model_label="portal.publication").order_by("at", "pk"))
    assert [e.action for e in entries] == ["create", "update"]
    assert all(e.user == cooperation_officer and e.tenant == coop.tenant for e in entries)
    assert entries[0].changes["public_title"] == [None, "Makassar and Incheon"]
    assert entries[1].changes["published_at"][1] is None
    assert set(trail_for(coop)) >= set(entries)  # shown on the cooperation's own trail


def test_unpublishing_twice_writes_one_audit_row(cooperation_officer, coop):
    publication = publish(coop)
    services.unpublish_cooperation(publication, by=cooperation_officer)
    services.unpublish_cooperation(publication, by=cooperation_officer)
    assert AuditEntry.objects.filter(model_label="portal.publication").count() == 2


def test_a_writer_sets_the_portal_introduction(client_as, cooperation_officer, tenant):
    response = client_as(cooperation_officer).post(
        reverse("portal:save_intro"), {"intro": "Kerja sama untuk warga."}
    )
    assert response.status_code == 302
    assert PortalPage.objects.get(tenant=tenant).intro == "Kerja sama untuk warga."
    assert AuditEntry.objects.filter(model_label="portal.portalpage").exists()


def test_a_reader_may_not_set_the_introduction(client_as, leadership, tenant):
    response = client_as(leadership).post(reverse("portal:save_intro"), {"intro": "No."})
    assert response.status_code == 403
    assert not PortalPage.objects.exists()


def test_the_edit_page_of_a_published_cooperation_offers_to_unpublish(
    client_as, cooperation_officer, coop
):
    publication = publish(coop)
    html = client_as(cooperation_officer).get(edit_url(coop)).content.decode()
    assert unpublish_url(coop) in html
    assert publication.get_absolute_url() in html
