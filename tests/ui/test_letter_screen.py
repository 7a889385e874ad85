"""The letter on a terminal wraps between words at its width (pyte at 80 columns, through a pty);
a pipe or a file keeps one line per paragraph, as the letter is written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyte
import pytest

from clientcheck.assessment.letter import letter
from clientcheck.ui.cells import cell_width
from clientcheck.ui.letter_screen import wrapped

pexpect = pytest.importorskip("pexpect")
CLIENTCHECK = Path(sys.executable).with_name("clientcheck")
ARGS = ["--client", "Rossi & Figli srl", "--notice", "due mesi", "--sender", "Anna"]


def test_a_long_line_wraps_between_words_and_short_ones_stay() -> None:
    text = "Subject: x\n\n" + "word " * 30 + "end\n\nBest,\n"
    lines = wrapped(text, 40).split("\n")
    assert lines[:2] == ["Subject: x", ""] and lines[-3:] == ["", "Best,", ""]
    assert all(len(line) <= 40 for line in lines)
    assert " ".join(lines[2:-3]).split() == ("word " * 30 + "end").split()
    assert wrapped("x" * 50 + " y", 40).split("\n") == ["x" * 50, "y"]  # a word longer than the line stays whole


def test_a_client_named_in_wide_characters_is_wrapped_by_the_cells_it_takes() -> None:
    """大神株式会社 is six characters and twelve cells: each line fits 40 cells, and a line of 40
    cells or fewer, though wide, is left as it is."""
    paragraph = "Gentile 大神株式会社, con questa lettera le comunico la fine del nostro rapporto 🐋 di lavoro."
    lines = wrapped(paragraph, 40).split("\n")
    assert all(cell_width(line) <= 40 for line in lines), lines
    assert " ".join(lines) == paragraph
    assert wrapped("大神株式会社 " * 3, 40) == "大神株式会社 " * 3  # 39 cells: one line


def on_a_terminal(*args: str, columns: int = 80) -> pyte.Screen:
    if not CLIENTCHECK.exists():
        pytest.skip(f"clientcheck is not installed next to {sys.executable}")
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
    child = pexpect.spawn(str(CLIENTCHECK), ["letter", *args], env={**env, "TERM": "xterm"}, encoding="utf-8",
                          dimensions=(60, columns), timeout=30)
    output = child.read()
    child.close()
    assert child.exitstatus == 0, output
    screen = pyte.Screen(columns, 60)
    pyte.Stream(screen).feed(output)
    return screen


@pytest.mark.parametrize("language", ["it", "en"])
def test_on_a_terminal_the_letter_wraps_between_words(language: str) -> None:
    screen = on_a_terminal("--lang", language, *ARGS)
    rows = [row.rstrip() for row in screen.display]
    written = letter(language, client="Rossi & Figli srl", notice="due mesi", sender="Anna").text()
    body = [row for row in rows if row and not row.startswith("clientcheck:")]
    assert " ".join(body).split() == written.split()  # every word whole, in order: none cut at the edge
    assert max(len(row) for row in rows) <= 80
    assert len(body) > len([line for line in written.split("\n") if line])  # some paragraph did wrap


@pytest.mark.parametrize("language", ["it", "en"])
def test_through_a_pipe_each_paragraph_stays_one_line(language: str) -> None:
    if not CLIENTCHECK.exists():
        pytest.skip(f"clientcheck is not installed next to {sys.executable}")
    env = {**os.environ, "COLUMNS": "80"}
    piped = subprocess.run([str(CLIENTCHECK), "letter", "--lang", language, *ARGS], capture_output=True,
                           text=True, env=env, check=True).stdout
    written = letter(language, client="Rossi & Figli srl", notice="due mesi", sender="Anna").text()
    assert piped == written
    assert max(len(line) for line in piped.split("\n")) > 80  # a paragraph longer than the terminal, whole
