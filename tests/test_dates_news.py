"""Dates in news stories: the document's own date and where it was found, clock times,
bare and relative dates resolved with tense, durations, and the smaller forms.

Every text here is composed for the test (none is taken from a corpus).
"""
from __future__ import annotations

import pytest

from kankei.pipeline import extract as extract_document
from kankei.recognize import date_grammar
from kankei.recognize.dates import find_times
from kankei.resolve.anchor import resolve_times
from kankei.resolve.docdate import document_title
from kankei.resolve.tense import future


def times(text: str, dct: str | None = None) -> list[tuple[str, str | None]]:
    found = find_times(text)
    resolve_times(found, text, dct)
    return [(t.text, t.value) for t in found]


def doc(text: str, name: str = "story", dct: str | None = None) -> dict:
    return extract_document(text, doc=name, dct=dct).records()[0]


# --- the document's own date ---------------------------------------------------------------

@pytest.mark.parametrize("text,published,source", [
    ("Ferry Talks Resume\n\nTOKYO, Nov. 27 (Kyodo) -- The ferry talks resumed.\n\nCOPYRIGHT 2003 Harbour Wire\n",
     "2003-11-27", "dateline"),
    ("Ferry Talks Resume\n\nSEOUL, May. 23, 2004 — The ferry talks resumed today.\n", "2004-05-23", "dateline"),
    ("Ferry Talks Resume\n\nWonsan, March 4 (Harbour Wire) -- The ferry left.\n\nDate: Mar 9, 2010\n",
     "2010-03-04", "dateline"),
    ("Ferry Talks Resume\n\nAUG 24, 2016\n\nThe ferry talks resumed.\n", "2016-08-24", "byline"),
    ("Ferry Talks Resume\n\nSeptember 01, 1998\n\nThe ferry talks resumed.\n", "1998-09-01", "byline"),
    ("Ferry Talks Resume\n\nTue, 13 Jul 2004\n\nThe ferry talks resumed.\n", "2004-07-13", "byline"),
    ("Page last updated at 09:10 GMT, Monday, 3 March 2008\n\nFerry Talks Resume\n\nThe talks resumed.\n",
     "2008-03-03", "byline"),
    ("Ferry Talks Resume\n\nHARBOUR NEWS Friday, 4 May, 2007, 10:02 GMT 11:02 UK\n\nThe talks resumed.\n",
     "2007-05-04", "byline"),
    ("Ferry Talks Resume\n\nPosted on : 2020-02-14 09:00 KST Modified on : 2020-02-14 09:30 KST\n\nThe talks resumed.\n",
     "2020-02-14", "byline"),
    ("Ferry Talks Resume\n\n2019/06/22 08:15 JST\n\nThe ferry talks resumed.\n", "2019-06-22", "byline"),
    ("From: clerk@example.org\nDate: 5 Jul 2006\nSubject: the ferry\n\nThe ferry left yesterday.\n",
     "2006-07-05", "header"),
    ("From clerk@example.org Wed Jul 5 10:22:01 2006\nSubject: the ferry\n\nThe ferry left yesterday.\n",
     "2006-07-05", "header"),
    ("Ferry Talks Resume\n\nThe ferry talks resumed.\n\nCopyright 2011 Harbour Wire. All rights reserved.\n",
     "2011", "copyright"),
])
def test_the_document_date_and_where_it_was_found(text, published, source):
    rec = doc(text)
    assert (rec["published"], rec["published_from"]) == (published, source)


def test_a_date_in_the_file_name_is_the_last_resort():
    text = "Ferry Talks Resume\n\nThe ferry talks resumed today.\n"
    assert (doc(text, "harbour_2014-05-29")["published"], doc(text, "harbour_2014-05-29")["published_from"]) == \
        ("2014-05-29", "filename")
    assert doc(text, "harbour_20140529")["published"] == "2014-05-29"
    assert doc(text, "harbour_2014")["published"] is None          # a year alone is no date
    assert "published_from" not in doc(text, "harbour")
    dated = doc("Ferry Talks Resume\n\nMarch 3, 2012\n\nThe talks resumed.\n", "harbour_2014-05-29")
    assert dated["published"] == "2012-03-03"                      # the text comes first


