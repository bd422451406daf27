"""The document form starts from the step, and every "what is missing" links to where it is done."""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import reverse

from mitra.cooperations import remedies, rules, workflow
from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.transitions import next_steps, step_for
from mitra.partners.models import Country, Partner
from mitra.tenancy.models import Membership
from tests.factories import make_document
from tests.procedure import cooperation_of_kind, kind_for, partner_for, place_at

pytestmark = pytest.mark.django_db

FOREIGN = Cooperation.Kind.FOREIGN_REGION
LOI_STEP = workflow.find(
    Cooperation(kind=FOREIGN, state="letter_of_intent", procedure_order="council_first"),
    "sign_loi",
)


def at_loi_step(tenant, *partners: Partner) -> Cooperation:
    coop = cooperation_of_kind(
        tenant, FOREIGN, **({"partners": list(partners)} if partners else {})
    )
    assert LOI_STEP is not None
    return place_at(coop, LOI_STEP)


def add_form(client, coop, query=""):
    return client.get(reverse("cooperations:add_document", args=[coop.pk]) + query)


def test_at_the_loi_step_the_document_form_offers_a_letter_of_intent(
    tenant, cooperation_officer, client_as
):
    coop = at_loi_step(tenant)
    form = add_form(client_as(cooperation_officer), coop).context["form"]
    assert form["kind"].value() == Document.Kind.LETTER_OF_INTENT


def test_in_preparation_the_document_form_offers_the_staff_note(
    tenant, cooperation_officer, client_as
):
    coop = cooperation_of_kind(tenant, Cooperation.Kind.DOMESTIC_REGION)
    form = add_form(client_as(cooperation_officer), coop).context["form"]
    assert form["kind"].value() == Document.Kind.STAFF_NOTE


def test_a_link_asking_for_a_kind_chooses_it(tenant, cooperation_officer, client_as):
    coop = at_loi_step(tenant)
    form = add_form(client_as(cooperation_officer), coop, "?kind=full_powers").context["form"]
    assert form["kind"].value() == Document.Kind.FULL_POWERS


def test_an_unknown_kind_in_the_link_falls_back_to_the_step(tenant, cooperation_officer, client_as):
    coop = at_loi_step(tenant)
    form = add_form(client_as(cooperation_officer), coop, "?kind=<script>").context["form"]
    assert form["kind"].value() == Document.Kind.LETTER_OF_INTENT


def test_when_the_step_needs_no_document_no_kind_is_preselected(
    tenant, cooperation_officer, client_as
):
    coop = cooperation_of_kind(tenant, FOREIGN)
    Cooperation.objects.filter(pk=coop.pk).update(state=Cooperation.State.WITHDRAWN)
    coop.refresh_from_db()
    form = add_form(client_as(cooperation_officer), coop).context["form"]
    assert not form["kind"].value()


def test_the_signing_parties_start_with_the_region_and_the_partners(
    tenant, cooperation_officer, client_as
):
    incheon = partner_for(tenant, FOREIGN)
    busan = partner_for(tenant, FOREIGN)
    coop = at_loi_step(tenant, incheon, busan)
    rows = add_form(client_as(cooperation_officer), coop).context["parties"].initial
    assert [(row["role"], row["name"]) for row in rows] == [
        ("first", tenant.name),
        ("second", incheon.name),
        ("third", busan.name),
    ]


def test_an_internal_document_has_no_parties_prefilled(tenant, cooperation_officer, client_as):
    coop = cooperation_of_kind(tenant, Cooperation.Kind.DOMESTIC_REGION)  # staff note first
    rows = add_form(client_as(cooperation_officer), coop).context["parties"].initial
    assert not any(row.get("name") for row in rows)


def test_the_outsider_gets_404_from_the_document_form(tenant, outsider, client_as):
    coop = at_loi_step(tenant)
    assert add_form(client_as(outsider), coop, "?kind=mou").status_code == 404


# --- Every "what is missing" links to the place where it is done ---------------------------


def _first_transition_naming(guard: str, role: str = "") -> workflow.Transition:
    """The first move whose guard is `guard` (and that `role` takes, if given); a blocked country
    is a foreign partner's."""
    foreign = guard == "no_blocked_country"
    return next(
        t
        for t in workflow.TRANSITIONS
        if guard in t.guards
        and (not foreign or t.kinds & {FOREIGN})
        and (not role or role in t.roles)
    )


def cooperation_failing(
    tenant, guard: str, role: str = ""
) -> tuple[Cooperation, workflow.Transition]:
    """A cooperation at a step whose move `guard` refuses (no documents, nothing recorded); the
    move is one `role` takes, if given."""
    move = _first_transition_naming(guard, role)
    kind = kind_for(move)
    overrides: dict[str, object] = {}
    if guard == "has_feasibility_study_if_needed":
        kind = next(k for k, f in workflow.KINDS.items() if f.needs_feasibility_study)
    if guard == "route_recorded_if_needed":
        kind, overrides = workflow.kinds_with_a_route()[0], {"route": ""}
    if guard == "central_guidance_without_relations":
        overrides = {"partners": [partner_for(tenant, kind, country="TW")]}
    coop = place_at(cooperation_of_kind(tenant, kind, **overrides), move)
    if guard == "no_blocked_country":
        countries = [p.country_id for p in coop.partners.all()]
        Country.objects.filter(pk__in=countries).update(cooperation_blocked=True)
    return Cooperation.objects.prefetch_related("documents", "partners__country").get(
        pk=coop.pk
    ), move


