"""Nothing lost, nothing garbled: encodings, damaged bytes, odd files and odd paths.

The round trip reads the shared texts (test material, never copied); every other text here is
composed for the test.
"""
from __future__ import annotations

import codecs
import os
import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kankei.cli import main
from kankei.read import ReadError, iter_paths, read_path
from kankei.read.detect import decode_text, is_pdf

ENCODINGS = {
    "utf-8": lambda s: s.encode("utf-8"),
    "utf-8 with BOM": lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
    "utf-16 LE with BOM": lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"),
    "utf-16 BE with BOM": lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
    "utf-16 LE": lambda s: s.encode("utf-16-le"),
    "utf-16 BE": lambda s: s.encode("utf-16-be"),
    "utf-32": lambda s: s.encode("utf-32"),
    "utf-32 LE": lambda s: s.encode("utf-32-le"),
    "utf-32 BE": lambda s: s.encode("utf-32-be"),
    "cp1252": lambda s: s.encode("cp1252"),
    "latin-1": lambda s: s.encode("latin-1"),
}
FRENCH = "Le 14 décembre 1959, à Niigata, le navire partit. « Très bien », dit le délégué coréen.\n"


def _shared_texts(shared_dir: Path) -> list[Path]:
    paths = sorted((shared_dir / "corpus").glob("*.txt")) + sorted((shared_dir / "devset" / "corpus").glob("*.txt"))
    assert len(paths) >= 20
    return paths


def test_every_shared_text_in_every_encoding_decodes_to_itself(shared_dir: Path) -> None:
    tried = set()
    for path in _shared_texts(shared_dir):
        original = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
        for name, encode in ENCODINGS.items():
            try:
                data = encode(original)
            except UnicodeEncodeError:      # cp1252 / Latin-1 cannot write every text
                continue
            if name == "latin-1" and re.search("[\x80-\x9f]", original):
                continue
            decoded = decode_text(data)
            text = decoded.text.removeprefix("\ufeff") if name == "utf-8 with BOM" else decoded.text
            assert text == original, (path.name, name, decoded.encoding)
            assert decoded.replaced == 0
            tried.add(name)
    assert tried == set(ENCODINGS)


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_western_legacy_text_is_not_read_as_a_dos_or_baltic_code_page(tmp_path: Path, codec: str) -> None:
    for text in (FRENCH, FRENCH.replace("\n", " ") * 3, "Genève\u00a0: réunion.\n"):
        (tmp_path / "fr.txt").write_bytes(text.encode(codec))
        src = read_path(tmp_path / "fr.txt")
        assert src.text == text
        assert src.encoding == "cp1252"


def test_central_european_text_is_not_forced_into_cp1252(tmp_path: Path) -> None:
    text = "Delegacja przybyła do Warszawy; spotkanie odbyło się w ministerstwie.\n"
    (tmp_path / "pl.txt").write_bytes(text.encode("cp1250"))
    assert read_path(tmp_path / "pl.txt").encoding != "cp1252"


def test_one_stray_byte_in_utf8_is_replaced_and_reported_not_the_document_lost(tmp_path: Path) -> None:
    good = "Talks in Pyongyang — “a first step” — ended on 17 September 2002. Café résumé.\n"
    data = good.encode("utf-8")
    cut = data.index(b"ended")
    (tmp_path / "damaged.txt").write_bytes(data[:cut] + b"\xff" + data[cut:])
    src = read_path(tmp_path / "damaged.txt")
    assert src.encoding == "utf-8" and src.replaced == 1
    assert src.text == good[:good.index("ended")] + "\ufffd" + good[good.index("ended"):]
    assert src.warnings() == ["1 undecodable byte replaced by U+FFFD (utf-8)"]


def test_the_cli_reports_replaced_bytes_and_keeps_the_document(tmp_path: Path) -> None:
    (tmp_path / "damaged.txt").write_bytes("Kim Jong Il met Koizumi in Pyongyang — on 17 September 2002.\n"
                                           .encode().replace(b"met", b"m\xfet"))
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "damaged.txt")])
    assert result.exit_code == 0
    assert "warning: 1 undecodable byte replaced" in result.stderr
    assert '"replaced_bytes":1' in result.stdout and '"kind":"time"' in result.stdout


