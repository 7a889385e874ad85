"""The maps stay true: ARCHITECTURE.md's module map and the README's package map match the
tree, every command the CLI offers is documented in the README, and the tests mirror the package
(ARCHITECTURE.md's Tests)."""

from __future__ import annotations

import re
from pathlib import Path

from typer.main import get_command

from clientcheck.cli.app import load_commands
from tests.conftest import REPO

PACKAGE = REPO / "src" / "clientcheck"
TESTS = REPO / "tests"
# The test folders that mirror no package (ARCHITECTURE.md's Tests): the core's single modules,
# and the two kinds of tests of the whole program.
NOT_A_PACKAGE = {"core", "e2e", "contracts"}


def _modules() -> set[str]:
    return {path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")}


def _code_block_after(text: str, heading: str) -> str:
    section = text[text.index(heading):]
    match = re.search(r"```text\n(.*?)```", section, re.DOTALL)
    assert match, f"no text block after {heading!r}"
    return match.group(1)


def test_the_architecture_module_map_lists_every_module_and_only_those() -> None:
    block = _code_block_after((REPO / "ARCHITECTURE.md").read_text(encoding="utf-8"), "## Module map")
    listed = {line.split()[0] for line in block.splitlines()[1:] if line.strip()}
    assert listed == _modules(), "update ARCHITECTURE.md's module map"


def test_the_readme_package_map_names_every_package() -> None:
    block = _code_block_after((REPO / "README.md").read_text(encoding="utf-8"), "## Development")
    listed = {line.split()[0].rstrip("/") for line in block.splitlines() if line.startswith("  ")}
    packages = {path.parent.relative_to(PACKAGE).as_posix() for path in PACKAGE.glob("*/__init__.py")}
    assert packages <= listed, "update the README's map under 'Development'"
    assert {name for name in listed if not name.endswith(".py")} <= packages | {"core"}, "a package the tree lacks"


def _command_names() -> list[str]:
    group = get_command(load_commands())  # every command group, as --help shows them
    names = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        names += [f"{name} {sub}" for sub in subcommands] if subcommands else [name]
    return names


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    names = _command_names()
    assert {"assess", "banks validate", "history", "letter"} <= set(names)
    missing = [name for name in names if f"clientcheck {name}" not in readme]
    assert missing == [], f"commands the README never shows: {missing}"


def test_no_test_file_is_left_at_the_tests_root() -> None:
    left = sorted(path.name for path in TESTS.glob("test_*.py"))
    assert left == [], f"move these into the folder of what they test (ARCHITECTURE.md, Tests): {left}"


def _test_folders() -> set[Path]:
    """Every folder under tests/ that holds a test file, relative to tests/."""
    return {path.parent.relative_to(TESTS) for path in TESTS.rglob("test_*.py")}


def test_every_test_folder_mirrors_a_package_or_is_a_whole_program_folder() -> None:
    folders = _test_folders()
    assert {Path("bank"), Path("cli"), Path("e2e"), Path("contracts")} <= folders  # the walk finds them
    strays = sorted(folder.as_posix() for folder in folders
                    if folder.parts[0] not in NOT_A_PACKAGE and not (PACKAGE / folder / "__init__.py").is_file())
    assert strays == [], f"test folders with no src/clientcheck/<name>/ (nor one of {sorted(NOT_A_PACKAGE)}): {strays}"


def test_every_test_folder_is_a_package_so_tests_import_the_shared_helpers_by_name() -> None:
    folders = {within for folder in _test_folders() for within in [folder, *folder.parents]}
    missing = sorted(f"tests/{folder.as_posix()}/__init__.py" for folder in folders
                     if not (TESTS / folder / "__init__.py").is_file())
    assert missing == [], f"add these empty files: {missing}"
