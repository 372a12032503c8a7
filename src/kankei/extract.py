"""Library entry points: extract from a string, a file, or many paths."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from kankei.pipeline import Extraction, extract
from kankei.read import DEFAULT_MAX_BYTES, ReadError, Source, iter_paths, read_path


def extract_source(source: Source, dct: str | None = None) -> Extraction:
    """Extract one read document; HTML/PDF records say their offsets index extracted text."""
    result = extract(source.text, doc=source.doc, dct=dct, published_hint=source.published_hint,
                     title=source.title)
    if source.offsets == "extracted":
        result.meta["offsets"] = "extracted"
    result.meta["format"] = source.format
    if source.encoding and source.encoding.lower() not in ("utf-8", "utf_8", "ascii"):
        result.meta["encoding"] = source.encoding
    return result


def extract_paths(paths: Iterable[str | Path], dct: str | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Extraction | ReadError]:
    """Each file under paths, extracted; a file that can't be read yields its ReadError instead."""
    for item in iter_paths(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        try:
            source = read_path(item, max_bytes=max_bytes)
        except ReadError as err:
            yield err
            continue
        yield extract_source(source, dct=dct)
