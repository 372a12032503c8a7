"""One reference of a note -> its parts (author, title, archive, call number, pages, ...)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kankei.recognize.dates import find_times

from ._refcues import NAME, SHELF, Cues, cues
from ._refscan import Span, fields, inside, quote_spans, trim


@dataclass(slots=True)
class Reference:
    note: str               # the number of the note it is in
    start: int              # span of this reference in the whole text
    end: int
    text: str
    kind: str = "other"     # letter | memorandum | book | article | newspaper | archive | web | ibid | other
    author: str | None = None
    recipient: str | None = None
    date: str | None = None  # EDTF
    title: str | None = None
    container: str | None = None    # the journal, newspaper or book it is in
    volume: str | None = None
    issue: str | None = None
    publisher: str | None = None
    place: str | None = None        # of publication
    archive: str | None = None      # canonical name when archives.yaml knows it
    file: str | None = None         # the archive file (dossier) title after the call number
    call_number: str | None = None  # several are joined with ", "
    pages: str | None = None
    url: str | None = None
    op_cit: bool = False            # op. cit., loc. cit., ibid.
    refers_to: str | None = None    # for op_cit: the note of the reference it points back to


_URL = re.compile(r"(?:https?://|www\.)[^\s<>“”\"]+")
_PAGES = re.compile(r"(?<![\w])(?:pp?\.|pages?|S\.)\s*(?P<p>[\dxivlc]+(?:\s*[-–—]\s*[\dxivlc]+)?)(?![\w])"
                    r"|\)\s*:\s*(?P<j>\d+(?:\s*[-–—]\s*\d+)?)(?!\d)")
_VOLUME = re.compile(r"(?<![\w])(?i:vol(?:ume)?)\.?\s*(?P<v>\d+|[IVXLC]+)\b")
_ISSUE = re.compile(r"(?<![\w])(?i:no|nos|issue|iss)\.?\s*(?P<i>\d+)\b")
# A journal's volume and issue after its name: "Japan Forum 12(3)", "Asian Survey 41:2".
_VOL_TAIL = re.compile(r"\s*,?\s+(?P<v>\d{1,4})(?:\s*\((?P<i>\d{1,3}(?:[-–/]\d{1,3})?)\)|:(?P<i2>\d{1,3}))?$")
# Chicago style: "(Boulder: Westview Press, 1997)".
_IMPRINT = re.compile(r"\((?P<pl>[A-ZÀ-Þ][^():,]{1,40}(?:,\s*[A-Z]{2})?)\s*:\s*"
                      r"(?P<pub>[^():,]{2,80}),\s*(?:1[5-9]|20)\d\d[^()]*\)")
_PLACE_PUB = re.compile(r"(?P<pl>[A-ZÀ-Þ][^:]{1,40}?)\s*:\s*(?P<pub>[A-ZÀ-Þ].*)")
# A name that closes a prose lead-in: "... in any detail is Sonia Ryang".
_PROSE_NAME = re.compile(rf"\s(?:is|are|by|see|in|and|from|of)\s+(?P<n>{NAME})$")
_EDITOR = re.compile(r"\s*(?:\(?\b(?:eds?|comp|trans|ed\. and trans)\.?\)?|et al\.?)\s*$", re.IGNORECASE)
_IN = re.compile(r"in\s+", re.IGNORECASE)
_EDITED_BY = re.compile(rf"^{NAME}\s*\(?eds?\.?\)?,?\s+", re.IGNORECASE)
# "(2008): 55-80" closing a journal's field.
_YEAR_PAREN = re.compile(r"\s*\([^()]*\b(?:1[5-9]|20)\d\d[^()]*\).*$")
_BARE_PAGES = re.compile(r"\d{1,4}(?:\s*[-–—]\s*\d{1,4})?|[ivxlc]{1,6}")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d[a-z]?")
_DASH = re.compile(r"\s*[-–—]\s*")
_ACCESSED = re.compile(r"\b(?:accessed|retrieved|viewed|consulted|last visited)(?: on)?\s*$", re.IGNORECASE)
_HELD = re.compile(r"\b(?:held|kept|copy|copies)\b", re.IGNORECASE)


def parse_reference(text: str, a: int, b: int, note: str) -> Reference:
    """Parse text[a:b], one reference, into its parts. Parts it cannot find stay None."""
    return _Parser(text, a, b, note).run()


class _Parser:
    def __init__(self, text: str, a: int, b: int, note: str) -> None:
        self.t, self.a, self.b = text, a, b
        self.c: Cues = cues()
        self.ref = Reference(note, a, b, text[a:b])
        self.quotes = quote_spans(text, a, b, brackets=False)
        self.fs: list[Span] = fields(text, a, b, quote_spans(text, a, b))
        self.calls: list[Span] = []
        self.limit = len(self.fs)       # fields from here on describe the archive, not a publication
        self.title_i: int | None = None
        self.after_title: int | None = None

    def f(self, i: int) -> str:
        s, e = self.fs[i]
        return self.t[s:e]

    def run(self) -> Reference:
        ref, t = self.ref, self.t
        url = _URL.search(t, self.a, self.b)
        self.url_span: Span | None = None
        if url:
            ref.url = url.group().rstrip(".,;:)’'" if "(" not in url.group() else ".,;:’'")
            self.url_span = (url.start(), url.start() + len(ref.url))
        ibid = self.c.ibid.match(t, self.a, self.b)
        self.opcit = self.c.op_cit.search(t, self.a, self.b)
        ref.op_cit = bool(ibid or self.opcit)
        self._archive()
        self._quoted_title()
        self._pages_volume()
        self._people()
        news = self._newspaper()
        book = not news and self._book()
        if not news and not book:
            self._container()
        ref.date = self._date()
        if ibid or self.opcit:
            ref.kind = "ibid"
        elif ref.kind in ("letter", "memorandum"):
            pass
        elif news:
            ref.kind = "newspaper"
        elif ref.title and ref.container and self.title_i is not None:
            ref.kind = "article"
        elif book:
            ref.kind = "book"
        elif ref.archive or ref.call_number:
            ref.kind = "archive"
        elif ref.url:
            ref.kind = "web"
            if not ref.title:
                ref.title = self._web_title(url.start() if url else self.b)
        elif ref.author and not ref.title and not ref.date and 2 <= len(self.fs) <= 3:
            # A short form after a first full citation: "Kato, Return Voyages, 52."
            s, e = self.fs[1]
            if not _BARE_PAGES.fullmatch(self.t, s, e) and not _PAGES.match(self.t, s, e):
                ref.title = self.t[s:e]
        return ref

    # --- archive, call numbers, file title ----------------------------------------------

    def _archive(self) -> None:
        t, c, ref = self.t, self.c, self.ref
        m = c.archive_alias.search(t, self.a, self.b)
        if m:
            ref.archive = c.archive_names[m.group()]
        else:
            m = next((x for x in c.archive_cue.finditer(t, self.a, self.b)
                      if not inside(self.quotes, x.start())), None)
            if m:
                ref.archive = m.group().strip()
        times = self._times()
        for x in c.call_number.finditer(t, self.a, self.b):
            ident = x.group("id")
            if ident is not None and not any(ch.isdigit() for ch in ident):
                continue    # "dossier VIII": a file title goes on, not a number
            if not inside(self.quotes, x.start()):
                self.calls.append(_strip_dot(t, x.start(), x.end()))
        if m:
            self.limit = next((i for i, (s, e) in enumerate(self.fs) if e > m.start()), len(self.fs))
            self._shelfmark(m.end(), times)
        self.calls.sort()
        kept: list[Span] = []
        for s, e in self.calls:
            if not kept or s >= kept[-1][1]:
                kept.append((s, e))
        self.calls = kept
        if kept:
            ref.call_number = ", ".join(t[s:e] for s, e in kept)
        if ref.file is None:
            self._quoted_file()

    def _quoted_file(self) -> None:
        """A quoted title right after a call number names the file or folder: box no. 2189, “Immigration”."""
        for _s, e in self.calls:
            while e < self.b and self.t[e] in " \t,.:;":
                e += 1
            q = next((q for q in self.quotes if q[0] == e), None)
            if q:
                qs, qe = trim(self.t, q[0] + 1, q[1], tail=" \t\r\n,;:.")
                if qs < qe:
                    self.ref.file = self.t[qs:qe]
                    return

    def _shelfmark(self, pos: int, times: list[Span]) -> None:
        t = self.t
        while pos < self.b and t[pos] in " \t,:;":
            pos += 1
        m = SHELF.match(t, pos, self.b)
        if not m:
            return
        s, e = _strip_dot(t, m.start(), m.end())
        if (not any(ch.isdigit() for ch in t[s:e]) or re.fullmatch(r"\d{4}", t[s:e])
                or any(ts < e and s < te for ts, te in times)):
            return
        self.calls.append((s, e))
        self._file(e)

    def _file(self, pos: int) -> None:
        """The archive file's title after its call number (ICRC: "Problème du rapatriement ...")."""
        t = self.t
        while pos < self.b and t[pos] in " \t,.:;":
            pos += 1
        # It ends where another call number, archive or URL begins.
        end = min([cs for cs, _ in self.calls if cs >= pos] + [self.b])
        for pat in (self.c.archive_alias, _URL, _HELD):
            m = pat.search(t, pos, end)
            if m:
                end = m.start()
        s, e = trim(t, pos, end, tail=" \t\r\n,;:.")
        for tm in reversed(find_times(t[s:e])):     # its date range ends it
            if t[s + tm.end:e].strip(" .,;:") == "":
                e = trim(t, s, s + tm.start, tail=" \t\r\n,;:.")[1]
            break
        if s < e and t[s].isupper() and any(ch.islower() for ch in t[s:e]):
            self.ref.file = t[s:e]

    # --- titles, pages, people ---------------------------------------------------------

    def _quoted_title(self) -> None:
        for i, (s, _e) in enumerate(self.fs):
            if self.t[s] not in "“\"‘" or i >= self.limit:
                continue
            q = next((q for q in self.quotes if q[0] == s), None)
            if q:
                qs, qe = trim(self.t, q[0] + 1, q[1], tail=" \t\r\n,;:.")
                if qs < qe:
                    self.ref.title, self.title_i = self.t[qs:qe], i
                    # “Title,” Journal 12(3): the field goes on past the quotation with the container
                    if "," in self.t[qe:q[1]] and q[1] + 1 < self.fs[i][1]:
                        self.after_title = q[1] + 1
                    return

    def _pages_volume(self) -> None:
        t, ref = self.t, self.ref
        found = [m for m in _PAGES.finditer(t, self.a, self.b) if not inside(self.quotes, m.start())]
        if found:
            ref.pages = _DASH.sub("-", found[-1].group("p") or found[-1].group("j"))
        elif len(self.fs) > 1:
            s, e = self.fs[-1]      # Chicago style: "Title (Place: Publisher, 2010), 45–47."
            if _BARE_PAGES.fullmatch(t, s, e) and not _YEAR.fullmatch(t, s, e):
                ref.pages = _DASH.sub("-", t[s:e])
        m = next((m for m in _VOLUME.finditer(t, self.a, self.b) if not self._in_call(m.start())), None)
        if m:
            ref.volume = m.group("v")
        m = next((m for m in _ISSUE.finditer(t, self.a, self.b)
                  if not self._in_call(m.start()) and not inside(self.quotes, m.start())), None)
        if m:
            ref.issue = m.group("i")

    def _in_call(self, i: int) -> bool:
        return any(s <= i < e for s, e in self.calls)

    def _head(self) -> str:
        """The first field, without "op. cit."."""
        s, e = self.fs[0]
        if self.opcit and s <= self.opcit.start() < e:
            e = self.opcit.start()
        return self.t[s:e].strip()

    def _people(self) -> None:
        c, ref = self.c, self.ref
        if not self.fs:
            return
        head = self._head()
        if c.ibid.match(head):
            return
        m = c.letter_whole.fullmatch(head)
        if m and m.group("a").split()[0] not in c.not_authors:
            ref.kind, ref.author, ref.recipient = "letter", m.group("a"), m.group("b")
            return
        for i in range(len(self.fs)):
            m = c.letter_from.search(self.f(i))
            if m:
                ref.kind, ref.author, ref.recipient = "letter", m.group("a") or m.group("a2"), m.group("b")
                return
        m = c.memo.match(head)
        if m:
            ref.kind, ref.recipient = "memorandum", m.group("b")
            ref.author = m.group("a")
            return
        if self.title_i != 0 and (len(self.fs) > 1 or self.opcit) and self._name_like(head):
            ref.author = _EDITOR.sub("", head)

    def _name_like(self, s: str) -> bool:
        c = self.c
        s = _EDITOR.sub("", s)
        tokens = s.split()
        if not tokens or len(tokens) > 8 or tokens[0] in c.not_authors or any(ch.isdigit() for ch in s):
            return False
        if s in c.places or c.newspaper.fullmatch(s) or c.archive_alias.search(s) or c.archive_cue.search(s):
            return False
        return all(tok[0].isupper() or tok in c.particles for tok in tokens) and tokens[0][0].isupper()

    # --- newspapers, books, journals ---------------------------------------------------

    def _newspaper(self) -> bool:
        for i in range(min(self.limit, len(self.fs))):
            if i != self.title_i and self.c.newspaper.fullmatch(self.f(i)):
                self.ref.container = self.f(i)
                if i == 0 and self.ref.kind not in ("letter", "memorandum"):
                    self.ref.author = None
                return True
        return False

    def _book(self) -> bool:
        """Place and publisher; the title is what lies between the author and them."""
        c, ref = self.c, self.ref
        lo = 1 if ref.author else 0
        hi = min(self.limit, len(self.fs))
        pi = None
        m = _IMPRINT.search(self.t, self.fs[lo][0] if lo < hi else self.a, self.b)
        if m and (m.group("pl") in c.places or c.publisher.fullmatch(m.group("pub"))):
            ref.place, ref.publisher = m.group("pl"), m.group("pub")     # "Title (Place: Publisher, 1997)"
            if self.title_i is None and ref.author:
                s, e = trim(self.t, self.fs[lo][0], m.start())
                ref.title = self.t[s:e] or None
            elif self.title_i is not None:
                self._container(end=m.start())
            return True
        for i in range(lo, hi):
            f = self.f(i)
            nxt = self.f(i + 1) if i + 1 < hi else ""
            m = _PLACE_PUB.fullmatch(f)
            if m and (m.group("pl") in c.places or c.publisher.fullmatch(m.group("pub"))):
                ref.place, ref.publisher, pi = m.group("pl"), m.group("pub"), i
                break
            # "Tokyo, Iwanami Shoten", or "Kyoto, Hozokan, 1989": a known place, then a publisher
            # by its name or by its place before the year.
            year_next = i + 2 < len(self.fs) and _YEAR.fullmatch(self.f(i + 2))
            if f in c.places and nxt and (c.publisher.fullmatch(nxt) or year_next):
                ref.place, ref.publisher, pi = f, nxt, i
                break
            if f in c.places and i > lo and _YEAR.fullmatch(nxt):
                ref.place, pi = f, i        # "Ministry of Unification, White Paper, Seoul, 2005"
                break
            if i > lo and c.publisher.fullmatch(f) and i != self.title_i:
                ref.publisher, pi = f, i
                break
        if pi is None:
            return False
        if ref.author is None and ref.kind not in ("letter", "memorandum"):
            lo = self._prose_author(pi)
        if self.title_i is not None:    # a chapter: "“Chapter”, in Editor (ed.), Book, Place, ..."
            self._container(end=self.fs[pi - 1][1] if pi - 1 > self.title_i else None)
            return True
        if lo >= pi and ref.author:     # "Handbook, Place, Publisher": the "author" was the title
            ref.title, ref.author = ref.author, None
        elif lo < pi:
            ref.title = self.t[self.fs[lo][0]:self.fs[pi - 1][1]]
        return True

    def _prose_author(self, pi: int) -> int:
        """A reference at the end of a prose sentence: "... is Sonia Ryang, Title, Place, ..."."""
        for j in range(pi - 1):
            m = _PROSE_NAME.search(self.f(j)[-120:])     # the tail only: the search is quadratic
            if m and len(m.group("n").split()) <= 4:
                self.ref.author = m.group("n")
                return j + 1
        return 0

    def _container(self, end: int | None = None) -> None:
        """The journal or book after a quoted title; end: where the book's imprint begins."""
        ref, ti = self.ref, self.title_i
        if ti is None:
            return
        if self.after_title is not None:
            s, e = trim(self.t, self.after_title, self.fs[ti][1])
        elif ti + 1 < min(self.limit, len(self.fs)):
            s, e = self.fs[ti + 1]
        else:
            return
        if end is not None:
            s, e = trim(self.t, s, max(s, end))
        m = _IN.match(self.t, s, e)
        if m:
            s = m.end()
        c = self.t[s:e]
        c = _EDITED_BY.sub("", c) if m else c
        if not c or not c[0].isupper() or self._in_call(s) or any(ch.isdigit() for ch in c[:4]):
            return
        if self.c.archive_alias.search(c) or self.c.archive_cue.search(c) or _URL.match(c):
            return
        times = find_times(c)
        if times and times[0].start == 0:
            return      # a date, not a journal
        c = _YEAR_PAREN.sub("", c)
        v = _VOL_TAIL.search(c)
        if v and end is None:
            c = c[:v.start()]
            ref.volume = ref.volume or v.group("v")
            ref.issue = ref.issue or v.group("i") or v.group("i2")
        ref.container = c.strip() or None

    # --- date, web title ---------------------------------------------------------------

    def _times(self) -> list[Span]:
        if not hasattr(self, "_tms"):
            self._tms = [tm for tm in find_times(self.t[self.a:self.b]) if tm.value and tm.anchor == "absolute"]
        return [(self.a + tm.start, self.a + tm.end) for tm in self._tms]

    def _date(self) -> str | None:
        """The first date that is a whole field ("18 January 1956", "1997"), else the first outside quotes."""
        spans = self._times()
        values = [tm.value for tm in self._tms]
        u = self.url_span or (0, 0)
        ok = [k for k, (s, _e) in enumerate(spans)
              if not inside(self.quotes, s) and not self._in_call(s) and not u[0] <= s < u[1]
              and not _ACCESSED.search(self.t, max(self.a, s - 16), s)]
        whole = [k for k in ok if spans[k] in self.fs]
        pick = whole or ok
        return values[pick[0]] if pick else None

    def _web_title(self, url_start: int) -> str | None:
        spans = self._times()
        for s, e in reversed(self.fs):
            if e <= url_start and (s, e) not in spans and not _PAGES.match(self.t, s, e):
                return self.t[s:e]
        return None


def _strip_dot(text: str, s: int, e: int) -> Span:
    while e > s and text[e - 1] in ".,;:":
        e -= 1
    return s, e
