"""Reading files into text: encodings, binary detection, HTML and PDF extraction, folder walking.

Every file here is written by the test itself; the texts are composed for the tests.
"""
from __future__ import annotations

import io
import os
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from kankei.read import ReadError, Source, iter_paths, read_path
from kankei.read.html import extract_html

ENGLISH = "The ferry left Niigata on 14 December 1959.\nIt carried 975 passengers.\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def read_error(path: Path, **kw) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_path(path, **kw)
    err = info.value
    assert "\n" not in str(err)
    assert err.path == Path(path)
    return err


# --- plain text ------------------------------------------------------------------------

def test_utf8_text_is_kept_exactly_as_the_offsets_spec_reads_it(tmp_path: Path) -> None:
    raw = "\ufeffTitle\r\nLine two\rLine three\n\n  indented — “quoted” 日本\n".encode()
    path = write(tmp_path, "003_abc.txt", raw)
    src = read_path(path)
    assert isinstance(src, Source)
    with open(path, encoding="utf-8", newline="") as fh:
        assert src.text == fh.read()
    assert src.text.startswith("\ufeff")   # the BOM stays, so offsets match the spec
    assert (src.doc, src.format, src.encoding, src.offsets) == ("003_abc", "text", "utf-8", "source")
    assert src.title is None and src.published_hint is None


@pytest.mark.parametrize("codec,text", [
    ("shift_jis", "日本政府は一九五九年に帰国事業を認めた。新潟港から船が出発した。在日朝鮮人の多くが乗船した。"),
    ("euc_jp", "日本政府は一九五九年に帰国事業を認めた。新潟港から船が出発した。在日朝鮮人の多くが乗船した。"),
    ("euc_kr", "일본 정부는 귀국 사업을 승인했다. 배는 니가타 항에서 출발했다. 많은 사람들이 배에 탔다."),
    ("cp1252", "The committee met in Genève — “a quiet café”, said the délégué, naïvely. Cost: 5€."),
    ("latin-1", "La délégation arriva à Genève en février; le rapatriement des Coréens fut décidé après."),
])
def test_legacy_encodings_are_detected(tmp_path: Path, codec: str, text: str) -> None:
    src = read_path(write(tmp_path, "legacy.txt", text.encode(codec)))
    assert src.text == text
    assert src.encoding and src.encoding != "utf-8"
    assert src.offsets == "source"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    data = ENGLISH.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    src = read_path(write(tmp_path, "wide.txt", data))
    assert src.text == ENGLISH
    assert src.encoding == "utf-16"


def test_random_bytes_are_binary(tmp_path: Path) -> None:
    rng = random.Random(1959)
    path = write(tmp_path, "blob.txt", bytes(rng.randrange(256) for _ in range(4096)))
    assert str(read_error(path)) == "binary file (not text, HTML or PDF)"


def test_high_random_bytes_without_nul_are_binary(tmp_path: Path) -> None:
    rng = random.Random(7)
    path = write(tmp_path, "blob.dat", bytes(rng.randrange(128, 256) for _ in range(4096)))
    assert "binary" in str(read_error(path))


def test_nul_bytes_in_otherwise_valid_utf8_are_binary(tmp_path: Path) -> None:
    assert "binary" in str(read_error(write(tmp_path, "nul.txt", b"text\x00more text\x00")))


def test_mostly_control_characters_are_binary(tmp_path: Path) -> None:
    assert "binary" in str(read_error(write(tmp_path, "ctl.txt", bytes(range(1, 9)) * 50 + b"abc")))


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", "\ufeff \n".encode()])
def test_empty_files(tmp_path: Path, data: bytes) -> None:
    assert str(read_error(write(tmp_path, "empty.txt", data))) == "empty file"


def test_missing_file(tmp_path: Path) -> None:
    assert str(read_error(tmp_path / "nope.txt")) == "no such file"


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    assert "directory" in str(read_error(tmp_path))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    assert str(read_error(tmp_path / "pipe")) == "not a regular file"


def test_legacy_html_without_html_extension(tmp_path: Path) -> None:
    page = '<!DOCTYPE html><meta charset="euc-jp"><p>日本と北朝鮮の会談。</p>'
    src = read_path(write(tmp_path, "page.txt", page.encode("euc_jp")))
    assert (src.format, src.text, src.encoding) == ("html", "日本と北朝鮮の会談。", "euc_jp")


def test_utf16_html(tmp_path: Path) -> None:
    src = read_path(write(tmp_path, "wide.txt", "<html><body><p>Wide page.</p></body></html>".encode("utf-16")))
    assert (src.format, src.text) == ("html", "Wide page.")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", b"hidden")
    path.chmod(0)
    try:
        assert str(read_error(path)) == "not readable: permission denied"
    finally:
        path.chmod(0o644)


def test_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:      # sparse: costs no disk, and must not be read
        fh.truncate(812 * 1024 * 1024)
    assert str(read_error(path)) == "file too large: 812 MB (limit 200 MB; raise it with --max-size)"


