"""Tokens with character offsets, name chains and sentences: the floor every rule stands on.

A token is a run of letters and digits or one other non-space character. Folded keys
(`mitra.lib.text.fold`) make lookups ignore case and accents. Two word tokens belong to one
name when only spaces lie between them, or one glued joiner ("Toli-Toli", "Chinch'on"), so a
name never runs across a comma, a bracket or a line break.
"""

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from mitra.lib.text import fold

TOKEN = re.compile(r"[^\W_]+|\S")
JOINERS = frozenset("-'’")
SAINT_WORDS = frozenset({"st", "ste", "mt", "ft"})
SENTENCE_ENDS = frozenset(".!?")
CLOSERS = frozenset("\"'”’)")
# Words after which a full stop does not end a sentence (titles, initials, abbreviations).
ABBREVIATIONS = frozenset(
    [
        "dr",
        "drs",
        "dra",
        "ir",
        "h",
        "hj",
        "prof",
        "kab",
        # acting offices written with a dot: "Pj. Gubernur Papua", "Plt. Bupati", "Plh. Sekda"
        "pj",
        "plt",
        "plh",
        # company forms written with a dot: "PT. Indonesia Power", "CV. Maju Jaya"
        "pt",
        "cv",
        "kec",
        "kel",
        "no",
        "nomor",
        "st",
        "jl",
        "jln",
        "tn",
        "ny",
        "mr",
        "mrs",
        "ms",
        "sdr",
        "bpk",
        "moh",
        "muh",
        "m",
        "a",
        "b",
        "c",
        "d",
        "e",
        "f",
        "g",
        "i",
        "j",
        "k",
        "l",
        "n",
        "o",
        "p",
        "q",
        "r",
        "s",
        "t",
        "u",
        "v",
        "w",
        "x",
        "y",
        "z",
        "dll",
        "dsb",
        "tsb",
        "yth",
        "a.n",
        "u.p",
        "vs",
        "ph",
        "sdn",  # "Sdn. Bhd.": the Malaysian private company goes on
    ]
)


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    key: str  # folded: lowercase, no accents
    word: bool  # letters or digits, not punctuation
    cap: bool  # starts with a capital letter
    upper: bool  # all capitals, at least two letters ("MARA", "PT")
    sentence: int = 0


