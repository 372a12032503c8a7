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
    folder = tmp_path_factory.mktemp("e2e")
    yield from _serve(folder, build_base(folder))


def _serve(folder: Path, db: Path):
    _need(Path(CHROMIUM).exists(), f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
        import uvicorn
    except ImportError as err:
        _need(False, f"{err.name} is not installed (pip install -e '.[test]')")
    from kankei.serve import create_app, local_hosts

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


# ---------------------------------------------------------------------------------------------
# issue 12: hostile searches, uncertain and rejected events, labels, round trips

def _marked_events(db) -> tuple[str, str]:
    """An event made hypothetical for these tests (the latest dated one) and one to reject (the
    earliest dated one that no other test uses): whatever events the extractor finds."""
    conn = sqlite3.connect(db)
    try:
        hyp = conn.execute("SELECT id FROM events WHERE date_lo IS NOT NULL ORDER BY date_lo DESC, id LIMIT 1").fetchone()[0]
        if conn.execute("SELECT modality FROM events WHERE id = ?", (hyp,)).fetchone()[0] != "hypothetical":
            conn.execute("UPDATE events SET modality = 'hypothetical' WHERE id = ?", (hyp,))
            conn.execute("INSERT INTO judgements (kind, subject, machine, undone_at) VALUES"
                         " ('confirm', 'test-stamp', 1, '2000-01-01')")      # the summaries see a change
            conn.commit()
        rej = conn.execute("SELECT id FROM events WHERE date_lo IS NOT NULL AND id != ? AND NOT (type = 'meet'"
                           " AND date = '2002-09-17') ORDER BY date_lo, id LIMIT 1", (hyp,)).fetchone()[0]
        return hyp, rej
    finally:
        conn.close()


def _window(db, event_id) -> str:
    lo, hi = sqlite3.connect(db).execute("SELECT date_lo, date_hi FROM events WHERE id = ?", (event_id,)).fetchone()
    return f"from={int(lo[:4]) - 2}&to={int(hi[:4]) + 2}"


def test_a_hostile_search_is_refused_with_a_reason(page, server):
    from urllib.parse import quote
    page.goto(server["url"] + "/search?q=" + quote("a* " * 150))
    page.wait_for_selector(".error-box")
    assert "too short" in page.locator(".error-box").inner_text()
    page.goto(server["url"] + "/search?q=" + quote(" OR ".join(["ship"] * 60)))
    page.wait_for_selector(".error-box")
    assert "at most 16" in page.locator(".error-box").inner_text()
    near = page.request.get(server["url"] + "/api/search?q=" + quote("NEAR(" + " ".join(f"w{i}" for i in range(50)) + ")"))
    assert near.status == 400 and "at most" in near.json()["error"]
    # and the timeline's text filter says the same, in the list
    page.goto(server["url"] + "/?q=" + quote("a* " * 150))
    page.wait_for_selector("#event-list .error-box")
    assert "too short" in page.locator("#event-list .error-box").inner_text()
    shot(page, server, "hostile-search")
    assert [p for p in page.problems if "400" not in p] == []


def test_a_hypothetical_event_is_marked_on_the_timeline_and_in_the_exports(page, server):
    hyp, _ = _marked_events(server["db"])
    page.goto(f"{server['url']}/?{_window(server['db'], hyp)}&event={hyp}")
    mark = page.locator(f"svg#timeline .ev.uncertain[data-id='{hyp}']")
    mark.wait_for()
    assert "not asserted" in mark.get_attribute("aria-label")
    assert mark.locator(".uncertain-mark").text_content() == "?"
    row = page.locator(f"#event-list .row[data-id='{hyp}']")
    row.wait_for()
    assert row.locator(".uncertain-badge").inner_text() == "hypothetical"
    assert page.locator(f"#event-list .row:not([data-id='{hyp}']) .uncertain-badge").count() == 0
    page.wait_for_selector("#detail .uncertain-badge")
    assert "Not asserted" in page.locator("#detail").inner_text()
    shot(page, server, "timeline-hypothetical")
    # the exports say it too
    import csv
    import io

    import orjson

    from kankei.export import export
    from kankei.store import connect
    conn = connect(server["db"], readonly=True)
    try:
        out = io.StringIO()
        export(conn, "csv", out)
        rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
        assert rows[hyp]["certainty"] == "hypothetical" and rows[hyp]["asserted"] == "False"
        assert {r["certainty"] for i, r in rows.items() if i != hyp} <= {"asserted", "negated", "reported", "planned"}
        out = io.StringIO()
        export(conn, "timelinejs", out)
        slide = next(s for s in orjson.loads(out.getvalue())["events"] if s["unique_id"] == hyp.replace(":", "-"))
        assert slide["text"]["headline"].startswith("[hypothetical]") and "not asserted" in slide["group"]
        out = io.StringIO()
        export(conn, "plover", out)
        modes = {r["id"]: r["mode"] for r in map(orjson.loads, out.getvalue().splitlines())}
        assert modes.get(hyp, "hypothetical") == "hypothetical" and all(m == "" for i, m in modes.items() if i != hyp)
    finally:
        conn.close()
    assert expected_problems(page.problems) == []


def test_a_rejected_event_is_visibly_rejected_and_restored_from_the_page(page, server):
    _, rej = _marked_events(server["db"])
    window = _window(server["db"], rej)
    page.goto(f"{server['url']}/?{window}&event={rej}#token={TOKEN}")
    page.locator("#detail button", has_text="Reject").click()
    page.locator(f"svg#timeline .ev.rejected[data-id='{rej}']").wait_for()
    row = page.locator(f"#event-list .row.rejected[data-id='{rej}']")
    row.wait_for()
    assert row.locator(".rejected-badge").inner_text() == "rejected"
    page.locator("#detail button", has_text="Restore").wait_for()
    shot(page, server, "timeline-rejected")
    # the Corrections page says what was judged, and undoes it
    page.goto(server["url"] + "/judgements")
    line = page.locator("#judgements tbody tr[data-kind='reject']").first
    line.wait_for()
    quote = sqlite3.connect(server["db"]).execute("SELECT sentence FROM events WHERE id = ?", (rej,)).fetchone()[0]
    assert "Rejected" in line.inner_text() and " ".join(quote.split())[:30] in " ".join(line.inner_text().split())
    assert rej not in line.inner_text()           # what was judged, not its id
    shot(page, server, "corrections")
    line.locator("button.undo").click()
    page.locator(".toast-ok").wait_for()
    page.wait_for_selector("#judgements tbody tr[data-kind='reject']", state="detached")
    page.goto(f"{server['url']}/?{window}&event={rej}")
    page.locator(f"svg#timeline .ev[data-id='{rej}']").wait_for()
    assert page.locator(f"svg#timeline .ev.rejected[data-id='{rej}']").count() == 0
    # rejected again, and restored from the timeline itself
    page.locator("#detail button", has_text="Reject").click()
    page.locator(f"svg#timeline .ev.rejected[data-id='{rej}']").wait_for()
    page.locator("#detail button", has_text="Restore").click()
    page.locator(f"#event-list .row[data-id='{rej}']:not(.rejected)").wait_for()
    assert page.locator(f"svg#timeline .ev.rejected[data-id='{rej}']").count() == 0
    active = sqlite3.connect(server["db"]).execute(
        "SELECT count(*) FROM judgements WHERE subject = ? AND undone_at IS NULL", (rej,)).fetchone()[0]
    assert active == 0
    assert expected_problems(page.problems) == []


OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll("svg#timeline .ev")].map((g) => {
    const t = g.querySelector("text.label");
    return { m: g.querySelector(".mark").getBBox(), t: t ? t.getBBox() : null };
  });
  const hit = (a, r) => r && a.x < r.x + r.width - 1 && r.x < a.x + a.width - 1 && a.y < r.y + r.height - 1 && r.y < a.y + a.height - 1;
  let n = 0;
  boxes.forEach((a, i) => { if (a.t) boxes.forEach((b, j) => { if (i !== j && (hit(a.t, b.m) || hit(a.t, b.t))) n++; }); });
  return n;
}"""


def test_timeline_labels_name_what_the_window_shows(page, server):
    # an event lasting years, seen through a window inside it: its start is off to the left
    row = sqlite3.connect(server["db"]).execute(
        "SELECT id, date_lo FROM events WHERE date_hi >= date(date_lo, '+4 years') AND date_hi < '9999'"
        " AND date_lo > '0000-01-01' ORDER BY date_lo LIMIT 1").fetchone()
    year = int(row[1][:4])
    page.goto(f"{server['url']}/?from={year + 1}&to={year + 2}")
    page.wait_for_selector("svg#timeline .ev .mark")
    page.wait_for_timeout(300)
    label = page.locator(f"svg#timeline .ev[data-id='{row[0]}'] text.label")
    assert label.count() == 1 and label.text_content()
    width = page.evaluate("document.querySelector('svg#timeline').clientWidth")
    boxes = page.evaluate("[...document.querySelectorAll('svg#timeline text.label')].map((t) => t.getBBox())"
                          ".map((b) => [b.x, b.x + b.width])")
    assert boxes and all(a >= -1 and b <= width + 1 for a, b in boxes)     # none cut at an edge
    assert page.evaluate(OVERLAPS) == 0
    status = page.locator("#status").inner_text()
    assert "in this window" in status and "drawn" in status and "began earlier" in status
    shot(page, server, "timeline-labels")
    # the whole base: every label inside the chart, none over another event, the page one screen or so
    page.goto(server["url"] + "/")
    page.wait_for_selector("svg#timeline .ev .mark")
    page.wait_for_timeout(300)
    assert page.evaluate(OVERLAPS) == 0
    assert page.evaluate("document.querySelector('svg#timeline').getBoundingClientRect().height") < 1000
    assert expected_problems(page.problems) == []


def test_round_trips_keep_the_view(page, server):
    # timeline (an actor, a period) -> the reader -> "On the timeline": the same view
    page.goto(server["url"] + "/?actor=org%3Achongryon&from=1950&to=1970")
    page.wait_for_selector("#event-list .row")
    assert page.locator("#f-from").input_value() == "1950" and page.locator("#f-to").input_value() == "1970"
    page.locator("#event-list .row .small a").first.click()
    page.wait_for_url("**/documents/*")
    page.locator("#reader .sentence.focus").wait_for()
    page.click("#to-timeline")
    page.wait_for_url("**/?*")
    page.wait_for_selector("#event-list .row")
    assert "actor=org%3Achongryon" in page.url
    assert page.locator("#f-from").input_value() == "1950" and page.locator("#f-to").input_value() == "1970"
    assert "Chongryon" in page.locator("#subtitle").inner_text()
    assert page.locator("svg#timeline .ev.selected").count() == 1
    # a search result opens the document at the hit
    page.goto(server["url"] + "/search?q=Niigata")
    page.locator("#results .result h2 a").first.click()
    found = page.locator("#reader mark.found")
    found.wait_for()
    assert found.inner_text().lower() == "niigata" and found.is_visible()
    assert page.evaluate("(() => { const r = document.querySelector('mark.found').getBoundingClientRect();"
                         " return r.top >= 0 && r.bottom <= innerHeight; })()")
    # a claim's source opens the document at its figure
    page.goto(server["url"] + "/claims")
    link = page.locator("a.source-link").first
    link.wait_for()
    figure = link.locator("xpath=ancestor::div[1]/following-sibling::p[1]//mark").first.inner_text()
    link.click()
    found = page.locator("#reader mark.found")
    found.wait_for()
    assert found.inner_text() == figure and found.is_visible()
    shot(page, server, "reader-from-claim")
    assert expected_problems(page.problems) == []


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    """A base with 260 more events (copies of one, on days spread over fifty years)."""
    folder = tmp_path_factory.mktemp("e2e-crowded")
    db = build_base(folder)
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    ev = dict(conn.execute("SELECT * FROM events WHERE date_lo IS NOT NULL AND id IN (SELECT event_id FROM"
                           " event_participants) ORDER BY id LIMIT 1").fetchone())
    parts = [dict(r) for r in conn.execute("SELECT * FROM event_participants WHERE event_id = ?", (ev["id"],))]
    for i in range(260):
        day = f"{1950 + (i * 7) % 50:04d}-{1 + (i * 5) % 12:02d}-{1 + (i * 11) % 28:02d}"
        row = {**ev, "id": f"event:crowd{i:03d}", "date": day, "date_lo": day, "date_hi": day}
        conn.execute(f"INSERT INTO events ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
        for p in parts:
            prow = {**p, "event_id": row["id"]}
            conn.execute(f"INSERT INTO event_participants ({', '.join(prow)}) VALUES ({', '.join('?' * len(prow))})",
                         list(prow.values()))
    conn.commit()
    conn.close()
    yield from _serve(folder, db)


def test_a_crowded_timeline_stays_one_screen_and_names_what_fits(browser, crowded):
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15000)
    try:
        pg.goto(crowded["url"] + "/?from=1945&to=2005")
        pg.wait_for_selector("svg#timeline .ev .mark")
        pg.wait_for_timeout(300)
        drawn = pg.locator("svg#timeline .ev").count()
        named = pg.locator("svg#timeline .ev text.label").count()
        assert drawn >= 200 and named >= 20          # names are drawn, however many events
        assert pg.evaluate(OVERLAPS) == 0
        assert pg.evaluate("document.querySelector('svg#timeline').getBoundingClientRect().height") < 1000
        assert pg.evaluate("document.body.scrollHeight") < 2500
        status = pg.locator("#status").inner_text()
        assert f"{drawn} events drawn" in status.replace(",", "") and "named" in status
        shot(pg, crowded, "timeline-crowded")
    finally:
        context.close()
