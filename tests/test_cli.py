"""The command line, end to end: files, folders, formats, options and bad input.

Every document here is written for the tests (none is taken from the shared corpus).
"""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kankei import __version__
from kankei.cli import main
from kankei.read import read_path

KINDS = {"document", "time", "quantity", "entity", "event"}
BASE_FIELDS = ("doc", "kind", "start", "end", "text")

GOOD = (
    "Japan and North Korea Resume Talks in Stockholm\n"
    "Last Updated June 2015\n"
    "\n"
    "In March 2014, Japan and North Korea met in Stockholm. Chongryon said that 93,000 people\n"
    "had left for the North between 1959 and 1984.\n"
    "Two months later Tokyo imposed sanctions on Pyongyang.\n"
)
OTHER = "Ferry Service Suspended\n\nIn April 2006 the Japanese government banned the ferry for six months.\n"
RELATIVE = ("Envoys Meet Again in Beijing\n\nToday the Japanese government protested to North Korea.\n"
            "Last October the two sides met in Beijing.\n")
CP1252 = ("Caf\u00e9 Diplomacy in Pyongyang\r\n\r\nIn March 2014 the \u201ccaf\u00e9 talks\u201d began; "
          "Japan\u2019s envoy met North Korea\u2019s delegate \u2013 about 40 people attended.\r\n")
SJIS = "日本と北朝鮮の協議\n2014年3月、東京で会談が行われた。\nIn March 2014 Japan and North Korea met in Tokyo.\n"
HTML = """<!doctype html>
<html><head><title>Talks in Stockholm</title>
<script>var teaser = "In March 1999 the DPRK fired 3 missiles";</script></head>
<body>
<nav><a href="/">Home</a> <a href="/archive">Archive: 1987</a></nav>
<article><h1>Talks in Stockholm</h1>
<p>In March 2014, Japan and North Korea met in Stockholm.</p>
<p>About 40 officials attended &amp; Chongryon welcomed the talks.</p>
</article>
<footer>Copyright 2016 Example News</footer>
</body></html>
"""


# --- helpers ---------------------------------------------------------------------------------

def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_bytes(data.encode("utf-8"))
    else:
        path.write_bytes(data)
    return path


def invoke(*args: str | Path):
    """Run the CLI in process; no exception may escape it and no traceback may be printed."""
    result = CliRunner().invoke(main, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"the CLI raised {result.exception!r}") from result.exception
    assert "Traceback" not in result.stdout
    assert "Traceback" not in result.stderr
    return result


def parse_jsonl(stdout: str) -> list[dict]:
    assert stdout == "" or stdout.endswith("\n")
    records = []
    for line in stdout.splitlines():
        rec = json.loads(line)
        assert isinstance(rec, dict), line
        records.append(rec)
    return records


def by_doc(records: list[dict]) -> dict[str, list[dict]]:
    """Records grouped per document, checking that each document's records follow its document record."""
    docs: dict[str, list[dict]] = {}
    current = None
    for rec in records:
        if rec["kind"] == "document":
            current = rec["doc"]
            assert current not in docs, f"two document records for {current}"
            docs[current] = [rec]
        else:
            assert rec["doc"] == current, "a record comes outside its document's block"
            docs[current].append(rec)
    return docs


def check_spec_fields(rec: dict) -> None:
    for name in BASE_FIELDS:
        assert name in rec, (name, rec)
    assert rec["kind"] in KINDS
    assert isinstance(rec["start"], int) and isinstance(rec["end"], int)
    assert 0 <= rec["start"] <= rec["end"]
    if rec["kind"] == "document":
        assert rec["start"] == 0 and rec["text"] == ""
        assert "title" in rec and "published" in rec
    elif rec["kind"] == "time":
        assert "value" in rec and rec["type"] in {"date", "interval", "duration", "set"}
    elif rec["kind"] == "quantity":
        assert "value" in rec and isinstance(rec["unit"], str) and isinstance(rec["qualifier"], str)
    elif rec["kind"] == "entity":
        assert isinstance(rec["entity"], str) and isinstance(rec["name"], str) and isinstance(rec["type"], str)
    elif rec["kind"] == "event":
        assert isinstance(rec["type"], str) and "date" in rec and isinstance(rec["participants"], list)


