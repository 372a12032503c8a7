"""`regex_cache.compile` gives the pattern `re.compile` gives, whether it compiles it or reads the
program an earlier run stored; and the patterns it keeps are the same text in every process."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from kankei import regex_cache

_TEXTS = ["On May 5, 2014, Japan and North Korea met in Stockholm.", "SEPTEMBER 3 -- Mr. Abe said",
          "ſ, ı, İ and K: the letters (?i) also takes", "3,000 yen (about $27) on 12.5.2002", "", "no match here"]
_PATTERNS = [(r"(?P<month>May|SEPTEMBER)\s+(?P<day>\d{1,2})\b", 0), (r"(?i:sept?|may)(?=\s)", 0),
             (r"(?<![\w.])(\d+(?:,\d{3})*)(?:\s*(?P<unit>yen|\$))?", 0), (r"^\w+", re.MULTILINE),
             (r"(?:ſ|K)", re.IGNORECASE), (r"\d+", re.ASCII)]


def _same(a: re.Pattern, b: re.Pattern) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for text in _TEXTS:
        assert [(m.span(), m.groups(), m.lastgroup) for m in a.finditer(text)] == \
            [(m.span(), m.groups(), m.lastgroup) for m in b.finditer(text)]


def test_compiled_and_stored_patterns_match_what_re_matches(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("KANKEI_NO_CACHE", raising=False)
    for pattern, flags in _PATTERNS:
        fresh = regex_cache.compile(pattern, flags)          # compiled, and its program stored
        stored = regex_cache.compile(pattern, flags)         # read back
        _same(fresh, re.compile(pattern, flags))
        _same(stored, re.compile(pattern, flags))
    assert len(list((tmp_path / "kankei" / "regex").glob("*.pickle"))) == len(_PATTERNS)


def test_a_damaged_or_foreign_file_is_compiled_anew(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("KANKEI_NO_CACHE", raising=False)
    pattern = _PATTERNS[0][0]
    regex_cache.compile(pattern)
    (path,) = (tmp_path / "kankei" / "regex").glob("*.pickle")
    path.write_bytes(b"not a pickle")
    _same(regex_cache.compile(pattern), re.compile(pattern))
    import pickle
    path.write_bytes(pickle.dumps(("another pattern", (32, [], 0, {}, ())), protocol=pickle.HIGHEST_PROTOCOL))
    _same(regex_cache.compile(pattern), re.compile(pattern))


def test_without_a_cache_it_is_re_compile(monkeypatch):
    monkeypatch.setenv("KANKEI_NO_CACHE", "1")
    for pattern, flags in _PATTERNS:
        _same(regex_cache.compile(pattern, flags), re.compile(pattern, flags))


def test_the_large_patterns_are_the_same_text_in_every_process(tmp_path):
    # (built from sets, they must not follow the hash seed, or each run would store them anew)
    script = ("import hashlib, kankei.regex_cache as R\n"
              "seen = []\n"
              "orig = R.compile\n"
              "R.compile = lambda p, f=0: seen.append(hashlib.sha1(p.encode()).hexdigest()) or orig(p, f)\n"
              "import kankei.pipeline as P\n"
              "P.extract('On May 5, 2014, Mr. Abe of the Liberal Democratic Party met officials in Tokyo. '\n"
              "          'It cost 3,000 yen, or $27, on 12 September.')\n"
              "print(' '.join(seen))\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    src = str(Path(regex_cache.__file__).resolve().parents[1])
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    runs = [subprocess.run([sys.executable, "-c", script], env={**env, "PYTHONHASHSEED": seed}, check=True,
                           capture_output=True, text=True).stdout.split() for seed in ("1", "2")]
    assert runs[0] and runs[0] == runs[1]
