"""How a sentence's readings join, as the sentence reader finds them: a light or aspectual verb
and the event noun it governs are one event ('held talks', 'the return began'); a control verb
and its complement are one ('agreed to lift the ban'), a planning verb makes it planned, a
negating one denied; a purpose infinitive states nothing of its own; 'responded by extending'
is the extension."""
from __future__ import annotations

import re
from functools import cache

from kankei.analyze.groups import lists as grammar_lists
from kankei.assemble.event_reading import NOUN_TAGS, Reading, passive_clause, prep_of
from kankei.assemble.triggers import word_sets

NOT_TO = re.compile(r"\s+not\s+to\b")    # ('decided not to send them back')


@cache
def _light_forms() -> tuple[frozenset[str], frozenset[str]]:
    sets = word_sets()
    return sets["light_verbs"], sets["aspectual"]


class ReaderJoins:
    """The joining part of SentenceReader (a mixin: it reads the reader's analysis)."""

    def _join_light_and_aspectual(self, verbs: list[Reading], nouns: list[Reading]) -> list[Reading]:
        """'held talks', 'imposed sanctions', 'the repatriation began': one event of the noun's type."""
        light, aspectual = _light_forms()
        taken: set[int] = set()
        out = [v for v in verbs]
        by_start = {n.head.start: n for n in nouns}
        for clause in self.an.clauses:
            vg = clause.predicate
            if vg is None:
                continue
            head = vg.head
            word = head.text.lower()
            phrases = list(clause.objects)
            passive = passive_clause(clause)
            particle = self.tokens[head.i + 1].text.lower() if head.i + 1 < len(self.tokens) \
                and self.tokens[head.i + 1].tag == "RP" else ""
            nxt = self.tokens[head.i + 1].text.lower() if head.i + 1 < len(self.tokens) else ""
            is_light = word in light or head.lemma in light or bool(particle) and (
                f"{word} {particle}" in light or f"{head.lemma} {particle}" in light) \
                or f"{word} {nxt}" in light     # 'carried out a test', 'engaged in negotiations'
            is_aspectual = word in aspectual or head.lemma in aspectual or \
                self.text[head.start:head.start + 12].lower().startswith(("took place", "take place", "takes place"))
            if not (is_light or is_aspectual):
                continue
            if passive or is_aspectual:
                # (a passive's subject is what was held, before any object the chunker left it:
                # 'the negotiations held in 1959 ... on the "return" of residents')
                subjects = [clause.subject] if clause.subject is not None else []
                # ('the tenth and eleventh rounds followed': the conjunct that names the noun)
                subjects += [ph for ph in getattr(clause, "subjects", None) or [] if ph is not clause.subject]
                phrases = subjects + phrases if passive else phrases + subjects
            if is_light and not passive:
                phrases += [pp for pp in clause.pps if prep_of(pp) in ("in", "into")][:1]   # "engaged in talks"
            if passive and word in word_sets()["occasion_participles"] and head.i >= 2 and self.tokens[head.i - 1].text == "," \
                    and clause.relation == "adverbial" and (told := by_start.get(self.tokens[head.i - 2].start)):
                # ('At the eighth round, held in Beijing in 1992, the delegation walked out': the
                # participle after the comma tells of the noun before it, which its time dates)
                told.told_by = clause
                out = [v for v in out if v.head.start != head.start]
                continue
            noun = None
            for ph in phrases:
                noun = self._event_noun_in(ph, by_start)
                if noun is not None:
                    break
            if noun is None and clause.objects and not passive:
                noun = self._leading_event_noun(clause.objects[0], by_start)
            if noun is None:
                continue
            taken.add(noun.head.start)
            near = 0 <= noun.start - head.end <= 25 and noun.start > head.start
            start, end = head.start, (noun.end if near else head.end)
            if 0 <= head.start - noun.end <= 2:
                start = noun.start      # 'a plenary meeting held in Pyongyang
            existing = next((v for v in out if v.head.start == head.start), None)
            if existing is not None:
                out.remove(existing)
            etype = "sanction" if noun.type == "aid" and head.lemma in word_sets()["stopping"] else noun.type
            if head.lemma == "approve" and etype not in word_sets()["approved_as_taken"]:
                etype = "resolution"    # ('the Cabinet approved the repatriation': a decision, no one moved yet)
            out.append(Reading(start, end, etype, head, True, clause=clause, noun_event=noun))   # ('stopped their subsidies')
        # 'lifted some travel bans', 'eased its sanctions': an easing takes the sanction it eases
        for v in out:
            if v.type == "ease" and v.noun_event is None and v.clause is not None and v.clause.objects:
                noun = self._event_noun_in(v.clause.objects[0], by_start)
                if noun is not None and noun.type == "sanction" and noun.head.start not in taken \
                        and 0 <= noun.start - v.end <= 25:
                    taken.add(noun.head.start)
                    v.end, v.noun_event = noun.end, noun
        nouns[:] = [n for n in nouns if n.head.start not in taken]
        return out

    def _event_noun_in(self, phrase, by_start: dict[int, Reading]) -> Reading | None:
        """The event noun heading a phrase, or the first one in it before any preposition."""
        head = getattr(phrase, "head", None)
        if head is not None and head.start in by_start:
            return by_start[head.start]
        if head is not None and head.i > 0 and head.text.lower() in word_sets()["container_nouns"]:
            return by_start.get(self.tokens[head.i - 1].start)     # 'its sanctions regime'
        if head is not None and head.text.lower() in grammar_lists()["span_nouns"] \
                and head.i + 2 < len(self.tokens) and self.tokens[head.i + 1].text.lower() == "of":
            return by_start.get(self.tokens[head.i + 2].start)     # ('held about three hours of talks')
        return None

    def _leading_event_noun(self, phrase, by_start: dict[int, Reading]) -> Reading | None:
        """An event noun the chunker cut off from its object ('approved the trade | ban amid fears'):
        the first noun of the object before any preposition, if it is an event noun."""
        first = self.token_index(phrase.start)
        if first is None:
            return None
        for tok in self.tokens[first:first + 5]:
            if tok.tag in ("IN", "TO", ",", ":") or tok.start >= phrase.end + 1 and tok.tag not in NOUN_TAGS:
                return None
            if tok.start in by_start:
                if tok.start < phrase.end and phrase.head is not None and phrase.head.start > tok.start \
                        and phrase.head.lemma.lower() in word_sets()["definite_bodies"]:
                    return None     # ('launched an investigation committee': a body, the noun only describes it)
                return by_start[tok.start]
        return None

    def _join_control(self, verbs: list[Reading]) -> list[Reading]:
        """'agreed to remove the ban': the control verb and its complement are one event of the
        complement's type; 'plans to visit' is a visit not yet made."""
        sets = word_sets()
        control, planning = sets["control"], sets["planning"]
        by_clause = {id(v.clause): v for v in verbs if v.clause is not None}
        drop: set[int] = set()
        stepped: set[int] = set()
        for v in verbs:
            parent = getattr(v.clause, "parent", None)
            if parent is not None and parent.predicate is not None and v.clause.relation == "adverbial" \
                    and v.clause.marker is not None and v.clause.marker.text.lower() == "from" \
                    and parent.predicate.head.lemma in word_sets()["negating_control"]:
                v.modality = "negated"      # 'barred from returning', 'prevented from leaving'
                continue
            gerund = v.clause.relation == "complement" and v.clause.predicate is not None \
                and v.clause.predicate.form == "gerund"      # 'was considering freezing the assets'
            if parent is not None and v.clause.relation == "complement" and not gerund and parent.predicate is not None \
                    and parent.predicate.head.lemma in sets["deciding"] and v.clause.predicate is not None \
                    and v.head.start > parent.predicate.head.end \
                    and (owner := by_clause.get(id(parent))) is not None:
                # ('decided they would not be sent back': a refusal; 'decided that Japan would extend
                # its sanctions': the decision is of what it decides)
                owner.type = "reject" if v.clause.predicate.negated else v.type
                drop.add(id(v))
                continue
            if parent is None or v.clause.relation != "infinitive" and not gerund:
                continue
            pvg = parent.predicate
            if pvg is None:
                continue
            if v.head.start < pvg.head.start:
                v.modality = "purpose"      # 'efforts to normalize relations failed': the noun's, not the verb's
                continue
            lemma = pvg.head.lemma
            if lemma in sets["step_verbs"] and parent.objects and parent.objects[0].head.text.lower() in sets["step_nouns"] \
                    and parent.objects[0].end <= v.head.start:
                stepped.add(id(v))      # 'took steps to extend the sanctions': the extension, done
                continue
            if lemma in sets["gathering_verbs"] and not parent.objects and v.type in ("accuse", "demand"):
                stepped.add(id(v))      # 'some 300 people gathered to protest': the protest, made there
                continue
            if lemma in sets["stopping"] and v.type == "aid":
                v.type = "sanction"         # 'stopped paying its subsidy': aid cut off is a measure taken
                v.start = min(v.start, pvg.head.start)
                owner = by_clause.get(id(parent))
                if owner is not None:
                    drop.add(id(owner))
                continue
            if lemma in sets["negating_control"]:
                v.modality = "negated"
                owner = by_clause.get(id(parent))
                if owner is not None and lemma == "fail":
                    drop.add(id(owner))     # 'failed to reach': a failure is the complement not done
            elif lemma in sets["desire"]:
                drop.add(id(v))     # 'he wanted to visit Disneyland': a wish, no occurrence, not even a planned one
            elif lemma in planning:
                if by_clause.get(id(parent)) is not None:
                    drop.add(id(v))     # 'urged Japan to lift', 'threatened to launch': the demand or threat says it
                # ('was not considering filing a protest': ruled out, not planned)
                v.modality = "negated" if pvg.negated else "hypothetical"
            elif lemma in sets["permitting"] and passive_clause(parent):
                continue        # 'a group was allowed to depart': the release is the passive's ('were allowed')
            elif lemma in sets["deciding"] and NOT_TO.match(self.text, pvg.head.end):
                # ('decided not to send them back': a refusal, what is refused not done)
                owner = by_clause.get(id(parent))
                if owner is not None:
                    owner.type = "reject"
                    drop.add(id(v))
                else:
                    v.type, v.start = "reject", min(v.start, pvg.head.start)
            elif lemma in control or pvg.head.text.lower() in control:
                owner = by_clause.get(id(parent))
                if owner is not None and owner.type == "release" and v.head.lemma in sets["going_home"]:
                    drop.add(id(v))     # 'allowed the abductees to return': the release says it
                    continue
                if owner is not None and owner.type not in ("agree",):
                    drop.add(id(owner))     # ('allowed 150 supporters to visit': the visit, not a release)
                v.start = min(v.start, pvg.head.start)
        return [v for v in verbs if id(v) not in drop and (id(v) in stepped or not self._purpose(v))]

    def _purpose(self, v: Reading) -> bool:
        """'efforts to resolve', 'went there to discuss': an infinitive that no verb of planning,
        deciding or asking governs states no occurrence of its own."""
        c = v.clause
        vg = getattr(c, "predicate", None)
        if v.modality == "purpose":
            return True
        if c is not None and c.relation == "coordinate" and c.shared_subject and c.parent is not None \
                and vg is not None and vg.form == "bare" and c.parent.relation == "infinitive":
            c = c.parent        # 'to warn the public and urge them to flee': the purpose goes on
            vg = c.predicate
        if vg is None or vg.form != "infinitive" or c.relation != "infinitive" or v.modality != "asserted":
            return False
        parent = c.parent.predicate if c.parent is not None else None
        if parent is not None and parent.head.lemma in word_sets()["raising"]:
            v.hedged = True         # 'is believed to have been born in 1971'
            return False
        return v.start >= vg.head.start     # (a control verb joined to it starts the event earlier)

    def _by_means(self, verbs: list[Reading]) -> list[Reading]:
        """'Japan responded by extending its sanctions': the reaction is the act it was done by."""
        reacting = word_sets()["reacting"]
        means = {id(v.clause.parent) for v in verbs if v.clause is not None and v.clause.relation == "adverbial"
                 and v.clause.marker is not None and v.clause.marker.text.lower() == "by"}
        return [v for v in verbs if not (v.head.lemma in reacting and id(v.clause) in means)]
