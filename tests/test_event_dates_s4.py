"""When an event happened, read as a historian would: a reported act on the report's day or
month, a story's next step on the story's time, a time that narrows the one before it.

Every sentence here was written for these tests.
"""
from __future__ import annotations

from kankei.pipeline import extract


def dates(text: str, dct: str | None = None) -> dict[str, list[str | None]]:
    """Trigger word -> the dates of its events (main tellings only)."""
    out: dict[str, list[str | None]] = {}
    for r in extract(text, doc="t", dct=dct).records():
        if r["kind"] == "event" and "mention_of" not in r:
            out.setdefault(r["text"].split()[0], []).append(r["date"])
    return out


def test_a_sequence_word_carries_the_story_past_sentences_without_a_time():
    story = ("In 1971, the envoy defected to the South while he was posted abroad. He had worked in "
             "the embassy for years. He kept a diary. {} condemned his defection in a radio broadcast.")
    assert dates(story.format("Soon after, the North"), "2010-05-04")["condemned"] == ["1971"]
    assert dates(story.format("The North later"), "2010-05-04")["condemned"] == ["1971"]
    # (without one, two sentences on, the story's time is no longer the sentence's)
    assert dates(story.format("The North"), "2010-05-04")["condemned"] != ["1971"]


def test_a_reported_past_act_is_on_the_day_of_its_report():
    got = dates("The ministry told reporters on Monday that the envoy had condemned the missile launch.", "2010-05-04")
    assert got["condemned"] == ["2010-05-03"]


def test_an_act_reported_by_a_year_is_not_on_the_page_s_day():
    got = dates("In 2002, the regime admitted that its agents had abducted the fishermen.", "2010-05-04")
    assert got["admitted"] == ["2002"]
    assert got.get("abducted", [None]) != ["2010-05-04"] and got.get("abducted", [None]) != ["2002"]


def test_a_time_narrowed_by_the_next_is_one_date():
    got = dates("Earlier this year, in March, Pyongyang said it had test-fired a new missile.", "2022-11-18")
    assert got["said"] == ["2022-03"] and got["test-fired"] == ["2022-03"]
    got = dates("In 2006, on October 9, North Korea tested a nuclear device.", "2022-11-18")
    assert got["tested"] == ["2006-10-09"]


def test_a_perfect_of_a_period_is_on_no_one_day():
    assert dates("The police have questioned two officials of the group.", "2022-11-18")["questioned"] == ["2022-11-18"]
    for text in ("The police have already questioned two officials of the group.",
                 "The police have repeatedly questioned two officials of the group.",
                 "The ministry has protested to the embassy on each occasion."):
        assert all(d != "2022-11-18" for ds in dates(text, "2022-11-18").values() for d in ds), text


def test_the_first_time_since_is_no_period():
    got = dates("It was the first time the North has fired a missile over Japan since 2017.", "2022-11-18")
    assert sorted(got["fired"]) == ["2017", "2022-11-18"]


def test_the_next_act_of_a_story_of_other_days_keeps_its_year_not_its_day():
    story = ("The envoy died in a Tokyo hospital on 3 April 1981. A memorial ceremony was held in Tokyo "
             "and a funeral committee {}was formed in Pyongyang.")
    assert dates(story.format(""), "2015-06-01")["was"] == ["1981"]
    # (an act added to the scene just told keeps its day)
    assert dates(story.format("also "), "2015-06-01")["was"] == ["1981-04-03"]
    # (so does what was said that day)
    got = dates("The envoy arrived in Pyongyang on 3 April 1981. He said the talks would go well.", "2015-06-01")
    assert got["said"] == ["1981-04-03"]


def test_a_day_restated_in_another_time_zone_gives_both_days():
    got = dates("North Korea fired a missile into the sea on May 5 (Washington time: May 4).", "2016-05-06")
    assert got["fired"] == ["2016-05-04/2016-05-05"]
    # (wherever the first time goes, the one in brackets goes with it)
    got = dates("The Security Council voted on the sanctions on March 3 (Geneva time: March 2).", "2006-03-06")
    assert got["sanctions"] == ["2006-03-02/2006-03-03"]
    got = dates("North Korea fired a missile into the sea on May 5 (Thursday).", "2016-05-06")
    assert got["fired"] == ["2016-05-05"]


def test_the_month_may_is_no_modal():
    """'on 5 May 2016 (... 4 May)': the month is no 'may' of what is still to come."""
    got = dates("North Korea fired a missile into the sea on 5 May 2016 (Washington time: 4 May).", "2016-05-06")
    assert got["fired"] == ["2016-05-04/2016-05-05"]
    assert dates("Police may search the offices on Wednesday.", "2016-05-06")["search"] == ["2016-05-11"]


