"""The explorer's pages in a real browser: headless Chromium (the Debian package) driven by
Playwright, against `kankei serve`'s app under uvicorn on 127.0.0.1.

Skipped when Chromium or Playwright is missing, except under CI, where that is a failure.
Screenshots of every page are saved under the test's temporary folder (and KANKEI_SHOTS if set).
"""
from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from serve_corpus import build_base

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
TOKEN = "e2e-token-9876543210"


def _need(ok: bool, why: str) -> None:
    if not ok:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {why}")
        pytest.skip(why)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _need(Path(CHROMIUM).exists(), f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
        import uvicorn
    except ImportError as err:
        _need(False, f"{err.name} is not installed (pip install -e '.[test]')")
    from kankei.serve import create_app, local_hosts

    folder = tmp_path_factory.mktemp("e2e")
    db = build_base(folder)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(db, allow_edits=True, token=TOKEN, allowed_hosts=local_hosts("127.0.0.1", port))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "db": db, "shots": folder}
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server, request):
    # bypass_csp: the pages must be safe by themselves; the Content-Security-Policy is a second wall
    context = browser.new_context(viewport={"width": 1360, "height": 900},
                                  bypass_csp=bool(getattr(request, "param", False)))
    pg = context.new_page()
    pg.set_default_timeout(15000)
    problems: list[str] = []
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.problems = problems
    yield pg
    context.close()


def shot(page, server, name: str) -> Path:
    path = server["shots"] / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    if os.environ.get("KANKEI_SHOTS"):
        Path(os.environ["KANKEI_SHOTS"]).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(os.environ["KANKEI_SHOTS"]) / path.name)
    return path


def expected_problems(problems: list[str]) -> list[str]:
    """Console errors a test did not cause on purpose (a refused edit logs its 403)."""
    return [p for p in problems if "403" not in p]


def test_timeline_filter_click_and_read_the_source(page, server):
    page.goto(server["url"] + "/")
    page.wait_for_selector("svg#timeline .ev .mark")
    assert page.locator("svg#timeline .bucket").count() > 0          # the counts per period
    shot(page, server, "timeline")
    page.fill("#f-actor", "Chongryon")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#subtitle:has-text('Chongryon')")
    page.wait_for_selector("#event-list .row")
    page.wait_for_timeout(300)
    rows = page.locator("#event-list .row")
    for i in range(rows.count()):
        assert "Chongryon" in rows.nth(i).inner_text()
    shot(page, server, "timeline-chongryon")
    mark = page.locator("svg#timeline .ev .mark").first
    mark.click()
    page.wait_for_selector("#read-source")
    quote = page.locator("#detail q").first.inner_text().strip("“”\" ")
    shot(page, server, "timeline-selected")
    page.click("#read-source")
    page.wait_for_url("**/documents/*?event=*")
    focus = page.locator("#reader .sentence.focus")
    focus.wait_for()
    assert focus.count() == 1
    assert quote[:40] in focus.inner_text()
    assert focus.is_visible()
    shot(page, server, "reader-from-timeline")
    assert expected_problems(page.problems) == []


def test_reader_highlights_link_to_actors_and_notes(page, server):
    docs = sqlite3.connect(server["db"]).execute("SELECT id FROM documents WHERE doc = 'ferries'").fetchone()
    page.goto(f"{server['url']}/documents/{docs[0]}")
    page.wait_for_selector("#reader .hl")
    assert page.locator("#reader .time").count() > 0 and page.locator("#reader .quantity").count() > 0
    link = page.locator("#reader a.mention", has_text="Chosen Soren").first
    assert link.get_attribute("href") == "/entities/org%3Achongryon"
    page.locator("#reader a.cite").first.click()
    page.wait_for_selector("#detail .detail-card >> text=Cited by")
    assert page.locator("#reader .note.focus").count() == 1
    assert page.locator("#reader .sentence.focus").count() == 1     # the sentence citing the note
    shot(page, server, "reader-note")
    link.click()
    page.wait_for_url("**/entities/org%3Achongryon")
    page.wait_for_selector("svg.yearchart rect")
    assert "Chosen Soren" in page.locator(".chips").inner_text()
    shot(page, server, "entity")
    assert expected_problems(page.problems) == []


