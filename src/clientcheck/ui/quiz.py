"""The interactive quiz: the only module that imports questionary and prompt_toolkit.

Prompts draw on the terminal itself (/dev/tty, else stderr), so stdout carries only the result
and a redirected stderr does not hide them. questionary
has no "back" button, so every prompt offers one and the quiz keeps a history to walk back.
"""

from __future__ import annotations

import functools
import gc
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TextIO

import questionary
from prompt_toolkit.application import Application, get_app_or_none
from prompt_toolkit.application import application as _application
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.input import Input
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.key_binding.defaults import load_key_bindings
from prompt_toolkit.output import Output, create_output
from prompt_toolkit.shortcuts import print_formatted_text
from questionary import Choice, Separator

from clientcheck.assessment.scoring import applicable_questions, next_question
from clientcheck.bank.answer_values import (
    MALFORMED,
    OTHER_MARKS,
    InvalidAnswer,
    OutOfRange,
    UnreadableNumber,
    normalise_answer,
)
from clientcheck.bank.model import DONT_KNOW, AnswerValue, Bank, Question, QuestionType
from clientcheck.env import STOPPERS
from clientcheck.errors import Interrupted
from clientcheck.i18n import tr, trn
from clientcheck.i18n.numbers import count as format_count
from clientcheck.i18n.numbers import typeable
from clientcheck.text import one_line
from clientcheck.ui.cells import cell_width, fill, shorten, wrap

BACK = "__back__"
QMARK = "›"

STYLE = questionary.Style([
    ("qmark", "fg:ansicyan bold"),
    ("question", "bold"),
    ("instruction", "fg:ansibrightblack"),
    ("pointer", "fg:ansicyan bold"),
    ("highlighted", "fg:ansicyan bold"),
    ("answer", "fg:ansicyan"),
])


# Each Application (three per select prompt) would build the stateless default key bindings anew: build them once.
setattr(_application, "load_key_bindings", functools.cache(load_key_bindings))  # noqa: B010 (mypy: not re-exported)


def _eof_bindings() -> KeyBindings:
    """Ctrl-D ends the quiz like Ctrl-C (questionary's select swallows it otherwise)."""
    bindings = KeyBindings()

    @bindings.add("c-d", eager=True)
    def _(event: Any) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    return bindings


EOF_BINDINGS = _eof_bindings()  # built once: every prompt shares it


def _yes_no_bindings() -> KeyBindings:
    """A Sì/No menu answers at a keypress, as a confirm would: s, y (yes) or n (no), any case."""
    bindings = KeyBindings()
    for keys, answer in (("sSyY", True), ("nN", False)):
        for key in keys:
            bindings.add(key, eager=True)(functools.partial(_answer_with, answer))
    return bindings


def _answer_with(answer: bool, event: Any) -> None:
    event.app.exit(result=answer)


YES_NO_BINDINGS = _yes_no_bindings()


def _exit_running_prompt(stop: BaseException) -> bool:
    """A signal's error handed to the prompt on screen, which exits with it once its own clean-up
    has given the terminal back (echo, cursor); False when no prompt is running."""
    app = get_app_or_none()
    loop = getattr(app, "loop", None)
    if app is None or not app.is_running or loop is None:
        return False

    def exit_with_it() -> None:
        if app.future is not None and not app.future.done():
            app.exit(exception=stop)

    loop.call_soon_threadsafe(exit_with_it)
    return True


STOPPERS.append(_exit_running_prompt)


def terminal_output() -> Output:
    """Where prompts draw: the terminal itself, as git and fzf do, so that a redirected stderr
    (``assess --json 2>/dev/null | jq .``) still shows the quiz; stderr when there is no
    /dev/tty to open. Prompts are only asked when stdin is a terminal (``session.asks_on_terminal``)."""
    return create_output(stdout=_terminal_stream())


