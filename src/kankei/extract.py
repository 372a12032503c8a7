"""Library entry points: extract from a string, a file, or many paths."""
from __future__ import annotations

import os
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


def extract_paths(paths: Iterable[str | Path], dct: str | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Extraction | ReadError | ExtractError | ReadWarning]:
    """Each file under paths, extracted; a file that can't be read yields its ReadError instead.

    A file read with damage (bytes replaced) yields a ReadWarning just before its Extraction.

    A file the pipeline fails on yields an ExtractError, so one bad document never ends a batch.
    """
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
        try:
            result = extract_source(source, dct=dct)
        except Exception as err:  # reported for this file; the batch goes on
            yield ExtractError(item, err)
            continue
        yield result
