"""How sure a sentence's reading is: negated ('did not meet', 'provided no evidence'), planned or
conditional ('will ban', 'if ... were', 'would keep pressing'), asked for ('called for the release'),
or reported as likely ('may have launched'); a mixin of the sentence reader."""
from __future__ import annotations

from kankei.assemble.event_parts import ACTOR_TYPES
from kankei.assemble.event_reading import Reading, passive_clause, prep_of, time_phrase_of, untensed
from kankei.assemble.triggers import word_sets

SUBORDINATORS_IF = frozenset({"if", "unless", "whether"})
_ASPECTUAL = frozenset({"keep", "continue", "start", "begin", "stop", "resume"})
_MAY = frozenset({"may", "might", "could"})
_OBLIGING = frozenset({"should", "must", "ought"})


class ReaderModality:
    """The modality part of SentenceReader (a mixin: it reads the reader's analysis and tokens)."""

    def _none_done(self, r: Reading, clause) -> bool:
        """'no evidence has been presented', 'provided no evidence': the one thing the verb is done
        to is none at all."""
        subject = clause.subject
        if subject is not None and not passive_clause(clause) and subject.end <= r.start \
                and self.text[subject.start:subject.end].split(" ", 1)[0].lower() in ("no", "nobody", "none"):
            return True         # ('No one from the ministry attended': none did it)
        if r.head.lemma in word_sets()["reporting"]:
            return False        # ('said no damage had been reported': what is said, not what is done)
        ph = clause.subject if passive_clause(clause) else (clause.objects[0] if clause.objects else None)
        if ph is None or (passive_clause(clause) and ph.start > r.start) or (not passive_clause(clause) and ph.start < r.end):
            return False
        return self.text[ph.start:ph.end].split(" ", 1)[0].lower() == "no"

    def _modality(self, r: Reading) -> str:
        if r.modality != "asserted":
            return r.modality
        if not r.verb and self._demanded(r):
            return "hypothetical"       # 'called for the release of the abductees': asked for, not done
        if not r.verb and r.noun_event is None and r.times:
            return "asserted"   # ('not considering a protest over the November 15 match': the match was held)
        clause = r.clause
        vg = getattr(clause, "predicate", None) if clause is not None else None
        if vg is None:
            return "asserted"
        if not r.verb and r.noun_event is None and clause.subject is not None \
                and clause.subject.start <= r.head.start < clause.subject.end:
            return "asserted"       # 'the ban in place since 2009 will be lifted': what the verb does is not the ban
        if r.verb or r.noun_event is not None or clause is not None:
            first = vg.first if vg.first else self.token_index(vg.start)
            if vg.negated or first and self.tokens[first - 1].text.lower() in ("never", "not", "n't", "nor", "neither") \
                    or r.verb and self._none_done(r, clause):
                if any(prep_of(pp) in ("until", "till") for pp in clause.pps) and r.times:
                    return "asserted"       # 'did not join until December 1956': joined then
                return "negated"
            if vg.modal in _MAY and vg.aspect == "perfect" and not self._on_a_condition(clause):
                r.hedged = True     # 'may have launched a missile': reported as likely, not planned
                return "asserted"
            if vg.modal or vg.tense == "future":
                return "hypothetical"
        c = clause
        while c is not None:
            if c.marker is not None and c.marker.text.lower() in SUBORDINATORS_IF:
                return "hypothetical"
            if c.relation not in ("infinitive", "coordinate") and not (c.relation == "complement" and untensed(c)):
                break
            c = c.parent
            vg = c.predicate if c is not None else None
            if vg is not None and r.verb and (vg.modal or vg.tense == "future") and vg.head.lemma in _ASPECTUAL:
                return "hypothetical"       # 'would keep pressing', 'will continue to press'
        return "asserted"

    def _obligations(self, cands: list[Reading]) -> list[Reading]:
        """'The DPRK should provide the families with full information', 'Washington must
        address these concerns': what an actor should or must do, said by the text or by a
        speaker, is a demand on that actor; what it should do is no event of its own."""
        out = list(cands)
        for c in self.an.clauses:
            vg = c.predicate
            if vg is None or vg.modal not in _OBLIGING or vg.aspect is not None or c.subject is None \
                    or c.subject.end > vg.start or self.text[self.s:self.e].rstrip().endswith("?") \
                    or c.marker is not None and c.marker.text.lower() in SUBORDINATORS_IF \
                    or not any(m.type in ACTOR_TYPES for m in self.ents.within(c.subject.start, c.subject.end)):
                continue
            first = self.tokens[vg.first] if vg.first else None
            start = first.start if first is not None and first.text.lower() in _OBLIGING else vg.start
            out = [r for r in out if r.head is not vg.head and not (r.verb and start <= r.start < vg.end)]
            out.append(Reading(start, vg.head.end, "demand", vg.head, True, clause=c, obligation=True))
        return out

    def _obliged_parts(self, r: Reading, readings: list[Reading]) -> None:
        """Who is obliged (the subject) and who obliges: the one whose saying the clause is, or
        the government a statement speaks for."""
        subject = r.clause.subject
        # (what it should do is the demand's content: 'address Pyongyang's concerns' names no one obliged)
        items = [dict(p, role="patient") if p["role"] != "location" else p for p in r.parts.items
                 if p["role"] == "location" or subject.start <= p["start"] < subject.end]
        sayer = next((y for y in readings if y is not r and y.clause is not None and r.clause.parent is y.clause
                      and y.type == "statement" and y.parts is not None), None)
        speakers = [p for p in sayer.parts.items if p["role"] == "agent"] if sayer is not None else []
        if not speakers and self.ents.issuer is not None and self.ents.official and r.clause.relation is None:
            m = self.ents.issuer_at(r.start, r.start)
            speakers = [{"role": "agent", "entity": m.entity, "start": m.start, "end": m.end, "via": "issuer"}]
        held = {p["entity"] for p in items}
        r.parts.items = [dict(p) for p in speakers if p["entity"] not in held] + items

    def _occasion_by_pronoun(self, cands: list[Reading]) -> list[Reading]:
        """'The annual meeting was postponed. It was held instead on 24 February': a gathering the
        story just told, named again by 'it' before 'was held' or 'took place', happened then."""
        told = getattr(self, "last_gathering", None)
        if told is None:
            return cands
        taken = {r.head.start for r in cands}
        out = list(cands)
        for c in self.an.clauses:
            vg = c.predicate
            if vg is None or c.subject is None or vg.head.start in taken \
                    or self.text[c.subject.start:c.subject.end].lower() not in ("it", "they"):
                continue
            place = vg.head.lemma == "take" and self.text.startswith(" place", vg.end)     # ('It took place')
            if vg.head.lemma == "hold" and vg.voice == "passive" or place:
                out.append(Reading(vg.start, vg.end + len(" place") * place, told, vg.head, True, clause=c))
        return out

    def _so_that_purpose(self, r: Reading) -> bool:
        """'... so that elderly residents could visit their relatives': what an act is for, with a
        modal, is no occurrence."""
        c = r.clause
        while c is not None and c.relation in ("infinitive", "coordinate") and c.parent is not None:
            c = c.parent        # ('so that they could return and visit ...')
        if c is None or c.relation != "adverbial" or c.marker is None or c.marker.text.lower() != "so" \
                or not self.text.startswith(" that", c.marker.end):
            return False
        vg = c.predicate
        return vg is not None and (vg.modal is not None or vg.tense == "future")

    def _on_a_condition(self, clause) -> bool:
        """'could have been kidnapped if they had won': a clause with an 'if' clause of its own."""
        return any(c.parent is clause and c.marker is not None and c.marker.text.lower() in SUBORDINATORS_IF
                   for c in self.an.clauses)

    def _demanded(self, noun: Reading) -> bool:
        clause = self.an.clause_of(noun.head.start)
        vg = getattr(clause, "predicate", None)
        if vg is None or vg.head.start > noun.start or time_phrase_of(self.an, noun.head) is not None:
            return False        # ('seek an apology for ... during the match': the match only dates it)
        lemma = vg.head.lemma
        word = self.text[vg.head.start:noun.start].lower()
        return lemma in ("demand", "urge", "request", "seek", "ask", "press", "want") or \
            lemma == "call" and word.startswith(("call for", "called for", "calls for", "calling for"))
