"""Text layer of a PDF, page by page."""
from __future__ import annotations

import io
import logging
import warnings

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PyPdfError

from .detect import NotText

# pypdf logs damage it works around as warnings; the reader reports a PDF in one line or not at all.
_LOG = logging.getLogger("pypdf")
_LOG.addHandler(logging.NullHandler())
_LOG.propagate = False


def extract_pdf(data: bytes) -> tuple[str, str | None]:
    """Return (text of all pages joined by blank lines, metadata title). Raises NotText."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _extract(data)


def _extract(data: bytes) -> tuple[str, str | None]:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            _decrypt(reader)
        pages = [_page_text(page) for page in reader.pages]
    except NotText:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError,
            IndexError, RecursionError, OSError) as err:
        # pypdf signals damage through many exception types; all mean the same to a reader.
        raise NotText(f"corrupt PDF: {_one_line(err)}") from err
    text = "\n\n".join(p for p in pages if p)
    if not text:
        raise NotText("PDF has no text layer (scanned images?); run OCR on it first")
    return text, _title(reader)


def _decrypt(reader: PdfReader) -> None:
    # Many PDFs are encrypted only to set permissions, with an empty user password.
    try:
        ok = reader.decrypt("")
    except (DependencyError, NotImplementedError) as err:
        raise NotText(f"encrypted PDF that cannot be decrypted here: {_one_line(err)}") from err
    except (FileNotDecryptedError, PdfReadError) as err:
        raise NotText("encrypted PDF (password required)") from err
    if not ok:
        raise NotText("encrypted PDF (password required)")


def _page_text(page) -> str:
    try:
        text = page.extract_text() or ""
    except FileNotDecryptedError as err:
        raise NotText("encrypted PDF (password required)") from err
    return text.strip()


def _title(reader: PdfReader) -> str | None:
    try:
        meta = reader.metadata
        title = meta.title if meta is not None else None
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError):
        return None
    title = " ".join(str(title).split()) if title else ""
    return title or None


def _one_line(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return (text[:120] + "…") if len(text) > 120 else (text or type(err).__name__)
