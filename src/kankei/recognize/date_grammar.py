"""The regular grammar of English (and archival) temporal expressions, built from calendar.yaml.

One master pattern with named alternatives, tried in order at each position, so the text
is scanned once. `date_values` (absolute expressions) and `date_relative` (durations,
sets, relative expressions) interpret what each alternative matched.

Speed: every alternative starts at a word start with a digit, an apostrophe before a
digit, or one of a fixed set of first words (`first_words`); the common ones ("the",
"a", "two", "about") only before certain next words ("the late", "a month", "two
years", "about 1956"). The master pattern opens with a guard that checks exactly that
(one trie of first words, each with what must follow it), so the regex engine rejects
almost every position with a lookbehind and a short trie walk instead of trying some
forty alternatives there. A new alternative that can begin another way must extend
`first_words` (tests/test_dates_properties.py checks that the guard loses no match).
The scanner (`scanner`, `patterns_for`) goes further: it finds the guard's positions in one
pass and tries at each only the alternatives that can begin as the text does there (see
the comment above `scanner`); the master pattern itself is what the tests compare with.
"""
from __future__ import annotations

import re
from functools import cache

from kankei import regex_cache
from kankei.knowledge import load
from kankei.recognize._regex_prefix import NOT_ASCII_WORD, Unsupported, fast_optionals, parse, trie, viable
from kankei.regex_cache import alternation


def _cases(words) -> set[str]:
    """Each word as written, in lower case, capitalized and in upper case."""
    out = set()
    for w in words:
        out.update((w, w.lower(), w[:1].upper() + w[1:], w.upper()))
    return out


@cache
def calendar_words() -> dict:
    return load("calendar")


# Parts of a decade, century, year or month, and the words that join them to it.
PART_WORDS = ("early", "mid", "middle", "late")
HALF_HEADS = ("first", "second", "latter", "last", "early", "later")
HALF_NOUNS = ("half", "part", "third", "years")
EDGE_WORDS = ("end", "beginning", "start", "middle", "close", "dawn")
QUALIFIERS = ("nearly", "almost", "about", "around", "some", "over", "more than", "less than",
              "fewer than", "at least", "at most", "roughly", "approximately", "just over",
              "just under", "well over", "under", "up to", "a little over", "a little more than")
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}
DEICTIC = ("today", "yesterday", "tomorrow", "tonight", "currently", "nowadays", "at present",
           "now", "these days")
SET_WORDS = ("every", "each", "annually", "yearly", "per")
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# No match begins inside a word or inside a number ("1,000", "2.5").
START = r"(?<!\w)(?<!\d[,.])"
RELATIVE_WORDS = ("following", "next", "previous", "preceding", "same", "prior", "coming")
UNIT_NAMES = ("day", "week", "month", "year")
DAY_PARTS = ("night", "morning", "evening", "afternoon")


