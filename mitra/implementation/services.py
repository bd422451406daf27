"""Every write to plans of action, progress reports and evaluations.

Each function checks that what it links belongs to the cooperation's tenant, applies `rules`,
writes inside a transaction and leaves an audit row attached to the cooperation. An evaluation
also files its report as a cooperation document and, when it recommends renewing or ending the
agreement, gives someone the decision as a task due well before the agreement ends.
"""

import datetime
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, TypedDict, Unpack

from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mitra.audit.services import record_created, record_updated, snapshot, unchanged
from mitra.cooperations.models import Agency, Cooperation, Document
from mitra.cooperations.services import attach_document, note_activity, record_event
from mitra.followups.models import Task
from mitra.followups.services import create_task
from mitra.implementation import rules
from mitra.implementation.models import (
    BenefitKind,
    Evaluation,
    IntendedOutput,
    PlanItem,
    ProgressUpdate,
)
from mitra.lib.formatting import iso_month, long_date
from mitra.lib.refusal import Refused, refuse_if, refuse_on_fields
from mitra.partners.models import Contact
from mitra.tenancy.models import Membership, Tenant


class PlanItemFields(TypedDict, total=False):
    """An item of a plan of action, as `create_plan_item` and `update_plan_item` take it."""

    activity: str
    description: str
    agency: Agency | None
    counterpart: str
    counterpart_contact: Contact | None
    assignee: User | None
    target_quantity: Decimal | None
    unit: str
    milestone_date: date | None
    start_date: date
    end_date: date | None
    status: str
    recurrence: str
    generates: str


class EvaluationFields(TypedDict, total=False):
    """An evaluation's findings, as `record_evaluation` takes them."""

    period_start: datetime.date
    period_end: datetime.date
    date: datetime.date
    outputs_achieved: str
    benefits: str
    problems: str
    partner_responsiveness: int
    partner_responsiveness_note: str
    recommendation: str
    recommendation_note: str


class Benefits(TypedDict, total=False):
    """The benefits a progress report may state (`BenefitKind`), each a total to date."""

    smes_reached: int | None
    people_trained: int | None
    investment_value: Decimal | None


ITEM_FIELDS = frozenset(PlanItemFields.__annotations__)
DECISION_KINDS = frozenset({Evaluation.Recommendation.RENEW, Evaluation.Recommendation.TERMINATE})


def _is_member(tenant: Tenant, user: User | None) -> bool:
    return user is not None and Membership.objects.filter(tenant=tenant, user=user).exists()


def responsible_person(cooperation: Cooperation, preferred: User | None = None) -> User | None:
    """Who gets a generated task: `preferred`, else the cooperation's owner, else the first
    cooperation officer or administrator of the tenant; always a member of the tenant."""
    tenant = cooperation.tenant
    for candidate in (preferred, cooperation.owner):
        if _is_member(tenant, candidate):
            return candidate
    roles = (Membership.Role.COOPERATION_OFFICER, Membership.Role.TENANT_ADMIN)
    for role in roles:
        member = (
            Membership.objects.filter(tenant=tenant, role=role)
            .select_related("user")
            .order_by("pk")
            .first()
        )
        if member is not None:
            return member.user
    return None


# --- Plan items -------------------------------------------------------------------------------


def _link_problems(tenant: Tenant, fields: Mapping[str, Any]) -> list[str]:
    problems = []
    agency, contact = fields.get("agency"), fields.get("counterpart_contact")
    if agency is not None and agency.tenant_id != tenant.pk:
        problems.append(_("The agency belongs to another regional government."))
    if contact is not None and contact.partner.tenant_id != tenant.pk:
        problems.append(_("The contact belongs to another regional government's partner."))
    assignee = fields.get("assignee")
    if assignee is not None and not _is_member(tenant, assignee):
        problems.append(_("The officer following the item must work for this government."))
    return problems


def _item_problems(document: Document, fields: Mapping[str, Any]) -> list[str]:
    unknown = set(fields) - ITEM_FIELDS
    if unknown:
        raise TypeError(f"unknown plan item fields: {sorted(unknown)}")
    return (
        rules.plan_document_problems(document)
        + _link_problems(document.cooperation.tenant, fields)
        + rules.item_problems(
            start=fields.get("start_date"),
            end=fields.get("end_date"),
            milestone=fields.get("milestone_date"),
            target=fields.get("target_quantity"),
            unit=fields.get("unit", ""),
        )
    )


@transaction.atomic
def create_plan_item(
    document: Document, *, by: User | None, **fields: Unpack[PlanItemFields]
) -> PlanItem:
    """Add an item to a signed agreement's plan of action, numbered after the last one."""
    refuse_if(_item_problems(document, fields))
    coop = document.cooperation
    last = PlanItem.objects.filter(document=document).aggregate(last=Max("position"))["last"]
    item = PlanItem.objects.create(
        tenant=coop.tenant, cooperation=coop, document=document, position=(last or 0) + 1, **fields
    )
    record_created(item, by=by, parent=coop)
    return item


