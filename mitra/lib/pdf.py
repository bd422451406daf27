"""PDF documents from HTML with WeasyPrint: Mitra's shared print stylesheet, then the document's.

WeasyPrint is not a browser: it runs no script and fetches nothing but the stylesheets given
here, so the pages' Content-Security-Policy has no part in it.
"""

from pathlib import Path

BASE_CSS = Path(__file__).with_name("print.css")


def html_to_pdf(html: str, stylesheet: Path) -> bytes:
    """`html` laid out with the shared rules and then `stylesheet` (page size, type size...)."""
    # Imported here: loading WeasyPrint takes seconds, which no page but a PDF should pay.
    from weasyprint import CSS, HTML

    document = HTML(string=html, base_url=str(stylesheet.parent))
    sheets = [CSS(filename=str(BASE_CSS)), CSS(filename=str(stylesheet))]
    pdf: bytes = document.write_pdf(stylesheets=sheets)
    return pdf
