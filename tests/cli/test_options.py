"""The options several commands share (cli/options.py): every command takes --lang and --no-color,
and --json where it makes sense, and they may come before the command's name (issue 14, point 5)."""

from __future__ import annotations

import json

import pytest
import typer.main
from typer import rich_utils

from clientcheck.cli.app import load_commands
from tests.conftest import CliInvoke


def leaf_commands() -> list[tuple[str, ...]]:
    """Every command as typed (``("banks", "show")``), read from the Typer app: a new one is covered."""
    import typer

    from clientcheck.cli.app import load_commands

    root = typer.main.get_command(load_commands())
    found: list[tuple[str, ...]] = []

    def walk(command, path: tuple[str, ...]) -> None:
        children = getattr(command, "commands", None)
        if children is None:
            found.append(path)
            return
        for name, child in children.items():
            walk(child, (*path, name))

    walk(root, ())
    return found


def _options_of(path: tuple[str, ...]) -> set[str]:
    import typer

    from clientcheck.cli.app import load_commands

    command = typer.main.get_command(load_commands())
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    return {flag for parameter in command.params for flag in getattr(parameter, "opts", [])}


NOT_JSON = {("answers-template",)}  # writes YAML: a JSON form of it would be another command


def test_every_command_takes_lang_and_no_color_and_json_where_it_makes_sense() -> None:
    commands = leaf_commands()
    assert len(commands) >= 17 and ("banks", "validate") in commands and ("letter",) in commands
    for path in commands:
        options = _options_of(path)
        assert {"--lang", "--no-color"} <= options, path
        assert ("--json" in options) is (path not in NOT_JSON), path


@pytest.mark.parametrize("args", [
    ("--lang", "it", "clients"), ("--lang=it", "clients"), ("--no-color", "--lang", "it", "clients", "--json"),
])
def test_shared_options_before_the_command_name(cli: CliInvoke, args: tuple[str, ...]) -> None:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    after = cli("clients", *[a for a in args if a != "clients"])
    assert result.stdout == after.stdout
    assert ("Nessun cliente" in result.stdout) or json.loads(result.stdout)["clients"] == []


def test_shared_options_before_a_group_and_its_command(cli: CliInvoke) -> None:
    before = cli("--json", "--lang", "it", "banks", "list")
    between = cli("banks", "--json", "--lang", "it", "list")
    after = cli("banks", "list", "--json", "--lang", "it")
    assert before.exit_code == between.exit_code == after.exit_code == 0
    assert before.stdout == between.stdout == after.stdout
    assert json.loads(before.stdout)["kind"] == "clientcheck.banks"


def test_relocation_moves_only_the_shared_options_and_only_past_a_command_name() -> None:
    from clientcheck.cli.options import relocate_shared_options as move

    assert move(["--lang", "it", "clients", "-x"]) == ["clients", "--lang", "it", "-x"]
    assert move(["--help", "--json", "letter"]) == ["--help", "letter", "--json"]
    assert move(["--lang", "it"]) == ["--lang", "it"]  # no command: Click says what is wrong
    assert move(["clients", "--lang", "it"]) == ["clients", "--lang", "it"]
    assert move(["--json", "--", "clients"]) == ["--json", "--", "clients"]



@pytest.mark.parametrize("group", [(), ("banks",)])
@pytest.mark.parametrize("language", ["en", "it"])
def test_a_group_lists_each_command_on_one_line_when_the_terminal_is_wide_enough(
        cli: CliInvoke, group: tuple[str, ...], language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # a docstring's line breaks are not the reader's: on a wide terminal, no description is cut short
    monkeypatch.setattr(rich_utils, "MAX_WIDTH", 400)  # what TERMINAL_WIDTH sets, read when Typer loads
    result = cli(*group, "--lang", language, "--help")
    assert result.exit_code == 0, result.output
    panel = result.output.split("─ Com")[1].split("╰")[0]  # Commands / Comandi
    names = [line.strip("│ ").split()[0] for line in panel.splitlines()[1:] if line.strip("│ ")]
    root = typer.main.get_command(load_commands())
    listed = root.commands["banks"].commands if group else root.commands  # type: ignore[attr-defined]
    assert names == list(listed), panel
