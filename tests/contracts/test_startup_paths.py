"""Each command line loads only what it needs; --help still shows every command."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from clientcheck import __version__
from clientcheck.cli.app import COMMAND_MODULES, CORE_COMMANDS, load_commands, modules_for
from tests.conftest import REPO

ALL_MODULES = set(COMMAND_MODULES.values())


@pytest.mark.parametrize(("args", "expected"), [
    ([], None),
    (["--help"], None),
    (["-h"], None),
    (["--version"], set()),
    (["assess", "--json"], set()),
    (["answers-template", "--bank", "starter"], set()),
    (["banks", "list"], {"clientcheck.cli.banks"}),
    (["schema", "bank"], {"clientcheck.cli.banks"}),
    (["letter", "--lang", "it"], {"clientcheck.cli.exit_plan"}),
    (["portfolio"], {"clientcheck.cli.clients"}),
    (["--lang", "it", "clients"], {"clientcheck.cli.clients"}),  # shared options before the name
    (["--json", "banks", "list"], {"clientcheck.cli.banks"}),
    (["no-such-command"], None),
])
def test_modules_for_a_command_line(args: list[str], expected: set[str] | None) -> None:
    assert modules_for(args, {}) == expected


def test_shell_completion_loads_every_command() -> None:
    assert modules_for(["assess"], {"_CLIENTCHECK_COMPLETE": "complete_bash"}) is None


def test_the_groups_register_exactly_the_commands_named_for_them() -> None:
    app = load_commands()
    registered = [str(info.name) for info in app.registered_commands]
    registered += [str(info.name) for info in app.registered_groups]
    assert sorted(registered) == sorted([*CORE_COMMANDS, *COMMAND_MODULES])


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=REPO,
                          env={"CLIENTCHECK_HOME": str(REPO / "tests" / "no-such-home"), "PATH": "/usr/bin:/bin",
                               "NO_COLOR": "1", "COLUMNS": "100"}, check=False)


LOADED = (
    "import sys\n"
    "from clientcheck.cli.app import main\n"
    "sys.argv = ['clientcheck', *sys.argv[1:]]\n"
    "try:\n    main()\n"
    "except SystemExit:\n    pass\n"
    "groups = ('clientcheck.cli.banks', 'clientcheck.cli.clients', 'clientcheck.cli.exit_plan')\n"
    "loaded = sorted(m for m in sys.modules if m.startswith((*groups, 'questionary', 'prompt_toolkit',"
    " 'sqlite3', 'rich', 'platformdirs')))\n"
    "print('LOADED', ' '.join(sorted({m.split('.')[0] if not m.startswith('clientcheck') else m for m in loaded})),"
    " file=sys.stderr)\n"
)


def loaded_by(*args: str) -> set[str]:
    result = _run(LOADED, *args)
    line = next(line for line in result.stderr.splitlines() if line.startswith("LOADED"))
    return set(line.split()[1:])


def test_version_loads_no_sub_command_and_nothing_heavy() -> None:
    assert loaded_by("--version") == set()


# --- --version is answered before Typer is imported, exactly as Typer answers it ---------------

ADDED_BY_MAIN = (
    "import sys\n"
    "before = set(sys.modules)\n"
    "from clientcheck.cli.app import main\n"
    "sys.argv = ['clientcheck', *sys.argv[1:]]\n"
    "try:\n    main()\n"
    "except SystemExit:\n    pass\n"
    "print('ADDED', ' '.join(sorted(set(sys.modules) - before)), file=sys.stderr)\n"
)
TYPER_VERSION = (  # the answer of Typer's own --version option, through main without its fast path
    "import sys\n"
    "from clientcheck.cli import app\n"
    "app.VERSION_ARGS = ()\n"
    "sys.argv = ['clientcheck', sys.argv[1]]\n"
    "app.main()\n"
)


def added_by_main(*args: str) -> set[str]:
    result = _run(ADDED_BY_MAIN, *args)
    line = next(line for line in result.stderr.splitlines() if line.startswith("ADDED"))
    return set(line.split()[1:])


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_imports_neither_typer_nor_typing_nor_the_rest_of_clientcheck(flag: str) -> None:
    added = added_by_main(flag)
    assert {"typer", "click", "typing", "rich", "collections"} & added == set()
    assert {m for m in added if m.startswith("clientcheck")} == {"clientcheck", "clientcheck.cli",
                                                                 "clientcheck.cli.app"}


def test_any_other_command_line_with_version_goes_through_typer() -> None:
    assert "typer" in added_by_main("--version", "--version")
    result = _run(ADDED_BY_MAIN, "--version", "--lang", "it")  # Typer's answer: --lang is not a root option
    assert "opzione inesistente: --lang" in result.stderr  # in Italian, as --lang it asks (issue 13)
    assert "clientcheck 0." not in result.stdout


def test_shell_completion_with_version_goes_through_typer() -> None:
    completing = ("import os\nos.environ.update(_CLIENTCHECK_COMPLETE='complete_bash', "
                  "COMP_WORDS='clientcheck --v', COMP_CWORD='1')\n")
    result = _run(completing + ADDED_BY_MAIN, "--version")
    assert result.stdout == "--version\n"  # the completion of --v, not the version
    assert "typer" in next(line for line in result.stderr.splitlines() if line.startswith("ADDED")).split()


def _in(situation: str, code: str, flag: str) -> tuple[int, str, str]:
    """Run ``code`` with ``flag`` with its stdout a pipe, a pipe nobody reads any more, or closed."""
    command = [sys.executable, "-c", code, flag]
    env = {"CLIENTCHECK_HOME": str(REPO / "tests" / "no-such-home"), "PATH": "/usr/bin:/bin"}
    if situation == "pipe":
        result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env=env, check=False)
        return result.returncode, result.stdout, result.stderr
    if situation == "stdout closed":
        result = subprocess.run(["/bin/sh", "-c", 'exec "$@" >&-', "sh", *command], stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True, cwd=REPO, env=env, check=False)
        return result.returncode, "", result.stderr
    read, write = os.pipe()
    os.close(read)  # the reader went away before the first byte (as in `clientcheck --version | true`)
    try:
        result = subprocess.run(command, stdout=write, stderr=subprocess.PIPE, text=True, cwd=REPO, env=env,
                                check=False)
    finally:
        os.close(write)
    return result.returncode, "", result.stderr


MAIN = "import sys\nfrom clientcheck.cli.app import main\nsys.argv = ['clientcheck', sys.argv[1]]\nmain()\n"


@pytest.mark.parametrize("situation", ["pipe", "reader gone", "stdout closed"])
@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_answers_as_typer_does(flag: str, situation: str) -> None:
    ours = _in(situation, MAIN, flag)
    assert ours == _in(situation, TYPER_VERSION, flag)
    assert ours == {"pipe": (0, f"clientcheck {__version__}\n", ""), "reader gone": (141, "", ""),
                    "stdout closed": (0, "", "")}[situation]


def test_assess_from_a_file_loads_no_sub_command_no_prompt_no_database() -> None:
    answers = REPO / "tests" / "answers" / "ci-starter.yaml"
    assert loaded_by("assess", "--answers", str(answers), "--json") == set()


def test_help_lists_every_command() -> None:
    result = _run("import sys\nfrom clientcheck.cli.app import main\nsys.argv = ['clientcheck', '--help']\nmain()")
    assert result.returncode == 0
    for name in [*COMMAND_MODULES, "assess", "answers-template"]:
        assert name in result.stdout, name


@pytest.mark.parametrize("args", [["clients"], ["clients", "--json"], ["portfolio"], ["history", "Acme"]])
def test_the_saved_clients_commands_load_no_rich_no_prompt_and_no_platformdirs(args: list[str]) -> None:
    """With CLIENTCHECK_HOME set, as scripts do, the data folder is known without platformdirs."""
    assert loaded_by(*args) <= {"clientcheck.cli.clients", "sqlite3"}


def test_start_up_is_frozen_for_the_collector_and_collection_is_back_on() -> None:
    """What start-up built is out of the collector's way (gc.freeze), and collecting is on again
    when the command runs."""
    code = ("import gc, sys\nfrom clientcheck.cli.app import main\n"
            "sys.argv = ['clientcheck', 'clients']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('FROZEN', gc.get_freeze_count(), gc.isenabled(), file=sys.stderr)\n")
    result = _run(code)
    line = next(line for line in result.stderr.splitlines() if line.startswith("FROZEN"))
    frozen, enabled = line.split()[1:]
    assert int(frozen) > 10_000 and enabled == "True"


@pytest.mark.parametrize("args", [["clients"], ["clients", "--json"], ["--lang", "it", "clients"]])
def test_the_client_list_loads_nothing_of_history_portfolio_export_or_import(args: list[str]) -> None:
    code = ("import sys\nfrom clientcheck.cli.app import main\nsys.argv = ['clientcheck', *sys.argv[1:]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('LOADED', *sorted(m for m in sys.modules if m.startswith('clientcheck.saved')), file=sys.stderr)\n")
    line = next(line for line in _run(code, *args).stderr.splitlines() if line.startswith("LOADED"))
    assert set(line.split()[1:]) <= {"clientcheck.saved", "clientcheck.saved.store"}
