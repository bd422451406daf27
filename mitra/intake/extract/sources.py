"""Read an article file as the text the extractor sees: .txt and .md as they are, .html with
its tags stripped (the stdlib parser; evidence offsets refer to the stripped text).

Block elements (p, h1, li, br, blockquote ...) end a line, so a paragraph, a heading and a
"Baca juga" link stay on lines of their own; script, style and head say nothing of the story.
"""

from html.parser import HTMLParser
from pathlib import Path

SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})
BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
SILENT = frozenset({"script", "style", "head", "noscript", "template", "svg"})


class SourceError(Exception):
    """A file that cannot be read as an article; `reason` says why, in one word."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason  # missing, directory, unreadable, encoding, unsupported


class TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.silent = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SILENT:
            self.silent += 1
        elif tag in BLOCKS:
            self.newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in SILENT:
            self.silent = max(0, self.silent - 1)
        elif tag in BLOCKS:
            self.newline()

    def handle_data(self, data: str) -> None:
        if not self.silent:
            self.parts.append(data)

    def newline(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")


def strip_html(markup: str) -> str:
    parser = TextOnly()
    parser.feed(markup)
    parser.close()
    lines = ("".join(parser.parts)).split("\n")
    kept = [" ".join(line.split()) for line in lines]
    return "\n".join(line for line in kept if line).strip() + "\n"


def read_source(path: Path) -> str:
    """The article's text, or SourceError for a missing, unreadable or unsupported file."""
    suffix = path.suffix.lower()
    if path.is_dir():
        raise SourceError("directory", "is a directory")
    if suffix not in SUFFIXES:
        raise SourceError("unsupported", f"unsupported file type {suffix or '(none)'}")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SourceError("missing", "no such file") from None
    except IsADirectoryError:
        raise SourceError("directory", "is a directory") from None
    except OSError as error:
        raise SourceError("unreadable", error.strerror or "cannot be read") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError("encoding", "not UTF-8 text") from None
    return strip_html(text) if suffix in {".html", ".htm"} else text
