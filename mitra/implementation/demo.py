"""Demo plans of action for Makassar's signed seed cases, written through the services.

- IE Singapore (MoU): CCTV integration on track, operator training behind schedule (at risk),
  the public-service app launched, and an annual joint committee meeting (recurring: an event
  and a task each year).
- Palembang (PKS): CCTV integration with Polri, staff exchange, a semester report (recurring).
- Incheon (MoU): e-government training, with an evaluation of the last ended semester.
- Temasek (MoU): official training with nothing reported since it started: the dormant example,
  whose `dormancy_facts` show what was promised and what is missing.

Every date is counted from the agreements' own dates and from `today`, which the demo loader
already shifted to lie just behind today, so the picture is the same whenever it is loaded.
Bandung's MARA cooperation (Little Bandung) is still being explored, with no agreement to carry a
plan of action yet: its cooperation plan states the intended output (200 Little Bandung outlets),
which becomes an item of the plan of action once the MoU is signed.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import translation
from django.utils.translation import gettext as _

from mitra.cooperations.models import Agency, Cooperation, Document
from mitra.cooperations.transitions import apply_transition
from mitra.implementation import services
from mitra.implementation.models import Evaluation, PlanItem
from mitra.implementation.periods import previous_period
from mitra.implementation.recurring import generate_due_obligations
from mitra.partners.models import Contact
from mitra.tenancy.models import Tenant

MAKASSAR = "7371"
BANDUNG = "3273"
R = PlanItem.Recurrence


@dataclass(frozen=True)
class Report:
    days_ago: int
    value: int | None = None
    note: str = ""
    benefits: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Item:
    activity: str
    agency: str
    counterpart: str
    start_after: int  # days after the agreement took effect
    length_days: int | None  # None: until the agreement ends
    target: int | None = None
    unit: str = ""
    milestone_after: int | None = None
    recurrence: str = R.NONE
    generates: str = PlanItem.Generates.TASK
    done: bool = False
    reports: tuple[Report, ...] = ()


PLANS: dict[str, tuple[str, tuple[Item, ...]]] = {
    "IE Singapore": (
        Document.Kind.MOU,
        (
            Item(
                "Integrasi kamera CCTV kota ke Makassar War Room",
                "Diskominfo",
                "IE Singapore, divisi smart city",
                0,
                3 * 365,
                500,
                "kamera CCTV",
                reports=(
                    Report(150, 80, "Tahap pertama: simpang utama dan Pantai Losari."),
                    Report(40, 130, "Tahap kedua: kawasan pelabuhan dan pasar."),
                ),
            ),
            Item(
                "Pelatihan operator pusat komando smart city",
                "BKPSDM",
                "IE Singapore, program pelatihan",
                30,
                365,
                60,
                "operator",
                reports=(
                    Report(
                        30,
                        12,
                        "Angkatan pertama selesai; angkatan berikutnya menunggu jadwal pelatih.",
                        {"people_trained": 12},
                    ),
                ),
            ),
            Item(
                "Peluncuran aplikasi layanan publik terpadu",
                "Diskominfo",
                "IE Singapore",
                0,
                240,
                milestone_after=180,
                done=True,
                reports=(Report(70, None, "Aplikasi diluncurkan Wali Kota."),),
            ),
            Item(
                "Rapat komite bersama (joint committee) tahunan",
                "Diskominfo",
                "IE Singapore",
                0,
                None,
                recurrence=R.YEARLY,
                generates=PlanItem.Generates.EVENT,
            ),
        ),
    ),
    "Palembang": (
        Document.Kind.IMPLEMENTING_AGREEMENT,
        (
            Item(
                "Integrasi CCTV Pemkot dengan Polri (smart security)",
                "Diskominfo",
                "Diskominfo Kota Palembang",
                0,
                2 * 365,
                150,
                "titik CCTV",
                reports=(Report(150, 40), Report(20, 65, "Termasuk 10 titik di terminal.")),
            ),
            Item(
                "Magang pegawai pengelola smart city di Palembang",
                "BKPSDM",
                "BKPSDM Kota Palembang",
                0,
                365,
                20,
                "peserta",
                reports=(Report(45, 8, "", {"people_trained": 8}),),
            ),
            Item(
                "Laporan pelaksanaan PKS per semester",
                "Diskominfo",
                "Diskominfo Kota Palembang",
                0,
                None,
                recurrence=R.SEMESTER,
            ),
        ),
    ),
    "Incheon": (
        Document.Kind.MOU,
        (
            Item(
                "Pelatihan e-government bagi ASN Pemkot Makassar",
                "BKPSDM",
                "Incheon Metropolitan City, divisi kerja sama internasional",
                0,
                None,
                150,
                "ASN terlatih",
                reports=(
                    Report(
                        150,
                        25,
                        "Angkatan pertama di Incheon.",
                        {"people_trained": 25, "investment_value": Decimal("450000000")},
                    ),
                ),
            ),
        ),
    ),
    "Temasek": (
        Document.Kind.MOU,
        (
            Item(
                "Pelatihan kepemimpinan pejabat Pemkot Makassar di Singapura",
                "BKPSDM",
                "Temasek Foundation",
                14,
                365,
                30,
                "pejabat",
            ),
        ),
    ),
}


def _agreement(tenant: Tenant, contains: str, kind: str) -> Document | None:
    coop = Cooperation.objects.for_tenant(tenant).filter(title__icontains=contains).first()
    if coop is None:
        return None
    documents = Document.objects.filter(cooperation=coop, kind=kind, date_signed__isnull=False)
    return documents.order_by("date_signed", "pk").first()


def _load_item(document: Document, spec: Item, *, by: User, today: date) -> PlanItem:
    begins = document.valid_from or document.date_signed or today
    start = begins + timedelta(days=spec.start_after)
    end = start + timedelta(days=spec.length_days - 1) if spec.length_days else None
    milestone = begins + timedelta(days=spec.milestone_after) if spec.milestone_after else None
    contact = Contact.objects.filter(partner__in=document.cooperation.partners.all()).first()
    item = services.create_plan_item(
        document,
        by=by,
        activity=spec.activity,
        agency=Agency.objects.get(tenant=document.cooperation.tenant, acronym=spec.agency),
        counterpart=spec.counterpart,
        counterpart_contact=contact,
        target_quantity=Decimal(spec.target) if spec.target is not None else None,
        unit=spec.unit,
        milestone_date=milestone,
        start_date=start,
        end_date=end,
        recurrence=spec.recurrence,
        generates=spec.generates,
    )
    for report in spec.reports:
        services.record_progress(
            item,
            by=by,
            date=max(today - timedelta(days=report.days_ago), start),
            value=Decimal(report.value) if report.value is not None else None,
            note=report.note,
            today=today,
            **report.benefits,
        )
    if spec.done:
        services.update_plan_item(item, by=by, status=PlanItem.Status.DONE)
    return item


def _evaluate_incheon(tenant: Tenant, officer: User, today: date) -> None:
    document = _agreement(tenant, "Incheon", Document.Kind.MOU)
    period = previous_period(today, 6)
    if document is None or document.date_signed is None or document.date_signed > period.end:
        return
    services.record_evaluation(
        document.cooperation,
        by=officer,
        agreement=document,
        today=today,
        period_start=period.start,
        period_end=period.end,
        date=min(period.end + timedelta(days=20), today),
        outputs_achieved=(
            "Angkatan pertama pelatihan e-government (25 ASN) selesai di Incheon; modul "
            "pelatihan diterjemahkan ke bahasa Indonesia."
        ),
        benefits="Tim pengembang aplikasi Diskominfo menerapkan standar layanan digital Incheon.",
        problems="Jadwal angkatan kedua bergeser karena penyesuaian anggaran perjalanan dinas.",
        partner_responsiveness=4,
        partner_responsiveness_note="Mitra membalas surat dalam dua minggu dan menanggung pelatih.",
        recommendation=Evaluation.Recommendation.CONTINUE,
        recommendation_note="Lanjutkan; jadwalkan angkatan kedua pada semester berikutnya.",
    )


def load_implementation_demo(
    tenants: dict[str, Tenant], officers: dict[str, User], today: date
) -> None:
    """Plans, progress and an evaluation for Makassar, then the recurring obligations' tasks;
    Bandung's intended Little Bandung outlets."""
    _mara_intends_outlets(tenants.get(BANDUNG), officers.get(BANDUNG))
    tenant, officer = tenants.get(MAKASSAR), officers.get(MAKASSAR)
    if tenant is None or officer is None:
        return
    for contains, (kind, items) in PLANS.items():
        document = _agreement(tenant, contains, kind)
        if document is None:
            continue
        for spec in items:
            _load_item(document, spec, by=officer, today=today)
    _evaluate_incheon(tenant, officer, today)
    generate_due_obligations(today, tenants=list(tenants.values()))
    _temasek_falls_dormant(tenant, officer)


def _temasek_falls_dormant(tenant: Tenant, officer: User) -> None:
    """The dormant example, flagged through the workflow by the officer who noticed it."""
    coop = Cooperation.objects.filter(
        tenant=tenant, title__contains="Temasek", state=Cooperation.State.IMPLEMENTATION
    ).first()
    if coop is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        note = _("No activity and no progress reported since the training plan was agreed.")
    apply_transition(coop, "mark_dormant", by=officer, note=note)


def _mara_intends_outlets(tenant: Tenant | None, officer: User | None) -> None:
    """MARA plans about 200 Little Bandung outlets in Malaysia (the seed article, domain guide
    §9): the target the cooperation plan states before anything is signed."""
    coop = Cooperation.objects.filter(tenant=tenant, title__contains="MARA").first()
    if coop is None or officer is None:
        return
    services.add_intended_output(
        coop,
        by=officer,
        description="Gerai Little Bandung di kota-kota Malaysia untuk produk UMKM Kota Bandung",
        target_quantity=Decimal(200),
        unit="gerai",
    )
