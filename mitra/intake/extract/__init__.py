"""Read Indonesian press text and propose cooperation facts, each with its evidence offsets.

Plain Python with no Django imports and no network: `Extractor()` loads the committed
reference data files once; `extractor.extract(text)` returns an `Extraction`.
"""

from mitra.intake.extract.extractor import Extractor, extract, get_extractor
from mitra.intake.extract.result import (
    PARTNER_KINDS,
    STAGES,
    CountryItem,
    EventItem,
    Extraction,
    PartnerItem,
    PersonItem,
    RegionItem,
    SectorItem,
    Span,
    StageItem,
)
from mitra.intake.extract.sources import SourceError, read_source, strip_html

__all__ = [
    "PARTNER_KINDS",
    "STAGES",
    "CountryItem",
    "EventItem",
    "Extraction",
    "Extractor",
    "PartnerItem",
    "PersonItem",
    "RegionItem",
    "SectorItem",
    "SourceError",
    "Span",
    "StageItem",
    "extract",
    "get_extractor",
    "read_source",
    "strip_html",
]
