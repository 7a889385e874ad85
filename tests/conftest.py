"""Shared test setup: every test runs against a private home folder and stable output."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = REPO / "questions"
TEST_BANKS = REPO / "tests" / "banks"

STABLE_ENV = {
    "TERMINAL_WIDTH": "80",
    "COLUMNS": "80",
    "_TYPER_FORCE_DISABLE_TERMINAL": "1",
    "NO_COLOR": "1",
    "LANG": "C.UTF-8",
}


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point clientcheck's user folder at a temp dir and make output stable."""
    home = tmp_path / "clientcheck-home"
    monkeypatch.setenv("CLIENTCHECK_HOME", str(home))
    for name in ("CLIENTCHECK_BANKS_PATH", "CLIENTCHECK_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE",
                 "CLIENTCHECK_DEBUG", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in STABLE_ENV.items():
        monkeypatch.setenv(name, value)
    return home


CliInvoke = Callable[..., Result]


@pytest.fixture
def cli() -> CliInvoke:
    """Run clientcheck in-process: ``cli("assess", "--json", input="...")``."""
    from clientcheck.cli.app import load_commands

    app = load_commands()  # every sub-command, as --help sees them
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)

    return invoke


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def args(*items: str | Path) -> Sequence[str]:
    return [str(item) for item in items]
