"""Every command's error paths in the reader's language: no English word (test_i18n_no_english's
list) in what ``--lang it`` prints, and no Italian one in what ``--lang en`` prints.

The commands and their parameters are read from the Typer app, so a new command or option is
covered as soon as it exists: each command with an unknown option, without its required
arguments, with a value its choices or its type refuse; then the data errors each command can
meet (an unknown client or bank, a missing file, a broken bank, answers file or import) and the
data folder's (a damaged database, one from a newer clientcheck, a dangling link, a home folder
that is a file, a read-only folder), with NO_COLOR and TERM=dumb and ``--json``. A ``--json``
document on stdout is for programs and is left out; what reaches stderr is searched."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
import typer.main
from typer import _click as click
from typer.core import TyperArgument, TyperGroup, TyperOption
from typer.testing import Result

from clientcheck.cli.app import load_commands
from tests.clients_helpers import open_store, record
from tests.conftest import CliInvoke
from tests.i18n.test_i18n_no_english import ENGLISH_WORDS, ITALIAN_WORDS, REPO, data_removed, words_of
from tests.saved.test_store_faults import readonly_home  # noqa: F401  (a fixture: a read-only data folder)

ANSWERS = REPO / "tests" / "answers" / "ci-starter.yaml"
WHALE = REPO / "tests" / "scenarios" / "whale-000.yaml"
BROKEN_BANK = REPO / "tests" / "banks" / "many-problems.yaml"
SHARED = {"lang", "json_output", "no_color", "help"}


def leaf_commands() -> dict[tuple[str, ...], click.Command]:
    """Every command of the app (not the groups), by the words that name it."""
    found: dict[tuple[str, ...], click.Command] = {}

    def walk(command: click.Command, path: tuple[str, ...]) -> None:
        if isinstance(command, TyperGroup):
            for name, child in command.commands.items():
                walk(child, (*path, name))
        else:
            found[path] = command

    walk(typer.main.get_command(load_commands()), ())
    return found


COMMANDS = leaf_commands()


def usage_errors() -> list[list[str]]:
    """For every command: an unknown option, its required arguments left out, and each option's
    value refused by its choices or its type."""
    lines: list[list[str]] = []
    for path, command in COMMANDS.items():
        lines.append([*path, "--nope"])
        if any(param.required for param in command.params):
            lines.append(list(path))
        for param in command.params:
            if param.name in SHARED or not isinstance(param, TyperOption) or param.is_flag:
                continue
            type_name = type(param.type).__name__
            if getattr(param.type, "choices", None):
                lines.append([*path, param.opts[0], "bogus"])
            elif type_name in ("IntRange", "IntParamType"):
                lines.append([*path, param.opts[0], "abc"])
                lines.append([*path, param.opts[0], "0"])
        if any(isinstance(param, TyperArgument) and getattr(param.type, "choices", None) for param in command.params):
            lines.append([*path, "bogus"])
    return lines


def file_names(folder: Path) -> dict[str, Path]:
    return {"answers": folder / "risposte.yaml", "wrong_answers": folder / "sbagliate.yaml",
            "export": folder / "backup.json", "not_json": folder / "rotto.json", "tabs": folder / "tabs.yaml",
            "missing": folder / "manca.yaml", "no_answers": folder / "senza.yaml"}


def broken_files(folder: Path) -> dict[str, Path]:
    """A broken answers file (and one that does not fit its bank), a broken export and a text that
    is not JSON, a bank indented with tabs; and the name of a file that is not there."""
    folder.mkdir(parents=True, exist_ok=True)
    answers = folder / "risposte.yaml"
    answers.write_text("bank: starter\nanswers:\n  pays_late: spessissimo\n  nope: si\n  revenue_share: 300\n"
                       "  has_contract: [1\n", encoding="utf-8")
    wrong_answers = folder / "sbagliate.yaml"
    wrong_answers.write_text("bank: starter\nanswers:\n  pays_late: spessissimo\n  nope: si\n  revenue_share: 300\n",
                             encoding="utf-8")
    export = folder / "backup.json"
    export.write_text(json.dumps({"kind": "clientcheck.export", "schema_version": 1, "clients": [
        {"name": "Acme", "assessments": [{"id": "short", "timestamp": "ieri", "result": {}}], "extra": 1}]}),
        encoding="utf-8")
    not_json = folder / "rotto.json"
    not_json.write_text('{"kind": "clientcheck.export", "clients": [1 2]}', encoding="utf-8")
    (folder / "senza.yaml").write_text("bank: starter\n", encoding="utf-8")  # no 'answers:' at all
    tabs = folder / "tabs.yaml"
    tabs.write_text("id: x\n\tversion: 1\nquestions: 'open\n", encoding="utf-8")
    return file_names(folder)


def data_errors(files: dict[str, Path]) -> list[list[str]]:
    """What each command can meet in the data it is given."""
    missing, answers = str(files["missing"]), str(files["answers"])
    return [
        ["assess", "--bank", "nope", "--answers", str(ANSWERS)],
        ["assess", "--bank", "startr", "--answers", str(ANSWERS)],
        ["assess", "--bank-file", missing, "--answers", str(ANSWERS)],
        ["assess", "--bank-file", str(REPO / "tests"), "--answers", str(ANSWERS)],  # a folder
        ["assess", "--bank-file", str(BROKEN_BANK), "--answers", str(ANSWERS)],
        ["assess", "--bank-file", str(files["tabs"]), "--answers", str(ANSWERS)],
        ["assess", "--bank", "starter", "--answers", missing],
        ["assess", "--bank", "starter", "--answers", answers],
        ["assess", "--bank", "starter", "--answers", str(files["wrong_answers"])],
        ["assess", "--bank", "starter", "--answers", str(files["no_answers"])],
        ["assess", "--bank", "starter"],  # no terminal to ask on
        ["assess", "--bank", "starter", "--answers", str(ANSWERS), "--resume"],
        ["assess", "--bank", "starter", "--answers", str(ANSWERS), "--no-save", "--client", "Acme"],
        ["answers-template", "--bank", "nope"],
        ["answers-template", "--bank-file", str(BROKEN_BANK)],
        ["answers-template"],
        ["history", "Nessuno"],
        ["history", "Acm"],
        ["report", "Nessuno"],
        ["forget", "Nessuno", "--yes"],
        ["forget", "Acme srl"],  # no terminal to confirm on
        ["import", missing],
        ["import", str(files["export"])],
        ["import", str(files["not_json"])],
        ["import", "-"],
        ["banks", "show", "nope"],
        ["banks", "show", "--bank-file", str(BROKEN_BANK)],
        ["banks", "validate", missing],
        ["banks", "validate", str(BROKEN_BANK)],
        ["banks", "validate", str(files["tabs"]), "--strict"],
        ["banks", "new", "Not An Id"],
        ["banks", "new", "starter"],
        ["letter", "--to", "person"],
        ["exit-plan", "--planned"],
    ]


STORE_COMMANDS = [["clients"], ["history", "Acme"], ["portfolio"], ["report", "Acme"], ["export"],
                  ["forget", "Acme", "--yes"],
                  ["assess", "--bank", "whale", "--answers", str(WHALE), "--client", "Acme"]]


def damaged(home: Path) -> None:
    home.mkdir(parents=True)
    (home / "clientcheck.db").write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)


def newer(home: Path) -> None:
    with open_store(home) as store:
        store.save_assessment(record("Acme", "2026-01-01T10:00:00Z"))
    raw = sqlite3.connect(home / "clientcheck.db")
    raw.execute("PRAGMA user_version = 99")
    raw.close()


def dangling(home: Path) -> None:
    home.mkdir(parents=True)
    (home / "clientcheck.db").symlink_to(home / "gone.db")


def not_ours(home: Path) -> None:
    home.mkdir(parents=True)
    raw = sqlite3.connect(home / "clientcheck.db")
    raw.execute("CREATE TABLE other (x)")
    raw.commit()
    raw.close()


def home_is_file(home: Path) -> None:
    home.parent.mkdir(parents=True, exist_ok=True)
    home.write_text("a file where the folder should be", encoding="utf-8")


HOMES: dict[str, Callable[[Path], None]] = {"damaged": damaged, "newer": newer, "dangling": dangling,
                                            "not ours": not_ours, "home is a file": home_is_file}


@pytest.fixture
def saved(cli: CliInvoke, isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLIENTCHECK_NOW", "2026-12-01T10:00:00Z")
    result = cli("assess", "--bank", "whale", "--answers", str(WHALE), "--client", "Acme srl")
    assert result.exit_code == 0, result.stderr
    assert cli("banks", "new", "starter").exit_code == 0  # so that 'banks new starter' finds it there
    return isolated_home


def searched(result: Result, home: Path, json_output: bool) -> str:
    """What a reader reads: stderr, and stdout unless it is a JSON document."""
    stdout = result.stdout
    if json_output and stdout.strip():
        json.loads(stdout)  # the document is JSON whatever went wrong
    if stdout.lstrip().startswith("{"):  # --json, or export: a document for programs
        stdout = ""
    text = data_removed(stdout + result.stderr, home)
    text = re.sub(r"\S*\[\d+\]\S*", " ", text)  # JSON paths of an import: clients[0].assessments[0].result
    text = re.sub(r"^\t.*$", " ", text, flags=re.MULTILINE)  # the choices Click lists, one a line
    return re.sub(r"(?<!\w)'[^'\s]*'|\{[^}\n]*\}", " ", text)  # quoted keys ('question'), examples ({a: b})


def check_both_languages(cli: CliInvoke, args: list[str], home: Path, env: dict[str, str] | None = None) -> None:
    json_output = "--json" in args
    italian = cli(*args, "--lang", "it", env=env)
    said = searched(italian, home, json_output)
    assert said.strip() or json_output or italian.exit_code == 0, (args, "nothing said")
    assert words_of(said, ENGLISH_WORDS) == [], (args, italian.stdout + italian.stderr)
    english = cli(*args, "--lang", "en", env=env)
    heard = searched(english, home, json_output)
    assert words_of(heard, ITALIAN_WORDS) == [], (args, english.stdout + english.stderr)
    assert italian.exit_code == english.exit_code, args


USAGE = usage_errors()


@pytest.mark.parametrize("args", USAGE, ids=[" ".join(args) for args in USAGE])
def test_every_usage_error_in_both_languages(cli: CliInvoke, saved: Path, args: list[str]):
    check_both_languages(cli, args, saved)


def command_of(args: list[str]) -> click.Command:
    return COMMANDS[tuple(args[:2])] if tuple(args[:2]) in COMMANDS else COMMANDS[(args[0],)]


DATA = data_errors(file_names(Path("FILES")))


@pytest.mark.parametrize("variant", ["plain", "json", "dumb"])
@pytest.mark.parametrize("index", range(len(DATA)), ids=[" ".join(a.replace("FILES/", "") for a in args)[:60]
                                                         for args in DATA])
def test_every_data_error_in_both_languages(cli: CliInvoke, saved: Path, tmp_path: Path, index: int, variant: str):
    args = data_errors(broken_files(tmp_path / "files"))[index]
    env = {"TERM": "dumb", "NO_COLOR": "1"} if variant == "dumb" else None
    if variant == "json":
        if not any(param.name == "json_output" for param in command_of(args).params):
            pytest.skip("this command has no --json")
        args = [*args, "--json"]
    check_both_languages(cli, args, saved, env)


@pytest.mark.parametrize("home_kind", HOMES)
@pytest.mark.parametrize("args", STORE_COMMANDS, ids=[" ".join(args[:2]) for args in STORE_COMMANDS])
def test_every_data_folder_problem_in_both_languages(cli: CliInvoke, tmp_path: Path, home_kind: str,
                                                     args: list[str]):
    home = tmp_path / "home"
    HOMES[home_kind](home)
    env = {"CLIENTCHECK_HOME": str(home)}
    check_both_languages(cli, args, tmp_path, env)
    check_both_languages(cli, [*args, "--json"], tmp_path, env)


def test_a_read_only_data_folder_in_both_languages(cli: CliInvoke, readonly_home: tuple[Path, Callable[[], None]]):  # noqa: F811
    home, make_readonly = readonly_home
    env = {"CLIENTCHECK_HOME": str(home)}
    assert cli("assess", "--answers", str(WHALE), "--client", "Acme", env=env).exit_code == 0
    make_readonly()
    for args in (["assess", "--answers", str(WHALE), "--client", "Beta"], ["forget", "Acme", "--yes"]):
        check_both_languages(cli, args, home.parent, env)


def test_every_command_meets_an_error_path():
    """A new command must be given its error paths here (the usage errors come by themselves)."""
    covered = {id(command_of(args)) for args in DATA + STORE_COMMANDS}
    no_data = {("where",), ("schema",), ("banks", "list"), ("banks", "path")}  # nothing given that could be wrong
    assert [" ".join(path) for path, command in COMMANDS.items()
            if id(command) not in covered and path not in no_data] == []


def test_the_usage_errors_are_read_from_the_app():
    assert ["portfolio", "--limit", "abc"] in USAGE and ["letter", "--to", "bogus"] in USAGE
    assert ["banks", "new"] in USAGE and ["schema", "bogus"] in USAGE
    assert len({tuple(args[:1]) for args in USAGE}) >= len({path[:1] for path in COMMANDS})
