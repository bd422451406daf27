"""An action that cannot be undone asks first, on a page of its own (issue 14).

"Batalkan tugas" cancelled a task at one click, for good, with no reason (the reason field sat
in the form beside it, "Selesai"'s); "Hapus" deleted a partner's contact at one click. Every
address whose name says it ends, voids, removes or revokes something is listed here: either it
asks first (its page is reached by a link, and no template posts to it straight from a button),
or one click is fine, with the reason why. A new such address fails until it is placed.
"""

import re
from pathlib import Path

from tests.shared import url_views

ROOT = Path(__file__).resolve().parents[1]
CLOSING = re.compile(
    r"cancel|void|delete|remove|revoke|unpublish|withdraw|reject|discard|dismiss|complete|decide"
)
ASKS_FIRST = {
    "cooperations:void_document",
    "followups:void_activity",
    "followups:cancel_task",
    "events:void_signing",
    "partners:remove_contact",
}
ONE_CLICK = {
    "events:cancel": "a signing taken off the agenda is put on it again from the same page",
    "portal:unpublish": "publishing again restores the public page, text included",
    "events:revoke_feed": "a leaked calendar address must stop at once; a new one is one click",
    "api_tokens:revoke": "a leaked token must stop at once; a new one is one click",
    "followups:complete_task": "closing one's own task is the day's normal act, its note beside it",
    "intake:dismiss": "a section of its own with a reason; the article may be submitted again",
    "reviews:decide": "the decision form is itself the question: a choice and a note, then one button",
}
# Django's admin asks first itself; the API's callers are programs.
NOT_PAGES = ("admin:", "api:")


def _closing_addresses() -> set[str]:
    return {
        name
        for name, _view in url_views()
        if name and CLOSING.search(name.split(":")[-1]) and not name.startswith(NOT_PAGES)
    }


def test_every_closing_address_is_placed():
    assert _closing_addresses() == ASKS_FIRST | set(ONE_CLICK)
    assert not ASKS_FIRST & set(ONE_CLICK)


def _templates() -> list[Path]:
    return [
        path for folder in (ROOT / "mitra", ROOT / "templates") for path in folder.rglob("*.html")
    ]


def test_no_button_does_at_once_what_asks_first():
    straight = re.compile(
        r"<form[^>]*(?:action|hx-post)=\"\{% url '(" + "|".join(ASKS_FIRST) + r")'", re.S
    )
    found = [
        f"{path.relative_to(ROOT)}: {match.group(1)}"
        for path in _templates()
        for match in straight.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_scan_finds_a_button_that_cancels_at_once():
    straight = re.compile(r"<form[^>]*(?:action|hx-post)=\"\{% url '(followups:cancel_task)'")
    old = '<form method="post" action="{% url \'followups:cancel_task\' task.pk %}" hx-post='
    assert straight.search(old)
