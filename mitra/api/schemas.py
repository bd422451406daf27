"""The shapes of the API's requests and answers. They check types and sizes only: what the
web forms and services check is checked by the same forms and services."""

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from ninja import Field, Schema

from mitra.api.bodies import BodyIn
from mitra.api.fields import NOT_BLANK, WEB_ADDRESS, Amount, Day, OneOf
from mitra.api.updates import SavedOut
from mitra.cooperations import workflow
from mitra.cooperations.forms import SORT_CHOICES
from mitra.cooperations.models import (
    Cooperation,
    Document,
    DocumentParty,
    ObjectOfCooperation,
    Sector,
)
from mitra.followups.models import Activity, Task
from mitra.partners.models import Partner

Id = Annotated[int, Field(ge=1, le=2**63 - 1)]
Line = Annotated[str, Field(max_length=250)]
# A text the form requires: something other than spaces (the forms strip them).
Required = Field(min_length=1, pattern=NOT_BLANK)
Title = Annotated[str, Required, Field(max_length=250)]
Text = Annotated[str, Field(max_length=20_000)]

PartnerKind = Annotated[str, OneOf(Partner.Kind.values)]
CooperationKind = Annotated[str, OneOf(Cooperation.Kind.values)]
SubForm = Annotated[str, OneOf(["", *Cooperation.SubForm.values])]
Route = Annotated[str, OneOf(["", *Cooperation.Route.values])]
State = Annotated[str, OneOf(Cooperation.State.values)]
Budget = Annotated[str, OneOf(Cooperation.Budget.values)]
SectorSlug = Annotated[str, OneOf(Sector.Slug.values)]
ObjectSlug = Annotated[str, OneOf(ObjectOfCooperation.values)]
DocumentKind = Annotated[str, OneOf(Document.Kind.values)]
Custody = Annotated[str, OneOf(["", *Document.Custody.values])]
PartyRole = Annotated[str, OneOf(DocumentParty.Role.values)]


# --- Partners ----------------------------------------------------------------------------------


class PartnerIn(BodyIn):
    kind: PartnerKind
    name: Annotated[str, Required, Field(max_length=200)]
    aliases: Annotated[list[Annotated[str, Field(max_length=200)]], Field(max_length=50)] = []
    country: Annotated[str, Field(max_length=2, description="ISO 3166-1 code")] | None = None
    place: Id | None = Field(None, description="GeoNames id of a city of the country")
    region: Annotated[str, Field(max_length=5, description="Kemendagri region code")] | None = None
    website: Annotated[str, Field(max_length=200, pattern=WEB_ADDRESS)] = ""
    notes: Text = ""


class PartnerOut(Schema):
    id: int
    kind: PartnerKind
    name: str
    aliases: list[str]
    country: str | None = Field(None, alias="country_id")
    place: int | None = Field(None, alias="place_id")
    region: str | None = Field(None, alias="region_id")
    website: str
    notes: str

    @staticmethod
    def resolve_aliases(obj: Partner) -> list[str]:
        return sorted(alias.alias for alias in obj.aliases.all())


# --- Cooperations ------------------------------------------------------------------------------


def blank_or(values: Iterable[str]) -> OneOf:
    """A filter's choices: empty for "all", or one of `values`."""
    return OneOf(["", *values])


CountryCode = Annotated[
    str,
    Field(
        pattern=r"^([A-Z]{2})?$",
        description="ISO 3166-1 code; a country no partner has matches nothing",
    ),
]


class CooperationFilters(Schema):
    q: Annotated[str, Field(max_length=100)] = ""
    kind: Annotated[str, blank_or(Cooperation.Kind.values)] = ""
    state: Annotated[str, blank_or(Cooperation.State.values)] = ""
    sector: Annotated[str, blank_or(Sector.Slug.values)] = ""
    country: CountryCode = Field("", description="ISO code of a partner's country")
    sort: Annotated[str, blank_or(value for value, _label in SORT_CHOICES)] = Field(
        "", description="Default: -updated"
    )


class CooperationIn(BodyIn):
    kind: CooperationKind
    sub_form: SubForm = ""
    route: Route = ""
    title: Title
    summary: Text = ""
    partners: Annotated[list[Id], Field(min_length=1, max_length=20)]
    sectors: Annotated[list[SectorSlug], Field(max_length=30)] = []
    affairs: Annotated[list[Annotated[str, Field(max_length=60)]], Field(max_length=40)] = []
    objects_of_cooperation: Annotated[list[ObjectSlug], Field(max_length=10)] = []
    initiating_agency: Id | None = None
    implementing_agencies: Annotated[list[Id], Field(max_length=50)] = []
    budget: Budget = Cooperation.Budget.NOT_BUDGETED.value
    budget_line: Annotated[str, Field(max_length=200)] = ""
    budget_amount: Amount | None = None
    burdens_public: bool = False
    owner: Id | None = None
    start_date: Day | None = None
    end_date: Day | None = None
    note: Annotated[str, Field(max_length=2000)] = ""


