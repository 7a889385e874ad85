"""The interactive screens' texts as a person reads them, in Italian (and English where the fix is in
both): what the walk in a real terminal (tests/i18n/test_i18n_walk.py) found, each pinned here where it
is made, through prompt_toolkit's pipe input or the plain quiz's streams, and drawn with pyte."""

from __future__ import annotations

import io
import re

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input.defaults import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output

from clientcheck.assessment.scoring import assess
from clientcheck.bank.catalog import builtin_folder
from clientcheck.bank.loader import load_bank
from clientcheck.errors import Interrupted
from clientcheck.i18n import tr, trn
from clientcheck.ui.plain_quiz import LineTerminal, PlainPrompts, PlainQuiz
from clientcheck.ui.quiz import Quiz, ask_client_name, ask_resume, ask_which_client, bank_label, pick_bank
from clientcheck.ui.verdict import render_verdict
from tests.conftest import QUESTIONS
from tests.screens import drawn, terminal

STARTER = load_bank(QUESTIONS / "starter.yaml")
# often, no, sometimes, rarely, never, yes, always, 40: every answer label of a frequency bank
STARTER_KEYS = ["4", "2", "3", "2", "1", "1", "5", "40"]
STARTER_LABELS_IT = ["Spesso", "No", "A volte", "Raramente", "Mai", "Sì", "Sempre", "40%"]
ENTER, BACKSPACE = "\r", "\x7f"


def plain_quiz(language: str, typed: list[str], *, review: bool = True) -> str:
    """The plain quiz (TERM=dumb) of the starter bank, as a terminal 80 columns wide shows it."""
    out = io.StringIO()
    terminal_lines = LineTerminal(io.StringIO("\n".join(typed) + "\n"), out, language)
    PlainQuiz(STARTER, language, terminal_lines, review=review).run()
    return out.getvalue()


@pytest.mark.parametrize("language", ["it", "en"])
def test_the_plain_quiz_says_to_type_a_number_not_to_use_arrows(language: str) -> None:
    shown = plain_quiz(language, STARTER_KEYS, review=False)
    assert tr(language, "plain.keys") in shown
    assert tr(language, "quiz.keys") not in shown  # "Frecce per scegliere": there are no arrows here


def test_the_plain_review_keeps_each_answer_on_its_questions_line() -> None:
    """At 80 columns each line reads ``N. question …  →  answer``: 'A volte' whole, not 'A' / 'volte'."""
    rows = terminal(80, 60, plain_quiz("it", [*STARTER_KEYS, ""]))
    review = rows[next(i for i, row in enumerate(rows) if tr("it", "quiz.review_title") in row) + 1:]
    lines = [row for row in review if re.match(r"\s*\d+\. ", row)]
    assert [line.rsplit("→  ", 1)[-1] for line in lines] == STARTER_LABELS_IT
    assert all(re.match(r" {2}\d\. \S", line) for line in lines), lines  # the number where the quiz puts it


@pytest.mark.parametrize("language", ["it", "en"])
def test_a_number_opened_from_the_review_says_where_less_than_goes_back(language: str) -> None:
    # the review: 8 opens the share, '<' goes back to the review, Enter shows the verdict
    shown = plain_quiz(language, [*STARTER_KEYS, "8", "<", ""])
    hint = tr(language, "quiz.number_hint_review", min="0", max="100%")
    assert shown.count(hint) == 1 and shown.count(tr(language, "quiz.review_title")) == 2
    assert tr(language, "quiz.number_hint", min="0", max="100%") in shown  # asked the first time


def test_a_number_opened_from_the_review_in_the_full_screen_quiz() -> None:
    text = io.StringIO()
    output = Vt100_Output(text, lambda: Size(rows=40, columns=100), term="xterm", enable_cpr=False)
    down, keys = "\x1b[B", []
    for position in (3, 1, 2, 1, 0, 0, 4):  # often, no, sometimes, rarely, never, yes, always
        keys.append(down * position + ENTER)
    keys += ["40" + ENTER, "8" + ENTER, BACKSPACE * 2 + "<" + ENTER, ENTER]
    with create_pipe_input() as pipe:
        pipe.send_text("".join(keys))
        answers = Quiz(STARTER, "it", input=pipe, output=output, review=True).run()
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text.getvalue())
    assert answers["revenue_share"] == 40
    assert tr("it", "quiz.number_hint_review", min="0", max="100%") in shown
    assert "< = domanda precedente" in shown  # the first time it was asked


def test_the_bank_menu_says_what_the_number_counts() -> None:
    banks = [load_bank(path) for path in sorted(builtin_folder().glob("*.yaml"))]
    text = io.StringIO()
    output = Vt100_Output(text, lambda: Size(rows=30, columns=120), term="xterm", enable_cpr=False)
    with create_pipe_input() as pipe:
        pipe.send_text(ENTER)
        pick_bank(banks, "it", input=pipe, output=output)
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text.getvalue())
    assert "Primo controllo di un cliente  (starter, 8 domande)" in shown
    out = io.StringIO()
    PlainPrompts("it", io.StringIO("2\n"), out).pick_bank(banks)
    assert "(starter, 8 domande)" in out.getvalue()
    assert trn("en", "quiz.bank_choice", 1, title="T", bank="b") == "T  (b, 1 question)"


def test_the_verdict_quotes_a_level_the_italian_way() -> None:
    answers: dict[str, str | float] = {
        "pays_late": "often", "has_contract": "no", "free_advice": "sometimes", "not_listened": "rarely",
        "odd_hours": "never", "goals_clear": "yes", "drained": "always", "revenue_share": 35.0}
    assessment = assess(STARTER, answers)
    rows = terminal(80, 40, drawn(lambda console: render_verdict(assessment, "it", console), 80, on_terminal=False))
    shown = " ".join(rows)
    assert "Diventerebbe «Rinegozia» se:" in shown and '"Rinegozia"' not in shown


