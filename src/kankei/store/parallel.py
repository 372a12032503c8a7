"""`kankei build --workers N` and `--scheduler ADDRESS`: documents extracted elsewhere, written here.

Extraction (the CPU-heavy part; documents are independent) runs in worker processes on this
machine, or on the workers of a dask.distributed cluster. This process reads each file, skips the
documents the base already holds before anything is sent, and writes each result in its own
transaction, in the order of a serial build: what the base gets (entity names first seen, event ids
made unique) then never depends on which worker finished first. Extraction runs ahead of writing in
a window of a few documents per worker, so memory stays bounded on any size of corpus. Worker
processes on this machine take the documents in chunks of a few (CHUNK): a task sent and its rows
received cost this process's threads about a millisecond of CPU, which the writer, sharing the cores
with the workers, would otherwise spend per document.

Workers receive the decoded text (a `Source`) and send back plain rows (`DocumentRows`), so that
cluster workers need kankei installed but not the corpus's filesystem.
"""
from __future__ import annotations

import gc
import multiprocessing
import signal
import sqlite3
import sys
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kankei.read import ReadError, Source
from kankei.store.batch import Batch
from kankei.store.build import (
    BuildReport,
    DocumentRows,
    _db_name,
    content_id,
    extract_rows,
    path_text,
    read_one,
    settle,
)
from kankei.store.db import StoreError, explain

AHEAD = 4       # documents in flight per worker: enough to keep each busy while the writer catches up
CHUNK = 4       # documents per task sent to a worker process (a Dask task takes one)
WARM_CHARS = 200_000    # the first document is extracted in this process if it is no longer (see ProcessPool)


class ParallelError(Exception):
    """Extraction cannot be distributed (Dask missing, a scheduler that cannot be reached)."""


