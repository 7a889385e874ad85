"""One answer value for one question: how what a person wrote is read, and how it is written back.

The bank loader reads condition values with these rules and the answers file, the quiz and
saved results read answers with them, so a value means the same wherever it is written.
"""

from __future__ import annotations

import math

from clientcheck.bank.model import DONT_KNOW, NO, YES, AnswerValue, Question, QuestionType
from clientcheck.bank.reader import did_you_mean, one_of
from clientcheck.bank.yamlsafe import Scalar
from clientcheck.text import format_number

_YES_WORDS = {"yes", "y", "true", "si", "sì", "sí"}
_NO_WORDS = {"no", "n", "false"}
_DONT_KNOW_WORDS = {DONT_KNOW, "?", "dont know", "don't know", "non so", "non_so"}


class InvalidAnswer(ValueError):
    """An answer that does not fit its question; the message says what would."""


def normalise_answer(question: Question, raw: Scalar) -> AnswerValue:
    """Turn what a person wrote into the canonical answer, or raise InvalidAnswer."""
    if isinstance(raw, str) and raw.strip().lower() in _DONT_KNOW_WORDS:
        return DONT_KNOW
    match question.type:
        case QuestionType.YES_NO:
            if isinstance(raw, bool):
                return YES if raw else NO
            word = str(raw).strip().lower() if raw is not None else ""
            if word in _YES_WORDS:
                return YES
            if word in _NO_WORDS:
                return NO
            raise InvalidAnswer("answer yes or no (or dont_know)")
        case QuestionType.NUMBER:
            number = _as_number(raw)
            if number is None:
                raise InvalidAnswer(f"answer a number from {format_number(question.minimum)} to "
                                    f"{format_number(question.maximum)} (or dont_know)")
            assert question.minimum is not None and question.maximum is not None
            if not question.minimum <= number <= question.maximum:
                raise InvalidAnswer(f"{format_number(number)} is outside {format_number(question.minimum)}–"
                                    f"{format_number(question.maximum)}")
            return number
        case QuestionType.FREQUENCY | QuestionType.CHOICE:
            allowed = question.allowed_answers()
            word = str(raw).strip() if isinstance(raw, (str, int, float)) and not isinstance(raw, bool) else ""
            if word in allowed:
                return word
            suggestion = did_you_mean(word, allowed) if word else ""
            raise InvalidAnswer(f"answer one of {one_of(allowed)} (or dont_know)"
                                + (f"; {suggestion}" if suggestion else ""))
    raise TypeError(question.type)  # pragma: no cover


def _as_number(raw: Scalar) -> float | None:
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, (int, float)):
        value = float(raw)
    else:
        try:
            value = float(str(raw).strip().rstrip("%").replace(",", "."))
        except ValueError:
            return None
    return value if math.isfinite(value) else None


def format_answer(value: AnswerValue) -> str:
    """How an answer is written back, in files and JSON."""
    return format_number(value) if isinstance(value, float) else value
