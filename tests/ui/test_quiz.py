"""The interactive quiz, driven through prompt_toolkit's pipe input as questionary's own tests do.

Keys: arrows move, Enter chooses. A yes/no prompt lists Yes, No, (a gap), Don't know and, after
the first question, "← Previous question"; a frequency prompt lists Never … Always the same way.
"""

from __future__ import annotations

import gc
import io
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import PipeInput
from prompt_toolkit.input.defaults import create_pipe_input
from prompt_toolkit.key_binding import defaults as key_binding_defaults
from prompt_toolkit.key_binding.bindings.vi import load_vi_bindings
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output
from typer.testing import Result

import clientcheck.ui.quiz as quiz_module
from clientcheck.assessment.scoring import assess
from clientcheck.bank.loader import load_bank
from clientcheck.bank.model import DONT_KNOW, AnswerValue, Bank
from clientcheck.cli import app as cli_module
from clientcheck.env import Environment
from clientcheck.errors import ExitCode, Interrupted
from clientcheck.ui.quiz import QMARK, Quiz, pick_bank
from tests.conftest import QUESTIONS, TEST_BANKS, CliInvoke
from tests.screens import WIDE_WORDS, terminal, wide_bank

FULL = load_bank(TEST_BANKS / "full.yaml")
DOWN, UP, ENTER = "\x1b[B", "\x1b[A", "\r"
BACKSPACE, CTRL_C, CTRL_D = "\x7f", "\x03", "\x04"


def pick(moves: int = 0, *, up: bool = False) -> str:
    """Move the pointer ``moves`` places down (or up) and press Enter."""
    return (UP if up else DOWN) * moves + ENTER


def typed(text: str) -> str:
    return text + ENTER


# positions in the lists (separators are skipped by the arrows)
YES, NO, YN_DONT_KNOW, YN_BACK = pick(0), pick(1), pick(2), pick(3)
NEVER, RARELY, SOMETIMES, OFTEN, ALWAYS, FREQ_DONT_KNOW, FREQ_BACK = (pick(n) for n in range(7))
CALM, CURT, RUDE, CHOICE_DONT_KNOW, CHOICE_BACK = (pick(n) for n in range(5))


@pytest.fixture
def keyboard() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe:
        yield pipe


def run(pipe: PipeInput, *keys: str, bank: Bank = FULL, language: str = "en",
        output: Vt100_Output | DummyOutput | None = None) -> dict[str, AnswerValue]:
    """Type ``keys`` and end the input: a quiz that wants more keys than given stops (as at
    Ctrl-D) instead of waiting for ever."""
    pipe.send_text("".join(keys))
    pipe.close()
    return Quiz(bank, language, input=pipe, output=output or DummyOutput()).run()


def screen() -> tuple[io.StringIO, Vt100_Output]:
    text = io.StringIO()
    return text, Vt100_Output(text, lambda: Size(rows=40, columns=100), term="xterm", enable_cpr=False)


def plain(raw: str) -> str:
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", raw).replace("\r\n", "\n")


# --- a whole bank --------------------------------------------------------------------------


def test_the_healthy_path_asks_six_questions(keyboard: PipeInput) -> None:
    answers = run(keyboard, NEVER, YES, typed("10"), typed("40"), CALM, pick(4))  # enjoys_work: always
    assert answers == {"pays_late": "never", "has_contract": "yes", "revenue_share": 10.0, "margin": 40.0,
                       "tone": "calm", "enjoys_work": "always"}
    assert assess(FULL, answers).risk == 0


def test_every_question_of_the_full_bank(keyboard: PipeInput) -> None:
    """pays_late always, no contract, a big share, a thin margin and a rude client: all 12 are asked."""
    answers = run(keyboard,
                  ALWAYS,            # pays_late
                  YES,               # chase_effort      (pays_late in [often, always])
                  NO,                # has_contract
                  typed("45%"),      # revenue_share
                  NO,                # backup_clients    (revenue_share at_least 30)
                  typed("5"),        # margin
                  NO,                # raise_price       (margin at_most 10)
                  RUDE,              # tone
                  NO,                # apologises        (tone equals rude)
                  OFTEN,             # weekend_calls     (pays_late at_least often)
                  RARELY,            # enjoys_work
                  YES)               # last_straw        (all/any/not)
    assert list(answers) == [q.id for q in FULL.questions]
    assert answers["revenue_share"] == 45.0 and answers["margin"] == 5.0
    assert assess(FULL, answers).verdict.level.value == "let_go"


