"""Dates written in Indonesian news, as ISO "YYYY-MM-DD", "YYYY-MM" or "YYYY".

"2 Juli 2025", "Rabu (2/7/2025)", "02/07/2025", "Juli 2025" and "tahun 2016" carry their year.
"Rabu (2/7)", "2 Juli", "rampung Oktober" and "September mendatang" do not: they are resolved
only when the text anchors the year with a date that states it (in the dateline or anywhere
else); otherwise they are left out, never guessed from today. A weekday that does not fit the
anchor's year picks the year beside it that it fits. Years in regulation numbers ("Nomor 22
Tahun 2020") are not dates of the news, and dates in publication lines only anchor.

The scan runs over the tokens (a month word, then its neighbours), which is several times
faster than regular expressions over the whole text.
"""

from dataclasses import dataclass
from datetime import date

from mitra.intake.extract.lexicon import words
from mitra.intake.extract.tokens import Doc

MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "agus": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}  # fmt: skip
# Full Indonesian month names: only these stand alone after a time word ("rampung Oktober").
FULL_MONTHS = words(
    "januari februari maret april mei juni juli agustus september oktober november desember"
)
WEEKDAYS = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "sabtu": 5, "minggu": 6,
    "ahad": 6,
}  # fmt: skip
RELATIVE = {
    "mendatang": "future", "depan": "future", "nanti": "future", "lalu": "past",
    "kemarin": "past", "ini": "same",
}  # fmt: skip
# Words before a bare month or year that make it a time: "pada Oktober", "sejak 2016".
MONTH_CUES = words(
    "pada bulan sejak hingga sampai mulai dimulai akhir awal pertengahan medio rampung selesai "
    "tuntas per"
)
YEAR_CUES = words("tahun sejak pada hingga sampai periode awal akhir pertengahan medio anggaran di")
REGULATION_WORDS = frozenset({"nomor", "nomer", "no"})
DATE_SEPARATORS = frozenset("/-.")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    iso: str


@dataclass(frozen=True, slots=True)
class Raw:
    first: int  # tokens
    last: int
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None
    relative: str = ""  # "future", "past" or "same" for "September mendatang", "Juli lalu"


def find_dates(doc: Doc, metadata: list[tuple[int, int]] | None = None) -> list[DateMention]:
    """Dates of the story; dates in `metadata` spans (publication lines) only anchor."""
    raws = [raw for raw in scan(doc) if not doc.excluded[raw.first]]
    anchor = anchor_date(raws)
    out: list[DateMention] = []
    for raw in raws:
        start, end = doc.span(raw.first, raw.last)
        if metadata and any(s <= start < e for s, e in metadata):
            continue
        iso = resolve(raw, anchor)
        if iso:
            out.append(DateMention(start, end, iso))
    return out


def scan(doc: Doc) -> list[Raw]:
    found: list[Raw] = []
    taken: set[int] = set()
    for i in date_words(doc):
        token = doc.tokens[i]
        if i in taken:
            continue
        raw: Raw | None = None
        if token.key in MONTHS and token.cap:
            raw = month_date(doc, i)
        elif token.text.isdigit() and len(token.text) <= 2:
            raw = numeric_date(doc, i)
        elif len(token.text) == 4 and is_year(token.text):
            raw = cued_year(doc, i)
        if raw is not None and not taken.intersection(range(raw.first, raw.last + 1)):
            found.append(raw)
            taken.update(range(raw.first, raw.last + 1))
    return sorted(found, key=lambda raw: raw.first)


def date_words(doc: Doc) -> list[int]:
    """The words a date may start at, in order: a month's name, or a word that is not all
    letters (a number; digits fold to digits)."""
    return sorted(
        i
        for key, positions in doc.positions.items()
        if key in MONTHS or not key.isalpha()
        for i in positions
    )


def month_date(doc: Doc, i: int) -> Raw | None:
    """ "Rabu, 2 Juli 2025", "2 Juli", "Juli 2025", "September mendatang", "pada Oktober"."""
    tokens = doc.tokens
    month = MONTHS[tokens[i].key]
    last = i + 1 if i + 1 < len(tokens) and tokens[i + 1].text == "." else i
    day_index = word_before(doc, i)
    day = None
    if day_index >= 0 and tokens[day_index].text.isdigit() and len(tokens[day_index].text) <= 2:
        day = int(tokens[day_index].text)
    after = word_after(doc, last)
    year = int(tokens[after].text) if after >= 0 and is_year(tokens[after].text) else None
    first = day_index if day is not None else i
    if year is not None:
        last = after
    if day is not None or year is not None:
        weekday, first = weekday_before(doc, first)
        return Raw(first, last, year, month, day, weekday)
    if after >= 0 and tokens[after].key in RELATIVE:
        return Raw(i, after, None, month, None, relative=RELATIVE[tokens[after].key])
    cue = word_before(doc, i)
    if cue >= 0 and tokens[cue].key == "bulan":
        cue = word_before(doc, cue)
    if tokens[i].key in FULL_MONTHS and cue >= 0 and tokens[cue].key in MONTH_CUES:
        return Raw(i, i, None, month, None)
    return None


