"""What the readers return: a decoded document, or a one-line reason why not."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Format = Literal["text", "html", "pdf"]
Offsets = Literal["source", "extracted"]


@dataclass(slots=True)
class Source:
    path: Path
    doc: str                    # file name without its extension
    text: str
    format: Format
    encoding: str | None        # codec the bytes were decoded with (None for PDF)
    offsets: Offsets            # "source": text is the file as decoded; "extracted": from HTML/PDF
    title: str | None = None
    published_hint: str | None = None   # a date string from HTML metadata, verbatim
    replaced: int = 0                   # undecodable bytes read as U+FFFD (reported, never dropped)

    def warnings(self) -> list[str]:
        """One line each for what was read but not quite as written."""
        if not self.replaced:
            return []
        n = self.replaced
        return [f"{n} undecodable byte{'s' if n > 1 else ''} replaced by U+FFFD ({self.encoding})"]


class ReadError(Exception):
    """A file that cannot be turned into text; str(err) is a one-line message for people."""

    def __init__(self, path: str | Path, message: str) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"ReadError({str(self.path)!r}, {self.message!r})"
