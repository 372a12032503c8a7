"""The trigger words and cue words of a document, found by one pass, and the share of them
each sentence holds (kept apart so that no sentence rescans the text)."""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left

from kankei.assemble.triggers import Cue, Trigger, modality_words, scan

_QUOTED = re.compile(r"“([^”]{3,200})”|\"([^\"]{3,200})\"")
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "to", "in", "on", "and", "or", "for", "with", "at", "by", "from"})


def title_spans(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Quoted titles of works ('a book, “Japanese Wives Who Moved to Korea,”'): a quotation of
    three words or more whose every word but the small ones is capitalized names no event."""
    out = []
    for m in _QUOTED.finditer(text, s, e):
        words = [w.strip(",.;:!?'’") for w in (m.group(1) or m.group(2)).split()]
        words = [w for w in words if w]
        if len(words) >= 3 and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words) \
                and words[0][:1].isupper():
            out.append((m.start(), m.end()))
    return out


class DocumentScan:
    """A text and its lower-cased copy (same offsets), with the triggers and cue words found
    in it by one pass when first asked for."""
    __slots__ = ("text", "lowered", "_scan")

    def __init__(self, text: str) -> None:
        lowered = text.lower()
        if len(lowered) != len(text):          # a few Unicode letters change length when lowered
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        self.text, self.lowered = text, lowered
        self._scan: tuple[list[Trigger], list[int], list[Cue], list[int]] | None = None

    def scanned(self) -> tuple[list[Trigger], list[int], list[Cue], list[int]]:
        """Triggers and their starts, cue words and their starts."""
        if self._scan is None:
            triggers, cues = scan(self.lowered)
            self._scan = triggers, [t.start for t in triggers], cues, [c[0] for c in cues]
        return self._scan


class SentenceScan:
    """The triggers and cue words of one sentence, and what its events share."""
    __slots__ = ("text", "s", "e", "triggers", "titles", "cues", "kinds", "_hedged", "_key")

    def __init__(self, doc: DocumentScan, s: int, e: int) -> None:
        self.text, self.s, self.e = doc.text, s, e
        triggers, trigger_starts, cues, cue_starts = doc.scanned()
        self.triggers = triggers[bisect_left(trigger_starts, s):bisect_left(trigger_starts, e)]
        if self.triggers and self.triggers[-1].end > e:     # (they don't overlap: only the last can cross e)
            self.triggers.pop()
        # quoted titles of works, found once for the sentence (its triggers, motions and times read them)
        self.titles = title_spans(self.text, s, e) if self.triggers and (
            "“" in self.text[s:e] or '"' in self.text[s:e]) else []
        if self.titles:
            self.triggers = [t for t in self.triggers if not any(a <= t.start < b for a, b in self.titles)]
        self.cues = cues[bisect_left(cue_starts, s):bisect_left(cue_starts, e)]
        self.kinds = {k for _, _, k in self.cues}
        self._hedged: bool | None = None
        self._key: str | None = None

    def key(self) -> str:
        """The sentence as event ids read it: a digest of its words, one space apart (made once,
        however many events the sentence holds)."""
        if self._key is None:
            words = " ".join(self.text[self.s:self.e].split())
            self._key = hashlib.sha1(words.encode("utf-8")).hexdigest()
        return self._key

    def hedged(self) -> bool:
        """Whether a word of hearsay ('reportedly', 'allegedly') qualifies the sentence."""
        if self._hedged is None:
            self._hedged = "hedged" in self.kinds and bool(modality_words()["hedged"].search(self.text, self.s, self.e))
        return self._hedged
