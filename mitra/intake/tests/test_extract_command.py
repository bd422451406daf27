"""`mitra extract [--json] FILE...` on real files: JSON Lines, errors per file, exit code."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[3]
ARTICLE = (
    "MAKASSAR – Pemerintah Kota Makassar dan Kota Gothenburg, Swedia, menandatangani Letter of "
    "Intent kerja sama pengelolaan sampah, Rabu (2/7/2025).\n"
    "Wali Kota Makassar, Rahmat Syarifuddin, menyambut baik kerja sama itu.\n"
)
KEYS = [
    "source",
    "regions",
    "partners",
    "countries",
    "sectors",
    "stage",
    "people",
    "events",
    "dates",
]


def run(*args: str) -> tuple[list[str], int]:
    out = StringIO()
    try:
        call_command("extract", *args, stdout=out, stderr=StringIO())
    except CommandError as error:
        return out.getvalue().splitlines(), error.returncode
    return out.getvalue().splitlines(), 0


def test_json_gives_one_object_per_file_with_exactly_the_documented_keys(tmp_path):
    first = tmp_path / "a.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second = tmp_path / "b.md"
    second.write_text("# Judul\n\n" + ARTICLE, encoding="utf-8")
    lines, code = run("--json", str(first), str(second))
    assert code == 0
    objects = [json.loads(line) for line in lines]
    assert [list(o) for o in objects] == [KEYS, KEYS]
    assert objects[0]["source"] == str(first)
    assert objects[0]["regions"][0]["code"] == "73.71"
    assert objects[0]["partners"][0]["name"] == "Gothenburg"
    assert objects[0]["stage"]["slug"] == "loi"


def test_html_is_read_without_its_tags_and_evidence_points_into_the_stripped_text(tmp_path):
    page = tmp_path / "berita.html"
    page.write_text(
        "<html><head><title>Judul Kota Busan</title><style>p{}</style></head><body>"
        "<p><strong>MAKASSAR</strong> &ndash; Pemerintah Kota Makassar dan Kota Gothenburg, "
        "Swedia, menandatangani LoI kerja sama.</p><script>var x = 'Busan';</script></body></html>",
        encoding="utf-8",
    )
    lines, code = run("--json", str(page))
    assert code == 0
    (data,) = [json.loads(line) for line in lines]
    from mitra.intake.extract import read_source

    text = read_source(page)
    assert "<" not in text and "Busan" not in text and "–" in text
    ((start, end),) = data["countries"][0]["evidence"]
    assert text[start:end] == "Swedia"


def test_a_broken_file_gets_an_error_line_and_the_others_go_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Kerja sama dengan Perancis \xe9t\xe9".encode("latin-1"))
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    missing = tmp_path / "missing.txt"
    lines, code = run("--json", str(latin), str(good), str(tmp_path), str(pdf), str(missing))
    assert code == 1
    objects = [json.loads(line) for line in lines]
    assert [o["source"] for o in objects] == [
        str(latin),
        str(good),
        str(tmp_path),
        str(pdf),
        str(missing),
    ]
    errors = [o for o in objects if "error" in o]
    assert [set(o) for o in errors] == [{"source", "error"}] * 4
    assert all(o["error"] for o in errors)
    assert list(objects[1]) == KEYS


def test_without_json_each_file_gets_a_short_summary(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    lines, code = run(str(article), str(tmp_path / "none.txt"))
    assert code == 1
    assert lines[0] == str(article)
    summary = "\n".join(lines)
    assert "Kota Makassar (73.71)" in summary
    assert "Gothenburg (foreign_city_or_region, SE)" in summary
    assert "Rahmat Syarifuddin (Wali Kota Makassar)" in summary
    assert lines[-1].startswith(str(tmp_path / "none.txt"))


@pytest.mark.parametrize("name", ["a.txt", "b.md"])
def test_the_mitra_console_command_runs_without_a_database_or_a_traceback(tmp_path, name):
    article = tmp_path / name
    article.write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings_test"}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'never-created.sqlite3'}"
    result = subprocess.run(  # noqa: S603 - our own interpreter and entry point
        [
            sys.executable,
            "-c",
            "import sys; from mitra.cli import main; sys.exit(main())",
            "extract",
            "--json",
            str(article),
            str(tmp_path / "gone.txt"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first, second = result.stdout.splitlines()
    assert json.loads(first)["regions"][0]["code"] == "73.71"
    assert set(json.loads(second)) == {"source", "error"}
    assert not (tmp_path / "never-created.sqlite3").exists()
