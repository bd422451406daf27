"""A dict-based n-gram gazetteer over folded word tokens: exact keys only, longest match first."""

from collections.abc import Iterable

from mitra.intake.extract.tokens import Doc
from mitra.lib.text import fold


class PhraseTable[V]:
    """Folded phrase -> values; `first` holds, per first word, the longest phrase length."""

    __slots__ = ("first", "prefixes", "values")

    def __init__(self) -> None:
        self.values: dict[str, list[V]] = {}
        self.first: dict[str, int] = {}
        # Every proper prefix of a longer phrase: a match grows word by word while its key is
        # one, instead of joining every length of the chain.
        self.prefixes: set[str] = set()

    def add(self, phrase: str, value: V, *, folded: bool = False) -> None:
        key = phrase if folded else fold(phrase)
        if not key:
            return
        words = key.split(" ")
        bucket = self.values.setdefault(key, [])
        if value not in bucket:
            bucket.append(value)
        if self.first.get(words[0], 0) < len(words):
            self.first[words[0]] = len(words)
        for size in range(1, len(words)):
            self.prefixes.add(" ".join(words[:size]))

    def add_all(self, phrases: Iterable[str], value: V) -> None:
        for phrase in phrases:
            self.add(phrase, value)

    def get(self, phrase: str) -> list[V]:
        return self.values.get(fold(phrase), [])

    def __contains__(self, phrase: str) -> bool:
        return fold(phrase) in self.values

    def match(self, doc: Doc, index: int) -> tuple[int, list[V]] | None:
        """The longest phrase starting at word token `index`: (its last token, its values)."""
        tokens = doc.tokens
        key = tokens[index].key
        found = self.values.get(key)
        best = (index, found) if found else None
        current, prefixes = index, self.prefixes
        while key in prefixes:
            current = doc.next_word[current]
            if current < 0:
                break
            key = f"{key} {tokens[current].key}"
            found = self.values.get(key)
            if found:
                best = (current, found)
        return best

    def scan(self, doc: Doc, *, capitalised: bool = False) -> list[tuple[int, int, list[V]]]:
        """Every longest, non-overlapping match in the text, left to right: (first token, last
        token, values). Only the positions of first words the text holds are tried."""
        out: list[tuple[int, int, list[V]]] = []
        tokens = doc.tokens
        first, positions = self.first.keys(), doc.positions.keys()
        # the words both hold, found from the smaller of the two
        keys = first & positions if len(first) < len(positions) else positions & first
        starts = sorted(i for key in keys for i in doc.positions[key])
        free = 0
        for i in starts:
            if i < free or (capitalised and not tokens[i].cap):
                continue
            found = self.match(doc, i)
            if found:
                out.append((i, found[0], found[1]))
                free = found[0] + 1
        return out
