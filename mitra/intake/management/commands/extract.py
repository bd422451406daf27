"""`mitra extract [--json] FILE...`: read news articles and print the facts they propose.

Each file (.txt, .md, or .html with its tags stripped) gives one line: with --json the object
of `Extraction.as_json` (JSON Lines, docs/intake.md), otherwise a short summary. A file that
cannot be read gets `{"source": path, "error": "..."}` on its line and the others go on; the
exit code is 1 if any file failed. A progress bar shows on a terminal for many files. No
database is touched.
"""

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from mitra.intake.extract import Extraction, get_extractor
from mitra.intake.extract.sources import SourceError, read_source

# With this many files or more, a terminal gets a progress bar on standard error.
PROGRESS_FROM = 10


def reason_text(error: SourceError) -> str:
    return {
        "missing": _("No such file."),
        "directory": _("This is a folder, not a file."),
        "unreadable": _("The file cannot be read."),
        "encoding": _("The file is not UTF-8 text."),
        "unsupported": _("Only .txt, .md and .html files can be read."),
    }.get(error.reason, str(error))


class Command(BaseCommand):
    help = (
        "Read news articles (.txt, .md, .html) and print the cooperation facts they propose: "
        "regions, partners, countries, sectors, stage, people, events and dates, with evidence."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE", help="articles to read")
        parser.add_argument(
            "--json", action="store_true", help="print one JSON object per file (JSON Lines)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        paths = [Path(name) for name in options["files"]]
        failed = 0
        for path in self.progress(paths):
            result = self.read_one(path)
            if "error" in result:
                failed += 1
            self.stdout.write(self.render(result, as_json=options["json"]))
        if failed:
            raise CommandError(
                ngettext(
                    "%(count)d of %(total)d file could not be read.",
                    "%(count)d of %(total)d files could not be read.",
                    len(paths),
                )
                % {"count": failed, "total": len(paths)},
                returncode=1,
            )

    def progress(self, paths: list[Path]) -> Iterable[Path]:
        if len(paths) >= PROGRESS_FROM and sys.stderr.isatty():
            bar: Iterable[Path] = tqdm(paths, file=sys.stderr, unit="file")
            return bar
        return paths

    def read_one(self, path: Path) -> dict[str, Any]:
        source = str(path)
        try:
            text = read_source(path)
        except SourceError as error:
            return {"source": source, "error": reason_text(error)}
        try:
            extraction = get_extractor().extract(text)
        except Exception:
            return {"source": source, "error": _("The text could not be read for facts.")}
        return {"source": source, "extraction": extraction}

    def render(self, result: dict[str, Any], *, as_json: bool) -> str:
        extraction: Extraction | None = result.get("extraction")
        if extraction is None:
            if as_json:
                return json.dumps(result, ensure_ascii=False)
            return _("%(source)s: %(error)s") % result
        if as_json:
            return json.dumps(extraction.as_json(result["source"]), ensure_ascii=False)
        return summary(result["source"], extraction)


def summary(source: str, extraction: Extraction) -> str:
    """A few readable lines about one article."""
    dash = "–"
    lines = [source]
    rows = [
        (_("Regions"), [f"{r.name} ({r.code})" for r in extraction.regions]),
        (
            _("Partners"),
            [f"{p.name} ({p.kind}, {p.country or dash})" for p in extraction.partners],
        ),
        (_("Countries"), [f"{c.name} ({c.code})" for c in extraction.countries]),
        (_("Sectors"), [s.slug for s in extraction.sectors]),
        (_("Stage"), [extraction.stage.slug] if extraction.stage else []),
        (_("People"), [f"{p.name} ({p.role})" for p in extraction.people]),
        (_("Events"), [f"{e.name} ({e.date or dash})" for e in extraction.events]),
        (_("Dates"), list(extraction.dates)),
    ]
    for label, values in rows:
        lines.append(f"  {label}: {'; '.join(values) if values else dash}")
    return "\n".join(lines)
