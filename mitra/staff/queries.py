"""Read-only staff figures: workload, assignment suggestions and the capacity report.

Every function runs a fixed number of queries whatever the number of people or partners.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.models import User
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mitra.cooperations import workflow
from mitra.cooperations.models import Cooperation
from mitra.followups.models import Task
from mitra.lib.deadlines import overdue_q
from mitra.partners.models import Partner
from mitra.staff.access import staff_members
from mitra.staff.languages import language_name, partner_languages
from mitra.staff.models import StaffLanguage, StaffProfile
from mitra.tenancy.models import Membership, Tenant

DEFAULT_MAX_LOAD = StaffProfile._meta.get_field("max_load").get_default()
LANGUAGE_WEIGHT = 2  # a partner no one can talk to stalls first (domain guide §8)
SECTOR_WEIGHT = 1


def live_cooperations(tenant: Tenant) -> QuerySet[Cooperation]:
    """The tenant's cooperations still running: not rejected, withdrawn, terminated or expired."""
    return Cooperation.objects.for_tenant(tenant).live()


@dataclass
class Workload:
    user: User
    profile: StaffProfile | None
    open_tasks: int = 0
    overdue_tasks: int = 0
    cooperations: int = 0

    @property
    def load(self) -> int:
        return self.open_tasks + self.cooperations

    @property
    def max_load(self) -> int:
        return self.profile.max_load if self.profile else int(DEFAULT_MAX_LOAD)

    @property
    def overloaded(self) -> bool:
        return self.load > self.max_load


def _profiles(tenant: Tenant) -> dict[int, StaffProfile]:
    queryset = StaffProfile.objects.filter(tenant=tenant).prefetch_related("languages", "sectors")
    return {profile.user_id: profile for profile in queryset}


def workload(tenant: Tenant, today: date | None = None) -> list[Workload]:
    """Every member of the tenant with open and overdue tasks and owned live cooperations."""
    today = today or timezone.localdate()
    profiles = _profiles(tenant)
    rows = {u.pk: Workload(u, profiles.get(u.pk)) for u in staff_members(tenant)}
    tasks = Task.objects.filter(tenant=tenant, status=Task.Status.OPEN, assignee__in=list(rows))
    counts = tasks.values("assignee").annotate(
        open=Count("pk"), overdue=Count("pk", filter=overdue_q("due_date", today))
    )
    for count in counts:
        rows[count["assignee"]].open_tasks = count["open"]
        rows[count["assignee"]].overdue_tasks = count["overdue"]
    owned = live_cooperations(tenant).filter(owner__in=list(rows))
    for owner in owned.values("owner").annotate(n=Count("pk")):
        rows[owner["owner"]].cooperations = owner["n"]
    return list(rows.values())


def load_reason(row: Workload) -> str:
    tasks = ngettext("%(count)d open task", "%(count)d open tasks", row.open_tasks)
    coops = ngettext("%(count)d cooperation", "%(count)d cooperations", row.cooperations)
    return f"{tasks % {'count': row.open_tasks}}, {coops % {'count': row.cooperations}}"


def speaks_reason(language: StaffLanguage) -> str:
    return _("speaks %(language)s (%(level)s)") % {
        "language": language_name(language.language),
        "level": language.get_level_display(),
    }


@dataclass(frozen=True)
class Suggestion:
    user: User
    score: int
    load: int
    reasons: list[str]


def _suggestion(row: Workload, sectors: set[str], languages: set[str]) -> Suggestion:
    assert row.profile is not None  # noqa: S101 (only people with a profile are suggested)
    spoken = [s for s in row.profile.languages.all() if s.is_working and s.language in languages]
    covered = [s for s in row.profile.sectors.all() if s.slug in sectors]
    reasons = [speaks_reason(s) for s in spoken]
    reasons += [_("covers %(sector)s") % {"sector": sector} for sector in covered]
    reasons.append(load_reason(row))
    if row.overloaded:
        reasons.append(
            _("over capacity (%(load)d of %(max)d)") % {"load": row.load, "max": row.max_load}
        )
    score = LANGUAGE_WEIGHT * bool(spoken) + SECTOR_WEIGHT * bool(covered)
    return Suggestion(row.user, score, row.load, reasons)


def cooperation_languages(cooperation: Cooperation) -> set[str]:
    """What the cooperation's foreign partners speak (domestic partners are reached in Indonesian)."""
    partners = cooperation.partners.select_related("country").prefetch_related("contacts")
    return {code for p in partners if p.is_foreign for code in partner_languages(p)}


