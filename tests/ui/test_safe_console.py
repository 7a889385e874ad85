"""ui/safe_console.py: what any Rich screen writes passes the output boundary again, and no line
ends in spaces that nothing shows (a pipe, a file or a copied note would keep them)."""

from __future__ import annotations

import io

import pytest
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from clientcheck.ui.safe_console import GuardedConsole
from tests.conftest import CliInvoke


def rendered(*renderables: object, color: bool = False) -> str:
    out = io.StringIO()
    console = GuardedConsole(file=out, width=60, force_terminal=color, color_system="standard" if color else None,
                             _environ={})  # the tests' NO_COLOR left out: colours are what one test is about
    console.print(*renderables)
    return out.getvalue()


def test_padded_lines_end_with_their_last_character_and_borders_stay() -> None:
    grid = Table.grid(padding=(0, 2))
    grid.add_row("1.", "How often do you chase a payment?")
    text = rendered(Padding(grid, (0, 0, 1, 2)), Panel("Let go · risk 80"))
    lines = text.splitlines()
    assert lines[0] == "  1.  How often do you chase a payment?"
    assert lines[1] == ""  # the padding's blank line: empty, not sixty spaces
    assert lines[2].startswith("╭") and lines[2].endswith("╮") and len(lines[2]) == 60
    assert lines[3] == "│ Let go · risk 80" + " " * 41 + "│"  # inside a border, spaces are the layout
    assert not any(line.endswith(" ") for line in lines)


def test_spaces_that_show_are_kept_and_colours_still_end() -> None:
    shown = Text("keep  ") + Text("    ", style="on red") + Text("   ")
    text = rendered(shown, color=True)
    assert "\x1b[41m    \x1b[0m" in text  # a background: those spaces are what the reader sees
    assert not text.rstrip("\n").endswith(" ")


def test_text_from_outside_still_loses_its_control_characters() -> None:
    assert rendered(Text("Rossi\x1b[31m srl\x07")) == "Rossi srl\n"


@pytest.mark.parametrize("language", ["it", "en"])
def test_a_verdict_piped_has_no_trailing_spaces(cli: CliInvoke, language: str) -> None:
    result = cli("assess", "--bank", "starter", "--answers", "tests/answers/ci-starter.yaml", "--full",
                 "--no-save", "--lang", language)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) > 20 and [line for line in lines if line.endswith(" ")] == []
