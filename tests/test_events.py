"""Events: each type of ../shared/spec/event-types.md with its trigger, date, participants and modality.

Every sentence here was written for these tests (none is taken from the shared corpus).
"""
from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from kankei.cli import main
from kankei.knowledge import load
from kankei.pipeline import extract


def events(text: str, doc: str = "t") -> list[dict]:
    recs = [r for r in extract(text, doc=doc).records() if r["kind"] == "event"]
    for r in recs:
        assert text[r["start"]:r["end"]] == r["text"], r
        for p in r["participants"]:
            assert 0 <= p["start"] < p["end"] <= len(text), p
    return recs


def the(text: str, etype: str) -> dict:
    found = [r for r in events(text) if r["type"] == etype]
    assert len(found) == 1, (etype, events(text))
    return found[0]


def role(ev: dict, name: str) -> set[str]:
    return {p["entity"] for p in ev["participants"] if p["role"] == name}


# --- every type of the spec ------------------------------------------------------------------

# (sentence, type, trigger, date, agents, patients, locations); None: not checked
TYPES = [
    ("Chongryon was founded in Tokyo on 25 May 1955.",
     "found", "founded", "1955-05-25", set(), {"org:chongryon"}, {"place:tokyo"}),
    ("Chongryon lost its headquarters in 2015.",
     "dissolve", "lost its headquarters", "2015", {"org:chongryon"}, None, None),
    ("Japan annexed Korea in August 1910.",
     "annex", "annexed", "1910-08", {"country:japan"}, {"place:korea"}, set()),
    ("North Korea invaded South Korea on 25 June 1950.",
     "war", "invaded", "1950-06-25", {"country:north_korea"}, {"country:south_korea"}, set()),
    ("In 1960 Zainichi Koreans emigrated from Niigata to North Korea.",
     "migrate", "emigrated", "1960", {"group:zainichi_koreans"}, set(), {"place:niigata", "country:north_korea"}),
    ("Prime Minister Junichiro Koizumi met Kim Jong-il in Pyongyang on 17 September 2002.",
     "meet", "met", "2002-09-17", {"person:koizumi"}, {"person:kim_jong_il"}, {"place:pyongyang"}),
    ("Japan and South Korea signed a basic treaty in June 1965.",
     "agree", "signed", "1965-06", {"country:japan", "country:south_korea"}, None, None),
    ("Kim Jong-il apologized for the abductions in September 2002.",
     "apologize", "apologized", "2002-09", {"person:kim_jong_il"}, None, None),
    ("Japan donated 100,000 tons of rice to North Korea in 1995.",
     "aid", "donated", "1995", {"country:japan"}, {"country:north_korea"}, set()),
    ("Japan banned all imports from North Korea in October 2006.",
     "sanction", "banned", "2006-10", {"country:japan"}, {"country:north_korea"}, set()),
    ("Tokyo lifted some travel bans in July 2014.",
     "ease", "lifted some travel bans", "2014-07", {"gov:japan"}, None, None),
    ("North Korea threatened Japan with retaliation in March 2013.",
     "threaten", "threatened", "2013-03", {"country:north_korea"}, {"country:japan"}, None),
    ("Japan demanded the return of the victims in October 2002.",
     "demand", "demanded", "2002-10", {"country:japan"}, None, None),
    ("Tokyo condemned the launch in April 2012.",
     "accuse", "condemned", "2012-04", {"gov:japan"}, None, None),
    ("North Korea rejected the proposal in November 2004.",
     "reject", "rejected", "2004-11", {"country:north_korea"}, None, None),
    ("North Korea launched a ballistic missile over Japan in August 1998.",
     "weapons_test", "launched", "1998-08", {"country:north_korea"}, None, {"country:japan"}),
    ("North Korean agents abducted Megumi Yokota in November 1977.",
     "abduct", "abducted", "1977-11", None, {"person:megumi_yokota"}, None),
    ("North Korea released five abductees in October 2002.",
     "release", "released", "2002-10", {"country:north_korea"}, None, None),
    ("Police raided the offices of Chongryon in March 2006.",
     "legal", "raided", "2006-03", None, {"org:chongryon"}, None),
    ("The Japanese government announced the findings in May 2016.",
     "statement", "announced", "2016-05", {"gov:japan"}, None, None),
    ("The UN General Assembly adopted a resolution on human rights in December 2005.",
     "resolution", "adopted a resolution", "2005-12", {"org:unga"}, None, None),
    ("Kim Jong Un assumed power in December 2011.",
     "leader", "assumed power", "2011-12", {"person:kim_jong_un"}, None, None),
    ("Kim Yong-su was born in Osaka in 1948.",
     "other", "born", "1948", None, None, {"place:osaka"}),
]