def _quiet_worker() -> None:
    """A worker process leaves Ctrl-C to the writer, which stops the pool and keeps what is written."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class ProcessPool:
    """N processes on this machine, started on the second document that needs extracting: a rebuild
    of an unchanged corpus starts none.

    The first document (unless it is long) is extracted here, before the pool starts: that loads the
    knowledge and compiles the patterns (about half a second), which on Linux the workers then
    inherit, forked, instead of each starting an interpreter and doing it again, and which the
    reconciliation at the end needs here anyway. Elsewhere workers are spawned (fork is unsafe there).
    Nothing but this thread runs when the pool forks (it is shut down and joined before a restart)."""
    task = staticmethod(extract_rows)     # what a worker runs on each document
    chunk = CHUNK

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None
        self._warm = False
        self._frozen = False

    def submit(self, source: Source, doc_id: str, path: str, dct: str | None) -> Any:
        if self._executor is None and not self._warm and len(source.text) <= WARM_CHARS:
            self._warm = True
            return _done_here(self.task, source, doc_id, path, dct)
        return self._start().submit(self.task, source, doc_id, path, dct)

    def submit_many(self, items: list[tuple[Source, str, str, str | None]]) -> list[Any]:
        """A future for each of items (submit's arguments), all but a warming first one sent as one task."""
        futures = []
        if self._executor is None and not self._warm and items and len(items[0][0].text) <= WARM_CHARS:
            futures.append(self.submit(*items[0]))
            items = items[1:]
        if len(items) == 1:
            return [*futures, self.submit(*items[0])]
        if items:
            chunk = self._start().submit(_run_chunk, self.task, items)
            futures += [_Share(chunk, k) for k in range(len(items))]
        return futures

    def _start(self) -> ProcessPoolExecutor:
        if self._executor is None:
            method = "fork" if sys.platform == "linux" else "spawn"
            if method == "fork" and not self._frozen:
                # What the workers inherit (the knowledge, the patterns) is left out of their garbage
                # collections: none of it is garbage, and scanning it would copy its pages into each.
                gc.freeze()
                self._frozen = True
            self._executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context(method),
                                                 initializer=_quiet_worker)
        return self._executor

    def restart(self) -> None:
        """After a worker died (out of memory, killed): the pool is broken for every document in it."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)     # its threads end before the next fork
            self._executor = None

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
        if self._frozen:
            gc.unfreeze()
            self._frozen = False


def _run_chunk(task: Callable, items: list[tuple]) -> list[tuple[bool, Any]]:
    """In a worker: task on each of items, each outcome (True, result) or (False, the exception), so that
    one document's error is that document's alone."""
    out: list[tuple[bool, Any]] = []
    for args in items:
        try:
            out.append((True, task(*args)))
        except Exception as err:  # noqa: BLE001 - reported for that file by the writer
            out.append((False, err))
    return out


class _Share:
    """One document's part of a chunk's future: what it returned, or raises what it raised."""

    def __init__(self, future: Future, index: int) -> None:
        self.future, self.index = future, index

    def result(self, timeout: float | None = None) -> Any:
        ok, value = self.future.result(timeout)[self.index]
        if not ok:
            raise value
        return value


def _done_here(task: Callable, *args: Any) -> Future:
    """task run in this process, as a finished future (an error in it is the future's, as on a worker)."""
    future: Future = Future()
    try:
        future.set_result(task(*args))
    except Exception as err:  # noqa: BLE001 - reported for this file like a worker's error
        future.set_exception(err)
    return future


# Extraction keeps some module-level caches: a Dask worker running several threads runs one
# extraction at a time (it is bound by the GIL anyway; start workers with --nthreads 1).
_ONE_AT_A_TIME = threading.Lock()


def _extract_on_cluster(source: Source, doc_id: str, path: str, dct: str | None) -> DocumentRows | str:
    with _ONE_AT_A_TIME:
        return extract_rows(source, doc_id, path, dct)


class DaskPool:
    """The workers of a dask.distributed scheduler (each needs kankei installed)."""

    def __init__(self, address: str) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise ParallelError("--scheduler needs Dask's distributed scheduler: pip install 'kankei[cluster]'") from None
        try:
            self.client = Client(address, timeout="20s", set_as_default=False)
        except (OSError, TimeoutError, ValueError) as err:
            raise ParallelError(f"cannot reach the Dask scheduler at {address}: {err}") from None
        self.chunk = 1
        threads = sum(w.get("nthreads", 1) for w in self.client.scheduler_info().get("workers", {}).values())
        self.workers = max(1, threads)

    def submit(self, source: Source, doc_id: str, path: str, dct: str | None) -> Any:
        # pure=False: the same file read again after an edit must be extracted again, not taken from a cache
        return self.client.submit(_extract_on_cluster, source, doc_id, path, dct, pure=False)

    def submit_many(self, items: list[tuple[Source, str, str, str | None]]) -> list[Any]:
        return [self.submit(*args) for args in items]

    def restart(self) -> None:
        """Dask reschedules the tasks of a lost worker itself."""

    def close(self) -> None:
        self.client.close()


@dataclass
class _Job:
    item: Path | ReadError
    source: Source | ReadError | None = None
    doc_id: str = ""
    path: str = ""
    wanted: bool = False    # to be extracted on the pool (else the base has it)
    future: Any = None      # once sent
    retried: bool = False


def build_parallel(conn: sqlite3.Connection, files: Iterable[Path | ReadError], dct: str | None, max_bytes: int,
                   force: bool, report: BuildReport, progress: Callable[[Path | None], None] | None,
                   workers: int = 2, scheduler: str | None = None) -> None:
    """Build `files` (as kankei.store.build._files gives them) into the base, extracting on a pool."""
    pool: ProcessPool | DaskPool = DaskPool(scheduler) if scheduler else ProcessPool(workers)
    try:
        _run(conn, iter(files), pool, dct, max_bytes, force, report, progress)
    finally:
        pool.close()


def _run(conn: sqlite3.Connection, files: Iterator[Path | ReadError], pool: ProcessPool | DaskPool, dct: str | None, max_bytes: int,
         force: bool, report: BuildReport, progress: Callable[[Path | None], None] | None) -> None:
    try:
        with Batch(conn) as batch:
            _loop(conn, files, pool, dct, max_bytes, force, report, progress, batch)
            batch.commit()      # here, so that a failure to is an error, not a rollback
    except sqlite3.DatabaseError as err:
        raise StoreError(explain(_db_name(conn), err)) from None


def _loop(conn: sqlite3.Connection, files: Iterator[Path | ReadError], pool: ProcessPool | DaskPool,
          dct: str | None, max_bytes: int, force: bool, report: BuildReport,
          progress: Callable[[Path | None], None] | None, batch: Batch) -> None:
    chunk = max(1, pool.chunk)
    # each worker busy with a chunk and the next one waiting for it
    window = pool.workers * max(AHEAD, 2 * chunk)
    jobs: deque[_Job] = deque()
    unsent: list[_Job] = []             # to be extracted, waiting for a chunk to fill
    flying: Counter[str] = Counter()    # documents being extracted: a second copy waits for the first
    done = False
    while True:
        while not done and len(jobs) < window:
            item = next(files, None)
            if item is None:
                done = True
            else:
                jobs.append(_start(conn, item, max_bytes, force, flying))
                if jobs[-1].wanted:
                    unsent.append(jobs[-1])
                    if len(unsent) >= chunk:
                        _send(pool, unsent, dct)
        if not jobs:
            return
        job = jobs.popleft()
        if job.wanted and job.future is None:   # the oldest document waits for no chunk to fill
            _send(pool, unsent, dct)
        if isinstance(job.item, ReadError):
            report.failed.append((path_text(job.item.path), str(job.item)))
            if progress:
                progress(None)
            continue
        if job.wanted:
            flying[job.doc_id] -= 1

        def rows_of(doc_id: str, path: str, job: _Job = job) -> DocumentRows | str:
            if not job.wanted:  # the base had it when it was read, and no longer: extracted here
                return extract_rows(job.source, doc_id, path, dct)
            batch.before_waiting(job.future)
            return _outcome(job, pool, jobs, dct)

        if not job.wanted:
            batch.commit()      # settle may write in a transaction of its own
        settle(conn, job.item, job.source, force, report, rows_of, write=batch.write, path=job.path or None)
        if progress:
            progress(job.item)


def _send(pool: ProcessPool | DaskPool, unsent: list[_Job], dct: str | None) -> None:
    """The documents waiting to be extracted, sent to the pool together."""
    futures = pool.submit_many([(job.source, job.doc_id, job.path, dct) for job in unsent])
    for job, future in zip(unsent, futures, strict=True):
        job.future = future
    unsent.clear()


def _start(conn: sqlite3.Connection, item: Path | ReadError, max_bytes: int, force: bool,
           flying: Counter[str]) -> _Job:
    """Read one file; it is wanted for extraction unless the base (or a document in flight) has it already."""
    job = _Job(item)
    if isinstance(item, ReadError):
        return job
    job.source = read_one(item, max_bytes)
    if isinstance(job.source, ReadError):
        return job
    job.doc_id, job.path = content_id(job.source.text), path_text(item.resolve())
    if not force:
        try:
            known = flying[job.doc_id] > 0 or conn.execute(
                "SELECT 1 FROM documents WHERE id = ?", (job.doc_id,)).fetchone() is not None
        except sqlite3.DatabaseError as err:
            raise StoreError(explain(_db_name(conn), err)) from None
        if known:
            return job
    job.wanted = True
    flying[job.doc_id] += 1
    return job


def _outcome(job: _Job, pool: ProcessPool | DaskPool, waiting: deque[_Job], dct: str | None) -> DocumentRows | str:
    """The rows a worker sent back for job, or why there are none. When a worker process dies, every
    document in the pool is lost: this one is tried again alone, so that the one that kills a worker
    is the one reported, and the others are sent again."""
    try:
        return job.future.result()
    except BrokenProcessPool:
        pool.restart()
        if job.retried:
            return "a worker process died extracting it (out of memory?)"
        job.retried = True
        job.future = pool.submit(job.source, job.doc_id, job.path, dct)
        try:
            return _outcome(job, pool, waiting, dct)
        finally:
            for other in waiting:
                if other.future is not None:
                    other.future = pool.submit(other.source, other.doc_id, other.path, dct)
    except Exception as err:  # noqa: BLE001 - a lost cluster worker, a cancelled task: this file fails, the batch goes on
        return f"extraction on a worker failed: {type(err).__name__}: {' '.join(str(err).split())[:200]}"