def test_the_date_given_on_the_command_line_is_marked():
    rec = doc("Ferry Talks Resume\n\nMarch 3, 2012\n\nThe talks resumed today.\n", dct="2012-03-05")
    assert (rec["published"], rec["published_from"]) == ("2012-03-05", "--dct")


def test_a_year_less_dateline_holds_the_full_date_and_anchors_the_story():
    text = ("Ferry Talks Resume\n\nTOKYO, Nov. 27 (Kyodo) -- Officials may inspect the ferry on Wednesday, "
            "sources said Tuesday.\n\nCOPYRIGHT 2001 Harbour Wire\n")
    assert times(text)[:1] == [("Nov. 27", None)]        # alone, the dateline has no year
    records = extract_document(text, doc="story").records()
    got = {r["text"]: r["value"] for r in records if r["kind"] == "time"}
    assert got["Nov. 27"] == "2001-11-27"
    assert got["Wednesday"] == "2001-11-28"               # "may inspect": ahead
    assert got["Tuesday"] == "2001-11-27"                 # "said": the day itself


def test_a_year_less_dateline_takes_the_year_of_a_full_date_just_before_it():
    text = ("Harbour Commentary\n\nPyongyang, December 20 (KCNA) -- The documents the cabinet adopted on "
            "December 16, 2022 are a grave provocation, the commentary said on Tuesday. In 1945 the war ended.\n")
    got = {r["text"]: r.get("value") for r in extract_document(text, doc="c").records() if r["kind"] == "time"}
    assert got["December 20"] == "2022-12-20" and got["Tuesday"] == "2022-12-20"
    # a date long before the dateline's day gives no year: the page's day stays unknown
    old = "Harbour Commentary\n\nPyongyang, December 20 (KCNA) -- The ban of April 5, 2006 is still in force.\n"
    got = {r["text"]: r.get("value") for r in extract_document(old, doc="c").records() if r["kind"] == "time"}
    assert got["December 20"] is None


@pytest.mark.parametrize("text,title", [
    ("The Harbour Daily Shimbun\n\nFerry Talks Resume After Long Pause\n\nMarch 3, 2012\n", "Ferry Talks Resume After Long Pause"),
    ("Home > News > Ferry Talks Resume After Long Pause\nNews\nFerry Talks Resume After Long Pause\n",
     "Ferry Talks Resume After Long Pause"),
    ("Home > Policy > Statements and Announcements > Ferry Rules Change Again\n\nStatements and Announcements\n\n"
     "Ferry Rules Change Again\n", "Ferry Rules Change Again"),
    ("Printer Friendly\n\nHarbour may close the ferry pier Wed.\n\nTOKYO, Nov. 27 Kyodo\n", "Harbour may close the ferry pier Wed."),
    ("Page last updated at 09:10 GMT, Monday, 3 March 2008\n\nHarbour closes the ferry pier\n\nThe pier closed.\n",
     "Harbour closes the ferry pier"),
    (" date 2020-02-14 Harbour closes the ferry pier for a week\n\nThe pier closed.\n",
     "Harbour closes the ferry pier for a week"),
    ("= Harbour Union =\n\nThe union was founded in 1950.\n", "Harbour Union"),
    ("HARBOUR WIRE\nOctober 4, 2022 at 18:49 JST\n", None),
    ("HARBOUR WIRE\nOctober 4, 2022 at 18:49 JST\n" + "The ferry left the harbour early in the morning, " * 6 + "\n"
     "She asked herself, “What if the ferry never comes back?”\n", None),
    ("With support from a university\n\nHarbour News Network\n\n" + "The network reports on harbours. " * 8 + "\n\n"
     "The Ferry That Never Came Back\n", "The Ferry That Never Came Back"),
])
def test_the_title_is_the_headline(text, title):
    assert document_title(text) == title


