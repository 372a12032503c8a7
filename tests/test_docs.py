"""The README keeps up with the command line (in the spirit of sqlite-utils' test_docs.py)."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kankei.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(main.commands)
LONG_OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z0-9-]*)")


def help_text(*args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--help"])
    assert result.exit_code == 0, result.output
    return result.stdout


def section(text: str, title: str) -> str:
    """The lines of a click help section ('Options:', 'Commands:') up to the next blank-line heading."""
    m = re.search(rf"^{title}:\n((?:[ \t].*\n?|\n)*)", text, re.MULTILINE)
    return m.group(1) if m else ""


def listed_options(text: str) -> set[str]:
    """Long option names at the start of the entries of the Options section."""
    found = set()
    for line in section(text, "Options").splitlines():
        m = re.match(r"^\s{1,4}((?:-\w, )?--?[\w-]+(?:[ /,]+--?[\w-]+)*)", line)
        if m:
            found.update(LONG_OPTION.findall(m.group(1)))
    return found


def mentioned(word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", README) is not None


def test_help_lists_every_command():
    listed = re.findall(r"^\s{2}(\w[\w-]*)\s", section(help_text(), "Commands"), re.MULTILINE)
    assert sorted(listed) == COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_command_is_documented(command: str):
    assert f"kankei {command}" in README, f"README.md does not mention `kankei {command}`"


@pytest.mark.parametrize("command", COMMANDS)
def test_command_has_help(command: str):
    assert main.commands[command].help, f"kankei {command} has no help text"


def test_group_options_are_documented():
    options = listed_options(help_text())
    assert {"--version", "--help"} <= options
    for option in options:
        assert mentioned(option), f"README.md does not mention {option}"


@pytest.mark.parametrize("command", COMMANDS)
def test_command_options_are_documented(command: str):
    options = listed_options(help_text(command))
    declared = {opt for p in main.commands[command].params if isinstance(p, click.Option)
                for opt in [*p.opts, *p.secondary_opts] if opt.startswith("--")}
    assert declared | {"--help"} == options, "every option is listed by --help"
    for option in sorted(options):
        assert mentioned(option), f"README.md does not mention {option} (of kankei {command})"


def first_block() -> tuple[str, str, int]:
    m = re.search(r"^```(\w*)\n(.*?)^```", README, re.MULTILINE | re.DOTALL)
    assert m, "README.md has no code block"
    return m.group(1), m.group(2), m.start()


def commands_of(block: str) -> list[str]:
    return [ln.strip() for ln in block.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def test_readme_starts_with_the_two_commands_in_a_sh_block():
    lang, body, start = first_block()
    assert lang == "sh"
    first_heading = re.search(r"^## ", README, re.MULTILINE)
    assert first_heading is None or start < first_heading.start(), "the commands come before any section"
    assert README[:start].count("\n\n") <= 3, "the block is at the top"
    commands = commands_of(body)
    assert len(commands) == 2
    install, tests = commands
    assert "pip install" in install and "kankei build" in install and "kankei timeline" in install
    assert "pytest" in tests


def test_readme_first_command_runs(tmp_path, monkeypatch):
    """The kankei parts of the first command work as written: a base is built and a timeline read."""
    _, body, _ = first_block()
    install = commands_of(body)[0]
    parts = [shlex.split(p) for p in install.split("&&") if "kankei" in p.split()[0]]
    assert [Path(p[0]).name for p in parts] == ["kankei", "kankei"]
    monkeypatch.chdir(tmp_path)          # the base lands in the current folder, as for a newcomer
    outputs = []
    for argv in parts:
        args = [str(ROOT / a) if (ROOT / a).exists() else a for a in argv[1:]]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout)
    assert (tmp_path / "kankei.db").exists()
    assert "2002-09-17" in outputs[-1] and "meet" in outputs[-1]