def check_offsets(records: list[dict], sources: dict[str, str]) -> None:
    """Every record quotes its source: text == source[start:end]; the document spans it all."""
    for rec in records:
        source = sources[rec["doc"]]
        if rec["kind"] == "document":
            assert rec["end"] == len(source)
            continue
        assert rec["end"] <= len(source), rec
        assert source[rec["start"]:rec["end"]] == rec["text"], rec
        for p in rec.get("participants", []):
            assert 0 <= p["start"] <= p["end"] <= len(source), p


def utf8_source(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def values(records: list[dict], kind: str, key: str = "value") -> list:
    return [r[key] for r in records if r["kind"] == kind]


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write(tmp_path / "talks.txt", GOOD)


# --- one file, folders, several paths --------------------------------------------------------

def test_extract_one_file_writes_spec_jsonl(good: Path):
    result = invoke("extract", good)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    records = parse_jsonl(result.stdout)
    for rec in records:
        check_spec_fields(rec)
    doc = records[0]
    assert doc["kind"] == "document" and doc["doc"] == "talks"
    assert doc["title"] == "Japan and North Korea Resume Talks in Stockholm"
    assert doc["published"] == "2015-06"
    assert all(r["doc"] == "talks" for r in records)
    assert [r["kind"] for r in records].count("document") == 1
    starts = [r["start"] for r in records[1:]]
    assert starts == sorted(starts)
    check_offsets(records, {"talks": utf8_source(good)})
    assert "2014-03" in values(records, "time")
    assert "1959/1984" in values(records, "time")
    assert 93000 in values(records, "quantity")
    assert {"country:japan", "country:north_korea"} <= set(values(records, "entity", "entity"))


def test_extract_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path):
    folder = tmp_path / "corpus"
    write(folder / "b.txt", OTHER)
    write(folder / "a.txt", GOOD)
    write(folder / "z.txt", OTHER)
    write(folder / "sub" / "c.txt", GOOD)
    write(folder / "sub" / "deeper" / "d.txt", OTHER)
    write(folder / ".hidden.txt", GOOD)
    write(folder / ".git" / "e.txt", GOOD)
    write(folder / "sub" / ".cache" / "f.txt", GOOD)
    result = invoke("extract", folder)
    assert result.exit_code == 0, result.stderr
    records = parse_jsonl(result.stdout)
    assert list(by_doc(records)) == ["a", "b", "c", "d", "z"]
    sources = {p.stem: utf8_source(p) for p in folder.rglob("*.txt")}
    check_offsets(records, sources)


def test_extract_several_paths_in_the_order_given(tmp_path: Path):
    second = write(tmp_path / "second.txt", OTHER)
    first = write(tmp_path / "first.txt", GOOD)
    folder = tmp_path / "more"
    write(folder / "y.txt", OTHER)
    write(folder / "x.txt", GOOD)
    result = invoke("extract", second, folder, first)
    assert result.exit_code == 0, result.stderr
    records = parse_jsonl(result.stdout)
    assert list(by_doc(records)) == ["second", "x", "y", "first"]
    check_offsets(records, {p.stem: utf8_source(p) for p in tmp_path.rglob("*.txt")})


def test_jsonl_is_one_object_per_line(good: Path, tmp_path: Path):
    other = write(tmp_path / "ferry.txt", OTHER)
    result = invoke("extract", "--format", "jsonl", good, other)
    lines = result.stdout.split("\n")
    assert lines[-1] == ""
    for line in lines[:-1]:
        assert line.strip() == line and line.startswith("{") and line.endswith("}")
        check_spec_fields(json.loads(line))
    assert [json.loads(x)["kind"] for x in lines[:-1]].count("document") == 2


def test_utf8_bom_and_crlf_keep_offsets(tmp_path: Path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode("utf-8"))
    result = invoke("extract", path)
    assert result.exit_code == 0, result.stderr
    records = parse_jsonl(result.stdout)
    check_offsets(records, {"bom": utf8_source(path)})
    assert "2014-03" in values(records, "time")


