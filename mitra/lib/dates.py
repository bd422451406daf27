"""The span of days Mitra accepts, 1900-01-01 to 2100-12-31, for every date that enters it.

Nothing in regional cooperation happens outside it, and a far date (0001-01-01, 9999-12-31)
breaks what is computed from it: a calendar's next month, a feed's time zone, a year's
reminders. Forms use `SaneDateField` (the web, the admin and the API's forms alike), the API's
schemas `mitra.api.fields.Day`, the import `check_sane_date`, the pages that read a month from
the address `month_from_query`, and the commands' `--today` `day_from_option`.
"""

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import BadRequest, ValidationError
from django.core.management.base import CommandError
from django.db import models
from django.utils.translation import gettext as _

from mitra.lib.formatting import long_date

EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)


ISO_INPUT = "%Y-%m-%d"


def out_of_range_message() -> str:
    return _("Give a date between %(earliest)s and %(latest)s.") % {
        "earliest": long_date(EARLIEST),
        "latest": long_date(LATEST),
    }


def check_sane_date(value: date) -> None:
    """Raise ValidationError for a day outside EARLIEST..LATEST."""
    if not EARLIEST <= value <= LATEST:
        raise ValidationError(out_of_range_message(), code="date_out_of_range")


class SaneDateField(forms.DateField):
    """A form's date: a date picker, and refused outside EARLIEST..LATEST.

    A browser's date picker reads and writes only yyyy-mm-dd: whatever widget a form gives it,
    a date input shows its value in that format (in the user's format it would show empty).
    """

    default_validators = [check_sane_date]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", date_input())
        super().__init__(**kwargs)
        if isinstance(self.widget, forms.DateInput) and self.widget.input_type == "date":
            # A browser's date input shows only yyyy-mm-dd; any other value leaves it empty.
            self.widget.format = ISO_INPUT

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.DateInput) and widget.input_type == "date":
            attrs.update(min=EARLIEST.isoformat(), max=LATEST.isoformat())
        return attrs


def date_input() -> forms.DateInput:
    """The browser's date picker: the one way a date is entered (its value is always ISO)."""
    return forms.DateInput(attrs={"type": "date"}, format=ISO_INPUT)


def sane_date_formfield(field: Any, **kwargs: Any) -> forms.Field | None:
    """A ModelForm's `formfield_callback`: model dates become SaneDateField, the rest as usual."""
    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        kwargs.setdefault("form_class", SaneDateField)
        kwargs.setdefault("widget", date_input())
    formfield: forms.Field | None = field.formfield(**kwargs)
    return formfield


def month_from_query(value: str | None) -> date | None:
    """The first day of the month written YYYY-MM; None when absent or unreadable (the page
    then shows the current month), 400 with a message for a month outside the span."""
    try:
        first = date.fromisoformat(f"{value}-01")
    except ValueError:
        return None
    if not EARLIEST <= first <= LATEST:
        raise BadRequest(out_of_range_message())
    return first


def day_from_option(value: str | None) -> date | None:
    """A command's `--today YYYY-MM-DD`; CommandError when unreadable or outside the span."""
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
        check_sane_date(day)
    except (ValueError, ValidationError):
        raise CommandError(
            f"--today must be a date as YYYY-MM-DD between {EARLIEST} and {LATEST}, not {value!r}."
        ) from None
    return day


# A ModelAdmin's `formfield_overrides`: the admin's date fields refuse far dates too (its own
# calendar widget stays).
ADMIN_DATE_OVERRIDES: dict[type[models.Field[Any, Any]], dict[str, Any]] = {
    models.DateField: {"form_class": SaneDateField}
}