def test_the_starter_bank_with_arrow_keys(keyboard: PipeInput) -> None:
    starter = load_bank(QUESTIONS / "starter.yaml")
    answers = run(keyboard, OFTEN, NO, SOMETIMES, RARELY, NEVER, YES, ALWAYS, typed("35"), bank=starter)
    assert answers == {"pays_late": "often", "has_contract": "no", "free_advice": "sometimes",
                       "not_listened": "rarely", "odd_hours": "never", "goals_clear": "yes", "drained": "always",
                       "revenue_share": 35.0}


# --- follow-ups, going back, don't know ----------------------------------------------------


def test_a_follow_up_appears_only_when_its_condition_holds(keyboard: PipeInput) -> None:
    answers = run(keyboard, SOMETIMES, YES, typed("29"), typed("11"), CURT, NEVER, NO)
    # sometimes < often: no chase_effort/weekend_calls; 29 < 30: no backup_clients; 11 > 10: no raise_price;
    # curt: no apologises, but curt with a contract: no last_straw
    assert list(answers) == ["pays_late", "has_contract", "revenue_share", "margin", "tone", "enjoys_work"]
    assert answers["enjoys_work"] == "never"


def test_going_back_and_changing_an_answer_drops_the_follow_up(keyboard: PipeInput) -> None:
    answers = run(keyboard,
                  OFTEN,                 # pays_late often → chase_effort comes next
                  YN_BACK,               # "← Previous question" on chase_effort
                  pick(3, up=True),      # back on pays_late, the pointer starts at 'often': up 3 → never
                  YES, typed("10"), typed("40"), CALM, NEVER)
    assert answers["pays_late"] == "never"
    assert "chase_effort" not in answers and "weekend_calls" not in answers
    assert list(answers) == ["pays_late", "has_contract", "revenue_share", "margin", "tone", "enjoys_work"]


def test_going_back_twice_keeps_earlier_answers_as_defaults(keyboard: PipeInput) -> None:
    answers = run(keyboard,
                  RARELY, NO,            # pays_late rarely, has_contract no
                  typed("<"),            # back from revenue_share to has_contract (pointer on 'No')
                  pick(2),               # from 'No', down past Don't know to "← Previous question"
                  ENTER,                 # pays_late: the pointer is on 'rarely' → keep it
                  ENTER,                 # has_contract: the pointer is on 'No' → keep it
                  typed("10"), typed("40"), CALM, NEVER)
    assert answers == {"pays_late": "rarely", "has_contract": "no", "revenue_share": 10.0, "margin": 40.0,
                       "tone": "calm", "enjoys_work": "never"}


def test_the_first_question_has_no_previous_question(keyboard: PipeInput) -> None:
    # seven moves down from Never: Rarely … Always, Don't know, and round to Never (no back choice)
    answers = run(keyboard, pick(6), YES, typed("10"), typed("40"), CALM, NEVER)
    assert answers["pays_late"] == "never"


def test_dont_know_on_each_kind_of_question(keyboard: PipeInput) -> None:
    answers = run(keyboard, FREQ_DONT_KNOW, YN_DONT_KNOW, typed("?"), typed("dont_know"), CHOICE_DONT_KNOW,
                  FREQ_DONT_KNOW)
    assert answers == dict.fromkeys(["pays_late", "has_contract", "revenue_share", "margin", "tone",
                                     "enjoys_work"], DONT_KNOW)
    result = assess(FULL, answers)
    assert (result.risk, result.confidence) == (0, 0.0)


# --- numbers -------------------------------------------------------------------------------


def test_number_entry_is_validated_until_it_fits(keyboard: PipeInput) -> None:
    answers = run(keyboard, NEVER, YES,
                  typed("lots"), BACKSPACE * 4,      # refused: not a number
                  typed("150"), BACKSPACE * 3,       # refused: outside 0–100
                  typed("12,5"), BACKSPACE * 4,      # refused: English marks decimals with a point
                  typed("12.5"),
                  typed("-5"),                       # margin may be negative …
                  NO, CALM, NEVER)                   # … and at most 10 asks raise_price
    assert answers["revenue_share"] == 12.5
    assert answers["margin"] == -5.0


