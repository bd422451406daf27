"""Every date that enters Mitra lies between 1900 and 2100: forms, admin, commands, addresses."""

import importlib
import pkgutil
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django import forms
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.test import RequestFactory

import mitra
from mitra.lib.dates import SaneDateField, day_from_option, month_from_query

FAR_DATES = ["0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31"]


def _form_classes() -> Iterator[type[forms.BaseForm]]:
    """Every form class of Mitra's apps: their forms, admin and API modules."""
    for info in pkgutil.walk_packages(mitra.__path__, "mitra."):
        if info.name.rsplit(".", 1)[-1] in {"forms", "admin", "binding"}:
            importlib.import_module(info.name)
    seen: list[type[forms.BaseForm]] = []
    stack: list[type[Any]] = [forms.BaseForm]
    while stack:
        for sub in stack.pop().__subclasses__():
            stack.append(sub)
            if sub.__module__.startswith("mitra.") and sub not in seen:
                seen.append(sub)
    yield from sorted(seen, key=lambda c: f"{c.__module__}.{c.__qualname__}")


def _date_fields(form_class: type[forms.BaseForm]) -> list[tuple[str, forms.Field]]:
    return [
        (name, field)
        for name, field in form_class.base_fields.items()
        if isinstance(field, forms.DateField)
    ]


FORMS_WITH_DATES = [c for c in _form_classes() if _date_fields(c)]


def test_the_enumeration_finds_the_forms_with_dates() -> None:
    names = {c.__name__ for c in FORMS_WITH_DATES}
    assert {"EventForm", "PeriodForm"} <= names


@pytest.mark.parametrize("form_class", FORMS_WITH_DATES, ids=lambda c: c.__qualname__)
def test_every_date_field_of_every_form_refuses_far_dates(form_class: type[forms.BaseForm]) -> None:
    for name, field in _date_fields(form_class):
        assert isinstance(field, SaneDateField), f"{form_class.__qualname__}.{name}"
        for far in FAR_DATES:
            with pytest.raises(ValidationError):
                field.clean(far)
        assert field.clean("2025-03-31") == date(2025, 3, 31)


@pytest.mark.django_db
def test_every_date_field_of_the_admin_refuses_far_dates() -> None:
    request = RequestFactory().get("/admin/")
    request.user = User(is_superuser=True, is_staff=True)
    checked = 0
    for model, model_admin in admin.site._registry.items():
        form_class = model_admin.get_form(request)
        for name, field in _date_fields(form_class):
            assert isinstance(field, SaneDateField), f"{model.__name__}.{name}"
            with pytest.raises(ValidationError):
                field.clean("9999-12-31")
            checked += 1
    assert checked > 0


def test_a_form_field_offers_the_span_to_the_date_picker() -> None:
    attrs = SaneDateField().widget.attrs
    assert attrs["min"] == "1900-01-01" and attrs["max"] == "2100-12-31"


@pytest.mark.parametrize("far", ["0001-01", "1899-12", "2101-01", "9999-12"])
def test_a_month_in_the_address_outside_the_span_is_a_bad_request(far: str) -> None:
    from django.core.exceptions import BadRequest

    with pytest.raises(BadRequest):
        month_from_query(far)


def test_an_unreadable_or_absent_month_means_the_current_one() -> None:
    assert month_from_query("junk") is None
    assert month_from_query(None) is None
    assert month_from_query("2026-09") == date(2026, 9, 1)


@pytest.mark.parametrize("bad", [*FAR_DATES, "junk", "2025-02-30"])
def test_a_command_refuses_a_far_or_unreadable_today(bad: str) -> None:
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        day_from_option(bad)
