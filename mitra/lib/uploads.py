"""The one check every uploaded file passes: size, name and what the bytes really are.

A file is judged by its content, not by the name or the type the browser claims: a PDF must
parse as a PDF, a DOCX, ODT or XLSX must be a sound zip with its own parts (and not a zip bomb),
an image must decode as the image its name says. A web page is refused under any name that is
not itself a text type, so nothing a browser could run is stored and served back.

The check is a validator: forms use `UploadField` (a test makes sure every form file field is
one) and each model `FileField` carries `UploadValidator`, so the admin checks too. The API
calls `upload_problems` directly.
"""

import io
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import IO, Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

HEAD_BYTES = 1024
# Anything a browser would render as a page or run, wherever it hides in the first kilobyte.
MARKUP = (b"<html", b"<script", b"<!doctype", b"<body", b"<head", b"<svg", b"<iframe", b"<?php")
# An office file or register unpacks to a few megabytes; a bomb declares gigabytes.
MAX_ZIP_MEMBERS = 500
MAX_ZIP_UNPACKED = 100 * 1024 * 1024
MAX_ZIP_RATIO = 100  # for members over a megabyte; XML packs about ten to one


class Unacceptable(ValueError):
    """The bytes are not what the name says; the message says why, for the user."""


def looks_like_markup(head: bytes) -> bool:
    lowered = head.lower()
    return any(marker in lowered for marker in MARKUP)


def zip_problems(archive: zipfile.ZipFile) -> list[str]:
    """Why a zip cannot be unpacked safely, judged from its directory before reading anything."""
    members = archive.infolist()
    unpacked = sum(member.file_size for member in members)
    bomb = any(
        m.file_size > 1024 * 1024 and m.file_size > MAX_ZIP_RATIO * max(m.compress_size, 1)
        for m in members
    )
    if len(members) > MAX_ZIP_MEMBERS or unpacked > MAX_ZIP_UNPACKED or bomb:
        return [_("The file unpacks to far more than it holds; Mitra does not open it.")]
    return []


def _zip_with(stream: IO[bytes], *parts: str, mimetype: bytes | None = None) -> None:
    try:
        with zipfile.ZipFile(stream) as archive:
            problems = zip_problems(archive)
            if problems:
                raise Unacceptable(problems[0])
            names = set(archive.namelist())
            if not set(parts) <= names:
                raise Unacceptable(
                    _("The file's content does not match its name; it may be damaged.")
                )
            if mimetype is not None and archive.read("mimetype").strip() != mimetype:
                raise Unacceptable(
                    _("The file's content does not match its name; it may be damaged.")
                )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, EOFError):
        raise Unacceptable(
            _("The file's content does not match its name; it may be damaged.")
        ) from None


def _pdf(stream: IO[bytes]) -> None:
    from pypdf import PdfReader  # loaded when a PDF is uploaded, not at start-up

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(stream, strict=False)
            if reader.is_encrypted:
                reader.decrypt("")
            pages = len(reader.pages)
    except Exception:  # pypdf raises many kinds for a broken file
        pages = 0
    if pages < 1:
        raise Unacceptable(
            _("The PDF could not be read; it may be damaged or protected by a password.")
        )


def _image(stream: IO[bytes], expected: str) -> None:
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(stream) as image:
                found = image.format
                image.verify()
    except Exception:  # Pillow raises many kinds for a broken image
        found = None
    if found != expected:
        raise Unacceptable(_("The file's content does not match its name; it may be damaged."))


def _text(stream: IO[bytes]) -> None:
    head = stream.read(64 * 1024)
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Unacceptable(_("This is not a text file."))


def _any(stream: IO[bytes]) -> None:
    """Read later by a reader that says what is wrong (the register's old .xls)."""


Sniffer = Callable[[IO[bytes]], None]
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".xlsm": (b"PK\x03\x04",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}
SNIFFERS: dict[str, Sniffer] = {
    ".pdf": _pdf,
    ".docx": lambda s: _zip_with(s, "[Content_Types].xml", "word/document.xml"),
    ".odt": lambda s: _zip_with(
        s, "mimetype", "content.xml", mimetype=b"application/vnd.oasis.opendocument.text"
    ),
    ".xlsx": lambda s: _zip_with(s, "[Content_Types].xml", "xl/workbook.xml"),
    ".xlsm": lambda s: _zip_with(s, "[Content_Types].xml", "xl/workbook.xml"),
    ".jpg": lambda s: _image(s, "JPEG"),
    ".jpeg": lambda s: _image(s, "JPEG"),
    ".png": lambda s: _image(s, "PNG"),
    ".csv": _text,
    ".tsv": _text,
    ".txt": _text,
    ".md": _text,
    ".html": _text,
    ".htm": _text,
    ".xls": _any,
}


