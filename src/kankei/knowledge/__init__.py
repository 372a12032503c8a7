"""Loads the YAML knowledge files that ship with the package (once per process)."""
from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load(name: str) -> Any:
    """The parsed content of knowledge/<name>.yaml."""
    text = (files(__package__) / f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)
