"""A form's address has no fragment, so the page after it has a clean address (issue 14).

The Kemendagri reviewer's decision form posted to ".../decide/#decision" so that a refused
decision came back at the form; but a browser keeps a request's fragment through the redirect
that answers it, and the review queue read ".../reviews/#decision" after every decision. A
refused form is brought into view by focusing its first faulty input instead. This test reads
every template and fails for a form whose action carries a fragment.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted([*ROOT.glob("templates/**/*.html"), *ROOT.glob("mitra/*/templates/**/*.html")])
FORM = re.compile(r"<form\b[^>]*>", re.DOTALL)
ACTION = re.compile(r"""\b(?:hx-post|action)=("[^"]*"|'[^']*')""")


def fragments(source: str) -> list[str]:
    return [
        action
        for form in FORM.findall(source)
        for action in ACTION.findall(form)
        if "#" in re.sub(r"\{[%{#].*?[%}#]\}", "", action)
    ]


def test_the_forms_are_found():
    assert sum(len(FORM.findall(path.read_text())) for path in TEMPLATES) > 50


def test_a_fragment_in_an_action_is_found():
    assert fragments("""<form method="post" action="{% url 'reviews:decide' r.pk %}#decision">""")
    assert not fragments("""<form method="post" action="{% url 'reviews:decide' r.pk %}">""")
    assert not fragments("""<form action="{% url 'x' %}">{# a comment #}""")


def test_no_form_posts_to_an_address_with_a_fragment():
    found = {
        str(path.relative_to(ROOT)): fragments(path.read_text())
        for path in TEMPLATES
        if fragments(path.read_text())
    }
    assert found == {}
