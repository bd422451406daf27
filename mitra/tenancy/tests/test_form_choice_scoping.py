"""Every form of Mitra offers and accepts only the request's tenant's rows in its choices.

Every form class under `mitra/` is found by importing every module; each is built the way its
view builds it, for Makassar, from the table below. A form missing from the table fails, so a
new form cannot skip the check.
"""

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django import forms
from django.contrib.auth.models import User

import mitra
from mitra.accounts.admin import MemberCreationForm
from mitra.accounts.views import LoginForm
from mitra.api.forms import TokenForm
from mitra.cooperations import forms as cooperations
from mitra.events import forms as events
from mitra.events.models import Event
from mitra.followups import forms as followups
from mitra.implementation import forms as implementation
from mitra.implementation.models import PlanItem
from mitra.imports.forms import UploadForm
from mitra.intake import forms as intake
from mitra.lib.forms import ReasonForm
from mitra.partners import forms as partners
from mitra.pipeline.forms import MoveForm
from mitra.portal import forms as portal
from mitra.reports.forms import PeriodForm
from mitra.reviews import forms as reviews
from mitra.staff import forms as staff
from mitra.tenancy.forms import TenantSettingsForm
from mitra.tenancy.models import Tenant
from mitra.tenancy.scope import is_tenant_owned, limit_to_tenant
from tests.tenant_world import World

pytestmark = pytest.mark.django_db

Data = dict[str, Any] | None


def _mine(model: Any, tenant: Tenant) -> Any:
    return limit_to_tenant(model.objects.order_by("pk"), tenant).first()


# How each view builds each form, for the world's tenant (`data` is None for an unbound form).
FORMS: dict[type[forms.BaseForm], Callable[[World, Data], forms.BaseForm]] = {
    TokenForm: lambda w, data: TokenForm(data),
    LoginForm: lambda w, data: LoginForm(None, data),
    MemberCreationForm: lambda w, data: MemberCreationForm(data),
    cooperations.CooperationFilterForm: lambda w, data: cooperations.CooperationFilterForm(
        w.tenant, data
    ),
    cooperations.CooperationForm: lambda w, data: cooperations.CooperationForm(w.tenant, data),
    cooperations.DocumentForm: lambda w, data: cooperations.DocumentForm(w.cooperation, data),
    cooperations.PartyForm: lambda w, data: cooperations.PartyForm(data),
    cooperations.TransitionForm: lambda w, data: cooperations.TransitionForm(
        data, cooperation=w.cooperation
    ),
    ReasonForm: lambda w, data: ReasonForm(data),
    cooperations.ConsiderationForm: lambda w, data: cooperations.ConsiderationForm(data),
    events.EventForm: lambda w, data: events.EventForm(data),
    events.SigningPlanForm: lambda w, data: events.SigningPlanForm(_mine(Event, w.tenant), data),
    events.RecordSigningForm: lambda w, data: events.RecordSigningForm([], data),
    events.SigningEditForm: lambda w, data: events.SigningEditForm(data),
    followups.ActivityForm: lambda w, data: followups.ActivityForm(w.tenant, data),
    followups.CommitmentForm: lambda w, data: followups.CommitmentForm(data, tenant=w.tenant),
    followups.TaskForm: lambda w, data: followups.TaskForm(w.tenant, data),
    followups.CloseTaskForm: lambda w, data: followups.CloseTaskForm(data),
    followups.ReassignForm: lambda w, data: followups.ReassignForm(w.tenant, data),
    followups.TaskFilterForm: lambda w, data: followups.TaskFilterForm(w.tenant, data),
    implementation.PlanItemForm: lambda w, data: implementation.PlanItemForm(w.cooperation, data),
    implementation.ProgressForm: lambda w, data: implementation.ProgressForm(
        _mine(PlanItem, w.tenant), data
    ),
    implementation.EvaluationForm: lambda w, data: implementation.EvaluationForm(
        w.cooperation, data
    ),
    implementation.IntendedOutputForm: lambda w, data: implementation.IntendedOutputForm(data),
    implementation.CarryForm: lambda w, data: implementation.CarryForm(w.cooperation, data),
    UploadForm: lambda w, data: UploadForm(data),
    intake.SubmitForm: lambda w, data: intake.SubmitForm(data),
    intake.PartnerRowForm: lambda w, data: intake.PartnerRowForm(data),
    intake.ConfirmForm: lambda w, data: intake.ConfirmForm(data),
    intake.DismissForm: lambda w, data: intake.DismissForm(data),
    partners.PartnerFilterForm: lambda w, data: partners.PartnerFilterForm(w.tenant, data),
    partners.PartnerForm: lambda w, data: partners.PartnerForm(data),
    partners.QuickPartnerForm: lambda w, data: partners.QuickPartnerForm(data, form_id="new"),
    partners.ContactForm: lambda w, data: partners.ContactForm(data),
    MoveForm: lambda w, data: MoveForm(data),
    portal.PublicFilterForm: lambda w, data: portal.PublicFilterForm(
        data, countries=[], sectors=[]
    ),
    portal.PublicationForm: lambda w, data: portal.PublicationForm(data),
    portal.PortalIntroForm: lambda w, data: portal.PortalIntroForm(data),
    PeriodForm: lambda w, data: PeriodForm(data),
    reviews.ReviewFilterForm: lambda w, data: reviews.ReviewFilterForm(data),
    reviews.DecisionForm: lambda w, data: reviews.DecisionForm("verification", data),
    staff.SkillsForm: lambda w, data: staff.SkillsForm(data),
    staff.ProfileForm: lambda w, data: staff.ProfileForm(data),
    staff.LanguageForm: lambda w, data: staff.LanguageForm(data),
    TenantSettingsForm: lambda w, data: TenantSettingsForm(data),
}

