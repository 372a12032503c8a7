"""Sniff what a file is (PDF, HTML, plain text, binary) and decode text bytes."""
from __future__ import annotations

import codecs
import re

BINARY = "binary file (not text, HTML or PDF)"
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})

# C0 controls other than tab, newline, vertical tab, form feed, carriage return; DEL; C1.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_HTML_START = re.compile(r"(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<(?:html|head|body)[\s>])", re.IGNORECASE | re.DOTALL)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = (  # UTF-32 first: its little-endian BOM starts with the UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class NotText(Exception):
    """The bytes do not decode to text; the message says why."""


def is_pdf(data: bytes) -> bool:
    # Readers accept the header anywhere in the first KB; leading junk is common in downloads.
    return data[:1024].find(b"%PDF-") != -1


def looks_like_html(text: str) -> bool:
    # Only the very start counts: a text *about* HTML may mention <html> later on.
    head = text[:2048].lstrip("\ufeff \t\r\n")
    if head[:5].lower() == "<?xml":
        head = head[head.find(">") + 1:].lstrip()
    return _HTML_START.match(head) is not None


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode text bytes: UTF-8 as-is (a BOM stays as U+FEFF), else a detected legacy encoding.

    Raises NotText for binary data.
    """
    name = bom_encoding(data)
    if name is not None:  # UTF-16/32 carry NUL bytes legitimately, so test them before the NUL check
        try:
            return _checked(data.decode(name)), name
        except UnicodeDecodeError as err:
            raise NotText(BINARY) from err
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise NotText(BINARY)
    text, name = _guess(data)
    return _checked(text), name


def decode_html(data: bytes) -> tuple[str, str]:
    """Like decode_text, but a valid <meta charset> wins over guessing for non-UTF-8 pages."""
    if bom_encoding(data) is None:
        try:
            return _checked(data.decode("utf-8")), "utf-8"
        except UnicodeDecodeError:
            pass
        m = _META_CHARSET.search(data[:4096])
        if m:
            try:
                name = codecs.lookup(m.group(1).decode("ascii")).name
                return _checked(data.decode(name, errors="replace")), name
            except (LookupError, UnicodeError):
                pass  # unknown or unusable label: fall back to detection
    return decode_text(data)


def _guess(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # slow to import: only for text that is not UTF-8
    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise NotText(BINARY)
    # Short Western texts tie between cp1250/cp1257/cp1252; cp1252 is by far the likeliest.
    for r in results:
        if r.encoding == "cp1252" and r.chaos <= best.chaos and r.coherence >= best.coherence:
            best = r
            break
    return str(best), best.encoding


def _checked(text: str) -> str:
    if "\x00" in text:
        raise NotText(BINARY)
    sample = text[:100_000]
    if sample and len(_CONTROL.findall(sample)) > 0.1 * len(sample):
        raise NotText(BINARY)
    return text