@pytest.mark.parametrize("sentence,etype,trigger,date,agents,patients,locations", TYPES,
                         ids=[t[1] for t in TYPES])
def test_each_type_with_its_trigger_date_and_participants(sentence, etype, trigger, date, agents, patients, locations):
    evs = events(sentence)
    assert len(evs) == 1, evs          # one occurrence, one event
    ev = evs[0]
    assert (ev["type"], ev["text"], ev["date"]) == (etype, trigger, date)
    assert sentence[ev["start"]:ev["end"]] == trigger
    assert "modality" not in ev and not ev.get("hedged")
    for name, want in (("agent", agents), ("patient", patients), ("location", locations)):
        if want is not None:
            assert role(ev, name) == want, (name, ev["participants"])


def test_the_tests_cover_every_type_of_the_table():
    table = load("event_types")["types"]
    assert {t[1] for t in TYPES} == set(table)


def test_the_table_follows_the_spec(shared_dir):
    """event_types.yaml has every code of event-types.md with its CAMEO root."""
    import re
    spec = (shared_dir / "spec" / "event-types.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)` \| [^|]+\| ([^|]+) \|", spec, re.M)
    table = load("event_types")["types"]
    assert {code for code, _ in rows} == set(table)
    for code, cameo in rows:
        root = re.match(r"\s*(\d\d)", cameo)
        assert table[code]["cameo"] == (root.group(1) if root else None), code


# --- participants ----------------------------------------------------------------------------

def test_passive_by_acts_and_the_subject_is_acted_on():
    ev = the("Korea was annexed by Japan in 1910.", "annex")
    assert role(ev, "agent") == {"country:japan"} and role(ev, "patient") == {"place:korea"}
    ev = the("Chongryon was founded by Han Duk-su in May 1955.", "found")
    assert role(ev, "agent") == {"person:han_duk_su"} and role(ev, "patient") == {"org:chongryon"}


def test_location_after_in_or_at_and_the_other_party_after_to():
    ev = the("Japanese and North Korean officials met at Stockholm in May 2014.", "meet")
    assert role(ev, "location") == {"place:stockholm"}
    ev = the("Japan supplied rice to North Korea in 2001.", "aid")
    assert role(ev, "patient") == {"country:north_korea"} and not role(ev, "location")
    ev = the("In 1961 many Koreans returned from Japan to North Korea.", "migrate")
    assert role(ev, "location") == {"country:japan", "country:north_korea"}


def test_coordinated_actors_are_all_participants():
    ev = the("Japan, China and Russia signed the accord in 1998.", "agree")
    assert role(ev, "agent") == {"country:japan", "country:china", "country:russia"}
    ev = the("Japan banned imports from China and North Korea in 2006.", "sanction")
    assert role(ev, "patient") == {"country:china", "country:north_korea"}
    ev = the("The talks between Japan and North Korea ended in 2002.", "meet")
    assert role(ev, "agent") == {"country:japan", "country:north_korea"}


def test_an_aside_in_parentheses_does_not_end_the_clause():
    ev = the("In 1995 Japan provided aid worth 50 billion yen (about $400 million) to North Korea.", "aid")
    assert role(ev, "agent") == {"country:japan"} and role(ev, "patient") == {"country:north_korea"}


def test_a_new_clause_ends_the_object():
    evs = events("In March 2014 the two sides met in Stockholm. Tokyo then lifted some travel bans and "
                 "North Korea reopened its inquiry.")
    ease = next(e for e in evs if e["type"] == "ease")
    assert role(ease, "agent") == {"gov:japan"}
    # (North Korea is the bans' target only as the other state of the story, not as the object's words)
    assert all(p.get("via") == "context" for p in ease["participants"] if p["entity"] == "country:north_korea")


def test_the_object_of_a_condemnation_is_not_done_by_the_condemner():
    evs = events("Tokyo condemned the April 2012 launch of a rocket.")
    assert {e["type"] for e in evs} == {"accuse", "weapons_test"}
    launch = next(e for e in evs if e["type"] == "weapons_test")
    assert launch["date"] == "2012-04" and "gov:japan" not in role(launch, "agent")


# --- triggers --------------------------------------------------------------------------------

def test_a_compound_modifier_is_no_event_of_its_own():
    """'travel bans': no meeting; 'lifted some travel bans': one easing, no new sanction."""
    evs = events("Tokyo lifted some travel bans in July 2014.")
    assert [(e["type"], e["text"]) for e in evs] == [("ease", "lifted some travel bans")]
    assert [e["type"] for e in events("The test ban treaty was signed in 1996.")] == ["agree"]
    ev = the("Japan eased its sanctions on North Korea in 2014.", "ease")
    assert ev["text"] == "eased its sanctions" and role(ev, "patient") == {"country:north_korea"}