# Choices that span tenants on purpose, with the reason.
ACROSS_TENANTS = {
    (reviews.ReviewFilterForm, "tenant"): "the central reviewer (Kemendagri) serves every tenant",
}


def _all_form_classes() -> Iterator[type[forms.BaseForm]]:
    for info in pkgutil.walk_packages(mitra.__path__, "mitra."):
        if not {"tests", "migrations"} & set(info.name.split(".")):
            importlib.import_module(info.name)
    pending: list[type[Any]] = [forms.BaseForm]
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        # Classes made inside a function at run time (the admin's forms, stamped with the
        # administrator's tenant) are walked through the admin by test_choice_scoping.py.
        made_at_run_time = "<locals>" in cls.__qualname__
        ours = cls.__module__.startswith("mitra.") and ".tests" not in cls.__module__
        if ours and not made_at_run_time:
            yield cls


def test_every_form_class_is_in_the_table():
    missing = sorted(
        f"{c.__module__}.{c.__qualname__}" for c in set(_all_form_classes()) - FORMS.keys()
    )
    assert missing == []


def _tenant_choices(form: forms.BaseForm) -> Iterator[tuple[str, forms.ModelChoiceField[Any]]]:
    for name, field in form.fields.items():
        queryset = getattr(field, "queryset", None)
        if queryset is None or (type(form), name) in ACROSS_TENANTS:
            continue
        if is_tenant_owned(queryset.model):
            yield name, field


def _their_pk(field: forms.ModelChoiceField[Any], other: Tenant) -> str | None:
    assert field.queryset is not None
    rows = limit_to_tenant(field.queryset.model._default_manager.order_by("pk"), other)
    pk = rows.values_list("pk", flat=True).first()
    return None if pk is None else str(pk)


@pytest.mark.parametrize("form_class", FORMS, ids=lambda c: f"{c.__module__}.{c.__name__}")
def test_a_forms_choices_are_only_the_tenants_own(form_class, ours, theirs):
    build = FORMS[form_class]
    offered, accepted = [], []
    for name, field in _tenant_choices(build(ours, None)):
        their = _their_pk(field, theirs.tenant)
        assert their is not None, f"Bandung has no row for {name}: the check would be empty"
        assert field.queryset is not None
        if field.queryset.filter(pk=their).exists():
            offered.append(name)
        many = isinstance(field, forms.ModelMultipleChoiceField)
        bound = build(ours, {name: [their] if many else their})
        bound.is_valid()
        codes = {error.code for error in bound.errors.as_data().get(name, [])}
        if not codes & {"invalid_choice", "invalid_list"}:
            accepted.append(name)
    assert (offered, accepted) == ([], [])


def test_the_forms_offering_tenant_rows_are_checked(ours):
    """The walk above is not empty: these forms hold choices of the tenant's own rows."""
    checked = {c.__name__ for c, build in FORMS.items() if any(_tenant_choices(build(ours, None)))}
    assert checked >= {
        "CooperationForm",
        "DocumentForm",
        "SigningPlanForm",
        "ActivityForm",
        "CommitmentForm",
        "TaskForm",
        "ReassignForm",
        "TaskFilterForm",
        "PlanItemForm",
        "EvaluationForm",
    }


def test_a_user_is_offered_only_as_a_member_of_the_tenant(ours, theirs):
    form = followups.TaskForm(ours.tenant)
    offered = form.fields["assignee"].queryset
    assert ours.officer in offered
    assert theirs.officer not in offered
    assert not offered.filter(pk__in=User.objects.filter(memberships__tenant=None)).exists()