def test_a_text_mentioning_the_pdf_header_is_text(tmp_path: Path) -> None:
    text = "Files starting with %PDF-1.7 are PDF documents; this note is not one.\n"
    assert not is_pdf(text.encode())
    assert read_path(_write(tmp_path, "note.txt", text.encode())).format == "text"
    assert is_pdf(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n")
    assert is_pdf(b"HTTP junk\r\n\r\n%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n")


def test_a_meta_charset_that_lies_about_utf16_is_not_believed(tmp_path: Path) -> None:
    page = ('<html><head><meta charset="utf-16"><title>Réunion</title></head>'
            '<body><p>La délégation arriva à Genève en février.</p></body></html>')
    src = read_path(_write(tmp_path, "page.html", page.encode("latin-1")))
    assert src.text == "La délégation arriva à Genève en février."


def test_a_meta_charset_the_bytes_do_not_fit_falls_back_to_detection(tmp_path: Path) -> None:
    page = '<html><meta charset="ascii"><body><p>Le délégué arriva à Genève.</p></body></html>'
    assert read_path(_write(tmp_path, "p.html", page.encode("cp1252"))).text == "Le délégué arriva à Genève."


@pytest.mark.parametrize("data", [b"x", b"\xff", b"\x93", "\u200b".encode() * 300,
                                  "\ufeff\u200b\u200c \u2060\n".encode() * 20, b"-- ** --\n"])
def test_files_without_a_word_are_not_documents(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(ReadError):
        read_path(_write(tmp_path, "nothing.txt", data))


def test_random_bytes_are_never_documents(tmp_path: Path) -> None:
    rng = random.Random(2002)
    accepted = 0
    for i in range(200):
        data = bytes(rng.randrange(256) for _ in range(16))
        try:
            read_path(_write(tmp_path, f"r{i}.bin", data))
            accepted += 1
        except ReadError:
            pass
    assert accepted == 0


def test_a_file_name_that_is_not_utf8_does_not_stop_the_batch(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Abe visited Pyongyang in May 2004.\n")
    (folder / os.fsdecode(b"b\xff.txt")).write_text("Koizumi visited Pyongyang in September 2002.\n")
    (folder / "c.txt").write_text("Talks resumed in Beijing in 2014.\n")
    runner = CliRunner()
    out = runner.invoke(main, ["extract", str(folder)])
    assert out.exit_code == 0, out.output
    assert [r for r in out.stdout.splitlines() if '"kind":"document"' in r].__len__() == 3
    db = tmp_path / "k.db"
    built = runner.invoke(main, ["build", str(folder), "--db", str(db), "--json"])
    assert built.exit_code == 0, built.output
    assert '"failed": []' in built.stdout and built.stdout.count(".txt") == 3
    again = runner.invoke(main, ["build", str(folder), "--db", str(db)])
    assert "0 added, 0 replaced, 3 unchanged, 0 removed" in again.stderr


def test_an_empty_path_argument_is_an_error_not_the_current_folder(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "here.txt").write_text("Abe visited Pyongyang in May 2004.\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["extract", ""])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "empty path" in result.stderr
    assert [type(x) for x in iter_paths([""])] == [ReadError]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symlinks")
def test_dangling_links_and_special_files_in_a_folder_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Abe visited Pyongyang in May 2004.\n")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe")
    found = list(iter_paths([tmp_path]))
    errors = {Path(e.path).name: str(e) for e in found if isinstance(e, ReadError)}
    assert [p.name for p in found if isinstance(p, Path)] == ["a.txt"]
    assert "broken link" in errors["gone.txt"] and "not a regular file" in errors["pipe"]


def test_pypdf_warnings_do_not_reach_stderr(tmp_path: Path, capfd: pytest.CaptureFixture) -> None:
    from test_read import make_pdf
    pdf = make_pdf([["The ferry left Niigata."]])
    m = re.search(rb"startxref\n(\d+)", pdf)
    damaged = pdf[:m.start(1)] + str(int(m.group(1)) + 3).encode() + pdf[m.end(1):]   # pypdf warns, recovers
    src = read_path(_write(tmp_path, "off.pdf", damaged))
    assert src.text == "The ferry left Niigata."
    assert capfd.readouterr().err == ""


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path