def test_max_bytes_is_adjustable(tmp_path: Path) -> None:
    path = write(tmp_path, "small.txt", b"x" * 2048)
    assert str(read_error(path, max_bytes=1024)).startswith("file too large: 2 KB (limit 1 KB;")
    assert read_path(path, max_bytes=4096).text == "x" * 2048


# --- HTML ------------------------------------------------------------------------------

MESSY_PAGE = """<!DOCTYPE html>
<html><head>
<title>  Repatriation   ships | Site </title>
<meta property="og:title" content="Repatriation ships">
<meta name="date" content="2015-06-03">
<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2015-06-02T09:00:00+09:00"}]}</script>
<style>p { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li>World</li></ul></nav>
<header><h1>Site banner</h1></header>
<div class="layout">
<aside>Most read: unrelated story</aside>
<article>
  <h1>The  ships &amp; the port</h1>
  <p>The first ship <b>left</b> Niigata&nbsp;in 1959.<br>It returned a week later.</p>
  <script>document.write("ad text");</script>
  <noscript>Enable scripts</noscript>
  <p>Passengers:<ul><li>families<li>students</ul>
  <table><tr><td>1959</td><td>2,942</td></tr><tr><td>1960</td><td>49,036</td></tr></table>
  <!-- a comment that is not text -->
  <div><div><p>Nested    paragraph
     across lines.</p></div></div>
  <p hidden>hidden text</p>
  <form><input value="search"><button>Go</button></form>
</article>
</div>
<footer>Copyright notice</footer>
<p>Stray text after the footer <div><span>never closed
"""


def test_messy_html_page(tmp_path: Path) -> None:
    src = read_path(write(tmp_path, "page.html", MESSY_PAGE.encode()))
    assert src.format == "html" and src.offsets == "extracted" and src.encoding == "utf-8"
    assert src.text == ("The ships & the port\n\nThe first ship left Niigata in 1959.\n\nIt returned a week later."
                        "\n\nPassengers:\n\nfamilies\n\nstudents\n\n1959 2,942\n\n1960 49,036"
                        "\n\nNested paragraph across lines.")
    assert src.title == "Repatriation ships"
    assert src.published_hint == "2015-06-02T09:00:00+09:00"


def test_html_sniffed_from_content_in_a_txt_file(tmp_path: Path) -> None:
    page = "\n  <!doctype html><html><head><title>T</title></head><body><p>Body text.</p></body></html>"
    src = read_path(write(tmp_path, "saved.txt", page.encode()))
    assert (src.format, src.text, src.title) == ("html", "Body text.", "T")


def test_text_mentioning_html_is_still_text(tmp_path: Path) -> None:
    text = "A note on markup.\nThe tag <html> opens a page, far from the start of this file.\n"
    assert read_path(write(tmp_path, "note.txt", text.encode())).format == "text"


@pytest.mark.parametrize("start", ["<?xml version='1.0'?>\n<html>", "<!-- saved -->\n<HTML lang=en>", "<body>"])
def test_html_sniffing_variants(tmp_path: Path, start: str) -> None:
    src = read_path(write(tmp_path, "x.txt", (start + "<p>Sniffed.</p>").encode()))
    assert (src.format, src.text) == ("html", "Sniffed.")


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    page = '<html><head><meta charset="shift_jis"><title>帰国</title></head><body><p>新潟港から出発した。</p></body></html>'
    src = read_path(write(tmp_path, "ja.htm", page.encode("shift_jis")))
    assert src.text == "新潟港から出発した。"
    assert src.title == "帰国"
    assert src.encoding == "shift_jis"


def test_html_without_article_uses_the_paragraph_container() -> None:
    page = ("<html><body><div id=menu><p>Home</p></div><div id=story><h1>Talks resume</h1>"
            "<p>The delegations met in Beijing for the first time in four years.</p>"
            "<p>No agreement was announced after the meeting ended.</p></div>"
            "<div id=links>See also: other pages</div></body></html>")
    text, title, hint = extract_html(page)
    assert text == ("Talks resume\n\nThe delegations met in Beijing for the first time in four years."
                    "\n\nNo agreement was announced after the meeting ended.")
    assert title == "Talks resume" and hint is None


@pytest.mark.parametrize("head,hint", [
    ('<meta property="article:published_time" content="2014-05-29T10:00:00Z">', "2014-05-29T10:00:00Z"),
    ('<meta name="pubdate" content="20140529">', "20140529"),
    ('<meta name="DC.date.issued" content="2014-05-29">', "2014-05-29"),
    ('<script type="application/ld+json">{"datePublished": "2014-05-29", broken</script>', "2014-05-29"),
    ("", "2014-05"),   # falls back to <time datetime>
])
def test_published_hint_sources(head: str, hint: str) -> None:
    page = f"<html><head>{head}</head><body><p><time datetime='2014-05'>May</time> text.</p></body></html>"
    assert extract_html(page)[2] == hint


