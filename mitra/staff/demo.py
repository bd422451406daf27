"""Staff profiles for the demo tenants: who speaks what, and how thin the cooperation unit is.

Bandung's two outside professionals (domain guide §9) are its PPPK and non-ASN profiles. In
Makassar nobody speaks Korean, Swedish or Chinese, so the capacity report shows those gaps, and
the only French is basic, so it shows a speaker without covering ENGIE's language.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User

from mitra.staff import services
from mitra.staff.models import Competency as C
from mitra.staff.models import StaffProfile
from mitra.tenancy.models import Tenant

E = StaffProfile.EmploymentType


@dataclass(frozen=True)
class DemoProfile:
    suffix: str  # makassar.officer → "officer"
    employment_type: str
    position: str
    languages: tuple[tuple[str, str], ...]
    competencies: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    max_load: int = 8


CITY = {"3273": "bandung", "7371": "makassar"}

PROFILES: dict[str, tuple[DemoProfile, ...]] = {
    "7371": (
        DemoProfile(
            "admin",
            E.PNS,
            "Kepala Bagian Perekonomian dan Kerja Sama",
            (("id", "native"), ("en", "working")),
            (C.NEGOTIATION, C.PROTOCOL),
            ("smart_city", "infrastructure"),
        ),
        DemoProfile(
            "officer",
            E.PNS,
            "Analis Kerja Sama",
            (("id", "native"), ("en", "fluent"), ("ms", "working"), ("fr", "basic")),
            (C.LEGAL_DRAFTING, C.REPORTING),
            ("smart_city", "human_resources"),
            6,
        ),
        DemoProfile(
            "opd",
            E.PNS,
            "Kepala Bidang Diskominfo",
            (("id", "native"), ("en", "basic")),
            (C.PROJECT_MANAGEMENT,),
            ("e_government", "smart_city", "security"),
        ),
        DemoProfile(
            "tkksd",
            E.PNS,
            "Anggota TKKSD, Bagian Hukum",
            (("id", "native"), ("en", "working")),
            (C.LEGAL_DRAFTING,),
        ),
        DemoProfile(
            "leader",
            E.PNS,
            "Sekretaris Daerah",
            (("id", "native"), ("en", "working")),
            (C.NEGOTIATION, C.PROTOCOL),
        ),
    ),
    "3273": (
        DemoProfile(
            "admin",
            E.PNS,
            "Kepala Bagian Kerja Sama",
            (("id", "native"), ("en", "working")),
            (C.PROTOCOL, C.REPORTING),
            ("urban_planning",),
        ),
        DemoProfile(
            "officer",
            E.PPPK,
            "Penata Kerja Sama Luar Negeri (PPPK)",
            (("id", "native"), ("en", "fluent"), ("ms", "working")),
            (C.NEGOTIATION, C.PROJECT_MANAGEMENT),
            ("msme_trade", "investment"),
        ),
        DemoProfile(
            "opd",
            E.PNS,
            "Analis Diskop UKM",
            (("id", "native"), ("en", "basic")),
            (C.PROJECT_MANAGEMENT,),
            ("msme_trade",),
        ),
        DemoProfile(
            "tkksd",
            E.NON_ASN_EXPERT,
            "Tenaga ahli kerja sama luar negeri",
            (("id", "native"), ("en", "native"), ("zh", "working")),
            (C.NEGOTIATION, C.LEGAL_DRAFTING, C.TRANSLATION),
            ("tourism", "creative_economy", "urban_planning"),
        ),
        DemoProfile("leader", E.PNS, "Sekretaris Daerah", (("id", "native"), ("en", "working"))),
    ),
}


def load_staff_demo(tenants: dict[str, Tenant], today: date) -> None:
    """Create the demo staff profiles of each tenant, keyed by region code ("3273", "7371").

    `today` is unused for now (profiles carry no dates) but keeps the demo loaders alike.
    """
    for code, tenant in tenants.items():
        city = CITY[code]
        for spec in PROFILES.get(code, ()):
            user = User.objects.get(username=f"{city}.{spec.suffix}")
            services.create_staff_profile(
                tenant,
                user,
                by=None,
                languages=spec.languages,
                employment_type=spec.employment_type,
                position=spec.position,
                competencies=list(spec.competencies),
                sectors=list(spec.sectors),
                max_load=spec.max_load,
            )
