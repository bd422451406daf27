"""Every demo role's pages in Chromium, on a laptop (1280 × 800) and on a phone (390 × 844).

Each role (and an anonymous visitor of the public portal) opens every page of its menu, and
from those one page of each kind they link to (a cooperation, a partner, a task ...). On each
page, at both widths:

- the browser console stays free of errors;
- the page is no wider than the screen (a wide table scrolls inside its own box), and on the
  laptop no table is wider than its box: an action at a row's end ("Batalkan publikasi") is
  on the screen, not behind a sideways scroll;
- no English text of the interface shows: a text on the page that is, whole, the English
  original of a catalogue entry translated differently (Mitra's catalogue, and Django's for
  what Django writes) is English leaking into the Indonesian pages. Names and data are not
  English msgids, so they are not taken for one;
- no choice is cut: the chosen option of every select shows whole, and on the laptop so would
  every fixed choice (an option whose value is not a record's number) if it were chosen; nor is
  the hint (placeholder) of an empty input;
- the header's menus ("Lainnya", the user's menu) open within the screen;
- no word shorter than half the screen breaks inside itself: a column or a calendar day too
  narrow broke "Pengembang-an" and an event's name letter by letter on the phone, a step of
  the procedure "penandatanga-nan" on the laptop.

With MITRA_SCREENSHOTS set (`make screenshots`), full-page screenshots go to
build/screenshots/<role>/<width>/ (ignored by git) to be looked at, as JPEG: encoding a full page
as PNG took a third of the walk's time, JPEG a tenth of that; they are asked of Chromium directly
(tests/browser/shots.py).
One browser, one demo load for the module, one browser context per role. Each page is loaded
once and looked at on both screens: the viewport is resized between the two looks, which is
what the stylesheet's media queries and the charts' and map's resize handlers answer, so the
server renders each page once instead of twice.
"""

import re
import shutil
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve, reverse
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page

from mitra.demo.seed import PASSWORD
from tests.browser.shots import SCREENSHOTS, keep_whole_page_jpeg
from tests.english import english_msgids

ROLES = [
    "makassar.officer",
    "makassar.leader",
    "makassar.opd",
    "makassar.tkksd",
    "makassar.admin",
    "kemendagri.reviewer",
    None,  # an anonymous visitor of the public portal
]
WIDTHS = {"laptop": (1280, 800), "phone": (390, 844)}
# Not pages to look at: files, downloads, the API's machine answers, Django's admin (its own
# tests and templates), logging out.
NOT_PAGES = ("/static/", "/media/", "/admin/", "/api/", "/accounts/logout/", "/i18n/")
DOWNLOADS = re.compile(r"(\.(csv|xlsx|pdf|ics)$|/download/|/export|/template/|/feeds/.+/)")
MENU = "header a[href], .footer a[href]"

