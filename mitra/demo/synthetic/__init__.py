"""National-scale synthetic data for benchmarks (`mitra synthesize`).

`procedure` draws each cooperation's path through the workflow table (plain Python, one seeded
random generator); `build` writes tenants, people, partners, cooperations and everything around
them in bulk (`tables`: COPY on PostgreSQL), bypassing the services on purpose: a hundred thousand
cooperations through `apply_transition` would take hours, and the data only has to look like a
country's, not to have been lived through. Synthetic tenants are marked by their slug prefix
(`SYNTHETIC_PREFIX`), so the command can refuse a database that holds real ones.
"""

SYNTHETIC_PREFIX = "syn-"