# --- clock times ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("The ferry left at 3:00 AM on 4 May 2010.", [("3:00 AM", "2010-05-04T03:00:00"), ("4 May 2010", "2010-05-04")]),
    ("On 4 May 2010 the ferry left at 8 PM.", [("4 May 2010", "2010-05-04"), ("8 PM", "2010-05-04T20:00:00")]),
    ("On 4 May 2010 the ferry left at 11 p.m.", [("4 May 2010", "2010-05-04"), ("11 p.m.", "2010-05-04T23:00:00")]),
    ("On 4 May 2010 the ferry left at 12 a.m.", [("4 May 2010", "2010-05-04"), ("12 a.m.", "2010-05-04T00:00:00")]),
    ("On 4 May 2010 the ferry left at noon.", [("4 May 2010", "2010-05-04"), ("noon", "2010-05-04T12:00:00")]),
    ("On 4 May 2010 the ferry left at 22:24.", [("4 May 2010", "2010-05-04"), ("22:24", "2010-05-04T22:24:00")]),
    ("On 4 May 2010 the ferry left at 5:58:30.", [("4 May 2010", "2010-05-04"), ("5:58:30", "2010-05-04T05:58:30")]),
    ("On 4 May 2010 the ferry left at 14:15 GMT.", [("4 May 2010", "2010-05-04"), ("14:15 GMT", "2010-05-04T14:15:00Z")]),
    ("On 4 May 2010 the ferry left at 0600GMT.", [("4 May 2010", "2010-05-04"), ("0600GMT", "2010-05-04T06:00:00Z")]),
    ("On 4 May 2010 the ferry left at 10:20 KST.", [("4 May 2010", "2010-05-04"), ("10:20 KST", "2010-05-04T10:20:00")]),
    ("On 4 May 2010 the ferry left at 10:20 EST.", [("4 May 2010", "2010-05-04"), ("10:20 EST", "2010-05-04T10:20:00-05:00")]),
    # UK civil time: summer time in May, Greenwich time in December
    ("Updated 14:15 GMT, 4 May 2010 15:15 UK", [("14:15 GMT", "2010-05-04T14:15:00Z"), ("4 May 2010", "2010-05-04"),
                                                ("15:15 UK", "2010-05-04T15:15:00+01:00")]),
    ("Updated 14:15 GMT, 4 December 2010 14:15 UK", [("14:15 GMT", "2010-12-04T14:15:00Z"),
                                                     ("4 December 2010", "2010-12-04"), ("14:15 UK", "2010-12-04T14:15:00Z")]),
])
def test_clock_times_take_the_day_written_beside_them(text, expected):
    assert times(text) == expected


def test_a_clock_time_alone_takes_the_day_narrated_or_the_documents():
    assert times("The ferry left at 7:22 a.m.", "2022-10-04") == [("7:22 a.m.", "2022-10-04T07:22:00")]
    assert times("On Oct. 3 the ferry left at 7:22 a.m.", "2022-10-04") == [
        ("Oct. 3", "2022-10-03"), ("7:22 a.m.", "2022-10-03T07:22:00")]
    assert times("The ferry will leave at 15:00 GMT Saturday.", "2016-08-24") == [
        ("15:00 GMT", "2016-08-27T15:00:00Z"), ("Saturday", "2016-08-27")]
    assert times("The ferry left at 7:22 a.m.") == [("7:22 a.m.", None)]


@pytest.mark.parametrize("text", [
    "The score was 2:1 at half time.", "See pages 12:30-40 of the ledger.", "The vote was 10:2.",
    "He read John 3:16 aloud.", "The ratio 1:100 holds.",
])
def test_not_clock_times(text):
    assert not [t for t, _ in times(text, "2010-05-04") if ":" in t and t != "3:16"]


# --- bare and relative dates -----------------------------------------------------------------

