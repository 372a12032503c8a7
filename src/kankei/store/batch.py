"""Whole documents written in shared transactions, for the one writer of a parallel build.

A transaction per document costs the writer more than the inserts do: each commit writes every
page it touched again (indexes, full-text segments) to the WAL. A parallel build's writer therefore
groups documents: a transaction holds up to BATCH_DOCS documents and stays open up to
BATCH_SECONDS. It never holds part of a document: Ctrl-C while one is being written takes effect
once it is written (the whole documents are then committed), and an error while one is being
written rolls the transaction back. A build killed outright loses the documents of its open
transaction; the next build extracts them again. (A savepoint per document would do the same for
errors, but costs the writer a fifth more.)
"""
from __future__ import annotations

import signal
import sqlite3
import threading
import time
from types import TracebackType
from typing import Any

from kankei.store.build import DocumentRows, insert_document

BATCH_DOCS = 64
BATCH_SECONDS = 1.0     # how long another build's writer may wait for this one's turn, and what a kill loses


class Batch:
    """The open transaction of whole documents. `write` has write_document's signature and result.
    Used as a context manager around the build's loop: it defers Ctrl-C while a document is being
    written (in the main thread, when Ctrl-C raises KeyboardInterrupt there), and at the end keeps
    the whole documents written."""

    def __init__(self, conn: sqlite3.Connection, docs: int = BATCH_DOCS, seconds: float = BATCH_SECONDS) -> None:
        self.conn, self.docs, self.seconds = conn, docs, seconds
        self.count = 0
        self.opened = 0.0
        self.partial = False        # a document is being written: the transaction must not be committed now
        self.interrupted = False    # Ctrl-C came while it was
        self._handler: Any = None

    def __enter__(self) -> Batch:
        if threading.current_thread() is threading.main_thread() \
                and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            self._handler = signal.signal(signal.SIGINT, self._on_interrupt)
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None) -> None:
        try:
            self.close()
        finally:
            if self._handler is not None:
                signal.signal(signal.SIGINT, self._handler)
                self._handler = None

    def _on_interrupt(self, signum: int, frame: Any) -> None:
        if self.partial:
            self.interrupted = True
        else:
            raise KeyboardInterrupt

    def write(self, conn: sqlite3.Connection, rows: DocumentRows, replace: list[str]) -> bool:
        if not conn.in_transaction:
            conn.execute("BEGIN IMMEDIATE")
            self.count, self.opened = 0, time.monotonic()
        self.partial = True
        written = insert_document(conn, rows, replace)     # an error leaves partial set: close() rolls back
        self.partial = False
        self.count += 1
        if self.count >= self.docs or time.monotonic() - self.opened >= self.seconds:
            self.commit()
        if self.interrupted:
            self.interrupted = False
            raise KeyboardInterrupt
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
        """At the end, or after an error or an interruption: keep the whole documents, never part of one."""
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
        finally:
            self.partial = False