# --- table -----------------------------------------------------------------------------------

def test_table_format_is_readable(good: Path, tmp_path: Path):
    other = write(tmp_path / "ferry.txt", OTHER)
    result = invoke("extract", "--format", "table", good, other)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "talks" in out and "ferry" in out
    assert "Japan and North Korea Resume Talks in Stockholm" in out
    assert "2014-03" in out and "1959/1984" in out
    assert "country:north_korea" in out
    assert "93000 person" in out
    assert not out.lstrip().startswith("{")
    event_lines = [ln for ln in out.splitlines() if " event " in ln]
    assert event_lines and all("@" in ln for ln in event_lines), "event rows show their type and date"


# --- --dct -----------------------------------------------------------------------------------

def test_dct_resolves_relative_dates(tmp_path: Path):
    path = write(tmp_path / "envoys.txt", RELATIVE)
    plain = parse_jsonl(invoke("extract", path).stdout)
    assert plain[0]["published"] is None
    texts = {r["text"]: r for r in plain if r["kind"] == "time"}
    assert texts["Today"]["value"] is None and texts["Last October"]["value"] is None

    records = parse_jsonl(invoke("extract", "--dct", "2015-06", path).stdout)
    assert records[0]["published"] == "2015-06"
    texts = {r["text"]: r for r in records if r["kind"] == "time"}
    assert texts["Today"]["value"] == "2015-06"
    assert texts["Last October"]["value"] == "2014-10"

    later = parse_jsonl(invoke("extract", "--dct", "2015-11-20", path).stdout)
    texts = {r["text"]: r for r in later if r["kind"] == "time"}
    assert texts["Today"]["value"] == "2015-11-20"
    assert texts["Last October"]["value"] == "2015-10"


def test_dct_overrides_the_date_read_from_the_text(good: Path):
    records = parse_jsonl(invoke("extract", "--dct", "2016", good).stdout)
    assert records[0]["published"] == "2016"


@pytest.mark.parametrize("bad", ["2015-13", "2015-02-30", "June 2015", "15-06", "2015/06", "2015-6", "",
                                 "２０１５"])
def test_bad_dct_is_a_usage_error(good: Path, bad: str):
    result = invoke("extract", "--dct", bad, good)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--dct" in result.stderr and "YYYY-MM" in result.stderr


def test_bad_options_are_usage_errors(good: Path):
    for args in (["extract"], ["extract", "--format", "xml", str(good)], ["extract", "--max-size", "0", str(good)],
                 ["extract", "--max-size", "lots", str(good)], ["nonsense"]):
        result = invoke(*args)
        assert result.exit_code == 2, args
        assert "Usage:" in result.stderr and result.stdout == ""


# --- help and version ------------------------------------------------------------------------

def test_group_help_explains_itself():
    for flag in ("--help", "-h"):
        result = invoke(flag)
        assert result.exit_code == 0
        assert "Japan" in result.stdout and "extract" in result.stdout and "--version" in result.stdout


def test_no_command_shows_usage():
    result = invoke()
    assert result.exit_code in (0, 2)
    assert "extract" in result.stdout + result.stderr


def test_extract_help_explains_itself():
    result = invoke("extract", "--help")
    assert result.exit_code == 0
    out = result.stdout
    for word in ("PATHS", "--format", "jsonl", "table", "--dct", "YYYY", "today", "--max-size", "MB",
                 "stderr", "exit status", "recursively", "event"):
        assert word in out, word


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"kankei, version {__version__}"


# --- bad input -------------------------------------------------------------------------------

