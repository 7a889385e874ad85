"""The number prompt says why an entry was refused, and keeps what was typed in the field to be
corrected (the full-screen quiz) or quotes it (the plain quiz); in Italian and English."""

from __future__ import annotations

import io
import threading
import time

import pyte
import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input.defaults import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output

from clientcheck.bank.loader import load_bank
from clientcheck.bank.model import AnswerValue
from clientcheck.ui.plain_quiz import LineTerminal, PlainQuiz
from clientcheck.ui.quiz import Quiz
from tests.conftest import TEST_BANKS
from tests.screens import terminal

FULL = load_bank(TEST_BANKS / "full.yaml")
ENTER, BACKSPACE = "\r", "\x7f"
# pays_late: Never; has_contract: Yes; then the share (0-100) is typed; margin 5; tone Calm; enjoys_work Never
BEFORE, AFTER = ENTER + ENTER, "5" + ENTER + ENTER + ENTER + ENTER


class Screens(io.StringIO):
    """The prompts' output, drawn on an 80x24 terminal at each flush: every screen shown on the way."""

    def __init__(self) -> None:
        super().__init__()
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.Stream(self.screen)
        self.shown: list[list[str]] = []

    def write(self, text: str) -> int:
        self.stream.feed(text)
        return super().write(text)

    def flush(self) -> None:
        self.shown.append([line.rstrip() for line in self.screen.display])


def full_screen(language: str, typed: str, message: str, then: str) -> tuple[dict[str, AnswerValue], list[list[str]]]:
    """The quiz with ``typed`` at the share question; once ``message`` is on screen (or after ten
    seconds), ``then`` is typed: keys sent in one go would be handled before any screen is drawn."""
    screens = Screens()
    output = Vt100_Output(screens, lambda: Size(rows=24, columns=80), term="xterm", enable_cpr=False)

    def type_the_rest() -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not any(row.startswith(message) for row in screens.screen.display):
            time.sleep(0.02)
        pipe.send_text(then + AFTER)
        pipe.close()

    with create_pipe_input() as pipe:
        pipe.send_text(BEFORE + typed + ENTER)
        sender = threading.Thread(target=type_the_rest)
        sender.start()
        try:
            answers = Quiz(FULL, language, input=pipe, output=output).run()
        finally:
            sender.join()
    return answers, screens.shown


@pytest.mark.parametrize(("language", "message"), [
    ("it", "150 è oltre il massimo, 100"), ("en", "150 is above the maximum, 100")])
def test_a_number_above_the_maximum_says_so_and_stays_in_the_field(language: str, message: str) -> None:
    """150 refused; one Backspace and Enter give 15: the field still held what was typed."""
    answers, shown = full_screen(language, "150", message, BACKSPACE + ENTER)
    assert answers["revenue_share"] == 15.0
    refused = [rows for rows in shown if any(row.startswith(message) for row in rows)]
    assert refused, "the refusal is never on screen"
    assert "›  150" in refused[-1]  # shown with the entry still in the field


@pytest.mark.parametrize(("language", "typed", "message"), [
    ("it", "abc", "«abc» non è un numero"), ("en", "abc", "'abc' is not a number"),
    ("it", "35.5", "«35.5»: in italiano la virgola separa i decimali; scrivi 35,5"),
    ("en", "35,5", "'35,5': in English a point marks decimals; write 35.5"),
    ("it", "1.2.3", "«1.2.3» non è un numero (si scrive così: 12.500 o 35,5)"),
    ("en", "1.2.3", "'1.2.3' is not a number (write it like 12,500 or 35.5)"),
    ("en", "-5", "-5 is below the minimum, 0"),
    ("it", "", "scrivi un numero, oppure ? se non lo sai"), ("en", "  ", "type a number, or ? if you don't know"),
])
def test_what_was_wrong_is_said_in_the_quiz_language(language: str, typed: str, message: str) -> None:
    answers, shown = full_screen(language, typed, message, BACKSPACE * len(typed) + "20" + ENTER)
    assert answers["revenue_share"] == 20.0
    assert any(any(row.startswith(message) for row in rows) for rows in shown), message


@pytest.mark.parametrize(("language", "message"), [
    ("it", "«tanto» non è un numero"), ("en", "'tanto' is not a number")])
def test_the_plain_quiz_quotes_the_refused_entry(language: str, message: str) -> None:
    out = io.StringIO()
    typed = ["1", "1", "tanto", "120", "20", "5", "1", "1", "1"]
    answers = PlainQuiz(FULL, language, LineTerminal(io.StringIO("\n".join(typed) + "\n"), out, language),
                        review=False).run()
    assert answers["revenue_share"] == 20.0
    rows = terminal(80, 200, out.getvalue())  # the typed lines are not echoed here: each follows a "> " prompt
    assert f">   {message}" in rows
    assert (">   120 è oltre il massimo, 100" if language == "it" else ">   120 is above the maximum, 100") in rows


@pytest.mark.parametrize(("language", "message"), [
    ("it", "scrivi un numero, oppure ? se non lo sai"), ("en", "type a number, or ? if you don't know")])
def test_the_plain_quiz_asks_again_for_an_empty_number(language: str, message: str) -> None:
    """Enter with nothing typed (and no earlier answer to keep) asks for a number; it quotes no «»."""
    out = io.StringIO()
    typed = ["1", "1", "", "20", "5", "1", "1", "1"]
    answers = PlainQuiz(FULL, language, LineTerminal(io.StringIO("\n".join(typed) + "\n"), out, language),
                        review=False).run()
    assert answers["revenue_share"] == 20.0
    rows = terminal(80, 200, out.getvalue())
    assert f">   {message}" in rows
    assert not any("«»" in row or "''" in row for row in rows)
