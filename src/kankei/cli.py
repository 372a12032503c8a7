"""The command line: a thin layer over the library."""
from __future__ import annotations

import re
import sys

import click
import orjson

from kankei import __version__


def _check_edtf(_ctx, _param, value: str | None) -> str | None:
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value):
        raise click.BadParameter("give the document date as YYYY, YYYY-MM or YYYY-MM-DD")
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
    """Extract dates, quantities and actors from files and folders (recursively).

    Writes JSON Lines records (document, time, quantity, entity) to stdout, each with its
    character span in the source. Files that cannot be read are reported on stderr, the
    rest are still processed, and the exit status is 1 if any file failed.
    """
    from kankei.extract import extract_paths
    from kankei.read import ReadError

    failed = 0
    out = sys.stdout.buffer
    for item in extract_paths(paths, dct=dct, max_bytes=max_size * 1024 * 1024):
        if isinstance(item, ReadError):
            failed += 1
            click.echo(f"kankei: {item.path}: {item}", err=True)
            continue
        records = item.records()
        if fmt == "jsonl":
            out.write(b"".join(orjson.dumps(r) + b"\n" for r in records))
        else:
            from kankei.table import render_table
            out.write(render_table(records).encode("utf-8"))
        out.flush()
    if failed:
        sys.exit(1)


DB_OPTION = click.option("--db", "db_path", default="kankei.db", show_default=True, type=click.Path(dir_okay=False),
                         envvar="KANKEI_DB", help="The knowledge base file (env KANKEI_DB).")
JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts instead of text.")


def _open(db_path: str, readonly: bool = True):
    from kankei.store import StoreError, connect
    try:
        return connect(db_path, readonly=readonly)
    except StoreError as err:
        raise click.ClickException(str(err)) from None


def _emit_json(data) -> None:
    sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")


@main.command("build")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@DB_OPTION
@click.option("--dct", callback=_check_edtf, metavar="EDTF", help="The documents' own date, if the text doesn't say it.")
@click.option("--max-size", default=200, show_default=True, metavar="MB", type=click.IntRange(1),
              help="Skip files larger than this many megabytes.")
@click.option("--force", is_flag=True, help="Re-extract documents even if they are unchanged.")
@JSON_OPTION
def build_cmd(paths, db_path, dct, max_size, force, as_json) -> None:
    """Extract files and folders into a knowledge base (one SQLite file).

    Re-running is cheap and safe: unchanged documents are skipped, changed ones replace
    their own statements, and each document is written in one transaction, so an
    interrupted build leaves the base consistent and the next run resumes.
    """
    from kankei.read import iter_paths
    from kankei.store.build import build

    conn = _open(db_path, readonly=False)
    show_bar = sys.stderr.isatty() and not as_json
    total = sum(1 for _ in iter_paths(paths)) if show_bar else 0
    try:
        if show_bar:
            with click.progressbar(length=total, label="extracting", file=sys.stderr,
                                   show_pos=True, show_eta=True, item_show_func=lambda p: p.name if p else "") as bar:
                report = build(conn, paths, dct=dct, max_bytes=max_size * 1024 * 1024, force=force,
                               progress=lambda p: bar.update(1, p))
        else:
            report = build(conn, paths, dct=dct, max_bytes=max_size * 1024 * 1024, force=force)
    except KeyboardInterrupt:
        click.echo("\nkankei: interrupted; documents finished so far are saved, run the same command to resume",
                   err=True)
        sys.exit(130)
    finally:
        conn.close()
    for path, error in report.failed:
        click.echo(f"kankei: {path}: {error}", err=True)
    if as_json:
        _emit_json(report.as_dict())
    else:
        click.echo(f"{db_path}: {len(report.added)} added, {len(report.replaced)} replaced, "
                   f"{len(report.unchanged)} unchanged, {len(report.failed)} failed", err=True)
    if report.failed:
        sys.exit(1)


@main.command("timeline")
@DB_OPTION
@click.option("--actor", help="Only events with this actor (a name, alias or id).")
@click.option("--type", "type_", help="Only events of this type (found, meet, sanction, ...).")
@click.option("--from", "date_from", metavar="EDTF", help="Only events that may fall on or after this date.")
@click.option("--to", "date_to", metavar="EDTF", help="Only events that may fall on or before this date.")
@click.option("--limit", type=click.IntRange(1), help="At most this many events.")
@JSON_OPTION
def timeline_cmd(db_path, actor, type_, date_from, date_to, limit, as_json) -> None:
    """Events in date order, each with its actors, a short quote and its source."""
    from kankei.store.queries import NotFound, timeline
    from kankei.views import render_timeline

    conn = _open(db_path)
    try:
        events = timeline(conn, actor=actor, type_=type_, date_from=date_from, date_to=date_to, limit=limit)
    except NotFound as err:
        raise click.ClickException(str(err)) from None
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
    """An actor: its aliases, type, events over time and the actors it interacts with most."""
    from kankei.store.queries import NotFound, entity
    from kankei.views import render_entity

    conn = _open(db_path)
    try:
        data = entity(conn, name)
    except NotFound as err:
        raise click.ClickException(str(err)) from None
    if as_json:
        _emit_json(data)
    else:
        click.echo(render_entity(data))


@main.command("show")
@click.argument("statement_id", metavar="ID")
@DB_OPTION
@JSON_OPTION
def show_cmd(statement_id, db_path, as_json) -> None:
    """An event or statement (by its id) with every source sentence and note behind it."""
    from kankei.store.queries import NotFound, show
    from kankei.views import render_show

    conn = _open(db_path)
    try:
        data = show(conn, statement_id)
    except NotFound as err:
        raise click.ClickException(str(err)) from None
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
    from kankei.export import export

    conn = _open(db_path)
    if out_path:
        with open(out_path, "w", encoding="utf-8", newline="") as f:
            n = export(conn, fmt, f, table=table)
        click.echo(f"{out_path}: {n} items", err=True)
    else:
        export(conn, fmt, sys.stdout, table=table)


if __name__ == "__main__":  # pragma: no cover
    main()