# Every text node of the page, the options of its selects, and the texts people read in
# attributes (placeholders, titles, accessible names).
TEXTS = """() => {
    // What is marked as another language (the language switch's "English") is meant so.
    const indonesian = (element) => {
        const marked = element.closest("[lang]");
        return !marked || marked.lang.startsWith("id");
    };
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const parent = node.parentElement;
        if (parent && !parent.closest("script, style, template, code, pre") && indonesian(parent)) {
            texts.push(node.textContent);
        }
    }
    for (const element of document.querySelectorAll("[placeholder], [title], [aria-label]")) {
        if (!indonesian(element)) continue;
        for (const name of ["placeholder", "title", "aria-label"]) {
            if (element.hasAttribute(name)) texts.push(element.getAttribute(name));
        }
    }
    texts.push(document.title);
    return texts.map((text) => text.replace(/\\s+/g, " ").trim()).filter(Boolean);
}"""
# Selects whose label would be cut: the chosen option always; on the laptop every fixed choice
# too (a record chosen by its name, value a number, may be longer than any box). A label that
# wraps inside its select (appearance: base-select, white-space: normal) is never cut.
CUT_CHOICES = """(laptop) => {
    const canvas = document.createElement("canvas").getContext("2d");
    const cut = [];
    for (const select of document.querySelectorAll("select:not([multiple])")) {
        if (!select.checkVisibility()) continue;
        const style = getComputedStyle(select);
        if (style.appearance === "base-select" && style.whiteSpace === "normal") continue;
        canvas.font = style.font;
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        for (const option of select.options) {
            if (!option.selected && !(laptop && !/^\\d+$/.test(option.value))) continue;
            const label = option.textContent.replace(/\\s+/g, " ").trim();
            if (canvas.measureText(label).width > room) {
                cut.push(`${select.name}: ${label}${option.selected ? " (chosen)" : ""}`);
            }
        }
    }
    return cut;
}"""
# Inputs whose hint would be cut ("judul, ringkasan, ata"): the placeholder of every empty,
# visible one-line input, measured against the room inside it.
CUT_PLACEHOLDERS = """() => {
    const canvas = document.createElement("canvas").getContext("2d");
    const cut = [];
    for (const input of document.querySelectorAll("input[placeholder]")) {
        if (!input.checkVisibility() || input.value) continue;
        const style = getComputedStyle(input);
        canvas.font = style.font;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        if (canvas.measureText(input.placeholder).width > room) {
            cut.push(`${input.name}: ${input.placeholder} (hint)`);
        }
    }
    return cut;
}"""
# The header's menus, opened one by one: what of each reaches beyond the screen's edges.
MENUS_OFF_SCREEN = """() => {
    const off = [];
    for (const menu of document.querySelectorAll("header details")) {
        const was = menu.open;
        menu.open = true;
        for (const element of menu.querySelectorAll("*")) {
            const box = element.getBoundingClientRect();
            if (box.width && (box.left < 0 || box.right > window.innerWidth)) {
                off.push(`${menu.className}: ${element.tagName.toLowerCase()} at ${Math.round(box.left)}..${Math.round(box.right)}`);
                break;
            }
        }
        menu.open = was;
    }
    return off;
}"""
# Headings (and column headings) that start with a small letter as shown ("kajian penangguhan",
# "penjajakan"): a heading made from a choice's label or a state's name, printed without
# capitalising it. The demo's titles and names are capitalised, so what is found is the page's
# own wording; a row's heading is the row's data (a sector, a person) and is left as it is.
SMALL_HEADINGS = """() => [...document.querySelectorAll("h1, h2, h3, h4, thead th, legend, summary")]
    .filter((element) => element.checkVisibility())
    .map((element) => element.innerText.replace(/\\s+/g, " ").trim())
    .filter((text) => /^\\p{Ll}/u.test(text))"""
# Words broken across two lines though they are shorter than half the screen: their box was
# squeezed below its words (a narrow column, a calendar day). A longer word (a pasted address)
# may break where it must.
BROKEN_WORDS = r"""() => {
    const canvas = document.createElement("canvas").getContext("2d");
    const broken = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const whole = document.createRange();
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const parent = node.parentElement;
        if (!parent || parent.closest("script, style, select, textarea")) continue;
        // Only a text that takes more than one line can break a word: most take one.
        whole.selectNodeContents(node);
        const tops = new Set([...whole.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size < 2 || !parent.checkVisibility()) continue;
        const style = getComputedStyle(parent);
        canvas.font = style.font;
        canvas.letterSpacing = style.letterSpacing;
        for (const word of node.textContent.matchAll(/[^\s\u00a0\-\u2013\u2014\/]+/g)) {
            const range = document.createRange();
            range.setStart(node, word.index);
            range.setEnd(node, word.index + word[0].length);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            const shown = style.textTransform === "uppercase" ? word[0].toUpperCase() : word[0];
            if (lines.size > 1 && canvas.measureText(shown).width < window.innerWidth / 2) {
                broken.push(`${word[0]} (in ${parent.tagName.toLowerCase()}.${parent.className})`);
            }
        }
    }
    return broken;
}"""
# How far the page reaches beyond the screen, not counting what scrolls inside its own box.
PAGE_WIDTH = "() => document.documentElement.scrollWidth"
# The tables wider than their box, each by its first heading and how wide it is.
TABLES_TOO_WIDE = """() => [...document.querySelectorAll(".table-wrap")]
    .filter((box) => box.checkVisibility() && box.scrollWidth > box.clientWidth + 1)
    .map((box) => `${(box.querySelector("th") || box).textContent.trim()}: ${box.scrollWidth} px in ${box.clientWidth} px`)"""
