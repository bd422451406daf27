"""PDF documents from HTML with WeasyPrint: Mitra's shared print stylesheet, then the document's.

WeasyPrint is not a browser: it runs no script and fetches nothing but the stylesheets given
here, so the pages' Content-Security-Policy has no part in it.
"""

from collections.abc import Callable
from pathlib import Path

BASE_CSS = Path(__file__).with_name("print.css")


def html_to_pdf(
    html: str, stylesheet: Path, *, laid_out: Callable[[], object] | None = None
) -> bytes:
    """`html` laid out with the shared rules and then `stylesheet` (page size, type size...);
    `laid_out` is called between the layout and the writing (a long document's progress)."""
    # Imported here: loading WeasyPrint takes seconds, which no page but a PDF should pay.
    from weasyprint import CSS, HTML

    source = HTML(string=html, base_url=str(stylesheet.parent))
    sheets = [CSS(filename=str(BASE_CSS)), CSS(filename=str(stylesheet))]
    document = source.render(stylesheets=sheets)
    if laid_out is not None:
        laid_out()
    pdf: bytes = document.write_pdf()
    return pdf
