"""Loads the YAML knowledge files that ship with the package (once per process).

Parsed files are cached as pickles under the user's cache folder, keyed by the file's
content hash, so a short `kankei extract` does not spend its time parsing YAML.
"""
from __future__ import annotations

import hashlib
import os
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from kankei import pickled


def _cache_dir() -> Path | None:
    if os.environ.get("KANKEI_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kankei" / "knowledge"


@cache
def load(name: str) -> Any:
    """The parsed content of knowledge/<name>.yaml."""
    raw = (files(__package__) / f"{name}.yaml").read_bytes()
    folder = _cache_dir()
    cached = folder / f"{name}-{hashlib.sha1(raw).hexdigest()[:16]}.pickle" if folder is not None else None
    data = pickled.read(cached)
    if data is not pickled.MISSING:
        return data
    import yaml  # only when the cache misses: importing it costs more than reading a pickle
    data = yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    pickled.write(cached, data)
    return data