# After a resize: two animation frames, so that layout and the resize handlers have run.
SETTLED = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
# Every look above in one call to the page, so that a page on one screen costs one round trip
# through Playwright's driver and the DevTools protocol instead of nine (the walk makes about
# four hundred looks); after a resize it first waits for the two frames (`settle`).
LOOK = f"""async ({{laptop, settle}}) => {{
    if (settle) await ({SETTLED})();
    return {{
        width: ({PAGE_WIDTH})(),
        tables: laptop ? ({TABLES_TOO_WIDE})() : [],
        texts: ({TEXTS})(),
        choices: ({CUT_CHOICES})(laptop),
        hints: ({CUT_PLACEHOLDERS})(),
        menus: ({MENUS_OFF_SCREEN})(),
        headings: laptop ? ({SMALL_HEADINGS})() : [],
        broken: ({BROKEN_WORDS})(),
    }};
}}"""


@dataclass
class Findings:
    pages: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    too_wide: list[str] = field(default_factory=list)
    english: list[str] = field(default_factory=list)
    cut: list[str] = field(default_factory=list)
    menus: list[str] = field(default_factory=list)
    small_headings: list[str] = field(default_factory=list)
    broken_words: list[str] = field(default_factory=list)


def page_kind(url: str) -> str | None:
    """The URL name of a page of this site worth opening, or None."""
    parts = urlsplit(url)
    if parts.netloc or not parts.path.startswith("/") or parts.path.startswith(NOT_PAGES):
        return None
    if DOWNLOADS.search(parts.path):
        return None
    try:
        return resolve(parts.path).view_name
    except Resolver404:
        return None


def links(page: Page, selector: str = "a[href]") -> list[str]:
    hrefs = page.eval_on_selector_all(selector, "els => els.map(e => e.getAttribute('href'))")
    return [urljoin(page.url, href) for href in hrefs if href and not href.startswith("#")]


def log_in(page: Page, base: str, username: str) -> None:
    page.goto(base + reverse("accounts:login"))
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _new_kinds(urls: list[str], base: str, seen: set[str]) -> list[str]:
    """The addresses (without the host) of pages of kinds not seen yet, one per kind."""
    fresh = []
    for url in urls:
        address = url.removeprefix(base)
        kind = page_kind(address) if url.startswith(base) else None
        if kind and kind not in seen:
            seen.add(kind)
            fresh.append(address)
    return fresh


def _visit(
    page: Page,
    url: str,
    folders: dict[str, Path],
    english: frozenset[str],
    found: Findings,
    *,
    screenshots_always: bool = False,
) -> None:
    """Load the page once and look at it on every screen, starting with the screen the page is
    already on (one resize per page); a screenshot of each screen when they are wanted."""
    response = page.goto(url)
    address = page.url.split("//", 1)[-1].partition("/")[2]
    assert response is not None and response.ok, f"{url}: {response and response.status}"
    found.pages.append(address)
    name = re.sub(r"[^a-z0-9]+", "-", address.lower()).strip("-") or "home"
    current = page.viewport_size
    devices = sorted(
        WIDTHS, key=lambda device: current is None or WIDTHS[device][0] != current["width"]
    )
    for device in devices:
        width, height = WIDTHS[device]
        resized = current is None or current["width"] != width
        if resized:
            page.set_viewport_size({"width": width, "height": height})
            current = {"width": width, "height": height}
        look_at(page, "/" + address, width, english, found, settle=resized)
        shot = folders[device] / f"{len(found.pages):02d}-{name}.jpeg"
        keep_whole_page_jpeg(page, shot, always=screenshots_always)


def look_at(
    page: Page,
    address: str,
    width: int,
    english: frozenset[str],
    found: Findings,
    *,
    settle: bool = False,
) -> None:
    laptop = width >= WIDTHS["laptop"][0]
    seen = page.evaluate(LOOK, {"laptop": laptop, "settle": settle})
    if seen["width"] > width:
        found.too_wide.append(f"{address} at {width} px: {seen['width']} px wide")
    found.too_wide += [f"{address}: table {t}" for t in seen["tables"]]
    for text in seen["texts"]:
        if text in english:
            found.english.append(f"{address}: {text!r}")
    for choice in seen["choices"] + seen["hints"]:
        found.cut.append(f"{address} at {width} px: {choice}")
    for menu in seen["menus"]:
        found.menus.append(f"{address} at {width} px: {menu}")
    found.small_headings += [f"{address}: {text!r}" for text in seen["headings"]]
    found.broken_words += [f"{address} at {width} px: {w}" for w in seen["broken"]]