def terminal_stream() -> TextIO:
    """Where prompts draw, as a stream (the plain quiz for a dumb terminal writes its lines there)."""
    return _terminal_stream()


@functools.cache
def _terminal_stream() -> TextIO:
    """/dev/tty, opened once for the run, else stderr."""
    try:
        return open("/dev/tty", "w", encoding="utf-8")  # kept open: every prompt of the run draws on it
    except OSError:
        return sys.stderr


class Quiz:
    """Asks a bank's questions on a terminal and returns the answers given."""

    KEYS = "quiz.keys"  # the intro's line on how to answer: arrows and Enter here

    def __init__(self, bank: Bank, language: str, *, input: Input | None = None,
                 output: Output | None = None, start_answers: Mapping[str, AnswerValue] | None = None,
                 on_answer: Callable[[str, AnswerValue], None] | None = None,
                 on_back: Callable[[str], None] | None = None, review: bool = False) -> None:
        self.bank = bank
        self.language = language
        self.input = input
        self.output = output
        self.start_answers = dict(start_answers or {})  # resume: these are taken as already given
        self.on_answer = on_answer  # told each answer as it is given (saving progress)
        self.on_back = on_back  # told which question's answer was taken back
        self.review = review  # after the last question, every answer listed to check and change

    # -- public -------------------------------------------------------------------------
    def run(self) -> dict[str, AnswerValue]:
        """Ask until the last applicable question; Ctrl-C/Ctrl-D raise ``Interrupted``."""
        gc.freeze()  # what start-up built lives on: the collections between prompts need not walk it
        try:
            return self._run()
        except (KeyboardInterrupt, EOFError):
            raise Interrupted(tr(self.language, "quiz.interrupted")) from None
        finally:
            gc.unfreeze()

    # -- the loop -----------------------------------------------------------------------
    def _run(self) -> dict[str, AnswerValue]:
        bank, lang = self.bank, self.language
        self._say(tr(lang, "quiz.intro", title=bank.title.get(lang), description=bank.description.get(lang),
                     keys=tr(lang, self.KEYS)), "bold")
        history: list[str] = []
        answers: dict[str, AnswerValue] = {}
        remembered: dict[str, AnswerValue] = {}
        shown_dimension: str | None = None
        current = next_question(bank, answers, None)
        while current is not None and current.id in self.start_answers:  # resume where it stopped
            answers[current.id] = remembered[current.id] = self.start_answers[current.id]
            history.append(current.id)
            current = next_question(bank, answers, current.id)
        if history:
            self._say(trn(lang, "quiz.resumed", len(history)), "italic")
        while current is not None:
            if current.dimension != shown_dimension:
                dimension = bank.dimension(current.dimension)
                self._say(f"\n── {dimension.label.get(lang) if dimension else current.dimension} ──", "bold")
                shown_dimension = current.dimension
            index = len(history) + 1
            total = max(index, len(applicable_questions(bank, answers)))
            answer = self._ask(current, index, total, remembered.get(current.id), can_go_back=bool(history))
            if answer == BACK:
                previous = history.pop()
                answers.pop(previous, None)
                if self.on_back is not None:
                    self.on_back(previous)
                current = bank.question(previous)
                shown_dimension = None
                continue
            answers[current.id] = answer
            remembered[current.id] = answer
            if self.on_answer is not None:
                self.on_answer(current.id, answer)
            history.append(current.id)
            current = next_question(bank, answers, current.id)
        if self.review:
            self._review(answers, remembered)
        return self._in_bank_order(answers)

    # -- the review before the verdict ------------------------------------------------------
    def _review(self, answers: dict[str, AnswerValue], remembered: dict[str, AnswerValue]) -> None:
        """Every answer in a numbered list; a number opens that question to change it (the
        follow-ups that a change brings are asked, those it rules out dropped), Enter confirms."""
        lang = self.language
        while True:
            asked = self._asked(answers)
            self._say(f"\n── {tr(lang, 'quiz.review_title')} ──", "bold")
            for number, question in enumerate(asked, start=1):
                self._say(self._review_line(number, question, answers[question.id]), indent=5)
            chosen = self._ask_review_number(len(asked))
            if chosen is None:
                return
            question = asked[chosen - 1]
            answer = self._ask(question, chosen, len(asked), answers[question.id], can_go_back=True,
                               in_review=True)
            if answer == BACK or answer == answers[question.id]:
                continue
            self._keep(question.id, answer, answers, remembered)
            self._settle(answers, remembered)

    def _settle(self, answers: dict[str, AnswerValue], remembered: dict[str, AnswerValue]) -> None:
        """After a change: drop the answers whose question no longer applies, ask the ones that
        now do (offering what was answered before), until nothing moves."""
        while True:
            applicable = applicable_questions(self.bank, answers)
            ids = {question.id for question in applicable}
            stale = [question_id for question_id in answers if question_id not in ids]
            if stale:  # one at a time: a follow-up of a dropped follow-up goes at the next turn
                answers.pop(stale[0])
                if self.on_back is not None:
                    self.on_back(stale[0])
                continue
            missing = [question for question in applicable if question.id not in answers]
            if not missing:
                return
            question = missing[0]
            answer = self._ask(question, applicable.index(question) + 1, len(applicable),
                               remembered.get(question.id), can_go_back=False)
            self._keep(question.id, answer, answers, remembered)

    def _keep(self, question_id: str, answer: AnswerValue, answers: dict[str, AnswerValue],
              remembered: dict[str, AnswerValue]) -> None:
        answers[question_id] = remembered[question_id] = answer
        if self.on_answer is not None:
            self.on_answer(question_id, answer)

    def _asked(self, answers: Mapping[str, AnswerValue]) -> list[Question]:
        return [question for question in applicable_questions(self.bank, answers) if question.id in answers]

    def _in_bank_order(self, answers: Mapping[str, AnswerValue]) -> dict[str, AnswerValue]:
        return {question.id: answers[question.id] for question in self._asked(answers)}

    def _review_line(self, number: int, question: Question, answer: AnswerValue) -> str:
        """``  3. The question, shortened to one line  →  the answer``."""
        shown = self._answer_label(question, answer)
        room = max(20, self._width() - cell_width(shown) - 10)
        return f"{number:>3}. {shorten(question.text.get(self.language), room, placeholder=' …')}  →  {shown}"

    def _answer_label(self, question: Question, answer: AnswerValue) -> str:
        if answer == DONT_KNOW:
            return tr(self.language, "answer.dont_know")
        if question.type is QuestionType.NUMBER:
            unit = question.unit.get(self.language) if question.unit else ""
            return f"{typeable(float(answer), self.language)}{unit}"
        return dict(self._options(question)).get(str(answer), str(answer))

    def _ask_review_number(self, count: int) -> int | None:
        """The number typed (1..count), or None for Enter: confirm and see the verdict."""
        lang = self.language
        invalid = tr(lang, "quiz.review_invalid", count=count)

        def validate(text: str) -> bool | str:
            return True if not text.strip() or text.strip() in {str(n) for n in range(1, count + 1)} else invalid

        self._say(tr(lang, "quiz.review_hint"), "fg:ansibrightblack")
        prompt = questionary.text("", qmark=QMARK, style=STYLE, validate=validate, key_bindings=EOF_BINDINGS,
                                  **self._io())
        typed: str = self._answer(prompt)
        return int(typed) if typed.strip() else None

    def _ask(self, question: Question, index: int, total: int, default: AnswerValue | None,
             *, can_go_back: bool, in_review: bool = False) -> AnswerValue:
        """One question; going back is to the previous question, or to the review (``in_review``)."""
        lang = self.language
        progress = tr(lang, "quiz.progress", index=index, total=total)
        self._say(f"{progress}  {question.text.get(lang)}", "bold", indent=2)
        if question.help is not None:
            self._say(question.help.get(lang), "italic", indent=2, hang=False)
        if question.type is QuestionType.NUMBER:
            return self._ask_number(question, default, can_go_back, in_review=in_review)
        choices: list[Choice | Separator] = [Choice(title, value) for value, title in self._options(question)]
        choices.append(Separator(" "))
        choices.append(Choice(tr(lang, "answer.dont_know"), DONT_KNOW))
        if can_go_back:
            choices.append(Choice(tr(lang, "quiz.review_back" if in_review else "quiz.back"), BACK))
        prompt = questionary.select("", choices=choices, qmark=QMARK, style=STYLE,
                                    default=self._default_choice(choices, default), use_jk_keys=False,
                                    instruction=" ", **self._io())
        prompt.application.key_bindings = merge_key_bindings(
            [prompt.application.key_bindings or KeyBindings(), EOF_BINDINGS])
        result: AnswerValue = self._answer(prompt)
        return result

    def _ask_number(self, question: Question, default: AnswerValue | None, can_go_back: bool,
                    *, in_review: bool = False) -> AnswerValue:
        hint = self._number_hint(question, in_review=in_review)

        def validate(text: str) -> bool | str:
            if text.strip() == "<" and can_go_back:
                return True
            try:
                normalise_answer(question, text, self.language)
            except InvalidAnswer as error:
                return self._refusal(error)  # the typed text stays in the field, to be corrected
            return True

        start = "" if default is None else ("?" if default == DONT_KNOW else typeable(float(default), self.language))
        self._say(hint, "fg:ansibrightblack", indent=2, hang=False)
        prompt = questionary.text("", default=start, qmark=QMARK, style=STYLE, validate=validate,
                                  key_bindings=EOF_BINDINGS, **self._io())
        text: str = self._answer(prompt)
        if text.strip() == "<" and can_go_back:
            return BACK
        return normalise_answer(question, text, self.language)

    def _refusal(self, error: InvalidAnswer) -> str:
        """Why a number typed was refused, in words: "«abc» non è un numero", "120 è oltre il
        massimo, 100", or the marks the quiz's language writes numbers with. One line of 80
        columns at most: the prompt's toolbar does not wrap."""
        lang = self.language
        if isinstance(error, OutOfRange):
            value = typeable(error.value, lang)
            if error.value > error.maximum:
                return tr(lang, "quiz.above_maximum", value=value, max=typeable(error.maximum, lang))
            return tr(lang, "quiz.below_minimum", value=value, min=typeable(error.minimum, lang))
        typed = shorten(one_line(error.typed), 20, placeholder=" …") if isinstance(
            error, UnreadableNumber) else ""
        if not typed.strip():  # Enter on an empty field: "«» is not a number" would say nothing
            return tr(lang, "quiz.number_empty")
        if isinstance(error, UnreadableNumber) and error.kind == OTHER_MARKS:
            return tr(lang, "quiz.number_other_marks", typed=typed, written=error.written)
        if isinstance(error, UnreadableNumber) and error.kind == MALFORMED:
            return tr(lang, "quiz.number_malformed", typed=typed)
        return tr(lang, "quiz.not_a_number", typed=typed)

    def _number_hint(self, question: Question, *, in_review: bool) -> str:
        """What a number question takes, and where ``<`` goes back to."""
        lang = self.language
        low, high = typeable(question.minimum or 0.0, lang), typeable(question.maximum or 0.0, lang)
        unit = question.unit.get(lang) if question.unit else ""
        return tr(lang, "quiz.number_hint_review" if in_review else "quiz.number_hint", min=low, max=f"{high}{unit}")

    def _options(self, question: Question) -> list[tuple[str, str]]:
        lang = self.language
        if question.type is QuestionType.CHOICE:
            return [(option.id, option.label.get(lang)) for option in question.options]
        return [(value, tr(lang, f"answer.{value}")) for value in question.allowed_answers()]

    @staticmethod
    def _answer(prompt: questionary.Question) -> Any:
        """The prompt's answer. Once it is drawn, the earlier prompts' garbage is collected while
        the person reads, instead of in a full collection in the middle of a later keypress."""

        def collect(application: Application[Any]) -> None:
            application.after_render -= collect  # once: not at every arrow key
            gc.collect()

        prompt.application.after_render += collect
        return prompt.unsafe_ask()

    @staticmethod
    def _default_choice(choices: Sequence[Choice | Separator], default: AnswerValue | None) -> Choice | None:
        for choice in choices:
            if isinstance(choice, Choice) and not isinstance(choice, Separator) and choice.value == default:
                return choice
        return None

    # -- output -------------------------------------------------------------------------
    def _io(self) -> dict[str, Any]:
        return {"input": self.input, "output": self._output()}

    def _output(self) -> Output:
        if self.output is None:
            self.output = terminal_output()
        return self.output

    def _width(self) -> int:
        """The width to wrap at: the terminal's, 40 to 99 columns."""
        try:
            return max(40, min(self._output().get_size().columns, 100) - 1)
        except Exception:  # a dummy or odd output: any sane width will do
            return 79

    def _say(self, text: str, style: str = "", indent: int = 0, *, hang: bool = True) -> None:
        """Print word-wrapped text above the prompts (prompt_toolkit would cut words in two)."""
        output = self._output()
        width = self._width()
        lines = []
        for paragraph in text.split("\n"):
            lines.append(fill(paragraph, width, subsequent_indent=" " * indent,
                              initial_indent="" if hang else " " * indent) if paragraph else "")
        print_formatted_text(FormattedText([(style, "\n".join(lines))]), output=output)