def numeric_date(doc: Doc, i: int) -> Raw | None:
    """ "(2/7)", "Rabu (2/7/2025)", "02/07/2025", "2-7-2025"."""
    parts, last = numeric_parts(doc, i)
    if len(parts) == 3 and is_year(parts[2], short=True):
        year = int(parts[2]) + (2000 if len(parts[2]) == 2 else 0)
        bracket = i > 0 and doc.tokens[i - 1].text == "("
        if bracket and last + 1 < len(doc.tokens) and doc.tokens[last + 1].text == ")":
            weekday, first = weekday_before(doc, i - 1)
            return Raw(first, last + 1, year, int(parts[1]), int(parts[0]), weekday)
        return Raw(i, last, year, int(parts[1]), int(parts[0]))
    if len(parts) == 2 and i > 0 and doc.tokens[i - 1].text == "(":
        closing = last + 1 < len(doc.tokens) and doc.tokens[last + 1].text == ")"
        if closing and "/" in doc.gap(i, i + 2) + doc.tokens[i + 1].text:
            weekday, first = weekday_before(doc, i - 1)
            return Raw(first, last + 1, None, int(parts[1]), int(parts[0]), weekday)
    return None


def numeric_parts(doc: Doc, i: int) -> tuple[list[str], int]:
    """Digits joined by one kind of glued separator: (["2", "7", "2025"], last token)."""
    tokens = doc.tokens
    parts, last, separator = [tokens[i].text], i, ""
    while len(parts) < 3 and last + 2 < len(tokens):
        sep, number = tokens[last + 1], tokens[last + 2]
        glued = sep.start == tokens[last].end and number.start == sep.end
        if not (glued and sep.text in DATE_SEPARATORS and number.text.isdigit()):
            break
        if separator and sep.text != separator:
            break
        separator = sep.text
        parts.append(number.text)
        last += 2
    return parts, last


def cued_year(doc: Doc, i: int) -> Raw | None:
    """ "tahun 2016", "sejak 2023", but not "Nomor 22 Tahun 2020" nor "22/2020"."""
    tokens = doc.tokens
    if i > 0 and tokens[i - 1].text in DATE_SEPARATORS and tokens[i - 1].end == tokens[i].start:
        return None
    cue = word_before(doc, i)
    if cue < 0 or tokens[cue].key not in YEAR_CUES:
        return None
    number = word_before(doc, cue)
    if number >= 0 and tokens[number].text.isdigit():
        return None  # "Nomor 22 Tahun 2020"
    if number >= 0 and tokens[number].key in REGULATION_WORDS:
        return None
    return Raw(i, i, int(tokens[i].text), None, None)


def is_year(text: str, *, short: bool = False) -> bool:
    if short and len(text) == 2 and text.isdigit():
        return True
    return len(text) == 4 and text.isdigit() and text[:2] in {"19", "20"}


def word_before(doc: Doc, i: int) -> int:
    """The word token right before token i, across spaces only (or -1)."""
    j = i - 1
    if j >= 0 and doc.tokens[j].word and doc.gap(j, i).strip() == "":
        return j
    return -1


def word_after(doc: Doc, i: int) -> int:
    j = i + 1
    if j < len(doc.tokens) and doc.tokens[j].word and doc.gap(i, j).strip() == "":
        return j
    return -1


def weekday_before(doc: Doc, first: int) -> tuple[int | None, int]:
    """ "Rabu, 2 Juli" or "Rabu (2/7)": the weekday and the new first token."""
    j = first - 1
    if j >= 0 and doc.tokens[j].text == ",":
        j -= 1
    if j >= 0 and doc.tokens[j].key.replace("'", "") in WEEKDAYS:
        return WEEKDAYS[doc.tokens[j].key.replace("'", "")], j
    return None, first


def anchor_date(raws: list[Raw]) -> tuple[int, int] | None:
    """(year, month) of the first date that states its own year and month."""
    for raw in raws:
        if raw.year is not None and raw.month is not None:
            return raw.year, raw.month
    return None


def resolve(raw: Raw, anchor: tuple[int, int] | None) -> str | None:
    year = raw.year
    if year is None:
        if anchor is None or raw.month is None:
            return None
        year = anchor_year(raw, anchor)
    if raw.month is None:
        return f"{year:04d}"
    if not 1 <= raw.month <= 12:
        return None
    if raw.day is None:
        return f"{year:04d}-{raw.month:02d}"
    try:
        day = date(year, raw.month, raw.day)
    except ValueError:
        return None
    return day.isoformat()


def anchor_year(raw: Raw, anchor: tuple[int, int]) -> int:
    """The anchor's year, or the one beside it that the month or the weekday points to."""
    year, month = anchor
    if raw.month is None:
        return year
    if raw.relative == "future" and raw.month < month:
        return year + 1
    if raw.relative == "past" and raw.month > month:
        return year - 1
    if raw.day is not None and raw.weekday is not None:
        for candidate in (year, year - 1, year + 1):
            try:
                if date(candidate, raw.month, raw.day).weekday() == raw.weekday:
                    return candidate
            except ValueError:
                continue
    return year
