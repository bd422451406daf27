"""Which cooperation a stage cue belongs to: the story's own, or a background one.

A text about Gresik and Japan may mention in passing that the grant programme "has run since
1989" across Indonesia, that the province "already cooperates" with a British university, or
that the partner company "is already bound by a PKS" with another regency. Those cues tell the
stage of another pair's cooperation, not the story's.

The story's parties come from the headline and lead: the focal region(s), and the main
partner(s), named in the headline when it names one, else in the lead, with every partner from
their countries. A cue counts for the story unless its clause is about another pair: it names
another party and not the main partner, or another Indonesian party and not the focal region,
or Indonesia as a whole and neither story party. A pronoun or an ellipsis ("kerja sama ini",
"hibah tersebut") names no other party, so it continues the story (docs/intake.md, Stage).
"""

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mitra.intake.extract.lexicon import words
from mitra.intake.extract.tokens import Doc

Span = tuple[int, int]

# How many words either side of a cue its clause may reach, within the sentence.
CLAUSE_REACH = 16
# "di Indonesia", "ke Indonesia", "seluruh Indonesia": the nation, a frame of its own.
NATION = "indonesia"
# Words that open another clause (as `clause_break` in stage.py reads them).
CLAUSE_STOPS = words("bahwa karena sehingga namun tetapi tapi sedangkan")


@dataclass(frozen=True, slots=True)
class StoryParties:
    focal: frozenset[int]  # tokens naming the focal region(s)
    main: frozenset[int]  # tokens naming the main partner(s) or their countries
    other: frozenset[int]  # tokens naming another partner or another country
    domestic: frozenset[int]  # those of `other` naming another Indonesian party
    nation: frozenset[int]  # "di Indonesia": the nation as a whole


NO_PARTIES = StoryParties(frozenset(), frozenset(), frozenset(), frozenset(), frozenset())

HEADLINE_LENGTH = 150
# Words of a party's name that do not tell which party it is.
PARTY_HEADS = words(
    "pt cv tbk pemerintah pemkab pemkot pemprov kota kabupaten provinsi negara republik"
    " universitas university bank the of dan and"
)
HEADLINE_WORDS = 3


def span_tokens(doc: Doc, spans: Iterable[Span]) -> set[int]:
    """The tokens that overlap the character spans."""
    out: set[int] = set()
    for start, end in spans:
        i = max(bisect_right(doc.starts, start) - 1, 0)
        while i < len(doc.tokens) and doc.tokens[i].start < end:
            if doc.tokens[i].end > start:
                out.add(i)
            i += 1
    return out


def has_words(line: str, count: int) -> bool:
    """The line holds at least `count` words with a letter (a date or a dash is no word)."""
    seen = 0
    for word in line.split():
        if any(c.isalpha() for c in word):
            seen += 1
            if seen >= count:
                return True
    return False


def headline_end(text: str) -> int:
    """The end offset of the headline: the first line of three words or more when it is short
    and has no final full stop; 0 when the text opens with its lead."""
    offset = 0
    for line in text.splitlines(keepends=True):
        offset += len(line)
        if has_words(line, HEADLINE_WORDS):
            stripped = line.strip()
            short = len(stripped) <= HEADLINE_LENGTH and not stripped.endswith(".")
            return offset if short else 0
    return 0


