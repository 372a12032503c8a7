"""Whole documents written in shared transactions, for the one writer of a parallel build.

A transaction per document costs the writer more than the inserts do: each commit writes every
page it touched again (indexes, full-text segments, which FTS5 then merges) to the WAL. A parallel
build's writer therefore groups documents: a transaction holds up to BATCH_DOCS documents and stays
open up to BATCH_SECONDS, and each document in it is a savepoint, so that a transaction never holds
part of a document. A build killed outright loses the documents of its open transaction (the next
build extracts them again); one stopped by Ctrl-C or an error first commits the whole documents it
holds.
"""
from __future__ import annotations

import sqlite3
import time
from typing import Any

from kankei.store.build import DocumentRows, insert_document

BATCH_DOCS = 64
BATCH_SECONDS = 1.0     # how long another build's writer may wait for this one's turn, and what a kill loses


class Batch:
    """The open transaction of whole documents. `write` has write_document's signature and result."""

    def __init__(self, conn: sqlite3.Connection, docs: int = BATCH_DOCS, seconds: float = BATCH_SECONDS) -> None:
        self.conn, self.docs, self.seconds = conn, docs, seconds
        self.count = 0
        self.opened = 0.0
        self.partial = False    # a document is being written: the transaction must not be committed now

    def write(self, conn: sqlite3.Connection, rows: DocumentRows, replace: list[str]) -> bool:
        if not conn.in_transaction:
            conn.execute("BEGIN IMMEDIATE")
            self.count, self.opened = 0, time.monotonic()
        self.partial = True
        conn.execute("SAVEPOINT document")
        try:
            written = insert_document(conn, rows, replace)
        except BaseException:
            conn.execute("ROLLBACK TO SAVEPOINT document")
            conn.execute("RELEASE SAVEPOINT document")
            self.partial = False
            raise
        conn.execute("RELEASE SAVEPOINT document")
        self.partial = False
        self.count += 1
        if self.count >= self.docs or time.monotonic() - self.opened >= self.seconds:
            self.commit()
        return written

    def commit(self) -> None:
        if self.conn.in_transaction:
            self.conn.commit()

    def before_waiting(self, future: Any) -> None:
        """Before waiting for a document still being extracted: the open transaction is committed
        once it has been open its time, rather than held while a worker takes long."""
        if not self.conn.in_transaction:
            return
        left = self.opened + self.seconds - time.monotonic()
        if left > 0:
            try:
                future.result(timeout=left)
                return
            except TimeoutError:
                pass
            except Exception:   # noqa: BLE001 - what went wrong is the outcome's to report
                return
        self.commit()

    def close(self) -> None:
        """After an error or an interruption: keep the whole documents, never part of one."""
        if not self.conn.in_transaction:
            return
        try:
            if self.partial:
                self.conn.rollback()
            else:
                self.conn.commit()
        except sqlite3.Error:
            if self.conn.in_transaction:
                self.conn.rollback()