@cache
def first_words() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """The words a match of the master pattern can begin with (besides digits and ').

    Returns (rare words that may start a match whatever follows them, {common word: the
    words that must follow it}): "the" starts a match only before "late", "1950s",
    "following" ..., "a" only before a unit ("a month"), "two" only before a unit.
    """
    cal = calendar_words()
    seasons, months, weekdays = set(cal["seasons"]), set(cal["months"]), set(cal["weekdays"])
    units = set(cal["duration_units"])
    numbers = {w for w, v in cal["small_numbers"].items() if v is not None and w not in ("a", "an")}
    numbers |= set(TENS)
    calendar_units = set(UNIT_NAMES) | seasons | months | weekdays
    words = months | set(cal["month_abbreviations"]) | set(cal["months_fr"]) | weekdays | seasons
    words |= set(cal["ordinal_centuries"]) | set(cal["period_edges"])
    words |= {"année", "annee", "during", "throughout"} | set(SET_WORDS)
    words |= set(PART_WORDS) | set(EDGE_WORDS) | {d for d in DEICTIC if " " not in d}
    words |= {"fiscal"} | set(cal["japanese_eras"]) | set(cal["weekday_abbreviations"]) | set(cal["clock_words"])
    words |= {"recently", "recent", "earlier"}
    headed = {
        "the": (set(PART_WORDS) | set(HALF_HEADS) | set(EDGE_WORDS) | set(cal["period_edges"]) | seasons
                | set(cal["ordinal_centuries"]) | set(DECADE_WORDS) | set(RELATIVE_WORDS) | set(UNIT_NAMES)
                | {"past", "time", "current"} | set(DAY_PARTS)),
        "that": {"time"} | calendar_units | set(DAY_PARTS),
        "this": set(calendar_units) | {"point"} | set(DAY_PARTS),
        "next": set(calendar_units),
        "last": calendar_units | set(HALF_NOUNS) | {"night"},
        "first": set(HALF_NOUNS) | {"century"},
        "second": set(HALF_NOUNS) | {"century"},
        "latter": set(HALF_NOUNS),
        "later": set(HALF_NOUNS) | {"in", "that", "the"},
        "a": units | {"little"},
        "an": units,
        "half": {"a", "an"},
        "at": {"present", "least", "most"},
        "these": {"days"},
        "more": {"than"}, "less": {"than"}, "fewer": {"than"},
        "just": {"over", "under"}, "well": {"over"}, "up": {"to"},
    }
    for qualifier in ("nearly", "almost", "about", "around", "some", "over", "under", "roughly", "approximately"):
        headed[qualifier] = numbers | {"a", "an", "half"}
    for n in numbers:
        headed[n] = units | {"and", "to", "or", "more", "additional", "further", "extra"} | set(UNITS)
    for u in units:
        headed.setdefault(u, {"long"})          # "decade-long", "year-long"
    for u in ("days", "weeks", "hours", "minutes"):
        headed[u] = set(headed.get(u, ())) | {"later"}     # "Days later"
    for name in cal["holidays"]:        # "New Year's Day": "new" starts a match only before "year's"
        first, second = name.lower().split()[:2]
        headed[first] = set(headed.get(first, ())) | {second, second.replace("'", "’")}
    words -= set(headed)
    return frozenset(_cases(words)), {h: frozenset(_cases(f)) for h, f in headed.items()}


def _guard(small: bool = True) -> str:
    """Lookahead true exactly where a match can begin (see the module docstring).

    Two spellings, true at the same places: `small` writes the words a head may be followed
    by once per group of heads (10 KB, compiled in a blink); the other once per head (95 KB,
    a quarter of a second to compile, but scanned twice as fast). See `scanner`."""
    plain, headed = first_words()
    if not small:
        tails = {w: r"(?!\w)" for w in plain}
        follows: dict[frozenset, str] = {}
        for head, follow in headed.items():
            if follow not in follows:
                follows[follow] = rf"[\s-]+(?:['’]?\d|{trie(follow)}(?!\w))"
            tails.update((h, follows[follow]) for h in _cases([head]))
        tails["FY"] = r"\s?\d"                     # "FY2011", "FY 2011"
        return rf"{START}(?=\d|['’]\d|{trie(tails, tails)})"
    groups: dict[frozenset, set[str]] = {}
    for head, follow in headed.items():
        groups.setdefault(follow, set()).update(_cases([head]))
    branches = [rf"{trie(plain)}(?!\w)", r"FY\s?\d"]
    branches += [rf"{trie(heads)}[\s-]+(?:['’]?\d|{trie(follow)}(?!\w))"
                 for follow, heads in sorted(groups.items(), key=lambda g: sorted(g[1]))]
    return rf"{START}(?=\d|['’]\d|{'|'.join(branches)})"


@cache
def master() -> re.Pattern:
    return re.compile(_guard() + "(?:" + "|".join(alternatives()) + ")")


