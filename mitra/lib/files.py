"""Handing a stored upload back to the person allowed to read it."""

from pathlib import Path

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _


def download(stored: FieldFile | None, *, none: str, fallback_name: str) -> FileResponse:
    """The file as an attachment under its own name; 404 saying `none` when there is no file,
    and 404 when the record names a file the storage no longer has."""
    if not stored:
        raise Http404(none)
    try:
        stream = stored.open("rb")
    except FileNotFoundError:
        raise Http404(_("The file is missing from storage.")) from None
    name = Path(stored.name or fallback_name).name
    return FileResponse(stream, as_attachment=True, filename=name)
