"""The quiz for a dumb terminal (``TERM=dumb``: an editor's shell, a serial console, a screen
reader's line mode): plain lines, a numbered list, type the number and Enter.

No cursor movement, no erasing, no colour: every line is written once, below the last, and read
with the terminal's own line editing. It is the interactive quiz (``ui/quiz.py``'s ``Quiz``: the
same walk through the bank, resuming, going back, the review) with its questions asked this way,
so the two never disagree on what is asked. Ctrl-D and Ctrl-C stop it with exit 130.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from clientcheck.assessment.session import QuizHooks
from clientcheck.bank.answer_values import InvalidAnswer, normalise_answer
from clientcheck.bank.model import DONT_KNOW, AnswerValue, Bank, Question, QuestionType
from clientcheck.errors import Interrupted
from clientcheck.i18n import tr, trn
from clientcheck.i18n.numbers import typeable
from clientcheck.ui.cells import fill
from clientcheck.ui.dates import long_date
from clientcheck.ui.quiz import BACK, Quiz, bank_label

WIDTH = 79


class LineTerminal:
    """Lines to a terminal and lines typed back: Ctrl-D (end of input) is ``EOFError``, Ctrl-C
    ``KeyboardInterrupt``, as the full-screen prompts raise them."""

    def __init__(self, stdin: TextIO, out: TextIO, language: str) -> None:
        self.stdin = stdin
        self.out = out
        self.language = language

    def say(self, text: str, indent: int = 0, *, hang: bool = False) -> None:
        """``text`` wrapped at ``WIDTH``, each line indented (``hang``: all but the first)."""
        lines = [fill(paragraph, WIDTH, initial_indent="" if hang else " " * indent,
                      subsequent_indent=" " * indent)
                 if paragraph else "" for paragraph in text.split("\n")]
        self.out.write("\n".join(lines) + "\n")
        self.out.flush()

    def ask(self, prompt: str) -> str:
        self.out.write(prompt + " ")
        self.out.flush()
        line = self.stdin.readline()
        if not line:
            self.out.write("\n")
            raise EOFError
        return line.strip()

    def choose(self, labels: Sequence[str]) -> int:
        """A numbered list; the index (0-based) of the one whose number is typed."""
        for number, label in enumerate(labels, start=1):
            self.say(f"{number:>3}. {label}")
        return self.number(len(labels)) - 1

    def number(self, count: int, *, blank: bool = False) -> int:
        """A number from 1 to ``count`` typed (0 for a blank line when ``blank``), asked again until it is one."""
        while True:
            typed = self.ask(tr(self.language, "plain.choose", count=count))
            if blank and not typed:
                return 0
            if typed.isdigit() and 1 <= int(typed) <= count:
                return int(typed)
            self.say(tr(self.language, "plain.not_a_choice", typed=typed, count=count))


class PlainQuiz(Quiz):
    """``Quiz`` asked line by line."""

    KEYS = "plain.keys"  # no arrows here: a number and Enter

    def __init__(self, bank: Bank, language: str, terminal: LineTerminal, **options: object) -> None:
        super().__init__(bank, language, **options)  # type: ignore[arg-type]
        self.terminal = terminal

    def _say(self, text: str, style: str = "", indent: int = 0, *, hang: bool = True) -> None:
        self.terminal.say(text, indent, hang=hang)

    def _width(self) -> int:
        return WIDTH

    def _ask(self, question: Question, index: int, total: int, default: AnswerValue | None,
             *, can_go_back: bool, in_review: bool = False) -> AnswerValue:
        lang, terminal = self.language, self.terminal
        terminal.say("")
        terminal.say(f"{tr(lang, 'quiz.progress', index=index, total=total)}  {question.text.get(lang)}", indent=2,
                     hang=True)  # wrapped lines under the question, as in the full-screen quiz
        if question.help is not None:
            terminal.say(question.help.get(lang), indent=2)
        if question.type is QuestionType.NUMBER:
            return self._ask_number(question, default, can_go_back, in_review=in_review)
        options: list[tuple[AnswerValue, str]] = [*self._options(question), (DONT_KNOW, tr(lang, "answer.dont_know"))]
        if can_go_back:
            options.append((BACK, tr(lang, "quiz.review_back" if in_review else "quiz.back")))
        for number, (value, label) in enumerate(options, start=1):
            mark = "*" if value == default else " "
            terminal.say(f"{mark}{number:>2}. {label}")
        return options[terminal.number(len(options)) - 1][0]

    def _ask_number(self, question: Question, default: AnswerValue | None, can_go_back: bool,
                    *, in_review: bool = False) -> AnswerValue:
        lang, terminal = self.language, self.terminal
        hint = self._number_hint(question, in_review=in_review)
        terminal.say(hint, indent=2)
        if default is not None:
            shown = tr(lang, "answer.dont_know") if default == DONT_KNOW else typeable(float(default), lang)
            terminal.say(f"  [{shown}]")
        while True:
            typed = terminal.ask(">")
            if typed == "<" and can_go_back:
                return BACK
            if not typed and default is not None:
                return default
            try:
                return normalise_answer(question, typed, lang)
            except InvalidAnswer as error:
                terminal.say(self._refusal(error), indent=2)  # what was wrong, quoting what was typed
                terminal.say(hint, indent=2)

    def _ask_review_number(self, count: int) -> int | None:
        self.terminal.say(tr(self.language, "quiz.review_hint"))
        return self.terminal.number(count, blank=True) or None


class PlainPrompts:
    """``Prompts`` for a dumb terminal: every question as plain lines."""

    def __init__(self, language: str, stdin: TextIO, out: TextIO, *, review: bool = True) -> None:
        self.language = language
        self.terminal = LineTerminal(stdin, out, language)
        self.review = review

    def _interrupted(self) -> Interrupted:
        return Interrupted(tr(self.language, "quiz.interrupted"))

    def pick_bank(self, banks: Sequence[Bank]) -> Bank:
        self.terminal.say(tr(self.language, "quiz.pick_bank"))
        try:
            return banks[self.terminal.choose([bank_label(bank, self.language) for bank in banks])]
        except (EOFError, KeyboardInterrupt):
            raise self._interrupted() from None

    def quiz(self, bank: Bank, hooks: QuizHooks | None) -> dict[str, AnswerValue]:
        return PlainQuiz(bank, self.language, self.terminal, start_answers=hooks.start_answers if hooks else None,
                         on_answer=hooks.on_answer if hooks else None, on_back=hooks.on_back if hooks else None,
                         review=self.review).run()

    def client_name(self) -> str:
        try:
            return self.terminal.ask(f"{tr(self.language, 'save.ask_name')} {tr(self.language, 'save.ask_name_hint')}")
        except (EOFError, KeyboardInterrupt):
            raise self._interrupted() from None

    def which_client(self, typed: str, candidates: Sequence[str]) -> str:
        self.terminal.say(tr(self.language, "client.which", client=typed))
        names = [*candidates, typed]
        try:
            return names[self.terminal.choose([*candidates, tr(self.language, "client.which_new", client=typed)])]
        except (EOFError, KeyboardInterrupt):
            raise self._interrupted() from None

    def resume(self, client: str, bank_id: str, answered: int, stopped: str) -> bool:
        lang = self.language
        self.terminal.say(trn(lang, "save.ask_resume", answered, client=client, bank=bank_id,
                              when=long_date(stopped, lang, with_time=True)))
        try:
            return self.terminal.choose([tr(lang, "answer.yes"), tr(lang, "answer.no")]) == 0
        except (EOFError, KeyboardInterrupt):
            raise self._interrupted() from None
