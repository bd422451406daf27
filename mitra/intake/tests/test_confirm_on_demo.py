"""Confirming news on the demo's real records: nothing existing changes unless ticked, and a news
report is evidence that moves no follow-up clock (issue 14)."""

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.db.models import Model
from django.urls import reverse
from pytest_django import DjangoDbBlocker

from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Cooperation
from mitra.demo.load import load_demo
from mitra.followups.models import Activity
from mitra.followups.rules import needs_follow_up
from mitra.intake import services
from mitra.intake.extract import Extraction, PartnerItem, SectorItem, StageItem
from mitra.intake.models import NewsItem, NewsLink
from mitra.intake.services import Source
from mitra.intake.tests.test_web_review import form_data
from mitra.partners.models import Partner
from mitra.tenancy.models import Membership, Tenant
from tests.shared import built_once

pytestmark = pytest.mark.django_db

SECTORS = (
    "smart_city",
    "infrastructure",
    "msme_trade",
    "security",
    "tourism",
    "education",
    "health",
)


@pytest.fixture(scope="module")
def makassar(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[Tenant]:
    """The demo, loaded once for the module; each test's changes are undone after it."""
    with built_once(django_db_blocker):
        tenants = load_demo(today=date(2026, 7, 22))
        yield next(t for t in tenants if t.region.code == "7371")


def _officer(tenant: Tenant) -> Any:
    return Membership.objects.get(tenant=tenant, role=Membership.Role.COOPERATION_OFFICER).user


def _article_naming_every_partner(tenant: Tenant, by: Any) -> NewsItem:
    """An article naming each of the tenant's partners, seven sectors and a signed MoU: the
    shape of the one that, confirmed with its defaults, once rewrote ten cooperations."""
    partners = list(Partner.objects.for_tenant(tenant).order_by("pk"))
    text = "Wali Kota Makassar bertemu " + ", ".join(p.name for p in partners) + "."
    items = []
    for partner in partners:
        start = text.index(partner.name)
        country = partner.country_id or None
        items.append(
            PartnerItem(partner.name, partner.kind, country, ((start, start + len(partner.name)),))
        )
    start = text.index("Wali Kota")
    extraction = Extraction(
        text=text,
        partners=tuple(items),
        sectors=tuple(SectorItem(slug, ((start, start + 4),)) for slug in SECTORS),
        stage=StageItem("mou", ((start, start + 4),)),
    )
    [item] = services.submit_news(
        tenant, by=by, sources=[Source(text=text)], read=lambda _text: extraction
    )
    return item


def _record(obj: Model) -> dict[str, Any]:
    fields = {f.attname: getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields}
    many = {
        f.name: sorted(getattr(obj, f.name).values_list("pk", flat=True))
        for f in type(obj)._meta.many_to_many
    }
    return fields | many


def _everything() -> dict[str, Any]:
    """Every field and many-to-many of every cooperation and partner, and every partner's
    other names."""
    return {
        "cooperations": {c.pk: _record(c) for c in Cooperation.objects.order_by("pk")},
        "partners": {
            p.pk: _record(p) | {"aliases": sorted(a.alias for a in p.aliases.all())}
            for p in Partner.objects.order_by("pk")
        },
    }


def _review(client: Any, item: NewsItem) -> Any:
    page = client.get(item.get_absolute_url())
    assert page.status_code == 200
    return page


def test_confirming_with_the_defaults_changes_no_existing_record(client, makassar):
    officer = _officer(makassar)
    item = _article_naming_every_partner(makassar, officer)
    client.force_login(officer)
    page = _review(client, item)
    rows = page.context["rows"].forms
    existing = [form for form in rows if form.row.cooperation is not None]
    assert len(existing) >= 5  # the article names most of Makassar's cooperations' partners
    # Each existing cooperation shows what would change, before and after, none ticked.
    offered = [form for form in existing if form.row.changes]
    assert offered and all(form["changes"].value() == [] for form in rows)
    html = page.content.decode()
    first = offered[0].row.changes[0]
    assert first.before in html and first.after in html and "→" in html

    before = _everything()
    gaps_before = {gap.cooperation.pk for gap in needs_follow_up(makassar)}
    response = client.post(reverse("intake:confirm", args=[item.pk]), form_data(page))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == NewsItem.Status.CONFIRMED

    after = _everything()
    for kind in ("cooperations", "partners"):
        for pk, record in before[kind].items():
            assert after[kind][pk] == record, f"{kind} {pk} changed"
    linked = NewsLink.objects.filter(news_item=item, cooperation_created=False)
    assert linked.count() >= 5  # the article was kept as evidence on existing cooperations
    # Evidence is not follow-up: the same existing cooperations still need it.
    gaps_after = {gap.cooperation.pk for gap in needs_follow_up(makassar)}
    assert gaps_after & set(before["cooperations"]) == gaps_before
    assert not AuditEntry.objects.filter(
        action="update",
        model_label__in=["cooperations.cooperation", "partners.partner"],
        record__in=[f"cooperations.cooperation:{pk}" for pk in before["cooperations"]]
        + [f"partners.partner:{pk}" for pk in before["partners"]],
    ).exists()


def test_news_about_a_dormant_cooperation_leaves_it_dormant(client, makassar):
    dormant = Cooperation.objects.for_tenant(makassar).get(
        state=Cooperation.State.DORMANT, partners__name="Temasek Foundation"
    )
    stamp = dormant.last_activity_on
    reasons = {gap.cooperation.pk: gap.reasons for gap in needs_follow_up(makassar)}
    officer = _officer(makassar)
    item = _article_naming_every_partner(makassar, officer)
    client.force_login(officer)
    page = _review(client, item)
    [row] = [f for f in page.context["rows"].forms if f.row.cooperation == dormant]
    data = form_data(page, **{f"partner-{row.prefix.rsplit('-', 1)[-1]}-accept": "on"})
    assert client.post(reverse("intake:confirm", args=[item.pk]), data).status_code == 302
    dormant.refresh_from_db()
    assert dormant.state == Cooperation.State.DORMANT
    assert dormant.last_activity_on == stamp
    assert dormant.activities.get(kind=Activity.Kind.NEWS)  # kept, as evidence
    after = {gap.cooperation.pk: gap.reasons for gap in needs_follow_up(makassar)}
    assert after.get(dormant.pk) == reasons.get(dormant.pk)


def test_ticking_one_change_writes_exactly_that_change_with_an_audit_row(client, makassar):
    officer = _officer(makassar)
    item = _article_naming_every_partner(makassar, officer)
    client.force_login(officer)
    page = _review(client, item)
    form = next(f for f in page.context["rows"].forms if f.row.cooperation and f.row.changes)
    change = form.row.changes[0]
    assert change.key == "sectors"
    coop = form.row.cooperation
    number = form.prefix.rsplit("-", 1)[-1]
    data = form_data(
        page, **{f"partner-{number}-accept": "on", f"partner-{number}-changes": [change.key]}
    )
    before = _everything()
    assert client.post(reverse("intake:confirm", args=[item.pk]), data).status_code == 302

    after = _everything()
    for pk, record in before["cooperations"].items():
        if pk != coop.pk:
            assert after["cooperations"][pk] == record, f"cooperation {pk} changed"
    expected = dict(before["cooperations"][coop.pk])
    changed = after["cooperations"][coop.pk]
    assert {k for k in expected if expected[k] != changed[k]} == {"sectors", "updated_at"}
    assert set(changed["sectors"]) > set(expected["sectors"])
    assert after["partners"] == before["partners"]
    [entry] = AuditEntry.objects.filter(
        action="update", record=f"cooperations.cooperation:{coop.pk}"
    )
    assert entry.user == officer