def test_what_came_after_a_day_is_dated_to_its_month():
    got = dates("After the North tested a nuclear device on 9 October 2006, Japan imposed sanctions on it.", "2015-06-01")
    assert got["tested"] == ["2006-10-09"] and got["imposed"] == ["2006-10"]
    got = dates("When the North tested a nuclear device on 9 October 2006, Japan condemned it.", "2015-06-01")
    assert got["condemned"] == ["2006-10-09"]
    # (a month stays: what answers an act mostly falls in its month)
    got = dates("After the North tested a nuclear device in October 2006, Japan imposed sanctions on it.", "2015-06-01")
    assert got["imposed"] == ["2006-10"]


def test_after_a_day_of_the_news_s_own_week_is_still_that_day():
    text = "Abe met the families on {}. After the meeting, the envoy told reporters the talks went well."
    assert dates(text.format("Tuesday"), "2017-09-27")["told"] == ["2017-09-26"]
    assert dates(text.format("12 June 2017"), "2017-09-27")["told"] == ["2017-06"]


def test_a_relative_clause_dates_the_occasion_a_verb_is_at():
    got = dates("At the summit, which was held in Geneva in May 2014, the envoys signed an accord.", "2016-02-10")
    assert got["signed"] == ["2014-05"]
    got = dates("The regime promised a new inquiry at the talks held in Geneva in May 2014.", "2016-02-10")
    assert got["promised"] == ["2014-05"]
    # (not a person the verb acts on: 'met the officials, who arrived on 3 May 2014')
    got = dates("Japan met the officials, who arrived in Tokyo on 3 May 2014.", "2016-02-10")
    assert got.get("met", [None]) != ["2014-05-03"]


def test_a_past_act_in_a_relative_clause_is_not_the_day_s_news():
    text = "The envoy met Ms Ito, who said she had been held in Pyongyang for years."
    assert "said" not in dates(text, "2019-03-14")
    assert dates("Ms Ito said she had been held in Pyongyang for years.", "2019-03-14")["said"] == ["2019-03-14"]


def test_a_speaker_quoted_further_down_is_on_the_day_the_story_gave_the_speech():
    text = ("Tokyo, 29 November 2011\n\nMinister Taro Sato told a Diet committee on Monday that the talks had failed. "
            "Other lawmakers were angry.\n\n\"We will not give up,\" Sato said.")
    got = dates(text)
    assert got["said"] == ["2011-11-28"]
    # (another speaker, told of without a day, is the page's)
    got = dates(text.replace('Sato said', 'Minister Ken Abe said'))
    assert got["said"] == ["2011-11-29"]


def test_until_a_time_is_up_to_it():
    assert dates("Until 1998, however, the regime denied any role in the kidnappings.", "2015-06-01")["denied"] == ["../1998"]
    # (done then: a 'by', 'not ... until', and what went on until then)
    assert dates("By 2011, the group had closed most of its schools.", "2015-06-01")["closed"] == ["2011"]
    assert dates("By June 2012, a court ordered the group to sell its building.", "2015-06-01")["court"] == ["2012-06"]
    assert dates("Japan did not join the United Nations until 1956.", "2015-06-01")["join"] == ["1956"]
    assert dates("The repatriation began in 1959 and continued until 1984.", "2015-06-01")["continued"] == ["1984"]


def test_a_clock_time_is_not_on_a_deadline_told_before():
    text = ("April 8, 2025\n\nThe sanctions were due to expire on April 13. The Cabinet approved the extension "
            "at a meeting that began at 8:30 a.m., officials said.")
    assert dates(text, "2025-04-08")["began"] == ["2025-04-08"]


def test_a_later_time_in_a_participle_of_result_is_not_the_main_verb_s():
    got = dates("In August 1945, the powers divided the peninsula at the 38th parallel, leading three years "
                "later to the founding of two states.", "2015-06-01")
    assert got["divided"] == ["1945-08"]


def test_a_time_after_a_comma_opens_the_clause_whose_subject_follows_it():
    got = dates("To carry out the resolution, which was adopted on March 7 following the test conducted by "
                "the North, on 5 April the Cabinet approved new measures.", "2013-04-05")
    assert got["approved"] == ["2013-04-05"] and got["adopted"] == ["2013-03-07"]
    # (not a complement clause after the date: 'said on Monday, March 5, that ...')
    assert dates("The ministry said on Monday, March 5, that the envoy had left.", "2018-03-06")["said"] == ["2018-03-05"]


