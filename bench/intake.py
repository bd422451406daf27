"""Benchmark: how fast the news-intake extractor reads articles of about 2 KB, on one core.

Run from the repository root: `.venv/bin/python bench/intake.py [--articles N] [--seed S]`.
It prints, all measured in this same run:

- the load time (reading the gazetteers: regions, countries, 33,000 foreign places);
- articles per second after loading (target: at least 200), counted in CPU time of this one
  single-threaded process, so a busy machine does not blur it;
- the floor: articles per second when the same texts are only tokenized, and the ratio of the
  full extraction to that floor;
- the peak memory of the process (resident set, from getrusage; target: under 300 MB).

The articles are generated here from templates: Indonesian cooperation news with regions,
foreign cities, companies, people, dates, quotes, a "Baca juga" link and a credit line, each
padded to about 2,000 characters. No outside text is used.
"""

import argparse
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mitra.intake.extract.extractor import Extractor  # noqa: E402
from mitra.intake.extract.tokens import tokenize  # noqa: E402

TARGET_SIZE = 2000
REGIONS = [
    ("Pemkot", "Makassar"), ("Pemkab", "Gowa"), ("Pemprov", "Jawa Barat"), ("Pemkot", "Solo"),
    ("Pemkab", "Banyuwangi"), ("Pemprov", "Kalimantan Timur"), ("Pemkot", "Surabaya"),
    ("Pemkab", "Badung"), ("Pemkot", "Bitung"), ("Pemprov", "Sulawesi Selatan"),
]  # fmt: skip
PARTNER_CITIES = [
    ("Kitakyushu", "Jepang"), ("Busan", "Korea Selatan"), ("Gothenburg", "Swedia"),
    ("Perth", "Australia"), ("Xiamen", "Tiongkok"), ("Davao", "Filipina"),
    ("Toulouse", "Prancis"), ("Rotterdam", "Belanda"), ("Penang", "Malaysia"),
]  # fmt: skip
COMPANIES = [
    ("Hanbit Solar Co., Ltd.", "Korea Selatan"), ("Aquavalo Oy", "Finlandia"),
    ("Valoris Environnement SA", "Prancis"), ("Nordwasser GmbH", "Jerman"),
]  # fmt: skip
HEADS = ["Wali Kota", "Bupati", "Gubernur"]
NAMES = [
    "Andi Rahmat Syah", "Siti Nurhaliza Putri", "Budi Santoso", "I Made Wirawan",
    "Yohanes Bria Seran", "Rina Marlina", "Hendra Wijaya", "Dewi Anggraini",
]  # fmt: skip
FOREIGN_NAMES = ["Kenji Nakamura", "Lee Sang-min", "Elin Sandberg", "Hannah Whitfield"]
SECTORS = [
    "pengelolaan sampah", "pariwisata budaya", "pengembangan UMKM", "air bersih",
    "pelatihan sumber daya manusia", "transportasi publik", "kota cerdas", "energi terbarukan",
]  # fmt: skip
MONTHS = ["Januari", "Maret", "Mei", "Juli", "September", "November"]
LEADS = [
    "{gov} {region} dan Pemerintah Kota {city}, {country}, menandatangani nota kesepahaman "
    "(MoU) kerja sama {sector}, {weekday} ({day}/{month}/{year}).",
    "{gov} {region} menjajaki kerja sama {sector} dengan Kota {city}, {country}. Penjajakan "
    "dilakukan dalam pertemuan di Balai Kota, {weekday} ({day}/{month}).",
    "Kerja sama {gov} {region} dengan perusahaan asal {ccountry}, {company}, di bidang "
    "{sector} ditangguhkan sambil menunggu kajian Kementerian Dalam Negeri.",
]  # fmt: skip
BODY = [
    '"Kami ingin belajar dari {city} tentang {sector}," kata {head} {region}, {name}.',
    "{head} {city}, {foreign}, menyambut baik kerja sama itu dan berharap program berjalan "
    "pada {monthname} {year}.",
    "Kepala Bagian Kerja Sama Setda {region}, {name2}, mengatakan rencana aksi sedang disusun "
    "bersama dinas terkait.",
    "Program {sector} ini merupakan tindak lanjut Letter of Intent yang diteken pada {year0}.",
    "Penandatanganan disaksikan Konsul Jenderal {country} di Surabaya dan difasilitasi "
    "Kementerian Luar Negeri.",
    "Sebelumnya, delegasi {city} telah dua kali berkunjung ke {region} untuk membahas {sector}.",
    "Menurut dia, kerja sama ini sejalan dengan program prioritas daerah di bidang {sector}.",
]  # fmt: skip
TAIL = (
    "\n\nBaca juga: {region} Raih Penghargaan Inovasi Daerah\n\nPenulis: {name}\nEditor: {name2}\n"
)


def article(rng: random.Random) -> str:
    gov, region = rng.choice(REGIONS)
    city, country = rng.choice(PARTNER_CITIES)
    company, ccountry = rng.choice(COMPANIES)
    fields = {
        "gov": gov,
        "region": region,
        "city": city,
        "country": country,
        "company": company,
        "ccountry": ccountry,
        "sector": rng.choice(SECTORS),
        "head": rng.choice(HEADS),
        "name": rng.choice(NAMES),
        "name2": rng.choice(NAMES),
        "foreign": rng.choice(FOREIGN_NAMES),
        "weekday": rng.choice(["Senin", "Selasa", "Rabu", "Kamis", "Jumat"]),
        "day": rng.randint(1, 28),
        "month": rng.randint(1, 12),
        "year": rng.choice([2024, 2025]),
        "year0": rng.choice([2021, 2022, 2023]),
        "monthname": rng.choice(MONTHS),
    }
    parts = [f"{region.upper()} – " + rng.choice(LEADS).format(**fields)]
    while sum(len(p) for p in parts) < TARGET_SIZE - 200:
        parts.append(rng.choice(BODY).format(**fields))
    return "\n\n".join(parts) + TAIL.format(**fields)


def rate(action: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """Articles per second of CPU time (one core; other processes on the machine do not
    count): the best of `repeat` passes over all texts."""
    best = []
    for _ in range(repeat):
        started = time.process_time()
        for text in texts:
            action(text)
        best.append(time.process_time() - started)
    return len(texts) / min(best)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400, help="how many articles to read")
    parser.add_argument("--seed", type=int, default=6, help="seed of the article generator")
    parser.add_argument("--repeat", type=int, default=3, help="passes; the best one counts")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)  # noqa: S311 - reproducible test texts, no secrets
    texts = [article(rng) for _ in range(args.articles)]
    sizes = [len(text.encode("utf-8")) for text in texts]

    started, started_cpu = time.perf_counter(), time.process_time()
    extractor = Extractor()
    load, load_cpu = time.perf_counter() - started, time.process_time() - started_cpu

    extractor.extract(texts[0])  # warm up
    full = rate(extractor.extract, texts, args.repeat)
    floor = rate(tokenize, texts, args.repeat)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"{len(texts)} generated articles, median {statistics.median(sizes):.0f} bytes")
    print(f"load time          {load:8.2f} s     (target < 1.5 s; {load_cpu:.2f} s of CPU)")
    print(f"extraction         {full:8.0f} articles/s on one core (target >= 200)")
    print(f"tokenizing only    {floor:8.0f} articles/s (the floor)")
    print(f"ratio to the floor {floor / full:8.1f} x slower than tokenizing")
    print(f"peak memory        {peak_mb:8.0f} MB resident (target < 300 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
