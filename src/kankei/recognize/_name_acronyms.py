"""Acronyms and the long forms they stand for ('Maritime Safety Bureau (MSB)', 'the MSB'):
the acronym half of `names._Detector`."""
from __future__ import annotations

from kankei.recognize._name_cues import COVERING, Seg, Tok, acronym_like, initials_match, word_initials_match


class AcronymForms:
    """Mixin of `names._Detector`: an acronym after a name, and the name it stands for."""

    def _acronym_long_form(self, toks: list[Tok], e: int) -> list[Seg] | None:
        """'Maritime Safety Bureau (MSB)' and 'MSB (Maritime Safety Bureau)'."""
        c = self.c
        m = c.acr_after.match(self.text, e)
        if m and acronym_like(m.group(1)):
            acr = m.group(1)
            # the shortest long form whose word initials spell the acronym, else the
            # shortest that contains its letters in order (Schwartz–Hearst)
            order = range(len(toks) - 1, -1, -1)
            i0 = next((i for i in order if not toks[i].part and word_initials_match(acr, toks[i:])), None)
            if i0 is None:
                i0 = next((i for i in order if not toks[i].part and initials_match(acr, toks[i:])), None)
            if i0 is not None:
                # "UN Committee on ... (CERD)": the long form runs back over known words before it
                cov = self._covering(toks) if self.known_starts and any(t.skip for t in toks) else None
                whole = cov is not None and cov[1] == len(toks) and cov[0] <= i0
                if whole:
                    i0 = cov[0]
                long = toks[i0:]
                segs = self._segments(toks[:i0]) if i0 else []
                return segs + self._long_form(long, acr, self.text[long[0].start:e], "", whole)
        b = c.acr_before.search(self.text, max(0, toks[0].start - 14), toks[0].start)
        if b and c.close_paren.match(self.text, e) and acronym_like(b.group(1)):
            acr = b.group(1)
            if initials_match(acr, toks):
                return self._long_form(toks, acr, self.text[toks[0].start:e], b.group(1))
        return None

    def _long_form(self, long: list[Tok], acr: str, name: str, before: str, whole: bool = False) -> list[Seg]:
        if whole:       # known words inside, kept: "Center for Pacific Policy Research (CPPR)"
            typ = self._head_type(long, [t for t in long if not t.part], long[0].start, long[-1].end)[0]
            typ = typ if typ and typ != "other" else "organization"
            self.acr_defs[acr] = (name, typ)
            return [Seg(long, COVERING, typ)]
        runs, run = [], []
        for t in long:
            if t.skip:
                runs.append(run)
                run = []
            else:
                run.append(t)
        runs.append(run)
        keep = next((r for r in reversed(runs) if any(not x.part for x in r)), [])
        while keep and keep[0].part:
            keep.pop(0)
        typed = self._type(Seg(keep)) if keep else None
        typ = typed[0] if typed and typed[0] != "other" else "organization"
        self.acr_defs[acr] = (name, typ)
        if before:   # the acronym came first: give the candidate already made its long name
            for cand in self.out[-3:]:
                if cand.text == acr:
                    cand.acronym_of, cand.type, cand.cue = name, typ, "acronym-definition"
        return [Seg(keep, "acronym-definition", typ)] if keep else []

    # ---- typing --------------------------------------------------------------------------