@pytest.mark.parametrize("text,dct,expected", [
    # past clause, no date narrated close before: the latest such day on or before the story's date
    ("In February, the harbour board published its report.", "2005-03-28", [("February", "2005-02")]),
    ("The harbour board met in July.", "2013-03-15", [("July", "2012-07")]),
    ("The harbour board met on Feb. 28.", "2013-03-15", [("Feb. 28", "2013-02-28")]),
    # a little after the story's date, without a future word: still the nearest
    ("The assembly was dissolved for an election in October.", "2017-09-28", [("October", "2017-10")]),
    # future cues: the next one
    ("The ferry will sail on Feb. 10.", "2013-03-15", [("Feb. 10", "2014-02-10")]),
    ("The board plans to meet in January.", "2013-03-15", [("January", "2014-01")]),
    ("The board is to meet on Monday.", "2013-03-15", [("Monday", "2013-03-18")]),
    ("The board is scheduled to meet on Friday.", "2013-03-15", [("Friday", "2013-03-22")]),
    # a date narrated close before gives the year
    ("On February 10, 2016 the ferry left. It returned on February 12.", "2016-06-01",
     [("February 10, 2016", "2016-02-10"), ("February 12", "2016-02-12")]),
    ("In 1959 the ferry left. It returned in May.", "2016-06-01", [("1959", "1959"), ("May", "1959-05")]),
    # ... unless the clause says the date is recent
    ("Talks began in 2012. In a recent plenum (Dec. 26-30), the board spoke.", "2024-01-08",
     [("2012", "2012"), ("Dec. 26-30", "2023-12-26/2023-12-30")]),
    ("The ferry sank in February this year.", "2013-04-05", [("February this year", "2013-02")]),
    ("The ferry sank on 3 May last year.", "2013-04-05", [("3 May last year", "2012-05-03")]),
    ("Early in January the ferry sank.", "2012-01-26", [("Early in January", "2012-01-01/2012-01-10")]),
    ("The pier opened six years ago.", "2016-08-24", [("six years ago", "2010")]),
    ("Sixty years ago today the first ship left.", "2019-12-14", [("Sixty years ago today", "1959-12-14")]),
    ("The pier opened more than a decade ago.", "2016-08-24", [("more than a decade ago", "2006~")]),
    ("Earlier in the day the pier closed.", "2016-08-24", [("Earlier in the day", "2016-08-24")]),
    ("The pier closed on the night of May 22.", "2016-08-24", [("the night of May 22", "2016-05-22")]),
    ("The pier closed Wed.", "2001-11-29", [("Wed.", "2001-11-28")]),
    ("The pier closed this morning.", "2016-08-24", [("this morning", "2016-08-24")]),
    ("The pier closed yesterday afternoon.", "2016-08-24", [("yesterday afternoon", "2016-08-23")]),
    ("The pier closed last night.", "2016-08-24", [("last night", "2016-08-23")]),
])
def test_bare_and_relative_dates(text, dct, expected):
    assert times(text, dct) == expected


def test_a_weekday_with_no_document_date_is_read_beside_the_last_day_narrated():
    text = "The court sat on March 23, 2022. On Wednesday the court ruled."
    assert times(text) == [("March 23, 2022", "2022-03-23"), ("Wednesday", "2022-03-23")]


def test_now_in_a_quotation_of_the_documents_own_year_is_today():
    text = 'In February the board met. The chairman said he was "angry that the port now looks foolish."'
    assert times(text, "2005-03-28")[-1] == ("now", "2005-03-28")
    old = 'In 1956 the board met. The letter said "the sums now being paid are too small."'
    assert times(old, "2005-03-28")[-1] == ("now", "1956")


@pytest.mark.parametrize("clause,is_future", [
    ("The ministers will meet on ", True),
    ("Police may search the pier on ", True),
    ("Police may have searched the pier on ", False),
    ("Police may search the pier, sources said ", False),
    ("Russia, which vetoed a resolution in ", False),
    ("The union plans to hold a rally on ", True),
    ("The union held a rally on ", False),
])
def test_future_cues(clause, is_future):
    text = clause + "Monday."
    tm = find_times(text)[-1]
    assert future(text, tm) is is_future