def walk(context: BrowserContext, base: str, role: str | None) -> Findings:
    found = Findings()
    page = context.new_page()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            source = message.location.get("url", "")
            found.console.append(f"{page.url} (from {source or 'the page'}): {message.text}")

    page.on("console", console)
    page.on("pageerror", lambda error: found.console.append(f"{page.url}: {error}"))
    english = english_msgids()
    if role is not None:
        log_in(page, base, role)
    start = reverse("home") if role else reverse("portal:index")
    folders = {
        device: SCREENSHOTS / (role or "public") / str(width)
        for device, (width, _) in WIDTHS.items()
    }
    for folder in folders.values():  # this walk's screenshots only, none left from an older one
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    page.goto(base + start)
    seen: set[str] = set()
    menu = _new_kinds([page.url, *links(page, MENU)], base, seen)
    further: list[str] = []
    for address in menu:  # the menu's pages, gathering one page of each kind they link to
        _visit(page, base + address, folders, english, found)
        further += _new_kinds(links(page), base, seen)
    for address in further:
        _visit(page, base + address, folders, english, found)
    page.close()
    return found


@pytest.fixture
def demo(reference_data: None) -> None:
    call_command("demo", "--allow-without-debug", stdout=StringIO())


def test_the_english_of_the_catalogue_is_known():
    english = english_msgids()
    assert {"Partners", "Apply", "— choose —", "- Select an option -"} <= english
    assert "Mitra" not in english and "KSDPL" not in english


def test_a_page_kind_is_a_page_of_this_site():
    assert page_kind("/cooperations/12/") == "cooperations:detail"
    assert page_kind("/cooperations/documents/3/download/") is None
    assert page_kind("https://example.org/") is None
    assert page_kind("/admin/") is None


@pytest.mark.browser
@pytest.mark.long
@pytest.mark.django_db(transaction=True)
def test_every_role_reads_every_page_of_its_menu_at_both_widths(
    demo: None, live_server, browser: Browser, subtests
):
    width, height = WIDTHS["laptop"]
    for role in ROLES:
        with subtests.test(role=role or "public"):
            context = browser.new_context(
                locale="id-ID", viewport={"width": width, "height": height}
            )
            found = walk(context, live_server.url, role)
            context.close()
            assert len(found.pages) >= 3, found.pages
            assert found.console == []
            assert found.too_wide == []
            assert found.english == []
            assert found.cut == []
            assert found.menus == []
            assert sorted(set(found.small_headings)) == [], "\n".join(
                sorted(set(found.small_headings))
            )
            assert found.broken_words == [], "\n".join(found.broken_words)


@pytest.mark.browser
@pytest.mark.django_db  # the browser package's reference-data guard needs the test database
def test_a_page_is_looked_at_on_both_screens(browser: Browser, tmp_path: Path):
    """The walk resizes instead of reloading: a page too wide only on the phone and one too wide
    only on the laptop are both caught, whichever screen each page was loaded on, and each page
    leaves a screenshot per screen."""
    pages = {
        # 1,000 px fits the laptop, not the phone.
        "/narrow-laptop/": "<style>body { margin: 0 } div { width: 1000px; height: 2000px }</style><div></div>",
        # 1,300 px only above 800 px: too wide for the laptop, fine on the phone.
        "/wide-laptop/": "<style>body { margin: 0 } @media (min-width: 800px) { div { width: 1300px; height: 1px } }</style><div></div>",
    }
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 800})
    context.route(
        "http://mitra.test/**",
        lambda route: route.fulfill(
            content_type="text/html",
            body=f"<!doctype html><title>t</title>{pages[urlsplit(route.request.url).path]}",
        ),
    )
    page = context.new_page()
    found = Findings()
    folders = {device: tmp_path / device for device in WIDTHS}
    for folder in folders.values():
        folder.mkdir()
    for address in pages:  # the first starts on the laptop, the second on the phone
        _visit(
            page,
            "http://mitra.test" + address,
            folders,
            frozenset(),
            found,
            screenshots_always=True,
        )
    context.close()
    assert sorted(found.too_wide) == [
        "/narrow-laptop/ at 390 px: 1000 px wide",
        "/wide-laptop/ at 1280 px: 1300 px wide",
    ]
    assert all(len(list(folder.iterdir())) == 2 for folder in folders.values())
    # Whole pages: the first is 2,000 px tall, more than either screen.
    assert {jpeg_size(shot)[1] for shot in folders["phone"].glob("01-*")} == {2000}


