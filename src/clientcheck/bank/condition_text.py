"""Conditions as sentences in the reader's language, as ``banks show`` prints them.

"«Ti tratta come personale dipendente…» è a volte, spesso o sempre", "il rischio complessivo è
almeno 60", "ci sono almeno 2 segnali seri in «Fiducia»": a question by its text, an answer by
its label (in lower case, a choice's in quotes), a dimension by its name, never an id or a symbol.
The words come from the catalogue (``cond.*``); the walk over the condition is ``conditions.describe``'s.
"""

from __future__ import annotations

from collections.abc import Sequence

from clientcheck.bank.conditions import describe
from clientcheck.bank.model import (
    FREQUENCY_LEVELS,
    AllOf,
    AnswerCondition,
    AnswerValue,
    AnyOf,
    Bank,
    Condition,
    Not,
    Question,
    QuestionType,
)
from clientcheck.i18n import tr, trn
from clientcheck.i18n.numbers import number

QUESTION_MAX = 48  # a question longer than this is cut at a word, with "…"


def condition_sentence(condition: Condition, bank: Bank, language: str) -> str:
    """``condition`` as a sentence about ``bank``'s questions and dimensions, in ``language``."""
    return describe(_negations_inside(condition), SentenceStyle(bank, language))


def _negations_inside(condition: Condition) -> Condition:
    """A negated answer becomes the answer's own negative operator ("is not", "less than"), so it
    reads "«…» non è sì" rather than "it is not so that «…» è sì"."""
    match condition:
        case Not(item=AnswerCondition(operator=operator) as item):
            return item._replace(operator=f"not_{operator}")
        case Not(item=item):
            return Not(_negations_inside(item))
        case AllOf(items=items):
            return AllOf(tuple(_negations_inside(item) for item in items))
        case AnyOf(items=items):
            return AnyOf(tuple(_negations_inside(item) for item in items))
    return condition


def short_question(text: str) -> str:
    """A question's text without its question mark, cut at a word past ``QUESTION_MAX`` characters."""
    text = " ".join(text.split()).rstrip("?").rstrip()
    if len(text) <= QUESTION_MAX:
        return text
    cut = text[:QUESTION_MAX].rsplit(" ", 1)[0].rstrip(",;:(")
    return cut + "…"


def answer_in_sentence(question: Question | None, value: AnswerValue, language: str) -> str:
    """An answer as a sentence quotes it: a fixed answer in lower case, as an editor writes it in
    mid-sentence ("è spesso o sempre", "is not yes"), an option's label (the bank's own words, which
    may hold a name) in quotes, a number with the question's unit. The quiz and tables keep the
    labels as they are ("Spesso")."""
    if isinstance(value, float | int) and not isinstance(value, bool):
        unit = question.unit.get(language) if question is not None and question.unit else ""
        return f"{number(float(value), language)}{unit}"
    if question is not None and question.type is QuestionType.CHOICE:
        option = next((o for o in question.options if o.id == value), None)
        if option is not None:
            return tr(language, "cond.quoted", text=option.label.get(language))
    if value in ("yes", "no", "dont_know", *FREQUENCY_LEVELS):
        return tr(language, f"answer.{value}").lower()
    return str(value)


def answer_quoted(question: Question | None, value: AnswerValue, language: str) -> str:
    """An answer named on its own, as "went from often to rarely" names it: as each language writes
    it there (Italian quotes it, so that an answer of several words reads as one: "passasse da
    «a volte» a «raramente»", not "da a volte a"); a number stays bare, an option's label is
    quoted once."""
    text = answer_in_sentence(question, value, language)
    if isinstance(value, float | int) and not isinstance(value, bool):
        return text
    if question is not None and question.type is QuestionType.CHOICE and any(o.id == value for o in question.options):
        return text
    return tr(language, "verdict.answer_named", text=text)


class SentenceStyle:
    """The ``ConditionStyle`` that words a condition as a sentence (see the module's docstring)."""

    def __init__(self, bank: Bank, language: str) -> None:
        self.bank = bank
        self.language = language

    def answer(self, question: str, operator: str, value: AnswerValue | tuple[AnswerValue, ...]) -> str:
        found = self.bank.question(question)
        title = short_question(found.text.get(self.language)) if found else question
        negated = operator.startswith("not_")
        if negated and isinstance(value, float | int) and operator in ("not_at_least", "not_at_most"):
            operator, negated = ("below" if operator == "not_at_least" else "above"), False  # known numbers
        values = self._values(found, operator.removeprefix("not_"), value, "nor" if negated else "or")
        return tr(self.language, "cond.answer_is_not" if negated else "cond.answer_is", question=title, values=values)

    def _values(self, question: Question | None, operator: str,
                value: AnswerValue | tuple[AnswerValue, ...], word: str) -> str:
        if isinstance(value, tuple):
            return self.join([self.label(question, v) for v in value], word)
        if operator == "equals":
            return self.label(question, value)
        if isinstance(value, str) and value in FREQUENCY_LEVELS:  # at least often: often or always
            index = FREQUENCY_LEVELS.index(value)
            levels = FREQUENCY_LEVELS[index:] if operator == "at_least" else FREQUENCY_LEVELS[:index + 1]
            return self.join([self.label(question, v) for v in levels], word)
        return tr(self.language, f"cond.{operator}", value=self.label(question, value))

    def label(self, question: Question | None, value: AnswerValue) -> str:
        return answer_in_sentence(question, value, self.language)

    def measure(self, measure: str, scope: str, operator: str, value: float) -> str:
        lang = self.language
        dimension = self.bank.dimension(scope)
        where = tr(lang, "cond.in", dimension=dimension.label.get(lang)) if dimension else ""
        if measure == "risk":
            subject = tr(lang, "cond.risk_overall") if scope == "overall" else tr(lang, "cond.risk_in", where=where)
            return tr(lang, "cond.measure_is", subject=subject,
                      value=tr(lang, f"cond.{operator}", value=number(value, lang)))
        where = "" if scope == "overall" else " " + where
        return trn(lang, f"cond.{measure}.{operator}", int(value), where=where)

    def group(self, name: str, texts: Sequence[str], top: bool) -> str:
        text = self.join(list(texts), "and" if name == "all" else "or")
        return text if top or len(texts) == 1 else f"({text})"

    def negation(self, text: str) -> str:
        return tr(self.language, "cond.not", condition=text)

    def join(self, items: list[str], word: str) -> str:
        """'A, B o C' ('A, B or C'): a list as a sentence lists it."""
        if len(items) <= 1:
            return "".join(items)
        return tr(self.language, f"cond.{word}", first=", ".join(items[:-1]), last=items[-1])
