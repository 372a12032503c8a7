"""Words of a sentence span, split the way the Penn/UD English treebanks split them.

One compiled regex: clitics ("n't", "'s", "'ll"), abbreviations ("U.S.", "Mr."), numbers
with separators ("3,000", "1.5"), hyphenated words kept whole ("test-fired", which the
tagger reads by their last part), and any other non-space character on its own.
"""
from __future__ import annotations

import re

_ABBREV = (
    "Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Sen|Rep|Gov|Pres|Amb|Rev|St|Mt|Ft|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Inc|Corp|Co|Ltd|Jr|Sr|vs|etc|approx|est"
)

TOKEN_RE = re.compile(
    r"[A-Za-z]+(?![\w'’.\-‐–])"                     # a plain word: none of the forms below can start here (speed)
    r"|(?:[A-Za-z]\.){2,}[-‐–]\w+(?:[-‐–]\w+)*"      # U.S.-North (Korea summit)
    r"|(?:[A-Za-z]\.){2,}(?![A-Za-z])"             # U.S.  U.N.  a.m.
    r"|\w+(?:[-‐–]\w+)*[-‐–](?:[A-Za-z]\.){2,}(?![A-Za-z])"     # Japan-U.S. (summit)
    rf"|(?:{_ABBREV})\.(?=\s|$)"                   # Mr.  Jan.
    r"|[A-Za-z]+(?=n['’]t\b)|n['’]t\b"             # do|n't  ca|n't
    r"|['’](?:[sSdDmM]|ll|LL|re|RE|ve|VE)\b"        # 's 'll 're 've 'd 'm
    r"|\d+(?:[.,:/]\d+)+"                          # 3,000  1.5  10:30
    r"|[A-Z]['’][A-Za-z]\w*"                       # O'Brien
    r"|\w+(?:[-‐–]\w+)*"                           # words, hyphenated words, 1970s
    r"|\.\.\.|--|[^\w\s]"                          # punctuation, one character at a time
)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, text) of every token of text[start:end], offsets absolute into text."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end)]
