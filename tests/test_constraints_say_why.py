"""A database constraint that refuses an input says why, in Indonesian, never its own name.

Django validates a model's constraints in every ModelForm (the event form, the admin's forms) and
shows a constraint's `violation_error_message`; left at Django's default it reads `Batasan
"event_ends_after_it_starts" dilanggar.`, a code for a message. Every check constraint and every
conditional unique constraint of Mitra's models therefore carries its own message, translated.
(A unique constraint on plain fields is Django's "... dengan ... ini sudah ada", from the fields'
Indonesian names.)
"""

from collections.abc import Callable, Iterator

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.db.models import BaseConstraint, CheckConstraint, Model, UniqueConstraint
from django.test import Client
from django.utils import translation

from mitra.events.models import Event
from mitra.tenancy.models import Tenant


def _constraints() -> Iterator[tuple[type[Model], BaseConstraint]]:
    for model in apps.get_models():
        if model.__module__.startswith("mitra."):
            for constraint in model._meta.constraints:
                yield model, constraint


def _names_itself(constraint: BaseConstraint) -> bool:
    """Whether Django would show the constraint's default message, which names it."""
    if isinstance(constraint, CheckConstraint):
        return True
    return isinstance(constraint, UniqueConstraint) and bool(
        constraint.condition is not None or constraint.expressions
    )


SPEAKING = [(model, c) for model, c in _constraints() if _names_itself(c)]


def test_the_scan_finds_the_constraints_that_would_name_themselves():
    names = {constraint.name for _, constraint in SPEAKING}
    assert {"event_ends_after_it_starts", "review_request_one_open_per_cooperation"} <= names
    assert "partner_name_unique_per_tenant" not in names  # Django words it from the fields


@pytest.mark.parametrize(("model", "constraint"), SPEAKING, ids=lambda c: getattr(c, "name", ""))
def test_a_constraint_says_why_in_indonesian(model, constraint):
    message = constraint.violation_error_message
    assert message != constraint.default_violation_error_message, constraint.name
    with translation.override("en"):
        english = str(constraint.get_violation_error_message())
    with translation.override("id"):
        indonesian = str(constraint.get_violation_error_message())
    assert constraint.name not in english
    assert indonesian != english, f"{constraint.name}: {english!r} is not translated"


@pytest.mark.django_db
def test_an_event_ending_before_it_starts_is_refused_in_words_not_by_its_constraint_name(
    tenant: Tenant, client_as: Callable[[User], Client], cooperation_officer: User
) -> None:
    data = {"name": "F8", "place": "Losari", "starts_on": "2026-09-10", "ends_on": "2026-09-01"}
    response = client_as(cooperation_officer).post("/events/new/", data)
    html = response.content.decode()
    with translation.override("id"):
        why = translation.gettext("An event cannot end before it starts.")
    assert response.status_code in (200, 422)
    assert why in html
    assert "event_ends_after_it_starts" not in html
    assert not Event.objects.filter(tenant=tenant).exists()
