"""--help in Italian: Typer's and Click's headings, and every command's and option's help text.

Every command's --help (listed from the Typer app) runs with --lang it and is searched for the
English words of test_i18n_no_english. What is the command line's own vocabulary is left out
first: option names, command names, the choices an option takes, type placeholders (<str>) and
environment variables. The catalogue's help.text.* entries must cover every help paragraph the
app has, and each must still match one (an entry whose English the code no longer says is stale).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer import _click as click
from typer.core import TyperArgument, TyperGroup

from clientcheck.cli.app import load_commands
from clientcheck.cli.help_words import HELP_TEXT_PREFIX, METAVAR_PREFIX
from clientcheck.i18n import catalogue, tr
from tests.conftest import CliInvoke
from tests.i18n.test_i18n_no_english import ENGLISH_WORDS, ITALIAN_WORDS, data_removed, words_of


def _tree() -> click.Command:
    return typer.main.get_command(load_commands())


def command_paths() -> list[tuple[str, ...]]:
    """Every command and group of the app, as the words that name it (the root is ())."""
    paths: list[tuple[str, ...]] = []

    def walk(command: click.Command, path: tuple[str, ...]) -> None:
        paths.append(path)
        if isinstance(command, TyperGroup):
            for name, child in command.commands.items():
                walk(child, (*path, name))

    walk(_tree(), ())
    return paths


def vocabulary() -> set[str]:
    """The command line's own words: command names and the choices options take."""
    words: set[str] = set()
    for path in command_paths():
        words.update(path)
    tree = _tree()
    for path in command_paths():
        command = tree
        for name in path:
            command = command.commands[name]  # type: ignore[attr-defined]
        for param in command.params:
            words.update(str(choice) for choice in getattr(param.type, "choices", ()) or ())
    return words


def help_removed(text: str, home: Path) -> str:
    """The help without what is the command line's, not prose (see the module's docstring)."""
    text = data_removed(text, home)  # first: the examples' command lines, whole
    text = re.sub(r"(?<![\w-])--?[a-zA-Z][\w-]*", " ", text)  # --bank-file, -h
    text = re.sub(r"<[^>\s]+>|\$?\b[A-Z][A-Z_]+\b", " ", text)  # <str>, <it|en>, CLIENTCHECK_LANG, $PAGER
    words = sorted(vocabulary(), key=len, reverse=True)
    return re.sub(r"(?<![\w-])(" + "|".join(map(re.escape, words)) + r")(?![\w-])", " ", text)


def help_paragraphs() -> set[str]:
    """Every paragraph of the app's help texts (commands', options', epilogs'), spaces collapsed;
    the examples' command lines are not prose."""
    paragraphs: set[str] = set()
    tree = _tree()
    for path in command_paths():
        command = tree
        for name in path:
            command = command.commands[name]  # type: ignore[attr-defined]
        texts = [command.help, command.epilog, *(getattr(param, "help", None) for param in command.params)]
        for text in filter(None, texts):
            for paragraph in re.split(r"\n[ \t]*\n", text.strip()):
                if not paragraph.startswith("$ clientcheck"):
                    paragraphs.add(" ".join(paragraph.split()))
    return paragraphs


def family(prefix: str) -> dict[str, str]:
    english = catalogue("en")
    assert english is not None
    return {key: english.text(key) for key in english.forms if key.startswith(prefix)}


PATHS = command_paths()


@pytest.mark.parametrize("path", PATHS, ids=lambda path: " ".join(path) or "clientcheck")
def test_help_is_italian(cli: CliInvoke, isolated_home: Path, path: tuple[str, ...]):
    italian = cli(*path, "--help", "--lang", "it")
    english = cli(*path, "--help", "--lang", "en")
    assert italian.exit_code == english.exit_code == 0, italian.output
    assert "Opzioni" in italian.stdout and "Uso:" in italian.stdout
    assert words_of(help_removed(italian.stdout, isolated_home), ENGLISH_WORDS) == [], italian.stdout
    assert words_of(help_removed(english.stdout, isolated_home), ENGLISH_WORDS)  # the search can fail
    assert words_of(help_removed(english.stdout, isolated_home), ITALIAN_WORDS) == [], english.stdout


@pytest.mark.parametrize("environ", [{"CLIENTCHECK_LANG": "it"}, {"LANGUAGE": "it", "LANG": "en_US.UTF-8"},
                                     {"LANG": "it_IT.UTF-8"}])
def test_help_follows_the_language_of_the_environment(cli: CliInvoke, isolated_home: Path,
                                                      environ: dict[str, str]):
    for args in (["--help"], ["banks", "show", "--help"], ["assess", "-h"]):
        result = cli(*args, env=environ)
        assert result.exit_code == 0, result.output
        assert "Opzioni" in result.stdout and "Options" not in result.stdout, result.stdout


@pytest.mark.parametrize("args", [["--lang", "it", "--help"], ["--help", "--lang", "it"], ["--lang=it", "-h"],
                                  ["--lang", "it"]])
def test_the_root_help_takes_lang_before_a_command(cli: CliInvoke, isolated_home: Path, args: list[str]):
    result = cli(*args)
    assert "Comandi" in result.stdout and "Codici di uscita" in result.stdout, result.output
    assert result.exit_code == (2 if args == ["--lang", "it"] else 0)  # no command is a usage error, as before


def test_english_help_is_unchanged_after_an_italian_one(cli: CliInvoke, isolated_home: Path):
    before = cli("portfolio", "--help").stdout
    assert "Opzioni" in cli("portfolio", "--help", "--lang", "it").stdout
    after = cli("portfolio", "--help").stdout
    assert after == before
    assert "Usage:" in after and "Options" in after and "Show this message and exit." in after