@dataclass(frozen=True)
class Policy:
    """What one kind of upload may be: its extensions, its size and how a refusal reads."""

    extensions: tuple[str, ...]
    max_bytes: Callable[[], int]
    wrong_type: Promise
    help_text: Promise
    markup_allowed: frozenset[str] = field(default_factory=frozenset)


POLICIES: dict[str, Policy] = {
    # Files attached to documents, activities and progress reports, kept and downloaded again.
    "documents": Policy(
        (".pdf", ".docx", ".odt", ".jpg", ".jpeg", ".png"),
        lambda: int(settings.MITRA_UPLOAD_MAX_BYTES),
        gettext_lazy("Only PDF, DOCX, ODT, JPG and PNG files can be uploaded."),
        gettext_lazy("PDF, DOCX, ODT, JPG or PNG, at most %(limit)s."),
    ),
    # A register to import; .xls passes so that the reader can say what to do with it.
    "registers": Policy(
        (".xlsx", ".xlsm", ".csv", ".txt", ".tsv", ".xls"),
        lambda: 5 * 1024 * 1024,
        gettext_lazy("Upload an Excel workbook (.xlsx) or a CSV file."),
        gettext_lazy(
            "An Excel workbook (.xlsx) or a CSV file, at most %(limit)s, with one row per cooperation."
        ),
    ),
    # News articles, read as text and never served back as files.
    "articles": Policy(
        (".txt", ".md", ".html", ".htm"),
        lambda: 1024 * 1024,  # a news article is a few kilobytes
        gettext_lazy("Only .txt, .md and .html files can be read."),
        gettext_lazy(".txt, .md or .html, at most %(limit)s each."),
        frozenset({".txt", ".md", ".html", ".htm"}),
    ),
}


def _check(stream: IO[bytes], name: str, size: int | None, policy: Policy) -> None:
    limit = policy.max_bytes()
    if size is not None and size > limit:
        raise Unacceptable(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )
    extension = PurePath(name).suffix.lower()
    if extension not in policy.extensions:
        raise Unacceptable(str(policy.wrong_type))
    stream.seek(0)
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    if extension not in policy.markup_allowed and looks_like_markup(head):
        raise Unacceptable(_("The file is a web page (HTML), which cannot be uploaded here."))
    if not head.startswith(SIGNATURES.get(extension, (b"",))):
        raise Unacceptable(_("The file's content does not match its name; it may be damaged."))
    SNIFFERS[extension](stream)


def upload_problems(upload: File[Any], policy: str) -> list[str]:
    """Why an uploaded file cannot be kept, if it cannot, in the user's language."""
    name = PurePath(upload.name or "").name
    try:
        _check(upload, name, upload.size, POLICIES[policy])
    except Unacceptable as refusal:
        return [_("“%(name)s”: %(problem)s") % {"name": name, "problem": refusal}]
    finally:
        upload.seek(0)
    return []


def content_problems(name: str, content: bytes, policy: str) -> list[str]:
    """The same check for bytes already read (a stored register read again)."""
    return upload_problems(File(io.BytesIO(content), name=name), policy)


@deconstructible
class UploadValidator:
    """The check as a validator, for model and form file fields alike."""

    def __init__(self, policy: str) -> None:
        if policy not in POLICIES:
            raise ValueError(f"Unknown upload policy {policy!r}")
        self.policy = policy

    def __call__(self, value: File[Any]) -> None:
        if isinstance(value, FieldFile):
            if getattr(value, "_committed", True):  # stored already, checked when uploaded
                return
            value = value.file
        problems = upload_problems(value, self.policy)
        if problems:
            raise ValidationError([ValidationError(p, code="upload") for p in problems])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UploadValidator) and other.policy == self.policy

    def __hash__(self) -> int:
        return hash(self.policy)


class UploadField(forms.FileField):
    """The only file field Mitra's forms use: it runs `UploadValidator` and says what fits."""

    def __init__(self, *, policy: str, **kwargs: Any) -> None:
        self.policy = policy
        kwargs.setdefault("widget", self.widget(attrs={"accept": accepted(policy)}))
        super().__init__(**kwargs)
        self.validators.append(UploadValidator(policy))
        if not self.help_text:
            # Lazy: the limit and the language are those of the request, not of start-up.
            self.help_text = lazy(help_text, str)(policy)

    widget = forms.ClearableFileInput


def accepted(policy: str) -> str:
    return ",".join(POLICIES[policy].extensions)


def help_text(policy: str) -> str:
    chosen = POLICIES[policy]
    return str(chosen.help_text) % {"limit": filesizeformat(chosen.max_bytes())}