def test_less_than_goes_back_from_a_number(keyboard: PipeInput) -> None:
    answers = run(keyboard, NEVER, YES, typed("<"), NO, typed("10"), typed("40"), CALM, NEVER)
    assert answers["has_contract"] == "no"


def test_less_than_is_refused_on_a_first_question(keyboard: PipeInput) -> None:
    share = FULL.question("revenue_share")
    assert share is not None
    bank = FULL._replace(questions=(share,))
    answers = run(keyboard, typed("<"), BACKSPACE, typed("20"), bank=bank)
    assert answers == {"revenue_share": 20.0}


def test_a_remembered_number_is_offered_again_after_going_back(keyboard: PipeInput) -> None:
    answers = run(keyboard, NEVER, YES, typed("33"), YN_BACK,  # backup_clients: back
                  ENTER,                  # revenue_share again: the field holds 33; keep it
                  YES, typed("40"), CALM, NEVER)
    assert answers["revenue_share"] == 33.0 and answers["backup_clients"] == "yes"


# --- stopping ------------------------------------------------------------------------------


# Each stop is followed by the keys that would finish the quiz: were the stop ignored, the
# quiz would return answers instead of raising.
REST = (YES, typed("10"), typed("40"), CALM, NEVER)


def test_the_keys_after_a_stop_would_finish_the_quiz(keyboard: PipeInput) -> None:
    assert run(keyboard, NEVER, *REST)["enjoys_work"] == "never"


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D], ids=["ctrl-c", "ctrl-d"])
def test_stopping_at_a_choice(keyboard: PipeInput, key: str) -> None:
    with pytest.raises(Interrupted) as caught:
        run(keyboard, NEVER, key, *REST)
    assert caught.value.exit_code == ExitCode.INTERRUPTED
    assert int(ExitCode.INTERRUPTED) == 130
    assert caught.value.message == "Interrupted: nothing was scored."


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D], ids=["ctrl-c", "ctrl-d"])
def test_stopping_at_a_number(keyboard: PipeInput, key: str) -> None:
    with pytest.raises(Interrupted):
        run(keyboard, NEVER, YES, "12", key, ENTER, *REST[2:])


def test_stopping_in_italian(keyboard: PipeInput) -> None:
    with pytest.raises(Interrupted, match=r"^Interrotto: nessun risultato calcolato\.$"):
        run(keyboard, CTRL_C, NEVER, *REST, language="it")


def test_stopping_at_the_bank_menu(keyboard: PipeInput) -> None:
    keyboard.send_text(CTRL_D + ENTER)
    keyboard.close()
    with pytest.raises(Interrupted):
        pick_bank([FULL], "en", input=keyboard, output=DummyOutput())


def test_the_bank_menu_picks_with_arrows(keyboard: PipeInput) -> None:
    starter = load_bank(QUESTIONS / "starter.yaml")
    keyboard.send_text(pick(1))
    assert pick_bank([FULL, starter], "en", input=keyboard, output=DummyOutput()) is starter


# --- what is shown -------------------------------------------------------------------------


def test_progress_dimensions_and_help_are_shown_above_the_prompts(keyboard: PipeInput) -> None:
    text, output = screen()
    run(keyboard, OFTEN, NO, YES, typed("10"), typed("40"), CALM, NEVER, NEVER, output=output)
    shown = plain(text.getvalue())
    assert shown.startswith("Full test bank\nUses every element of the question bank format.\n"
                            "Arrows to choose, Enter to confirm, Ctrl-C to stop.\n")
    assert "── Money ──" in shown and "── People ──" in shown
    assert "question 1 of 6  Does the client pay late?" in shown
    assert "  Think of the last six months." in shown                          # help, indented
    # 'often' adds chase_effort and weekend_calls: the total grows from 6 to 8
    assert "question 2 of 8  Do you spend over an hour a month chasing?" in shown
    assert "question 8 of 8  Do you enjoy the work?" in shown
    assert "a number from 0 to 100%; ? = don't know; < = previous question" in shown