def test_a_date_after_the_object_dates_the_verb():
    """'apologized for the abductions in September 2002': no abduction in 2002."""
    assert [e["type"] for e in events("Kim Jong-il apologized for the abductions in September 2002.")] == ["apologize"]
    ev = the("Junichiro Koizumi prepared carefully for the 2002 summit.", "meet")     # the date is the noun's
    assert ev["text"] == "summit" and ev["date"] == "2002"


# --- the narrative's date ----------------------------------------------------------------------

NARRATIVE = "In March 2014 the two sides met in Stockholm. Tokyo then lifted some travel bans."


def test_the_next_sentence_main_verb_takes_the_narrative_date():
    evs = events(NARRATIVE)
    assert [(e["type"], e["date"]) for e in evs] == [("meet", "2014-03"), ("ease", "2014-03")]
    meet, ease = evs
    assert role(meet, "location") == {"place:stockholm"}
    assert role(ease, "agent") == {"gov:japan"}
    assert ease["text"] == "lifted some travel bans"
    assert "time_start" in meet and "time_start" not in ease      # dated by the narrative, not its own words


@pytest.mark.parametrize("text", [
    "In March 2014 the two sides met in Stockholm.\n\nTokyo then lifted some travel bans.",   # a new paragraph
    "The two sides talked at length. Tokyo then lifted some travel bans.",                     # no date before
    "In March 2014 the two sides met in Stockholm. Tokyo would then lift some travel bans.",  # not a fact
    "In March 2014 the two sides met in Stockholm. Tokyo is lifting some travel bans.",       # not narrated
])
def test_the_narrative_date_does_not_reach(text):
    assert [e["type"] for e in events(text)] in (["meet"], [])


def test_only_the_main_event_of_the_next_sentence():
    evs = events("In March 2014 the two sides met in Stockholm. Tokyo then lifted some travel bans and "
                 "Pyongyang reopened its inquiry into the abductions.")
    assert [e["type"] for e in evs] == ["meet", "ease"]


# --- hedges, hypotheses and denials ---------------------------------------------------------------

@pytest.mark.parametrize("sentence,etype", [
    ("North Korea reportedly tested a nuclear device in October 2006.", "weapons_test"),
    ("Japan allegedly paid compensation to South Korea in 1965.", "aid"),
    ("According to the ledger, Chongryon was founded in May 1955.", "found"),
])
def test_hedged_events_are_kept_and_marked(sentence, etype):
    ev = the(sentence, etype)
    assert ev["hedged"] is True and "modality" not in ev


@pytest.mark.parametrize("sentence,etype,modality", [
    ("Japan would impose sanctions on North Korea in 2007.", "sanction", "hypothetical"),
    ("Japan plans to lift sanctions on North Korea in 2015.", "ease", "hypothetical"),
    ("If North Korea tests a missile in 2017, Japan will respond.", "weapons_test", "hypothetical"),
    ("Japan called for the 2003 release of the abductees.", "release", "hypothetical"),
    ("North Korea did not release the abductees in 2003.", "release", "negated"),
    ("North Korea never apologized to Japan in 2002.", "apologize", "negated"),
    ("Japan refused to lift the sanctions in 2010.", "ease", "negated"),
])
def test_hypothetical_and_negated_events_are_marked(sentence, etype, modality):
    assert the(sentence, etype)["modality"] == modality


@pytest.mark.parametrize("sentence,etype", [
    ("Japan not only imposed sanctions on North Korea in 2006 but also froze assets.", "sanction"),
    ("Resolution No. 1718 was adopted in October 2006.", "resolution"),
    ("In May 2004 Koizumi met Kim Jong-il again.", "meet"),
])
def test_words_that_only_look_like_negation_or_modals(sentence, etype):
    found = [e for e in events(sentence) if e["type"] == etype]
    assert found and not any("modality" in e for e in found)


MODAL_DOC = """\
What Might Have Been

Published: 1 June 2008

Prime Minister Junichiro Koizumi met Kim Jong-il in Pyongyang on 17 September 2002.

Japan would impose sanctions on North Korea in 2007. North Korea did not release the abductees in 2003.

North Korea reportedly tested a nuclear device in October 2006.
"""

HOPE_DOC = """\
Plans

Published: 2 June 2008

Koizumi planned to meet Kim Jong-il in Pyongyang in September 2002. Japan imposed sanctions on North Korea in 2007.
"""


