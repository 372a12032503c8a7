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


if __name__ == "__main__":  # pragma: no cover
    main()
