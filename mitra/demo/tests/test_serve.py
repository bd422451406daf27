"""`mitra serve` starts the background worker beside the development server, unless told not to,
and stops it when the server stops."""

from io import StringIO

import pytest
from django.core.management import call_command

from mitra.demo.management.commands import serve


class Process:
    """Stands in for the worker's process: records how it was started and stopped."""

    started: list[list[str]] = []
    instances: list["Process"] = []

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.started.append(command)
        self.instances.append(self)
        self.settings = env["DJANGO_SETTINGS_MODULE"]
        self.stopped = False

    def terminate(self) -> None:
        self.stopped = True

    def wait(self, timeout: float) -> int:
        return 0


@pytest.fixture
def runs(monkeypatch):
    Process.started, Process.instances = [], []
    served: list[str] = []
    monkeypatch.delenv("RUN_MAIN", raising=False)
    monkeypatch.setattr(serve.subprocess, "Popen", Process)
    monkeypatch.setattr(serve, "call_command", lambda name, *args: served.append(name))
    return served


def test_serve_starts_the_worker_beside_the_server(runs):
    out = StringIO()
    call_command("serve", stdout=out, stderr=StringIO())
    assert runs == ["runserver"]
    assert Process.started == [serve.WORKER]
    assert serve.WORKER[-1] == "db_worker"
    assert [p.stopped for p in Process.instances] == [True], "stopped with the server"
    assert "background worker" in out.getvalue()


def test_serve_without_the_worker_starts_only_the_server(runs):
    call_command("serve", "--no-worker", stdout=StringIO(), stderr=StringIO())
    assert runs == ["runserver"]
    assert Process.started == []


def test_the_reloaders_child_starts_no_second_worker(runs, monkeypatch):
    monkeypatch.setenv("RUN_MAIN", "true")
    call_command("serve", stdout=StringIO(), stderr=StringIO())
    assert Process.started == []
