"""The regular grammar of English (and archival) temporal expressions, built from calendar.yaml.

One master pattern with named alternatives, tried longest-first at each position, so the
text is scanned once. `dates.py` interprets what each alternative matched.
"""
from __future__ import annotations

import re
from functools import cache

from kankei.knowledge import load


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def calendar_words() -> dict:
    return load("calendar")


@cache
def master() -> re.Pattern:
    cal = calendar_words()
    month_full = _alt(cal["months"])
    month_abbr = _alt(cal["month_abbreviations"])
    # "May" alone is too often the verb: only the grammar's context rules let it through.
    month = rf"(?:(?:{month_full})\b|(?:{month_abbr})\b\.?)"
    month_fr = _alt(cal["months_fr"])
    weekday = _alt(cal["weekdays"])
    season = _alt(cal["seasons"])
    small = _alt(k for k in cal["small_numbers"])
    unit = _alt(cal["duration_units"])
    approx = _alt(cal["approximators"])
    period = _alt(cal["named_periods"])
    edge = _alt(cal["period_edges"])
    ordc = _alt(cal["ordinal_centuries"])

    year = r"(?:1[0-9]\d\d|20\d\d)"
    # A year stands alone: not glued to other digits, codes or money.
    yb = r"(?<![\w$¥₩£€#/.,:])(?<![^\d\s]-)"
    ya = r"(?![\w%]|,\d{3}|\.\d+\s*%|-(?!1[0-9]\d\d\b|20\d\d\b)\d{3}|/\d)"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    units = "one|two|three|four|five|six|seven|eight|nine"
    num = rf"(?:\d{{1,4}}|(?i:(?:{tens})(?:[- ](?:{units}))?|{small}))"
    qual = r"(?i:(?:nearly|almost|about|around|some|over|more than|less than|at least|at most|roughly|approximately|just over|just under|well over|under)\s+)"
    part_words = r"(?:early|mid|middle|late)"
    half = r"(?:(?:the\s+)?(?:first|second|latter|last|early|later)\s+(?:half|part|third|years)|(?:the\s+)?(?:end|beginning|start|middle|close|turn))"

    alts = [
        # 17.2.1953-11.10.1957 (archival day.month.year ranges)
        rf"(?P<dmy_range>(?<![\d.])(?P<r_d1>\d{{1,2}})\.(?P<r_m1>\d{{1,2}})\.(?P<r_y1>{year})\s*[-–]\s*(?P<r_d2>\d{{1,2}})\.(?P<r_m2>\d{{1,2}})\.(?P<r_y2>{year})(?!\d))",
        rf"(?P<dmy>(?<![\d.])(?P<s_d>\d{{1,2}})\.(?P<s_m>\d{{1,2}})\.(?P<s_y>{year})(?![\d]|\.\d))",
        rf"(?P<iso>{yb}(?P<i_y>{year})-(?P<i_m>0[1-9]|1[0-2])-(?P<i_d>0[1-9]|[12]\d|3[01])(?!\d))",
        # 3-5 May 2004
        rf"(?P<dd_month>\b(?P<dd_d1>{day})\s*[-–]\s*(?P<dd_d2>{day})\s+(?P<dd_m>{month})\s*,?\s*(?P<dd_y>{year}){ya})",
        # May 3-5, 2004
        rf"(?P<month_dd>\b(?P<md_m>{month})\s+(?P<md_d1>{day})\s*[-–]\s*(?P<md_d2>{day}),?\s+(?P<md_y>{year}){ya})",
        # (Monday,) 19 January 1956 / the 19th of January 1956
        rf"(?P<dmy_text>\b(?:(?:{weekday}),?\s+)?(?:the\s+)?(?P<t_d>{day})\s+(?:of\s+)?(?P<t_m>{month})\s*,?\s*(?P<t_y>{year}){ya})",
        # (Monday,) January 19, 1956
        rf"(?P<mdy_text>\b(?:(?:{weekday}),?\s+)?(?P<u_m>{month})\s+(?P<u_d>{day})(?:\s*,\s*|\s+)(?P<u_y>{year}){ya})",
        # early/mid/late June 2012
        rf"(?P<part_month>\b(?P<pm_part>{part_words}|end|beginning|start)(?:[- ]|\s+of\s+)(?P<pm_m>{month})\s*,?\s*(?:of\s+)?(?P<pm_y>{year}){ya})",
        # juillet-août 1959, May-June 2004 (month range within a year)
        rf"(?P<month_range>\b(?P<mr_m1>{month}|{month_fr})\s*[-–/]\s*(?P<mr_m2>{month}|{month_fr})\s*,?\s*(?P<mr_y>{year}){ya})",
        # January 1956, February of 1959, June, 2012, juillet 1959, année 1958
        rf"(?P<month_year>\b(?P<my_m>{month}|{month_fr})\s*,?\s*(?:of\s+)?(?P<my_y>{year}){ya})",
        rf"(?P<year_word>\b(?:année|annee)\s+(?P<yw_y>{year}){ya})",
        # the spring of 1959 / summer 2004
        rf"(?P<season_year>\b(?:the\s+)?(?P<sy_s>{season}|{season.title()})\s+(?:of\s+)?(?P<sy_y>{year}){ya})",
        # the late 1950s, the mid-1990s, the 1930s, 1950s, the '90s, the second half of the 1950s
        rf"(?P<decade>(?:\b(?:the\s+)?(?P<dc_part>{part_words}|{half})(?:[- ]|\s+of\s+the\s+|\s+of\s+)+)?(?:\bthe\s+)?{yb}(?P<dc_y>1[0-9]\d0|20\d0|'?[1-9]0(?=s))s\b)",
        # the early 20th century / the nineteenth century
        rf"(?P<century>\b(?:the\s+)?(?:(?P<ct_part>{part_words}|{half})(?:[- ]|\s+of\s+the\s+)+)?(?P<ct_n>1\d|2[01]|{ordc})(?:st|nd|rd|th)?[- ]century\b)",
        # early 2007, mid-1956, the end of 1961, the first half of 2004
        rf"(?P<part_year>\b(?:the\s+)?(?P<py_part>{part_words}|{half})(?:[- ]|\s+of\s+)(?P<py_y>{year}){ya})",
        # the end of World War II, the outbreak of the Korean War
        rf"(?P<period_edge>\b(?:the\s+)?(?P<pe_edge>{edge})\s+(?:of|in)\s+(?P<pe_p>{period}))",
        rf"(?P<period_during>\b(?:during|throughout)\s+(?P<pd_p>{period}))",
        # around 1956 / circa 1956
        rf"(?P<approx_year>\b(?:{approx})\s+(?P<ay_y>{year}){ya})",
        # 1995-96, 1995/96
        rf"(?P<year_short_range>{yb}(?P<ys_y1>{year})[-–/](?P<ys_y2>\d\d){ya})",
        # August 1958 onwards is handled in dates.py by looking right of a match.
        # N years ago / three days later / two months after
        rf"(?P<relative_n>\b(?:(?P<rn_q>{qual}))?(?P<rn_n>{num})[- ](?P<rn_u>{unit})\s+(?P<rn_dir>later|earlier|before|after|ago|afterwards|previously|on)\b)",
        # the following month, the next year, the previous day, that year, the same month
        rf"(?P<relative_the>\b(?P<rt_det>[Tt]he\s+(?:following|next|previous|preceding|same|prior)|[Tt]hat|[Tt]his|[Ll]ast|[Nn]ext)\s+(?P<rt_u>day|week|month|year|spring|summer|autumn|fall|winter|{month_full}|{weekday})\b)",
        rf"(?P<that_time>\b(?:[Aa]t\s+)?(?:that|the\s+same)\s+time\b|\b[Aa]t\s+the\s+time\b)",
        rf"(?P<deictic>\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Cc]urrently|[Nn]owadays|[Aa]t\s+present|NOW|[Nn]ow)\b)",
        rf"(?P<weekday_on>\b(?P<wd>{weekday})\b)",
        # two years, more than two years, a two-year hiatus, nearly two millennia
        rf"(?P<duration>\b(?:(?P<du_first>the\s+(?:first|last|past|next)\s+)|(?P<du_q>{qual}))?(?P<du_n>{num}|\d+(?:\.\d+)?)(?P<du_sep>[- ])(?P<du_u>{unit})\b)",
        # every year, each month: sets
        rf"(?P<set>\b(?:[Ee]very|[Ee]ach)\s+(?P<st_u>day|week|month|year)\b|\b(?:annually|yearly)\b)",
        # a bare month followed by a day (no year): July 4, June 25th
        rf"(?P<month_day>\b(?P<mdn_m>{month_full}|(?:{month_abbr})\.)\s+(?P<mdn_d>{day})(?![\d,]\d|:|\.\d|\s*,?\s*{year}))",
        # a bare month: resolved from the narrative; only in contexts that make it a month
        rf"(?P<month_bare>\b(?P<mb_m>{month_full})\b)",
        # a plain year
        rf"(?P<year>{yb}(?P<y_y>{year}){ya})",
    ]
    return re.compile("|".join(alts))
