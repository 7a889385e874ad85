"""The maps stay true: ARCHITECTURE.md's module map and the README's package map match the
tree, and every command the CLI offers is documented in the README. That the tests mirror the
package is tests/contracts/test_test_layout.py's."""

from __future__ import annotations

import re

from typer.main import get_command

from clientcheck.cli.app import load_commands
from tests.conftest import REPO

PACKAGE = REPO / "src" / "clientcheck"


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
