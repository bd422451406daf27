"""Find countries and foreign places by the names people write: exact keys only, never fuzzy.

Names are folded (`mitra.lib.text.fold`) and matched against whole keys, so "Göteborg",
"Goteborg" and "Gothenburg" meet, while "Incheon" and "Icheon" (two cities in South Korea)
never do. Use these in forms and intake; they only read.
"""

from mitra.lib.text import fold
from mitra.partners.models import Country, Place


def find_country(name: str) -> Country | None:
    """The country whose Indonesian, English or everyday name this is ("Korsel", "RRT")."""
    key = fold(name)
    if not key:
        return None
    return Country.objects.filter(aliases__key=key).first()


def find_places(name: str, country_code: str | None = None) -> list[Place]:
    """Places bearing this name, most populous first, optionally within one country.

    Indonesian places are not in the gazetteer: use `mitra.regions.lookup.find_region`.
    """
    key = fold(name)
    if not key:
        return []
    places = Place.objects.filter(names__key=key).select_related("country")
    if country_code:
        places = places.filter(country_id=country_code.upper())
    return list(places.order_by("-population", "geonameid"))
