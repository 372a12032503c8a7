"""The command line: a thin layer over the library."""
from __future__ import annotations

import contextlib
import datetime
import re
import sys

import click
import orjson

from kankei import __version__


def _check_edtf(_ctx, _param, value: str | None) -> str | None:
    if value is None:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value, re.ASCII)
    try:
        if m is None:
            raise ValueError
        year, month, day = (int(g) if g else 1 for g in m.groups())
        datetime.date(year, month, day)  # rejects 2015-13 and 2015-02-30
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: give it as YYYY, YYYY-MM or YYYY-MM-DD") from None
    return value


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kankei")
def main() -> None:
    """kankei: turn documents about Japan–North Korea relations into an evidence-grounded knowledge base."""


@main.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="jsonl: one spec record per line; table: a readable view for the terminal.")
@click.option("--dct", callback=_check_edtf, metavar="EDTF",
              help="The documents' own date (YYYY[-MM[-DD]]), for 'today', 'last October' and the like. "
                   "Overrides a date read from the text.")
@click.option("--max-size", default=200, show_default=True, metavar="MB", type=click.IntRange(1),
              help="Skip files larger than this many megabytes.")
def extract_cmd(paths: tuple[str, ...], fmt: str, dct: str | None, max_size: int) -> None:
    """Extract dates, quantities, actors and events from files and folders (recursively).

    Writes JSON Lines records (document, time, quantity, entity, event) to stdout, each
    with its character span in the source. Files that cannot be read are reported on
    stderr, the rest are still processed, and the exit status is 1 if any file failed.
    """
    from kankei.extract import ExtractError, ReadWarning, stream_paths
    from kankei.read import ReadError

    failed = 0
    out = sys.stdout.buffer
    for item in stream_paths(paths, dct=dct, max_bytes=max_size * 1024 * 1024):
        if isinstance(item, ReadWarning):
            click.echo(f"kankei: {_shown(item.path)}: warning: {item}", err=True)
            continue
        if isinstance(item, ReadError):
            failed += 1
            click.echo(f"kankei: {_shown(item.path)}: {item}", err=True)
            continue
        try:
            if fmt == "jsonl":
                # streamed in slices: a huge document is extracted piece by piece, never held whole
                batch: list[bytes] = []
                for record in item:
                    batch.append(orjson.dumps(record))
                    if len(batch) == 1000:
                        out.write(b"\n".join(batch) + b"\n")
                        batch.clear()
                if batch:
                    out.write(b"\n".join(batch) + b"\n")
            else:
                from kankei.table import render_table
                out.write(render_table(list(item)).encode("utf-8"))
            out.flush()
        except BrokenPipeError:
            _reader_gone()      # ('kankei extract ... | head'): whoever read the output stopped reading
        except Exception as err:  # a bug for this file: reported, and the batch goes on
            failed += 1
            click.echo(f"kankei: {_shown(item.path)}: {ExtractError(item.path, err)}", err=True)
            continue
    if failed:
        sys.exit(1)


def _reader_gone() -> None:
    """Stop quietly, as Unix tools do when the reader of their output has closed it (no error
    per remaining file, no traceback from the final flush)."""
    import os
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(141)       # (128 + SIGPIPE, what a shell reports for a tool killed by the closed pipe)


def _shown(path) -> str:
    """A path for a message: bytes that are not UTF-8 in a file name written as \\xNN, not a crash."""
    import os
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


DB_OPTION = click.option("--db", "db_path", default="kankei.db", show_default=True, type=click.Path(dir_okay=False),
                         envvar="KANKEI_DB", help="The knowledge base: a file, or a postgresql://user@host/dbname URL (env KANKEI_DB).")
JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts instead of text.")


def _open(db_path: str, readonly: bool = True):
    from kankei.store import StoreError, connect
    try:
        return connect(db_path, readonly=readonly)
    except StoreError as err:
        raise click.ClickException(str(err)) from None


@contextlib.contextmanager
def _reading(db_path: str):
    """The open base; a locked or corrupt file becomes a one-line error, not a traceback."""
    import sqlite3

    from kankei.store.db import explain
    from kankei.store.queries import NotFound

    conn = _open(db_path)
    try:
        yield conn
    except NotFound as err:
        raise click.ClickException(str(err)) from None
    except sqlite3.DatabaseError as err:
        raise click.ClickException(explain(db_path, err)) from None
    finally:
        conn.close()


