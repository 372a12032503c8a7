"""An event record: what happened, when, who took part, and the sentence that says so. Its id
is derived from its content, so that a rebuild finds the same event again."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(slots=True)
class Event:
    id: str
    type: str
    date: str | None
    start: int
    end: int
    text: str
    participants: list[dict] = field(default_factory=list)
    modality: str = "asserted"          # asserted | hypothetical | negated
    hedged: bool = False
    time: tuple[int, int] | None = None  # the time expression that dates it, if its own clause has one
    sentence: tuple[int, int] | None = None
    dated_by: str | None = None         # clause | narrative | document | None
    repeats: list[Event] = field(default_factory=list)   # the other tellings of the same occurrence
    antecedent: Event | None = None     # 'this summit', 'these talks': the occurrence told before
    apart: bool = False     # told as a stretch before or after another ('a day after X fired'): another occurrence

    def record(self, doc: str) -> dict:
        rec = {"doc": doc, "kind": "event", "start": self.start, "end": self.end, "text": self.text,
               "type": self.type, "date": self.date, "participants": self.participants, "id": self.id}
        if self.modality != "asserted":
            rec["modality"] = self.modality
        if self.hedged:
            rec["hedged"] = True
        if self.time:
            rec["time_start"], rec["time_end"] = self.time
        if self.sentence:
            rec["sentence_start"], rec["sentence_end"] = self.sentence
        if self.dated_by:
            rec["dated_by"] = self.dated_by
        if self.repeats:
            rec["mentions"] = [[r.start, r.end] for r in self.repeats]
        return rec

    def records(self, doc: str) -> list[dict]:
        """Its record, then one for each other telling, marked as a mention of it."""
        return [self.record(doc), *({**r.record(doc), "mention_of": self.id} for r in self.repeats)]


def event_id(doc: str, etype: str, trigger: str, sentence: str) -> str:
    words = " ".join(sentence.split())
    return _event_id(doc, etype, trigger, hashlib.sha1(words.encode("utf-8")).hexdigest())


def _event_id(doc: str, etype: str, trigger: str, sentence_key: str) -> str:
    """event_id of a sentence already reduced to the digest of its words, one space apart."""
    key = "\x1f".join((doc, etype, trigger.lower(), sentence_key))
    return "event:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
