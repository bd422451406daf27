"""A small Indonesian affix stripper for cue words: word forms from roots rather than lists.

`roots("penghentian")` gives the candidate roots of a folded word ({"penghentian", "hentian",
"henti", ...}); a cue table keyed by roots ("henti", "tunda", "jajak") then recognises every
derived form — "dihentikan", "menghentikan", "penghentian", "terhenti", "ditunda", "penundaan",
"menjajaki", "penjajakan" — without listing them one by one. The rules are the textbook ones:
confixes me-/di-/ter-/ber-/pe-/per-/ke- with -kan/-i/-an and the enclitic -nya, and the nasal
of me-/pe- replacing the first consonant of the root (men+tunda → menunda, meng+kaji →
mengkaji or mengaji, meny+sepakat → menyepakati, mem+putus → memutus). Over-stripping is
harmless: a candidate counts only if it is a known root.
"""

from functools import lru_cache

SUFFIXES = ("nya", "kan", "an", "i", "lah")
# Prefixes, longest first, with the consonant a nasal prefix may have replaced.
PREFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("memper", ("",)),
    ("diper", ("",)),
    ("meng", ("", "k")),
    ("peng", ("", "k")),
    ("meny", ("s",)),
    ("peny", ("s",)),
    ("mem", ("", "p")),
    ("pem", ("", "p")),
    ("men", ("", "t")),
    ("pen", ("", "t")),
    ("per", ("",)),
    ("ber", ("",)),
    ("ter", ("",)),
    ("me", ("",)),
    ("pe", ("",)),
    ("di", ("",)),
    ("ke", ("",)),
)
MIN_ROOT = 3


@lru_cache(maxsize=8192)
def roots(word: str) -> frozenset[str]:
    """Candidate roots of a folded word, the word itself included."""
    out = {word}
    stems = {word}
    for _round in range(2):  # "-kan" + "-nya": "dihentikannya"
        for stem in list(stems):
            for suffix in SUFFIXES:
                if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_ROOT:
                    stems.add(stem[: -len(suffix)])
    out |= stems
    for stem in stems:
        for prefix, restored in PREFIXES:
            if stem.startswith(prefix) and len(stem) - len(prefix) >= MIN_ROOT - 1:
                rest = stem[len(prefix) :]
                for consonant in restored:
                    candidate = consonant + rest
                    if len(candidate) >= MIN_ROOT:
                        out.add(candidate)
                        # "memper-", "diper-" and "ter-" stack: "dipertemukan", "terlaksana".
                        if candidate.startswith(("ber", "per", "pe")) and len(candidate) > 5:
                            out.add(
                                candidate[3:] if candidate[:3] in {"ber", "per"} else candidate[2:]
                            )
    return frozenset(out)


@lru_cache(maxsize=65536)
def has_root(word: str, known: frozenset[str]) -> str | None:
    """The known root of a folded word, if any (the longest when several fit); cached, as the
    same words come back in every article."""
    found = [root for root in roots(word) if root in known]
    return max(found, key=len) if found else None
