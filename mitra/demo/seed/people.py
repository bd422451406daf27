"""The demo tenants, their users (one per role) and agencies, and the central reviewer."""

from mitra.demo.seed.structures import BANDUNG, MAKASSAR, DemoTenant, DemoUser, Role

# Published on purpose (README, `mitra demo --help`): demo accounts are for trying Mitra out.
PASSWORD = "mitra-demo-2026"  # noqa: S105
SUPERUSER = "admin"


def _people(city: str, names: tuple[tuple[str, str], ...]) -> tuple[DemoUser, ...]:
    roles = ("admin", "officer", "opd", "tkksd", "leader")
    role_values = (
        Role.TENANT_ADMIN,
        Role.COOPERATION_OFFICER,
        Role.AGENCY_OFFICER,
        Role.TEAM_REVIEWER,
        Role.LEADERSHIP,
    )
    return tuple(
        DemoUser(f"{city}.{suffix}", role, first, last, is_staff=suffix == "admin")
        for suffix, role, (first, last) in zip(roles, role_values, names, strict=True)
    )


TENANTS = (
    DemoTenant(
        region=BANDUNG,
        name="Pemerintah Kota Bandung",
        cooperation_unit="Bagian Kerja Sama Setda Kota Bandung",
        users=_people(
            "bandung",
            (
                ("Rina", "Kurniasih"),
                ("Dadang", "Suherman"),
                ("Euis", "Komalasari"),
                ("Asep", "Hidayat"),
                ("Yayat", "Sudrajat"),
            ),
        ),
        agencies=(
            ("Badan Perencanaan Pembangunan Daerah", "Bappeda"),
            ("Dinas Komunikasi dan Informatika", "Diskominfo"),
            ("Dinas Koperasi dan UKM", "Diskop UKM"),
            ("Dinas Kebudayaan dan Pariwisata", "Disbudpar"),
            ("Dinas Perdagangan dan Perindustrian", "Disdagin"),
            ("Dinas Penataan Ruang", "Distaru"),
            ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM"),
        ),
    ),
    DemoTenant(
        region=MAKASSAR,
        name="Pemerintah Kota Makassar",
        cooperation_unit="Bagian Perekonomian dan Kerja Sama Setda Kota Makassar",
        users=_people(
            "makassar",
            (
                ("Andi Nurul", "Fadhilah"),
                ("Ikhsan", "Rahman"),
                ("Nurhayati", "Syam"),
                ("Arief", "Mappaseng"),
                ("Syamsul", "Bahri"),
            ),
        ),
        agencies=(
            ("Badan Perencanaan Pembangunan Daerah", "Bappeda"),
            ("Dinas Komunikasi dan Informatika", "Diskominfo"),
            ("Dinas Koperasi dan UKM", "Diskop UKM"),
            ("Dinas Pariwisata", "Dispar"),
            ("Dinas Perdagangan", "Disdag"),
            ("Dinas Pekerjaan Umum", "Dinas PU"),
            ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM"),
            ("Satuan Polisi Pamong Praja", "Satpol PP"),
        ),
    ),
)

CENTRAL_USERS = (DemoUser("kemendagri.reviewer", Role.CENTRAL_REVIEWER, "Dwi", "Prasetyo"),)

USERNAMES = tuple(u.username for t in TENANTS for u in t.users) + tuple(
    u.username for u in CENTRAL_USERS
)