@pytest.fixture
def batch(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "batch"
    rng = random.Random(7)
    return {
        "good": write(folder / "good.txt", GOOD),
        "binary": write(folder / "binary.bin", rng.randbytes(4096) + b"\x00" * 64 + rng.randbytes(512)),
        "empty": write(folder / "empty.txt", b""),
        "cp1252": write(folder / "western.txt", CP1252.encode("cp1252")),
        "sjis": write(folder / "japanese.txt", SJIS.encode("shift_jis")),
        "html": write(folder / "page.html", HTML),
        "missing": folder / "missing.txt",
        "big": write(folder / "big.txt", (GOOD * (1 + 1024 * 1024 // len(GOOD)))[:1024 * 1024 + 1]),
    }


BAD = {"binary": "binary", "empty": "empty", "missing": "no such file", "big": "too large"}
READABLE = ("good", "cp1252", "sjis", "html")


def check_batch(result, batch: dict[str, Path]) -> list[dict]:
    assert result.exit_code == 1
    err_lines = result.stderr.splitlines()
    assert len(err_lines) == len(BAD), result.stderr
    for name, word in BAD.items():
        mine = [ln for ln in err_lines if str(batch[name]) in ln]
        assert len(mine) == 1, (name, result.stderr)
        assert mine[0].startswith("kankei: ") and word in mine[0].lower(), mine[0]
    assert "--max-size" in next(ln for ln in err_lines if str(batch["big"]) in ln)
    return parse_jsonl(result.stdout)


def test_bad_input_is_reported_and_the_batch_goes_on(batch: dict[str, Path]):
    order = ["good", "binary", "empty", "cp1252", "missing", "sjis", "html", "big"]
    result = invoke("extract", "--max-size", "1", *(batch[k] for k in order))
    records = check_batch(result, batch)
    docs = by_doc(records)
    assert list(docs) == [batch[k].stem for k in order if k in READABLE]
    sources = {batch[k].stem: read_path(batch[k]).text for k in READABLE}
    assert sources["good"] == utf8_source(batch["good"])
    check_offsets(records, sources)
    for rec in records:
        check_spec_fields(rec)
    for k in READABLE:
        assert "2014-03" in values(docs[batch[k].stem], "time"), k
    assert "Caf\u00e9 Diplomacy" in sources["western"]
    assert "東京" in sources["japanese"]


def test_html_records_say_their_offsets_are_extracted(batch: dict[str, Path]):
    result = invoke("extract", batch["html"], batch["good"])
    assert result.exit_code == 0, result.stderr
    docs = by_doc(parse_jsonl(result.stdout))
    page = docs["page"]
    assert page[0]["title"] == "Talks in Stockholm"
    assert len(page) > 1 and all(r.get("offsets") == "extracted" for r in page)
    assert all("offsets" not in r for r in docs["good"])
    text = read_path(batch["html"]).text
    check_offsets(page, {"page": text})
    # script, nav and footer are not article text
    assert "1999" not in text and "1987" not in text and "Copyright" not in text
    assert not {"1999", "1987", "2016"} & set(values(page, "time"))


def test_folder_with_bad_files(batch: dict[str, Path]):
    folder = batch["good"].parent
    result = invoke("extract", "--max-size", "1", folder, batch["missing"])
    records = check_batch(result, batch)
    assert list(by_doc(records)) == ["good", "japanese", "page", "western"]  # sorted by file name


def test_only_good_files_exit_zero(batch: dict[str, Path]):
    result = invoke("extract", *(batch[k] for k in READABLE))
    assert result.exit_code == 0
    assert result.stderr == ""
    assert len(by_doc(parse_jsonl(result.stdout))) == len(READABLE)


def test_a_file_the_pipeline_fails_on_is_reported_not_raised(tmp_path: Path, monkeypatch):
    import kankei.extract

    real = kankei.extract.extract

    def flaky(text, doc="doc", **kw):
        if doc == "boom":
            raise ValueError("simulated\nrecognizer failure")
        return real(text, doc=doc, **kw)

    monkeypatch.setattr(kankei.extract, "extract", flaky)
    boom = write(tmp_path / "boom.txt", OTHER)
    ok = write(tmp_path / "ok.txt", GOOD)
    result = invoke("extract", boom, ok)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and str(boom) in lines[0] and "simulated recognizer failure" in lines[0]
    assert list(by_doc(parse_jsonl(result.stdout))) == ["ok"]


def test_file_names_that_are_not_utf8_or_ascii(tmp_path: Path):
    write(tmp_path / "日本語.txt", OTHER)
    try:
        raw = os.fsencode(tmp_path) + b"/\xffodd.txt"
        with open(raw, "wb") as f:
            f.write(GOOD.encode("utf-8"))
    except (OSError, UnicodeError):
        pytest.skip("this file system wants UTF-8 file names")
    result = invoke("extract", tmp_path)
    assert result.exit_code == 0, result.stderr
    records = parse_jsonl(result.stdout)
    assert set(by_doc(records)) == {"\\xffodd", "日本語"}
    check_offsets(records, {"\\xffodd": GOOD, "日本語": OTHER})


# --- the installed command -------------------------------------------------------------------

KANKEI = Path(sys.executable).parent / "kankei"


@pytest.fixture
def kankei_bin() -> Path:
    if not KANKEI.exists():
        pytest.skip(f"{KANKEI} is not installed (pip install -e .)")
    return KANKEI


def run_bin(binary: Path, *args: str | Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}  # the output must not depend on the locale
    proc = subprocess.run([str(binary), *map(str, args)], capture_output=True, timeout=300, env=env)
    assert b"Traceback" not in proc.stdout and b"Traceback" not in proc.stderr, proc.stderr.decode()
    return proc


def test_installed_command_on_a_folder(kankei_bin: Path, tmp_path: Path):
    folder = tmp_path / "docs"
    write(folder / "talks.txt", GOOD)
    write(folder / "nested" / "ferry.txt", OTHER)
    write(folder / "japanese.txt", SJIS.encode("shift_jis"))
    proc = run_bin(kankei_bin, "extract", folder)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr == b""
    records = parse_jsonl(proc.stdout.decode("utf-8"))
    assert list(by_doc(records)) == ["japanese", "ferry", "talks"]
    sources = {p.stem: read_path(p).text for p in folder.rglob("*.txt")}
    check_offsets(records, sources)


def test_installed_command_on_bad_input(kankei_bin: Path, batch: dict[str, Path]):
    proc = run_bin(kankei_bin, "extract", "--max-size", "1", *batch.values())
    assert proc.returncode == 1
    err = proc.stderr.decode("utf-8").splitlines()
    assert len(err) == len(BAD)
    records = parse_jsonl(proc.stdout.decode("utf-8"))
    assert set(by_doc(records)) == {batch[k].stem for k in READABLE}
    table = run_bin(kankei_bin, "extract", "--format", "table", batch["sjis"], batch["good"])
    assert table.returncode == 0
    assert "日本と北朝鮮の協議" in table.stdout.decode("utf-8")


def test_table_piped_keeps_every_participant(good: Path, tmp_path: Path):
    """Piped (not a terminal), no line is cut: an event row ends with all its participants."""
    from kankei.table import render_table
    result = invoke("extract", "--format", "table", good)
    assert result.exit_code == 0, result.stderr
    rows = [ln for ln in result.stdout.splitlines() if " event " in ln and "=" in ln]
    assert rows and all(ln.rstrip().endswith(")") for ln in rows)
    record = {"kind": "event", "start": 1, "text": "met", "type": "meet", "date": "2002",
              "participants": [{"role": "agent", "entity": "person:" + "x" * 80}]}
    assert len(render_table([record], width=60).rstrip("\n")) == 60
    assert render_table([record]).rstrip("\n").endswith(")")


def test_a_reader_that_stops_reading_ends_the_batch_quietly(kankei_bin: Path, tmp_path: Path):
    folder = tmp_path / "docs"
    for k in range(120):        # (more output than a pipe holds, so that writing meets the closed end)
        write(folder / f"talks{k:03d}.txt", GOOD)
    proc = subprocess.Popen([str(kankei_bin), "extract", str(folder)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.read(50)        # ('kankei extract docs | head -c 50')
    proc.stdout.close()
    err = proc.stderr.read()
    proc.wait(timeout=300)
    assert b"bug" not in err and b"Traceback" not in err, err.decode()
    assert proc.returncode in (0, 141)