@pytest.mark.parametrize(("language", "written"), [("it", "35,5"), ("en", "35.5")])
def test_a_decimal_answer_reads_and_comes_back_in_the_languages_writing(language: str, written: str) -> None:
    """Typed the language's way, the review lists '35,5%' in Italian; opened again, the prompt offers
    '35,5', which Enter keeps."""
    keys = [*STARTER_KEYS[:-1], written, "8", "", ""]  # the review opens the share, Enter keeps it, Enter: verdict
    out = io.StringIO()
    answers = PlainQuiz(STARTER, language, LineTerminal(io.StringIO("\n".join(keys) + "\n"), out, language),
                        review=True).run()
    assert answers["revenue_share"] == 35.5
    rows = terminal(80, 80, out.getvalue())
    assert any(row.endswith(f"→  {written}%") for row in rows), rows
    assert f"  [{written}]" in rows


def test_the_full_screen_quiz_offers_a_decimal_back_in_italian() -> None:
    text = io.StringIO()
    output = Vt100_Output(text, lambda: Size(rows=40, columns=100), term="xterm", enable_cpr=False)
    down = "\x1b[B"
    keys = [down * position + ENTER for position in (3, 1, 2, 1, 0, 0, 4)]
    keys += ["35,5" + ENTER, "8" + ENTER, ENTER, ENTER]  # opened from the review and kept as offered
    with create_pipe_input() as pipe:
        pipe.send_text("".join(keys))
        answers = Quiz(STARTER, "it", input=pipe, output=output, review=True).run()
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text.getvalue())
    assert answers["revenue_share"] == 35.5
    assert "→  35,5%" in shown and "35.5" not in shown


def prompt_rows(ask) -> list[str]:
    """The rows a terminal 80 columns wide shows for a prompt, as drawn before any key (then Ctrl-D)."""
    text = io.StringIO()
    output = Vt100_Output(text, lambda: Size(rows=30, columns=80), term="xterm", enable_cpr=False)
    with create_pipe_input() as pipe:
        pipe.send_text("\x04")
        with pytest.raises(Interrupted):
            ask(pipe, output)
    return terminal(80, 30, text.getvalue(), through_pty=True)


PROMPTS = {
    "client name": (lambda lang, pipe, out: ask_client_name(lang, input=pipe, output=out),
                    ["save.ask_name", "save.ask_name_hint"]),
    "did you mean": (lambda lang, pipe, out: ask_which_client(lang, "acme", ["Acme srl"], input=pipe, output=out),
                     ["client.which", "quiz.menu_hint"]),
    "bank menu": (lambda lang, pipe, out: pick_bank([STARTER], lang, input=pipe, output=out),
                  ["quiz.pick_bank", "quiz.menu_hint"]),
    "resume": (lambda lang, pipe, out: ask_resume(lang, "Bottega Rossi", "starter", 2, "1 dic 2026, ore 10:00",
                                                  input=pipe, output=out), ["save.ask_resume", "quiz.yes_no_hint"]),
}


@pytest.mark.parametrize("language", ["it", "en"])
@pytest.mark.parametrize("prompt", list(PROMPTS))
def test_a_prompts_words_are_never_cut_at_the_edge_of_80_columns(prompt: str, language: str) -> None:
    """prompt_toolkit breaks a long line at the edge, mid-word ('lascia vuo' / 'to'): the question and
    its instruction are broken between words instead."""
    ask, keys = PROMPTS[prompt]
    rows = prompt_rows(lambda pipe, out: ask(language, pipe, out))
    shown_words = {word for row in rows for word in row.split()}
    for key in keys:
        text = (trn(language, key, 2, client="Bottega Rossi", bank="starter", when="1 dic 2026, ore 10:00")
                if key == "save.ask_resume" else tr(language, key, client="acme"))
        missing = [word for word in text.split() if word not in shown_words]
        assert missing == [], rows


def test_a_long_question_wraps_under_itself_in_the_plain_quiz() -> None:
    """'domanda 2 di 8  C'è un contratto firmato che definisce lavoro, tempi e' / '  compenso?', as the
    full-screen quiz indents it, not flush with the progress."""
    rows = terminal(80, 80, plain_quiz("it", STARTER_KEYS, review=False))
    start = next(i for i, row in enumerate(rows) if row.startswith(tr("it", "quiz.progress", index=2, total=8)))
    assert rows[start + 1] == "  compenso?"


@pytest.mark.parametrize("language", ["it", "en"])
def test_a_menus_answer_is_never_cut_at_the_edge_of_80_columns(language: str) -> None:
    """Once chosen, the bank menu writes the choice after its question: 'Quale questionario vuoi
    compilare? Lasciarlo andare (o non prenderlo)  (let-go' / ', 12 domande)' did not fit."""
    banks = [load_bank(QUESTIONS / f"{bank_id}.yaml") for bank_id in ("starter", "let-go", "difficult-or-bad")]
    text = io.StringIO()
    output = Vt100_Output(text, lambda: Size(rows=30, columns=80), term="xterm", enable_cpr=False)
    with create_pipe_input() as pipe:
        pipe.send_text("\x1b[B\x1b[B" + ENTER)
        chosen = pick_bank(banks, language, input=pipe, output=output)
    rows = terminal(80, 30, text.getvalue(), through_pty=True)
    shown_words = {word for row in rows for word in row.split()}
    label = bank_label(chosen, language)
    assert [word for word in label.split() if word not in shown_words] == [], rows
