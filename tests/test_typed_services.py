"""Every service states what it takes, so mypy checks each caller (views, API, import, demo)."""

import ast
import importlib
import typing
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.exceptions import FieldDoesNotExist

from mitra.audit.models import AuditEntry
from mitra.cooperations import services
from mitra.lib.refusal import Refused
from mitra.tenancy.models import Tenant
from tests.factories import make_cooperation, make_partner

ROOT = Path(__file__).resolve().parents[1] / "mitra"
SERVICES = sorted(ROOT.glob("*/services.py"))


def _loose_keywords(path: Path) -> list[str]:
    """Functions whose `**keywords` are not `Unpack[SomeTypedDict]` (Any, object, bare)."""
    loose = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.args.kwarg:
            annotation = node.args.kwarg.annotation
            typed = (
                isinstance(annotation, ast.Subscript)
                and isinstance(annotation.value, ast.Name)
                and annotation.value.id == "Unpack"
            )
            if not typed:
                loose.append(f"{node.name}(**{node.args.kwarg.arg})")
    return loose


def test_the_services_modules_are_found() -> None:
    assert len(SERVICES) >= 10
    assert ROOT / "cooperations" / "services.py" in SERVICES


@pytest.mark.parametrize("path", SERVICES, ids=lambda path: path.parent.name)
def test_no_service_takes_untyped_keyword_arguments(path: Path) -> None:
    assert _loose_keywords(path) == []


def _typed_dicts() -> list[tuple[str, type]]:
    found = []
    for path in SERVICES:
        module = importlib.import_module(f"mitra.{path.parent.name}.services")
        for name, value in vars(module).items():
            if typing.is_typeddict(value) and value.__module__ == module.__name__:
                found.append((f"{path.parent.name}.{name}", value))
    return found


TYPED_DICTS = _typed_dicts()
# The model whose fields each typed dict names (its keys must be that model's fields).
MODELS = {
    "cooperations.CooperationChanges": "cooperations.Cooperation",
    "cooperations.DocumentFields": "cooperations.Document",
    "events.EventFields": "events.Event",
    "events.SigningChanges": "events.PlannedSigning",
    "followups.ActivityFields": "followups.Activity",
    "implementation.Benefits": "implementation.ProgressUpdate",
    "implementation.PlanItemFields": "implementation.PlanItem",
    "implementation.EvaluationFields": "implementation.Evaluation",
    "partners.PartnerFields": "partners.Partner",
    "partners.ContactFields": "partners.Contact",
    "regions.NewTenant": "tenancy.Tenant",
    "staff.ProfileFields": "staff.StaffProfile",
    "tenancy.TenantSettings": "tenancy.Tenant",
}


def test_every_typed_dict_of_the_services_names_its_model() -> None:
    assert sorted(name for name, _ in TYPED_DICTS) == sorted(MODELS)


@pytest.mark.parametrize(("name", "typed"), TYPED_DICTS, ids=[n for n, _ in TYPED_DICTS])
def test_each_typed_dict_names_only_fields_of_its_model(name: str, typed: type) -> None:
    model = apps.get_model(MODELS[name])
    missing = []
    for key in typing.get_type_hints(typed):
        try:
            model._meta.get_field(key)
        except FieldDoesNotExist:
            missing.append(key)
    assert missing == []


def test_the_benefits_a_progress_report_takes_are_the_benefit_kinds() -> None:
    from mitra.implementation.models import BenefitKind
    from mitra.implementation.services import Benefits

    assert set(typing.get_type_hints(Benefits)) == set(BenefitKind.values)


@pytest.mark.parametrize("field", ["state", "kind", "tenant"])
def test_an_unchecked_caller_cannot_change_a_cooperations_state_kind_or_tenant(
    field: str, tenant: Tenant, other_tenant: Tenant, cooperation_officer: User
) -> None:
    coop = make_cooperation(tenant, title="Kept")
    value = {"state": "signed", "kind": "third_party", "tenant": other_tenant}[field]
    cleaned: dict[str, Any] = {"title": "Lost", field: value}
    with pytest.raises(ValueError, match=field):
        services.update_cooperation(coop, by=cooperation_officer, **cleaned)
    coop.refresh_from_db()
    assert (coop.title, coop.tenant) == ("Kept", tenant)
    assert not AuditEntry.objects.filter(action="update").exists()


def test_another_tenants_partner_is_refused_through_the_typed_changes(
    tenant: Tenant, other_tenant: Tenant, cooperation_officer: User
) -> None:
    coop = make_cooperation(tenant)
    theirs = make_partner(other_tenant, name="Their partner")
    with pytest.raises(Refused):
        services.update_cooperation(coop, by=cooperation_officer, partners=[theirs])
    assert theirs not in coop.partners.all()
