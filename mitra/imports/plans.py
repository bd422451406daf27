"""What the dry run makes of a register: a plan per row and of the document it describes.

The checks (`checks.py`) fill a `RowPlan` per row, the document checks (`documents.py`) its
`DocumentPlan`; the report and the commit read them. Here, below both, so that each of them
imports the plans and neither imports the other for them.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib.auth.models import User

from mitra.cooperations.models import Agency, DocumentParty
from mitra.cooperations.services import PartyInput
from mitra.imports.cells import Problem
from mitra.imports.matching import Existing
from mitra.imports.partner_choices import PartnerChoice

ROLES: tuple[str, ...] = (
    DocumentParty.Role.FIRST,
    DocumentParty.Role.SECOND,
    DocumentParty.Role.THIRD,
)
MAX_PARTY_NAME = 200


@dataclass
class DocumentPlan:
    kind: str
    title: str
    numbers: dict[str, str] = field(default_factory=dict)  # role -> number
    place_signed: str = ""
    date_signed: date | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    until_terminated: bool = False

    @property
    def start(self) -> date | None:
        return self.valid_from or self.date_signed

    def fields(self) -> dict[str, Any]:
        """The keyword arguments of `attach_document`."""
        return {
            "kind": self.kind,
            "title": self.title,
            "place_signed": self.place_signed,
            "date_signed": self.date_signed,
            "valid_from": self.valid_from,
            "valid_until": self.valid_until,
            "until_terminated": self.until_terminated,
        }

    def parties(self, region_name: str, partner_names: list[str]) -> list[PartyInput]:
        names = [region_name, *partner_names][: len(ROLES)]
        return [
            PartyInput(role=role, name=name[:MAX_PARTY_NAME], number=self.numbers.get(role, ""))
            for role, name in zip(ROLES, names, strict=False)
        ]


@dataclass
class RowPlan:
    number: int
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    title: str = ""
    kind: str = ""
    sub_form: str = ""
    route: str = ""
    state: str = ""
    partners: list[PartnerChoice] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    summary: str = ""
    owner: User | None = None
    initiating_agency: Agency | None = None
    implementing_agencies: list[Agency] = field(default_factory=list)
    document: DocumentPlan | None = None
    duplicate_of: Existing | None = None
    continues: "RowPlan | None" = None  # an earlier row of the same cooperation

    @property
    def outcome(self) -> str:
        """error, skip (already recorded), create, or document (added to an earlier row's)."""
        if self.problems:
            return "error"
        if self.duplicate_of is not None:
            return "skip"
        return "document" if self.continues is not None else "create"


@dataclass
class Plan:
    rows: list[RowPlan]
    file_problems: list[Problem]
    warnings: list[str]

    @property
    def problems(self) -> list[Problem]:
        return [*self.file_problems, *(p for row in self.rows for p in row.problems)]

    @property
    def to_create(self) -> list[RowPlan]:
        return [row for row in self.rows if row.outcome == "create"]

    @property
    def to_write(self) -> list[RowPlan]:
        """The rows the commit writes, in the file's order (a row before those adding to it)."""
        return [row for row in self.rows if row.outcome in ("create", "document")]