def jpeg_size(path: Path) -> tuple[int, int]:
    """Width and height from a JPEG's frame header."""
    data = path.read_bytes()
    assert data[:2] == b"\xff\xd8", f"{path.name} is not a JPEG"
    at = 2
    while data[at + 1] not in (0xC0, 0xC1, 0xC2):
        at += 2 + int.from_bytes(data[at + 2 : at + 4])
    height, width = int.from_bytes(data[at + 5 : at + 7]), int.from_bytes(data[at + 7 : at + 9])
    return width, height


@pytest.mark.browser
@pytest.mark.django_db  # the browser package's reference-data guard needs the test database
def test_a_cut_choice_and_a_menu_opening_off_the_screen_are_found(browser: Browser):
    """A fixed choice too long for its box is found on the laptop even when not chosen; a
    record's name (value a number) only when chosen; a label that fits is not; an input's hint
    too long for it is found; and a header menu whose panel opens beyond the left edge is found
    though the menu is closed."""
    body = """
        <style>select { width: 120px; font: 16px sans-serif } .panel { position: absolute; left: -50px; width: 200px }</style>
        <header><details class="usermenu"><summary>Menu</summary><div class="panel">Keluar</div></details></header>
        <select name="kind"><option value="">—</option><option value="foreign_region">KSDPL: dengan pemerintah daerah di luar negeri</option></select>
        <select name="cooperation"><option value="7">Pelatihan pejabat Pemkot Makassar di Singapura</option></select>
        <select name="partner"><option value="">—</option><option value="8">Pelatihan pejabat Pemkot Makassar di Singapura</option></select>
        <select name="short"><option value="a">ya</option></select>
        <input name="q" placeholder="judul, ringkasan, atau mitra" style="width: 80px">
        <input name="fits" placeholder="cari">
    """
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 800})
    context.route(
        "http://mitra.test/**",
        lambda route: route.fulfill(
            content_type="text/html", body=f"<!doctype html><title>t</title>{body}"
        ),
    )
    page = context.new_page()
    page.goto("http://mitra.test/")
    found = Findings()
    look_at(page, "/", 1280, frozenset(), found)
    context.close()
    assert found.cut == [
        "/ at 1280 px: kind: KSDPL: dengan pemerintah daerah di luar negeri",
        "/ at 1280 px: cooperation: Pelatihan pejabat Pemkot Makassar di Singapura (chosen)",
        "/ at 1280 px: q: judul, ringkasan, atau mitra (hint)",
    ]
    assert found.menus == ["/ at 1280 px: usermenu: div at -50..150"]


@pytest.mark.browser
@pytest.mark.django_db  # the browser package's reference-data guard needs the test database
def test_a_word_broken_in_a_squeezed_box_is_found_and_a_word_as_long_as_the_screen_is_not(
    browser: Browser,
):
    body = """
        <style>body { margin: 0; font: 16px sans-serif; overflow-wrap: anywhere }</style>
        <table><tr><td style="width: 40px">Pengembangan</td><td style="width: 300px">SDM</td></tr></table>
        <p style="width: 60px; overflow-wrap: normal">Pengembangan</p>
        <p>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</p>
        <p>Pelatihan pejabat Pemkot Makassar di Singapura</p>
    """
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.set_content(f"<!doctype html><title>t</title>{body}")
    broken = page.evaluate(BROKEN_WORDS)
    page.close()
    assert [word.split(" ")[0] for word in broken] == ["Pengembangan"]