def story_parties(
    doc: Doc,
    lead: int,
    focal: Iterable[Span],
    partners: Sequence[tuple[str | None, Sequence[Span]]],
    countries: Sequence[tuple[str, Sequence[Span]]],
) -> StoryParties:
    """The tokens naming the story's own parties and those naming any other party.

    `lead` is the offset where headline and lead end; `partners` and `countries` are (country
    code, evidence spans). The main partners are those named in the headline when it names
    one, else in the lead, with any partner from their countries; every other partner or
    country named is another party."""
    partner_tokens = [span_tokens(doc, spans) for _code, spans in partners]
    country_tokens = [span_tokens(doc, spans) for _code, spans in countries]
    headline = headline_end(doc.text)

    def named_before(tokens: set[int], end: int) -> bool:
        return any(doc.tokens[i].start < end for i in tokens)

    if headline:
        # "PT SBI" in the headline names "PT Solusi Bangun Indonesia (SBI)" of the lead
        heads = [
            i
            for i in range(bisect_right(doc.starts, headline))
            if doc.tokens[i].word and doc.tokens[i].key not in PARTY_HEADS
        ]
        for tokens in partner_tokens:
            keys = {doc.tokens[i].key for i in tokens if doc.tokens[i].cap} - PARTY_HEADS
            tokens.update(i for i in heads if doc.tokens[i].key in keys)
    end = lead
    if headline and any(named_before(t, headline) for t in partner_tokens + country_tokens):
        end = headline
    story_codes = {
        code
        for (code, _s), t in zip(countries, country_tokens, strict=True)
        if named_before(t, end)
    }
    story_codes |= {
        code
        for (code, _s), t in zip(partners, partner_tokens, strict=True)
        if code and code != "ID" and named_before(t, end)
    }
    main: set[int] = set()
    other: set[int] = set()
    domestic: set[int] = set()
    for (code, _spans), tokens in zip(partners, partner_tokens, strict=True):
        if named_before(tokens, end) or (code in story_codes and code != "ID"):
            main |= tokens
        else:
            other |= tokens
            if code in (None, "ID"):
                domestic |= tokens
    for (code, _spans), tokens in zip(countries, country_tokens, strict=True):
        (main if code in story_codes else other).update(tokens)
    if not main:
        return NO_PARTIES  # the lead names no partner: no story pair to hold cues against
    other -= main
    named = main | other
    nation = set()
    for i in doc.positions.get(NATION, ()):
        before = doc.tokens[i - 1] if i > 0 else None
        # "di Indonesia", not "PT Solusi Bangun Indonesia" or "Universitas Indonesia"
        if i not in named and before is not None and before.word and not before.cap:
            nation.add(i)
    return StoryParties(
        frozenset(span_tokens(doc, focal)),
        frozenset(main),
        frozenset(other),
        frozenset(domestic - main),
        frozenset(nation),
    )


def clause_around(doc: Doc, first: int, last: int) -> set[int]:
    """The tokens of the clause around a cue: up to CLAUSE_REACH words either side, within
    its sentence, stopping at a semicolon, a colon or a clause opener."""
    sentence = doc.tokens[first].sentence
    out = set(range(first, last + 1))
    for start, step in ((first - 1, -1), (last + 1, 1)):
        j, taken = start, 0
        while 0 <= j < len(doc.tokens) and taken < CLAUSE_REACH:
            token = doc.tokens[j]
            if token.sentence != sentence or token.text in {";", ":"}:
                break
            if token.key in CLAUSE_STOPS:
                break
            out.add(j)
            taken += token.word
            j += step
    return out


def in_background(doc: Doc, parties: StoryParties, first: int, last: int) -> bool:
    """The cue's clause is about another pair: it names another party and not the main
    partner, or another Indonesian party beside the main partner without the focal region
    ("PT SBI sudah terikat PKS dengan Pemkab Cilacap"), or the nation as a whole and neither
    story party ("hibah ini sudah berjalan sejak 1989 ... di Indonesia")."""
    clause = clause_around(doc, first, last)
    main = bool(clause & parties.main)
    focal = bool(clause & parties.focal)
    if clause & parties.other and not main:
        return True
    if clause & parties.domestic and not focal:
        return True
    return bool(clause & parties.nation) and not main and not focal


# "kerja sama antara Technopark X dengan PT Y": an explicit pair of parties.
BETWEEN = "antara"
PAIR_JOINS = words("dengan dan serta")
PAIR_REACH = 12
BODY_KINDS = frozenset({"domestic_party", "foreign_company", "foreign_institution"})


def in_other_pair(doc: Doc, first: int, focal: frozenset[int]) -> bool:
    """The party whose name starts at token `first` is one side of "antara A dengan B" (either
    side) whose other side does not name the focal region: another pair's cooperation, told
    beside the story ("penandatanganan kerja sama antara Chungbuk Technopark dengan PT JPEN"),
    so no partner of the focal region."""
    sentence = doc.tokens[first].sentence
    j = first - 1
    while j >= 0 and first - j <= PAIR_REACH and doc.tokens[j].sentence == sentence:
        if doc.tokens[j].key == BETWEEN:
            break
        j -= 1
    else:
        return False
    if j < 0 or doc.tokens[j].key != BETWEEN:
        return False
    end = j + 1
    while end < len(doc.tokens) and end - j <= 2 * PAIR_REACH:
        token = doc.tokens[end]
        if token.sentence != sentence or token.text in {",", ";", ":", "."}:
            break
        if token.word and not token.cap and token.key not in PAIR_JOINS and end > first:
            break  # the pair ends at the next lowercase word after our party ("tentang ...")
        end += 1
    pair = range(j + 1, end)
    joined = any(doc.tokens[k].key in PAIR_JOINS for k in pair)
    return joined and first in pair and not any(k in focal for k in pair)
