"""What kind of name a segment is: the typing half of `names._Detector`, read off the cues
in knowledge/name_cues.yaml (titles, heads, context words, acronyms)."""
from __future__ import annotations

import re

from kankei.recognize._name_cues import Seg, Tok, acronym_like

_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,5}")
# one romanized Korean syllable ('Chol', 'Yong', 'Il'): before '-ho' it makes a given name
# ('Chol-ho'), where a ship's name before '-ho' is longer ('Mangyongbong-ho')
_ONE_SYLLABLE = re.compile(r"(?:Ch|Kk|Pp|Ss|Jj|Tt|Sh|[BCDGHJKMNPRSTWY])?[aeiouwy]{1,3}(?:ng|n|m|l|k|p|t|r)?", re.I)
_ARTICLE_BEFORE = re.compile(r"\b(?:[Tt]he|an?|A)\s+$")
_DESIGNATION = re.compile(r"[A-Z][a-z]\w*-\d{1,3}[A-Za-z]?")   # "Taepodong-1", a ship "X-92"
_HEAD_CUE = {"organization": "org-suffix", "place": "place-suffix", "document": "document-suffix",
             "other": "other-suffix", "vessel": "vessel", "country": "country-suffix"}



_PLACE_PREP_END = re.compile(r"\b(?:from|in|at|near)$")


