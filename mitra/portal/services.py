"""Every write to the public portal: publishing, editing the public text, unpublishing.

Publishing is the tenant's deliberate choice per cooperation; each change leaves an audit row
attached to the cooperation, so its trail shows when it went public and who decided.
"""

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitra.audit.services import record_created, record_updated, snapshot, unchanged
from mitra.cooperations.models import Cooperation
from mitra.lib.refusal import refuse_if
from mitra.portal.models import PortalPage, Publication
from mitra.tenancy.models import Tenant


def _text_problems(public_title: str) -> list[str]:
    return [] if public_title.strip() else [_("Give the cooperation a title for the public.")]


@transaction.atomic
def publish_cooperation(
    coop: Cooperation, *, by: User | None, public_title: str, public_summary: str = ""
) -> Publication:
    """Show the cooperation on its tenant's portal at once, with the given public text."""
    refuse_if(_text_problems(public_title))
    text = {"public_title": public_title.strip(), "public_summary": public_summary.strip()}
    publication, created = Publication.objects.select_for_update().get_or_create(
        cooperation=coop,
        defaults={
            "tenant": coop.tenant,
            **text,
            "published_at": timezone.now(),
            "published_by": by,
        },
    )
    if created:
        record_created(publication, by=by, parent=coop)
        return publication
    before = snapshot(publication)
    for name, value in text.items():
        setattr(publication, name, value)
    fields = [*text]
    if publication.published_at is None:
        publication.published_at, publication.published_by = timezone.now(), by
        fields += ["published_at", "published_by"]
    publication.save(update_fields=[*fields, "updated_at"])
    record_updated(publication, before, by=by, parent=coop)
    return publication


@transaction.atomic
def update_public_text(
    publication: Publication, *, by: User | None, public_title: str, public_summary: str = ""
) -> bool:
    """Change what the public reads about a cooperation without publishing or unpublishing it;
    whether anything changed (if nothing did, nothing is saved and no row written)."""
    refuse_if(_text_problems(public_title))
    before = snapshot(publication)
    publication.public_title = public_title.strip()
    publication.public_summary = public_summary.strip()
    if unchanged(publication, before):
        return False
    publication.save(update_fields=["public_title", "public_summary", "updated_at"])
    record_updated(publication, before, by=by, parent=publication.cooperation)
    return True


@transaction.atomic
def unpublish_cooperation(publication: Publication, *, by: User | None) -> Publication:
    """Take the cooperation off the portal at once; its public text is kept for next time."""
    if publication.published_at is None:
        return publication
    before = snapshot(publication)
    publication.published_at = None
    publication.save(update_fields=["published_at", "updated_at"])
    record_updated(publication, before, by=by, parent=publication.cooperation)
    return publication


@transaction.atomic
def save_portal_intro(tenant: Tenant, *, by: User | None, intro: str) -> bool:
    """Set the words shown above the tenant's public list; whether anything changed (the same
    words again save nothing and write no row)."""
    page, created = PortalPage.objects.select_for_update().get_or_create(tenant=tenant)
    before = snapshot(page)
    page.intro = intro.strip()
    if not created and unchanged(page, before):
        return False
    page.save(update_fields=["intro", "updated_at"])
    if created:
        record_created(page, by=by)
    else:
        record_updated(page, before, by=by)
    return True
