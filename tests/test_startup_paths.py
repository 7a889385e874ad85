"""Each command line loads only what it needs; --help still shows every command."""

from __future__ import annotations

import subprocess
import sys

import pytest

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
    " 'sqlite3', 'rich')))\n"
    "print('LOADED', ' '.join(sorted({m.split('.')[0] if not m.startswith('clientcheck') else m for m in loaded})),"
    " file=sys.stderr)\n"
)


def loaded_by(*args: str) -> set[str]:
    result = _run(LOADED, *args)
    line = next(line for line in result.stderr.splitlines() if line.startswith("LOADED"))
    return set(line.split()[1:])


def test_version_loads_no_sub_command_and_nothing_heavy() -> None:
    assert loaded_by("--version") == set()


def test_assess_from_a_file_loads_no_sub_command_no_prompt_no_database() -> None:
    answers = REPO / "tests" / "answers" / "ci-starter.yaml"
    assert loaded_by("assess", "--answers", str(answers), "--json") == set()


def test_help_lists_every_command() -> None:
    result = _run("import sys\nfrom clientcheck.cli.app import main\nsys.argv = ['clientcheck', '--help']\nmain()")
    assert result.returncode == 0
    for name in [*COMMAND_MODULES, "assess", "answers-template"]:
        assert name in result.stdout, name
