"""The session's questions on a terminal: the bank menu, the quiz, the client's name, resuming.

``assessment.session`` decides what to ask and asks through ``Prompts``; this answers it with the
quiz. Importing it loads questionary, so the CLI imports it only when there is a terminal to
ask on.
"""

from __future__ import annotations

from collections.abc import Sequence

from clientcheck.assessment.session import QuizHooks
from clientcheck.bank.model import AnswerValue, Bank
from clientcheck.ui.dates import long_date
from clientcheck.ui.quiz import Quiz, ask_client_name, ask_resume, ask_which_client, pick_bank


class TerminalPrompts:
    """``Prompts`` on the terminal, in one language; ``review``: the answers listed to check and
    change after the last question."""

    def __init__(self, language: str, *, review: bool = True) -> None:
        self.language = language
        self.review = review

    def pick_bank(self, banks: Sequence[Bank]) -> Bank:
        return pick_bank(banks, self.language)

    def quiz(self, bank: Bank, hooks: QuizHooks | None) -> dict[str, AnswerValue]:
        return Quiz(bank, self.language, start_answers=hooks.start_answers if hooks else None,
                    on_answer=hooks.on_answer if hooks else None, on_back=hooks.on_back if hooks else None,
                    review=self.review).run()

    def client_name(self) -> str:
        return ask_client_name(self.language)

    def which_client(self, typed: str, candidates: Sequence[str]) -> str:
        return ask_which_client(self.language, typed, candidates)

    def resume(self, client: str, bank_id: str, answered: int, stopped: str) -> bool:
        return ask_resume(self.language, client, bank_id, answered, long_date(stopped, self.language, with_time=True))