def test_teaser_article_does_not_hide_the_story() -> None:
    story = "<p>" + "A long story paragraph about fisheries talks. " * 20 + "</p>"
    page = f"<html><body><article><p>Teaser</p></article><div>{story}{story}</div></body></html>"
    assert extract_html(page)[0].count("fisheries") == 40


def test_article_header_is_kept_page_header_dropped() -> None:
    page = ("<body><header>Site name</header><article><header><h1>Talks end</h1>"
            "<p>By A. Writer, June 3, 2015</p></header><p>The talks ended without agreement.</p>"
            "<div hidden><p hidden>Nested hidden</p></div></article></body>")
    assert extract_html(page)[0] == "Talks end\n\nBy A. Writer, June 3, 2015\n\nThe talks ended without agreement."


def test_html_with_no_text_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "blank.html", b"<html><head><script>x()</script></head><body>  </body></html>")
    assert "no text" in str(read_error(path))


def test_deeply_nested_html_does_not_crash() -> None:
    page = "<div>" * 5000 + "deep text" + "</div>" * 10 + "<p>tail"
    assert extract_html(page)[0] == "deep text\n\ntail"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<div>", "<br>", "<script>", "</script>", "<b>", "<li>",
                                 "<article>", "text", " ", "\n", "&amp;", "&bogus;", "<", ">", "<!--",
                                 "-->", "<title>", "<h1>", "<meta content='x' name=date>"]),
                max_size=60).map("".join))
def test_html_extraction_never_crashes_and_is_tidy(page: str) -> None:
    text, title, _ = extract_html(page)
    assert text == text.strip()
    assert "\n\n\n" not in text
    for block in text.split("\n\n") if text else []:
        assert block and "\n" not in block and "  " not in block
    assert title is None or title == title.strip()


# --- PDF -------------------------------------------------------------------------------

def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal valid PDF, one Helvetica text line per string, written by hand."""
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i, lines in enumerate(pages):
        ops = ["BT /F1 12 Tf 72 720 Td 14 TL"]
        ops += ["(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*"
                for line in lines]
        stream = ("\n".join(ops + ["ET"]) if lines else "").encode("latin-1")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                       f"<< /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for num, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (num, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def encrypt(pdf: bytes, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_pdf_text_pages_joined_by_blank_lines(tmp_path: Path) -> None:
    pdf = make_pdf([["Talks resumed in 2014.", "Both sides (Japan and the DPRK) met."], ["Page two text."]])
    src = read_path(write(tmp_path, "report.pdf", pdf))
    assert (src.format, src.offsets, src.encoding, src.doc) == ("pdf", "extracted", None, "report")
    assert src.text == "Talks resumed in 2014.\nBoth sides (Japan and the DPRK) met.\n\nPage two text."


def test_pdf_detected_by_magic_not_extension(tmp_path: Path) -> None:
    src = read_path(write(tmp_path, "download.bin", make_pdf([["Magic wins."]])))
    assert src.format == "pdf" and src.text == "Magic wins."


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    err = read_error(write(tmp_path, "scan.pdf", make_pdf([[], []])))
    assert "no text layer" in str(err)


def test_password_protected_pdf(tmp_path: Path) -> None:
    err = read_error(write(tmp_path, "locked.pdf", encrypt(make_pdf([["Secret."]]), "pw")))
    assert "encrypted" in str(err)


def test_pdf_encrypted_with_empty_password_is_read(tmp_path: Path) -> None:
    src = read_path(write(tmp_path, "perm.pdf", encrypt(make_pdf([["Open to all."]]), "")))
    assert src.text == "Open to all."


@pytest.mark.parametrize("data", [b"%PDF-1.4\n" + b"garbage " * 50, make_pdf([["Cut short."]])[:60]])
def test_corrupt_pdf(tmp_path: Path, data: bytes) -> None:
    err = read_error(write(tmp_path, "broken.pdf", data))
    assert "PDF" in str(err)


# --- walking paths ---------------------------------------------------------------------

def test_iter_paths_walks_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in ["b.txt", "a.txt", "sub/z.html", "sub/c.txt", ".hidden.txt", ".git/config", "sub/.x/y.txt"]:
        write(tmp_path, name, b"text")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    single = write(tmp_path, "other/.explicit.txt", b"text")
    got = list(iter_paths([tmp_path, str(single), tmp_path / "missing.txt"]))
    names = [p.relative_to(tmp_path).as_posix() for p in got if isinstance(p, Path)]
    assert names == ["a.txt", "b.txt", "sub/c.txt", "sub/z.html", "other/.explicit.txt"]
    assert isinstance(got[-1], ReadError) and str(got[-1]) == "no such file"
    assert got[-1].path == tmp_path / "missing.txt"


def test_iter_paths_then_read(tmp_path: Path) -> None:
    write(tmp_path, "d/one.txt", ENGLISH.encode())
    write(tmp_path, "d/two.txt", b"")
    results = []
    for item in iter_paths([tmp_path / "d"]):
        try:
            results.append(read_path(item).doc if isinstance(item, Path) else str(item))
        except ReadError as err:
            results.append(str(err))
    assert results == ["one", "empty file"]
