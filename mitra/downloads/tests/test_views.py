"""The file's page follows it (htmx) until it is ready; My files lists a person's own files;
each file is its requester's alone within their tenant."""

import pytest
from django.urls import reverse

from mitra.downloads.models import GeneratedFile
from mitra.downloads.services import request_file
from mitra.tenancy.models import Membership
from tests.downloads import download, run_the_worker
from tests.factories import make_user

pytestmark = pytest.mark.django_db

PERIOD = {"period": ["year"], "year": ["2024"]}


@pytest.fixture
def made(tenant, leadership):
    return request_file(tenant, by=leadership, kind="reports.xlsx", params=PERIOD, language="id")


def status(client, made, htmx=False):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.get(reverse("downloads:status", args=[made.pk]), headers=headers)


def test_a_waiting_file_shows_its_progress_and_polls_for_more(client_as, leadership, made):
    html = status(client_as(leadership), made).content.decode()
    assert "<html" in html
    assert 'hx-trigger="every 2s"' in html and '<progress max="100" value="0">' in html
    assert reverse("downloads:download", args=[made.pk]) not in html
    assert "style=" not in html and "<script>" not in html


def test_the_polled_fragment_follows_the_worker_and_stops_polling_once_ready(
    client_as, leadership, made
):
    client = client_as(leadership)
    GeneratedFile.objects.filter(pk=made.pk).update(status="running", progress=40)
    fragment = status(client, made, htmx=True).content.decode()
    assert "<html" not in fragment
    assert 'value="40"' in fragment and "hx-get" in fragment
    GeneratedFile.objects.filter(pk=made.pk).update(status="queued", progress=0)
    run_the_worker()
    fragment = status(client, made, htmx=True).content.decode()
    assert "hx-get" not in fragment
    assert reverse("downloads:download", args=[made.pk]) in fragment
    assert "Berkas sudah siap." in fragment


def test_a_failed_file_says_so_in_indonesian_without_a_traceback(client_as, leadership, tenant):
    bad = {"period": ["year"], "year": ["abc"]}
    failed = request_file(tenant, by=leadership, kind="reports.pdf", params=bad, language="id")
    run_the_worker()
    html = status(client_as(leadership), failed).content.decode()
    assert "Periode laporan tidak sah" in html
    assert "Traceback" not in html and "hx-get" not in html
    assert download(client_as(leadership), failed.pk).status_code == 404


def test_the_download_streams_the_file_under_its_name(client_as, leadership, made):
    run_the_worker()
    made.refresh_from_db()
    fetched = download(client_as(leadership), made.pk)
    assert fetched.status_code == 200
    assert fetched["Content-Disposition"] == f'attachment; filename="{made.file_name}"'
    assert fetched["Content-Type"] == made.content_type
    assert fetched.content == made.file.open("rb").read()


@pytest.mark.parametrize("page", ["downloads:status", "downloads:download"])
def test_an_outsider_and_another_member_of_the_tenant_get_404(
    client_as, outsider, tenant, made, page
):
    run_the_worker()
    colleague = make_user(tenant, Membership.Role.TENANT_ADMIN)
    for user in (outsider, colleague):
        assert client_as(user).get(reverse(page, args=[made.pk])).status_code == 404


def test_my_files_lists_only_my_own_files_in_my_tenant(
    client_as, leadership, cooperation_officer, outsider, other_tenant, made
):
    theirs = request_file(
        other_tenant, by=outsider, kind="reports.xlsx", params=PERIOD, language="id"
    )
    run_the_worker()
    made.refresh_from_db()
    html = client_as(leadership).get(reverse("downloads:index")).content.decode()
    assert made.file_name in html
    assert reverse("downloads:status", args=[made.pk]) in html
    assert reverse("downloads:status", args=[theirs.pk]) not in html
    colleague_page = client_as(cooperation_officer).get(reverse("downloads:index"))
    assert made.file_name not in colleague_page.content.decode()


def test_my_files_costs_the_same_queries_however_many_files(
    client_as, leadership, tenant, django_assert_max_num_queries
):
    for year in range(2000, 2030):
        params = {"period": ["year"], "year": [str(year)]}
        request_file(tenant, by=leadership, kind="reports.xlsx", params=params, language="id")
    client = client_as(leadership)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("downloads:index"))
    assert response.status_code == 200


def test_a_visitor_must_log_in_and_a_central_reviewer_has_no_files(
    client, client_as, central_reviewer
):
    assert client.get(reverse("downloads:index")).status_code == 302
    assert client_as(central_reviewer).get(reverse("downloads:index")).status_code == 403
