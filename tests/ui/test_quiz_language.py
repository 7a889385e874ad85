"""The prompts speak the reader's language: a Sì/No menu instead of questionary's "(Y/n)", and the
menus' instruction instead of "(Use arrow keys)"; s, y and n answer at a keypress."""

from __future__ import annotations

import io
import re

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input.defaults import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output

from clientcheck.bank.catalog import builtin_folder
from clientcheck.bank.loader import load_bank
from clientcheck.ui.quiz import ask_resume, ask_which_client, pick_bank

ENTER, DOWN = "\r", "\x1b[B"


def drawn(ask, keys: str) -> tuple[object, str]:
    text = io.StringIO()
    output = Vt100_Output(text, lambda: Size(rows=30, columns=120), term="xterm", enable_cpr=False)
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        result = ask(pipe, output)
    return result, re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text.getvalue())


@pytest.mark.parametrize(("keys", "expected"), [
    ("s", True), ("S", True), ("y", True), ("n", False), ("N", False), (ENTER, True), (DOWN + ENTER, False),
])
def test_resuming_is_a_si_no_choice(keys, expected):
    answer, screen = drawn(lambda pipe, out: ask_resume("it", "Acme", "starter", 2, "1 dic 2026, ore 10:00",
                                                        input=pipe, output=out), keys)
    assert answer is expected
    assert "Sì" in screen and "2 risposte" in screen and "(s o n; oppure frecce e Invio)" in screen
    assert "Y/n" not in screen and "Use arrow keys" not in screen


def test_resuming_in_english_says_yes_and_no():
    answer, screen = drawn(lambda pipe, out: ask_resume("en", "Acme", "starter", 1, "1 Dec 2026, 10:00",
                                                        input=pipe, output=out), "y")
    assert answer is True and "Yes" in screen and "1 answer," in screen and "Sì" not in screen


def test_the_menus_say_how_to_use_them_in_italian():
    banks = [load_bank(path) for path in sorted(builtin_folder().glob("*.yaml"))[:2]]
    chosen, screen = drawn(lambda pipe, out: pick_bank(banks, "it", input=pipe, output=out), ENTER)
    assert chosen == banks[0] and "(frecce per scegliere, Invio per confermare)" in screen
    assert "Use arrow keys" not in screen
    name, screen = drawn(lambda pipe, out: ask_which_client("it", "acme", ["Acme"], input=pipe, output=out), ENTER)
    assert name == "Acme" and "Use arrow keys" not in screen and "Invio" in screen