class CooperationUpdate(BodyIn):
    """The record's fields that can change; the kind fixes the procedure and does not."""

    sub_form: SubForm = ""
    route: Route = ""
    title: Title
    summary: Text = ""
    partners: Annotated[list[Id], Field(min_length=1, max_length=20)]
    sectors: Annotated[list[SectorSlug], Field(max_length=30)] = []
    affairs: Annotated[list[Annotated[str, Field(max_length=60)]], Field(max_length=40)] = []
    objects_of_cooperation: Annotated[list[ObjectSlug], Field(max_length=10)] = []
    initiating_agency: Id | None = None
    implementing_agencies: Annotated[list[Id], Field(max_length=50)] = []
    budget: Budget = Cooperation.Budget.NOT_BUDGETED.value
    budget_line: Annotated[str, Field(max_length=200)] = ""
    budget_amount: Amount | None = None
    burdens_public: bool = False
    owner: Id | None = None
    start_date: Day | None = None
    end_date: Day | None = None


def pks(manager: Any) -> list[Any]:
    return [item.pk for item in manager.all()]


def kinds_description() -> str:
    """ "KSDD, KSDPK, KSDPL or KSDLL", from the kinds' table (the schema is described in English)."""
    *others, last = workflow.abbreviations()
    return f"{', '.join(others)} or {last}" if others else last


class CooperationOut(Schema):
    id: int
    kind: CooperationKind
    kind_label: str = Field(description=kinds_description())
    sub_form: SubForm
    route: Route
    title: str
    summary: str
    state: State
    state_label: str
    partners: list[int]
    sectors: list[str]
    affairs: list[str]
    objects_of_cooperation: list[str]
    initiating_agency: int | None = Field(None, alias="initiating_agency_id")
    implementing_agencies: list[int]
    budget: Budget
    budget_line: str
    budget_amount: Decimal | None
    burdens_public: bool
    owner: int | None = Field(None, alias="owner_id")
    start_date: date | None
    end_date: date | None
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_kind_label(obj: Cooperation) -> str:
        return workflow.abbreviation(obj.kind)

    @staticmethod
    def resolve_state_label(obj: Cooperation) -> str:
        return str(obj.get_state_display())

    @staticmethod
    def resolve_partners(obj: Cooperation) -> list[int]:
        return pks(obj.partners)

    @staticmethod
    def resolve_sectors(obj: Cooperation) -> list[str]:
        return pks(obj.sectors)

    @staticmethod
    def resolve_affairs(obj: Cooperation) -> list[str]:
        return pks(obj.affairs)

    @staticmethod
    def resolve_implementing_agencies(obj: Cooperation) -> list[int]:
        return pks(obj.implementing_agencies)


class StepOut(Schema):
    """A move open from the current state and what it still needs."""

    action: str
    label: str
    target: str = Field(
        description="The state it leads to; @prior returns to the state before a hold"
    )
    ready: bool
    problems: list[str]
    irreversible: bool = Field(
        description="Ends the cooperation for good: no step of the procedure leads back"
    )
    asks_first: bool = Field(
        description=(
            "Not a one-click move: irreversible, or it stops the work (marking dormant). "
            "Send the reason in `note`; without one the move is refused (422)."
        )
    )


class TransitionIn(BodyIn):
    action: Annotated[str, Required, Field(max_length=50)]
    expected_state: State | None = Field(
        None, description="The state the client saw; the move is refused if it has changed"
    )
    note: Annotated[
        str,
        Field(
            max_length=2000,
            description="Kept in the history; required for a move that `asks_first`",
        ),
    ] = ""


class CooperationEventOut(Schema):
    id: int
    action: str
    source: str
    target: str
    by: int | None = Field(None, alias="by_id")
    note: str
    at: datetime


class TransitionOut(Schema):
    state: State
    state_label: str
    event: CooperationEventOut


# --- Documents ---------------------------------------------------------------------------------