def test_an_adverb_of_frequency_goes_with_the_verb_after_it():
    text = ("The minister told reporters that Tokyo had lodged a protest with Pyongyang through its embassy in "
            "Beijing, the route Japan normally uses.")
    got = dates(text, "2022-11-18")
    assert got["lodged"] == ["2022-11-18"]
    assert "lodged" not in dates("Tokyo normally lodges a protest with Pyongyang through its embassy.", "2022-11-18")


def test_an_act_reported_in_a_story_of_other_days_is_on_the_story_s_time():
    story = ("In 1971, the envoy defected to the South while he was posted abroad. He had worked in the embassy "
             "for years. He kept a diary. Soon after, the North announced that it had arrested his brother.")
    got = dates(story, "2010-05-04")
    assert got["announced"] == ["1971"] and got["arrested"] == ["1971"]


def test_a_perfect_infinitive_is_before_the_time_it_is_told_at():
    assert "defected" not in dates("His mother was reported to have defected to the West.", "2001-05-03")


def test_a_clause_of_time_opens_the_clause_right_after_it():
    got = dates("The thaw was short-lived: after North Korea test-fired missiles on 5 July 2006, the union "
                "withdrew from the statement.", "2010-01-01")
    assert got["withdrew"] == ["2006-07"]


def test_a_dated_event_after_the_object_of_an_untensed_phrase_dates_the_verb_above_it():
    got = dates("Tokyo suspended planned follow-up to the talks after a missile launch in December 2012.", "2015-06-01")
    assert got["suspended"] == ["2012-12"]


def test_a_clause_of_time_before_a_narrated_day_is_in_its_month():
    story = ("On 7 July 1988, the cabinet issued a statement on talks with the North. That came right after "
             "the president said he would help the North.")
    assert dates(story, "2021-07-25")["said"] == ["1988-07"]


def test_a_span_after_a_date_measures_the_clause_after_it_from_that_date():
    got = dates("Three of the sailors returned to Japan in March 1990, two months after the envoys met in Beijing.",
                "2015-06-01")
    assert got["returned"] == ["1990-03"] and got["met"] == ["1990-01"]


def test_a_headline_after_a_page_stamp_is_the_news_of_the_page_s_day():
    text = ("Page last updated at 09:10 GMT, Friday, 3 March 2017\n\nTokyo bans port calls by North Korean ships\n\n"
            "The Japanese government has banned port calls by all North Korean ships after a missile test.\n")
    heads = [r for r in extract(text, doc="t").records() if r["kind"] == "event" and r["text"] == "bans"]
    assert [r["date"] for r in heads] == ["2017-03-03"]


def test_a_speaker_who_later_spoke_is_not_put_back_on_the_earlier_day():
    text = ("Tokyo, 29 November 2011\n\nMinister Taro Sato told a Diet committee on Monday that the talks had failed. "
            "Other lawmakers were angry.\n\nSato later said the government would not give up.")
    assert dates(text)["said"] == ["2011-11-29"]


def test_a_next_step_of_a_story_of_other_days_after_a_day_is_in_its_month():
    story = ("On 3 April 1981, the envoy arrived in Pyongyang. He had worked in the embassy for years. "
             "He kept a diary. Soon after, the envoy said the talks would go well.")
    assert dates(story, "2015-06-01")["said"] == ["1981-04"]


def test_after_a_year_is_from_then_on():
    assert dates("Customs checks on the ferry were tightened after 2002.", "2015-06-01")["tightened"] == ["2002/.."]
    # ('since the 1990s' keeps its time, as the annotators write it)
    assert dates("Since the 1990s the group has lobbied for the right to vote.", "2015-06-01")["lobbied"] == ["199X"]
    # (after an occurrence, not a date: no open range)
    got = dates("In 1950, soon after the outbreak of the Korean War, the cabinet drew up a deportation order.",
                "2015-06-01")
    assert all("/.." not in d for ds in got.values() for d in ds if d)


def test_an_act_told_by_a_dated_report_is_done_by_the_report_s_day():
    got = dates("North Korea sent a letter of protest to Japan, according to a Sunday report by state media.",
                "2024-01-08")
    assert got["sent"] == ["../2024-01-07"]


def test_an_undated_act_is_on_the_time_its_own_sentence_told_before_it():
    story = ("The envoys met in Geneva in July 1997. In March of the next year the North handed over documents; "
             "a week of talks followed, and the North promised more.")
    got = dates(story, "2015-06-01")
    assert got["promised"] == ["1998-03"]
    # (not a time that names a thing: 'the 1994 agreement')
    got = dates("The envoys met in Geneva in July 1997. In response, the North printed the 1994 maps again and "
                "withdrew from the talks.", "2015-06-01")
    assert got["withdrew"] != ["1994"]


