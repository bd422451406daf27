"""Evaluations: filed as a document with a PDF report, feeding the renewal decision."""

import io
import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from pypdf import PdfReader

from mitra.audit.models import AuditEntry
from mitra.cooperations.models import Document
from mitra.followups.models import Task
from mitra.implementation import services
from mitra.implementation.models import Evaluation
from mitra.implementation.tests.conftest import plan_item, signed_cooperation
from mitra.lib.refusal import Refused
from mitra.tenancy.services import update_settings
from tests.factories import make_document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

TODAY = date(2026, 1, 20)


def official(message, coop):
    """A stored title as the services write it: in the installation's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext(message) % {"title": coop.title}


def evaluate(coop, *, by=None, with_pdf=False, **overrides):
    fields = {
        "period_start": date(2025, 7, 1),
        "period_end": date(2025, 12, 31),
        "date": date(2026, 1, 15),
        "outputs_achieved": "57 gerai dibuka.",
        "benefits": "40 UMKM memasarkan produk di Malaysia.",
        "partner_responsiveness": 4,
        "recommendation": Evaluation.Recommendation.CONTINUE,
    }
    fields.update(overrides)
    return services.record_evaluation(coop, by=by, with_pdf=with_pdf, today=TODAY, **fields)


def test_an_evaluation_is_filed_as_an_evaluation_report_document(signed, cooperation_officer):
    coop, mou = signed
    evaluation = evaluate(coop, by=cooperation_officer)
    report = evaluation.report
    assert (report.kind, report.parent, report.date_signed, report.cooperation) == (
        Document.Kind.EVALUATION_REPORT,
        mou,
        date(2026, 1, 15),
        coop,
    )
    assert evaluation.agreement == mou
    assert AuditEntry.objects.filter(
        model_label="implementation.evaluation", parent=f"cooperations.cooperation:{coop.pk}"
    ).exists()
    assert evaluation.decision_task is None  # "continue" decides nothing


def test_the_filed_report_is_a_pdf_with_the_plan_as_it_stood(signed, cooperation_officer):
    coop, mou = signed
    item = plan_item(mou)
    services.record_progress(item, by=None, date=date(2025, 11, 1), value=Decimal(57))
    services.record_progress(item, by=None, date=date(2026, 1, 18), value=Decimal(90))
    evaluation = evaluate(coop, by=cooperation_officer, with_pdf=True)
    with evaluation.report.file.open("rb") as stored:
        text = "".join(page.extract_text() for page in PdfReader(stored).pages)
    text = " ".join(text.split())  # a table cell wraps where the installed fonts make it
    assert "Gerai Little Bandung" in text
    # The report made on 15 January: the total of November, not January's (as whole numbers: the
    # generated title's serial number may hold the same digits, "Cooperation 2690").
    numbers = set(re.findall(r"\b\d+\b", text))
    assert "57" in numbers and "90" not in numbers


def test_a_renew_recommendation_gives_the_decision_as_a_task_before_validity_ends(
    signed, cooperation_officer
):
    coop, mou = signed  # valid until 31 December 2029
    evaluation = evaluate(
        coop, by=cooperation_officer, recommendation=Evaluation.Recommendation.RENEW
    )
    task = evaluation.decision_task
    assert task.due_date == mou.valid_until - timedelta(days=180)
    assert (task.cooperation, task.assignee, task.status, task.priority) == (
        coop,
        cooperation_officer,
        Task.Status.OPEN,
        Task.Priority.HIGH,
    )
    assert task.title == official(
        "Decide on renewing %(title)s (the evaluation recommends renewal)", coop
    )


def test_a_terminate_recommendation_on_an_agreement_ending_soon_is_due_now(
    tenant, cooperation_officer
):
    coop, _mou = signed_cooperation(tenant, valid_until=date(2026, 3, 31))
    evaluation = evaluate(
        coop, by=cooperation_officer, recommendation=Evaluation.Recommendation.TERMINATE
    )
    assert evaluation.decision_task.due_date == TODAY
    assert evaluation.decision_task.title == official(
        "Decide on ending %(title)s (the evaluation recommends termination)", coop
    )


def test_the_lead_time_is_the_tenants_setting(signed, tenant_admin, cooperation_officer):
    coop, mou = signed
    update_settings(coop.tenant, by=tenant_admin, renewal_lead_days=365)
    evaluation = evaluate(coop, recommendation=Evaluation.Recommendation.RENEW)
    assert evaluation.decision_task.due_date == mou.valid_until - timedelta(days=365)


def test_the_agreement_ending_last_is_evaluated_by_default(signed, cooperation_officer):
    coop, _mou = signed
    pks = make_document(
        coop,
        kind=Document.Kind.IMPLEMENTING_AGREEMENT,
        title="PKS",
        date_signed=date(2025, 3, 1),
        valid_until=date(2030, 6, 30),
    )
    assert evaluate(coop).agreement == pks


@pytest.mark.parametrize(
    "overrides",
    [
        {"partner_responsiveness": 6},
        {"recommendation": "extend"},
        {"date": date(2026, 2, 1)},  # after TODAY
        {"period_end": date(2025, 1, 1)},
    ],
)
def test_an_impossible_evaluation_is_refused(signed, overrides):
    coop, _mou = signed
    with pytest.raises(Refused):
        evaluate(coop, **overrides)
    assert not Evaluation.objects.exists()
    assert not Document.objects.filter(kind=Document.Kind.EVALUATION_REPORT).exists()


def test_a_cooperation_without_signed_agreement_cannot_be_evaluated(signed):
    coop, mou = signed
    Document.objects.filter(pk=mou.pk).update(date_signed=None)
    with pytest.raises(Refused, match="signed agreement"):
        evaluate(coop)


def evaluation_form(**overrides):
    today = timezone.localdate()
    start = date(today.year, 1 if today.month <= 6 else 7, 1)
    data = {
        "period": start.isoformat(),
        "date": today.isoformat(),
        "outputs_achieved": "57 gerai dibuka.",
        "benefits": "40 UMKM.",
        "partner_responsiveness": "3",
        "recommendation": "renew",
    }
    data.update(overrides)
    return data


def test_an_officer_records_an_evaluation_through_the_form(client_as, cooperation_officer, signed):
    coop, _mou = signed
    url = reverse("implementation:add_evaluation", args=[coop.pk])
    assert client_as(cooperation_officer).get(url).status_code == 200
    response = client_as(cooperation_officer).post(url, evaluation_form())
    evaluation = Evaluation.objects.get()
    assert response.status_code == 302 and response["Location"] == evaluation.get_absolute_url()
    assert evaluation.report.file.name.endswith(".pdf")
    assert evaluation.decision_task is not None


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"partner_responsiveness": "9"}, "partner_responsiveness"),
        ({"recommendation": "extend"}, "recommendation"),
        ({"period": "1999-01-01"}, "period"),
        ({"date": "2999-01-01"}, "date"),
        ({"outputs_achieved": ""}, "outputs_achieved"),
    ],
)
def test_bad_evaluation_input_gets_field_errors(
    client_as, cooperation_officer, signed, overrides, field
):
    coop, _mou = signed
    url = reverse("implementation:add_evaluation", args=[coop.pk])
    response = client_as(cooperation_officer).post(url, evaluation_form(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Evaluation.objects.exists()


def test_the_report_pdf_is_served_to_readers_and_hidden_from_outsiders(
    client_as, leadership, outsider, signed
):
    coop, _mou = signed
    evaluation = evaluate(coop)
    url = reverse("implementation:evaluation_pdf", args=[evaluation.pk])
    response = client_as(leadership).get(url)
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert coop.title in text
    assert client_as(leadership).get(evaluation.get_absolute_url()).status_code == 200
    assert client_as(outsider).get(url).status_code == 404
    assert client_as(outsider).get(evaluation.get_absolute_url()).status_code == 404
    new = reverse("implementation:add_evaluation", args=[coop.pk])
    assert client_as(outsider).post(new, evaluation_form()).status_code == 404
    assert client_as(leadership).post(new, evaluation_form()).status_code == 403
    assert Evaluation.objects.count() == 1