# --- durations and the smaller forms ---------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("The ferry ran for two years.", [("two years", "P2Y")]),
    ("The ferry ran for 20 years.", [("20 years", "P20Y")]),
    ("The ferry ran for 60 years.", [("60 years", "P60Y")]),
    ("The crossing took a month.", [("a month", "P1M")]),
    ("They were apart for a year and nine months.", [("a year and nine months", "P1Y9M")]),
    ("That was 13 years after Jenkins had been given asylum.", [("13 years", "P13Y")]),
    # how long after an event a clause, an indefinite or a pronoun's phrase, or a name alone tells
    ("Thirty-one years after her son vanished, she still writes to him.", [("Thirty-one years", "P31Y")]),
    ("Fifty years after a wave of arrests, the town remembers.", [("Fifty years", "P50Y")]),
    ("Seventy years after its liberation, the city held a parade.", [("Seventy years", "P70Y")]),
    ("Opinion: Ten years after Stockholm, no progress", [("Ten years", "P10Y")]),
    ("The launch came a day after Seoul protested.", [("a day", "P1D")]),
    ("Talks failed twice in the space of a decade.", [("a decade", "P10Y")]),
    ("The sanctions were extended for two more years.", [("two more years", "P2Y")]),
])
def test_durations(text, expected):
    assert times(text, "2016-08-24") == expected


def test_an_offset_after_an_event_told_before_is_a_date():
    assert times("The summit was held in September 2002. The families met him a week after the summit.",
                 "2016-08-24")[-1] == ("a week after", "2002-09")
    assert times("Koizumi visited Pyongyang in May 2004. Jenkins came two months after Koizumi's visit.",
                 "2016-08-24")[-1] == ("two months after", "2004-07")


@pytest.mark.parametrize("text,expected", [
    ("Funds were taken from 1994 though 1998.", [("1994 though 1998", "1994/1998")]),
    ("The plenum sat from Dec. 26-30, 2023.", [("Dec. 26-30, 2023", "2023-12-26/2023-12-30")]),
    ("Exports have fallen in recent years.", [("recent years", None)]),
    ("Exports have recently fallen.", [("recently", None)]),
    # 'most recently' before a date is no time of its own; a number after 'extension' no year
    ("The ban has been renewed often, most recently in April 2015.", [("April 2015", "2015-04")]),
    ("Call the press office, extension 2031, for details.", []),
    ("At the same time, exports fell.", []),
    ("At the current point in time, exports are falling.", [("the current point in time", "2016-08-24")]),
    ("The plenum opened on Dec. 26-30.", [("Dec. 26-30", "2015-12-26/2015-12-30")]),
])
def test_smaller_forms(text, expected):
    assert times(text, "2016-08-24") == expected


def test_though_is_a_range_only_after_from_or_between():
    assert times("In 1994, though 1998 was worse, exports fell.", "2016-08-24") == [("1994", "1994"), ("1998", "1998")]


# --- scanning stays linear -------------------------------------------------------------------

@pytest.mark.parametrize("run", ["1234567890" * 500, "1,234,567," * 500, "abcdefghij" * 500])
def test_the_scanner_key_is_bounded_on_runs_without_spaces(run):
    """The key that picks the alternatives to try is a short prefix, whatever the run's length
    (issue 13: one key the size of the run made memory and time grow with its square)."""
    keys = [m.group(1) for m in date_grammar.scanner().finditer(" " + run + " 1956")]
    assert keys and max(len(k) for k in keys) <= 64
    assert find_times(run + " in 1956")[-1].value == "1956"


