"""The indexes the extractor builds once per article answer exactly what the walks over the
tokens they replace answered: sentences, the words around a cue and of its clause, the zones
that are excluded. Each index is checked against that plain walk on every fixture text and on
texts made to hit its edges."""

import re
from pathlib import Path

import pytest

from mitra.intake.extract import stage, zones
from mitra.intake.extract.affixes import has_root
from mitra.intake.extract.sources import read_source
from mitra.intake.extract.tokens import Doc, ends_sentence, tokenize

FIXTURES = Path(__file__).parent / "fixtures"
EDGES = [
    "",
    "Satu",
    "Wali Kota, 12 Mei.\n\nBaca juga: Kota Lain\n\nPenulis: Nama\nEditor : Dua",
    'Ia berkata "selesai." Lalu pergi ; lalu : "akhir". (ant/xyz)\n',
    "BACA JUGA : Berita\nSIMAK  JUGA  Lain\nlihat pula\nBerita Terkait: X\nARTIKEL terkait",
    # letters a case-blind pattern takes for ASCII ones: dotless i, long s, dotted I, Kelvin
    "Lıhat juga: A\nſimak juga B\nBERİTA TERKAİT\nREDAKTUR: C\nPenuliſ: D\nREDA\u212aTUR: E",
    "kerja sama telah ditandatangani; rencana MoU akan diteken - tindak lanjut, untuk meneken",
    "Dr. A. Rahman, S.E., M.Si. hadir. Mereka (ANT) pulang.\r\nTanda tangan dibubuhkan?",
]


def texts() -> list[str]:
    found = [
        read_source(path)
        for path in sorted(FIXTURES.iterdir())
        if path.suffix in {".txt", ".md", ".html"}
    ]
    return [text for text in found if text] + EDGES


def walked_sentences(doc: Doc) -> tuple[list[tuple[int, int]], list[int]]:
    tokens, text = doc.tokens, doc.text
    sentences: list[tuple[int, int]] = []
    numbers: list[int] = []
    first = 0
    for i, token in enumerate(tokens):
        numbers.append(len(sentences))
        if i + 1 >= len(tokens):
            break
        gap = text[token.end : tokens[i + 1].start]
        if "\n" in gap or (ends_sentence(doc, i) and gap):
            sentences.append((first, i + 1))
            first = i + 1
    if tokens:
        sentences.append((first, len(tokens)))
    return sentences, numbers


def walked_window(doc: Doc, index: int, size: int) -> set[str]:
    sentence = doc.tokens[index].sentence
    out: set[str] = set()
    step = -1 if size < 0 else 1
    j, taken = index + step, 0
    while 0 <= j < len(doc.tokens) and taken < abs(size):
        token = doc.tokens[j]
        if token.sentence != sentence or token.text in {";", ":"}:
            break
        if token.word:
            signing = stage.is_signing(token.key) or stage.signature_at(doc, j)
            out.add(stage.SIGNING_FORM if signing else token.key)
            if has_root(token.key, stage.PLAN_ROOTS):
                out.add(stage.PLAN_FORM)
            taken += 1
        j += step
    if size < 0 and "tindak" in out and "lanjut" in out:
        out.add("tindak lanjut")
    return out


def walked_clause(doc: Doc, index: int) -> set[str]:
    sentence = doc.tokens[index].sentence
    out: set[str] = set()
    j = index - 1
    while j >= 0 and doc.tokens[j].sentence == sentence and not stage.clause_break(doc, j):
        if doc.tokens[j].word:
            out.add(doc.tokens[j].key)
        j -= 1
    return out


def walked_plan(doc: Doc, index: int) -> bool:
    if walked_clause(doc, index) & stage.FUTURE_CLAUSE:
        return True
    sentence, following, j = doc.tokens[index].sentence, doc.tokens[index].key, index - 1
    while j >= 0 and doc.tokens[j].sentence == sentence and doc.tokens[j].text != ",":
        if stage.clause_break(doc, j):
            return False
        token = doc.tokens[j]
        if token.word:
            if (
                token.key in stage.AIM
                and following.startswith("me")
                and following not in stage.WITNESSING
            ):
                return True
            following = token.key
        j -= 1
    return False


@pytest.mark.parametrize("text", texts())
def test_sentences_are_those_of_a_walk_over_every_token(text: str) -> None:
    doc = tokenize(text)
    sentences, numbers = walked_sentences(doc)
    assert doc.sentences == sentences
    assert [token.sentence for token in doc.tokens] == numbers


@pytest.mark.parametrize("text", texts())
def test_words_around_each_token_are_those_of_a_walk(text: str) -> None:
    doc = tokenize(text)
    for i in range(len(doc.tokens)):
        for size in (-10, -8, -4, -3, -2, -1, 2, 3, 4, 6, 10):
            assert stage.window(doc, i, size) == walked_window(doc, i, size), (i, size)
        assert stage.clause_before(doc, i) == walked_clause(doc, i), i
        assert stage.planned_clause(doc, i) == walked_plan(doc, i), i


@pytest.mark.parametrize("text", texts())
def test_a_sentence_holds_a_word_exactly_when_a_walk_finds_it(text: str) -> None:
    doc = tokenize(text)
    for i in range(len(doc.tokens)):
        first, end = doc.sentence_of(i)
        keys = {doc.tokens[k].key for k in range(first, end)}
        for word_list in (stage.COOPERATION, stage.DEFINITION_WORDS, stage.SUPERSEDED):
            assert doc.in_sentence(i, word_list) == bool(keys & word_list)


# Every case-blind zone pattern tried only where its opening words are written.
ZONE_PATTERNS = [
    (zones.RELATED, zones.RELATED_STARTS),
    (zones.INLINE_CREDIT, zones.INLINE_CREDIT_STARTS),
]


def test_every_zone_pattern_read_from_its_words_is_listed() -> None:
    listed = {pattern.pattern for pattern, _starts in ZONE_PATTERNS}
    blind = {
        value.pattern
        for name, value in vars(zones).items()
        if isinstance(value, re.Pattern) and value.flags & re.IGNORECASE
        if f"{name}_STARTS" in vars(zones)
    }
    assert blind == listed


@pytest.mark.parametrize("text", texts())
def test_zones_are_those_the_patterns_find_anywhere(text: str) -> None:
    for pattern, starts in ZONE_PATTERNS:
        found = [m.span() for m in zones.matches(pattern, text, starts)]
        assert found == [m.span() for m in pattern.finditer(text)]
    credits = [(m.start(), m.end()) for m in zones.CREDIT.finditer(text)]
    initials = [(m.start(), m.end()) for m in zones.INITIALS.finditer(text)]
    related = [
        (m.start(), min(len(text) if text.find("\n", m.end()) < 0 else text.find("\n", m.end()),
                        m.start() + zones.MAX_RELATED))
        for m in zones.RELATED.finditer(text)
    ]  # fmt: skip
    inline = [(m.start(), m.end()) for m in zones.INLINE_CREDIT.finditer(text)]
    assert zones.excluded_spans(text) == related + credits + inline + initials
