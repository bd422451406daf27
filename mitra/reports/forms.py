"""The report's period: a year, a quarter of a year, or any span of days, checked field by field."""

from datetime import date
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mitra.lib.dates import SaneDateField
from mitra.reports.periods import FIRST_YEAR, LAST_YEAR, quarter_dates, year_dates

YEAR = "year"
QUARTER = "quarter"
CUSTOM = "custom"


class PeriodForm(forms.Form):
    """Which period the report covers; `dates()` gives its first and last day once valid."""

    period = forms.ChoiceField(
        label=gettext_lazy("Period"),
        choices=[
            (YEAR, gettext_lazy("a year")),
            (QUARTER, gettext_lazy("a quarter")),
            (CUSTOM, gettext_lazy("from one date to another")),
        ],
        widget=forms.RadioSelect,
    )
    year = forms.IntegerField(
        label=gettext_lazy("Year"),
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        required=False,
        help_text=gettext_lazy("For a year or a quarter."),
    )
    quarter = forms.TypedChoiceField(
        label=gettext_lazy("Quarter"),
        choices=[
            ("", "—"),
            (1, gettext_lazy("I (January–March)")),
            (2, gettext_lazy("II (April–June)")),
            (3, gettext_lazy("III (July–September)")),
            (4, gettext_lazy("IV (October–December)")),
        ],
        coerce=int,
        empty_value=None,
        required=False,
    )
    start = SaneDateField(
        label=gettext_lazy("From"),
        required=False,
        help_text=gettext_lazy("First day, for a span of dates."),
    )
    end = SaneDateField(
        label=gettext_lazy("To"),
        required=False,
        help_text=gettext_lazy("Last day, included."),
    )

    @classmethod
    def defaults(cls, today: date) -> dict[str, str]:
        """The data of a first visit: the current calendar year."""
        return {"period": YEAR, "year": str(today.year)}

    def _need(self, *names: str) -> None:
        for name in names:
            if self.cleaned_data.get(name) is None and name not in self.errors:
                self.add_error(name, _("Give this for the period you chose."))

    def _in_range(self, name: str) -> None:
        value = self.cleaned_data.get(name)
        if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
            self.add_error(
                name,
                _("Choose a date between %(first)d and %(last)d.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR},
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        period = data.get("period")
        if period in (YEAR, QUARTER):
            self._need("year")
        if period == QUARTER:
            self._need("quarter")
        if period == CUSTOM:
            self._need("start", "end")
            self._in_range("start")
            self._in_range("end")
            start, end = self.cleaned_data.get("start"), self.cleaned_data.get("end")
            if start and end and end < start and "end" not in self.errors:
                self.add_error("end", _("The period cannot end before it starts."))
        return data

    def query(self) -> str:
        """The period as URL parameters, for the download links."""
        return urlencode({name: self.data[name] for name in self.fields if self.data.get(name)})

    def dates(self) -> tuple[date, date]:
        """The first and last day of the valid period."""
        data = self.cleaned_data
        if data["period"] == YEAR:
            return year_dates(data["year"])
        if data["period"] == QUARTER:
            return quarter_dates(data["year"], data["quarter"])
        return data["start"], data["end"]