def _fitted(message: str, instruction: str, output: Output, qmark: str = "?", *,
            answers: Sequence[str] = ()) -> tuple[str, str]:
    """``message`` and its ``instruction`` broken between words at the terminal's width, where
    prompt_toolkit would break them at the edge, in a word ('lascia vuo' / 'to'); the instruction
    goes on a line of its own when it does not fit after the message, and so does the answer
    (once chosen, a menu writes it after the message) when the longest of ``answers`` would not."""
    try:
        width = max(20, output.get_size().columns - 1)
    except Exception:  # a dummy or odd output: any sane width will do
        width = 79
    lines = wrap(f"{qmark} {message}", width, subsequent_indent="  ") or [qmark]
    fitted = "\n".join(lines)[len(qmark) + 1:]
    below = fill(instruction, width, initial_indent="  ", subsequent_indent="  ")
    if answers and cell_width(lines[-1]) + max(map(cell_width, answers)) + 2 > width:
        return fitted + "\n ", below[2:]  # the prompt's own spaces indent the next line by two
    if cell_width(lines[-1]) + cell_width(instruction) + 3 <= width:  # the prompt's spaces around them
        return fitted, instruction
    return fitted, "\n" + below


def bank_label(bank: Bank, language: str) -> str:
    """A bank as the menu lists it: its title, id and how many questions it has. With follow-ups
    (asked only after some answers) it says the range, as the quiz's "question 1 of 29" counts
    only the questions that apply so far."""
    always = sum(1 for question in bank.questions if question.when is None)
    title = bank.title.get(language)
    if always == len(bank.questions):
        return trn(language, "quiz.bank_choice", len(bank.questions), title=title, bank=bank.id)
    return tr(language, "quiz.bank_choice_range", title=title, bank=bank.id, low=format_count(always, language),
              count=format_count(len(bank.questions), language))


