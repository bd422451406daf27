"""The portal's services: publishing, editing the public text, unpublishing, the introduction."""

import pytest

from mitra.audit.models import AuditEntry
from mitra.lib.refusal import Refused
from mitra.portal import services
from mitra.portal.models import PortalPage, Publication

from .conftest import sister_city

pytestmark = pytest.mark.django_db


@pytest.fixture
def coop(tenant):
    return sister_city(tenant)


def test_publishing_shows_the_cooperation_at_once_under_its_tenant(coop, cooperation_officer):
    publication = services.publish_cooperation(
        coop, by=cooperation_officer, public_title="  Makassar and Incheon  ", public_summary=" x "
    )
    assert publication.is_published
    assert publication.tenant == coop.tenant
    assert publication.public_title == "Makassar and Incheon"  # trimmed
    assert publication.public_summary == "x"
    assert Publication.objects.published().for_tenant(coop.tenant).get() == publication


def test_publishing_refuses_an_empty_public_title(coop):
    with pytest.raises(Refused):
        services.publish_cooperation(coop, by=None, public_title="   ")
    assert not Publication.objects.exists()


def test_publishing_twice_keeps_one_row_and_first_publication_time(coop):
    first = services.publish_cooperation(coop, by=None, public_title="One")
    again = services.publish_cooperation(coop, by=None, public_title="Two")
    assert again.pk == first.pk
    assert again.published_at == first.published_at
    assert Publication.objects.get().public_title == "Two"


def test_editing_the_text_does_not_publish_an_unpublished_cooperation(coop):
    publication = services.publish_cooperation(coop, by=None, public_title="One")
    services.unpublish_cooperation(publication, by=None)
    services.update_public_text(publication, by=None, public_title="Two", public_summary="")
    publication.refresh_from_db()
    assert publication.public_title == "Two"
    assert not publication.is_published


def test_editing_refuses_an_empty_public_title(coop):
    publication = services.publish_cooperation(coop, by=None, public_title="One")
    with pytest.raises(Refused):
        services.update_public_text(publication, by=None, public_title="")
    publication.refresh_from_db()
    assert publication.public_title == "One"


def test_unchanged_text_writes_no_audit_row(coop):
    publication = services.publish_cooperation(coop, by=None, public_title="One")
    services.update_public_text(publication, by=None, public_title="One")
    assert AuditEntry.objects.filter(model_label="portal.publication").count() == 1


def test_the_introduction_is_one_row_per_tenant(tenant, cooperation_officer):
    services.save_portal_intro(tenant, by=cooperation_officer, intro="First")
    services.save_portal_intro(tenant, by=cooperation_officer, intro=" Second ")
    assert PortalPage.objects.get(tenant=tenant).intro == "Second"
    actions = list(
        AuditEntry.objects.filter(model_label="portal.portalpage")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["create", "update"]
