"""`synthesize`: national-scale data for the benchmarks, in bulk, deterministic for a seed and day.

The cooperations are shared out unevenly (a few regions register many, most a few), the big
city (Kota Makassar when it is free) getting about 2% of them (2,013 of 100,000, as the issue
measured) and at least twice an average region's share at small sizes.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db import connection, reset_queries, transaction

from mitra.demo.synthetic.cooperations import Chunk, Counts, draw_cooperation, write_chunk
from mitra.demo.synthetic.partners import PartnerPool, Reference
from mitra.demo.synthetic.people import choose_regions, create_staff, create_tenants

BIG_CITY_SHARE = 0.02
CHUNK = 5000  # cooperations drawn and written together


@dataclass(frozen=True)
class Size:
    tenants: int
    cooperations: int
    seed: int


def shares(rng: random.Random, size: Size) -> list[int]:
    """How many cooperations each tenant gets, the first (the big city) the most; sums up."""
    if size.tenants == 1:
        return [size.cooperations]
    big = round(size.cooperations * max(BIG_CITY_SHARE, 2 / size.tenants))
    weights = [rng.paretovariate(1.5) for _ in range(size.tenants - 1)]
    total = sum(weights)
    rest = [int((size.cooperations - big) * w / total) for w in weights]
    for index in range(size.cooperations - big - sum(rest)):  # rounding leftovers
        rest[index % len(rest)] += 1
    return [big, *rest]


def synthesize(size: Size, today: date, progress: Callable[[int], object] | None = None) -> Counts:
    """Create `size.tenants` tenants with `size.cooperations` cooperations in all (one
    transaction: an interrupted run leaves nothing); `progress` is told how many cooperations
    each chunk wrote."""
    rng = random.Random(size.seed)  # noqa: S311 (made-up data, not secrets)
    with transaction.atomic():
        tenants = create_tenants(rng, choose_regions(rng, size.tenants))
        staff = create_staff(tenants)
        ref = Reference.load()
        pools = [PartnerPool(t) for t in tenants]
        counts, chunk = Counts(), Chunk()
        for member, pool, share in zip(staff, pools, shares(rng, size), strict=True):
            for _ in range(share):
                coop, path, partners = draw_cooperation(rng, member, pool, ref, today)
                chunk.cooperations.append(coop)
                chunk.paths.append(path)
                chunk.partners.append(partners)
                chunk.staff.append(member)
                if len(chunk.cooperations) == CHUNK:
                    counts.add(write_chunk(rng, chunk, pools, today))
                    chunk = Chunk()
                    reset_queries()  # with DEBUG on, the statements logged would pile up
                    if progress:
                        progress(CHUNK)
        last = write_chunk(rng, chunk, pools, today)
        counts.add(last)
        if progress:
            progress(last.cooperations)
    # Fresh statistics, as a database that grew over years would have: without them PostgreSQL
    # plans the first queries for the empty tables it last saw (seconds instead of milliseconds).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return counts
