"""What the demo tenants publish: the agreements a city would put on its cooperation website.

Both cities publish their signed, running cooperations with a short text for the public;
anything still being negotiated stays private, as the officers would keep it.
"""

from django.contrib.auth.models import User

from mitra.cooperations.models import Cooperation
from mitra.portal.services import publish_cooperation, save_portal_intro
from mitra.tenancy.models import Tenant

# Cooperation title → the text the public reads.
PUBLIC_TEXTS = {
    "Smart security dan integrasi CCTV bersama Kota Palembang": (
        "Kota Makassar dan Kota Palembang berbagi pengalaman pengelolaan kota pintar, "
        "termasuk integrasi CCTV untuk keamanan kota."
    ),
    "Pengembangan SDM e-government bersama Incheon": (
        "Pelatihan aparatur Kota Makassar di bidang pemerintahan elektronik bersama "
        "Kota Metropolitan Incheon, Korea Selatan."
    ),
    "Smart city dan keamanan kota bersama IE Singapore": (
        "Kerja sama pengembangan kota pintar dan keamanan kota dengan "
        "International Enterprise Singapore."
    ),
    "Little Bandung di Malaysia bersama MARA": (
        "Gerai Little Bandung di Malaysia membuka pasar bagi produk UMKM Kota Bandung, "
        "bekerja sama dengan Majlis Amanah Rakyat (MARA)."
    ),
}

INTROS = {
    "7371": "Kerja sama Pemerintah Kota Makassar dengan kota, lembaga dan daerah mitra.",
    "3273": "Kerja sama Pemerintah Kota Bandung dengan mitra di dalam dan luar negeri.",
}


def load_portal_demo(tenants: dict[str, Tenant], officers: dict[str, User]) -> None:
    for region, tenant in tenants.items():
        by = officers[region]
        save_portal_intro(tenant, by=by, intro=INTROS.get(region, ""))
        published = Cooperation.objects.filter(tenant=tenant, title__in=PUBLIC_TEXTS)
        for coop in published.order_by("title"):
            publish_cooperation(
                coop, by=by, public_title=coop.title, public_summary=PUBLIC_TEXTS[coop.title]
            )
