"""Importing a cooperation register: the dry run kept with its file, and the all-or-nothing commit.

`check_upload` reads the file, checks every row (`checks.check_sheet`) and keeps the file and the
report in an `ImportRun`, so the user reviews every outcome and commits without uploading again.
`commit_import` checks the kept file again against the records as they are now and then writes
every row or none, through the services a person uses: partners through
`partners.services.create_partner`, cooperations through `create_cooperation`, documents through
`attach_document`. The stage a row has reached is recorded with `record_past_state` and the action
"import": the steps happened before Mitra, and the history says so.
"""

import hashlib

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitra.cooperations.models import Cooperation
from mitra.cooperations.services import attach_document, create_cooperation, record_past_state
from mitra.imports.cells import Problem
from mitra.imports.checks import check_sheet
from mitra.imports.models import ImportRun
from mitra.imports.parsing import Sheet, UnreadableFile, read_sheet
from mitra.imports.partner_choices import PartnerChoice
from mitra.imports.plans import Plan, RowPlan
from mitra.imports.report import build_report
from mitra.lib.refusal import Refused
from mitra.partners.models import Partner
from mitra.partners.services import create_partner
from mitra.reviews.services import open_review_if_needed
from mitra.tenancy.models import Tenant

IMPORT_ACTION = "import"
REPORT_FIELDS = ["report", "row_count", "error_count", "checked_at"]


def file_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _keep_report(run: ImportRun, plan: Plan, created: dict[int, int] | None = None) -> None:
    run.report = build_report(plan, created)
    run.row_count = len(plan.rows)
    run.error_count = len(plan.problems)
    run.checked_at = timezone.now()


def check_upload(
    tenant: Tenant, *, by: User, file_name: str, content: bytes, sheet: Sheet | None = None
) -> ImportRun:
    """Check an uploaded register and keep it with its report; nothing else is written."""
    sheet = sheet or read_sheet(file_name, content)
    now = timezone.now()
    run = ImportRun(
        tenant=tenant,
        file_name=file_name[:255],
        sha256=file_hash(content),
        uploaded_by=by,
        uploaded_at=now,
        checked_at=now,
    )
    _keep_report(run, check_sheet(tenant, sheet))
    run.file.save(file_name, ContentFile(content), save=False)
    run.save()
    return run


def earlier_imports(run: ImportRun) -> list[ImportRun]:
    """Committed imports of the same file into the same tenant."""
    same = ImportRun.objects.filter(tenant_id=run.tenant_id, sha256=run.sha256)
    return list(same.filter(status=ImportRun.Status.COMMITTED).exclude(pk=run.pk))


class _Blocked(Exception):
    """Leaves the commit's transaction with the plan that stopped it, to keep its report."""

    def __init__(self, plan: Plan) -> None:
        super().__init__("import blocked")
        self.plan = plan


def commit_import(run: ImportRun, *, by: User) -> ImportRun:
    """Create every row's cooperation, or nothing: the file is checked again first, and a refusal
    by any service undoes the rows already written."""
    try:
        with transaction.atomic():
            return _commit(run, by=by)
    except _Blocked as blocked:
        _keep_report(run, blocked.plan)
        run.save(update_fields=REPORT_FIELDS)
        raise Refused(
            [
                _("Nothing was imported: the file has %(count)s problems. They are listed below.")
                % {"count": len(blocked.plan.problems)}
            ]
        ) from None


def _read(run: ImportRun) -> Sheet:
    try:
        with run.file.open("rb") as stored:
            return read_sheet(run.file_name, stored.read())
    except (FileNotFoundError, UnreadableFile):
        raise Refused([_("The uploaded file is no longer available; upload it again.")]) from None


def _commit(run: ImportRun, *, by: User) -> ImportRun:
    locked = ImportRun.objects.select_for_update().select_related("tenant").get(pk=run.pk)
    if locked.is_committed:
        raise Refused([_("This file has already been imported.")])
    # One commit at a time per tenant: two files naming the same new cooperation or partner
    # must not both create it.
    tenant = Tenant.objects.select_for_update().get(pk=locked.tenant_id)
    plan = check_sheet(tenant, _read(locked))
    if plan.problems:
        raise _Blocked(plan)
    if not plan.to_create:
        raise Refused([_("Nothing to import: every row is already recorded in Mitra.")])
    written: dict[int, Cooperation] = {}
    partners: dict[int, Partner] = {}
    for row in plan.to_write:
        try:
            if row.continues is not None:
                _attach(row, written[row.continues.number], tenant=tenant, by=by, new=partners)
                continue
            written[row.number] = _write_row(
                row, tenant=tenant, by=by, file_name=locked.file_name, new=partners
            )
        except Refused as refusal:
            row.problems += [Problem(row.number, "", "", message) for message in refusal.problems]
            raise _Blocked(plan) from None
    created = {number: coop.pk for number, coop in written.items()}
    _keep_report(locked, plan, created)
    locked.status = ImportRun.Status.COMMITTED
    locked.committed_by = by
    locked.committed_at = timezone.now()
    locked.created_count = len(created)
    locked.save(
        update_fields=[*REPORT_FIELDS, "status", "committed_by", "committed_at", "created_count"]
    )
    locked.cooperations.set(
        list(created.values()), through_defaults={"tenant_id": locked.tenant_id}
    )
    return locked


def _partner(choice: PartnerChoice, tenant: Tenant, by: User, new: dict[int, Partner]) -> Partner:
    """The partner matched, or the new one, created once however many rows name it."""
    if choice.existing is not None:
        return choice.existing
    if id(choice) not in new:
        new[id(choice)] = create_partner(tenant, by=by, aliases=choice.aliases, **choice.fields)
    return new[id(choice)]


def _write_row(
    row: RowPlan, *, tenant: Tenant, by: User, file_name: str, new: dict[int, Partner]
) -> Cooperation:
    note = _("Imported from %(file)s, row %(row)s") % {"file": file_name, "row": row.number}
    partners = [_partner(choice, tenant, by, new) for choice in row.partners]
    document = row.document
    coop = create_cooperation(
        tenant,
        by=by,
        kind=row.kind,
        sub_form=row.sub_form,
        route=row.route,
        title=row.title,
        summary=row.summary,
        partners=partners,
        sectors=row.sectors,
        initiating_agency=row.initiating_agency,
        implementing_agencies=row.implementing_agencies,
        owner=row.owner or by,
        start_date=document.start if document else None,
        end_date=document.valid_until if document else None,
        note=note,
    )
    _attach(row, coop, tenant=tenant, by=by, new=new)
    if row.state != coop.state:
        event = record_past_state(coop, row.state, by=by, action=IMPORT_ACTION, note=note)
        # Entering central review by import still puts the cooperation before the centre.
        open_review_if_needed(coop, event)
    return coop


def _attach(
    row: RowPlan, coop: Cooperation, *, tenant: Tenant, by: User, new: dict[int, Partner]
) -> None:
    """The row's document, if it has one, numbered by the region and by each partner."""
    if row.document is None:
        return
    names = [_partner(choice, tenant, by, new).name for choice in row.partners]
    attach_document(
        coop, by=by, parties=row.document.parties(tenant.name, names), **row.document.fields()
    )
