"""The admin's index reads as Indonesian headings in one style (issue 14).

Its headings are the apps' and the models' names. Among "Kerja sama" and "Pemerintah daerah"
stood Django's "Autentikasi dan Otorisasi" (a capital in mid-heading), the apps Mitra installs
named themselves in English ("Axes", "Tasks Database Backend", "Task Results"), and a screen
reader was told Django's "Rubah atau tampilkan tautan kunjungan" for each row's links. On the
index as the superuser sees it (every app), each app and model heading:

- is in sentence case: after its first word, a capital starts only an abbreviation ("OPD",
  "API") or a proper name;
- is not its English name (except where the two are the same words);

and the column headings are Mitra's, not Django's awkward ones.
"""

import re
from html.parser import HTMLParser

import pytest
from babel.messages.pofile import read_po
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst

from tests.english import django_catalogue

pytestmark = pytest.mark.django_db

PROPER_NAMES = {"Indonesia", "Kemendagri"}
SAME_IN_BOTH = {"REST API"}
COLUMN_HEADINGS = ["Model name", "Add link", "Change or view list link"]


class Headings(HTMLParser):
    """The index's app headings (captions), model headings (row headings) and column headings."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, list[str]] = {"caption": [], "row": [], "col": []}
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "caption":
            self._in = "caption"
        elif tag == "th":
            self._in = "col" if ("scope", "col") in attrs else "row"
        if self._in:
            self.found[self._in].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"caption", "th"}:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.found[self._in][-1] += data


def headings(html: str) -> dict[str, list[str]]:
    parser = Headings()
    parser.feed(html[html.index('id="content-main"') :])
    return {kind: [" ".join(t.split()) for t in texts] for kind, texts in parser.found.items()}


def capitals_in_mid_heading(text: str) -> list[str]:
    words = re.findall(r"[\w-]+", text)[1:]
    return [w for w in words if w[0].isupper() and not w.isupper() and w not in PROPER_NAMES]


def english_names() -> set[str]:
    with translation.override("en"):
        names = {capfirst(str(config.verbose_name)) for config in apps.get_app_configs()}
        names |= {capfirst(str(model._meta.verbose_name_plural)) for model in admin.site._registry}
    return names - SAME_IN_BOTH


def test_a_capital_in_mid_heading_is_found():
    assert capitals_in_mid_heading("Autentikasi dan Otorisasi") == ["Otorisasi"]
    assert capitals_in_mid_heading("Perangkat daerah (OPD)") == []
    assert capitals_in_mid_heading("Wilayah Indonesia") == []


def test_the_admin_index_reads_as_indonesian_headings_in_one_style(client):
    client.force_login(User.objects.create_superuser("root", "root@example.org", "x"))
    found = headings(client.get(reverse("admin:index")).content.decode())
    shown = found["caption"] + found["row"]
    assert len(found["caption"]) >= 15
    assert {t: capitals_in_mid_heading(t) for t in shown if capitals_in_mid_heading(t)} == {}
    assert sorted(set(shown) & english_names()) == []
    with django_catalogue("contrib/admin", "id").open("rb") as file:
        djangos = {m.id: m.string for m in read_po(file) if m.id in COLUMN_HEADINGS}
    assert len(djangos) == len(COLUMN_HEADINGS)
    assert set(found["col"]) & set(djangos.values()) == set()