GUARDS_NAMED_BY_THE_TABLE = sorted({g for t in workflow.TRANSITIONS for g in t.guards})
OFFICER = Membership.Role.COOPERATION_OFFICER
# The guards of a move the cooperation officer presses (the others guard Kemendagri's moves).
GUARDS_OF_THE_OFFICERS_MOVES = sorted(
    {g for t in workflow.TRANSITIONS if OFFICER in t.roles for g in t.guards}
)


def test_every_guard_is_named_by_the_table_so_each_is_checked_below():
    assert set(GUARDS_NAMED_BY_THE_TABLE) == set(rules.GUARDS)


@pytest.mark.parametrize("guard", GUARDS_NAMED_BY_THE_TABLE)
def test_every_guard_that_fails_links_to_a_page_where_it_is_put_right(
    guard, tenant, cooperation_officer, client_as
):
    coop, move = cooperation_failing(tenant, guard)
    found = rules.GUARDS[guard](coop, None)
    assert found, f"the setup should make {guard} fail"
    step = step_for(coop, move)
    linked = [m for m in step.missing if m.text in found]
    assert [m.text for m in linked] == found
    client = client_as(cooperation_officer)
    for missing in linked:
        assert missing.url == remedies.remedy_url(coop, guard)
        page = client.get(urlsplit(missing.url).path + "?" + urlsplit(missing.url).query)
        assert page.status_code == 200, missing.url


@pytest.mark.parametrize("guard", GUARDS_OF_THE_OFFICERS_MOVES)
def test_a_step_pressed_and_refused_still_links_what_is_missing_to_where_it_is_put_right(
    guard, tenant, cooperation_officer, client_as
):
    """Pressing a step that is not ready yet says "Not recorded. What is missing:", and each
    item stays a link to its remedy, as before the step was pressed."""
    coop, move = cooperation_failing(tenant, guard, OFFICER)
    data = {"action": move.action, "expected_state": coop.state}
    page = client_as(cooperation_officer).post(
        reverse("cooperations:transition", args=[coop.pk]), data
    )
    assert page.status_code == 200
    refused = page.content.decode().partition("checklist--refused")[2].partition("</ul>")[0]
    assert refused, "the refusal is shown beside the step pressed"
    href = remedies.remedy_url(coop, guard).replace("&", "&amp;")
    assert f'class="checklist__fix" href="{href}"' in refused


def test_the_missing_loi_links_to_the_document_form_with_the_loi_chosen(
    tenant, cooperation_officer, client_as
):
    coop = at_loi_step(tenant)
    page = client_as(cooperation_officer).get(coop.get_absolute_url())
    href = reverse("cooperations:add_document", args=[coop.pk]) + "?kind=letter_of_intent"
    assert f'href="{href}"' in page.content.decode()


def test_an_undated_loi_links_to_correcting_it_not_to_a_second_one(
    tenant, cooperation_officer, client_as
):
    coop = at_loi_step(tenant)
    loi = make_document(coop)
    (step,) = [s for s in next_steps(coop, cooperation_officer) if s.action == "sign_loi"]
    assert [m.url for m in step.missing] == [reverse("cooperations:edit_document", args=[loi.pk])]


def test_a_missing_route_links_to_the_field_of_the_record(tenant, cooperation_officer):
    coop, move = cooperation_failing(tenant, "route_recorded_if_needed")
    urls = {m.url for m in step_for(coop, move).missing}
    assert reverse("cooperations:edit", args=[coop.pk]) + "#id_route" in urls


def test_read_only_roles_see_what_is_missing_without_links(tenant, leadership, client_as):
    coop = at_loi_step(tenant)
    page = client_as(leadership).get(coop.get_absolute_url()).content.decode()
    assert "?kind=letter_of_intent" not in page


def test_the_outsider_gets_404_from_the_page_with_the_links(tenant, outsider, client_as):
    coop = at_loi_step(tenant)
    assert client_as(outsider).get(coop.get_absolute_url()).status_code == 404


# --- A step another role takes is named, with who takes it ---------------------------------


def in_english(client):
    """The page in English, as a person who chose English reads it (the words are the msgids)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_the_opd_officer_is_told_which_unit_takes_the_next_step(
    tenant, agency_officer, client_as, english
):
    tenant.cooperation_unit = "Bagian Kerja Sama"
    tenant.save(update_fields=["cooperation_unit"])
    coop = at_loi_step(tenant)
    page = in_english(client_as(agency_officer)).get(coop.get_absolute_url()).content.decode()
    assert "Next step: Record the signed LoI — taken by Bagian Kerja Sama" in page
    assert "No further steps from this state." not in page


def test_without_a_unit_name_the_role_that_takes_the_step_is_named(
    tenant, agency_officer, client_as, english
):
    tenant.cooperation_unit = ""
    tenant.save(update_fields=["cooperation_unit"])
    coop = at_loi_step(tenant)
    page = in_english(client_as(agency_officer)).get(coop.get_absolute_url()).content.decode()
    assert "Next step: Record the signed LoI — taken by cooperation officer" in page


def test_the_cooperation_officer_takes_the_step_and_is_not_sent_elsewhere(
    tenant, cooperation_officer, client_as, english
):
    coop = at_loi_step(tenant)
    page = client_as(cooperation_officer).get(coop.get_absolute_url()).content.decode()
    assert "taken by" not in page