def test_in_effect_from_a_day_is_decided_in_its_month():
    got = dates("Japan closed its ports to the North's ships, effective 14 October 2006.", "2015-06-01")
    assert got["closed"] == ["2006-10"]


def test_what_the_parties_of_a_meeting_do_next_is_on_its_day():
    story = ("On 3 April 1981, Prime Minister Taro Sato flew to Pyongyang and met Kim Il Sung. "
             "The two leaders signed a joint communique.")
    assert dates(story, "2015-06-01")["signed"] == ["1981-04-03"]
    # (others' acts after that day keep its year)
    story = ("On 3 April 1981, Prime Minister Taro Sato flew to Pyongyang and met Kim Il Sung. "
             "A committee was formed in Seoul.")
    assert dates(story, "2015-06-01")["was"] == ["1981"]


def test_a_story_of_long_ago_goes_on_past_a_sentence_with_no_event():
    from kankei.pipeline import extract
    text = ("TOKYO, July 13, 2004 -- Hitomi Soga and her husband Charles Jenkins met again on Friday. "
            "Jenkins allegedly deserted to North Korea in 1965 when he was an army sergeant. "
            "He was stationed in South Korea to guard the border. Jenkins disappeared during a patrol.")
    evs = {r["text"]: r for r in extract(text, doc="t", dct="2004-07-13").records() if r["kind"] == "event"}
    assert evs["disappeared"]["date"] == "1965"
    # a new line is a new paragraph of the day's news
    text2 = text.replace(" Jenkins disappeared", "\nJenkins disappeared")
    evs = {r["text"]: r for r in extract(text2, doc="t", dct="2004-07-13").records() if r["kind"] == "event"}
    assert evs.get("disappeared", {}).get("date") != "1965"


def test_a_time_between_a_subject_and_its_verb_is_that_verb_s():
    from kankei.pipeline import extract
    text = "The Security Council adopted the resolution on 7 March 2013, and the Government today decided to extend the measures."
    evs = {r["type"]: r["date"] for r in extract(text, doc="t", dct="2013-04-05").records() if r["kind"] == "event"}
    assert evs == {"resolution": "2013-03-07", "sanction": "2013-04-05"}


def test_responding_by_an_act_is_that_act_on_the_story_s_time():
    from kankei.pipeline import extract
    text = "In May 2009, North Korea tested a missile. The Japanese government responded by extending its sanctions."
    evs = [(r["type"], r["date"]) for r in extract(text, doc="t", dct="2013-04-05").records() if r["kind"] == "event"]
    assert evs == [("weapons_test", "2009-05"), ("sanction", "2009-05")]


def test_a_bare_month_just_after_the_page_in_a_past_clause_is_last_year_s():
    from kankei.pipeline import extract
    recs = extract("Pyongyang returned the remains to Japan in May.", doc="t", dct="2013-04-05").records()
    ev = next(r for r in recs if r["kind"] == "event")
    assert (ev["date"], ev.get("modality", "asserted")) == ("2012-05", "asserted")
    assert next(r for r in recs if r["kind"] == "time")["value"] == "2012-05"
    ev = next(r for r in extract("North Korea will fire a missile in May.", doc="t", dct="2013-04-05").records()
              if r["kind"] == "event")
    assert (ev["date"], ev["modality"]) == ("2013-05", "hypothetical")
    # (an election's month after the act it is for may lie ahead)
    recs = extract("The house was dissolved by the premier for an election in October.", doc="t", dct="2017-09-28").records()
    assert next(r for r in recs if r["kind"] == "time")["value"] == "2017-10"


def test_a_person_abducted_is_abducted_once_and_the_dated_telling_dates_it():
    from kankei.pipeline import extract
    text = ("TOKYO, July 13, 2004 -- Hitomi Soga, who was abducted by North Korea, met her husband on Friday.\n\n"
            "Her family says she was abducted from her hometown.\n\n"
            "In 1978 agents seized Hitomi Soga on Sado Island and took her to North Korea.")
    evs = [r for r in extract(text, doc="t", dct="2004-07-13").records() if r["kind"] == "event" and r["type"] == "abduct"]
    kept = [r for r in evs if "mention_of" not in r]
    assert len(kept) == 1 and kept[0]["date"] == "1978"


