"""The shapes of the demo data, and the default note for each step of a procedure."""

from dataclasses import dataclass
from datetime import date

from mitra.cooperations.models import Cooperation, Document
from mitra.cooperations.services import PartyInput
from mitra.partners.models import Partner
from mitra.tenancy.models import Membership

Role = Membership.Role
Kind = Cooperation.Kind
State = Cooperation.State
SubForm = Cooperation.SubForm
Route = Cooperation.Route
PartnerKind = Partner.Kind
DocKind = Document.Kind
FIRST, SECOND = "first", "second"
MAKASSAR, BANDUNG = "7371", "3273"  # Kemendagri codes of the two demo tenants


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    first_name: str
    last_name: str
    is_staff: bool = False


@dataclass(frozen=True)
class DemoTenant:
    region: str  # Kemendagri code
    name: str
    cooperation_unit: str
    users: tuple[DemoUser, ...]
    agencies: tuple[tuple[str, str], ...]  # (name, acronym)


@dataclass(frozen=True)
class DemoContact:
    name: str  # a generic office, never a real person
    position: str
    email: str
    language: str = ""


@dataclass(frozen=True)
class DemoPartner:
    key: str
    tenant: str  # region code of the tenant
    kind: str
    name: str
    country: str = ""  # ISO code
    region: str = ""  # Kemendagri code, for Indonesian regions
    place: int | None = None  # GeoNames id, for foreign cities
    place_name: str = ""  # checked against the gazetteer, so a wrong id fails loudly
    aliases: tuple[str, ...] = ()
    notes: str = ""
    contacts: tuple[DemoContact, ...] = ()


@dataclass(frozen=True)
class DemoDocument:
    key: str
    kind: str
    title: str
    date_signed: date
    parties: tuple[PartyInput, ...]
    parent: str = ""  # key of an earlier document of the same cooperation
    scope: str = ""
    place_signed: str = ""
    valid_years: int | None = None  # valid from the signing date for this many years
    languages: str = ""
    prevailing_language: str = ""
    custody: str = ""


@dataclass(frozen=True)
class DemoCooperation:
    tenant: str
    kind: str
    title: str
    partners: tuple[str, ...]  # partner keys
    summary: str
    created: tuple[date, str]  # the first state's date and note
    steps: tuple[tuple[str, date] | tuple[str, date, str], ...] = ()  # (state, date[, note])
    sub_form: str = ""
    route: str = ""
    sectors: tuple[str, ...] = ()
    affairs: tuple[str, ...] = ()  # KSDD and KSDPK
    objects: tuple[str, ...] = ()  # KSDPL and KSDLL
    initiating_agency: str = ""  # acronym
    implementing_agencies: tuple[str, ...] = ()
    budget: str = Cooperation.Budget.NOT_BUDGETED
    budget_line: str = ""
    documents: tuple[DemoDocument, ...] = ()


# What an event note says when a step names no note of its own.
STEP_NOTES = {
    State.OFFER: "Surat penawaran wali kota dikirim; mitra menjawab positif.",
    State.FRAMEWORK_DRAFTING: "Kedua bagian kerja sama membahas rancangan Kesepakatan Bersama.",
    State.FRAMEWORK_SIGNING: "Rancangan KB disepakati; menunggu penandatanganan kedua wali kota.",
    State.IMPLEMENTING_DRAFTING: "Perangkat daerah teknis menyusun rancangan PKS.",
    State.IMPLEMENTING_SIGNING: "Rancangan PKS disepakati; penandatanganan dijadwalkan.",
    State.EXPLORATION: "Penjajakan: pertukaran profil dan kajian kelayakan awal.",
    State.LETTER_OF_INTENT: "Pernyataan Kehendak (LoI) ditandatangani kedua kepala pemerintahan.",
    State.COOPERATION_PLAN: "Penyusunan kerangka acuan dan rencana aksi bersama OPD dan TKKSD.",
    State.COUNCIL_APPROVAL: "Permohonan persetujuan diajukan kepada DPRD.",
    State.CENTRAL_VERIFICATION: "DPRD menyetujui; berkas dikirim ke Kemendagri untuk verifikasi.",
    State.MOU_DRAFTING: "Verifikasi selesai; rancangan MoU disusun bersama Kemlu.",
    State.TEXT_NEGOTIATION: "Pembahasan naskah dengan mitra melalui perwakilan RI.",
    State.CENTRAL_APPROVAL: "Naskah diparaf kedua pihak; permohonan persetujuan pusat diajukan.",
    State.SIGNING: "Persetujuan pusat dan Full Power terbit; penandatanganan dijadwalkan.",
    State.IMPLEMENTATION: "Naskah ditandatangani; kegiatan mulai berjalan.",
}

# The steps of a KSDPL or KSDLL from exploration to implementation (domain guide §4.2).
FOREIGN_CHAIN = (
    State.EXPLORATION,
    State.LETTER_OF_INTENT,
    State.COOPERATION_PLAN,
    State.COUNCIL_APPROVAL,
    State.CENTRAL_VERIFICATION,
    State.MOU_DRAFTING,
    State.TEXT_NEGOTIATION,
    State.CENTRAL_APPROVAL,
    State.SIGNING,
    State.IMPLEMENTATION,
)


def chain(states: tuple[str, ...], dates: str) -> tuple[tuple[str, date], ...]:
    """Pair each state with its date, given as ISO dates separated by spaces."""
    return tuple(zip(states, map(date.fromisoformat, dates.split()), strict=True))
