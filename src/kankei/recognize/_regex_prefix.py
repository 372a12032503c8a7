"""Can a regular expression match text that begins a certain way? A conservative answer.

`viable(parsed, prefix)` reads the parse tree of a pattern (`re._parser`) and says
whether some string the pattern matches is compatible with `prefix` (one is a prefix of
the other). Each element of `prefix` is the string of characters that may stand there
("0123456789" for "some digit"). Lookarounds, anchors and backreferences are read as
always true, so the answer may be a needless "yes", never a wrong "no": a pattern found
not viable cannot match there, which lets the date scanner skip it (see
`date_grammar.patterns_for`). Anything the reader does not know raises `Unsupported`, and
the caller then keeps the pattern.
"""
from __future__ import annotations

import re
from _sre import unicode_tolower
from functools import cache

# the parser behind re.compile (Python 3.11+); private, so anything unknown raises Unsupported
from re import _constants as C
from re import _parser as P

try:
    from re._casefix import _EXTRA_CASES  # "s" is also "ſ" to (?i), "i" also "ı"
except ImportError:                          # pragma: no cover
    _EXTRA_CASES = {}


def parse(pattern: str):
    """The pattern's parse tree as plain tuples (faster to walk than the parser's objects), with its flags."""
    parsed = P.parse(pattern)
    return _plain(parsed), parsed.state.flags


def _plain(items) -> tuple:
    out = []
    for op, av in items:
        if op is C.BRANCH:
            # with the branches, which of them open with which character (so that `_seq` need
            # not walk into the many that cannot match, as in an alternation of words)
            # (and, for (?i), under every character that literal may be taken for)
            branches = tuple(_plain(b) for b in av[1])
            by_first: dict[int, list[int]] = {}
            by_variant: dict[str, set[int]] = {}
            others = []
            for i, b in enumerate(branches):
                if b and b[0][0] is C.LITERAL:
                    by_first.setdefault(b[0][1], []).append(i)
                    for v in _variants(chr(b[0][1])):
                        by_variant.setdefault(v, set()).add(i)
                else:
                    others.append(i)
            av = (av[0], branches, {ch: tuple(ix) for ch, ix in by_first.items()}, tuple(others),
                  {ch: frozenset(ix) for ch, ix in by_variant.items()})
        elif op is C.SUBPATTERN:
            av = (av[0], av[1], av[2], _plain(av[3]))
        elif op in _REPEATS:
            av = (av[0], av[1], _plain(av[2]))
        elif op is getattr(C, "ATOMIC_GROUP", None):
            av = _plain(av)
        elif op is C.GROUPREF_EXISTS:
            av = (av[0], _plain(av[1]), _plain(av[2]) if av[2] else ())
        elif op is C.IN:
            av = tuple(av)
        out.append((op, av))
    return tuple(out)


class Unsupported(Exception):
    pass


_CATEGORIES = {
    C.CATEGORY_DIGIT: str.isdecimal, C.CATEGORY_NOT_DIGIT: lambda c: not c.isdecimal(),
    C.CATEGORY_SPACE: str.isspace, C.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    C.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    C.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT} | ({C.POSSESSIVE_REPEAT} if hasattr(C, "POSSESSIVE_REPEAT") else set())
_ZERO_WIDTH = {C.ASSERT, C.ASSERT_NOT, C.AT}


class _Read(Exception):
    """The whole prefix was read: the pattern is viable, whatever else it can do."""


def viable(parsed, prefix: tuple[str, ...]) -> bool:
    """parsed: what `parse` gives."""
    items, flags = parsed
    sets = tuple(map(_element, prefix))
    try:
        return bool(_seq(items, {0}, flags, sets))
    except _Read:
        return True


@cache
def _element(chars: str) -> tuple[frozenset[str], frozenset[str], str]:
    """An element of a prefix as `_seq` reads it: the characters as written, with every case
    variant, and as given (a key for `_char_ok`). Few: a letter, a digit class."""
    return frozenset(chars), frozenset(v for ch in chars for v in _variants(ch)), chars


@cache
def _variants(ch: str) -> frozenset[str]:
    """The characters a case-insensitive pattern may take ch for, generously: all those
    that case mappings, the regex engine's own lower-casing ("İ" -> "i") and its extra
    cases lead to from ch, and on from them. Two characters that (?i) takes for one
    another share one."""
    out: set[str] = set()
    todo = [ch]
    while todo:
        c = todo.pop()
        if c in out:
            continue
        out.add(c)
        low = chr(unicode_tolower(ord(c)))
        todo.append(low)
        todo.extend(chr(x) for x in _EXTRA_CASES.get(ord(low), ()))
        for f in (str.lower, str.upper, str.casefold, str.swapcase, str.title):
            v = f(c)
            if len(v) == 1:
                todo.append(v)
    return frozenset(out)