def test_a_deck_above_a_date_line_is_headline_matter():
    from kankei.pipeline import extract
    text = ("Bones of Contention\nPyongyang returned the remains of the abductee to Japan\nMonday, Mar. 28, 2005\n"
            "Last November, Pyongyang returned the remains of Megumi Yokota to Japan. Tokyo ran tests on them.")
    evs = [r for r in extract(text, doc="t", dct="2005-03-28").records() if r["kind"] == "event" and r["type"] == "release"]
    assert [r["date"] for r in evs if "mention_of" not in r] == ["2004-11"]
    assert all(r["date"] == "2004-11" for r in evs)


def test_the_time_before_a_first_since_moves_no_story():
    from kankei.pipeline import extract
    text = ("TOKYO, Nov. 20 -- North Korea fired a missile on Friday. It was the first launch since September, "
            "when Pyongyang tested a cruise missile. Prime Minister Fumio Kishida said the government would "
            "gather information.")
    said = next(r for r in extract(text, doc="t", dct="2023-11-20").records()
                if r["kind"] == "event" and r["text"] == "said")
    assert not said["date"].startswith("2023-09")


def test_a_perfect_over_a_span_of_years_is_no_news_of_the_day():
    from kankei.pipeline import extract
    recs = extract("Japan has imposed sanctions on North Korea for more than ten years.", doc="t", dct="2023-11-20").records()
    ev = next(r for r in recs if r["kind"] == "event")
    assert ev["date"] is None


def test_an_act_named_by_its_of_phrase_just_before_a_dated_clause_is_in_its_year():
    got = dates("In 2012, soon after the launch of the satellite, Japan froze the talks.", "2016-01-01")
    assert got["launch"] == ["2012"]
    assert "launch" not in dates("In 2012, soon after the launch, Japan froze the talks.", "2016-01-01")


def test_what_was_admitted_lies_before_the_admission_not_on_its_day():
    from kankei.pipeline import extract
    text = ("The summit was held in Pyongyang on 17 September 2002. At the summit, Kim Jong-il admitted that "
            "North Korean agents had abducted Megumi Yokota.")
    abd = [r for r in extract(text, doc="t").records() if r["kind"] == "event" and r["type"] == "abduct"]
    assert all(r["date"] != "2002-09-17" for r in abd)


def test_a_year_ahead_neither_dates_the_page_nor_moves_the_story():
    from kankei.pipeline import extract
    text = ("Pyongyang, January 10 (KCNA) -- A spokesman on Wednesday denounced Japan's plans.\n"
            "The Japanese government plans to double defense spending by 2027.\n"
            "The spokesman warned that Japan would pay a dear price.")
    recs = extract(text, doc="t").records()
    assert next(r for r in recs if r["kind"] == "document")["published"] is None
    assert not any(r["kind"] == "event" and (r["date"] or "").startswith("2027") for r in recs)


def test_a_dateline_without_a_year_takes_none_from_the_past_the_story_recalls():
    from kankei.pipeline import extract
    text = ("TOKYO, April 9 (Reuters) - Japan will extend its ban on trade with North Korea, a minister said on "
            "Tuesday. The ban, first imposed in 2006 after the North's first nuclear test, covers all trade.")
    recs = extract(text, doc="t").records()
    assert next(r for r in recs if r["kind"] == "document")["published"] is None
    assert not any(r["kind"] == "event" and (r["date"] or "").startswith("2006-04") for r in recs)
    # (given the page's date, its days are dated)
    said = [r for r in extract(text, doc="t", dct="2024-04-09").records() if r["kind"] == "event" and r["text"] == "said"]
    assert said and said[0]["date"] == "2024-04-09"


def test_a_first_since_is_two_occurrences_whatever_dates_the_now():
    # dated by its own clause
    text = "On Friday, Tokyo summoned the Chinese ambassador for the first time since May 2016."
    assert sorted(dates(text, "2023-11-20")["summoned"]) == ["2016-05", "2023-11-17"]
    # dated by the occasion it follows; the time before is no occasion the story goes on from
    text = ("North Korea fired a missile on Friday. Right after the launch, Tokyo summoned the Chinese "
            "ambassador for the first time since May 2016.")
    assert sorted(dates(text, "2023-11-20")["summoned"]) == ["2016-05", "2023-11-17"]


def test_a_present_perfect_is_of_now_not_of_the_dated_letter_it_speaks_of():
    from event_probe import the
    text = "KOBE, May 16 (Kyodo) -- The association said it has received no answer to its petition of 2 March."
    ev = the(text, "received", dct="2025-05-16")
    assert ev["date"] == "2025-05-16" and ev.get("modality") == "negated"