def pick_bank(banks: Sequence[Bank], language: str, *, input: Input | None = None,
              output: Output | None = None) -> Bank:
    """A menu of banks, the default (checkup) first."""
    quiz_output = output or terminal_output()
    choices = [Choice(bank_label(bank, language), bank.id) for bank in banks]
    message, instruction = _fitted(tr(language, "quiz.pick_bank"), tr(language, "quiz.menu_hint"), quiz_output,
                                   answers=[str(choice.title) for choice in choices])
    prompt = questionary.select(message, choices=choices, style=STYLE, instruction=instruction, use_jk_keys=False,
                                input=input, output=quiz_output)
    prompt.application.key_bindings = merge_key_bindings(
        [prompt.application.key_bindings or KeyBindings(), EOF_BINDINGS])
    try:
        chosen = prompt.unsafe_ask()
    except (KeyboardInterrupt, EOFError):
        raise Interrupted(tr(language, "quiz.interrupted")) from None
    return next(bank for bank in banks if bank.id == chosen)


# --- saving: the client's name and resuming ---------------------------------------------------


def ask_client_name(language: str, *, input: Input | None = None, output: Output | None = None) -> str:
    """Which client this is about; blank means "don't save"."""
    quiz_output = output or terminal_output()
    message, instruction = _fitted(tr(language, "save.ask_name"), tr(language, "save.ask_name_hint"), quiz_output)
    prompt = questionary.text(message, qmark="?", style=STYLE, instruction=instruction, key_bindings=EOF_BINDINGS,
                              input=input, output=quiz_output)
    try:
        name: str = prompt.unsafe_ask()
    except (KeyboardInterrupt, EOFError):
        raise Interrupted(tr(language, "quiz.interrupted")) from None
    return name