@dataclass(slots=True)
class Doc:
    """The text, its tokens, where each name chain goes on, and sentence boundaries."""

    text: str
    tokens: list[Token]
    # next_word[i]: the next word token of the same name chain, or -1.
    next_word: list[int]
    # sentences[k] = (first token, end token) of sentence k.
    sentences: list[tuple[int, int]]
    excluded: list[bool] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # token start offsets, for bisect
    positions: dict[str, list[int]] = field(default_factory=dict)  # word key -> its tokens
    # Indexes a rule module builds once per article, by its name ("stage"), instead of walking
    # the tokens again for every cue.
    derived: dict[str, Any] = field(default_factory=dict)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Character offsets of tokens first..last (inclusive)."""
        return (self.tokens[first].start, self.tokens[last].end)

    def surface(self, first: int, last: int) -> str:
        return self.text[self.tokens[first].start : self.tokens[last].end]

    def sentence_of(self, index: int) -> tuple[int, int]:
        return self.sentences[self.tokens[index].sentence]

    def gap(self, left: int, right: int) -> str:
        """The characters between token `left` and token `right`."""
        return self.text[self.tokens[left].end : self.tokens[right].start]

    def tokens_of(self, char: str) -> list[int]:
        """The tokens that are the punctuation character `char`, in order (such a character
        is always a token of its own); found once per text."""
        found = self.derived.get(char)
        if found is None:
            found, text, starts = [], self.text, self.starts
            at = text.find(char)
            while at >= 0:
                found.append(bisect_left(starts, at))
                at = text.find(char, at + 1)
            self.derived[char] = found
        return found

    def in_sentence(self, index: int, keys: frozenset[str]) -> bool:
        """Some word of the sentence of token `index` is one of `keys`, a word list kept by a
        rule module: the tokens of each list are found once per text."""
        first, end = self.sentences[self.tokens[index].sentence]
        return self.holds(first, end, keys)

    def holds(self, first: int, end: int, keys: frozenset[str]) -> bool:
        """Some token from `first` up to `end` is a word of `keys` (as `in_sentence`)."""
        lists: dict[frozenset[str], list[int]] = self.derived.setdefault(WORD_LISTS, {})
        found = lists.get(keys)
        if found is None:
            positions = self.positions
            found = lists[keys] = sorted(i for key in keys for i in positions.get(key, ()))
        if not found:
            return False
        k = bisect_left(found, first)
        return k < len(found) and found[k] < end

    def key_at(self, index: int) -> str:
        return self.tokens[index].key if 0 <= index < len(self.tokens) else ""

    def chain(self, first: int, count: int) -> list[int]:
        """Up to `count` word tokens of the name chain starting at `first`."""
        out = [first]
        current = first
        while len(out) < count:
            current = self.next_word[current]
            if current < 0:
                break
            out.append(current)
        return out


WORD_LISTS = "word lists"  # the key of `Doc.in_sentence`'s index in `Doc.derived`


def fold_token(text: str) -> str:
    if text.isascii():
        return text.lower()
    return fold(text).replace(" ", "")


# What a token's text says of it (key, word, capitalised, all capitals), kept per text: the
# same words come back in every article.
FEATURES: dict[str, tuple[str, bool, bool, bool]] = {}


def features(value: str) -> tuple[str, bool, bool, bool]:
    found = FEATURES.get(value)
    if found is None:
        if value[0].isalnum():
            key = value.lower() if value.isascii() else fold_token(value)
            found = (key, True, value[0].isupper(), value.isupper() and len(value) > 1)
        else:
            found = (value, False, False, False)
        if len(FEATURES) < MAX_FEATURES:
            FEATURES[value] = found
    return found


MAX_FEATURES = 100_000


def tokenize(text: str) -> Doc:
    tokens: list[Token] = []
    add = tokens.append
    positions: dict[str, list[int]] = {}
    known = FEATURES.get
    for match in TOKEN.finditer(text):
        value = match.group()
        key, word, cap, upper = known(value) or features(value)
        if word:
            found = positions.get(key)
            if found is None:
                positions[key] = [len(tokens)]
            else:
                found.append(len(tokens))
        add(Token(value, match.start(), match.end(), key, word, cap, upper))
    doc = Doc(text=text, tokens=tokens, next_word=link_words(text, tokens), sentences=[])
    doc.starts = [token.start for token in tokens]
    doc.sentences = split_sentences(doc)
    doc.excluded = [False] * len(tokens)
    doc.positions = positions
    return doc


def link_words(text: str, tokens: list[Token]) -> list[int]:
    links = [-1] * len(tokens)
    for i, (token, after) in enumerate(pairwise(tokens)):
        if not token.word:
            continue
        if after.word:
            end = token.end
            if after.start == end + 1 and text[end] == " ":
                links[i] = i + 1  # one space: the usual case
                continue
            gap = text[end : after.start]
            if gap and not gap.strip(" \t\u00a0"):
                links[i] = i + 1
        elif (
            after.text in JOINERS
            and after.start == token.end
            and i + 2 < len(tokens)
            and tokens[i + 2].word
            and tokens[i + 2].start == after.end
        ):
            links[i] = i + 2
        elif (
            token.key in SAINT_WORDS
            and after.text == "."
            and after.start == token.end
            and i + 2 < len(tokens)
            and tokens[i + 2].cap
            and text[after.end : tokens[i + 2].start] == " "
        ):
            links[i] = i + 2  # "St. Louis", "St. Petersburg": one name
    return links


def split_sentences(doc: Doc) -> list[tuple[int, int]]:
    """A sentence ends at a line break, or at a stop (or a closer after one) followed by a space
    and a new sentence (`ends_sentence`). Only the tokens before a line break and the stops
    and closers are looked at; `doc.starts` must be set."""
    tokens, text, starts = doc.tokens, doc.text, doc.starts
    count = len(tokens)
    ends: set[int] = set()
    at = text.find("\n")
    while at >= 0:
        ends.add(bisect_left(starts, at) - 1)  # the token before the gap the break is in
        at = text.find("\n", at + 1)
    for match in STOPS_AND_CLOSERS.finditer(text):
        i = bisect_left(starts, match.start())
        if i + 1 < count and tokens[i + 1].start > tokens[i].end and ends_sentence(doc, i):
            ends.add(i)
    sentences: list[tuple[int, int]] = []
    first = 0
    for i in sorted(ends):
        if 0 <= i < count - 1:
            sentences.append((first, i + 1))
            first = i + 1
    if tokens:
        sentences.append((first, count))
    for number, (first, end) in enumerate(sentences):
        for token in tokens[first:end]:
            token.sentence = number
    return sentences


STOPS_AND_CLOSERS = re.compile("[" + re.escape("".join(SENTENCE_ENDS | CLOSERS)) + "]")


def ends_sentence(doc: Doc, i: int) -> bool:
    """Token i is a full stop (or a closer after one) followed by a space and a new sentence."""
    tokens = doc.tokens
    token = tokens[i]
    if token.text in CLOSERS and i > 0 and tokens[i - 1].text in SENTENCE_ENDS:
        return True
    if token.text not in SENTENCE_ENDS:
        return False
    if token.text == "." and i > 0:
        before = tokens[i - 1]
        if before.start < token.start and before.end == token.start and before.key in ABBREVIATIONS:
            return False
    if i + 1 < len(tokens):
        after = tokens[i + 1]
        if after.text in CLOSERS:
            return False
        return after.cap or after.text in "\"“'‘(" or after.text[0].isdigit()
    return True