@cache
def alternatives() -> tuple[str, ...]:
    """The alternatives of the master pattern, in the order they are tried; one named group each."""
    cal = calendar_words()
    months_full = list(cal["months"])
    month_full = alternation(months_full + [m.upper() for m in months_full])
    # "Nov. 27", "AUG 24, 2016" (capitals: mastheads and wire headers)
    month_abbr = alternation(list(cal["month_abbreviations"]) + [m.upper() for m in cal["month_abbreviations"]])
    # "May" alone is too often the verb: only the grammar's context rules let it through.
    month = rf"(?:(?:{month_full})\b|(?:{month_abbr})\b\.?)"
    month_fr = alternation(_cases(cal["months_fr"]) - {m.upper() for m in cal["months_fr"]})
    weekday = alternation(cal["weekdays"])
    wd_abbr = alternation(cal["weekday_abbreviations"])
    wd_alone = alternation(cal["weekday_abbreviations_alone"])
    zone = alternation(cal["time_zones"])
    ampm = r"(?:[AaPp]\.\s?[Mm]\.|[AaPp][Mm](?!\w))"
    season = alternation(_cases(cal["seasons"]))
    # ('New Year's Day': its words, any space between, either apostrophe)
    holidays = "|".join(r"\s+".join(re.escape(w).replace("'", "['’]") for w in name.split())
                        for name in sorted(cal["holidays"], key=len, reverse=True))
    small = alternation(k for k, v in cal["small_numbers"].items() if v is not None)
    unit = alternation(cal["duration_units"])
    period = alternation(cal["named_periods"])
    edge = alternation(cal["period_edges"])
    ordc = alternation(cal["ordinal_centuries"])
    decade_word = alternation(DECADE_WORDS)
    era = alternation(_cases(cal["japanese_eras"]) - {e.upper() for e in cal["japanese_eras"]})
    # "November of that year", "Sept. 13 of the same year": the narrative's year, one record
    # "February this year", "May last year": the document's year
    of_year = (r"(?:,?\s+(?:of\s+)?(?P<{0}>that|the\s+same|the\s+following|the\s+next|the\s+previous"
               r"|the\s+preceding|the\s+prior)\s+year\b|\s+(?P<{0}_ty>this|last|next)\s+year\b)?")

    the = r"(?:[Tt]he\s+)"
    year = r"(?:1[0-9]\d\d|20\d\d)"
    # A year stands alone: not glued to other digits, codes or money.
    yb = r"(?:(?<![\w$¥₩£€#/.,:])|(?<=\bc\.)|(?<=\bca\.))(?<![^\d\s]-)"
    # ... and what follows it: no letters, thousands, decimals (a footnote number after a
    # sentence's full stop is fine), percentages, call-number tails or slashes.
    ya = (r"(?![\w%]|,\d{3}|\.\d+(?!\d)(?![\s\]\)]*(?:$|[\n\"“”‘’'(\[A-Z]))|\.\d+\s*%"
          r"|-(?!1[0-9]\d\d\b|20\d\d\b)\d{3}|/\d)")
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
    tens, units = "|".join(TENS), "|".join(UNITS)
    # What follows a number (a space, a hyphen) is never a digit or a comma, so giving digits
    # back cannot help: possessive runs fail at once. And (?!\d): at a digit, skip at once
    # the case-blind words (slow to reject one by one).
    num = rf"(?:\d{{1,3}}+(?:,\d{{3}})++|\d{{1,4}}+(?:\.\d++)?|(?!\d)(?i:(?:{tens})(?:[- ](?:{units}))?|{small}))"
    half_num = r"(?P<{}>\s+and\s+a\s+half)?"
    qual = rf"(?!\d)(?i:(?:{alternation(QUALIFIERS)})\s+)"
    part = rf"(?i:{alternation(PART_WORDS)})"
    halfp = rf"(?i:(?:{alternation(HALF_HEADS)})\s+(?:{alternation(HALF_NOUNS)})|(?:{alternation(EDGE_WORDS)}))"
    parts = rf"(?:{part}(?:\s*-?\s*to\s*-?\s*|\s*-\s*)(?={part}))?(?:{part}|{halfp})"
    weekday_pre = rf"(?:(?:{weekday}|(?:{wd_abbr})\b\.?),?\s+)?"
    clock_zone = r"(?:\s*(?P<{}>" + zone + r")(?!\w))?"
    the_of = r"(?:\s*-\s*|\s+of\s+the\s+|\s+of\s+|\s+)"

    alts = [
        # Showa 34, Heisei 14, Reiwa 2 (Japanese era years); the 34th year of Showa
        rf"(?P<era>\b(?P<er_e>{era})\s+(?P<er_n>\d{{1,2}}|[Gg]annen)(?![\d%]|[.,]\d|\s*(?:years?|%|percent)\b))",
        rf"(?P<era_ord>\b{the}?(?P<eo_n>\d{{1,2}})(?:st|nd|rd|th)\s+year\s+of\s+(?P<eo_e>{era})\b(?:\s+era\b)?)",
        # fiscal 2011, fiscal year 2011, FY2011: the fiscal year that begins then
        rf"(?P<fiscal>\b(?:[Ff]iscal\s+(?:[Yy]ear\s+)?|FY\s?)(?P<fy_y>{year})(?:[-–/](?P<fy_y2>\d\d(?:\d\d)?))?(?![\w%]|,\d{{3}}|[-–/]\d))",
        # 17.2.1953-11.10.1957 (archival day.month.year ranges)
        rf"(?P<dmy_range>(?<![\d.])(?P<r_d1>\d{{1,2}})\.(?P<r_m1>\d{{1,2}})\.(?P<r_y1>{year})\s*[-–]\s*(?P<r_d2>\d{{1,2}})\.(?P<r_m2>\d{{1,2}})\.(?P<r_y2>{year})(?!\d|\.\d))",
        rf"(?P<dmy>(?<![\d.])(?P<s_d>\d{{1,2}})\.(?P<s_m>\d{{1,2}})\.(?P<s_y>{year})(?!\d|\.\d))",
        # 8/3/1956 (day and month order unknown), 1959/2/13 and 1959.2.13 (year first)
        rf"(?P<slash_dmy>(?<![\d/.])(?P<sl_a>\d{{1,2}})/(?P<sl_b>\d{{1,2}})/(?P<sl_y>{year})(?![\d/]|\.\d))",
        rf"(?P<ymd>{yb}(?P<ym_y>{year})(?P<ym_sep>[/.])(?P<ym_m>\d{{1,2}})(?P=ym_sep)(?P<ym_d>\d{{1,2}})(?![\d/]|\.\d))",
        rf"(?P<iso>{yb}(?P<i_y>{year})-(?P<i_m>0[1-9]|1[0-2])-(?P<i_d>0[1-9]|[12]\d|3[01])(?![\d-]))",
        # clock times: 14:15 GMT, 22:24, 11 p.m., 3pm, 0600GMT (a day comes from the text, see resolve.anchor)
        rf"(?P<clock>(?<![\d:.,/])(?P<ck_h>[01]?\d|2[0-3]):(?P<ck_m>[0-5]\d)(?::(?P<ck_s>[0-5]\d))?(?![\d:]|\.\d|[-–]\d)"
        rf"(?:\s?(?P<ck_ap>{ampm}))?{clock_zone.format('ck_z')})",
        rf"(?P<clock_ampm>(?<![\d:.,/])(?P<ca_h>1[0-2]|0?[1-9])\s?(?P<ca_ap>{ampm}){clock_zone.format('ca_z')})",
        r"(?P<clock_mil>(?<![\d:.,/])(?P<cm_h>[01]\d|2[0-3])(?P<cm_m>[0-5]\d)\s?(?P<cm_z>GMT|UTC)(?!\w))",
        r"(?P<clock_word>\b(?P<cw_w>[Nn]oon|[Mm]idnight)\b)",
        # a mail header's date: Wed Jul 5 10:22:01 2006 (the day; the time inside is part of it)
        rf"(?P<ctime>\b(?:{wd_abbr})\s+(?P<cd_m>{month})\s+(?P<cd_d>{day})\s+\d\d:\d\d(?::\d\d)?\s+(?:[A-Z]{{3,4}}\s+)?(?P<cd_y>{year}){ya})",
        # 3-5 May 2004, 3 to 5 May 2004
        rf"(?P<dd_month>\b(?P<dd_d1>{day})\s*(?:[-–]|to)\s*(?P<dd_d2>{day})\s+(?:of\s+)?(?P<dd_m>{month})\s*,?\s*(?P<dd_y>{year}){ya})",
        # 19 January - 3 February 1956
        rf"(?P<dm_range>\b(?P<dr_d1>{day})\s+(?P<dr_m1>{month})\s*(?:[-–]|to)\s*(?P<dr_d2>{day})\s+(?P<dr_m2>{month})\s*,?\s*(?P<dr_y>{year}){ya})",
        # May 3-5, 2004
        rf"(?P<month_dd>\b(?P<md_m>{month})\s+(?P<md_d1>{day})\s*(?:[-–]|to)\s*(?P<md_d2>{day}),?\s+(?P<md_y>{year}){ya})",
        # January 19 - February 3, 1956
        rf"(?P<md_range>\b(?P<mr2_m1>{month})\s+(?P<mr2_d1>{day})\s*(?:[-–]|to)\s*(?P<mr2_m2>{month})\s+(?P<mr2_d2>{day}),?\s+(?P<mr2_y>{year}){ya})",
        # (Monday,) 19 January 1956 / the 19th of January 1956
        rf"(?P<dmy_text>\b{weekday_pre}{the}?(?P<t_d>{day})\s+(?:of\s+)?(?P<t_m>{month})\s*,?\s*(?P<t_y>{year}){ya})",
        # (Monday,) January 19, 1956
        rf"(?P<mdy_text>\b{weekday_pre}(?P<u_m>{month})\s+(?P<u_d>{day})(?:\s*,\s*|\s+|\.\s)(?P<u_y>{year}){ya})",
        # a chronology's year-first dates: 1959 Dec. 14, 1945 (Aug. 15), 2009 June (at a line's
        # start), 2021 (Oct.)
        rf"(?P<ymd_text>{yb}(?P<v_y>{year})\s+(?P<v_open>\()?(?P<v_m>{month})\s+(?P<v_d>{day})(?:\s*[-–]\s*(?P<v_d2>{day}))?(?(v_open)\))(?![\d,]\d|:\d|\.\d))",
        rf"(?P<ym_text>(?:(?<![^\n])(?P<w_y>{year})\s+(?P<w_m>{month})(?!\s*\d)|{yb}(?P<w_y2>{year})\s+\((?P<w_m2>{month})\)))",
        # early/mid/late June 2012, the end of June 2012
        rf"(?P<part_month>\b{the}?(?P<pm_part>{part}|(?i:end|beginning|start|middle))(?:\s*-\s*|\s+of\s+|\s+)(?P<pm_m>{month})\s*,?\s*(?:of\s+)?(?P<pm_y>{year}){ya})",
        # juillet-août 1959, May-June 2004 (month range within a year)
        rf"(?P<month_range>\b(?P<mr_m1>{month}|{month_fr})\s*[-–/]\s*(?P<mr_m2>{month}|{month_fr})\s*,?\s*(?P<mr_y>{year}){ya})",
        # January 1956, February of 1959, June, 2012, juillet 1959
        rf"(?P<month_year>\b(?P<my_m>{month}|{month_fr})\s*,?\s*(?:of\s+)?(?P<my_y>{year}){ya})",
        # année 1958
        rf"(?P<year_word>\b(?i:année|annee)\s+(?P<yw_y>{year}){ya})",
        # the summer of 1959 / summer 2004 / the winter of 1959-60 (its first year)
        rf"(?P<season_year>\b{the}?(?:(?P<sy_part>{part})[- ])?(?P<sy_s>{season})\s+(?:of\s+)?(?P<sy_y>{year})(?:[-–/]\d\d\b)?{ya})",
        # the late 1950s, the mid-1990s, the 1930s, 1950s, the '90s, the second half of the 1950s
        rf"(?P<decade>(?:\b{the}?(?P<dc_part>{parts}){the_of}{the}?|\b{the})?(?P<dc_y>(?<![\w$.,'’])(?:1[0-9]\d0|20\d0)|(?<![\w$.,])['’]?[1-9]0)['’]?s\b)",
        # the fifties, the late sixties
        rf"(?P<decade_word>\b{the}(?:(?P<dw_part>{parts}){the_of})?(?P<dw_w>(?i:{decade_word}))\b)",
        # the early 20th century / the nineteenth century
        rf"(?P<century>\b{the}?(?:(?P<ct_part>{parts}){the_of}{the}?)?(?P<ct_n>(?:1\d|2[01]|[1-9])(?:st|nd|rd|th)|(?i:{ordc}))[- ][Cc]entury\b)",
        # early 2007, mid-1956, the end of 1961, the first half of 2004
        rf"(?P<part_year>\b{the}?(?P<py_part>{parts})(?:\s*-\s*|\s+of\s+|\s+)(?P<py_y>{year}){ya})",
        # the end of World War II, the outbreak of the Korean War, Japan's defeat in World War II
        rf"(?P<period_edge>\b{the}?(?P<pe_edge>{edge})\s+(?:of|in)\s+(?P<pe_p>{period})\b)",
        rf"(?P<period_during>\b(?:[Dd]uring|[Tt]hroughout)\s+(?P<pd_p>{period})\b)",
        # 1995-96, 1995/96, 1995/1996
        rf"(?P<year_short_range>{yb}(?P<ys_y1>{year})(?:[-–](?P<ys_y2>\d\d)|/(?P<ys_y3>(?:1[0-9]|20)?\d\d)){ya})",
        # N years ago / three days later / two months after
        rf"(?P<relative_n>\b(?P<rn_q>{qual})?(?P<rn_n>{num}){half_num.format('rn_half')}[- ](?P<rn_u>{unit})(?P<rn_half2>\s+and\s+a\s+half)?\s+(?P<rn_dir>later|earlier|before|after|ago|afterwards|previously|on)\b(?:(?<=ago)(?P<rn_today>\s+today))?)",
        # the following month, the next year, the previous day, that year, the same month,
        # the day after
        rf"(?P<relative_the>\b(?:(?P<rt_season>(?:[Tt]he\s+)?(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter))\s+of\s+)?(?P<rt_det>[Tt]he\s+(?:following|next|previous|preceding|same|prior|coming)|[Tt]hat|[Tt]his|[Ll]ast|[Nn]ext)\s+(?P<rt_u>day|week|month|year|spring|summer|autumn|fall|winter|{month_full}|{weekday})\b)",
        # Days later, weeks later: soon after the day told, in its month
        r"(?P<relative_bare>\b(?P<rb_u>[Dd]ays|[Ww]eeks|[Hh]ours|[Mm]inutes)\s+later\b)",
        r"(?P<unit_after>\b[Tt]he\s+(?P<ua_u>day|week|month|year)\s+(?P<ua_dir>after|before)\b(?!\s+(?:last|next|tomorrow|yesterday)\b))",
        r"(?P<that_time>\b(?:[Tt]hat|[Tt]he\s+same|(?<=\b[Aa]t\s)the)\s+time\b)",
        # this morning, yesterday afternoon, tomorrow night: a day of the document's date
        rf"(?P<day_part>\b(?P<dp_d>[Tt]his|[Yy]esterday|[Tt]omorrow|[Ll]ast)\s+(?:{alternation(DAY_PARTS)})\b)",
        # New Year's Day, Christmas Eve: a day of the year told
        rf"(?P<holiday>\b(?:{holidays})\b(?:,?\s+(?P<hol_y>(?:19|20)\d\d)\b)?)",
        # that night, the next morning, the following evening: a day of the story told
        rf"(?P<day_part_told>\b(?P<dpt_d>[Tt]hat|[Tt]he\s+(?:same|following|next|previous))\s+(?:{alternation(DAY_PARTS)})\b)",
        # the day after tomorrow, the day before yesterday: two days from the page's (or the entry's) day
        r"(?P<two_days>\b[Tt]he\s+day\s+(?P<td_dir>after\s+tomorrow|before\s+yesterday)\b)",
        r"(?P<deictic>\b(?:(?:[Tt]he\s+current|[Tt]his)\s+point\s+in\s+time|[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Cc]urrently|[Nn]owadays|[Aa]t\s+present|[Tt]hese\s+days|NOW|[Nn]ow)\b)",
        # a bare month followed by a day (no year): (Monday,) July 4, June 25th
        # Dec. 26-30: two days of a month named without its year
        # 13 to 18 May, 10-16 December: two days of a month named without its year
        rf"(?P<dd_month_bare>\b(?P<ddb_d1>{day})\s*(?:[-–]|to)\s*(?P<ddb_d2>{day})\s+(?:of\s+)?(?P<ddb_m>{month_full}|(?:{month_abbr})\b\.?)(?!\s*,?\s*(?:{year}|\d)))",
        # (and 'June 16 to 18', 'between June 16 and 18')
        rf"(?P<month_dd_bare>\b(?P<mdb_m>{month_full}|(?:{month_abbr})\b\.?)\s+(?P<mdb_d1>{day})(?:\s*[-–]\s*|\s+(?:to|through|and)\s+)(?P<mdb_d2>{day})(?!\d|,?\s*{year}|\s*[-–]|\s+(?:{month_full}|(?:{month_abbr})\b)))",
        rf"(?P<month_day>\b(?:{the}(?:{alternation(DAY_PARTS)})\s+of\s+)?{weekday_pre}(?P<mdn_m>{month_full}|(?:{month_abbr})\b\.?)\s+(?P<mdn_d>{day})(?![\d,]\d|:\d|\.\d|\s*,?\s*{year}|\s*[-–]\s*\d){of_year.format('mdn_of')})",
        # a day of the month told, by its ordinal alone after a preposition of time: 'sail on the 21st'
        # (not 'a target of the 2nd', the second of two named before)
        r"(?P<day_ordinal>(?:(?<=\b[Oo]n\sthe\s)|(?<=\b[Bb]y\sthe\s)|(?<=\b[Uu]ntil\sthe\s)|(?<=\b[Ff]rom\sthe\s))"
        r"(?P<do_d>(?:[12]?\d|3[01])(?:st|nd|rd|th))\b(?!\s+(?:century|centuries|anniversary|time|floor|round|session|"
        r"congress|party|plenum|meeting|day|year|month|amendment|district|street|place)))",
        # a bare day and month (no year): (Monday,) 3 March, the 19th of January
        rf"(?P<day_month>\b{weekday_pre}{the}?(?P<dmn_d>{day})\s+(?:of\s+)?(?P<dmn_m>{month})(?!\s*,?\s*{year}|\s*\d)(?!-){of_year.format('dmn_of')})",
        # earlier in the day, later that day: the day narrated
        r"(?P<same_day>\b(?:[Ee]arlier|[Ll]ater)\s+(?:in\s+)?(?:the|that)\s+day\b)",
        # recently, in recent years: recognized, with no value (the gold's convention)
        # (not 'most recently in April 2023': the date that follows says when)
        r"(?P<vague_recent>\b(?:[Rr]ecently(?!,?\s+(?:in|on|at)\s+(?:\d|[A-Z]))|[Rr]ecent\s+(?:years|months|weeks|decades))\b)",
        rf"(?P<weekday_on>\b(?:(?P<wd>{weekday})\b|(?P<wd_a>{wd_alone})\.))",
        # every year, each month, every two years, annually: sets ("$5 a month": see duration)
        rf"(?P<set>\b(?:[Ee]very|[Ee]ach)\s+(?:(?P<st_n>{num})\s+)?(?P<st_u>days?|weeks?|months?|years?)\b|\b(?:[Aa]nnually|[Yy]early)\b)",
        r"(?P<per_unit>\b[Pp]er\s+(?P<pu_u>day|week|month|year)\b)",
        # the past decade, the past year: a duration of one unit
        rf"(?P<past_unit>\b{the}(?:past\s+(?P<pst_u>decade|century|year|month|week)|last\s+(?P<pst_u2>decade))\b)",
        # one to two weeks, two or three years: a duration between two
        rf"(?P<dur_range>\b(?<![-–])(?P<dx_n1>(?>{num}))(?:\s+(?:to|or)\s+|[-–])(?P<dx_n2>{num})[- ](?P<dx_u>{unit})\b(?!\s+(?:later|earlier|before|after|ago|afterwards|previously|on)))",
        # decade-long, year-long, months-long
        rf"(?P<long_dur>\b(?P<ld_u>{unit})-long\b)",
        # two years, more than two years, a two-year hiatus, nearly two millennia, half a century
        rf"(?P<duration>\b(?:(?P<du_first>{the}(?:first|last|past|next|previous|following)\s+)|(?P<du_q>{qual}))?(?:(?P<du_halfa>[Hh]alf\s+an?)|(?P<du_n>{num}){half_num.format('du_half')})(?P<du_sep>[- ])(?:(?:more|additional|further|extra)\s+)?(?P<du_u>{unit})\b(?P<du_half2>\s+and\s+a\s+half)?)",
        # the end of the year, the beginning of that year, the end of last year: its last or first month
        rf"(?P<year_edge>\b{the}(?P<ye_part>end|beginning|start|close|turn)\s+of\s+(?P<ye_det>the\s+same|the|that|this|last|next)\s+year\b)",
        # the spring I turned twelve, the year I was nine: a season or year of the narrator's age
        rf"(?P<age_told>\b[Tt]h(?:e|at)\s+(?P<ag_s>{season}|year)\s+(?:that\s+|when\s+)?I\s+(?:turned|was)\s+(?P<ag_n>{num})\b(?!\s+(?:years?|months?|days?|weeks?|percent|%)))",
        # late last month, the end of the month, early this month: a part of a month told or of the page's
        rf"(?P<month_edge>\b(?:{the}(?P<me_edge>end|beginning|start|middle)\s+of\s+|(?P<me_part>(?i:early|late|mid))(?:\s*-\s*|\s+))(?P<me_det>the\s+same|the|that|this|last|next)\s+month\b)",
        # early June, mid-May: a part of a month resolved from the narrative
        rf"(?P<part_month_bare>\b{the}?(?:(?P<pmb_part>{part}|(?i:end|beginning|start))(?:\s*-\s*|\s+of\s+|\s+)|(?P<pmb_in>(?i:early|late|mid))\s+in\s+)(?P<pmb_m>{month_full})\b(?!,?\s*(?:of\s+)?{year}))",
        # a bare month: resolved from the narrative; only in contexts that make it a month
        rf"(?P<month_bare>\b(?P<mb_m>{month_full})\b{of_year.format('mb_of')})",
        # a plain year
        rf"(?P<year>{yb}(?P<y_y>{year}){ya})",
    ]
    return tuple(alts)