@transaction.atomic
def update_plan_item(
    item: PlanItem,
    *,
    by: User | None,
    document: Document | None = None,
    **fields: Unpack[PlanItemFields],
) -> bool:
    """Change an item, re-checking every rule on the result; it stays in its cooperation.
    Whether anything changed: if nothing did, nothing is saved and no row written."""
    document = document or item.document
    if document.cooperation_id != item.cooperation_id:
        raise Refused([_("The agreement belongs to another cooperation.")])
    merged = {name: getattr(item, name) for name in ITEM_FIELDS} | fields
    refuse_if(_item_problems(document, merged))
    before = snapshot(item)
    item.document = document
    for name, value in fields.items():
        setattr(item, name, value)
    if unchanged(item, before):
        return False
    item.save(update_fields=[*fields, "document", "updated_at"])
    record_updated(item, before, by=by, parent=item.cooperation)
    return True


# --- Intended outputs (before signing) --------------------------------------------------------


@transaction.atomic
def add_intended_output(
    cooperation: Cooperation,
    *,
    by: User | None,
    description: str,
    target_quantity: Decimal | None = None,
    unit: str = "",
) -> IntendedOutput:
    """Record an output the cooperation plan intends, before any agreement is signed."""
    refuse_if(
        rules.intended_output_problems(
            cooperation, description=description, target=target_quantity, unit=unit
        )
    )
    found = IntendedOutput.objects.create(
        tenant=cooperation.tenant,
        cooperation=cooperation,
        description=description.strip(),
        target_quantity=target_quantity,
        unit=unit.strip(),
    )
    record_created(found, by=by, parent=cooperation)
    return found


@transaction.atomic
def carry_intended_outputs(document: Document, *, by: User | None) -> list[PlanItem]:
    """Make each intended output not yet carried an item of the agreement's plan of action,
    over the agreement's term, and remember which item it became; carrying twice adds nothing."""
    waiting = list(
        IntendedOutput.objects.select_for_update()
        .filter(cooperation=document.cooperation_id, plan_item=None)
        .order_by("pk")
    )
    refuse_if([_("Every intended output is already in the plan of action.")] if not waiting else [])
    start = document.valid_from or document.date_signed or timezone.localdate()
    items = []
    for output in waiting:
        item = create_plan_item(
            document,
            by=by,
            activity=output.description,
            target_quantity=output.target_quantity,
            unit=output.unit,
            start_date=start,
            end_date=document.valid_until,
        )
        before = snapshot(output)
        output.plan_item = item
        output.save(update_fields=["plan_item"])
        record_updated(output, before, by=by, parent=document.cooperation)
        items.append(item)
    return items


# --- Progress ---------------------------------------------------------------------------------


@transaction.atomic
def record_progress(
    item: PlanItem,
    *,
    by: User | None,
    date: date,
    value: Any = None,
    note: str = "",
    evidence_file: UploadedFile[bytes] | None = None,
    evidence_link: str = "",
    today: date | None = None,
    **benefits: Unpack[Benefits],
) -> ProgressUpdate:
    """Report the total an item achieved by `date`; its first report puts a planned item in progress."""
    if set(benefits) - set(BenefitKind.values):
        raise TypeError(f"unknown benefits: {sorted(set(benefits) - set(BenefitKind.values))}")
    said = any(v is not None for v in [value, *dict(benefits).values()])
    problems = rules.progress_problems(
        day=date,
        today=today or timezone.localdate(),
        value=value,
        reported_anything=said or bool(note.strip() or evidence_file or evidence_link),
    )
    if item.status == PlanItem.Status.CANCELLED:
        problems.append(_("This item was cancelled; reopen it before reporting progress."))
    on_date = rules.reported_by_today(date, today or timezone.localdate())
    refuse_on_fields({"date": on_date}, general=[p for p in problems if p not in on_date])
    update = ProgressUpdate(
        tenant_id=item.tenant_id,
        item=item,
        date=date,
        value=value,
        note=note.strip(),
        evidence_link=evidence_link,
        reported_by=by,
        **benefits,
    )
    if evidence_file is not None:
        update.evidence_file.save(evidence_file.name or "evidence", evidence_file, save=False)
    update.save()
    record_created(update, by=by, parent=item.cooperation)
    if item.status == PlanItem.Status.PLANNED:
        _set_status(item, PlanItem.Status.IN_PROGRESS, by=by)
    because = _("Progress reported: %(activity)s") % {"activity": item.activity}
    note_activity(item.cooperation, update.date, by=by, because=because)
    return update


def _set_status(item: PlanItem, status: str, *, by: User | None) -> None:
    before = snapshot(item)
    item.status = status
    item.save(update_fields=["status", "updated_at"])
    record_updated(item, before, by=by, parent=item.cooperation)


# --- Evaluations ------------------------------------------------------------------------------


