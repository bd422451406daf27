"""Named events: festivals, forums, expos, summits ... with the date the text gives them.

An event is a capitalised name that contains an event word ("Makassar International Eight
Festival and Forum (F8)", "World Cities Summit 2024", "KTT ASEAN"). Its date is the first date
written in a sentence that names it; an event with no dated sentence gets null.
"""

import bisect
import re
from dataclasses import dataclass

from mitra.intake.extract.dates import DateMention
from mitra.intake.extract.lexicon import words
from mitra.intake.extract.names import Run, acronym_uses
from mitra.intake.extract.tokens import Doc

EVENT_WORDS = words(
    """
    festival fest forum expo exhibition pameran summit ktt konferensi conference kongres congress
    simposium symposium fair week pekan karnaval carnival jambore jamboree games bazaar bazar
    workshop lokakarya seminar webinar dialogue meeting show showcase awards award marathon
    maraton cup championship kejuaraan olimpiade olympiad biennale trienal triennale roadshow
    convention konvensi rakernas rakor rapimnas gelaran parade pesta sail jamnas camp kemah
    """
)
# Only as the first word: "Rapat Koordinasi Pembangunan Pertanian", not "Ruang Rapat Pimpinan".
OPENING_EVENT_WORDS = words("rapat musyawarah temu")
# A name that starts or ends with a building is a venue: "Ruang Rapat", "Jakarta Convention
# Center".
BUILDINGS = words(
    "ruang ruangan gedung aula balai hotel kantor pendopo wisma graha hall gor stadion lapangan "
    "taman pantai anjungan center centre plaza arena stadium auditorium"
)
# One word and an event word is not enough when the other word is generic ("Festival Budaya"
# stays an event; "Forum" alone at the start of a sentence does not).
MIN_TOKENS = 2


@dataclass(frozen=True, slots=True)
class Event:
    name: str
    date: str | None
    evidence: tuple[tuple[int, int], ...]
    tokens: tuple[int, int]  # first and last token of the first mention


def is_event(doc: Doc, run: Run) -> bool:
    keys = [doc.tokens[i].key for i in range(run.first, run.last + 1) if doc.tokens[i].word]
    if keys[0] in BUILDINGS or keys[-1] in BUILDINGS:
        return False
    if not (any(key in EVENT_WORDS for key in keys) or keys[0] in OPENING_EVENT_WORDS):
        return False
    return len(keys) >= MIN_TOKENS or run.acronym is not None


def find_events(doc: Doc, runs: list[Run], dates: list[DateMention]) -> list[Event]:
    events: dict[str, Event] = {}
    for run in runs:
        if not is_event(doc, run):
            continue
        name = doc.surface(run.first, run.end_token)
        key = name.lower()
        if key in events:
            continue
        spans = [doc.span(run.first, run.end_token)]
        spans += [doc.span(a, b) for a, b in acronym_uses(doc, run)]
        date = event_date(doc, spans, dates)
        events[key] = Event(name, date, tuple(spans), (run.first, run.end_token))
    return list(events.values())


def event_date(doc: Doc, spans: list[tuple[int, int]], dates: list[DateMention]) -> str | None:
    """The date of an event: the first date in a sentence that names it; else in a sentence
    that names its last words in any case ("Youth Camp 2025" ... "Youth camp dibuka Senin
    (21/7/2025)"); else in the sentence before its first mention, in the same paragraph ("...
    meneken LoI, Kamis (24/4). Penandatanganan dilakukan di sela pembukaan Icheon Ceramic
    Festival")."""
    by_sentence: dict[int, str] = {}
    for mention in dates:
        by_sentence.setdefault(sentence_at(doc, mention.start), mention.iso)
    first_sentence = sentence_at(doc, spans[0][0])
    for sentence in sorted({sentence_at(doc, start) for start, _end in spans}):
        if sentence in by_sentence:
            return by_sentence[sentence]
    for sentence in sentences_naming(doc, doc.text[spans[0][0] : spans[0][1]]):
        if sentence in by_sentence:
            return by_sentence[sentence]
    before = first_sentence - 1
    if before >= 0 and before in by_sentence and same_paragraph(doc, before, first_sentence):
        return by_sentence[before]
    return None


def sentences_naming(doc: Doc, name: str) -> list[int]:
    """Sentences that contain the last two words of the name (years and acronyms left out)."""
    keys = [w.lower() for w in re.findall(r"[^\W\d_]+", name.split("(")[0])][-2:]
    if len(keys) < 2:
        return []
    tokens = doc.tokens
    found = []
    for i in range(len(tokens) - 1):
        j = doc.next_word[i]
        if tokens[i].key == keys[0] and j > 0 and tokens[j].key == keys[1]:
            found.append(tokens[i].sentence)
    return found


def same_paragraph(doc: Doc, left: int, right: int) -> bool:
    start = doc.tokens[doc.sentences[left][0]].start
    end = doc.tokens[doc.sentences[right][0]].start
    return "\n" not in doc.text[start:end]


def sentence_at(doc: Doc, position: int) -> int:
    index = bisect.bisect_right(doc.starts, position) - 1
    return doc.tokens[max(index, 0)].sentence