@cache
def unguarded() -> re.Pattern:
    """The master pattern without its speed guard: what the tests compare against."""
    pattern = master().pattern
    return re.compile(START + pattern[pattern.index("(?:(?P<"):])


# Scanning. The master pattern tries its alternatives in order at each position the guard
# lets through, and most of them fail there slowly (a year is the last alternative). So
# the scanner finds the guard's positions in one pass, then at each tries only the
# alternatives that can begin the way the text does there: its first word or run of
# digits and the few characters after it ("1956 to", "the lat", "May, 1"). Which those
# are is read off the alternatives' own parse trees (`_regex_prefix`), so a skipped one
# could not have matched, and trying the rest in order finds the master pattern's match.
# Each alternative is compiled alone, when first needed (a short document needs few), with
# its optional groups in the form `re` tries faster (`fast_optionals`).

_FAST_AFTER = 3_000_000
"""Characters scanned with the small guard before the fast one is worth compiling. (Measured: the
fast guard takes ~0.13 s more to compile and saves ~0.04 s per million characters scanned, so it
pays for itself after about 3 million; switching then costs at most twice the better choice.)"""
_scanned = 0


def scanner(length: int = 0) -> re.Pattern:
    """Finds where a match of the master pattern can begin: the guard, moved one character on
    (a character that is not an ASCII letter or digit before the start, so that a search
    skips words in C; the lookbehinds of START, tried only where the guard holds, decide
    the rest). Run on the text after one space, so that a match may begin at 0: each match
    ends where one may begin, one character on, and its group 1 is the key of the place for
    `patterns_for` (the first word or number and the few characters after it).

    `length`: of the text about to be scanned. A short run (one article) uses the guard
    that compiles fast; once a process has scanned enough text, the one that scans fast."""
    global _scanned
    _scanned += length
    return _scanner(_scanned > _FAST_AFTER)


