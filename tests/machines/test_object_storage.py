"""With MITRA_S3_BUCKET set, uploaded and generated files live in an S3-compatible bucket (a
real server: moto's), and still download only after Mitra's tenant and role check."""

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.urls import reverse

from mitra.cooperations.models import Document
from mitra.cooperations.tests.test_web_documents import document_data, small_pdf
from mitra.implementation import services as implementation
from mitra.implementation.models import Evaluation
from mitra.implementation.tests.conftest import signed_cooperation
from mitra.lib.objectstore import LOCAL_FOLDER, S3_BUCKET, file_storage
from tests.factories import make_cooperation

pytestmark = pytest.mark.django_db

FILE_FIELDS = [
    field
    for model in apps.get_models()
    for field in model._meta.get_fields()
    if isinstance(field, models.FileField)
]


def test_without_a_bucket_files_stay_in_the_local_folder():
    assert file_storage(bucket="") == {"BACKEND": LOCAL_FOLDER}


def test_a_bucket_from_the_environment_keeps_names_and_stays_private():
    made = file_storage(bucket="mitra", endpoint_url="http://127.0.0.1:9000", prefix="/files/")
    assert made["BACKEND"] == S3_BUCKET
    assert made["OPTIONS"]["location"] == "files"
    assert made["OPTIONS"]["file_overwrite"] is False
    assert made["OPTIONS"]["querystring_expire"] <= 60


def test_a_document_uploaded_through_the_form_lands_in_the_bucket(
    files_in_bucket, object_store, client_as, cooperation_officer, tenant
):
    coop = make_cooperation(tenant, title="Makassar–Incheon")
    upload = ContentFile(small_pdf(), name="loi-incheon.pdf")
    response = client_as(cooperation_officer).post(
        reverse("cooperations:add_document", args=[coop.pk]), document_data(file=upload)
    )
    assert response.status_code == 302
    document = Document.objects.get(cooperation=coop)
    key = f"{files_in_bucket}/{document.file.name}"
    assert document.file.name.startswith("documents/") and key.endswith(".pdf")
    assert object_store.keys(files_in_bucket) == [key]
    assert object_store.read(key) == small_pdf()


def test_a_file_in_the_bucket_downloads_for_its_tenant_and_is_404_for_an_outsider(
    files_in_bucket, object_store, client_as, team_reviewer, outsider, tenant
):
    coop = make_cooperation(tenant)
    document = make_document_with_file(coop)
    url = reverse("cooperations:download_document", args=[document.pk])
    response = client_as(team_reviewer).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == small_pdf()
    assert "loi" in response["Content-Disposition"]
    assert client_as(outsider).get(url).status_code == 404


def test_a_file_gone_from_the_bucket_is_a_404_not_a_traceback(
    files_in_bucket, object_store, client_as, team_reviewer, tenant
):
    document = make_document_with_file(make_cooperation(tenant))
    object_store.client().delete_object(
        Bucket=object_store.bucket, Key=f"{files_in_bucket}/{document.file.name}"
    )
    url = reverse("cooperations:download_document", args=[document.pk])
    assert client_as(team_reviewer).get(url).status_code == 404


def test_a_generated_evaluation_report_lands_in_the_bucket_and_downloads_for_its_tenant(
    files_in_bucket, object_store, client_as, cooperation_officer, outsider, tenant
):
    coop, _ = signed_cooperation(tenant)
    evaluation = implementation.record_evaluation(
        coop,
        by=cooperation_officer,
        with_pdf=True,
        today=coop.created_at.date(),
        period_start=coop.created_at.date(),
        period_end=coop.created_at.date(),
        date=coop.created_at.date(),
        outputs_achieved="57 gerai dibuka.",
        benefits="",
        partner_responsiveness=4,
        recommendation=Evaluation.Recommendation.CONTINUE,
    )
    key = f"{files_in_bucket}/{evaluation.report.file.name}"
    assert object_store.keys(files_in_bucket) == [key]
    assert object_store.read(key).startswith(b"%PDF-")
    url = reverse("cooperations:download_document", args=[evaluation.report.pk])
    response = client_as(cooperation_officer).get(url)
    assert b"".join(response.streaming_content) == object_store.read(key)
    assert client_as(outsider).get(url).status_code == 404


@pytest.mark.parametrize("field", FILE_FIELDS, ids=lambda f: f"{f.model._meta.label}.{f.name}")
def test_every_file_field_goes_through_the_configured_storage(field, files_in_bucket, object_store):
    assert field.storage is default_storage  # no storage of its own
    stored = getattr(field.model(), field.name)
    stored.save("probe.pdf", ContentFile(b"probe"), save=False)  # the field's own upload_to
    assert object_store.keys(files_in_bucket) == [f"{files_in_bucket}/{stored.name}"]


def test_the_project_has_the_file_fields_this_module_knows():
    """A new FileField is covered by the test above; this names them so a review sees it."""
    assert sorted(f"{f.model._meta.label}.{f.name}" for f in FILE_FIELDS) == [
        "cooperations.Document.file",
        "downloads.GeneratedFile.file",
        "followups.Activity.attachment",
        "implementation.ProgressUpdate.evidence_file",
        "imports.ImportRun.file",
    ]


def make_document_with_file(coop):
    from tests.factories import make_document

    document = make_document(coop)
    document.file.save("loi.pdf", ContentFile(small_pdf()), save=True)
    return document
