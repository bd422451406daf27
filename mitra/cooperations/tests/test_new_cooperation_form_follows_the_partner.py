"""A new cooperation's form starts from the partner: the kind it implies, that kind's sub-forms
and scope; a partner's page opens it with the partner chosen."""

import pytest
from django.urls import reverse
from django.utils import translation

from mitra.cooperations import rules, workflow
from mitra.cooperations.models import Cooperation
from mitra.partners.models import Partner
from tests.procedure import partner_for

pytestmark = pytest.mark.django_db

NEW = reverse("cooperations:create")


def new_form(client, query=""):
    return client.get(NEW + query).context["form"]


@pytest.mark.parametrize("kind", list(workflow.KINDS))
def test_a_partner_chosen_in_the_link_sets_the_kind_it_implies(
    kind, tenant, cooperation_officer, client_as
):
    partner = partner_for(tenant, kind)
    form = new_form(client_as(cooperation_officer), f"?partner={partner.pk}")
    assert form["kind"].value() == kind
    assert [str(p) for p in form["partners"].value()] == [str(partner.pk)]


@pytest.mark.parametrize("kind", list(workflow.KINDS))
def test_the_sub_forms_offered_are_only_the_kind_s_own(
    kind, tenant, cooperation_officer, client_as
):
    form = new_form(client_as(cooperation_officer), f"?kind={kind}")
    offered = {slug for slug, _ in form.fields["sub_form"].choices if slug}
    assert offered == set(workflow.KINDS[kind].sub_forms)


@pytest.mark.parametrize("kind", list(workflow.KINDS))
def test_a_domestic_kind_asks_for_affairs_and_a_foreign_one_for_objects(
    kind, tenant, cooperation_officer, client_as
):
    form = new_form(client_as(cooperation_officer), f"?kind={kind}")
    foreign = workflow.KINDS[kind].foreign
    assert ("objects_of_cooperation" in form.fields) is foreign
    assert ("affairs" in form.fields) is not foreign


@pytest.mark.parametrize("kind", list(workflow.KINDS))
def test_only_a_ksdll_is_asked_for_its_route(kind, tenant, cooperation_officer, client_as):
    client = client_as(cooperation_officer)
    form = new_form(client, f"?kind={kind}")
    ksdll = kind == Cooperation.Kind.FOREIGN_INSTITUTION
    assert ("route" in form.fields) is ksdll
    page = client.get(NEW + f"?kind={kind}", HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert ('name="route"' in page) is ksdll


def test_the_partners_decide_the_kind_over_the_one_the_form_still_shows(
    tenant, cooperation_officer, client_as
):
    ksdd_partner = partner_for(tenant, Cooperation.Kind.DOMESTIC_REGION)
    form = new_form(
        client_as(cooperation_officer), f"?kind=foreign_region&partners={ksdd_partner.pk}"
    )
    assert form["kind"].value() == Cooperation.Kind.DOMESTIC_REGION


def test_without_a_partner_the_kind_is_left_to_choose_and_every_sub_form_is_offered(
    tenant, cooperation_officer, client_as
):
    form = new_form(client_as(cooperation_officer))
    assert not form["kind"].value()
    assert {"affairs", "objects_of_cooperation"} <= set(form.fields)


def test_a_cooperation_recorded_from_the_redrawn_form_keeps_the_inferred_kind(
    tenant, cooperation_officer, client_as
):
    partner = partner_for(tenant, Cooperation.Kind.FOREIGN_REGION)
    data = {
        "kind": "foreign_region",
        "sub_form": "sister_city",
        "title": "Sister city Makassar–Incheon",
        "partners": [partner.pk],
        "objects_of_cooperation": [],
        "budget": Cooperation.Budget.NOT_BUDGETED,
    }
    response = client_as(cooperation_officer).post(NEW, data)
    assert response.status_code == 302
    coop = Cooperation.objects.get(title="Sister city Makassar–Incheon")
    assert (coop.kind, coop.sub_form) == ("foreign_region", "sister_city")


def test_a_partner_page_offers_a_new_cooperation_with_that_partner(
    tenant, cooperation_officer, client_as
):
    partner = partner_for(tenant, Cooperation.Kind.FOREIGN_REGION)
    page = client_as(cooperation_officer).get(reverse("partners:detail", args=[partner.pk]))
    assert f'href="{NEW}?partner={partner.pk}"' in page.content.decode()


def test_a_reader_is_not_offered_a_new_cooperation(tenant, leadership, client_as):
    partner = partner_for(tenant, Cooperation.Kind.FOREIGN_REGION)
    page = client_as(leadership).get(reverse("partners:detail", args=[partner.pk]))
    assert f"{NEW}?partner=" not in page.content.decode()


def test_another_tenant_s_partner_in_the_link_chooses_nothing(
    tenant, other_tenant, outsider, client_as
):
    theirs = partner_for(tenant, Cooperation.Kind.FOREIGN_REGION)
    form = new_form(client_as(outsider), f"?partner={theirs.pk}")
    assert not form["kind"].value()
    assert not Partner.objects.filter(tenant=other_tenant, pk=theirs.pk).exists()


def test_another_tenant_s_partner_in_the_redraw_sets_no_kind_and_is_not_ticked(
    tenant, other_tenant, outsider, client_as
):
    theirs = partner_for(tenant, Cooperation.Kind.DOMESTIC_REGION)
    response = client_as(outsider).get(NEW, {"kind": "foreign_region", "partners": [theirs.pk]})
    assert response.context["form"]["kind"].value() == "foreign_region"
    assert f'name="partners" value="{theirs.pk}"' not in response.content.decode()
    assert theirs.name not in response.content.decode()


def test_another_tenant_s_partner_in_the_post_is_refused(tenant, other_tenant, outsider, client_as):
    theirs = partner_for(tenant, Cooperation.Kind.FOREIGN_REGION)
    data = {
        "kind": "foreign_region",
        "title": "Kerja sama dengan mitra orang lain",
        "partners": [theirs.pk],
        "budget": Cooperation.Budget.NOT_BUDGETED,
    }
    response = client_as(outsider).post(NEW, data)
    assert response.status_code == 200
    assert "partners" in response.context["form"].errors
    assert not Cooperation.objects.filter(title="Kerja sama dengan mitra orang lain").exists()


def test_a_route_sent_for_another_kind_is_refused_by_name_not_dropped(
    tenant, cooperation_officer, client_as
):
    partner = partner_for(tenant, Cooperation.Kind.DOMESTIC_REGION)
    response = client_as(cooperation_officer).post(
        NEW,
        {
            "kind": Cooperation.Kind.DOMESTIC_REGION,
            "title": "Kota kembar Tual",
            "partners": [partner.pk],
            "route": Cooperation.Route.values[0],
            "budget": Cooperation.Budget.NOT_BUDGETED,
        },
    )
    assert response.status_code == 200
    with translation.override("id"):
        [refusal] = rules.route_fits_kind(Cooperation.Kind.DOMESTIC_REGION, "any")
    assert refusal in response.content.decode()
    assert not Cooperation.objects.filter(title="Kota kembar Tual").exists()
