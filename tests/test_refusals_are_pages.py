"""A refused form on a web page comes back as the page with its problems on it (200), never with
an error status: Chromium writes "Failed to load resource: the server responded with a status of
422" into the console for such a page, an error where there is only a refusal the person can put
right. The API answers 422, and the error pages (400, 403, 404, 429) keep their statuses."""

import re
from pathlib import Path

MITRA = Path(__file__).resolve().parents[1] / "mitra"
# A page rendered with a status of its own, e.g. render(request, "x.html", context, status=422).
PAGE_WITH_A_STATUS = re.compile(r"\brender\((?:[^()]|\([^()]*\))*\bstatus\s*=", re.S)
ERROR_PAGES = {"400.html", "403.html", "404.html", "accounts/locked_out.html"}


def _web_modules() -> list[Path]:
    return [
        path
        for path in MITRA.rglob("*.py")
        if not {"tests", "api", "migrations"} & set(path.relative_to(MITRA).parts)
    ]


def test_no_web_page_answers_a_refusal_with_an_error_status():
    found = [
        f"{path.relative_to(MITRA)}: {match.group(0)[:120]!r}"
        for path in _web_modules()
        for match in PAGE_WITH_A_STATUS.finditer(path.read_text(encoding="utf-8"))
        if not any(f'"{page}"' in match.group(0) for page in ERROR_PAGES)
    ]
    assert found == []


def test_the_scan_finds_a_page_rendered_with_a_status():
    source = 'return render(request, "reviews/detail.html", _detail(review, form), status=422)'
    assert PAGE_WITH_A_STATUS.search(source)
    assert not PAGE_WITH_A_STATUS.search('return render(request, "reviews/detail.html", context)')
