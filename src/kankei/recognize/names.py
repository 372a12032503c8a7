"""Proper names that no knowledge file lists: find them, guess their type, keep their span.

The gazetteer finds known actors; this detector finds the rest so that the linker can give
them stable ids instead of dropping them. One regex pass collects runs of capitalized
words ("chains", with particles such as "of the" inside); each chain is cut into segments
(titles, possessives, months, skipped spans and most particles cut it) and each segment is
typed from the cues in `knowledge/name_cues.yaml`. Precision matters as much as recall: a
segment with no cue is kept only when it has two to four capitalized words outside headings.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from kankei.recognize._name_acronyms import AcronymForms
from kankei.recognize._name_cues import (
    COVERING,
    Cues,
    Seg,
    TextContext,
    Tok,
    load_cues,
)
from kankei.recognize._name_types import NameTyping
from kankei.spans import NameCandidate

# Cues too weak to trust inside headings and quoted titles, where every word is capitalized,
# and in footnotes, where capitalized runs are mostly titles of works.
_WEAK = {"capitalized", "speech-verb", "appositive", "place-context", "acronym-bare"}
_WEAK_IN_NOTES = _WEAK - {"acronym-bare"}
_MODIFIER = re.compile(r"-[a-z]+(?:ed|run|born|style|wide)$")
_POSSESSIVE = ("'s", "’s", "'", "’")
_SECTION_NUMBER = re.compile(r"(?:[IVX]{1,4}|\d{1,2})\.\s")
_PAREN = re.compile(r"\(")
_NONE, _SOME, _ALL = 0, 1, 2     # how much of a chain the skip spans cover
# (COVERING, from _name_cues: a name that holds known names and ends in a head word, "Osaka
# Korean High School", "Center for Pacific Policy Research": one name, kept over the
# gazetteer hits inside it)


def find_name_candidates(text: str, skip: Sequence[tuple[int, int]] = (),
                         known: Sequence[tuple[int, int]] = ()) -> list[NameCandidate]:
    """Proper names in `text` that overlap none of the `skip` spans, sorted and disjoint, but
    for names that hold `known` names (spans of gazetteer hits, also skipped) and end in a head
    word ("Nihon University")."""
    d = _Detector(text, load_cues(), TextContext(text, skip, load_cues()))
    if known:
        d.known_starts = [s for s, _ in known]
        d.known_ends = [e for _, e in known]
    return d.run()


@dataclass
class _Detector(NameTyping, AcronymForms):
    text: str
    c: Cues
    ctx: TextContext
    out: list[NameCandidate] = field(default_factory=list)
    singles: dict[int, NameCandidate] = field(default_factory=dict)   # by end offset
    acr_defs: dict[str, tuple[str, str]] = field(default_factory=dict)  # acronym -> (long, type)
    corr: dict[int, str] = field(default_factory=dict)   # "Inoue to Boissier, <date>" word starts
    guard: int = 0       # offsets before this were consumed by an extension
    parens: set[int] = field(default_factory=set)    # where "(" is
    known_starts: list[int] = field(default_factory=list)    # the known names' spans, sorted
    known_ends: list[int] = field(default_factory=list)

    def run(self) -> list[NameCandidate]:
        corr = self.c.corr.finditer(self.text) if self.c.corr_hint.search(self.text) else ()
        for m in corr:
            for g in (1, 2):
                w = m.group(g)
                if self._plain_word(w, m.start(g)):
                    self.corr[m.start(g)] = "organization" if w.isupper() else "person"
        c, text = self.c, self.text
        self.parens = {m.start() for m in _PAREN.finditer(text)} if "(" in text else set()
        starts, ends = self.ctx.sk_starts, self.ctx.sk_ends
        drop = c.chain_drop
        for m in c.chain_scan.finditer(text):     # chain_re's matches
            w = m.group()
            one = " " not in w and "\u00a0" not in w    # most chains are one word
            if one and w in drop:
                continue
            s, e = m.span()
            if e <= self.guard:
                continue
            if text.startswith(" ", e) and text[e + 1:e + 2].islower() and self._local_body(s, e, w):
                continue    # 'Kyoto prefectural police': a place names its own body
            # the skip span (merged, disjoint) that may overlap the chain: none, all or some of it
            i = bisect_right(starts, e - 1) - 1
            if i < 0 or ends[i] <= s:
                skip = _NONE
            elif starts[i] <= s and ends[i] >= e:
                if one or "(" not in text[max(0, s - 2):e + 2]:
                    continue    # its words all known already (and no acronym definition around)
                skip = _ALL
            elif one:
                continue
            else:
                skip = _SOME
            if one:
                self._one_word(s, e, w)
            else:
                self._chain(s, e, w, skip)
        self._resurrect_name_parts()
        return self._finish()

    # ---- chains and segments -------------------------------------------------------------

    def _tokens(self, s: int, e: int, whole: str, skip: int) -> list[Tok]:
        """The chain's words and particles, as `tok_re` would find them in text[s:e]; none
        when `_segments` would cut every word at once (known, dates, function words) and no
        acronym definition can be around."""
        guard = self.guard
        if "\u00a0" in whole or "  " in whole:
            pieces = [(m.group(), m.start()) for m in self.c.tok_re.finditer(self.text, s, e)]
        else:       # single spaces: the pieces are the tokens
            pieces = []
            ts = s
            for w in whole.split(" "):
                pieces.append((w, ts))
                ts += len(w) + 1
            if whole[-1] in "'’":
                # `tok_re` stops at e, so a last "Workers'" loses its apostrophe ("(?=SP)"
                # fails there) and is no possessive
                w, ts = pieces[-1]
                pieces[-1] = (w[:-1], ts)
        words = []      # (start, end, text, particle, possessive)
        for w, ts in pieces:
            if ts < guard:
                continue
            if not w[0].isupper():      # a particle
                words.append((ts, ts + len(w), w, True, False))
                continue
            # "Party's" -> "Party"; "Workers'" -> "Workers"
            poss = len(w) > 2 and w.endswith(_POSSESSIVE)
            if poss:
                w = w[:-1] if w[-1] in "'’" else w[:-2]
            words.append((ts, ts + len(w), w, False, poss))
        overlaps = self.ctx.overlaps_skip
        p = self.parens
        if not (p and (s - 2 in p or s - 1 in p or e in p or e + 1 in p)):
            c = self.c
            cut, function = c.cut_words, c.function
            for ts, te, w, part, _ in words:
                if not (part or skip == _ALL or skip == _SOME and overlaps(ts, te) or w in cut
                        or (w.capitalize() if w.isupper() else w) in function
                        or "-" in w and _MODIFIER.search(w)):
                    break
            else:
                return []
        return [Tok(ts, te, w, part, poss, skip == _ALL if skip != _SOME else overlaps(ts, te))
                for ts, te, w, part, poss in words]

    def _local_body(self, s: int, e: int, w: str) -> bool:
        """A known place followed by a lower-case local body ('Kyoto prefectural police',
        'Osaka city government'): one organization's name."""
        m = self.c.lower_head.match(self.text, e)
        if m is None or self.c.lower_heads[m.group(1)] != "local_body" or s < self.guard:
            return False
        words = w.split(" ")
        k = len(words)      # the capitalized words the body's name ends with ('in April the Hyogo')
        while k and words[k - 1][:1].isupper() and words[k - 1] not in self.c.not_place_words:
            k -= 1
        if k == len(words) or w.endswith(("'s", "’s")):
            return False        # ('Tokyo's metropolitan government': the city's, named apart)
        s = e - len(" ".join(words[k:]))
        self.guard = max(self.guard, m.end())
        self._emit(Seg([Tok(s, e, w, False, False, False)], COVERING, "organization", m.end()))
        return True

    def _one_word(self, s: int, e: int, w: str) -> None:
        """`_chain` for a chain of one word that no skip span touches (most chains): the
        same steps, with `_segments` reduced to what it does with one word."""
        if s < self.guard:
            return
        c = self.c
        poss = len(w) > 2 and w.endswith(_POSSESSIVE)
        if poss:
            w = w[:-1] if w[-1] in "'’" else w[:-2]
        t = Tok(s, s + len(w), w, False, poss, False)
        p = self.parens
        if p and (e in p or e + 1 in p or s - 1 in p or s - 2 in p):
            segs = self._acronym_long_form([t], e)
            if segs is not None:
                for seg in segs:
                    self._emit(seg)
                return
        cap = w if not w.isupper() else w.capitalize()
        if w in c.cut_words or cap in c.function or "-" in w and _MODIFIER.search(w) \
                or w in c.title_starts and c.title_end([t], 0) > 0:
            return
        if self.ctx.sentence_initial(s) and self._start_word(t, cap, True):
            return
        if poss and w not in c.internal_poss and w in c.title_words:
            m = c.office_after.match(self.text, t.end)
            if m:       # "Attorney General's office"
                self.guard = max(self.guard, m.end())
                self._emit(Seg([t], "org-suffix", "organization", m.end()))
                return
        self._emit(Seg([t]))

    def _chain(self, s: int, e: int, whole: str, skip: int) -> None:
        toks = self._tokens(s, e, whole, skip)
        while toks and toks[-1].part:
            toks.pop()
        if not toks:
            return
        p, s0 = self.parens, toks[0].start
        # an acronym definition needs a parenthesis just after the chain or just before it
        segs = self._acronym_long_form(toks, e) if p and (
            e in p or e + 1 in p or s0 - 1 in p or s0 - 2 in p) else None
        if segs is None:
            if skip == _ALL or skip == _SOME and all(t.skip or t.part for t in toks):
                return      # its words all known already (or dates, numbers): `_segments` would cut them all
            cov = self._covering(toks) if skip == _SOME and self.known_starts else None
            if cov is None:
                segs = self._segments(toks)
            else:
                i, j, typ = cov
                segs = [*(self._segments(toks[:i]) if i else ()), Seg(toks[i:j], COVERING, typ),
                        *(self._segments(toks[j:]) if j < len(toks) else ())]
        for seg in segs:
            self._emit(seg)

    def _segments(self, toks: list[Tok]) -> list[Seg]:
        c, segs = self.c, []
        cur: list[Tok] = []
        pend: list[Tok] = []
        cue, joined = "", False
        at_start = self.ctx.sentence_initial(toks[0].start)
        n = len(toks)
        i = 0
        stops: list[int] | None = None
        heads_before: list[int] = []
        # (each "flush" below closes the current segment: `cur` with its cue, if any)
        while i < n:
            t = toks[i]
            if t.part:
                if cur:
                    pend.append(t)
                i += 1
                continue
            if pend:
                if c.joins(cur, pend, toks, i, joined):
                    joined = joined or pend[0].text in c.p_of or pend[0].text in c.p_conj
                    cur.extend(pend)
                else:
                    if cur:     # flush
                        segs.append(Seg(cur, cue, "person" if cue == "title" else ""))
                    cur, cue, joined = [], "", False
                pend = []
            w = t.text
            cap = w if not w.isupper() else w.capitalize()
            # "Tokyo-based", "Chongryon-affiliated" are modifiers
            if t.skip or w in c.cut_words or cap in c.function or "-" in w and _MODIFIER.search(w):
                if cur:     # flush
                    segs.append(Seg(cur, cue, "person" if cue == "title" else ""))
                cur, cue, joined = [], "", False
                i += 1
                continue
            if w in c.title_starts:
                k = c.title_end(toks, i)
                if k > 0:
                    # the name runs to the next particle or through a possessive ("X's Cabinet");
                    # both found from tables made once, not by a walk to the end per title ("Mr. Mr. ...")
                    if stops is None:
                        stops, heads_before = self._title_tables(toks)
                    if heads_before[stops[k]] == heads_before[k]:   # no head word: not "General Association"
                        if cur:     # flush
                            segs.append(Seg(cur, cue, "person" if cue == "title" else ""))
                        cur, joined = [], False
                        cue = "title" if stops[k] > k else ""
                        at_start, i = False, k
                        continue
            if at_start and not cur and self._start_word(t, cap, i + 1 == n or toks[i + 1].part):
                i += 1
                continue
            at_start = False
            if t.poss and w not in c.internal_poss:
                m = c.office_after.match(self.text, t.end)
                cur.append(t)
                if m and w in c.title_words:    # "Attorney General's office"
                    segs.append(Seg(cur, "org-suffix", "organization", m.end()))
                    self.guard = max(self.guard, m.end())
                else:       # flush
                    segs.append(Seg(cur, cue, "person" if cue == "title" else ""))
                cur, cue, joined = [], "", False
                i += 1
                continue
            if w in self.acr_defs and (cur or i + 1 < n):
                if cur:     # flush
                    segs.append(Seg(cur, cue, "person" if cue == "title" else ""))
                cur, cue, joined = [], "", False
                segs.append(Seg([t]))
                i += 1
                continue
            cur.append(t)
            i += 1
        if cur:     # flush
            segs.append(Seg(cur, cue, "person" if cue == "title" else ""))
        return segs

    def _title_tables(self, toks: list[Tok]) -> tuple[list[int], list[int]]:
        """For each index j: where a name starting at j stops (the next particle, or just after a
        possessive), and how many head words come before j."""
        n, heads = len(toks), self.c.heads
        stops = [n] * (n + 1)
        for j in range(n - 1, -1, -1):
            t = toks[j]
            stops[j] = j + t.poss if t.part or t.poss else stops[j + 1]
        heads_before = [0] * (n + 1)
        for j, t in enumerate(toks):
            heads_before[j + 1] = heads_before[j] + (t.text in heads)
        return stops, heads_before

    def _covering(self, toks: list[Tok]) -> tuple[int, int, str] | None:
        """(i, j, type) when toks[i:j] is a name that holds known words (skip tokens) and others
        and ends in a head word, or has a head followed by "of", "for", "on": "Nihon University",
        "Committee on the Elimination of ...". Runs are cut where `_segments` cuts names, except at
        known words; a run whose only unknown words are nationalities or compass points
        ("Japanese Foreign Ministry") is none, unless it is a place ("North Gyeongsang Province")."""
        c, heads = self.c, self.c.heads
        if len(toks) == 2 and toks[0].text in c.given and not toks[0].skip and toks[1].skip and self._known(toks[1]) \
                and toks[1].text[:1].isupper():
            return 0, 2, "person"       # 'Eiko Kawasaki': a given name before a place's name makes a person
        runs, a, head = [], 0, False
        for k, t in enumerate(toks):
            w = t.text
            if t.part:
                if w in c.p_always or head and w in c.p_of:
                    continue
                runs.append((a, k))
                a, head = k + 1, False
                continue
            cap = w if not w.isupper() else w.capitalize()
            if w in c.cut_words or cap in c.function or "-" in w and _MODIFIER.search(w) \
                    or t.skip and not self._known(t):     # a date, a number, a bare surname
                runs.append((a, k))
                a, head = k + 1, False
                continue
            if t.poss:
                runs.append((a, k + 1))
                a, head = k + 1, False
                continue
            head = head or w in heads
        runs.append((a, len(toks)))
        for a, b in runs:
            while a < b and toks[a].part:
                a += 1
            while b > a and toks[b - 1].part:
                b -= 1
            if a < b and a == 0 and self.ctx.sentence_initial(toks[0].start):
                t = toks[0]
                if self._start_word(t, t.text if not t.text.isupper() else t.text.capitalize(), False):
                    a += 1
            caps = [t for t in toks[a:b] if not t.part]
            if len(caps) < 2 or not any(t.skip for t in caps):
                continue
            unknown = [t.text for t in caps if not t.skip]
            if not unknown:
                continue
            last = caps[-1].text
            typ = heads.get(last, "")
            if typ and caps[-1].skip and typ not in ("place", "organization"):
                continue        # the head is part of a known name (a body's is not: the 'National
                                # Security Council' is no 'Security Council')
            if typ and unknown == [last] and last.endswith("s") and (last[:-1] in heads or last[:-3] + "y" in heads):
                continue        # "the ICRC Archives", "the Japanese and DPRK Red Cross Societies": the known name
            if not typ:
                typ = next((heads[x.text] for x, y in zip(toks[a:b], toks[a + 1:b], strict=False)
                            if not x.part and not x.skip and x.text in heads and y.part and y.text in c.p_of), "")
            if not typ:
                continue
            if all(w in c.nationalities or w in c.compass for w in unknown) and typ != "place":
                continue
            return a, b, typ
        return None

    def _known(self, t: Tok) -> bool:
        """Whether the token lies inside a known name's span."""
        i = bisect_right(self.known_starts, t.start) - 1
        return i >= 0 and self.known_ends[i] >= t.end

    def _start_word(self, t: Tok, cap: str, alone: bool) -> bool:
        """A capitalized common word opening a sentence ("Despite", "Receiving")."""
        c, w = self.c, t.text
        if cap in c.start_drop or (w.endswith(("ly", "ing")) and w[1:].islower()):
            return True
        if w in c.given or w in c.surnames or not w[1:].islower() or not alone:
            return False     # "History News Network": a word of a longer name stays
        return self.ctx.lower_seen(w)

    def _plain_word(self, w: str, s: int) -> bool:
        c = self.c
        return not (w in c.function or w in c.nationalities or w in c.compass or w in c.dates
                    or w in c.start_drop or (w[1:].islower() and self.ctx.lower_seen(w))
                    or self.ctx.overlaps_skip(s, s + len(w)))

    # ---- acronyms ------------------------------------------------------------------------

    def _emit(self, seg: Seg) -> None:
        if seg.end < 0 and len(seg.toks) > 1 and seg.toks[-1].part:
            # "the Fisheries Board on Monday": the particle joined a word that was then cut
            toks = seg.toks[:]
            while len(toks) > 1 and toks[-1].part:
                toks.pop()
            seg = Seg(toks, seg.cue, seg.type)
        got = self._type(seg)
        if got is None:
            return
        typ, cue, s, e = got
        if (s == 0 or self.text[s - 1] == "\n") and _SECTION_NUMBER.match(self.text, s):
            return      # "I. Introduction", "IV. The Talks": a numbered section heading
        if cue in _WEAK:
            heading, note = self.ctx.line_kind(s)
            if heading or self.ctx.in_title_quote(s) or (note and cue in _WEAK_IN_NOTES):
                return
        cand = NameCandidate(s, e, self.text[s:e], typ, cue)
        if cue == "acronym":
            cand.acronym_of = self.acr_defs[cand.text][0]
        elif cue == "single":      # kept aside: a lone word is a name only if a cue turns up later
            self.singles[e] = cand
            return
        elif cue == "publisher-suffix":
            self._citation_place(s)
        self.out.append(cand)


    def _in_citation(self, s: int, e: int) -> bool:
        c = self.c
        return (self.ctx.line_kind(s)[1] or bool(c.cite_after.match(self.text, e))
                or bool(c.year_after.match(self.text, e)))

    def _citation_place(self, s: int) -> None:
        """'Boulder, Westview Press, 1997': the word before a publisher is its city."""
        m = self.c.cite_before.search(self.text, max(0, s - 40), s)
        if not m:
            return
        end = m.end(1)
        single = self.singles.pop(end, None)
        if single is not None:
            self.out.append(single)
        for cand in self.out[-3:]:
            if cand.end == end and cand.cue in ("single", "capitalized"):
                cand.type, cand.cue = "place", "citation-place"

    # ---- second pass ---------------------------------------------------------------------

    def _resurrect_name_parts(self) -> None:
        """A lone word that is part of a person's full name found elsewhere ("Koizumi")."""
        parts = set()
        for cand in self.out:
            if cand.type == "person" and " " in cand.text:
                parts.update(w for w in cand.text.split() if len(w) > 1 and not w.endswith("."))
        for cand in self.singles.values():
            if cand.text in parts:
                cand.type, cand.cue = "person", "name-part"
                self.out.append(cand)

    def _finish(self) -> list[NameCandidate]:
        res: list[NameCandidate] = []
        for cand in sorted(self.out, key=lambda x: (x.start, -x.end)):
            if cand.end <= cand.start or (res and cand.start < res[-1].end):
                continue
            if cand.cue != COVERING and self.ctx.overlaps_skip(cand.start, cand.end):
                continue
            res.append(cand)
        return res
