"""Loads the YAML knowledge files that ship with the package (once per process).

Parsed files are cached as pickles under the user's cache folder, keyed by the file's
content hash, so a short `kankei extract` does not spend its time parsing YAML.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any


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
    key = hashlib.sha1(raw).hexdigest()[:16]
    if folder is not None:
        cached = folder / f"{name}-{key}.pickle"
        try:
            with open(cached, "rb") as f:
                return pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass
    import yaml  # only when the cache misses: importing it costs more than reading a pickle
    data = yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f".{name}-{key}.{os.getpid()}.tmp"
            with open(tmp, "wb") as f:
                pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, folder / f"{name}-{key}.pickle")
        except OSError:
            pass        # a read-only home is fine: parse every time
    return data
