"""Saving as you go and resuming: every answer is saved when given; after Ctrl-C the next
``assess --client`` offers to go on from there (``--resume`` does without asking). The quiz is
driven through prompt_toolkit's pipe input, as questionary's own tests do."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input.defaults import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import Result

import clientcheck.ui.quiz as quiz_module
from clientcheck.bank.loader import load_bank
from clientcheck.bank.model import AnswerValue
from clientcheck.cli import app as cli_module
from clientcheck.env import Environment
from clientcheck.ui.quiz import Quiz
from tests.clients_helpers import open_store
from tests.conftest import TEST_BANKS

DOWN, UP, ENTER, CTRL_C, BACKSPACE = "\x1b[B", "\x1b[A", "\r", "\x03", "\x7f"
MINI = load_bank(TEST_BANKS / "mini.yaml")  # pays_late (frequency), share (number), tone (choice), follow
FULL = load_bank(TEST_BANKS / "full.yaml")
NEVER, OFTEN, CALM, RUDE = ENTER, DOWN * 3 + ENTER, ENTER, DOWN + ENTER
CHOICE_BACK = DOWN * 3 + ENTER  # Calm, Rude, (gap), Don't know, ← Previous question
CliInvoke = Callable[..., Result]
Keys = Callable[[str], AbstractContextManager[None]]


def typed(text: str) -> str:
    return text + ENTER


# --- the quiz's hooks ---------------------------------------------------------------------


def run_quiz(keys: str, **hooks: object) -> dict[str, AnswerValue]:
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        pipe.close()
        return Quiz(MINI, "en", input=pipe, output=DummyOutput(), **hooks).run()  # type: ignore[arg-type]


def test_each_answer_and_each_step_back_is_reported_as_it_happens() -> None:
    events: list[tuple[str, ...]] = []
    answers = run_quiz(OFTEN + typed("30") + CHOICE_BACK + typed(BACKSPACE * 2 + "35") + CALM + ENTER,
                       on_answer=lambda q, a: events.append(("answer", q, str(a))),
                       on_back=lambda q: events.append(("back", q)))
    assert answers == {"pays_late": "often", "share": 35.0, "tone": "calm", "follow": "yes"}
    assert events == [("answer", "pays_late", "often"), ("answer", "share", "30.0"), ("back", "share"),
                      ("answer", "share", "35.0"), ("answer", "tone", "calm"), ("answer", "follow", "yes")]


def test_start_answers_are_taken_as_given_and_the_quiz_goes_on_from_there() -> None:
    asked: list[str] = []
    answers = run_quiz(RUDE + ENTER, start_answers={"pays_late": "often", "share": 30.0},
                       on_answer=lambda q, a: asked.append(q))
    assert answers == {"pays_late": "often", "share": 30.0, "tone": "rude", "follow": "yes"}
    assert asked == ["tone", "follow"]  # the resumed ones are not asked again


def test_going_back_from_a_resumed_quiz_reaches_the_resumed_answers() -> None:
    dropped: list[str] = []
    answers = run_quiz(CHOICE_BACK + typed(BACKSPACE * 2 + "50") + CALM,
                       start_answers={"pays_late": "never", "share": 30.0},
                       on_back=dropped.append)  # at tone: "← Previous question", then share again
    assert dropped == ["share"]
    assert answers == {"pays_late": "never", "share": 50.0, "tone": "calm"}


def test_stale_start_answers_off_the_path_are_ignored() -> None:
    answers = run_quiz(CALM, start_answers={"pays_late": "never", "share": 30.0, "follow": "yes"})
    assert answers == {"pays_late": "never", "share": 30.0, "tone": "calm"}  # follow does not apply


# --- the whole command, on a (simulated) terminal ----------------------------------------


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Keys:
    """``with terminal(keys): cli(...)``: the command believes it runs on a terminal and reads ``keys``."""
    monkeypatch.setattr(quiz_module, "create_output", lambda *args, **kwargs: DummyOutput())
    monkeypatch.setenv("CLIENTCHECK_BANKS_PATH", str(TEST_BANKS))

    def on_a_terminal() -> Environment:
        env = Environment.from_system()
        env.stdin_isatty = True
        return env

    monkeypatch.setattr(cli_module, "make_environment", on_a_terminal)

    @contextmanager
    def keys(text: str) -> Iterator[None]:
        with create_pipe_input() as pipe:
            pipe.send_text(text)
            pipe.close()
            with create_app_session(input=pipe, output=DummyOutput()):
                yield

    return keys


def progress_of(home: Path, client: str) -> tuple[tuple[str, AnswerValue], ...] | None:
    with open_store(home) as store:
        found = store.progress(client)
        return None if found is None else found.answers


def test_ctrl_c_keeps_the_answers_and_the_next_run_offers_to_resume(
        cli: CliInvoke, terminal: Keys,
        isolated_home: Path) -> None:
    with terminal(OFTEN + typed("30") + CTRL_C):
        stopped = cli("assess", "--bank", "mini", "--client", "Acme")
    assert stopped.exit_code == 130
    assert stopped.stdout == ""
    assert stopped.stderr == ("\nclientcheck: Interrupted: nothing was scored. The answers given so far are saved: "
                              "run 'clientcheck assess --client \"Acme\"' to resume.\n")
    assert progress_of(isolated_home, "acme") == (("pays_late", "often"), ("share", 30.0))

    with terminal(ENTER + RUDE + ENTER):  # Enter: yes, resume; then tone and the follow-up
        resumed = cli("assess", "--client", "ACME", "--json")  # no --bank: the unfinished quiz's bank
    assert resumed.exit_code == 0, resumed.stderr
    with open_store(isolated_home) as store:
        (saved,) = store.history("Acme", documents=True)
    assert '"answers":[{"question":"pays_late","answer":"often"},{"question":"share","answer":30},' \
           '{"question":"tone","answer":"rude"},{"question":"follow","answer":"yes"}]' in saved.document
    assert progress_of(isolated_home, "Acme") is None  # done: nothing left to resume


def test_resume_flag_resumes_without_asking(cli: CliInvoke, terminal: Keys,
                                            isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.save_answer("Acme", "mini", 1, "pays_late", "never", "2026-01-01T10:00:00Z")
        store.save_answer("Acme", "mini", 1, "share", 20.0, "2026-01-01T10:01:00Z")
    with terminal(CALM):
        result = cli("assess", "--client", "Acme", "--resume", "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["client"] == "Acme"
    assert document["answers"] == [{"question": "pays_late", "answer": "never"}, {"question": "share", "answer": 20},
                                   {"question": "tone", "answer": "calm"}]


def test_declining_to_resume_starts_again_and_drops_the_old_answers(
        cli: CliInvoke, terminal: Keys,
        isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.save_answer("Acme", "mini", 1, "pays_late", "always", "2026-01-01T10:00:00Z")
    with terminal("n" + NEVER + CTRL_C):
        result = cli("assess", "--client", "Acme", "--bank", "mini")
    assert result.exit_code == 130
    assert progress_of(isolated_home, "Acme") == (("pays_late", "never"),)


def test_without_client_the_quiz_asks_for_a_name(cli: CliInvoke, terminal: Keys,
                                                 isolated_home: Path) -> None:
    with terminal(typed("  Bottega  Rossi ") + NEVER + typed("10") + CALM):
        result = cli("assess", "--bank", "mini", "--lang", "it")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.rstrip().endswith('Salvato per Bottega Rossi. L\'andamento: clientcheck history '
                                           '"Bottega Rossi"')
    assert "Bottega Rossi" in cli("clients").stdout


def test_a_blank_name_means_do_not_save(cli: CliInvoke, terminal: Keys,
                                        isolated_home: Path) -> None:
    with terminal(typed("") + NEVER + typed("10") + CALM):
        result = cli("assess", "--bank", "mini")
    assert result.exit_code == 0, result.stderr
    assert "Saved for" not in result.stdout
    assert not (isolated_home / "clientcheck.db").exists()


def test_no_save_asks_no_name_and_saves_nothing(cli: CliInvoke, terminal: Keys,
                                                isolated_home: Path) -> None:
    with terminal(NEVER + typed("10") + CALM):
        result = cli("assess", "--bank", "mini", "--no-save", "--json")
    assert result.exit_code == 0, result.stderr
    assert not (isolated_home / "clientcheck.db").exists()


def test_not_on_a_terminal_nothing_is_asked(cli: CliInvoke, isolated_home: Path) -> None:
    result = cli("assess", "--bank", "whale", "--client", "Acme")  # stdin is not a terminal
    assert result.exit_code == 2
    assert "There is no terminal to ask the questions on" in result.stderr
    assert not (isolated_home / "clientcheck.db").exists() or progress_of(isolated_home, "Acme") is None
