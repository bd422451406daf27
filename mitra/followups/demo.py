"""Demo follow-up: a few activities and tasks for Bandung and Makassar, written through services.

Bandung's officer gets the MARA follow-up due within a week (their digest names it); at least one
Makassar cooperation is left without a task or event, so "needs follow-up" has something to show.
"""

from datetime import date, timedelta

from django.contrib.auth.models import User

from mitra.cooperations.models import Cooperation
from mitra.followups.models import Activity, Task
from mitra.followups.services import Commitment, create_task, log_activity
from mitra.tenancy.models import Tenant

BANDUNG, MAKASSAR = "3273", "7371"


def _cooperation(tenant: Tenant, contains: str) -> Cooperation | None:
    return Cooperation.objects.for_tenant(tenant).filter(title__icontains=contains).first()


def _load_bandung(tenant: Tenant, officer: User, today: date) -> None:
    mara = _cooperation(tenant, "MARA")
    if mara is None:
        return
    log_activity(
        tenant,
        by=officer,
        kind=Activity.Kind.VISIT_IN,
        date=today - timedelta(days=12),
        title="Kunjungan delegasi MARA ke Balai Kota Bandung",
        cooperation=mara,
        partner=mara.partners.first(),
        staff=[officer],
        other_participants="Delegasi Majlis Amanah Rakyat (MARA)\nKepala Dinas KUKM Kota Bandung",
        notes="Dibahas rencana gerai Little Bandung di Malaysia dan kurasi produk UMKM Bandung.",
        commitments=[
            Commitment(
                "Kirim profil UMKM untuk program Little Bandung ke MARA",
                officer,
                today + timedelta(days=5),
                Task.Priority.HIGH,
            ),
            Commitment(
                "Siapkan daftar produk kurasi Dinas KUKM", officer, today + timedelta(days=21)
            ),
        ],
    )


def _load_makassar(tenant: Tenant, officer: User, today: date) -> None:
    for contains, consulate, days_ago in (
        ("Incheon", "Konsulat Jenderal Republik Korea", 20),
        ("Kaohsiung", "Kantor Dagang dan Ekonomi Taipei (TETO)", 95),
    ):
        coop = _cooperation(tenant, contains)
        if coop is None:
            continue
        activity = log_activity(
            tenant,
            by=officer,
            kind=Activity.Kind.MEETING,
            date=today - timedelta(days=days_ago),
            title=f"Pertemuan dengan {consulate} tentang {coop.title}",
            cooperation=coop,
            staff=[officer],
            other_participants=consulate,
        )
        if contains == "Incheon":
            create_task(
                tenant,
                by=officer,
                title="Kirim notulen pertemuan ke konsulat",
                assignee=officer,
                due_date=today - timedelta(days=2),
                cooperation=coop,
                activity=activity,
            )


def load_followups_demo(tenants: dict[str, Tenant], officers: dict[str, User], today: date) -> None:
    """Activities and tasks for the demo tenants keyed by region code; skips what is missing."""
    if BANDUNG in tenants:
        _load_bandung(tenants[BANDUNG], officers[BANDUNG], today)
    if MAKASSAR in tenants:
        _load_makassar(tenants[MAKASSAR], officers[MAKASSAR], today)
