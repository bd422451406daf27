"""Tokens with character offsets, name chains and sentences: the floor every rule stands on.

A token is a run of letters and digits or one other non-space character. Folded keys
(`mitra.lib.text.fold`) make lookups ignore case and accents. Two word tokens belong to one
name when only spaces lie between them, or one glued joiner ("Toli-Toli", "Chinch'on"), so a
name never runs across a comma, a bracket or a line break.
"""

import re
from dataclasses import dataclass, field

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


def fold_token(text: str) -> str:
    if text.isascii():
        return text.lower()
    return fold(text).replace(" ", "")


def tokenize(text: str) -> Doc:
    tokens: list[Token] = []
    add = tokens.append
    for match in TOKEN.finditer(text):
        value = match.group()
        start, end = match.span()
        if value[0].isalnum():
            key = value.lower() if value.isascii() else fold_token(value)
            add(
                Token(
                    value,
                    start,
                    end,
                    key,
                    True,
                    value[0].isupper(),
                    value.isupper() and end - start > 1,
                )
            )
        else:
            add(Token(value, start, end, value, False, False, False))
    doc = Doc(text=text, tokens=tokens, next_word=link_words(text, tokens), sentences=[])
    doc.sentences = split_sentences(doc)
    doc.excluded = [False] * len(tokens)
    doc.starts = [token.start for token in tokens]
    positions: dict[str, list[int]] = {}
    for i, token in enumerate(tokens):
        if token.word:
            positions.setdefault(token.key, []).append(i)
    doc.positions = positions
    return doc


def link_words(text: str, tokens: list[Token]) -> list[int]:
    links = [-1] * len(tokens)
    for i, token in enumerate(tokens[:-1]):
        if not token.word:
            continue
        after = tokens[i + 1]
        if after.word:
            gap = text[token.end : after.start]
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
    tokens, text = doc.tokens, doc.text
    sentences: list[tuple[int, int]] = []
    first, count = 0, len(tokens)
    for i, token in enumerate(tokens):
        token.sentence = len(sentences)
        if i + 1 >= count:
            break
        after = tokens[i + 1]
        gap = text[token.end : after.start]
        if "\n" in gap or (ends_sentence(doc, i) and gap):
            sentences.append((first, i + 1))
            first = i + 1
    if tokens:
        sentences.append((first, len(tokens)))
    return sentences


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
