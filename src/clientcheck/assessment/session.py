"""One ``assess`` run: which bank, where the answers come from, which client, as functions that
take an Environment and return data.

Nothing here prints or prompts. Whatever must be asked on a terminal (the bank menu, the quiz,
the client's name, whether to resume) is asked through ``Prompts``, which ``ui`` provides and
the CLI passes in only when there is a terminal to ask on: the quiz is never imported otherwise.
Saving lives in ``saving``, which imports the store; this module does not, so an ``assess``
without a client never loads sqlite3.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple, Protocol

from clientcheck.assessment.answers import answers_for, parse_answers
from clientcheck.assessment.scoring import Assessment, assess
from clientcheck.bank.catalog import DEFAULT_BANK, find_bank, menu_banks
from clientcheck.bank.loader import load_bank
from clientcheck.bank.model import AnswerValue, Bank
from clientcheck.clock import now_stamp
from clientcheck.env import Environment
from clientcheck.errors import ClientcheckError, UsageError
from clientcheck.i18n import tr
from clientcheck.reading import stdin_source


class AnswersSource(NamedTuple):
    """Where answers come from: a file, standard input (``-``), or the terminal (None)."""

    path: str | None

    @property
    def interactive(self) -> bool:
        return self.path is None


class SaveOptions(NamedTuple):
    """``--client NAME``, ``--no-save``, ``--resume``, ``--new-client``."""

    client: str | None = None
    save: bool = True
    resume: bool = False
    new_client: bool = False  # --new-client: a name like a saved one is meant as a new client


class QuizHooks(NamedTuple):
    """What a quiz starts from, and whom it tells about each answer and each step back."""

    start_answers: Mapping[str, AnswerValue]
    on_answer: Callable[[str, AnswerValue], None] | None = None
    on_back: Callable[[str], None] | None = None


class Prompts(Protocol):
    """What a session asks the person at the terminal; ``ui`` answers (assessment never imports ui)."""

    def pick_bank(self, banks: Sequence[Bank]) -> Bank:
        """The bank chosen from a menu of ``banks``."""

    def quiz(self, bank: Bank, hooks: QuizHooks | None) -> dict[str, AnswerValue]:
        """The answers to ``bank``'s questions, asked one at a time."""

    def client_name(self) -> str:
        """Which client this is about, as typed; blank means "don't save"."""

    def which_client(self, typed: str, candidates: Sequence[str]) -> str:
        """A saved client among ``candidates`` that ``typed`` nearly matches, or ``typed`` for a new one."""

    def resume(self, client: str, bank_id: str, answered: int, stopped: str) -> bool:
        """Whether to go on with an unfinished quiz (``stopped``: when, a stored UTC timestamp)."""


class Outcome(NamedTuple):
    assessment: Assessment
    timestamp: str
    client: str | None  # the name it was saved under; None when not saved
    save_error: ClientcheckError | None = None
    resumed: int = 0  # answers taken from an unfinished quiz


def asks_on_terminal(env: Environment, source: AnswersSource) -> bool:
    """Whether this run asks its questions on a terminal, so it needs ``Prompts``."""
    return source.interactive and env.stdin_isatty


def resolve_bank(env: Environment, bank_id: str | None, bank_file: Path | None,
                 fallback_id: str | None = None) -> Bank:
    if bank_id and bank_file:
        raise UsageError("--bank and --bank-file cannot be used together", "choose one of them")
    if bank_file is not None:
        return load_bank(bank_file)
    return find_bank(bank_id or fallback_id or DEFAULT_BANK, env.environ)


def client_to_save(env: Environment, language: str, source: AnswersSource, options: SaveOptions,
                   prompts: Prompts | None) -> str | None:
    """The client to save under, as given (``saving`` cleans it): ``--client``, else the name
    typed on a terminal; None when nothing is to be saved. Options that do not go together
    are refused first."""
    if options.resume and not source.interactive:
        raise UsageError(tr(language, "save.resume_needs_quiz"))
    if options.resume and not options.save:
        raise UsageError(tr(language, "save.resume_needs_client"))
    if not options.save:
        return None
    if options.client is not None:
        return options.client
    if prompts is not None and asks_on_terminal(env, source):
        typed = prompts.client_name()
        return typed if typed.strip() else None
    return None


def run_assessment(env: Environment, language: str, bank_id: str | None, bank_file: Path | None,
                   source: AnswersSource, prompts: Prompts | None,
                   hooks: Callable[[Bank], QuizHooks] | None = None) -> Assessment:
    """Get answers (file, stdin or quiz) for the chosen bank and score them. ``prompts`` asks on
    the terminal (None: there is none to ask on); ``hooks`` gives the quiz its saved answers to
    resume from and where to save each new one (see ``saving``)."""
    now_stamp(env.environ)  # a CLIENTCHECK_NOW that cannot be used is refused before any question is asked
    if source.interactive:
        if not env.stdin_isatty or prompts is None:
            if bank_id or bank_file:
                resolve_bank(env, bank_id, bank_file)  # a wrong bank is the first thing to say
            raise UsageError(tr(language, "error.no_tty"),
                             tr(language, "error.no_tty_hint", bank=bank_id or DEFAULT_BANK))
        bank = _pick_bank(env, prompts, bank_id, bank_file)
        return assess(bank, prompts.quiz(bank, hooks(bank) if hooks is not None else None))
    from_stdin = source.path == "-"
    document = parse_answers(None if from_stdin else Path(str(source.path)),
                             stdin=stdin_source(env.stdin) if from_stdin else None)
    bank = resolve_bank(env, bank_id, bank_file, fallback_id=document.named_bank())
    return assess(bank, answers_for(document, bank))


def assess_unsaved(env: Environment, language: str, bank_id: str | None, bank_file: Path | None,
                   source: AnswersSource, prompts: Prompts | None) -> Outcome:
    """``assess`` with nothing to save: the assessment and when it was made."""
    assessment = run_assessment(env, language, bank_id, bank_file, source, prompts)
    return Outcome(assessment, now_stamp(env.environ), None)


def _pick_bank(env: Environment, prompts: Prompts, bank_id: str | None, bank_file: Path | None) -> Bank:
    if bank_id or bank_file:
        return resolve_bank(env, bank_id, bank_file)
    banks = menu_banks(env.environ)
    if not banks:
        return find_bank(DEFAULT_BANK, env.environ)  # raises BankNotFound with the details
    return prompts.pick_bank(banks)