def _in_set(items, ch: str, ignore: bool) -> bool:
    """Does the class take ch? Under (?i), generously: does it take one of ch's variants."""
    negate = False
    hit = False
    chars = _variants(ch) if ignore else (ch,)
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            hit = hit or (not _variants(chr(av)).isdisjoint(chars) if ignore else ch == chr(av))
        elif op is C.RANGE:
            if ignore and av[1] >= 128:
                raise Unsupported("a case-blind range beyond ASCII")
            hit = hit or any(av[0] <= ord(c) <= av[1] for c in chars)
        elif op is C.CATEGORY:
            if av not in _CATEGORIES:
                raise Unsupported(av)
            hit = hit or any(_CATEGORIES[av](c) for c in chars)
        else:
            raise Unsupported(op)
    if negate:      # (?i) or not, a negated class takes ch if it leaves out a variant of it
        return not hit if not ignore else not all(_in_set_plain(items, c) for c in chars)
    return hit


def _in_set_plain(items, ch: str) -> bool:
    """The class without its negation: does it list ch?"""
    return _in_set([x for x in items if x[0] is not C.NEGATE], ch, False)


_checked: dict[tuple, bool] = {}


def _char_ok(op, av, chars: tuple[frozenset[str], frozenset[str], str], flags: int) -> bool:
    """Can the one-character item take one of the characters? (Remembered: the same items meet
    the same few characters, a letter or any digit, for key after key.)"""
    ignore = bool(flags & C.SRE_FLAG_IGNORECASE)
    k = (op, av, chars[2], ignore)
    got = _checked.get(k)
    if got is None:
        if len(_checked) > 100_000:         # (bounded; keys are few in practice)
            _checked.clear()
        got = _checked[k] = _char_check(op, av, chars, ignore)
    return got


def _char_check(op, av, chars: tuple[frozenset[str], frozenset[str], str], ignore: bool) -> bool:
    exact, variants, _ = chars
    if op is C.ANY:
        return True
    if op is C.NOT_LITERAL:
        return any(ch != chr(av) for ch in exact)
    if op is C.LITERAL:
        return not _variants(chr(av)).isdisjoint(variants) if ignore else chr(av) in exact
    return any(_in_set(av, ch, ignore) for ch in exact)      # IN


_ONE_CHAR = frozenset((C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN))
_ATOMIC = getattr(C, "ATOMIC_GROUP", None)
_NONE: frozenset[int] = frozenset()


def _seq(items, pos: set[int], flags: int, prefix) -> set[int]:
    """Where in prefix the items can end, starting at any of pos; len(prefix) (all of it read) stays.
    (Sets passed in are never changed in place: `live` may be `pos` itself.)"""
    end = len(prefix)
    for op, av in items:
        if not pos:
            break
        if op in _ZERO_WIDTH:
            continue
        if end in pos:
            done = {end}
            live = pos - done
        else:
            done, live = _NONE, pos
        if op in _ONE_CHAR:
            # (`_char_ok`, its remembered answers read here without a call: the hot path)
            ignore = bool(flags & C.SRE_FLAG_IGNORECASE)
            moved = set()
            for p in live:
                chars = prefix[p]
                ok = _checked.get((op, av, chars[2], ignore))
                if ok is None:
                    ok = _char_ok(op, av, chars, flags)
                if ok:
                    moved.add(p + 1)
            pos = done | moved if done else moved
            if end in pos:
                raise _Read     # what follows can only keep it there
        elif op is C.BRANCH:
            _, branches, by_first, others, by_variant = av
            pos = set(done)
            if not live:
                continue
            # a branch opening with a character no live position has fails at once
            ix = set(others)
            if flags & C.SRE_FLAG_IGNORECASE:       # (has, or may be taken for)
                for p in live:
                    for v in prefix[p][1]:
                        ix.update(by_variant.get(v, ()))
            else:
                for p in live:
                    for ch in prefix[p][0]:
                        ix.update(by_first.get(ord(ch), ()))
            chosen = sorted(ix)
            for i in chosen:
                pos |= _seq(branches[i], set(live), flags, prefix)
        elif op is C.SUBPATTERN:
            _group, add, remove, sub = av
            pos = done | _seq(sub, live, (flags | add) & ~remove, prefix)
        elif op in _REPEATS:
            lo, hi, sub = av
            cur = pos
            for _ in range(lo):
                cur = _seq(sub, cur, flags, prefix)
            pos, n = set(cur), lo
            while cur and n < hi:
                cur = _seq(sub, cur, flags, prefix) - pos
                pos |= cur
                n += 1
        elif op is _ATOMIC:
            pos = done | _seq(av, live, flags, prefix)
        elif op is C.GROUPREF:
            pos = {q for p in pos for q in range(p, end + 1)}      # a backreference may match anything
        elif op is C.GROUPREF_EXISTS:
            _group, yes, no = av
            pos = _seq(yes, set(pos), flags, prefix) | _seq(no or [], set(pos), flags, prefix)
        else:
            raise Unsupported(op)
    return pos