def test_the_quiz_speaks_italian(keyboard: PipeInput) -> None:
    text, output = screen()
    run(keyboard, NEVER, YES, typed("10"), typed("40"), CALM, NEVER, language="it", output=output)
    shown = plain(text.getvalue())
    assert "Frecce per scegliere, Invio per confermare, Ctrl-C per uscire." in shown
    assert "domanda 1 di 6  Paga in ritardo?" in shown
    assert "── Soldi ──" in shown
    assert "Mai" in shown and "Non so" in shown
    assert "un numero da -100 a 100% di margine; ? = non so; < = domanda precedente" in shown


# --- keypresses stay quick: shared key bindings, garbage collected while the person reads -----

HEALTHY = (NEVER, YES, typed("10"), typed("40"), CALM, pick(4))  # six prompts, arrows on the last


def test_a_quiz_builds_the_default_key_bindings_at_most_once(keyboard: PipeInput,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    built = []

    def spy():
        built.append(1)
        return load_vi_bindings()

    monkeypatch.setattr(key_binding_defaults, "load_vi_bindings", spy)
    assert run(keyboard, *HEALTHY)["enjoys_work"] == "always"
    assert len(built) <= 1  # each prompt's Applications (three for a select) used to build their own


def test_garbage_is_collected_once_each_prompt_is_drawn(keyboard: PipeInput,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    text, output = screen()
    collected_at = []
    original = gc.collect

    def spy(*args):
        collected_at.append(len(text.getvalue()))
        return original(*args)

    monkeypatch.setattr(gc, "collect", spy)
    run(keyboard, *HEALTHY, output=output)
    shown = text.getvalue()
    progress = [shown.index(f"question {index} of 6") for index in range(1, 7)]
    assert len(collected_at) == 6  # once per prompt, not at every arrow key
    for index, (at, start) in enumerate(zip(collected_at, progress, strict=True)):
        drawn = shown.index(QMARK, start)  # the prompt's own drawing, below its question
        following = progress[index + 1] if index + 1 < len(progress) else len(shown)
        assert drawn < at <= following


@pytest.mark.parametrize("interrupted", [False, True], ids=["finished", "interrupted"])
def test_the_collector_is_frozen_during_the_quiz_only(keyboard: PipeInput, interrupted: bool) -> None:
    frozen = []
    before = gc.get_freeze_count()
    keyboard.send_text("".join((NEVER, CTRL_C, *HEALTHY[1:]) if interrupted else HEALTHY))
    keyboard.close()
    quiz = Quiz(FULL, "en", input=keyboard, output=DummyOutput(),
                on_answer=lambda question, answer: frozen.append(gc.get_freeze_count()))
    if interrupted:
        with pytest.raises(Interrupted):
            quiz.run()
    else:
        quiz.run()
    assert frozen and all(count > before for count in frozen)  # start-up's objects are left out of collections
    assert gc.get_freeze_count() == before


# --- the review before the verdict ----------------------------------------------------------------

CONFIRM = ENTER  # at the review: Enter with nothing typed shows the verdict
HEALTHY_ANSWERS = {"pays_late": "never", "has_contract": "yes", "revenue_share": 10.0, "margin": 40.0,
                   "tone": "calm", "enjoys_work": "always"}


def review(pipe: PipeInput, *keys: str, output: Vt100_Output | DummyOutput | None = None,
           events: list[tuple[str, str]] | None = None) -> dict[str, AnswerValue]:
    pipe.send_text("".join(keys))
    pipe.close()
    told = events if events is not None else []
    return Quiz(FULL, "en", input=pipe, output=output or DummyOutput(), review=True,
                on_answer=lambda question, answer: told.append(("answer", question)),
                on_back=lambda question: told.append(("drop", question))).run()


def test_enter_at_the_review_confirms_the_answers(keyboard: PipeInput) -> None:
    events: list[tuple[str, str]] = []
    assert review(keyboard, *HEALTHY, CONFIRM, events=events) == HEALTHY_ANSWERS
    assert len(events) == 6  # nothing more was saved or dropped


def test_without_a_key_at_the_review_the_quiz_stops_unscored(keyboard: PipeInput) -> None:
    with pytest.raises(Interrupted):  # the review waits for its key: the input ends first
        review(keyboard, *HEALTHY)


def test_a_number_opens_that_answer_to_change_it(keyboard: PipeInput) -> None:
    answers = review(keyboard, *HEALTHY, typed("5"), pick(1), CONFIRM)  # tone: calm -> curt
    assert answers == {**HEALTHY_ANSWERS, "tone": "curt"}


def test_a_change_that_brings_follow_ups_asks_them_in_place(keyboard: PipeInput) -> None:
    events: list[tuple[str, str]] = []
    answers = review(keyboard, *HEALTHY,
                     typed("1"), pick(3),   # pays_late: never -> often: chase_effort and weekend_calls now apply
                     YES,                   # chase_effort
                     pick(1),               # weekend_calls: rarely
                     CONFIRM, events=events)
    assert list(answers) == ["pays_late", "chase_effort", "has_contract", "revenue_share", "margin", "tone",
                             "weekend_calls", "enjoys_work"]  # the bank's order
    assert answers["pays_late"] == "often" and answers["chase_effort"] == "yes"
    assert answers["weekend_calls"] == "rarely"
    assert events[6:] == [("answer", "pays_late"), ("answer", "chase_effort"), ("answer", "weekend_calls")]


def test_a_change_that_rules_follow_ups_out_drops_them(keyboard: PipeInput) -> None:
    events: list[tuple[str, str]] = []
    answers = review(keyboard, OFTEN, NO, YES, typed("10"), typed("40"), CALM, NEVER, NEVER,
                     typed("1"), pick(3, up=True),  # pays_late: often -> never
                     CONFIRM, events=events)
    assert answers == {"pays_late": "never", "has_contract": "yes", "revenue_share": 10.0, "margin": 40.0,
                       "tone": "calm", "enjoys_work": "never"}
    assert ("drop", "chase_effort") in events and ("drop", "weekend_calls") in events


def test_a_follow_up_that_comes_back_offers_its_earlier_answer(keyboard: PipeInput) -> None:
    answers = review(keyboard, OFTEN, NO, YES, typed("10"), typed("40"), CALM, pick(2), NEVER,  # weekend: sometimes
                     typed("1"), pick(3, up=True),   # often -> never: the follow-ups go
                     typed("1"), pick(3),            # never -> often: they come back …
                     ENTER, ENTER,                   # … with the pointer on the earlier answers: keep them
                     CONFIRM)
    assert answers["chase_effort"] == "no" and answers["weekend_calls"] == "sometimes"


def test_going_back_from_an_opened_answer_changes_nothing(keyboard: PipeInput) -> None:
    events: list[tuple[str, str]] = []
    answers = review(keyboard, *HEALTHY, typed("2"), pick(3),  # has_contract: Yes, No, Don't know, ← Back
                     CONFIRM, events=events)
    assert answers == HEALTHY_ANSWERS and len(events) == 6


def test_a_number_out_of_range_is_refused_until_it_fits(keyboard: PipeInput) -> None:
    answers = review(keyboard, *HEALTHY, typed("7"), BACKSPACE, typed("x"), BACKSPACE,
                     typed("3"), BACKSPACE * 2, typed("12"), CONFIRM)  # revenue_share: 10 -> 12
    assert answers == {**HEALTHY_ANSWERS, "revenue_share": 12.0}


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D], ids=["ctrl-c", "ctrl-d"])
def test_stopping_at_the_review(keyboard: PipeInput, key: str) -> None:
    with pytest.raises(Interrupted):
        review(keyboard, *HEALTHY, key, CONFIRM)


