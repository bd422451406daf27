"""Downloads of stored uploads: the file under its own name, or a 404 that says why."""

import pytest
from django.core.files.base import ContentFile
from django.http import Http404
from django.utils import translation

from mitra.cooperations.models import Document
from mitra.lib.files import download
from tests.factories import make_cooperation, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(tenant) -> Document:
    found = make_document(make_cooperation(tenant), kind=Document.Kind.LETTER_OF_INTENT)
    found.file.save("loi-makassar-gothenburg.pdf", ContentFile(b"%PDF-1.4 signed"), save=True)
    return found


def test_a_stored_file_comes_back_as_an_attachment_under_its_name(document):
    response = download(document.file, none="no file", fallback_name="document")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 signed"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "loi-makassar-gothenburg" in response["Content-Disposition"]


def test_a_record_without_a_file_is_a_404_saying_so(tenant):
    empty = make_document(make_cooperation(tenant))
    with pytest.raises(Http404, match="This document has no file"):
        download(empty.file, none="This document has no file.", fallback_name="document")


def test_a_file_gone_from_storage_is_a_404_not_a_traceback(document):
    document.file.storage.delete(document.file.name)
    with translation.override("en"), pytest.raises(Http404, match="missing from storage"):
        download(document.file, none="no file", fallback_name="document")


def test_an_outsider_cannot_download_this_tenants_document(client_as, outsider, document):
    url = f"/cooperations/documents/{document.pk}/download/"
    assert client_as(outsider).get(url).status_code == 404