@cache
def _scanner(fast: bool) -> re.Pattern:
    guard = _guard(small=not fast)
    assert guard.startswith(START)
    # (the key is bounded: a run of digits or letters with no end, "12345678901234...", would
    # otherwise make one key, and one check of every alternative against it, per run; a
    # shorter key only lets more alternatives be tried)
    return regex_cache.compile(NOT_ASCII_WORD + guard[len(START):] + START
                      + r"(?=((?:\d{1,12}(?:,\d{1,12}){0,3}|[^\W\d_]{1,24}|[\s\S])[\s\S]{0,4}))")


def starts(text: str) -> list[int]:
    """The positions where a match of the master pattern can begin, in order."""
    return [m.end() - 1 for m in scanner(len(text)).finditer(" " + text)]


# (in UTF-8, as bytes.translate is several times faster than str.translate)
_ANY_DIGIT = bytes.maketrans(b"123456789", b"000000000")
_DIGITS = "0123456789"
_at_key: dict[bytes, tuple[re.Pattern, ...]] = {}
_viable_at: dict[str, tuple[int, ...]] = {}


def patterns_for(key: str) -> tuple[re.Pattern, ...]:
    """The alternatives of the master pattern, in order, that can match text beginning with
    key (a group 1 of `scanner`)."""
    try:
        k = key.encode().translate(_ANY_DIGIT)      # "0" for any digit
    except UnicodeEncodeError:                        # a lone surrogate
        k = key.encode("utf-8", "surrogatepass").translate(_ANY_DIGIT)
    got = _at_key.get(k)
    if got is None:
        if len(_at_key) > 20_000 or len(_viable_at) > 200_000:     # keys are short; this only bounds odd input
            _at_key.clear()
            _viable_at.clear()
        got = _at_key[k] = tuple(_compiled(i) for i in _viable(k.decode("utf-8", "surrogatepass")))
    return got


def _viable(key: str) -> tuple[int, ...]:
    """The alternatives that can match text beginning with key ("0" stands for any digit):
    checked among those that can begin with the key less its last character (kept: keys
    share their first words, and an alternative that cannot begin that way cannot begin
    with more either; most fall away within a few characters)."""
    got = _viable_at.get(key)
    if got is None:
        parsed = _parsed()
        first = range(len(parsed)) if len(key) == 1 else _viable(key[:-1])
        if not first:
            _viable_at[key] = ()
            return ()
        prefix = tuple(_DIGITS if ch == "0" else ch for ch in key)
        try:
            got = tuple(i for i in first if viable(parsed[i], prefix))
        except Unsupported:
            got = tuple(first)
        _viable_at[key] = got
    return got


@cache
def _parsed() -> tuple:
    return tuple(parse(a) for a in alternatives())


@cache
def _compiled(i: int) -> re.Pattern:
    return regex_cache.compile(fast_optionals(alternatives()[i]))
