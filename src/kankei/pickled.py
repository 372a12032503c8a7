"""Values kept as pickles in the user's cache folder (parsed knowledge, the tagger's model, compiled
patterns): read back when present and whole, written atomically, and never an error when the
folder is missing, read-only or holds a damaged file (the caller then computes the value again)."""
from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

MISSING = object()
"""What `read` gives when there is no usable pickle (None may be a value)."""


def read(path: Path | None) -> Any:
    """The value pickled at path, or MISSING."""
    if path is None:
        return MISSING
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError, ImportError):
        return MISSING


def write(path: Path | None, value: Any) -> None:
    """Pickles value at path through a temporary file (so a reader never sees half a file)."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.parent / f".{path.stem}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass        # a read-only home is fine: computed every time