def test_search_for_a_name(page, server):
    page.goto(server["url"] + "/documents")
    page.fill(".nav-search input", "Koizumi")
    page.press(".nav-search input", "Enter")
    page.wait_for_selector("#results .result")
    marks = page.locator("#results .result mark")
    assert marks.count() > 0 and "Koizumi" in marks.first.inner_text()
    assert page.locator("#facets h3").count() >= 2
    shot(page, server, "search")
    assert expected_problems(page.problems) == []
    page.problems.clear()
    page.goto(server["url"] + '/search?q=%22unbalanced')
    page.wait_for_selector(".error-box")
    assert "search" in page.locator(".error-box").inner_text()
    page.click("#as-plain")
    page.wait_for_selector("#result-count")
    shot(page, server, "search-malformed")
    assert [p for p in page.problems if "400" not in p] == []       # the refused query, and nothing else


def test_an_edit_without_the_token_is_refused(page, server):
    ev = sqlite3.connect(server["db"]).execute(
        "SELECT id, document_id FROM events WHERE date = '2002-09-17' AND type = 'meet'").fetchone()
    page.goto(f"{server['url']}/documents/{ev[1]}?event={ev[0]}")
    button = page.locator("#detail button", has_text="Right")
    button.wait_for()
    assert "edit token" in page.locator("#detail").inner_text()
    button.click()
    toast = page.locator(".toast-error")
    toast.wait_for()
    assert "X-Kankei-Token" in toast.inner_text()
    shot(page, server, "edit-refused")
    assert sqlite3.connect(server["db"]).execute("SELECT count(*) FROM judgements WHERE machine = 0").fetchone()[0] == 0
    # with the token (given in the address, as kankei serve prints it) the same click is recorded
    page.goto(f"{server['url']}/documents/{ev[1]}?event={ev[0]}#token={TOKEN}")
    page.locator("#detail button", has_text="Right").click()
    page.locator(".toast-ok").wait_for()
    assert sqlite3.connect(server["db"]).execute(
        "SELECT kind FROM judgements WHERE subject = ? AND machine = 0", (ev[0],)).fetchall() == [("confirm",)]


@pytest.mark.parametrize("page", [True, False], indirect=True, ids=["without-csp", "with-csp"])
def test_a_script_in_a_document_does_not_run(page, server):
    did = sqlite3.connect(server["db"]).execute("SELECT id FROM documents WHERE doc = 'script_doc'").fetchone()[0]
    page.goto(f"{server['url']}/documents/{did}")
    page.wait_for_selector("#reader .hl")
    page.wait_for_timeout(300)
    text = page.locator("#reader").inner_text()
    assert "<script>window.__pwned = 1;" in text and "onerror=" in text     # shown, as text
    assert page.evaluate("window.__pwned") is None
    assert page.title() != "pwned"
    assert page.locator("#reader script, #reader img").count() == 0
    shot(page, server, "script-document")
    page.goto(f"{server['url']}/search?q=pwned")
    page.wait_for_selector("#results .result")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#results script, #results img").count() == 0
    assert expected_problems(page.problems) == []


def test_a_disagreement_shows_both_sides_with_their_sources(page, server):
    page.goto(server["url"] + "/claims")
    card = page.locator(".conflict-card").first
    card.wait_for()
    sides = card.locator(".side")
    assert sides.count() == 2
    text = card.inner_text()
    assert "70,000" in text and "150,000" in text and "Chongryon" in text
    assert sides.nth(0).locator("q").count() >= 1 and sides.nth(1).locator("q").count() >= 1
    assert expected_problems(page.problems) == []


@pytest.mark.parametrize("path,ready", [
    ("/network", "svg#network .node"), ("/claims", "h2"), ("/entities", "table.list tbody tr"),
    ("/documents", "table.list tbody tr"), ("/judgements", ".notice"), ("/docs", "details.endpoint"),
])
def test_other_pages_render(page, server, path, ready):
    page.goto(server["url"] + path)
    page.wait_for_selector(ready)
    page.wait_for_timeout(300)
    if path == "/network":
        page.locator("svg#network .node circle").first.click()
        page.wait_for_selector("#net-events .row, #net-events .empty")
    shot(page, server, path.strip("/") or "home")
    assert expected_problems(page.problems) == []
