"""What each command does, as functions that take an Environment and return data.

No Rich and no questionary at import time: the CLI renders what these return, and the quiz
is imported only when a question must really be asked on a terminal.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from clientcheck.assessment.answers import answers_for, parse_answers
from clientcheck.assessment.scoring import Assessment, assess
from clientcheck.bank.catalog import DEFAULT_BANK, find_bank, menu_banks
from clientcheck.bank.loader import load_bank
from clientcheck.bank.model import AnswerValue, Bank
from clientcheck.env import Environment
from clientcheck.errors import UsageError
from clientcheck.i18n import tr

if TYPE_CHECKING:
    from clientcheck.assessment.saving import QuizHooks


class AnswersSource(NamedTuple):
    """Where answers come from: a file, standard input (``-``), or the terminal (None)."""

    path: str | None

    @property
    def interactive(self) -> bool:
        return self.path is None


def resolve_bank(env: Environment, bank_id: str | None, bank_file: Path | None,
                 fallback_id: str | None = None) -> Bank:
    if bank_id and bank_file:
        raise UsageError("--bank and --bank-file cannot be used together", "choose one of them")
    if bank_file is not None:
        return load_bank(bank_file)
    return find_bank(bank_id or fallback_id or DEFAULT_BANK, env.environ)


def run_assessment(env: Environment, language: str, bank_id: str | None, bank_file: Path | None,
                   source: AnswersSource, hooks: Callable[[Bank], QuizHooks] | None = None) -> Assessment:
    """Get answers (file, stdin or quiz) for the chosen bank and score them. ``hooks`` gives the
    quiz its saved answers to resume from and where to save each new one (see ``saving``)."""
    if source.interactive:
        if not env.stdin_isatty:
            raise UsageError(tr(language, "error.no_tty"),
                             tr(language, "error.no_tty_hint", bank=bank_id or DEFAULT_BANK))
        bank = _pick_bank(env, language, bank_id, bank_file)
        from clientcheck.ui.quiz import Quiz

        hook = hooks(bank) if hooks is not None else None
        answers: dict[str, AnswerValue] = Quiz(
            bank, language, start_answers=hook.start_answers if hook else None,
            on_answer=hook.on_answer if hook else None, on_back=hook.on_back if hook else None).run()
        return assess(bank, answers)
    from_stdin = source.path == "-"
    document = parse_answers(None if from_stdin else Path(str(source.path)),
                             stdin_text=_read_stdin_bytes(env) if from_stdin else None)
    bank = resolve_bank(env, bank_id, bank_file, fallback_id=document.named_bank())
    return assess(bank, answers_for(document, bank))


def _pick_bank(env: Environment, language: str, bank_id: str | None, bank_file: Path | None) -> Bank:
    if bank_id or bank_file:
        return resolve_bank(env, bank_id, bank_file)
    banks = menu_banks(env.environ)
    if not banks:
        return find_bank(DEFAULT_BANK, env.environ)  # raises BankNotFound with the details
    from clientcheck.ui.quiz import pick_bank

    return pick_bank(banks, language)


def _read_stdin_bytes(env: Environment) -> bytes:
    stream = env.stdin_bytes
    if stream is None:  # a text-only stdin (tests): encode what it holds
        return env.stdin.read().encode("utf-8")
    return stream.read()
