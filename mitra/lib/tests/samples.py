"""Small real files of each type Mitra accepts, and hostile ones dressed up as them."""

import io
import zipfile

from PIL import Image
from pypdf import PdfWriter

# A web page with a script behind a PDF header: what a browser would sniff and run.
DISGUISED_HTML = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n"


def pdf(title: str = "LoI Makassar-Incheon") -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def image(kind: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, kind)
    return buffer.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx() -> bytes:
    return _zip(
        {
            "[Content_Types].xml": b'<?xml version="1.0"?><Types/>',
            "word/document.xml": b'<?xml version="1.0"?><w:document/>',
        }
    )


def odt() -> bytes:
    return _zip(
        {
            "mimetype": b"application/vnd.oasis.opendocument.text",
            "content.xml": b'<?xml version="1.0"?><office:document-content/>',
        }
    )


def oversized(limit: int) -> bytes:
    """A real PDF padded past `limit` bytes."""
    return pdf() + b"%" * (limit + 1)
