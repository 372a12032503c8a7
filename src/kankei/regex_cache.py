"""The largest regular expressions, compiled once per machine rather than once per process.

Python's `re` parses and compiles a pattern in Python code. The few largest patterns of the
recognizers (quantities, names, the date scanner: several to sixteen thousand characters
each) take about 0.2 s of CPU together, a third of a short `kankei extract`. What `re` makes of
a pattern is a program for its C matcher (`_sre`): a list of integers and the group names.
`compile` keeps that program in the cache folder of the knowledge pickles (`KANKEI_NO_CACHE`
turns both off), keyed by the pattern, its flags and the Python version, and hands it straight
to the matcher the next time: the same program, so the same matches. Whatever goes wrong
(another Python, a damaged file, no folder) falls back to `re.compile`.
"""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

from kankei import pickled

try:                        # (CPython's own compiler of `re`, the steps of re._compiler.compile)
    import _sre
    from re import _compiler, _parser
except ImportError:         # pragma: no cover - another implementation: plain re.compile
    _sre = None


def _folder() -> Path | None:
    from kankei.knowledge import _cache_dir
    knowledge = _cache_dir()
    return None if knowledge is None or _sre is None else knowledge.parent / "regex"


def compile(pattern: str, flags: int = 0) -> re.Pattern:     # (named as re.compile, which it stands for)
    """re.compile(pattern, flags), from the program stored by an earlier run when there is one."""
    folder = _folder()
    if folder is None:
        return re.compile(pattern, flags)
    flags = int(flags)
    key = hashlib.sha1(f"{sys.version}\0{_sre.MAGIC}\0{flags}\0{pattern}".encode("utf-8", "surrogatepass"))
    path = folder / f"{key.hexdigest()[:24]}.pickle"
    stored = pickled.read(path)
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == pattern:
        try:
            return _sre.compile(pattern, *stored[1])
        except (ValueError, TypeError, RuntimeError):
            pass        # (RuntimeError: _sre found the stored program invalid)
    try:
        program = _program(pattern, flags)
        compiled = _sre.compile(pattern, *program)
    except Exception:       # (an `re` whose insides differ: the ordinary way, nothing stored)
        return re.compile(pattern, flags)
    pickled.write(path, (pattern, program))
    return compiled


def _program(pattern: str, flags: int) -> tuple:
    """The arguments of `_sre.compile` after the pattern, as re._compiler.compile makes them."""
    p = _parser.parse(pattern, flags)
    code = list(map(int, _compiler._code(p, flags)))     # (its opcodes are ints of a named subclass)
    groupindex = p.state.groupdict
    indexgroup = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return flags | p.state.flags, code, p.state.groups - 1, groupindex, tuple(indexgroup)


def alternation(words) -> str:
    """The words as a regex alternation, longest first ("Co., Ltd." before "Co."), words of one
    length in a fixed order: the same pattern text in every process (which changes no match),
    so that `compile` finds its program again."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
