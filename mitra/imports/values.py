"""Reading a register's cells: text, lists, and dates and terms as offices write them.

Dates come as Excel dates, Excel serial numbers, dd/mm/yyyy (never mm/dd), yyyy-mm-dd, or with
Indonesian or English month names ("5 Mei 2021", "Senin, 5 Mei 2021"); terms as "5 tahun".
"""

import calendar
import re
from datetime import date, datetime, timedelta

from django.utils.translation import gettext as _
from openpyxl.utils.datetime import from_excel

from mitra.lib.formatting import long_date
from mitra.lib.text import fold

Cell = str | int | float | date | datetime | None

# Cells that say "nothing here" in so many words.
BLANK_KEYS = frozenset({"", "na", "n a", "none", "nihil", "tidak ada", "belum ada", "kosong"})


def cell_text(value: Cell) -> str:
    """A cell as text: whole numbers without ".0", dates in ISO form, words trimmed."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def is_blank(value: Cell) -> bool:
    return fold(cell_text(value)) in BLANK_KEYS


def one_line(text: str) -> str:
    """Line breaks and runs of spaces (Alt+Enter in Excel) become single spaces."""
    return " ".join(text.split())


def split_list(text: str, separators: str = ";\n") -> list[str]:
    parts = re.split("[" + re.escape(separators) + "]", text)
    return [one_line(part) for part in parts if fold(part) not in BLANK_KEYS]


# --- Dates ---------------------------------------------------------------------------------

MONTHS = {
    **dict.fromkeys(("januari", "january", "jan"), 1),
    **dict.fromkeys(("februari", "pebruari", "february", "feb", "peb"), 2),
    **dict.fromkeys(("maret", "march", "mar"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "june", "jun"), 6),
    **dict.fromkeys(("juli", "july", "jul"), 7),
    **dict.fromkeys(("agustus", "august", "agu", "agt", "ags", "aug"), 8),
    **dict.fromkeys(("september", "sept", "sep"), 9),
    **dict.fromkeys(("oktober", "october", "okt", "oct"), 10),
    **dict.fromkeys(("november", "nopember", "nov", "nop"), 11),
    **dict.fromkeys(("desember", "december", "des", "dec"), 12),
}
WEEKDAYS = frozenset(
    [
        "senin",
        "selasa",
        "rabu",
        "kamis",
        "jumat",
        "sabtu",
        "minggu",
        "ahad",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_TIME = re.compile(r"[ T]\d{1,2}[:.]\d{2}([:.]\d{2})?(\.\d+)?\s*$")
FIRST_YEAR, LAST_YEAR = 1945, 2100
EXCEL_LAST_SERIAL = 2958465  # 31 December 9999


class BadValue(ValueError):
    """A cell that cannot be read; the message says why, in the user's language."""


def _year(token: str) -> int:
    year = int(token)
    if len(token) <= 2:
        year += 2000 if year < 70 else 1900
    return year


def _date_parts(tokens: list[str]) -> tuple[int, int, int] | None:
    """(year, month, day) from [d, m, y], [y, m, d], [d, month name, y] or [month name, d, y]."""
    if len(tokens) != 3:
        return None
    first, middle, last = tokens
    if first.isdigit() and middle.isdigit() and last.isdigit():
        if len(first) == 4:
            return int(first), int(middle), int(last)
        return _year(last), int(middle), int(first)
    if first.isdigit() and middle in MONTHS and last.isdigit():
        return _year(last), MONTHS[middle], int(first)
    if first in MONTHS and middle.isdigit() and last.isdigit():
        return _year(last), MONTHS[first], int(middle)
    return None


def parse_date(value: Cell) -> date:
    """A date from an Excel date, an Excel serial number, dd/mm/yyyy, yyyy-mm-dd or "5 Mei 2021"."""
    if isinstance(value, datetime):
        return _checked(value.date(), long_date(value.date()))
    if isinstance(value, date):
        return _checked(value, long_date(value))
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value <= EXCEL_LAST_SERIAL:
            return _checked(from_excel(value).date(), str(value))
        raise BadValue(_("%(value)s is not a date.") % {"value": value})
    text = cell_text(value)
    tokens = [t for t in fold(_TIME.sub("", text)).split() if t not in WEEKDAYS]
    parts = _date_parts(tokens)
    if parts is None:
        raise BadValue(
            _("“%(value)s” is not a date: write it as dd/mm/yyyy, such as 05/03/2021.")
            % {"value": text}
        )
    try:
        return _checked(date(*parts), text)
    except ValueError:
        raise BadValue(_("“%(value)s” is not a valid date.") % {"value": text}) from None


def _checked(day: date, text: str) -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise BadValue(
            _("“%(value)s” lies outside the years %(first)s to %(last)s.")
            % {"value": text, "first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return day


UNTIL_TERMINATED = frozenset(
    {
        "sampai diakhiri",
        "sampai dengan diakhiri",
        "s d diakhiri",
        "sd diakhiri",
        "hingga diakhiri",
        "selama belum diakhiri",
        "sampai dibatalkan",
        "tidak terbatas",
        "tanpa batas waktu",
        "tidak ada batas waktu",
        "until terminated",
        "indefinite",
        "indefinitely",
    }
)
YEAR_UNITS = frozenset({"tahun", "thn", "th", "year", "years", "yr", "yrs"})
MONTH_UNITS = frozenset({"bulan", "bln", "month", "months"})


def means_until_terminated(value: Cell) -> bool:
    return fold(cell_text(value)) in UNTIL_TERMINATED


def parse_term(value: Cell) -> int | None:
    """A term in months from "5 tahun", "5 (lima) tahun", "24 bulan" or "2 years"; None if not one."""
    tokens = fold(cell_text(value)).split()
    if len(tokens) < 2 or len(tokens) > 4 or not tokens[0].isdigit():
        return None
    count, unit = int(tokens[0]), tokens[-1]
    if unit in YEAR_UNITS:
        return count * 12
    if unit in MONTH_UNITS:
        return count
    return None


def last_day_of_term(start: date, months: int) -> date:
    """The day before the anniversary: five years from 1 March 2021 end on 28 February 2026.

    BadValue when that day falls after LAST_YEAR ("9999 tahun")."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    if year > LAST_YEAR:
        raise BadValue(
            _("The term ends after %(last)s; check the number of years or months.")
            % {"last": LAST_YEAR}
        )
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) - timedelta(days=1)
