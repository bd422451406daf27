"""What an update answers: the record as it now is, and whether the request changed it.

A PATCH that gives the values the record already has saves nothing (the services return False:
no audit row, "last changed" stays). Answering with the record alone would read as "saved", so
every update operation also says, in the request's language, whether anything was saved, as the
web pages do (`mitra.lib.edits.tell_saved`).
"""

from typing import Any

from django.utils.translation import gettext as _
from ninja import Field, Schema


class SavedOut(Schema):
    """The two fields every update operation adds to the record it answers with."""

    saved: bool = Field(
        description="Whether the request changed the record. False when every value given was "
        "the stored one: nothing was saved and no history was written."
    )
    message: str = Field(
        description="The same, said to a person in the request's language "
        '(e.g. "Perubahan telah disimpan." or "Tidak ada perubahan.").'
    )


class Updated[Record]:
    """The record read back after an update, with whether the update saved anything; the
    response schema reads the record's fields through it."""

    def __init__(self, record: Record, saved: bool) -> None:
        self.record = record
        self.saved = saved
        self.message = _("The changes were saved.") if saved else _("Nothing was changed.")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.record, name)
