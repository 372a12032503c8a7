"""Records of meetings: numbered paragraphs of prose are the body, not endnotes, and the day of
the meeting (not the day the record was issued) is when what was said there was said."""
from __future__ import annotations

from kankei.pipeline import extract
from kankei.text import notes_section

RECORD = """Regional Assembly
Summary record of the 12th meeting
Issued: 30 June 2024
Held at the City Hall, Niigata, on Monday, 10 June 2024, at 10 a.m.

Replies of delegations

1. Mr. Kim (Chongryon liaison office), speaking in reply, said that his office rejected the remarks made at the previous meeting. The schools had been founded in 1946 by parents who wanted their children to learn Korean, and the city had paid them a subsidy from 1977 until it stopped in 2013. On Friday the prefecture had refused to meet the parents again, which his office condemned as discrimination against the community.

2. Ms. Sato (Niigata Prefecture), speaking in reply, said that her prefecture regretted those claims. The subsidy had been reviewed in 2012 after a report by an outside panel, and the decision to stop it had been taken in a public session. The prefecture would publish the panel's full report on its website in July 2024.

3. Mr. Kim added that the community would hold a rally at the prefectural office on Sunday.
"""

NOTES = """A short history of the schools.

The first Korean schools opened in 1946.1 They were closed in 1949.2

1. Kim Tok-ryong, Chosen gakko no sengoshi (Tokyo: Shakai Hyoronsha, 2004), 12.
2. Ozawa Yusaku, Zainichi Chosenjin kyoikuron (Tokyo: Aki Shobo, 1973), pp. 301-5.
"""


def test_numbered_paragraphs_of_prose_are_no_notes_section():
    assert notes_section(RECORD) is None
    start = notes_section(NOTES)
    assert start is not None and NOTES[start:].startswith("1. Kim Tok-ryong")


def test_what_was_said_at_a_meeting_is_dated_by_the_meeting_not_by_the_record():
    result = extract(RECORD, doc="record")
    assert result.published == "2024-06-30"      # the record's own date stays its date
    events = [r for r in result.records() if r["kind"] == "event"]
    rejected = next(e for e in events if e["text"] == "rejected")
    assert rejected["date"] == "2024-06-10"
    times = {r["text"]: r["value"] for r in result.records() if r["kind"] == "time"}
    assert times["Friday"] == "2024-06-07" and times["Sunday"] == "2024-06-16"
