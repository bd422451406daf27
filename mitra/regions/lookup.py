"""Find an Indonesian region by the name people write: exact keys only, never fuzzy.

A name is folded (`mitra.lib.text.fold`), stripped of government prefixes that also say which
kind of region is meant ("Pemkot", "Kota", "Kab.", "Pemprov", "Provinsi" ...), then looked up
among each region's own name and its curated aliases (data/aliases.csv). "Solo" finds
Surakarta through its alias and never Solok, because nothing is matched approximately.

When a bare name belongs to several regions, the rule is: a city (kota) over a regency
(kabupaten) over a province. "Bandung" is Kota Bandung, "Kabupaten Bandung" the regency;
"Jambi" is Kota Jambi, "Provinsi Jambi" the province. Indonesian usage writes the kabupaten and
the province with their prefix when it matters, and leaves the city bare.
"""

from mitra.lib.text import fold
from mitra.regions.models import Region

Type = Region.Type

# Folded prefix words and the region type they imply (None: any type).
PREFIXES: dict[tuple[str, ...], Type | None] = {
    ("pemerintah", "provinsi"): Type.PROVINCE,
    ("pemerintah", "kabupaten"): Type.REGENCY,
    ("pemerintah", "kota"): Type.CITY,
    ("pemerintah", "daerah"): None,
    ("pemda",): None,
    ("pemprov",): Type.PROVINCE,
    ("pemprop",): Type.PROVINCE,
    ("provinsi",): Type.PROVINCE,
    ("propinsi",): Type.PROVINCE,
    ("prov",): Type.PROVINCE,
    ("pemkab",): Type.REGENCY,
    ("kabupaten",): Type.REGENCY,
    ("kab",): Type.REGENCY,
    ("pemkot",): Type.CITY,
    ("kota",): Type.CITY,
    ("administrasi",): None,  # "Kota Administrasi Jakarta Pusat"
}
PREFERENCE = [Type.CITY, Type.REGENCY, Type.PROVINCE]


def split_prefixes(name: str) -> tuple[str, Type | None]:
    """("Pemkot Solo") -> ("solo", Type.CITY): the folded key and the type the prefixes imply."""
    words = fold(name).split()
    region_type: Type | None = None
    while words:
        prefix = next((p for p in PREFIXES if tuple(words[: len(p)]) == p), None)
        if prefix is None or len(prefix) == len(words):
            break
        region_type = PREFIXES[prefix] or region_type
        words = words[len(prefix) :]
    return " ".join(words), region_type


def find_region(name: str) -> Region | None:
    """The one region this name means, or None when it is unknown or still ambiguous."""
    key, region_type = split_prefixes(name)
    if not key:
        return None
    candidates = list(Region.objects.filter(aliases__key=key).distinct())
    if region_type is not None:
        candidates = [r for r in candidates if r.type == region_type]
    for preferred in PREFERENCE:
        matches = [r for r in candidates if r.type == preferred]
        if matches:
            return matches[0] if len(matches) == 1 else None
    return None
