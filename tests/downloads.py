"""Asking for a file the worker makes, as a person does: ask (POST), the worker runs the queued
task, then the person downloads the file from its page."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.test import Client
from django.urls import resolve, reverse
from django_tasks_db.models import DBTaskResult

from mitra.downloads.tasks import build_generated_file


@dataclass(frozen=True)
class Fetched:
    """The downloaded file, read like a test client's response."""

    status_code: int
    content: bytes
    headers: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, name: str) -> str:
        return self.headers[name]


def ask(client: Client, url: str, data: dict[str, object] | None = None) -> int:
    """Ask for the file at `url` (with `data` as its query); the generated file's id."""
    address = f"{url}?{urlencode(data, doseq=True)}" if data else url
    asked = client.post(address)
    assert asked.status_code == 302, asked.status_code
    match = resolve(asked.url)
    assert match.view_name == "downloads:status"
    return int(match.kwargs["pk"])


def run_the_worker() -> list[str]:
    """Run every queued file-building task, as `mitra db_worker` would; their log lines."""
    queued = DBTaskResult.objects.filter(
        status="READY", task_path=build_generated_file.module_path
    ).order_by("enqueued_at")
    lines = []
    for result in queued:
        lines.append(build_generated_file.call(*result.args_kwargs["args"]))
        DBTaskResult.objects.filter(pk=result.pk).update(status="SUCCESSFUL")
    return lines


def download(client: Client, pk: int) -> Fetched:
    response = client.get(reverse("downloads:download", args=[pk]))
    content = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return Fetched(response.status_code, content, dict(response.items()))


def through_the_worker(client: Client, url: str, data: dict[str, object] | None = None) -> Fetched:
    """The file at `url` as its asker gets it once the worker has made it."""
    pk = ask(client, url, data)
    run_the_worker()
    return download(client, pk)
