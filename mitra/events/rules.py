"""Rules on events: small named functions returning their problems (empty = fine).

An event is planned as often as it is recorded afterwards, so its days may lie in the future;
only their order is a rule.
"""

from datetime import date

from django.utils.translation import gettext as _


def ends_after_it_starts(starts_on: date | None, ends_on: date | None) -> list[str]:
    """An event cannot end before the day it starts."""
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        return [_("An event cannot end before it starts.")]
    return []
