"""One Indonesian word per meaning of "step" (issue 14).

The pipeline said "langkah" for the step of the procedure a cooperation is at ("3 hari pada
langkah ini") where the cooperation's page, the dashboard and the reports say "tahap". In the
Indonesian catalogue, "tahap" is where a cooperation is (its state, a step of the procedure);
"langkah" is only a move someone takes next (the next step, a step you may take, the steps that
lead from one step to another). Every entry whose English speaks of a step is checked.
"""

import re
from pathlib import Path

from babel.messages.pofile import read_po

CATALOGUE = Path(__file__).resolve().parents[1] / "locale/id/LC_MESSAGES/django.po"
# The English of a step that is taken: a move, "langkah".
MOVE = re.compile(
    r"next step|steps? you may take|steps? leads?\b|takes? (the|these) steps|last step|"
    r"no further steps|no step of the procedure leads|steps? waiting for you",
    re.I,
)
STEP = re.compile(r"\bsteps?\b", re.I)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def _entries() -> list[tuple[str, str]]:
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    found = []
    for message in catalogue:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.id:
            english = PLACEHOLDER.sub("…", " | ".join(map(str, ids)))
            found.append((english, " | ".join(map(str, strings))))
    return found


def test_langkah_is_only_a_move():
    wrong = [
        (english, indonesian)
        for english, indonesian in _entries()
        if re.search(r"\blangkah", indonesian, re.I) and not MOVE.search(english)
    ]
    assert wrong == []


def test_a_step_a_cooperation_is_at_is_a_tahap():
    wrong = [
        (english, indonesian)
        for english, indonesian in _entries()
        if STEP.search(english) and not MOVE.search(english) and "tahap" not in indonesian.lower()
    ]
    assert wrong == []


def test_what_cannot_be_undone_is_not_said_with_the_word_for_cancel():
    """ "Batalkan kerja sama… Tidak dapat dibatalkan." read as "Cancel the cooperation… It
    cannot be cancelled": the move's own word, "batal", said that the button would not work.
    What cannot be undone "tidak dapat diurungkan"."""
    undo = re.compile(r"\bundo(ne)?\b", re.I)
    wrong = [
        (english, indonesian)
        for english, indonesian in _entries()
        if undo.search(english)
        and ("batal" in indonesian.lower() or "diurungkan" not in indonesian)
    ]
    assert wrong == []
