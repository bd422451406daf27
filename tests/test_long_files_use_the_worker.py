"""Every download that grows with a tenant is made by the background worker, never inside a web
request (issue 15: a big city's yearly PDF took 49 s and was killed at the server's timeout).

The downloads are found by walking the URL patterns: a view whose code answers with a file
(an attachment, a `FileResponse`, a spreadsheet or a PDF) must be named in BOUNDED with the
reason its file stays small, and a view whose file the worker makes is marked
`@made_by_the_worker` and listed in WORKER. Each of those is then asked for as a person does:
the page asks first, the POST queues one file and one task and answers with its status page,
and the request writes no spreadsheet, CSV or PDF itself (the writers refuse to run during it).
"""

import inspect
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from mitra.downloads.models import GeneratedFile
from mitra.downloads.tasks import build_generated_file
from tests.downloads import download, run_the_worker
from tests.shared import url_views

ROOT = Path(__file__).resolve().parents[1]
ANSWERS_WITH_A_FILE = re.compile(
    r"Content-Disposition|FileResponse|as_attachment|xlsx_response|csv_response|"
    r"render_\w*pdf|to_pdf\(|\bdownload\(|\bstream\("
)

# Downloads a request still makes itself, and why they stay small whatever the tenant's size.
BOUNDED = {
    "cooperations:download_document": "one stored document, streamed from storage",
    "followups:attachment": "one stored attachment of an activity, streamed",
    "implementation:evidence": "one stored piece of progress evidence, streamed",
    "implementation:evaluation_pdf": "one evaluation of one cooperation: a few pages",
    "reviews:document": "one stored document, streamed to the central reviewer",
    "imports:template": "an empty register: its header row and a few example rows",
    "downloads:download": "a file the worker already made, streamed from storage",
}

# Downloads the worker makes (URL name, arguments): each grows with the tenant.
WORKER = {
    "reports:pdf": [],
    "reports:xlsx": [],
    "cooperations:export_xlsx": [],
    "cooperations:export_csv": [],
    "staff:capacity_xlsx": [],
    "staff:capacity_csv": ["overdue"],
    "implementation:export": [],
}


def _source(view: object) -> str:
    try:
        return inspect.getsource(inspect.unwrap(view))
    except (OSError, TypeError):
        return ""


def test_every_view_answering_with_a_file_is_bounded_or_made_by_the_worker():
    views = list(url_views())
    answering = {name for name, view in views if ANSWERS_WITH_A_FILE.search(_source(view))}
    marked = {name for name, view in views if getattr(view, "made_by_the_worker", False)}
    assert answering - set(BOUNDED) == set(), "make it with the worker, or say why it is bounded"
    assert set(BOUNDED) <= answering, "BOUNDED names a view that no longer answers with a file"
    assert marked == set(WORKER)
    assert marked & answering == set(), "a view made by the worker builds no file itself"


TEMPLATES = sorted([*ROOT.glob("templates/**/*.html"), *ROOT.glob("mitra/*/templates/**/*.html")])
DOWNLOAD_LINK = re.compile(r"<a\b[^>]*\bdownload\b[^>]*>", re.DOTALL)
URL_NAME = re.compile(r"\{%\s*url\s+'([^']+)'")


def test_a_link_saving_its_answer_as_a_file_leads_to_a_file_not_to_a_page():
    """Issue 14: the list's "Ekspor CSV" carried `download`, and the browser saved the page
    asking for the file as "export.html". A link with `download` names a view answering with
    the file itself; a file the worker makes is asked for through its page, a plain link."""
    views = dict(url_views())
    links = [
        (path.name, name)
        for path in TEMPLATES
        for link in DOWNLOAD_LINK.findall(path.read_text())
        for name in URL_NAME.findall(link)
    ]
    assert links, "no download link found"
    to_pages = [(where, name) for where, name in links if name in WORKER or name not in views]
    assert to_pages == []
    assert {name for _where, name in links} <= set(BOUNDED)


@pytest.fixture
def writers_refuse(monkeypatch):
    """Make writing a workbook, a CSV or a PDF fail loudly while the request runs."""

    def refuse(*args, **kwargs):
        raise AssertionError("the web request built the file itself")

    monkeypatch.setattr("mitra.lib.sheets.save", refuse)
    monkeypatch.setattr("mitra.lib.sheets.to_csv", refuse)
    monkeypatch.setattr("mitra.lib.reports.html_to_pdf", refuse)
    yield
    monkeypatch.undo()


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "args"), WORKER.items(), ids=list(WORKER))
def test_asking_for_a_growing_file_queues_it_and_builds_nothing_in_the_request(
    client_as, tenant_admin, outsider, name, args, writers_refuse
):
    client = client_as(tenant_admin)
    url = reverse(name, args=args)
    confirmation = client.get(url)
    assert confirmation.status_code == 200
    assert not confirmation.has_header("Content-Disposition")
    assert not GeneratedFile.objects.exists()

    asked = client.post(url)
    made = GeneratedFile.objects.get()
    assert asked.status_code == 302
    assert asked.url == reverse("downloads:status", args=[made.pk])
    assert (made.status, made.progress, made.file.name) == ("queued", 0, "")
    task = DBTaskResult.objects.get(status="READY")
    assert task.task_path == build_generated_file.module_path
    assert task.args_kwargs["args"] == [made.pk]
    assert client.post(url).url == asked.url, "asking again while it waits finds the same file"
    assert download(client_as(outsider), made.pk).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "args"), WORKER.items(), ids=list(WORKER))
def test_the_worker_makes_each_growing_file_for_its_asker(
    client_as, tenant_admin, outsider, name, args
):
    client = client_as(tenant_admin)
    client.post(reverse(name, args=args))
    made = GeneratedFile.objects.get()
    assert download(client, made.pk).status_code == 404, "not before the worker made it"
    (line,) = run_the_worker()
    assert line.endswith(" bytes")
    fetched = download(client, made.pk)
    assert fetched.status_code == 200
    assert fetched.content
    assert fetched["Content-Disposition"].startswith("attachment;")
    assert download(client_as(outsider), made.pk).status_code == 404
