"""A small corpus for the explorer's tests, and a helper to build it into a knowledge base.

Every article here was written for these tests (nothing is taken from ../shared/corpus). One of
them carries markup (`<script>`, an `<img onerror>`) in its plain text, which the explorer must
show as text and never run.
"""
from __future__ import annotations

from pathlib import Path

ARTICLES = {
    "ferries.txt": """\
Ferries to Chongjin

Published: 4 February 2009

On 14 December 1959, the first repatriation ship left Niigata for Chongjin with 975 passengers.[1] \
The Japanese Red Cross Society had signed the Calcutta Agreement with the DPRK Red Cross on 13 August 1959.[2]

Between 1959 and 1984 about 93,000 people sailed for North Korea. Chosen Soren campaigned for the return \
throughout the 1960s, and the Japanese Red Cross Society extended the agreement in November 1960.

Notes

[1] Inoue to Boissier, 3 May 1960, ICRC Archives, box 12.
[2] Tanaka to Leopold, 21 August 1959, Diplomatic Archives of Japan, box 7.
""",
    "summit.txt": """\
A Summit and its Aftermath

Last Updated June 2016

On 17 September 2002, Prime Minister Junichiro Koizumi met Kim Jong-il in Pyongyang. The two leaders signed \
the Pyongyang Declaration, and Kim admitted that North Korean agents had abducted 13 Japanese citizens.

On 9 October 2006, the DPRK tested a nuclear device. Japan imposed sanctions on North Korea on 14 October 2006. \
Around 1995, Chongryon had about 150,000 members.
""",
    "courts.txt": """\
Chongryon and the Courts

Published: 5 April 2015

Chongryon was founded on 25 May 1955. In June 2012 a Tokyo court ordered the auction of the Chongryon \
headquarters building. In 2015 Chongryon had 70,000 members.

North Korea launched a ballistic missile over Japan on 29 August 2017. Tokyo protested to Pyongyang the same day.
""",
    "script_doc.txt": """\
Talks and a Script

Published: 2 June 2010

On 3 May 2004, Japan met North Korea in Pyongyang. <script>window.__pwned = 1; document.title = "pwned";</script> \
The delegates <img src=x onerror="window.__pwned = 2"> agreed to meet again in 2005.
""",
    "ledger.txt": """\
A Community Ledger

Published: 9 September 2016

A community ledger counted 150,000 Chongryon members in 2015, twice what other sources say.
""",
}


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8", newline="")
    return folder


def build_base(folder: Path, backend: str = "sqlite") -> Path | str:
    """The corpus built into folder/kankei.db (or a fresh PostgreSQL database, whose URL is returned)."""
    from kankei.store import connect
    from kankei.store.build import build
    corpus = write_corpus(folder / "corpus")
    if backend == "sqlite":
        db = folder / "kankei.db"
    else:
        import pg_base
        db = pg_base.fresh_database()
    conn = connect(db)
    try:
        report = build(conn, [corpus])
        assert not report.failed, report.failed
    finally:
        conn.close()
    return db
