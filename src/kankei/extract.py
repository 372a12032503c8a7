"""Library entry points: extract from a string, a file, or many paths."""
from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kankei.pipeline import Extraction, extract
from kankei.read import DEFAULT_MAX_BYTES, ReadError, Source, iter_paths, read_path


class ExtractError(Exception):
    """A file that was read but that the pipeline failed on (a bug); the original is __cause__."""

    def __init__(self, path: str | Path, error: BaseException) -> None:
        message = " ".join(str(error).split())
        message = f"{type(error).__name__}: {message[:200]}" if message else type(error).__name__
        super().__init__(f"extraction failed, a bug in kankei (please report it): {message}")
        self.path = Path(path)
        self.__cause__ = error


class ReadWarning:
    """A file that was read, but not quite as written (undecodable bytes replaced); reported, not dropped."""

    def __init__(self, path: str | Path, message: str) -> None:
        self.path = Path(path)
        self.message = message

    def __str__(self) -> str:
        return self.message


def doc_name(stem: str) -> str:
    """A file name as valid text: bytes that aren't UTF-8 (kept by Python as surrogates) become \\xNN."""
    try:
        stem.encode("utf-8")
        return stem
    except UnicodeEncodeError:
        return os.fsencode(stem).decode("utf-8", "backslashreplace")


def extract_source(source: Source, dct: str | None = None) -> Extraction:
    """Extract one read document; HTML/PDF records say their offsets index extracted text."""
    result = extract(source.text, doc=doc_name(source.doc), dct=dct, published_hint=source.published_hint,
                     title=source.title)
    if source.offsets == "extracted":
        result.meta["offsets"] = "extracted"
    result.meta["format"] = source.format
    if source.replaced:
        result.meta["replaced_bytes"] = source.replaced
    if source.encoding and source.encoding.lower() not in ("utf-8", "utf_8", "ascii"):
        result.meta["encoding"] = source.encoding
    return result


# A document longer than this is extracted in pieces of about PIECE_CHARS, cut at paragraph
# or sentence ends, so that memory stays bounded (the pipeline holds ~30 bytes per character)
# and so does the work that grows faster than a piece (comparing the events of one text).
# Shorter documents, which is all real articles, are extracted whole.
STREAM_CHARS = 4_000_000
PIECE_CHARS = 100_000
_SENTENCE_END = re.compile(r"[.!?。][\"”’)]?\s+(?=\S)")


def document_records(source: Source, dct: str | None = None) -> Iterator[dict]:
    """The records of one document, document record first, by position.

    Like `extract_source(source, dct).records()`, except that a document of over STREAM_CHARS
    characters is extracted piece by piece and its records are yielded as each piece is done:
    what links sentences across a cut (a narrative's date, a surname named in an earlier piece)
    is lost there, but memory does not grow with the document.
    """
    text = source.text
    if len(text) <= STREAM_CHARS:
        yield from extract_source(source, dct=dct).records()
        return
    anchor = dct
    for a, b in pieces(text):
        result = extract_source(dataclasses.replace(source, text=text[a:b]), dct=anchor)
        records = result.records()
        if a == 0:
            doc = records[0]
            doc["end"] = len(text)
            yield doc
            anchor = dct or result.published    # later pieces resolve "today" against the document's date
        del result
        for rec in records[1:]:
            yield shift_record(rec, a)


def pieces(text: str, size: int = PIECE_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive pieces of about `size` characters covering text: cut after the last
    blank line, else line break, else sentence end, else space in the last fifth of each piece."""
    a, n = 0, len(text)
    while a < n:
        b = min(n, a + size)
        if b < n:
            lo = a + size * 4 // 5
            cut = text.rfind("\n\n", lo, b)
            if cut < 0:
                cut = text.rfind("\n", lo, b)
            if cut < 0:
                ends = list(_SENTENCE_END.finditer(text, lo, b))
                cut = ends[-1].end() - 1 if ends else text.rfind(" ", lo, b)
            b = cut + 1 if cut >= 0 else b
        yield a, b
        a = b


def shift_record(rec: dict, offset: int) -> dict:
    """A record of a piece with its offsets (start, end, *_start, *_end, also in participants) moved by offset."""
    if not offset:
        return rec
    out = {}
    for k, v in rec.items():
        if type(v) is int and (k in ("start", "end") or k.endswith(("_start", "_end"))):
            v += offset
        elif type(v) is list:
            v = [shift_record(x, offset) if type(x) is dict else x for x in v]
        elif type(v) is dict:
            v = shift_record(v, offset)
        out[k] = v
    return out


class DocumentRecords:
    """One readable file: its path and its records, extracted as they are iterated."""

    def __init__(self, path: Path, source: Source, dct: str | None) -> None:
        self.path, self.source, self.dct = path, source, dct

    def __iter__(self) -> Iterator[dict]:
        return document_records(self.source, self.dct)


def stream_paths(paths: Iterable[str | Path], dct: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                 ) -> Iterator[DocumentRecords | ReadError | ReadWarning]:
    """Like extract_paths, but each readable file yields a DocumentRecords to iterate (the caller reports
    an exception raised while iterating it as an ExtractError of that file)."""
    for item in _read_paths(paths, max_bytes):
        yield DocumentRecords(item[0], item[1], dct) if isinstance(item, tuple) else item


def _read_paths(paths: Iterable[str | Path], max_bytes: int) -> Iterator[tuple[Path, Source] | ReadError | ReadWarning]:
    """Each file under paths as (path, source), or the error that kept it from being read; a
    file read with damage is preceded by its warnings."""
    for item in iter_paths(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        try:
            source = read_path(item, max_bytes=max_bytes)
        except ReadError as err:
            yield err
            continue
        for message in source.warnings():
            yield ReadWarning(item, message)
        yield item, source


def extract_paths(paths: Iterable[str | Path], dct: str | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Extraction | ReadError | ExtractError | ReadWarning]:
    """Each file under paths, extracted; a file that can't be read yields its ReadError instead.

    A file read with damage (bytes replaced) yields a ReadWarning just before its Extraction.

    A file the pipeline fails on yields an ExtractError, so one bad document never ends a batch.
    """
    for item in _read_paths(paths, max_bytes):
        if not isinstance(item, tuple):
            yield item
            continue
        path, source = item
        try:
            result = extract_source(source, dct=dct)
        except Exception as err:  # reported for this file; the batch goes on
            yield ExtractError(path, err)
            continue
        yield result