def test_a_range_of_days_without_a_year_is_one_interval():
    def spans(text: str) -> list[tuple[str, str | None]]:
        return [(r["text"], r.get("value")) for r in extract_document(text, dct="2014-05-29").records()
                if r["kind"] == "time"]
    assert spans("Talks ran from Monday to Wednesday.") == [("Monday to Wednesday", "2014-05-26/2014-05-28")]
    assert spans("They met between May 26 and May 28.") == [("May 26 and May 28", "2014-05-26/2014-05-28")]
    assert spans("The envoys met on Monday and Wednesday.") == [("Monday", "2014-05-26"), ("Wednesday", "2014-05-28")]


def test_a_year_less_dateline_takes_the_year_of_the_anniversary_it_marks():
    text = ("Rally Held\n\nPyongyang, August 30 (KCNA) -- A rally took place on Friday to mark the 95th anniversary "
            "of the treaty forced on Korea on August 22, 1910. In 1945 Korea was liberated.\n")
    got = {r["text"]: r.get("value") for r in extract_document(text, doc="c").records() if r["kind"] == "time"}
    assert got["August 30"] == "2005-08-30" and got["Friday"] == "2005-08-26"


def test_a_labelled_date_line_under_the_title_dates_the_page():
    text = ("MIDDAY NEWS\nBroadcast script: Tuesday, June 9, 2026, 12:00 (JST)\n\nThe ministry says it detected a "
            "launch this morning.\n")
    assert doc(text)["published"] == "2026-06-09"


DIGEST = ("HARBOUR WEEKLY BRIEFING\nIssue 12 | Published Monday, March 9, 2026\n\nThree items from the past week.\n\n"
          "OSAKA, Tuesday, March 3 -- Court orders city to pay school\n\nThe Osaka District Court on Tuesday ordered "
          "the city to pay damages to a Korean school. The city said it would appeal.\n\n"
          "TOKYO, Thursday, March 5 -- Families meet minister\n\nRelatives of abductees met the minister in charge "
          "on Thursday. The minister told reporters that he would visit Seoul next week.\n")


def test_each_brief_of_a_digest_counts_from_its_own_dateline():
    recs = extract_document(DIGEST, doc="d").records()
    assert recs[0]["published"] == "2026-03-09"
    evs = {r["text"]: r["date"] for r in recs if r["kind"] == "event"}
    assert evs["said"] == "2026-03-03" and evs["told reporters"] == "2026-03-05"
    got = {r["text"]: r.get("value") for r in recs if r["kind"] == "time"}
    assert got["next week"] == "2026-03-09/2026-03-15"
    assert "Published" not in evs       # the label of the page's date is no event


def test_the_day_an_anniversary_counts_from_is_not_the_story_s_day():
    text = ("Rally Held\n\nPyongyang, August 30 (KCNA) -- A rally took place on Friday to mark the 95th anniversary of "
            "the treaty of August 22, 1910. The same day, a seminar was held in the capital.\n")
    got = {r["text"]: r.get("value") for r in extract_document(text, doc="c").records() if r["kind"] == "time"}
    assert got["The same day"] == "2005-08-26"


def test_a_report_names_the_year_it_covers_and_when_it_was_released():
    text = ("Harbour Foreign Policy Review\n(Released in April 2024. Covers developments from January to December "
            "2023.)\n\nIn March, North Korea launched a missile. In May it tried again, and in December Japan "
            "protested.\n")
    recs = extract_document(text, doc="r").records()
    assert recs[0]["published"] == "2024-04"
    got = {r["text"]: r.get("value") for r in recs if r["kind"] == "time"}
    assert got["March"] == "2023-03" and got["May"] == "2023-05" and got["December"] == "2023-12"


def test_a_dateline_place_may_name_its_state():
    text = ("Boat found off Ishikawa\n\nKANAZAWA, Japan, May 12, 2026 (Japan Press Wire) -- A boat was found on "
            "Tuesday. Officials will decide next month.\n")
    assert doc(text)["published"] == "2026-05-12"
    got = {r["text"]: r.get("value") for r in extract_document(text, doc="k").records() if r["kind"] == "time"}
    assert got["Tuesday"] == "2026-05-12" and got["next month"] == "2026-06"
