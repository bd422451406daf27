"""Every record that can be voided stops counting once voided, through its default manager.

Found by walking the models, so a new `Voidable` model is covered without touching this file:
its default manager (and so every related manager, prefetch, list, export, portal page and API
list) leaves voided rows out, `with_voided` still holds them for the trail, and a service voids
it with a reason.
"""

import pytest
from django.apps import apps

from mitra.audit.models import Voidable
from mitra.cooperations.services import void_document
from mitra.events.services import void_signing
from mitra.followups.services import void_activity

VOIDABLE = sorted(
    (model for model in apps.get_models() if issubclass(model, Voidable)),
    key=lambda model: model._meta.label,
)
# The service that voids each, with a reason.
VOIDED_BY = {
    "cooperations.Document": void_document,
    "followups.Activity": void_activity,
    "events.PlannedSigning": void_signing,
}


def test_documents_activities_and_signings_can_be_voided_each_by_its_service():
    assert {model._meta.label for model in VOIDABLE} == set(VOIDED_BY)


@pytest.mark.parametrize("model", VOIDABLE, ids=lambda model: model._meta.label)
def test_the_default_manager_leaves_voided_rows_out_and_with_voided_keeps_them(model):
    query = str(model._default_manager.all().query)
    assert '"voided_at" IS NULL' in query
    assert "WHERE" not in str(model.with_voided.all().query)
    assert model._base_manager.all().query.where.children == []  # foreign keys still resolve
    assert model._meta.get_field("void_reason").editable is False