def test_the_review_lists_every_answer_compactly(keyboard: PipeInput) -> None:
    text, output = screen()
    review(keyboard, *HEALTHY, typed("5"), pick(1), CONFIRM, output=output)
    shown = plain(text.getvalue())
    first, second = shown.split("── Your answers ──")[1:]
    assert "  1. Does the client pay late?  →  Never\n" in first
    assert "  3. Share of your revenue?  →  10%\n" in first
    assert "  4. Your margin on this client?  →  40% margin\n" in first
    assert "  5. How does the client speak to you?  →  Calmly\n" in first
    assert "  5. How does the client speak to you?  →  Curtly\n" in second  # listed again, changed
    assert "  6. Do you enjoy the work?  →  Always\nEnter: see the verdict · a number: change that answer" in first


def test_questions_in_wide_characters_stay_within_the_terminal(keyboard: PipeInput, tmp_path: Path) -> None:
    """A bank whose texts are CJK and emoji (two cells a character), drawn on a terminal 80
    columns wide (pyte): each question is wrapped between words with its later lines indented,
    never broken again by the terminal at column 0, and each review line, shortened to the
    cells left, keeps its answer on its row."""
    raw = io.StringIO()
    output = Vt100_Output(raw, lambda: Size(rows=24, columns=80), term="xterm", enable_cpr=False)
    keyboard.send_text("".join(HEALTHY) + CONFIRM)
    keyboard.close()
    assert Quiz(wide_bank(tmp_path), "en", input=keyboard, output=output, review=True).run() == HEALTHY_ANSWERS
    rows = [row for row in terminal(80, 300, raw.getvalue(), through_pty=True) if row]
    assert any(WIDE_WORDS.split()[0] in row for row in rows)
    broken = [row for row in rows if unicodedata.east_asian_width(row[0]) in "WF"]
    assert not broken, broken  # a row starting with a wide character: the terminal broke the line
    review = rows[rows.index("── Your answers ──") + 1:]
    for number, answer in enumerate(["Never", "Yes", "10%", "40% margin"], start=1):
        line = next(row for row in review if row.startswith(f"{number:>3}. "))
        assert line.endswith(f"…  →  {answer}"), line