def _evaluation_problems(
    coop: Cooperation, agreement: Document | None, fields: Mapping[str, Any], today: date
) -> list[str]:
    problems = []
    if not Document.objects.filter(
        cooperation=coop, kind__in=rules.PLAN_DOCUMENT_KINDS, date_signed__isnull=False
    ).exists():
        problems.append(_("Only a cooperation with a signed agreement can be evaluated."))
    if agreement is not None and agreement.cooperation_id != coop.pk:
        problems.append(_("The agreement belongs to another cooperation."))
    problems += rules.period_in_order(fields["period_start"], fields["period_end"])
    problems += rules.evaluated_by_today(fields["date"], today)
    if fields["partner_responsiveness"] not in range(1, 6):
        problems.append(_("Score the partner's responsiveness from 1 to 5."))
    if fields["recommendation"] not in Evaluation.Recommendation.values:
        problems.append(_("Choose a recommendation."))
    return problems


def governing_agreement(coop: Cooperation) -> Document | None:
    """The signed agreement that ends last (one valid until terminated counts as last)."""
    signed = Document.objects.filter(
        cooperation=coop, kind__in=rules.PLAN_DOCUMENT_KINDS, date_signed__isnull=False
    )
    found = list(signed)
    if not found:
        return None
    return max(found, key=lambda d: (d.until_terminated, d.valid_until or date.min, d.pk))


def _report_file(evaluation: Evaluation) -> UploadedFile[bytes]:
    from mitra.implementation.pdf import render_evaluation_pdf  # WeasyPrint loads slowly

    with translation.override(django_settings.LANGUAGE_CODE):  # the record in the official language
        content = render_evaluation_pdf(evaluation)
    name = f"evaluation-{evaluation.cooperation_id}-{iso_month(evaluation.period_start)}.pdf"
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _file_report(evaluation: Evaluation, *, by: User | None, with_pdf: bool) -> Document:
    coop = evaluation.cooperation
    with translation.override(django_settings.LANGUAGE_CODE):
        label = Evaluation.Recommendation(evaluation.recommendation).label
        title = _("Evaluation report: %(title)s, %(start)s to %(end)s") % {
            "title": coop.title,
            "start": long_date(evaluation.period_start),
            "end": long_date(evaluation.period_end),
        }
        scope = _("Recommendation: %(recommendation)s.") % {"recommendation": label}
    return attach_document(
        coop,
        by=by,
        file=_report_file(evaluation) if with_pdf else None,
        kind=Document.Kind.EVALUATION_REPORT,
        title=title[:250],
        scope=scope,
        parent=evaluation.agreement,
        date_signed=evaluation.date,
    )


def _decision_task(evaluation: Evaluation, *, by: User | None, today: date) -> Task | None:
    if evaluation.recommendation not in DECISION_KINDS:
        return None
    coop = evaluation.cooperation
    agreement = evaluation.agreement
    lead_days = coop.tenant.renewal_lead_days
    valid_until = agreement.valid_until if agreement is not None else None
    due = rules.renewal_decision_due(valid_until, lead_days, today)
    with translation.override(django_settings.LANGUAGE_CODE):
        template = (
            _("Decide on renewing %(title)s (the evaluation recommends renewal)")
            if evaluation.recommendation == Evaluation.Recommendation.RENEW
            else _("Decide on ending %(title)s (the evaluation recommends termination)")
        )
    assignee = responsible_person(coop, by)
    if assignee is None:
        raise Refused([_("Nobody in this government can be given the renewal decision.")])
    return create_task(
        coop.tenant,
        by=by,
        title=(template % {"title": coop.title})[:250],
        assignee=assignee,
        due_date=due,
        cooperation=coop,
        priority=Task.Priority.HIGH,
        given_on=today,
    )


@transaction.atomic
def record_evaluation(
    cooperation: Cooperation,
    *,
    by: User | None,
    agreement: Document | None = None,
    with_pdf: bool = True,
    today: date | None = None,
    **fields: Unpack[EvaluationFields],
) -> Evaluation:
    """Record an evaluation, file its report (PDF) as a document and, for a renew or terminate
    recommendation, a decision task due `renewal_lead_days` before the agreement ends."""
    today = today or timezone.localdate()
    on_date = rules.evaluated_by_today(fields["date"], today)
    problems = _evaluation_problems(cooperation, agreement, fields, today)
    refuse_on_fields({"date": on_date}, general=[p for p in problems if p not in on_date])
    evaluation = Evaluation.objects.create(
        tenant=cooperation.tenant,
        cooperation=cooperation,
        agreement=agreement or governing_agreement(cooperation),
        evaluated_by=by,
        **fields,
    )
    evaluation.report = _file_report(evaluation, by=by, with_pdf=with_pdf)
    evaluation.decision_task = _decision_task(evaluation, by=by, today=today)
    evaluation.save(update_fields=["report", "decision_task"])
    record_created(evaluation, by=by, parent=cooperation)
    note = _("Evaluation: %(recommendation)s") % {
        "recommendation": evaluation.get_recommendation_display()
    }
    record_event(cooperation, action="evaluate", by=by, note=note)
    return evaluation
