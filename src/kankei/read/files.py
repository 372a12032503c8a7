"""Files and folders in, Source objects out."""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from .detect import (
    HTML_SUFFIXES,
    Decoded,
    NotText,
    decode_html,
    decode_text,
    has_words,
    is_pdf,
    looks_like_html,
)
from .source import ReadError, Source

DEFAULT_MAX_BYTES = 200 * 1024 * 1024


def read_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read one file as text, HTML or PDF. Raises ReadError with a one-line message."""
    path = Path(path)
    data = _load(path, max_bytes)
    doc = path.stem
    try:
        if is_pdf(data):
            from .pdf import extract_pdf  # pypdf is slow to import: only for PDFs
            text, title = extract_pdf(data)
            return _checked_words(path, Source(path, doc, text, "pdf", None, "extracted", title=title))
        # Sniff on the raw bytes first so a page in a legacy charset gets its <meta charset> honoured.
        if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(_ascii_head(data)):
            return _html(path, doc, decode_html(data))
        decoded = decode_text(data)
        if looks_like_html(decoded.text):  # UTF-16/32 pages only show up after decoding
            return _html(path, doc, decode_html(data))
    except NotText as err:
        raise ReadError(path, str(err)) from err
    if not decoded.text.replace("\ufeff", "").strip():
        raise ReadError(path, "empty file")
    return _checked_words(path, Source(path, doc, decoded.text, "text", decoded.encoding, "source",
                                       replaced=decoded.replaced))


def _checked_words(path: Path, source: Source) -> Source:
    # A lone byte, a few random bytes or a file of zero-width spaces is not a document.
    if not has_words(source.text):
        raise ReadError(path, "no text: not a word in the file (only spaces, symbols or invisible characters)")
    return source


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path | ReadError]:
    """Files as given; folders walked recursively in sorted order, skipping hidden entries."""
    for item in paths:
        if not str(item).strip():   # an unset shell variable must not mean "the current folder"
            yield ReadError(Path(str(item)), "empty path given (an unset variable?)")
            continue
        path = Path(item)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path
        else:
            yield ReadError(path, "no such file")


def _walk(folder: Path) -> Iterator[Path | ReadError]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except PermissionError:
        yield ReadError(folder, "not readable: permission denied")
        return
    except OSError as err:
        yield ReadError(folder, f"not readable: {_reason(err)}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            # Symlinked folders are not followed: they can loop.
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(Path(entry.path))
            elif entry.is_file():
                yield Path(entry.path)
            elif entry.is_symlink() and not os.path.exists(entry.path):
                yield ReadError(entry.path, "skipped: broken link (its target does not exist)")
            elif not entry.is_dir():    # a FIFO, socket or device: reading it could block forever
                yield ReadError(entry.path, "skipped: not a regular file")
        except OSError as err:
            yield ReadError(entry.path, f"not readable: {_reason(err)}")


def _html(path: Path, doc: str, decoded: Decoded) -> Source:
    from .html import extract_html  # only for HTML
    markup = decoded.text
    text, title, hint = extract_html(markup)
    if not text.strip():
        raise ReadError(path, "no text found in HTML page" if markup.strip() else "empty file")
    return _checked_words(path, Source(path, doc, text, "html", decoded.encoding, "extracted", title=title,
                                       published_hint=hint, replaced=decoded.replaced))


def _ascii_head(data: bytes) -> str:
    return data[:2048].removeprefix(b"\xef\xbb\xbf").decode("latin-1")


def _load(path: Path, max_bytes: int) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(path, "is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            raise ReadError(path, "not a regular file")
        size = info.st_size
        if size > max_bytes:  # before reading: a huge file should fail fast, not fill memory
            raise ReadError(path, f"file too large: {_size(size)} (limit {_size(max_bytes)}; "
                                  "raise it with --max-size)")
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise ReadError(path, "no such file") from None
    except PermissionError:
        raise ReadError(path, "not readable: permission denied") from None
    except IsADirectoryError:
        raise ReadError(path, "is a directory, not a file") from None
    except OSError as err:
        raise ReadError(path, f"not readable: {_reason(err)}") from None
    if len(data) > max_bytes:  # grew since stat, or a special file reporting size 0
        raise ReadError(path, f"file too large: over {_size(max_bytes)} (raise it with --max-size)")
    if not data:
        raise ReadError(path, "empty file")
    return data


def _size(n: int) -> str:
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= scale:
            value = n / scale
            return f"{value:.0f} {unit}" if value >= 10 else f"{value:.1f} {unit}".replace(".0 ", " ")
    return f"{n} bytes"


def _reason(err: OSError) -> str:
    return (err.strerror or type(err).__name__).lower()
