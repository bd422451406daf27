"""Fail unless the Indonesian catalogue is complete: no untranslated and no fuzzy entry.

Usage: python scripts/check_catalogue.py [path/to/django.po]   (run by scripts/test.sh and make check)

msgfmt silently skips fuzzy and empty entries, so the interface would fall back to English
without any error; this check makes that a failure instead.
"""

import sys
from pathlib import Path

from babel.messages.catalog import Message
from babel.messages.pofile import read_po

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "id" / "LC_MESSAGES" / "django.po"


def where(message: Message) -> str:
    places = [f"{path}:{line}" if line else str(path) for path, line in message.locations]
    return ", ".join(places) or "no location"


def is_translated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    return all(strings)


def problems(path: Path) -> list[str]:
    """Each untranslated or fuzzy entry of the catalogue at `path`, one line each."""
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="id", abort_invalid=True)
    found = []
    if catalog.fuzzy:
        found.append("the header is marked fuzzy: delete the '#, fuzzy' line above the first msgid")
    for message in catalog:
        if not message.id:  # the header entry
            continue
        msgid = message.id[0] if isinstance(message.id, tuple | list) else message.id
        if message.fuzzy:
            found.append(f"fuzzy: {msgid!r} ({where(message)})")
        elif not is_translated(message):
            found.append(f"untranslated: {msgid!r} ({where(message)})")
    return found


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else CATALOGUE
    if not path.is_file():
        print(f"{path}: no catalogue; run `make messages` and translate it.", file=sys.stderr)
        return 1
    try:
        found = problems(path)
    except Exception as error:  # Babel raises several types for a malformed file
        print(f"{path}: cannot be read: {error}", file=sys.stderr)
        return 1
    if found:
        print(f"{path}: {len(found)} entries need a translator:", file=sys.stderr)
        for line in found:
            print(f"  {line}", file=sys.stderr)
        print("Translate them (and remove '#, fuzzy' flags once checked).", file=sys.stderr)
        return 1
    print(f"{path}: complete.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
