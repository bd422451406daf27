"""/api/v1/documents: a cooperation's documents, their signing parties and their files.

A document is recorded as JSON, then its file is uploaded (multipart) to /documents/{pk}/file,
checked like an upload on the web: PDF, DOCX, ODT, JPG or PNG, its content matching its name,
within the size limit.
"""

import mimetypes

from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Router
from ninja.files import UploadedFile
from ninja.pagination import paginate
from ninja.responses import Status

from mitra.api.binding import as_form_data, check
from mitra.api.errors import READ_ERRORS, WRITE_ERRORS, FormInvalid
from mitra.api.paging import Pagination
from mitra.api.schemas import DocumentIn, DocumentOut
from mitra.cooperations import services
from mitra.cooperations.access import get_cooperation_for_user, get_document_for_user
from mitra.cooperations.forms import DocumentForm, PartyForm
from mitra.cooperations.models import Document
from mitra.cooperations.services import PartyInput
from mitra.lib.files import download
from mitra.lib.uploads import POLICIES, upload_problems
from mitra.tenancy.access import acting_user

router = Router(tags=["documents"])

OCTET_STREAM = "application/octet-stream"
FILE_TYPES = sorted(
    {OCTET_STREAM}
    | {
        mimetypes.guess_type(f"file{ext}")[0] or OCTET_STREAM
        for ext in POLICIES["documents"].extensions
    }
)
DOWNLOAD = {
    200: {
        "description": "The document's file",
        "content": {
            kind: {"schema": {"type": "string", "format": "binary"}} for kind in FILE_TYPES
        },
    }
}


def _document(request: HttpRequest, pk: int) -> Document:
    found = get_document_for_user(request, pk)
    return Document.objects.prefetch_related("parties").get(pk=found.pk)


def _parties(payload: DocumentIn) -> list[PartyInput]:
    return [
        PartyInput(**check(PartyForm(party.dict()), ("body", "parties", number)))
        for number, party in enumerate(payload.parties)
    ]


@router.get("/cooperations/{pk}/documents", response={200: list[DocumentOut], **READ_ERRORS})
@paginate(Pagination)
def list_documents(request: HttpRequest, pk: int) -> QuerySet[Document]:
    """The cooperation's documents, by date of signing."""
    coop = get_cooperation_for_user(request, pk)
    return Document.objects.filter(cooperation=coop).prefetch_related("parties")


@router.post("/cooperations/{pk}/documents", response={201: DocumentOut, **WRITE_ERRORS})
def create_document(request: HttpRequest, pk: int, payload: DocumentIn) -> Status[Document]:
    """Add a document with one number per signing party; upload its file afterwards."""
    coop = get_cooperation_for_user(request, pk, write=True)
    data = check(DocumentForm(coop, as_form_data(payload.dict(exclude={"parties"}))))
    document = services.attach_document(
        coop, by=acting_user(request), parties=_parties(payload), **data
    )
    return Status(201, _document(request, document.pk))


@router.get("/documents/{pk}", response={200: DocumentOut, **READ_ERRORS})
def get_document(request: HttpRequest, pk: int) -> Document:
    return _document(request, pk)


@router.post("/documents/{pk}/file", response={200: DocumentOut, **WRITE_ERRORS})
def upload_file(request: HttpRequest, pk: int, file: File[UploadedFile]) -> Document:
    """Upload (or replace) the document's file, as multipart form data in the field `file`."""
    document = get_document_for_user(request, pk, write=True)
    problems = upload_problems(file, "documents")
    if problems:
        raise FormInvalid({"file": problems})
    services.update_document(document, by=acting_user(request), file=file)
    return _document(request, pk)


@router.get(
    "/documents/{pk}/file",
    response={200: None, **READ_ERRORS},
    openapi_extra={"responses": DOWNLOAD},
)
def download_file(request: HttpRequest, pk: int) -> FileResponse:
    """The document's file; 404 when it has none."""
    document = get_document_for_user(request, pk)
    response = download(
        document.file, none=_("This document has no file."), fallback_name="document"
    )
    kind = mimetypes.guess_type(response.filename or "")[0]
    response["Content-Type"] = kind if kind in FILE_TYPES else OCTET_STREAM
    return response