class NameTyping:
    """Mixin of `names._Detector`: the type of a segment, and bare acronyms."""

    def _type(self, seg: Seg) -> tuple[str, str, int, int] | None:
        """(type, cue, start, end) of a segment, or None when it is not a name."""
        c, ctx, text = self.c, self.ctx, self.text
        toks = seg.toks
        caps = toks if len(toks) == 1 else [t for t in toks if not t.part]
        s, e = toks[0].start, seg.end if seg.end > 0 else toks[-1].end
        if seg.cue:
            return seg.type or "other", seg.cue, s, e
        words = [t.text for t in caps]
        n, first, last = len(caps), words[0], words[-1]
        if tuple(words) in c.titles:
            return None
        if n == 1 and first in self.acr_defs:
            return self.acr_defs[first][1], "acronym", s, e
        typ, cue = self._head_type(toks, caps, s, e)
        if typ:
            if typ == "organization":
                m = c.comma_tail.match(text, e)
                if m:
                    e = self.guard = m.end()
            return typ, cue, s, e
        hint = self.corr and next((self.corr[t.start] for t in caps if t.start in self.corr), None)
        if hint and n <= 3:
            return hint, "correspondence", s, e
        lead = 0
        while lead < n and (words[lead] in c.nationalities or words[lead] in c.compass):
            lead += 1
        m = c.lower_head.match(text, e) if toks[-1].end == e else None
        typ = c.lower_heads[m.group(1)] if m else ""
        # "Japanese Communist party", "Kangwon province", but not "the Japanese city"
        if typ == "local_body" and lead < n:
            self.guard = max(self.guard, m.end())
            return "organization", _HEAD_CUE["organization"], s, m.end()
        if typ == "organization" and n >= 2 or typ == "place" and lead < n:
            self.guard = max(self.guard, m.end())
            return typ, _HEAD_CUE[typ], s, m.end()
        if lead == n:
            return None      # "Japanese", "North Korean"
        if n >= 2 and last in c.nationalities:
            return "group", "demonym", s, e
        core = caps[lead:]
        ps = core[0].start
        person = len(core) > 1 and c.person_cue([t.text for t in core])     # (two words at least)
        if not person and len(core) == 2 and len(core[0].text) <= 4 and _KOREAN_GIVEN.fullmatch(core[1].text):
            person = "korean-name"      # 'Ha Pyong-ok', 'So Man-sul': a short surname, a hyphenated given name
        if person:
            return "person", person, ps, e
        sent = ctx.sentence_initial(s)
        role = self._context(s, e, len(core), sent, words)
        if role:
            return role[0], role[1], ps if role[0] == "person" else s, e
        if n == 1:
            head, _, rest = first.partition("-")
            if rest.islower() and _ONE_SYLLABLE.fullmatch(head) and _ONE_SYLLABLE.fullmatch(rest) \
                    and not _ARTICLE_BEFORE.search(text, max(0, s - 4), s):
                return "person", "korean-given", s, e     # 'Chol-ho', 'Mi-ok': a Korean given name alone
            if first.isupper() and len(first) > 1:
                return self._bare_acronym(first, s, e)
            if _DESIGNATION.fullmatch(first):
                return "other", "designation", s, e
            return "other", "single", s, e
        if n > 4 or all(w.isupper() for w in words):
            return None      # titles of works, shouting
        return "other", "capitalized", s, e

    def _head_type(self, toks: list[Tok], caps: list[Tok], s: int, e: int) -> tuple[str, str]:
        c = self.c
        first, last, n = caps[0].text, caps[-1].text, len(caps)
        if n >= 2:
            if last in c.heads:
                typ = c.heads[last]
                pub = last in c.pub_heads
                return typ, "publisher-suffix" if pub else _HEAD_CUE[typ]
            for a, b in zip(toks, toks[1:], strict=False):
                if not a.part and b.part and b.text in c.p_of and a.text in c.heads:
                    typ = c.heads[a.text]
                    return typ, "org-prefix" if typ == "organization" else _HEAD_CUE[typ]
            if first in c.prefixes:
                return c.prefixes[first], _HEAD_CUE[c.prefixes[first]]
        tail = last.rsplit("-", 1)
        if len(tail) == 2 and tail[1] in c.hyphen_suffix and tail[0][:1].isupper() \
                and not (c.hyphen_suffix[tail[1]] == "vessel" and (n >= 2 and first in c.surnames
                                                                   or tail[1] == "ho" and _ONE_SYLLABLE.fullmatch(tail[0]))):
            # (not 'Ko Chang-ho': a surname before a given name that ends in -ho is a person; nor
            # 'Chol-ho' alone, one syllable before it)
            return c.hyphen_suffix[tail[1]], "place-suffix"
        if last.endswith(c.pub_endings) and last[-4:].islower() and len(last) >= 6 \
                and last not in c.given and (n >= 2 or self._in_citation(s, e)):
            return "organization", "publisher-suffix"
        return "", ""

    def _context(self, s: int, e: int, n: int, sent: bool, words: list[str]) -> tuple[str, str] | None:
        """Type from the words around the name: titles in lower case, verbs, appositions."""
        c, text = self.c, self.text
        lo = max(0, s - 40)
        # the `*_before`, `place_*` patterns end in spaces and "$": searched only when the
        # text before, less those spaces, ends with one of their words
        before = text[lo:s].rstrip(" \u00a0")
        if n <= 3 and before.endswith(c.person_before_ends) and c.person_before.search(text, lo, s):
            return "person", "title-lower"
        if n <= 4 and before.endswith(c.org_before_ends) and c.org_before.search(text, lo, s):
            return "organization", "kind-before"       # ('the scientific journal Nature')
        if 2 <= n <= 3 and (c.speech_after.match(text, e) or before.endswith(c.speech_before_ends)
                            and c.speech_before.search(text, lo, s)):
            return "person", "speech-verb"
        lexical = any(w in c.surnames or w in c.given for w in words)
        after = text[e:e + 2]
        if (after[:1] in ",–—-" or after in (" w", " i", " –", " —", " -")) and (not sent or n >= 2 or lexical):
            m = c.appositive.match(text, e)
            if m:
                return c.roles[m.group(1).lower()], "appositive"
            # (not 'a teacher from Joetsu who asked not to be named': 'who' is the teacher)
            if n <= 3 and c.who_after.match(text, e) and not (after[:1] == " " and _PLACE_PREP_END.search(before)):
                return "person", "appositive"
            if 2 <= n <= 4 and c.age_after.match(text, e):
                return "person", "age"
        if before.endswith(c.place_of_ends) and c.place_of.search(text, lo, s):
            return "place", "place-of"
        if not sent and before.endswith(c.place_prep_ends) and c.place_prep.search(text, lo, s) \
                and c.comma_cap.match(text, e):
            return "place", "place-context"
        if n <= 2 and c.in_region.match(text, e):
            return "place", "in-region"     # 'and Tsuruoka, Yamagata Prefecture'
        if n == 1 and lexical and self._in_citation(s, e):
            return "person", "citation-surname"
        return None

    def _bare_acronym(self, w: str, s: int, e: int) -> tuple[str, str, int, int] | None:
        """An undefined all-caps word: an acronym unless it is emphasis, a numeral or a code."""
        c, text = self.c, self.text
        # each part of "GHQ/SCAP" is short; longer all-caps words are shouting ("NOBODY")
        if (not acronym_like(w) or max(map(len, re.split(r"[/&\-]", w))) > 5 or w in c.generic_acr
                or w.capitalize() in c.function or w.capitalize() in c.start_drop
                or self.ctx.lower_seen(w) or set(w) <= set("IVXLCDM")):
            return None
        nxt = text[e:e + 2]
        if nxt[:1] == "(" or nxt.lstrip(" ")[:1].isdigit() or text[s - 1:s].isdigit():
            return None       # archive and call numbers: "B AG 232", "GS(B)"
        if text[s - 1:s] in ("\n", "") and nxt.lstrip(" ")[:1] in ("(", "-", "–", "—", ",", ":"):
            return None       # a dateline: "TOKYO (Reuters) -"; a speaker's turn in a transcript: "HOST:"
        if text[s - 1:s] in ("“", '"') and nxt[:1] in ("”", '"'):
            return None       # initials quoted as a label: initialed “MU”
        return "organization", "acronym-bare", s, e
