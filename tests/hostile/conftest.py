"""The demo's two tenants, loaded for each crawl: Makassar crawls, Bandung must stay untouched."""

import pytest

from mitra.demo.load import load_demo
from mitra.tenancy.models import Tenant


@pytest.fixture
def demo(db: None) -> tuple[Tenant, Tenant]:
    makassar, bandung = sorted(load_demo(), key=lambda t: t.region.code, reverse=True)
    return makassar, bandung
