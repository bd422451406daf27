"""Text normalisation shared by the reference-data builder and the exact-match lookups."""

import re
import unicodedata

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