@contextlib.contextmanager
def _editing(db_path: str):
    """The base, open for writing judgements: it must already be a kankei base (a missing or empty
    file is not made one), and a damaged or locked file is a one-line error, not a traceback."""
    import sqlite3

    from kankei.store.db import explain

    _open(db_path).close()          # exists, is a kankei base, is not newer: else a clear error
    conn = _open(db_path, readonly=False)
    try:
        yield conn
    except sqlite3.DatabaseError as err:
        raise click.ClickException(explain(db_path, err)) from None
    finally:
        conn.close()


def _check_filter_date(_ctx, _param, value: str | None) -> str | None:
    if value is None:
        return None
    from kankei.store.queries import filter_bounds
    try:
        filter_bounds(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None
    return value


def _emit_json(data) -> None:
    sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")


@main.command("build")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@DB_OPTION
@click.option("--dct", callback=_check_edtf, metavar="EDTF", help="The documents' own date, if the text doesn't say it.")
@click.option("--max-size", default=200, show_default=True, metavar="MB", type=click.IntRange(1),
              help="Skip files larger than this many megabytes.")
@click.option("--force", is_flag=True, help="Re-extract documents even if they are unchanged.")
@click.option("--keep-missing", is_flag=True,
              help="Keep documents whose files were deleted from the folders given (removed by default).")
@click.option("--workers", default=1, show_default=True, metavar="N", type=click.IntRange(1),
              help="Extract in N processes on this machine (this one writes). The base is the same as with 1.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Extract on a Dask cluster (tcp://host:8786); needs pip install 'kankei[cluster]'.")
@JSON_OPTION
def build_cmd(paths, db_path, dct, max_size, force, keep_missing, workers, scheduler, as_json) -> None:
    """Extract files and folders into a knowledge base (one SQLite file).

    Re-running is cheap and safe: unchanged documents are skipped, changed ones replace
    their own statements, documents whose files are gone from the folders given are
    removed, and each document is written in one transaction, so an interrupted build
    leaves the base consistent and the next run resumes.
    """
    import os
    import time

    from kankei.read import iter_paths
    from kankei.store import StoreError, connect
    from kankei.store.build import build
    from kankei.store.db import build_timeout
    from kankei.store.parallel import ParallelError
    from kankei.store.pg import is_url, redact

    if scheduler and workers > 1:
        raise click.UsageError("give --workers or --scheduler, not both (a cluster has its own workers)")
    created = not is_url(db_path) and not os.path.exists(db_path)

    def discard_if_empty(conn=None) -> None:
        """A base this build created and wrote no document to is removed, not left as an empty file."""
        if not created:
            return
        try:
            if conn is not None and conn.execute("SELECT 1 FROM documents LIMIT 1").fetchone():
                return
        except Exception:  # noqa: BLE001 - a base too damaged to ask holds nothing worth keeping
            pass
        if conn is not None:
            conn.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                os.remove(db_path + suffix)

    try:
        # another build writing the same base is waited for, document by document
        conn = connect(db_path, timeout=build_timeout())
    except StoreError as err:
        discard_if_empty()
        raise click.ClickException(str(err)) from None
    try:
        show_bar = sys.stderr.isatty() and not as_json
        total = sum(1 for _ in iter_paths(paths)) if show_bar else 0
        options = dict(dct=dct, max_bytes=max_size * 1024 * 1024, force=force, prune=not keep_missing,
                       workers=workers, scheduler=scheduler)
        if show_bar:
            started, done = time.monotonic(), [0]

            def shown(p) -> str:
                rate = done[0] / max(time.monotonic() - started, 1e-3)
                return f"{rate:.1f} files/s" + (f"  {p.name}" if p else "")

            def advance(p) -> None:
                done[0] += 1
                bar.update(1, p)

            with click.progressbar(length=total, label="extracting", file=sys.stderr,
                                   show_pos=True, show_eta=True, item_show_func=shown) as bar:
                report = build(conn, paths, progress=advance, **options)
        else:
            report = build(conn, paths, **options)
    except ParallelError as err:
        discard_if_empty(conn)
        raise click.ClickException(str(err)) from None
    except KeyboardInterrupt:
        discard_if_empty(conn)
        click.echo("\nkankei: interrupted; documents finished so far are saved, run the same command to resume",
                   err=True)
        sys.exit(130)
    except StoreError as err:
        discard_if_empty(conn)
        raise click.ClickException(f"{err} (documents finished before this are saved)") from None
    else:
        discard_if_empty(conn)
    finally:
        conn.close()
    for path, warning in report.warnings:
        click.echo(f"kankei: {path}: warning: {warning}", err=True)
    for path, error in report.failed:
        click.echo(f"kankei: {path}: {error}", err=True)
    if as_json:
        _emit_json(report.as_dict())
    else:
        click.echo(f"{redact(db_path)}: {len(report.added)} added, {len(report.replaced)} replaced, "
                   f"{len(report.unchanged)} unchanged, {len(report.removed)} removed, {len(report.failed)} failed", err=True)
    if report.failed:
        sys.exit(1)


@main.command("timeline")
@DB_OPTION
@click.option("--actor", help="Only events with this actor (a name, alias or id).")
@click.option("--type", "type_", help="Only events of this type (found, meet, sanction, ...).")
@click.option("--from", "date_from", metavar="EDTF", callback=_check_filter_date,
              help="Only events that may fall on or after this date (1959, 1959-12, 1959-12-14, 195X...).")
@click.option("--to", "date_to", metavar="EDTF", callback=_check_filter_date,
              help="Only events that may fall on or before this date.")
@click.option("--limit", type=click.IntRange(1), help="At most this many events.")
@JSON_OPTION
def timeline_cmd(db_path, actor, type_, date_from, date_to, limit, as_json) -> None:
    """Events in date order, each with its actors, a short quote and its source.

    Dates of different precision sort by the earliest day they can denote, then the latest:
    195X, 1959, 1959/1984, 1959-12, 1959-12-14. One occurrence told by several documents is
    one entry, its most precise telling, with the other tellings' sources. With --json: a list
    of events (every telling), each with id, type, date (EDTF), trigger, start, end, modality,
    hedged, participants (role, entity, name, type, start, end), quote, doc, title, document_id,
    cameo, goldstein, quad, plover and group (the occurrence it tells).
    """
    from kankei.store.queries import filter_bounds, timeline
    from kankei.views import render_timeline

    if date_from and date_to and filter_bounds(date_from)[0] > filter_bounds(date_to)[1]:
        raise click.BadParameter(f"--from {date_from} is after --to {date_to}", param_hint="'--from'")
    if type_:
        from kankei.knowledge import load
        types = sorted(load("event_types")["types"])
        if type_ not in types:
            raise click.BadParameter(f"unknown event type {type_!r}; one of {', '.join(types)}", param_hint="'--type'")
    with _reading(db_path) as conn:
        try:
            events = timeline(conn, actor=actor, type_=type_, date_from=date_from, date_to=date_to, limit=limit)
        except ValueError as err:
            raise click.BadParameter(str(err)) from None
    if as_json:
        _emit_json(events)
    else:
        click.echo(render_timeline(events))


@main.command("entity")
@click.argument("name")
@DB_OPTION
@JSON_OPTION
def entity_cmd(name, db_path, as_json) -> None:
    """An actor (by name, alias or id): its aliases, type, events over time and the actors it interacts with most."""
    from kankei.store.queries import entity
    from kankei.views import render_entity

    with _reading(db_path) as conn:
        data = entity(conn, name)
    if as_json:
        _emit_json(data)
    else:
        click.echo(render_entity(data))


@main.command("show")
@click.argument("statement_id", metavar="ID")
@DB_OPTION
@JSON_OPTION
def show_cmd(statement_id, db_path, as_json) -> None:
    """An event or statement (by its id) with every source sentence and note behind it.

    Also a claim, series or conflict (ids from `kankei claims` and `kankei conflicts`): its
    values, sources and quotes, and for a claim the series and disagreements it belongs to.
    """
    from kankei.store.queries import NotFound, show
    from kankei.views import render_claim_item, render_show

    if statement_id.startswith(("claim:", "series:", "conflict:")):
        from kankei.reconcile.claim_store import explain

        with _reading(db_path) as conn:
            data = explain(conn, statement_id)
            if data is None:
                raise NotFound(f"no {statement_id.split(':', 1)[0]} with id {statement_id!r}")
        _emit_json(data) if as_json else click.echo(render_claim_item(data))
        return
    with _reading(db_path) as conn:
        data = show(conn, statement_id)
    if as_json:
        _emit_json(data)
    else:
        click.echo(render_show(data))


@main.command("export")
@DB_OPTION
@click.option("--format", "fmt", required=True,
              type=click.Choice(["csv", "jsonl", "timelinejs", "graphml", "gexf", "plover", "webannotation"]),
              help="csv/jsonl: tables; timelinejs: TimelineJS JSON; graphml/gexf: the actor network for Gephi; "
                   "plover: PLOVER event JSON lines with offsets; webannotation: W3C Web Annotation JSON-LD.")
@click.option("--table", default="events", show_default=True,
              type=click.Choice(["events", "entities", "mentions", "quantities", "times"]),
              help="Which table, for csv and jsonl.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, writable=True), help="Write to this file, not stdout.")
def export_cmd(db_path, fmt, table, out_path) -> None:
    """Write the knowledge base in a format other tools open."""
    import os

    from kankei.export import export

    with _reading(db_path) as conn:
        if out_path:
            part = f"{out_path}.part"
            try:
                with open(part, "w", encoding="utf-8", newline="") as f:
                    n = export(conn, fmt, f, table=table)
                os.replace(part, out_path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.remove(part)
                raise
            click.echo(f"{out_path}: {n} items", err=True)
        else:
            export(conn, fmt, sys.stdout, table=table)


def _claim_subject(conn, subject: str | None) -> str | None:
    """An actor's id from any of its names; else the text as given (a population: "returnees to North Korea")."""
    from kankei.store.queries import NotFound, resolve_entity

    if not subject:
        return None
    try:
        return resolve_entity(conn, subject)
    except NotFound:
        return subject


PAGE_OPTIONS = [click.option("--limit", type=click.IntRange(1), default=None, help="At most this many (default: all)."),
                click.option("--offset", type=click.IntRange(0), default=0, show_default=True,
                             help="Skip this many first (with --limit: the next page).")]


def _paged(f):
    for option in reversed(PAGE_OPTIONS):
        f = option(f)
    return f


@main.command("claims")
@click.argument("subject", required=False)
@DB_OPTION
@JSON_OPTION
@_paged
def claims_cmd(subject, db_path, as_json, limit, offset) -> None:
    """Numbers as series over time (by subject and property), each point with its sources."""
    from kankei.reconcile.claim_store import series_page
    from kankei.store.pg import redact
    from kankei.views import render_claims

    with _reading(db_path) as conn:
        total, data = series_page(conn, _claim_subject(conn, subject), limit, offset)
    if subject and not total:
        raise click.ClickException(f"no claims about {subject!r} in {redact(db_path)} (`kankei claims` lists every subject)")
    _emit_json(data) if as_json else click.echo(render_claims(data) + _more(total, offset, len(data)))


@main.command("conflicts")
@click.argument("subject", required=False)
@DB_OPTION
@JSON_OPTION
@_paged
def conflicts_cmd(subject, db_path, as_json, limit, offset) -> None:
    """Disagreements: sources giving incompatible numbers for the same thing at the same time."""
    from kankei.reconcile.claim_store import conflicts_page, series_page
    from kankei.store.pg import redact
    from kankei.views import render_conflicts

    with _reading(db_path) as conn:
        about = _claim_subject(conn, subject)
        total, data = conflicts_page(conn, about, limit, offset)
        if subject and not total and not series_page(conn, about, 1)[0]:
            raise click.ClickException(f"no claims about {subject!r} in {redact(db_path)} (`kankei claims` lists every subject)")
    _emit_json(data) if as_json else click.echo(render_conflicts(data) + _more(total, offset, len(data)))


def _more(total: int, offset: int, shown: int) -> str:
    """A line saying what a page leaves out, if anything."""
    if offset + shown >= total:
        return ""
    return f"\n({offset + 1}-{offset + shown} of {total}; --offset {offset + shown} for more)"


@main.command("serve")
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on (the default answers this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="The port to listen on.")
@click.option("--allow-edits", is_flag=True,
              help="Let the pages record corrections (confirm, reject, merge, split) as judgements; prints a token "
                   "that every edit must carry.")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Server processes answering requests (default: one per core, at most 4).")
def serve_cmd(db_path, host, port, allow_edits, workers) -> None:
    """A local web explorer of the knowledge base: timeline, actor network, document reader, search, claims.

    The API is under /api/ and documented at /docs.
    """
    from kankei.serve import serve
    from kankei.store import StoreError

    try:
        serve(db_path, host=host, port=port, allow_edits=allow_edits, workers=workers)
    except StoreError as err:
        raise click.ClickException(str(err)) from None


from kankei import cli_judge  # noqa: E402,F401  (registers merge, split and judgements on main)

if __name__ == "__main__":  # pragma: no cover
    main()
