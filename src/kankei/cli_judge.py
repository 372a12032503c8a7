"""The commands that record what people judge: merge two actors, split one, list and undo
judgements. They register on `kankei.cli.main`."""
from __future__ import annotations

import click

from kankei.cli import DB_OPTION, JSON_OPTION, _editing, _emit_json, _reading, main


@main.command("merge")
@click.argument("keep")
@click.argument("other")
@DB_OPTION
@click.option("--note", help="Why: kept with the judgement.")
@click.option("--author", envvar="USER", help="Who judges (default: $USER).")
def merge_cmd(keep, other, db_path, note, author) -> None:
    """Merge actor OTHER into KEEP (names, aliases or ids). Undo with `kankei split KEEP`."""
    from kankei.reconcile.judgements import JudgementError, add_judgement
    from kankei.store.queries import NotFound, resolve_entity

    with _editing(db_path) as conn:
        try:
            a, b = resolve_entity(conn, keep), resolve_entity(conn, other)
            jid = add_judgement(conn, "merge", a, b, note=note, author=author)
        except (NotFound, JudgementError) as err:
            raise click.ClickException(str(err)) from None
    click.echo(f"judgement {jid}: {b} merged into {a}")


@main.command("split")
@click.argument("name")
@DB_OPTION
@click.option("--alias", help="Separate the mentions written this way into an actor of their own.")
@click.option("--note", help="Why: kept with the judgement.")
@click.option("--author", envvar="USER", help="Who judges (default: $USER).")
def split_cmd(name, db_path, alias, note, author) -> None:
    """Undo the merges into actor NAME, or split the mentions written --alias off it."""
    from kankei.reconcile.judgements import JudgementError, add_judgement
    from kankei.store.queries import NotFound, resolve_entity

    with _editing(db_path) as conn:
        try:
            a = resolve_entity(conn, name)
            if alias and not conn.execute("SELECT 1 FROM mentions WHERE entity_id = ? AND exact = ? LIMIT 1",
                                          (a, alias)).fetchone():
                names = [r[0] for r in conn.execute("SELECT exact FROM mentions WHERE entity_id = ? GROUP BY exact"
                                                    " ORDER BY count(*) DESC LIMIT 12", (a,))]
                raise click.ClickException(f"no mention of {a} is written {alias!r}, so there is nothing to split off"
                                           + (f"; it is written {', '.join(repr(n) for n in names)}" if names else ""))
            jid = add_judgement(conn, "split", a, alias, note=note, author=author)
        except (NotFound, JudgementError) as err:
            raise click.ClickException(str(err)) from None
    click.echo(f"judgement {jid}: split {alias + ' off ' if alias else 'merges into '}{a}")


@main.command("judgements")
@DB_OPTION
@click.option("--all", "show_all", is_flag=True, help="Include undone judgements.")
@click.option("--undo", type=int, metavar="ID", help="Undo the judgement with this id.")
@JSON_OPTION
def judgements_cmd(db_path, show_all, undo, as_json) -> None:
    """List merges, splits, confirmations and rejections (by people and by the machine)."""
    from kankei.reconcile.judgements import JudgementError, list_judgements, undo_judgement

    if undo is not None:
        with _editing(db_path) as conn:
            try:
                undo_judgement(conn, undo)
            except JudgementError as err:
                raise click.ClickException(str(err)) from None
        click.echo(f"judgement {undo} undone")
        return
    with _reading(db_path) as conn:
        rows = list_judgements(conn, include_undone=show_all)
    if as_json:
        _emit_json(rows)
        return
    for r in rows:
        who = "machine" if r["machine"] else (r["author"] or "someone")
        undone = f"  (undone {r['undone_at']})" if r["undone_at"] else ""
        click.echo(f"{r['id']:>4}  {r['kind']:<8} {r['subject']}  {r['object'] or ''}  — {who}, {r['created_at']}{undone}")
    if not rows:
        click.echo("no judgements")
