"""Conditions in one place: whether one holds, which questions it looks at, how it reads, and
how it is written back as bank data.

A condition is structured data (``AnswerCondition``, ``RiskCondition``, ... in model.py),
never a string: the loader builds it, scoring evaluates it with ``holds``, and the two texts
people read (the answers template, ``banks show``) come from one ``describe`` in two styles
(the sentences ``banks show`` prints are ``condition_text.SentenceStyle``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from clientcheck.bank.answer_values import format_answer
from clientcheck.bank.model import (
    DONT_KNOW,
    FREQUENCY_LEVELS,
    AllOf,
    AnswerCondition,
    AnswerValue,
    AnyOf,
    Condition,
    Not,
    RiskCondition,
    SignalsCondition,
)
from clientcheck.text import format_number, plain_number

# --- evaluation -----------------------------------------------------------------------------


def holds(condition: Condition, answers: Mapping[str, AnswerValue],
          risks: Mapping[str, int | None] | None = None,
          signals: Mapping[tuple[str, bool], int] | None = None) -> bool:
    """Evaluate a structured condition; unknown answers and unknown risks make it false."""
    match condition:
        case AllOf(items=items):
            return all(holds(item, answers, risks, signals) for item in items)
        case AnyOf(items=items):
            return any(holds(item, answers, risks, signals) for item in items)
        case Not(item=item):
            return not holds(item, answers, risks, signals)
        case RiskCondition(scope=scope, operator=operator, value=value):
            risk = (risks or {}).get(scope)
            if risk is None:
                return False
            return risk >= value if operator == "at_least" else risk <= value
        case SignalsCondition(scope=scope, operator=operator, value=count, serious=serious):
            found = (signals or {}).get((scope, serious), 0)
            return found >= count if operator == "at_least" else found <= count
        case AnswerCondition(question=question, operator=operator, value=value):
            answer = answers.get(question)
            if answer is None or answer == DONT_KNOW:
                return False
            if operator == "equals":
                return answer == value
            if operator == "in":
                return isinstance(value, tuple) and answer in value
            left, right = _ordinal(answer), _ordinal(value)
            if left is None or right is None:
                return False
            return left >= right if operator == "at_least" else left <= right
    raise TypeError(condition)  # pragma: no cover


def _ordinal(value: object) -> float | None:
    if isinstance(value, float | int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str) and value in FREQUENCY_LEVELS:
        return float(FREQUENCY_LEVELS.index(value))
    return None


def referenced_questions(condition: Condition) -> tuple[str, ...]:
    """Every question id a condition looks at, in order."""
    match condition:
        case AnswerCondition(question=question):
            return (question,)
        case RiskCondition() | SignalsCondition():
            return ()
        case AllOf(items=items) | AnyOf(items=items):
            return tuple(q for item in items for q in referenced_questions(item))
        case Not(item=item):
            return referenced_questions(item)
    raise TypeError(condition)  # pragma: no cover


# --- description: one walk over the condition, two ways of wording it -----------------------


class ConditionStyle(Protocol):
    """How ``describe`` words each kind of part of a condition."""

    def answer(self, question: str, operator: str, value: AnswerValue | tuple[AnswerValue, ...]) -> str: ...

    def measure(self, measure: str, scope: str, operator: str, value: float) -> str:
        """``measure`` is 'risk', 'signals' or 'serious_signals'."""
        ...

    def group(self, name: str, texts: Sequence[str], top: bool) -> str:
        """``name`` is 'all' or 'any'; ``top`` is False when the group is inside another one."""
        ...

    def negation(self, text: str) -> str: ...


class BankFormatStyle:
    """In the bank format's own words, as the answers template shows a follow-up's condition:
    ``pays_late in [often, always]``, ``all(a, b)``, ``risk overall at_least 50``."""

    def answer(self, question: str, operator: str, value: AnswerValue | tuple[AnswerValue, ...]) -> str:
        shown = (f"[{', '.join(format_answer(v) for v in value)}]" if isinstance(value, tuple)
                 else format_answer(value))
        return f"{question} {operator} {shown}"

    def measure(self, measure: str, scope: str, operator: str, value: float) -> str:
        return f"{measure} {scope} {operator} {format_number(value)}"

    def group(self, name: str, texts: Sequence[str], top: bool) -> str:
        return f"{name}({', '.join(texts)})"

    def negation(self, text: str) -> str:
        return f"not({text})"


BANK_FORMAT = BankFormatStyle()


def describe(condition: Condition, style: ConditionStyle = BANK_FORMAT, top: bool = True) -> str:
    """A condition on one line, worded by ``style``."""
    match condition:
        case AnswerCondition(question=question, operator=operator, value=value):
            return style.answer(question, operator, value)
        case RiskCondition(scope=scope, operator=operator, value=value):
            return style.measure("risk", scope, operator, value)
        case SignalsCondition(scope=scope, operator=operator, value=count, serious=serious):
            return style.measure("serious_signals" if serious else "signals", scope, operator, count)
        case AllOf(items=items) | AnyOf(items=items):
            name = "all" if isinstance(condition, AllOf) else "any"
            return style.group(name, [describe(item, style, top=False) for item in items], top)
        case Not(item=item):
            return style.negation(describe(item, style))
    raise TypeError(condition)  # pragma: no cover


# --- serialisation: the bank-file format ----------------------------------------------------


def condition_data(condition: Condition) -> dict[str, Any]:
    """The condition as plain data, as a bank file writes it: loading it back gives an equal one."""
    match condition:
        case AnswerCondition(question=question, operator=operator, value=value):
            if isinstance(value, tuple):
                return {"question": question, operator: [_plain_answer(v) for v in value]}
            return {"question": question, operator: _plain_answer(value)}
        case RiskCondition(scope=scope, operator=operator, value=value):
            return {"risk": scope, operator: plain_number(value)}
        case SignalsCondition(scope=scope, operator=operator, value=count, serious=serious):
            return {"serious_signals" if serious else "signals": scope, operator: count}
        case AllOf(items=items):
            return {"all": [condition_data(item) for item in items]}
        case AnyOf(items=items):
            return {"any": [condition_data(item) for item in items]}
        case Not(item=item):
            return {"not": condition_data(item)}
    raise TypeError(condition)  # pragma: no cover


def _plain_answer(value: AnswerValue) -> str | int | float:
    return value if isinstance(value, str) else plain_number(value)
