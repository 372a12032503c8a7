"""Helpers for the event tests: the events of a sentence, the one a trigger states, and the
entities in one role (the offsets of every event are checked against its quote)."""
from __future__ import annotations

from kankei.pipeline import extract


def events(text: str, dct: str = "2020-06-01") -> list[dict]:
    recs = [r for r in extract(text, doc="t", dct=dct).records() if r["kind"] == "event"]
    for r in recs:
        assert text[r["start"]:r["end"]] == r["text"], r
    return recs


def the(text: str, trigger: str, dct: str = "2020-06-01") -> dict:
    found = [e for e in events(text, dct) if e["text"] == trigger]
    assert len(found) == 1, events(text, dct)
    return found[0]


def role(ev: dict, name: str) -> set[str]:
    return {p["entity"] for p in ev["participants"] if p["role"] == name}