class PartyIn(BodyIn):
    role: PartyRole
    name: Annotated[str, Required, Field(max_length=200)]
    number: Annotated[str, Field(max_length=120)] = ""
    signatory_name: Annotated[str, Field(max_length=150)] = ""
    signatory_position: Annotated[str, Field(max_length=150)] = ""


class PartyOut(Schema):
    role: PartyRole
    name: str
    number: str
    signatory_name: str
    signatory_position: str


class DocumentIn(BodyIn):
    kind: DocumentKind
    title: Title
    scope: Text = ""
    parent: Id | None = None
    place_signed: Annotated[str, Field(max_length=150)] = ""
    date_signed: Day | None = None
    valid_from: Day | None = None
    valid_until: Day | None = None
    until_terminated: bool = False
    notice_period_days: Annotated[int, Field(ge=0, le=3650)] | None = None
    languages: Annotated[str, Field(max_length=150)] = ""
    prevailing_language: Annotated[str, Field(max_length=50)] = ""
    custody: Custody = ""
    parties: Annotated[list[PartyIn], Field(max_length=3)] = []


class DocumentOut(Schema):
    id: int
    cooperation: int = Field(alias="cooperation_id")
    kind: DocumentKind
    title: str
    scope: str
    parent: int | None = Field(None, alias="parent_id")
    place_signed: str
    date_signed: Day | None
    valid_from: Day | None
    valid_until: Day | None
    until_terminated: bool
    notice_period_days: int | None
    languages: str
    prevailing_language: str
    custody: Custody
    has_file: bool
    parties: list[PartyOut]

    @staticmethod
    def resolve_has_file(obj: Document) -> bool:
        return bool(obj.file)

    @staticmethod
    def resolve_parties(obj: Document) -> list[DocumentParty]:
        return list(obj.parties.all())


# --- Follow-up: activities and tasks -----------------------------------------------------------

ActivityKind = Annotated[str, OneOf(Activity.Kind.values)]
TaskStatus = Annotated[str, OneOf(Task.Status.values)]
Priority = Annotated[int, OneOf(Task.Priority.values)]
Note = Annotated[str, Field(max_length=2000)]


class ActivityIn(BodyIn):
    kind: ActivityKind
    date: Day
    title: Title
    cooperation: Id | None = None
    partner: Id | None = None
    staff: Annotated[list[Id], Field(max_length=50)] = []
    partner_contacts: Annotated[list[Id], Field(max_length=50)] = []
    other_participants: Text = ""
    notes: Text = ""


class ActivityOut(Schema):
    id: int
    kind: ActivityKind
    date: Day
    title: str
    notes: str
    cooperation: int | None = Field(None, alias="cooperation_id")
    partner: int | None = Field(None, alias="partner_id")
    staff: list[int]
    partner_contacts: list[int]
    other_participants: str
    has_attachment: bool
    recorded_by: int | None = Field(None, alias="recorded_by_id")
    created_at: datetime

    @staticmethod
    def resolve_staff(obj: Activity) -> list[int]:
        return pks(obj.staff)

    @staticmethod
    def resolve_partner_contacts(obj: Activity) -> list[int]:
        return pks(obj.partner_contacts)

    @staticmethod
    def resolve_has_attachment(obj: Activity) -> bool:
        return bool(obj.attachment)


class ActivityFilters(Schema):
    cooperation: Id | None = None
    partner: Id | None = None
    kind: ActivityKind | None = None
    date_from: Day | None = None
    date_to: Day | None = None


class TaskIn(BodyIn):
    title: Title
    cooperation: Id | None = None
    assignee: Id
    due_date: Day
    priority: Priority = Task.Priority.NORMAL.value


class TaskOut(Schema):
    id: int
    title: str
    cooperation: int | None = Field(None, alias="cooperation_id")
    activity: int | None = Field(None, alias="activity_id")
    assignee: int = Field(alias="assignee_id")
    due_date: Day
    priority: Priority
    status: TaskStatus
    completion_note: str
    completed_at: datetime | None
    created_by: int | None = Field(None, alias="created_by_id")
    created_at: datetime


class TaskFilters(Schema):
    assignee: Id | None = None
    status: TaskStatus | None = None
    cooperation: Id | None = None
    mine: bool = Field(False, description="Only the caller's own tasks")


class NoteIn(BodyIn):
    note: Note = ""


class ReassignIn(BodyIn):
    assignee: Id


class PartnerSaved(PartnerOut, SavedOut):
    """A partner after an update, and whether the update saved anything."""


class CooperationSaved(CooperationOut, SavedOut):
    """A cooperation after an update, and whether the update saved anything."""
