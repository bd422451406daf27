"""The English of the interface: texts an Indonesian page must never show whole.

Used by the browser walk of every role (tests/browser/test_every_role_at_both_widths.py) and by
the walk of Django's admin (tests/test_admin_speaks_indonesian.py).
"""

import re
from functools import cache
from pathlib import Path

import django
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
DJANGO = Path(django.__file__).parent
# Django's catalogues whose texts Mitra's pages and its admin show.
DJANGO_CATALOGUES = ("conf", "contrib/auth", "contrib/admin")


def catalogue(path: Path) -> dict[str, str]:
    """A catalogue's singular entries: msgid → msgstr."""
    with path.open("rb") as handle:
        found = read_po(handle)
    return {
        str(message.id): str(message.string)
        for message in found
        if message.id and isinstance(message.id, str) and isinstance(message.string, str)
    }


def django_catalogue(package: str, language: str, domain: str = "django") -> Path:
    return DJANGO / package / "locale" / language / "LC_MESSAGES" / f"{domain}.po"


@cache
def english_msgids() -> frozenset[str]:
    """English originals that an Indonesian page must never show whole: Mitra's msgids with a
    different translation, and Django's msgids that neither Django's Indonesian catalogue nor
    Mitra's translates ("- Select an option -")."""
    mitra = catalogue(ROOT / "locale" / "id" / "LC_MESSAGES" / "django.po")
    english = {msgid for msgid, text in mitra.items() if text and text != msgid}
    for package in DJANGO_CATALOGUES:
        indonesian = catalogue(django_catalogue(package, "id"))
        english |= {
            msgid
            for msgid in catalogue(django_catalogue(package, "en"))
            if not indonesian.get(msgid) and not mitra.get(msgid)
        }
    # A word in both languages, or one a page shows as data, is no sign of English.
    return frozenset(msgid for msgid in english if re.search(r"[a-z]{3}", msgid))
