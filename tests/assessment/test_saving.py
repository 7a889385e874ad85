"""Saving as you go and resuming: every answer is saved when given; after Ctrl-C the next
``assess --client`` offers to go on from there (``--resume`` does without asking). The quiz is
driven through prompt_toolkit's pipe input, as questionary's own tests do."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input.defaults import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import Result

import clientcheck.ui.quiz as quiz_module
from clientcheck.assessment.saving import assess_and_save
from clientcheck.assessment.session import (
    AnswersSource,
    Outcome,
    QuizHooks,
    SaveOptions,
    assess_unsaved,
    client_to_save,
)
from clientcheck.bank.loader import load_bank
from clientcheck.bank.model import AnswerValue, Bank
from clientcheck.cli import app as cli_module
from clientcheck.env import Environment
from clientcheck.ui.quiz import Quiz
from clientcheck.ui.result import result_document
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
            pipe.send_text(text + ENTER)  # and Enter at the review of the answers: the verdict
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


def test_a_quiz_with_another_bank_keeps_the_unfinished_one_even_when_stopped_at_once(
        cli: CliInvoke, terminal: Keys, isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.save_answer("Acme", "full", 1, "pays_late", "often", "2026-01-01T10:00:00Z")
    with terminal(CTRL_C):  # the mini quiz stopped before its first answer
        stopped = cli("assess", "--client", "Acme", "--bank", "mini")
    assert stopped.exit_code == 130
    assert progress_of(isolated_home, "Acme") == (("pays_late", "often"),)
    with terminal(NEVER + typed("10") + CALM):  # another bank's quiz finished: the full one is still there
        assert cli("assess", "--client", "Acme", "--bank", "mini", "--json").exit_code == 0
    with open_store(isolated_home) as store:
        kept = store.progress("Acme", "full")
    assert kept is not None and kept.answers == (("pays_late", "often"),)


def test_a_database_locked_during_the_quiz_neither_stalls_it_nor_hides_that_the_result_was_saved(
        cli: CliInvoke, terminal: Keys, isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from clientcheck.saved import store as store_module

    with open_store(isolated_home):
        pass
    holder = sqlite3.connect(isolated_home / "clientcheck.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another clientcheck writing, for the whole quiz
    released: list[bool] = []
    waits: list[int] = []  # how long each statement block may wait for the lock (the quiz's saves)
    real_waiting = store_module.Store._waiting

    def waiting(self: store_module.Store, wait_ms: int) -> AbstractContextManager[None]:
        waits.append(wait_ms)
        return real_waiting(self, wait_ms)

    def release_before_the_final_save() -> None:
        holder.execute("ROLLBACK")
        released.append(True)

    real_save = store_module.Store.save_assessment

    def save_assessment(self: store_module.Store, record: store_module.AssessmentRecord) -> None:
        release_before_the_final_save()
        real_save(self, record)

    monkeypatch.setattr(store_module.Store, "save_assessment", save_assessment)
    monkeypatch.setattr(store_module.Store, "_waiting", waiting)
    with terminal(NEVER + typed("10") + CALM):
        result = cli("assess", "--client", "Acme", "--bank", "mini")
    holder.close()
    assert result.exit_code == 0, result.stderr
    assert released == [True]
    # every save while the lock was held waited the short time, not the full busy timeout: no stall
    assert len(waits) >= 4 and set(waits) == {store_module.PROGRESS_WAIT_MS}, waits
    assert "Saved for Acme" in result.stdout
    assert result.stderr == ""  # the result is saved: nothing says otherwise
    with open_store(isolated_home) as store:
        assert len(store.history("Acme")) == 1


def test_a_result_that_cannot_be_saved_says_so(cli: CliInvoke, terminal: Keys, isolated_home: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from clientcheck.saved import store as store_module

    def busy(self: store_module.Store, record: store_module.AssessmentRecord) -> None:
        raise store_module.StoreBusy("the clientcheck database is busy")

    monkeypatch.setattr(store_module.Store, "save_assessment", busy)
    with terminal(NEVER + typed("10") + CALM):
        result = cli("assess", "--client", "Acme", "--bank", "mini")
    assert "Saved for" not in result.stdout
    assert "not saved" in result.stderr and "busy" in result.stderr


def test_without_client_the_quiz_asks_for_a_name(cli: CliInvoke, terminal: Keys,
                                                 isolated_home: Path) -> None:
    with terminal(typed("  Bottega  Rossi ") + NEVER + typed("10") + CALM):
        result = cli("assess", "--bank", "mini", "--lang", "it")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.rstrip().endswith('Salvato per Bottega Rossi. Per l\'andamento: clientcheck history '
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


# --- the session asks through Prompts: any object will do, no terminal and no ui -----------


class ScriptedPrompts:
    """``Prompts`` answered from a script, to show that the session and saving need nothing from ui."""

    def __init__(self, answers: dict[str, AnswerValue], name: str = "", resume: bool = True) -> None:
        self.answers, self.name, self.resume_answer = answers, name, resume
        self.offered: list[tuple[str, str, int, str]] = []

    def pick_bank(self, banks: Sequence[Bank]) -> Bank:
        return next(bank for bank in banks if bank.id == "mini")

    def quiz(self, bank: Bank, hooks: QuizHooks | None) -> dict[str, AnswerValue]:
        given = dict(hooks.start_answers) if hooks is not None else {}
        for question_id, answer in self.answers.items():
            if question_id not in given:
                given[question_id] = answer
                if hooks is not None and hooks.on_answer is not None:
                    hooks.on_answer(question_id, answer)
        return given

    def client_name(self) -> str:
        return self.name

    def which_client(self, typed: str, candidates: Sequence[str]) -> str:
        return typed

    def resume(self, client: str, bank_id: str, answered: int, stopped: str) -> bool:
        self.offered.append((client, bank_id, answered, stopped))
        return self.resume_answer


def scripted_run(home: Path, prompts: ScriptedPrompts) -> Outcome:
    env = Environment(io.StringIO(), io.StringIO(), io.StringIO(), stdin_isatty=True,
                      environ={"CLIENTCHECK_HOME": str(home), "CLIENTCHECK_BANKS_PATH": str(TEST_BANKS),
                               "CLIENTCHECK_NOW": "2026-01-02T10:00:00Z"})
    source, options = AnswersSource(None), SaveOptions()
    client = client_to_save(env, "en", source, options, prompts)
    if client is None:
        return assess_unsaved(env, "en", None, None, source, prompts)
    return assess_and_save(env, "en", None, None, source, options, client, prompts, result_document)


def test_the_session_and_saving_ask_through_the_prompts_they_are_given(isolated_home: Path) -> None:
    with open_store(isolated_home) as store:
        store.save_answer("Acme", "mini", 1, "pays_late", "never", "2026-01-01T10:00:00Z")
    prompts = ScriptedPrompts({"share": 20.0, "tone": "calm"}, name=" Acme ")
    outcome = scripted_run(isolated_home, prompts)
    assert prompts.offered == [("Acme", "mini", 1, "2026-01-01T10:00:00Z")]
    assert (outcome.client, outcome.resumed, outcome.save_error) == ("Acme", 1, None)
    assert outcome.assessment.answers == (("pays_late", "never"), ("share", 20.0), ("tone", "calm"))
    assert progress_of(isolated_home, "Acme") is None  # the result is saved: nothing left to resume

    unsaved = scripted_run(isolated_home, ScriptedPrompts({"pays_late": "never", "share": 10.0, "tone": "calm"}))
    assert (unsaved.client, unsaved.timestamp) == (None, "2026-01-02T10:00:00Z")  # a blank name: not saved