# Scanning lowered text. A search for where a match can begin tries a trie of first words
# at every word start; on text in lower case its branches are plain characters, which the
# regex engine rejects fastest (one comparison each, half as many branches as with both
# cases). `scan_lower` keeps positions; `lowered_trie` matches there at least what the
# words match case-blind in the original, so a scan with it may find extra positions, never
# miss one: callers confirm what they find.

# A character that may precede a word start: any but an ASCII word character (the callers'
# own lookbehinds decide for the rest); one class, so a search skips to it in C.
NOT_ASCII_WORD = r"[\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\U0010ffff]"


def scan_lower(text: str) -> str:
    """text in lower case, character for character, so that positions stay."""
    low = text.lower()
    if len(low) != len(text):            # "İ" lowers to two characters
        low = "".join(map(_lowered, text))
    return low


def _lowered(c: str) -> str:
    low = c.lower()
    return low if len(low) == 1 else chr(unicode_tolower(ord(c)))     # "İ" -> "i", as (?i) reads it


@cache
def lowered_char(ch: str, ignore: bool = True) -> str:
    """A regex for what `scan_lower` makes of the characters ch matches (case-blind with ignore)."""
    chars = sorted({_lowered(v) for v in (_variants(ch) if ignore else (ch,))})
    if len(chars) == 1:
        return re.escape(chars[0])
    return "[" + "".join("\\" + c if c in "\\]^-[" else c for c in chars) + "]"


def trie(words, tails: dict[str, str] | None = None, char=re.escape) -> str:
    """A regex matching exactly the given words, factored by shared prefixes (fast in `re`:
    each branch fails at its first character); `tails` may give a word the pattern that must
    follow it; `char` writes a character as a regex."""
    tails = tails or {}
    root: dict = {}
    for w in words:
        node = root
        for ch in w:            # keyed by the regex, so that characters it writes alike share a branch
            node = node.setdefault(char(ch), {})
        node[""] = tails.get(w, "")

    def emit(node: dict) -> str:
        branches = [key + emit(child) for key, child in sorted(node.items()) if key]
        end = node.get("")
        if end:                       # a word with its own tail: one more branch
            branches.append(end)
        if not branches:
            return ""
        body = "|".join(branches)
        if end == "":
            return f"(?:{body})?"
        return body if len(branches) == 1 else f"(?:{body})"

    return emit(root)


def lowered_trie(words, tails: dict[str, str] | None = None, ignore: bool = True) -> str:
    """A `trie` that matches, in `scan_lower` text, at least what each word matches in the
    original (case-blind with ignore); a space stands for any run of whitespace."""
    return trie(words, tails, lambda ch: r"\s+" if ch == " " else lowered_char(ch, ignore))


def fast_optionals(pattern: str) -> str:
    """The pattern with each greedy optional group "(X)?" written "(?:(X)|)": the same
    matches, found in the same order, but `re` tries an empty alternative far faster than
    a "?" on a group (a group with groups in it, or longer than one character)."""
    out: list[str] = []
    opens: list[int] = []           # where in out each open group begins
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if c == "[":                # a class, copied whole ("]" first in it is a character)
            j = i + 1 + (pattern[i + 1:i + 2] == "^")
            j += pattern[j:j + 1] == "]"
            while pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[i:j + 1])
            i = j + 1
            continue
        out.append(c)
        i += 1
        if c == "(":
            opens.append(len(out) - 1)
        elif c == ")":
            start = opens.pop()
            group = "".join(out[start:])
            if pattern[i:i + 1] == "?" and pattern[i + 1:i + 2] not in ("?", "+") \
                    and not group.startswith(("(?=", "(?!", "(?<=", "(?<!")):
                del out[start:]
                out.append(f"(?:{group}|)")
                i += 1
    return "".join(out)