def test_every_help_paragraph_has_a_translation_and_every_entry_a_paragraph():
    paragraphs = help_paragraphs()
    entries = {" ".join(text.split()) for text in family(HELP_TEXT_PREFIX).values()}
    assert sorted(paragraphs - entries) == [], "help texts with no help.text.* entry in the PO files"
    assert sorted(entries - paragraphs) == [], "help.text.* entries whose English the code no longer says"
    for key in family(HELP_TEXT_PREFIX):
        assert tr("it", key) != tr("en", key), key


def test_every_placeholder_entry_is_a_metavar_of_the_app():
    tree = _tree()
    metavars = set()
    for path in PATHS:
        command = tree
        for name in path:
            command = command.commands[name]  # type: ignore[attr-defined]
        metavars |= {param.metavar or param.name for param in command.params
                     if param.metavar or isinstance(param, TyperArgument)}
    assert set(family(METAVAR_PREFIX).values()) <= metavars


def command_at(path: tuple[str, ...]) -> click.Command:
    command = _tree()
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    return command


GROUPS = [path for path in PATHS if path and isinstance(command_at(path), TyperGroup)]


@pytest.mark.parametrize("path", [(), *GROUPS], ids=lambda path: " ".join(path) or "clientcheck")
@pytest.mark.parametrize(("where", "environ"), [("after", {}), ("before", {}), ("equals", {}),
                                                ("env", {"CLIENTCHECK_LANG": "it"}), ("env", {"LANG": "it_IT.UTF-8"})])
def test_a_group_without_a_command_shows_its_help_in_italian(cli: CliInvoke, isolated_home: Path,
                                                              path: tuple[str, ...], where: str,
                                                              environ: dict[str, str]):
    args = {"after": [*path, "--lang", "it"], "before": ["--lang", "it", *path], "equals": [*path, "--lang=it"],
            "env": list(path)}[where]
    if not args:
        return  # the root with no arguments at all: its help in the locale's language is the case above
    result = cli(*args, env=environ)
    assert result.exit_code == 2  # no command is a usage error, as Click has it
    assert "Uso:" in result.stdout and "Comandi" in result.stdout, result.output
    assert words_of(help_removed(result.stdout, isolated_home), ENGLISH_WORDS) == [], result.stdout
    english = cli(*path, "--lang", "en") if path else cli()
    assert "Usage:" in english.stdout and "Commands" in english.stdout, english.output


def test_the_root_help_in_italian_lists_every_command():
    import subprocess
    import sys

    from clientcheck.cli.app import modules_for

    assert modules_for(["--lang", "it"], {}) is None and modules_for(["--lang=it"], {}) is None
    shown = subprocess.run([sys.executable, "-m", "clientcheck", "--lang", "it"], capture_output=True, text=True,
                           env={"PATH": "/usr/bin:/bin", "COLUMNS": "100", "TERM": "dumb"}, check=False)
    assert shown.returncode == 2
    assert all(f" {name} " in shown.stdout for name in ("assess", "banks", "portfolio", "letter")), shown.stdout


# Typer's and Click's own words in help: the value types (<str>, <int range>; TEXT and INTEGER in
# older Clicks), the default and required markers, the sections of help without Rich
TYPER_ENGLISH = ("str", "int", "float", "range", "path", "directory", "filename", "text", "integer", "boolean",
                 "default", "required", "env", "var", "dynamic", "usage", "options", "commands", "arguments",
                 "show", "message", "exit", "install", "completion", "current", "copy", "customize",
                 "deprecated", "args", "command", "option")


def typer_words_removed(text: str, home: Path) -> str:
    """The help without what is the command line's: examples, option names, command names, choices,
    environment variables. Placeholders (<str>) and upper-case words (TEXT) stay: they are searched."""
    text = data_removed(text, home)
    text = re.sub(r"(?<![\w-])--?[a-zA-Z][\w-]*", " ", text)
    text = re.sub(r"\$?\b[A-Z]+_[A-Z_]+\b|\$[A-Z]+", " ", text)  # CLIENTCHECK_LANG, NO_COLOR, $PAGER
    words = sorted(vocabulary(), key=len, reverse=True)
    return re.sub(r"(?<![\w-])(" + "|".join(map(re.escape, words)) + r")(?![\w-])", " ", text)


@pytest.mark.parametrize("rich", [True, False], ids=["rich", "plain"])
@pytest.mark.parametrize("path", PATHS, ids=lambda path: " ".join(path) or "clientcheck")
def test_typers_own_words_are_italian(cli: CliInvoke, isolated_home: Path, monkeypatch: pytest.MonkeyPatch,
                                      path: tuple[str, ...], rich: bool):
    monkeypatch.setattr(typer.core, "HAS_RICH", rich)  # TYPER_USE_RICH=0: Click's own help formatter
    italian = cli(*path, "--help", "--lang", "it")
    assert italian.exit_code == 0, italian.output
    assert words_of(typer_words_removed(italian.stdout, isolated_home), TYPER_ENGLISH) == [], italian.stdout
    english = cli(*path, "--help", "--lang", "en").stdout
    assert words_of(typer_words_removed(english, isolated_home), TYPER_ENGLISH)  # the search can fail
    assert cli(*path, "--help", "--lang", "en").stdout == english  # and English help is as it was


def test_the_value_types_get_their_english_names_back(cli: CliInvoke, isolated_home: Path):
    from typer._click import types

    assert "<testo>" in cli("assess", "--help", "--lang", "it").stdout
    assert types.STRING.name == "str" and "<str>" in cli("assess", "--help").stdout
