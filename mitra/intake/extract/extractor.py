"""The extractor: reference data loaded once, then `extract(text)` per article.

STUB: returns an empty result until the rules are written; the interface is final.
"""

from functools import cache

from mitra.intake.extract.result import Extraction


class Extractor:
    """Holds the gazetteers (regions, countries, foreign places, sectors, stage cues)."""

    def extract(self, text: str) -> Extraction:
        return Extraction(text=text)


@cache
def get_extractor() -> Extractor:
    """The process-wide extractor, built on first use (the load is the expensive part)."""
    return Extractor()


def extract(text: str) -> Extraction:
    return get_extractor().extract(text)
