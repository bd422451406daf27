"""The time zone a region keeps, from its province (issue 14).

Indonesia keeps three zones, set by Keputusan Presiden No. 41 Tahun 1987 on the division of
Indonesia into three time zones: WIB (UTC+7), WITA (UTC+8) and WIT (UTC+9). A province lies
wholly in one of them, so the first two digits of a Kemendagri code name the zone. Provinces
made since (Kalimantan Utara 2012, the Papua provinces of 2022) keep the zone of the province
they came from. tests: mitra/regions/tests/test_zones.py gives every province of the reference
data its zone, so a new province code without one fails there.
"""

from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.utils import timezone

if TYPE_CHECKING:
    from mitra.tenancy.models import Tenant

WIB = "Asia/Jakarta"
WITA = "Asia/Makassar"
WIT = "Asia/Jayapura"

# Province code -> zone. Sumatra, Java, Kalimantan Barat and Kalimantan Tengah keep WIB.
PROVINCE_ZONES: dict[str, str] = {
    **dict.fromkeys(["11", "12", "13", "14", "15", "16", "17", "18", "19", "21"], WIB),
    **dict.fromkeys(["31", "32", "33", "34", "35", "36"], WIB),
    **dict.fromkeys(["61", "62"], WIB),
    # Bali, Nusa Tenggara Barat, Nusa Tenggara Timur.
    **dict.fromkeys(["51", "52", "53"], WITA),
    # Kalimantan Selatan, Kalimantan Timur, Kalimantan Utara.
    **dict.fromkeys(["63", "64", "65"], WITA),
    # Sulawesi Utara, Tengah, Selatan, Tenggara, Gorontalo, Sulawesi Barat.
    **dict.fromkeys(["71", "72", "73", "74", "75", "76"], WITA),
    # Maluku, Maluku Utara.
    **dict.fromkeys(["81", "82"], WIT),
    # Papua, Papua Barat, Papua Selatan, Papua Tengah, Papua Pegunungan, Papua Barat Daya.
    **dict.fromkeys(["91", "92", "93", "94", "95", "96"], WIT),
}


def zone_name(region_code: str) -> str:
    """The IANA name of the zone a region (any level, by its Kemendagri code) keeps.

    An unknown province is a gap in the table above, not a region without a zone: it raises.
    """
    return PROVINCE_ZONES[region_code[:2]]


def region_zone(region_code: str) -> ZoneInfo:
    """The zone of a region (`ZoneInfo` keeps one object per name)."""
    return ZoneInfo(zone_name(region_code))


def activate_tenant_zone(tenant: "Tenant | None") -> None:
    """A tenant's members read and judge times in their region's zone ("today" included);
    everyone else, and background commands, in the installation's (settings.TIME_ZONE).
    Whoever activates it deactivates it at the end of the request (`TenantZoneMiddleware`)."""
    if tenant is not None:
        timezone.activate(region_zone(tenant.region_id))