def test_a_prompt_naming_a_client_in_wide_characters_is_wrapped_between_words(keyboard: PipeInput) -> None:
    """The resume question with a client's name in CJK, on a terminal 60 columns wide (pyte): the
    message is broken between words where it fits in cells, so no word is cut and nothing is lost
    at the edge (counted in characters, "questionario" was cut to "questi")."""
    raw = io.StringIO()
    output = Vt100_Output(raw, lambda: Size(rows=24, columns=60), term="xterm", enable_cpr=False)
    keyboard.send_text("y")
    client = "大神株式会社 東京本社 営業部 🐋 取引先 請求書"
    assert quiz_module.ask_resume("it", client, "starter", 2, "1 dic 2026, ore 10:00", input=keyboard, output=output)
    rows = [row for row in terminal(60, 24, raw.getvalue(), through_pty=True) if row]
    assert rows[0].startswith(f"? {client} ha un")
    said = " ".join(row.strip() for row in rows)
    assert "ha un questionario lasciato a metà (starter, 2 risposte, 1 dic 2026, ore 10:00)." in said, rows
    assert all(row.startswith("  ") for row in rows[1:]), rows


def test_no_review_goes_straight_to_the_verdict(cli: CliInvoke, monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole command on a simulated terminal: with --no-review the keys of the questions are
    enough; without it the review waits for its Enter (here the input ends: interrupted)."""
    monkeypatch.setattr(quiz_module, "create_output", lambda *args, **kwargs: DummyOutput())
    monkeypatch.setattr(quiz_module, "_terminal_stream", lambda: io.StringIO())

    def on_a_terminal() -> Environment:
        env = Environment.from_system()
        env.stdin_isatty = True
        return env

    monkeypatch.setattr(cli_module, "make_environment", on_a_terminal)

    def assess_with(*flags: str) -> Result:
        with create_pipe_input() as pipe:
            pipe.send_text("".join(HEALTHY))
            pipe.close()
            with create_app_session(input=pipe, output=DummyOutput()):
                return cli("assess", "--bank-file", str(TEST_BANKS / "full.yaml"), "--no-save", "--json", *flags)

    straight = assess_with("--no-review")
    assert straight.exit_code == 0, straight.stderr
    assert {a["question"]: a["answer"] for a in json.loads(straight.stdout)["answers"]}["tone"] == "calm"
    waiting = assess_with()
    assert waiting.exit_code == 130 and waiting.stdout == ""


@pytest.mark.parametrize(("language", "checkup", "starter"), [
    ("en", "Client check-up  (checkup, 29 to 33 questions)", "(starter, 8 questions)"),
    ("it", "Check-up del cliente  (checkup, da 29 a 33 domande)", "(starter, 8 domande)"),
])
def test_bank_label_counts_follow_ups_as_a_range(language: str, checkup: str, starter: str) -> None:
    """The quiz counts "question 1 of 29" until a follow-up applies: the menu says 29 to 33, not 33."""
    assert quiz_module.bank_label(load_bank(QUESTIONS / "checkup.yaml"), language) == checkup
    assert quiz_module.bank_label(load_bank(QUESTIONS / "starter.yaml"), language).endswith(starter)
