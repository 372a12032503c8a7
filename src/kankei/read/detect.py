"""Sniff what a file is (PDF, HTML, plain text, binary) and decode text bytes.

The decoding rules, in order (no per-file guessing where a rule decides):
1. a byte-order mark says UTF-32 or UTF-16 (a UTF-8 BOM stays in the text as U+FEFF);
2. NUL bytes in a fixed column say UTF-32 or UTF-16 without a BOM (ASCII characters, which
   every text has — spaces, digits, newlines — leave their zero bytes on one side);
3. valid UTF-8 is UTF-8; UTF-8 with a few broken bytes among many good multi-byte sequences
   is still UTF-8, the broken bytes replaced by U+FFFD and counted;
4. bytes that read in cp1252 as Western text (accented letters inside words, typographic
   punctuation) are cp1252, which is also Latin-1 for every text Latin-1 can write;
5. anything else is left to charset-normalizer, and what it cannot read is binary.
Whatever rules 2–5 give must also read as text (see _plausible): a lone byte or a few random
bytes decode in some code page, but not into words separated by spaces or punctuation.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

BINARY = "binary file (not text, HTML or PDF)"
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})

# C0 controls other than tab, newline, vertical tab, form feed, carriage return; DEL; C1.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_HTML_START = re.compile(r"(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<(?:html|head|body)[\s>])", re.IGNORECASE | re.DOTALL)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_PDF_HEADER = re.compile(rb"%PDF-\d\.\d")
_BOMS = (  # UTF-32 first: its little-endian BOM starts with the UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# cp1252 leaves five bytes undefined; Python refuses them, Latin-1 reads them as C1 controls.
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")
_LATIN_EXTRA = frozenset("ªºµ")
_WORD = re.compile(r"[^\W_]{2}")
_MIN_GUESS = 32
_STRAY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")
_BREAK = re.compile(r"[\s\d\W]")


class NotText(Exception):
    """The bytes do not decode to text; the message says why."""


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    replaced: int = 0       # undecodable bytes replaced by U+FFFD


def is_pdf(data: bytes) -> bool:
    """A PDF header at the start, or within the first KB of a file that has PDF structure.

    Readers accept the header after leading junk (common in downloads), but a text that merely
    mentions `%PDF-1.4` is not a PDF: junk before the header counts only when the file also ends
    like a PDF or holds its objects.
    """
    m = _PDF_HEADER.search(data, 0, 1024)
    if m is None:
        return False
    if not data[:m.start()].strip():
        return True
    return b"%%EOF" in data[-2048:] or b"endobj" in data


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


def decode_text(data: bytes) -> Decoded:
    """Decode text bytes by the rules of this module's docstring. Raises NotText for binary data."""
    name = bom_encoding(data) or _wide_without_bom(data)
    if name is not None:  # UTF-16/32 carry NUL bytes legitimately, so test them before the NUL check
        guessed = bom_encoding(data) is None
        try:
            decoded = Decoded(_checked(data.decode(name)), _family(name))
        except UnicodeDecodeError:
            text = data.decode(name, errors="replace")
            decoded = Decoded(_checked(text), _family(name), text.count("\ufffd"))
        if guessed and not _plausible(decoded.text):
            raise NotText(BINARY)
        return decoded
    try:
        return Decoded(_checked(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise NotText(BINARY)
    damaged = _mostly_utf8(data)
    if damaged is not None:
        return damaged
    western = _western(data)
    if western is not None:
        return Decoded(_checked(western), "cp1252")
    return _guess(data)


def decode_html(data: bytes) -> Decoded:
    """Like decode_text, but a <meta charset> wins over detection for non-UTF-8 pages, when the bytes
    decode in it. A meta tag read as ASCII cannot truthfully name UTF-16/32 (HTML says: read as UTF-8)."""
    if bom_encoding(data) is None and _wide_without_bom(data) is None:
        try:
            return Decoded(_checked(data.decode("utf-8")), "utf-8")
        except UnicodeDecodeError:
            pass
        m = _META_CHARSET.search(data[:4096])
        if m:
            try:
                name = codecs.lookup(m.group(1).decode("ascii")).name
                if not name.startswith(("utf-16", "utf-32", "utf_16", "utf_32")):
                    return Decoded(_checked(data.decode(name)), name)
            except (LookupError, UnicodeError):
                pass  # unknown, unusable or wrong label: fall back to detection
    return decode_text(data)


def _family(name: str) -> str:
    return "utf-32" if "32" in name else "utf-16"


def _wide_without_bom(data: bytes) -> str | None:
    """UTF-32 or UTF-16 (LE/BE) told by where the zero bytes fall in the first 64 KB."""
    sample = data[:65536]
    n = len(sample)
    if n < 4 or b"\x00" not in sample:
        return None
    if len(data) % 4 == 0:
        cols = [sample[i::4].count(0) for i in range(4)]
        quads = n // 4
        if cols[2] == quads and cols[3] == quads and cols[0] < quads and quads >= 4:
            return "utf-32-le"
        if cols[0] == quads and cols[1] == quads and cols[3] < quads and quads >= 4:
            return "utf-32-be"
    if len(data) % 2 == 0:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        pairs = n // 2
        # at least a tenth of the characters ASCII, and almost no zero on the other side
        if odd >= max(8, pairs / 10) and even <= odd / 50:
            return "utf-16-le"
        if even >= max(8, pairs / 10) and odd <= even / 50:
            return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few broken bytes: at least as many good multi-byte sequences as bad bytes."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if good and bad <= good and _plausible(text):
        return Decoded(_checked(text), "utf-8", bad)
    return None


def _western(data: bytes) -> str | None:
    """The cp1252 reading of data if it reads as Western text, else None.

    Western text: every run of non-ASCII characters is short, and a letter that is not ASCII
    or a symbol never sits where a Cyrillic, Greek, Central European or CJK byte would — a
    non-letter between two letters (`mo¿e`), or a run of four or more (`Ïðèâåò`, `“ú–{`).
    """
    if any(b in _CP1252_HOLES for b in data):
        return None
    text = data.decode("cp1252")
    ascii_words = sum(1 for c in text if c.isascii() and (c.isalpha() or c.isspace()))
    if ascii_words * 2 < len(text) or not _plausible(text):   # Western text is mostly ASCII letters
        return None
    for m in _NON_ASCII_RUN.finditer(text):
        run = m.group()
        if len(run) > 3 and not all(_is_punct(c) for c in run):
            return None
        s = m.start()
        for i, ch in enumerate(run):
            if unicodedata.category(ch)[0] == "L":
                if ch not in _LATIN_EXTRA and unicodedata.name(ch, "").split()[0] != "LATIN":
                    return None
                continue
            before = text[s + i - 1] if s + i > 0 else " "
            after = text[s + i + 1] if s + i + 1 < len(text) else " "
            if before.isalpha() and after.isalpha() and not _is_punct(ch):
                return None
    return text


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PZ"


def _guess(data: bytes) -> Decoded:
    if len(data) < _MIN_GUESS:     # too few bytes for statistics to tell an encoding from noise
        raise NotText(BINARY)
    from charset_normalizer import from_bytes  # slow to import: only for text that is not UTF-8
    best = from_bytes(data).best()
    if best is None or not _plausible(str(best)):
        raise NotText(BINARY)
    return Decoded(_checked(str(best)), best.encoding)


def _plausible(text: str) -> bool:
    """Text as people write it: no stray control characters, mostly letters, digits and spaces, and
    words broken by spaces or punctuation at least every 40 characters (CJK too: 、。)."""
    sample = text[:100_000]
    if not sample or _STRAY_CONTROL.search(sample):
        return False
    wordy = sum(1 for c in sample if c.isalnum() or c.isspace())
    if wordy < 0.6 * len(sample):
        return False
    return len(_BREAK.findall(sample)) >= max(1, len(sample) // 40)


def _checked(text: str) -> str:
    if "\x00" in text:
        raise NotText(BINARY)
    sample = text[:100_000]
    if sample and len(_CONTROL.findall(sample)) > 0.1 * len(sample):
        raise NotText(BINARY)
    return text


def has_words(text: str) -> bool:
    """Whether text holds anything to read: two letters or digits in a row (zero-width characters are neither)."""
    return _WORD.search(text) is not None
