import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from mitra.lib import uploads
from mitra.lib.tests import samples
from mitra.lib.uploads import UploadValidator, upload_problems

pytestmark = pytest.mark.usefixtures("english")


def _problems(name: str, content: bytes, policy: str = "documents") -> list[str]:
    return upload_problems(SimpleUploadedFile(name, content), policy)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("loi.pdf", samples.pdf()),
        ("foto.png", samples.image("PNG")),
        ("foto.jpg", samples.image("JPEG")),
        ("FOTO.JPEG", samples.image("JPEG")),
        ("notulen.docx", samples.docx()),
        ("notulen.odt", samples.odt()),
    ],
)
def test_real_files_of_each_allowed_type_are_accepted(name, content):
    assert _problems(name, content) == []


@pytest.mark.parametrize("extension", uploads.POLICIES["documents"].extensions)
def test_a_web_page_behind_any_allowed_name_is_refused(extension):
    problems = _problems(f"loi{extension}", samples.DISGUISED_HTML)
    assert problems == [
        f"“loi{extension}”: The file is a web page (HTML), which cannot be uploaded here."
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", b"MZ\x90\x00", "Only PDF, DOCX, ODT, JPG and PNG files can be uploaded."),
        ("setup.pdf", b"MZ\x90\x00", "does not match its name"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n", "The PDF could not be read"),
        ("foto.jpg", samples.image("PNG"), "does not match its name"),
        ("foto.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "does not match its name"),
        ("notes.docx", samples.odt(), "does not match its name"),
        ("notes.odt", samples.docx(), "does not match its name"),
        ("notes.docx", b"PK\x03\x04 not a zip", "does not match its name"),
    ],
)
def test_a_file_that_is_not_what_its_name_says_is_refused(name, content, message):
    [problem] = _problems(name, content)
    assert message in problem and name in problem


def test_a_zip_bomb_dressed_as_a_docx_is_refused_from_its_directory_alone():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"\x00" * (30 * 1024 * 1024))
    assert len(buffer.getvalue()) < 100_000
    [problem] = _problems("bom.docx", buffer.getvalue())
    assert "unpacks to far more" in problem


def test_an_oversized_file_is_refused_with_its_size_and_the_limit(settings):
    settings.MITRA_UPLOAD_MAX_BYTES = 1024
    [problem] = _problems("big.pdf", samples.oversized(1024))
    assert "the limit is 1.0\xa0KB" in problem


def test_articles_may_be_html_but_not_binary():
    page = b"<html><body><p>Kerja sama</p></body></html>"
    assert _problems("berita.html", page, "articles") == []
    assert "not a text file" in _problems("berita.txt", b"\x00\x01", "articles")[0]
    assert "Only .txt" in _problems("berita.pdf", samples.pdf(), "articles")[0]


def test_a_register_behind_a_csv_name_must_not_be_a_web_page():
    assert _problems("daftar.csv", b"Judul;Mitra\nA;B\n", "registers") == []
    assert "web page" in _problems("daftar.csv", b"<!DOCTYPE html><html>", "registers")[0]


def test_the_validator_raises_every_problem_and_compares_by_policy():
    with pytest.raises(ValidationError) as raised:
        UploadValidator("documents")(SimpleUploadedFile("x.exe", b"MZ"))
    assert [error.code for error in raised.value.error_list] == ["upload"]
    assert UploadValidator("documents") == UploadValidator("documents")
    assert UploadValidator("documents") != UploadValidator("registers")
    with pytest.raises(ValueError, match="Unknown upload policy"):
        UploadValidator("everything")
