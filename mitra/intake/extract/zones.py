"""Parts of an article that carry no facts: "Baca juga" links, credits, and the dateline.

Nothing inside an excluded zone is extracted: a "Baca juga:" line names other articles, a
credit line names reporters and editors, "(ant/xyz)" are a reporter's initials. The dateline
("MAKASSAR, KOMPAS.com –") is kept apart: it says where the news was written and may anchor the
year, but names no party by itself.
"""

import bisect
import re

from mitra.intake.extract.tokens import Doc

# A link to another article runs to the end of its line.
RELATED = re.compile(
    r"(?im)\b(?:baca|simak|lihat)\s+(?:juga|pula)\b\s*:?|\b(?:berita|artikel)\s+terkait\b\s*:?"
)
CREDIT = re.compile(
    r"(?im)^[ \t*_>#(\[-]*(?:penulis|editor|reporter|pewarta|redaktur|penyunting|fotografer|foto|"
    r"sumber|kontributor|copyright|hak cipta|laporan wartawan|oleh|by|©)\b[^\n]*$"
)
# "Editor: Nama" glued to the end of the last paragraph.
INLINE_CREDIT = re.compile(
    r"(?im)\b(?:penulis|editor|reporter|pewarta|redaktur|penyunting)\s*:\s*[^\n]*$"
)
# "(NIA)", "(ant/xyz)", "(*)" right after the last sentence of a paragraph.
INITIALS = re.compile(
    r"(?<=[.!?”\"'])\s*\((?:[\w*]{1,8}(?:\s*/\s*[\w*]{1,8}){0,3})\)[ \t]*(?=\n|$)"
)
DATELINE_DASH = re.compile(r"(\s[-–—]{1,2}\s|[-–—]{2})")
# A dash glued to the place, at the very start of the line: "Outlet, Semarang- Pemerintah ...".
DATELINE_GLUED_DASH = re.compile(
    r"^(?:[A-Za-z][\w.]*,\s)?[A-Z][\w.']*(?:\s[A-Z][\w.']*)?([-–—]\s)(?=[A-Z])"
)
MAX_RELATED = 300
MAX_DATELINE = 70
MIN_PARAGRAPH = 50  # a short title line with a dash is not a dateline
DATELINE_PARAGRAPHS = 4  # body paragraphs
DATELINE_LINES = 12
CAPITAL_WORD = re.compile(r"\b[A-Z]{3,}\b")
# "Cape Town: Kota Denpasar dan ...": a place of one to three capitalised words and a colon.
DATELINE_COLON = re.compile(r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}(:\s)")
# Glued forms: "Jakarta-Selasa (9/1/2024), ..." (the place, a hyphen and the weekday) and
# "BANNIQ.Id.Jakarta.Pemprov ..." (the outlet's address, then the place and a dot).
WEEKDAYS = "Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu"
DATELINE_GLUED = re.compile(
    rf"^[A-Z][\w.' ]{{1,30}}?(-)(?=(?:{WEEKDAYS})\b)"
    r"|^[A-Za-z]+\.(?:id|Id|ID|com|co)\.[A-Z][A-Za-z]+(\.)(?=[A-Z])"
)


# The words each of those patterns starts with (after a word boundary), lowercase.
RELATED_STARTS = ("baca", "simak", "lihat", "berita", "artikel")
INLINE_CREDIT_STARTS = ("penulis", "editor", "reporter", "pewarta", "redaktur", "penyunting")
# Every match of INITIALS holds a closing bracket at the end of its line.
INITIALS_END = re.compile(r"\)[ \t]*(?:\n|\Z)")
# Besides their own lowercase, a case-blind pattern lets these stand for ASCII letters (i, s).
CASE_FOLDS_TO_ASCII = ("\u0131", "\u017f")


def excluded_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in matches(RELATED, text, RELATED_STARTS):
        line_end = text.find("\n", match.end())
        end = len(text) if line_end < 0 else line_end
        spans.append((match.start(), min(end, match.start() + MAX_RELATED)))
    line_starts = [0, *(m.end() for m in LINE_BREAK.finditer(text))]
    spans.extend(
        (m.start(), m.end()) for at in line_starts if (m := CREDIT.match(text, at)) is not None
    )
    spans.extend((m.start(), m.end()) for m in matches(INLINE_CREDIT, text, INLINE_CREDIT_STARTS))
    if INITIALS_END.search(text):
        spans.extend((m.start(), m.end()) for m in INITIALS.finditer(text))
    return spans


LINE_BREAK = re.compile("\n")


def matches(pattern: re.Pattern[str], text: str, starts: tuple[str, ...]) -> list[re.Match[str]]:
    """`pattern.finditer(text)` for a case-blind pattern whose every match opens with one of
    the lowercase words `starts`: the pattern is tried only where one of them is written, which
    saves trying it at every character."""
    lowered = text.lower()
    if len(lowered) != len(text) or any(char in text for char in CASE_FOLDS_TO_ASCII):
        return list(pattern.finditer(text))  # offsets would not carry over to the lowercase
    places = sorted(at for word in starts for at in occurrences(lowered, word))
    found: list[re.Match[str]] = []
    free = 0
    for at in places:
        if at >= free and (match := pattern.match(text, at)) is not None:
            found.append(match)
            free = match.end()
    return found