def owner_roles(cooperation: Cooperation) -> frozenset[str]:
    """Who may be proposed as a cooperation's owner: its cooperation officers, and once the
    agreement is signed the OPD officers who carry it out. Never a leader (the Sekda, the head
    of region), a TKKSD reviewer or an administrator: they decide or read, they do not carry a
    file."""
    roles = {Membership.Role.COOPERATION_OFFICER}
    if cooperation.state in workflow.SIGNED:
        roles.add(Membership.Role.AGENCY_OFFICER)
    return frozenset(roles)


def suggest_assignees(cooperation: Cooperation, today: date | None = None) -> list[Suggestion]:
    """Staff with a profile in a role that carries a file (`owner_roles`), best first: language
    fit, then sector fit, then the lightest load."""
    sectors = set(cooperation.sectors.values_list("slug", flat=True))
    languages = cooperation_languages(cooperation)
    eligible = set(
        Membership.objects.filter(
            tenant=cooperation.tenant, role__in=owner_roles(cooperation)
        ).values_list("user_id", flat=True)
    )
    rows = [
        row
        for row in workload(cooperation.tenant, today)
        if row.profile is not None and row.user.pk in eligible
    ]
    suggestions = [_suggestion(row, sectors, languages) for row in rows]
    return sorted(suggestions, key=lambda s: (-s.score, s.load, str(s.user.get_full_name())))


@dataclass(frozen=True)
class PartnerCount:
    partner: Partner
    cooperations: int


@dataclass(frozen=True)
class Speaker:
    user: User
    level: str
    level_label: str
    working: bool


@dataclass
class LanguageRow:
    code: str
    name: str
    partners: list[PartnerCount] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        """Someone speaks it at working level or above (basic is not enough to negotiate)."""
        return any(speaker.working for speaker in self.speakers)


def _live_foreign_partners(tenant: Tenant) -> list[PartnerCount]:
    partners = (
        Partner.objects.for_tenant(tenant)
        .filter(cooperations__in=live_cooperations(tenant))
        .exclude(kind__in=Partner.DOMESTIC_KINDS)
        .annotate(live=Count("cooperations", distinct=True))
        .select_related("country")
        .prefetch_related("contacts")
        .order_by("name")
    )
    return [PartnerCount(p, p.live) for p in partners]  # type: ignore[attr-defined]


def partner_language_table(tenant: Tenant, workloads: list[Workload]) -> list[LanguageRow]:
    """Each language the live partners speak, with the partners and every staff speaker."""
    rows: dict[str, LanguageRow] = {}
    for count in _live_foreign_partners(tenant):
        for code in sorted(partner_languages(count.partner)):
            rows.setdefault(code, LanguageRow(code, language_name(code))).partners.append(count)
    for row in workloads:
        for spoken in row.profile.languages.all() if row.profile else ():
            if spoken.language in rows:
                rows[spoken.language].speakers.append(
                    Speaker(row.user, spoken.level, spoken.get_level_display(), spoken.is_working)
                )
    return sorted(rows.values(), key=lambda r: (r.covered, -len(r.partners), r.name))


@dataclass(frozen=True)
class OverdueRow:
    user: User
    tasks: list[Task]


def overdue_by_person(tenant: Tenant, today: date) -> list[OverdueRow]:
    tasks = Task.objects.overdue(today).filter(tenant=tenant)
    by_user: dict[int, list[Task]] = defaultdict(list)
    users: dict[int, User] = {}
    for task in tasks.select_related("assignee", "cooperation").order_by("due_date", "pk"):
        by_user[task.assignee_id].append(task)
        users[task.assignee_id] = task.assignee
    rows = [OverdueRow(users[pk], tasks) for pk, tasks in by_user.items()]
    return sorted(rows, key=lambda r: (-len(r.tasks), r.user.username))


@dataclass(frozen=True)
class CapacityReport:
    today: date
    unowned: list[Cooperation]
    workloads: list[Workload]
    overloaded: list[Workload]
    languages: list[LanguageRow]
    overdue: list[OverdueRow]

    @property
    def language_gaps(self) -> list[LanguageRow]:
        return [row for row in self.languages if not row.covered]


def capacity_report(tenant: Tenant, today: date | None = None) -> CapacityReport:
    """The evidence for more staff: unowned work, overload, unspoken languages, overdue tasks."""
    today = today or timezone.localdate()
    workloads = workload(tenant, today)
    unowned = live_cooperations(tenant).filter(owner=None).order_by("title")
    return CapacityReport(
        today=today,
        unowned=list(unowned.prefetch_related("partners")),
        workloads=workloads,
        overloaded=sorted((w for w in workloads if w.overloaded), key=lambda w: -w.load),
        languages=partner_language_table(tenant, workloads),
        overdue=overdue_by_person(tenant, today),
    )