def _kb(tmp_path, docs: dict[str, str]):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "kb.db"
    result = CliRunner().invoke(main, ["build", str(folder), "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


def _cli(*args: str):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_hypothetical_and_negated_are_never_shown_as_facts(tmp_path):
    db = _kb(tmp_path, {"modal.txt": MODAL_DOC, "hope.txt": HOPE_DOC})
    timeline = json.loads(_cli("timeline", "--db", db, "--json"))
    by = {(e["type"], e["doc"]): e for e in timeline}
    assert by[("sanction", "modal")]["modality"] == "hypothetical"
    assert by[("release", "modal")]["modality"] == "negated"
    assert by[("weapons_test", "modal")]["modality"] == "asserted" and by[("weapons_test", "modal")]["hedged"]
    assert by[("meet", "hope")]["modality"] == "hypothetical"
    text = _cli("timeline", "--db", db)
    assert "[hypothetical]" in text and "[negated]" in text and "[reported]" in text
    # a planned summit and a summit that happened are not one occurrence; nor is a threatened
    # sanction the sanction another document reports
    from kankei.reconcile.events import event_group
    from kankei.store import connect
    conn = connect(db, readonly=True)
    try:
        assert event_group(conn, by[("meet", "hope")]["id"]) is None
        assert event_group(conn, by[("sanction", "modal")]["id"]) is None
        assert event_group(conn, by[("meet", "modal")]["id"]) is None
    finally:
        conn.close()


# --- CAMEO, Goldstein, PLOVER ---------------------------------------------------------------------

def test_cameo_goldstein_and_plover_come_from_the_event_table(tmp_path):
    doc = "Every Kind of Event\n\nPublished: 1 January 2020\n\n" + "\n\n".join(t[0] for t in TYPES) + "\n"
    db = _kb(tmp_path, {"types.txt": doc})
    table = load("event_types")
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT type, cameo, goldstein, quad, plover FROM events").fetchall()
    assert {r[0] for r in rows} == set(table["types"])
    for etype, cameo, goldstein, quad, plover in rows:
        info = table["types"][etype]
        root = table["cameo_roots"].get(info.get("cameo")) if info.get("cameo") else None
        assert cameo == (info.get("cameo_code") or info.get("cameo")), etype
        assert goldstein == (root["goldstein"] if root else None), etype
        assert quad == (root["quad"] if root else None), etype
        assert plover == info.get("plover"), etype
    timeline = json.loads(_cli("timeline", "--db", db, "--json", "--type", "sanction"))
    assert [(e["cameo"], e["goldstein"], e["plover"]) for e in timeline] == [("163", -4.0, "SANCTION")]


# --- ids --------------------------------------------------------------------------------------

STORY = """\
Two Meetings

Published: 4 April 2015

Prime Minister Junichiro Koizumi met Kim Jong-il in Pyongyang on 17 September 2002.

North Korea launched a ballistic missile over Japan in August 1998. Japan imposed sanctions in 2006.
"""


def test_event_ids_are_stable_across_runs_and_edits_elsewhere():
    first = [e["id"] for e in events(STORY, doc="story")]
    assert len(first) == len(set(first)) == 3
    assert [e["id"] for e in events(STORY, doc="story")] == first
    edited = STORY.replace("Published: 4 April 2015\n", "Published: 4 April 2015\n\nA new first paragraph.\n")
    assert [e["id"] for e in events(edited, doc="story")] == first        # offsets moved, ids did not
    assert not set(first) & {e["id"] for e in events(STORY, doc="other")}  # another document, other ids
    changed = STORY.replace("in August 1998", "in August 1999")
    assert [e["id"] for e in events(changed, doc="story")][0] == first[0]
    assert [e["id"] for e in events(changed, doc="story")][1] != first[1]   # its own sentence changed


# --- notes ------------------------------------------------------------------------------------

NOTES = """\
Letters from the Archives

Published: 2 May 2010

The Japanese Red Cross pressed for a repatriation programme in 1956.[1] The plan was discussed at length.[2]

Notes

[1] Sato to Lee, 3 May 1960, Some Archives, box 2.
[2] Tessa Morris-Suzuki, Exodus to North Korea (Lanham: Rowman and Littlefield, 2007), p. 45.
"""


def test_correspondence_in_the_notes_is_a_statement_between_its_writer_and_reader():
    evs = events(NOTES)
    notes_at = NOTES.index("\nNotes\n")
    in_notes = [e for e in evs if e["start"] > notes_at]
    assert len(in_notes) == 1
    letter = in_notes[0]
    assert (letter["type"], letter["date"], letter["text"]) == ("statement", "1960-05-03", "Sato to Lee")
    assert role(letter, "agent") == {"person:sato"} and role(letter, "patient") == {"person:lee"}
    # the body's own event is still there; the book published in 2007 is no event
    assert ("demand", "1956") in [(e["type"], e["date"]) for e in evs if e["start"] < notes_at]
    assert not any(e["date"] == "2007" for e in evs)
