"""Text normalisation shared by the reference-data builder and the exact-match lookups, and the
characters no typed text holds."""

import re
import unicodedata
from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

# Latin letters that NFKD does not split into a base letter plus an accent.
_UNDECOMPOSABLE = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "ı": "i",
        "þ": "th",
        "ŀ": "l",
        "ħ": "h",
    }
)
_SEPARATORS = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Return a lookup key: lowercase, without accents, words separated by single spaces.

    Punctuation (hyphens, dots, apostrophes, commas) counts as a separator, so
    "Kab. Toli-Toli" and "kab toli toli" give the same key. Letters of other scripts
    are kept as they are, lowercased.
    """
    if text.isascii():
        return _SEPARATORS.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SEPARATORS.sub(" ", stripped.translate(_UNDECOMPOSABLE)).strip()


# A company's legal form, written before its name ("PT", "CV") or after it ("Co., Ltd.",
# "GmbH", "Sdn. Bhd.", "Tbk", "(Persero)"): a company with and without it is one body.
_LEADING_FORMS = frozenset(["pt", "cv"])
_TRAILING_FORMS = frozenset(
    [
        "ltd",
        "limited",
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "gmbh",
        "ag",
        "sa",
        "nv",
        "bv",
        "pte",
        "sdn",
        "bhd",
        "berhad",
        "llc",
        "plc",
        "kk",
        "oy",
        "oyj",
        "ab",
        "asa",
        "aps",
        "srl",
        "spa",
        "sas",
        "sarl",
        "kft",
        "sro",
        "pty",
        "tbk",
        "persero",
    ]
)


def company_key(text: str) -> str:
    """Return `fold(text)` less the legal forms at either end, so "Hanbit Solar Co., Ltd.",
    "HANBIT SOLAR CO LTD" and "Hanbit Solar" give one key, and "PT Semen Indonesia (Persero)
    Tbk" the key of "Semen Indonesia". A name of nothing but legal forms keeps its first."""
    words = fold(text).split()
    first, last = 0, len(words)
    while first < last - 1 and words[first] in _LEADING_FORMS:
        first += 1
    while last > first + 1 and words[last - 1] in _TRAILING_FORMS:
        last -= 1
    return " ".join(words[first:last])


# Characters no text typed by a person contains: NUL and the other C0 controls except tab, line
# feed and carriage return, DEL, the C1 controls, and UTF-16 halves that are not a character
# (JSON can spell them as "\ud800"). PostgreSQL refuses NUL and lone surrogates outright, and a
# spreadsheet cannot hold the controls.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def has_control_character(text: str) -> bool:
    """True if `text` holds a character that has no place in typed text (see _CONTROL)."""
    return _CONTROL.search(text) is not None


def control_character_message() -> str:
    return _(
        "The text holds an invisible control character (for example copied from another "
        "program), which Mitra does not accept. Remove it and try again."
    )


def _listed(items: Sequence[str], two: str, more: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    pattern = two if len(items) == 2 else more
    return pattern % {"first": ", ".join(items[:-1]), "last": items[-1]}


def either(items: Sequence[str]) -> str:
    """ "KSDD, KSDPK, KSDPL or KSDLL" in the active language ("KSDD, KSDPK, KSDPL, atau KSDLL");
    "KSDD or KSDPK" for two."""
    return _listed(
        items,
        # Translators: a list of two, as in "KSDD or KSDPK".
        pgettext("a list of two", "%(first)s or %(last)s"),
        # Translators: a list of three or more, %(first)s all but the last, separated by commas.
        pgettext("a longer list", "%(first)s or %(last)s"),
    )


def both(items: Sequence[str]) -> str:
    """ "KSDPL and KSDLL" in the active language ("KSDPL dan KSDLL"); "A, B and C" for more."""
    return _listed(
        items,
        # Translators: a list of two, as in "KSDPL and KSDLL".
        pgettext("a list of two", "%(first)s and %(last)s"),
        # Translators: a list of three or more, %(first)s all but the last, separated by commas.
        pgettext("a longer list", "%(first)s and %(last)s"),
    )