def occurrences(text: str, word: str) -> list[int]:
    out = []
    at = text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def dateline_span(text: str) -> tuple[int, int] | None:
    """The "CITY, Outlet –" opening of the first body paragraphs, if there is one, else a
    glued one ("Jakarta-Selasa", "Outlet.Id.Jakarta.") or a "City:" one; short lines before
    them (menus, bylines, captions) are passed over. The dash form is looked for first: a
    caption's label ("KERJA SAMA: ...") looks like a "City:" opening."""
    return dateline_of(text, dash_only=True) or dateline_of(text, dash_only=False)


def dateline_of(text: str, *, dash_only: bool) -> tuple[int, int] | None:
    position, bodies = 0, 0
    for _ in range(DATELINE_LINES):
        while position < len(text) and text[position] in " \t\r\n*_#>":
            position += 1
        line_end = text.find("\n", position)
        line_end = len(text) if line_end < 0 else line_end
        head = text[position : min(line_end, position + MAX_DATELINE)]
        dash = (
            DATELINE_DASH.search(head)
            or DATELINE_GLUED_DASH.match(head)
            or (None if dash_only else DATELINE_GLUED.match(head) or DATELINE_COLON.match(head))
        )
        body = line_end - position > MIN_PARAGRAPH
        opening = head[: dash.start(dash.lastindex or 0)] if dash else ""
        if (
            dash
            and body
            and len(opening) > 1
            and (head[0].isupper() or CAPITAL_WORD.search(opening))  # "tegas.co., KONSEL"
            and not re.search(r"[.!?]\s", opening)
            and not METADATA_WORDS.match(head)
            and not is_headline(text[position:line_end])
        ):
            return (position, position + dash.end(dash.lastindex or 0))
        bodies += body and not is_headline(text[position:line_end])
        position = line_end + 1
        if position >= len(text) or bodies >= DATELINE_PARAGRAPHS:
            break
    return None


def mark_excluded(doc: Doc, spans: list[tuple[int, int]]) -> None:
    for start, end in spans:
        first = bisect.bisect_left(doc.starts, start)
        last = bisect.bisect_left(doc.starts, end)
        for i in range(first, last):
            doc.excluded[i] = True


METADATA_WORDS = re.compile(
    r"(?i)^\W*(?:diposting|diterbitkan|dipublikasikan|dipublikasi|terbit|published|posted|"
    r"diperbarui|updated?|tanggal|tgl)\b"
)
CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b(?:WIB|WITA|WIT|GMT|UTC)\b")
WEEKDAY_LINE = re.compile(r"(?i)^\W*(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad),")
MAX_METADATA = 90


def metadata_spans(text: str) -> list[tuple[int, int]]:
    """Publication lines ("Kamis, 3 Juli 2025 | 09:12 WITA", "Diposting: ..."): they anchor
    the year of "Rabu (2/7)" but are no date of the story."""
    spans: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if (
            stripped
            and len(stripped) <= MAX_METADATA
            and (
                METADATA_WORDS.match(stripped)
                or (CLOCK.search(stripped) and re.search(r"\d{4}", stripped))
                or (WEEKDAY_LINE.match(stripped) and re.search(r"\d{4}\W*$", stripped))
            )
        ):
            spans.append((position, position + len(line)))
        position += len(line) + 1
    return spans


HEADLINE_WORD = re.compile(r"[^\W\d_]{4,}")
PROSE_COMMA = re.compile(r",\s*[a-z]")
HEADLINE_SHARE = 0.7
MIN_HEADLINE_WORDS = 3


def headline_spans(text: str) -> list[tuple[int, int]]:
    """Lines in Title Case ("Pelajar Surabaya Ikuti Youth Camp di Busan"): every word is
    capitalised, so capitals there say nothing about names."""
    spans: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        if is_headline(line):
            spans.append((position, position + len(line)))
        position += len(line) + 1
    return spans


LIST_COMMAS = 3


def is_headline(line: str) -> bool:
    stripped = line.strip().rstrip("*_ ")
    if stripped.endswith((".", '"', "”")):
        return False  # most lines, told before their words are counted
    if stripped[:1].islower() or PROSE_COMMA.search(stripped):
        # "bersama Asisten Ekbang ...", "... menjelaskan, gagasan ...": a sentence going on
        # across a line break, or a clause after a comma, is prose however capitalised
        return False
    found = HEADLINE_WORD.findall(line)
    if len(found) < MIN_HEADLINE_WORDS:
        return False
    if line.count(",") >= LIST_COMMAS:
        return False  # "Daftarnya: Universitas A (UA), Universitas B (UB), ...": a list of names
    capitals = sum(1 for word in found if word[0].isupper())
    return capitals / len(found) >= HEADLINE_SHARE
