"""What a page says after an edit form is saved.

Every edit service (`update_*` in an app's `services.py`) returns whether anything changed: an
edit posted back as it was saves nothing, moves no "last changed" and writes no audit row
(`mitra.audit.services.unchanged`), so the page must not claim it was saved either.
"""

from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _


def tell_saved(request: HttpRequest, changed: bool, saved: str) -> None:
    """Say `saved` when the edit changed something, else that nothing was changed."""
    if changed:
        messages.success(request, saved)
    else:
        messages.info(request, _("Nothing was changed."))