def ask_which_client(language: str, typed: str, candidates: Sequence[str], *, input: Input | None = None,
                     output: Output | None = None) -> str:
    """A name that nearly matches saved clients: which of them it is, or a new client (last)."""
    choices = [Choice(name, name) for name in candidates]
    choices.append(Choice(tr(language, "client.which_new", client=typed), typed))
    quiz_output = output or terminal_output()
    message, instruction = _fitted(tr(language, "client.which", client=typed), tr(language, "quiz.menu_hint"),
                                   quiz_output, answers=[str(choice.title) for choice in choices])
    prompt = questionary.select(message, choices=choices, style=STYLE, instruction=instruction, use_jk_keys=False,
                                input=input, output=quiz_output)
    prompt.application.key_bindings = merge_key_bindings(
        [prompt.application.key_bindings or KeyBindings(), EOF_BINDINGS])
    try:
        chosen: str = prompt.unsafe_ask()
    except (KeyboardInterrupt, EOFError):
        raise Interrupted(tr(language, "quiz.interrupted")) from None
    return chosen


def ask_resume(language: str, client: str, bank_id: str, answered: int, when: str, *,
               input: Input | None = None, output: Output | None = None) -> bool:
    """Offer to pick an unfinished quiz up where it stopped (``when``: local time, as shown): a Sì/No
    menu, since questionary's confirm can only say "(Y/n)"; s, y or n answer at once."""
    choices = [Choice(tr(language, "answer.yes"), True), Choice(tr(language, "answer.no"), False)]
    quiz_output = output or terminal_output()
    message, instruction = _fitted(trn(language, "save.ask_resume", answered, client=client, bank=bank_id, when=when),
                                   tr(language, "quiz.yes_no_hint"), quiz_output)
    prompt = questionary.select(message, choices=choices, qmark="?", style=STYLE, instruction=instruction,
                                use_jk_keys=False, input=input, output=quiz_output)
    prompt.application.key_bindings = merge_key_bindings(
        [prompt.application.key_bindings or KeyBindings(), EOF_BINDINGS, YES_NO_BINDINGS])
    try:
        answer: bool = prompt.unsafe_ask()
    except (KeyboardInterrupt, EOFError):
        raise Interrupted(tr(language, "quiz.interrupted")) from None
    return answer
