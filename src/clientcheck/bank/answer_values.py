"""One answer value for one question: how what a person wrote is read, and how it is written back.

The bank loader reads condition values with these rules and the answers file, the quiz and
saved results read answers with them, so a value means the same wherever it is written.
"""

from __future__ import annotations

import math
import unicodedata

from clientcheck.bank.model import DONT_KNOW, FREQUENCY_LEVELS, NO, YES, AnswerValue, Question, QuestionType
from clientcheck.bank.reader import did_you_mean, one_of
from clientcheck.bank.yamlsafe import Scalar
from clientcheck.text import format_number

# The words a person may write for each fixed answer, by language; the first is how templates write
# it. Read in any language whatever --lang says, ignoring case, accents, spaces, "_", "-" and
# apostrophes ("A volte", "a_volte", "avolte"; "sì", "si", "SÌ"; "non so", "nonso"; "don't know").
ANSWER_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {YES: ("yes", "y", "true"), NO: ("no", "n", "false"), DONT_KNOW: ("dont_know", "don't know", "?"),
           "never": ("never",), "rarely": ("rarely", "seldom"), "sometimes": ("sometimes",),
           "often": ("often",), "always": ("always",)},
    "it": {YES: ("sì", "s", "vero"), NO: ("no", "n", "falso"), DONT_KNOW: ("non so", "?"),
           "never": ("mai",), "rarely": ("raramente", "di rado", "quasi mai"),
           "sometimes": ("a volte", "qualche volta", "talvolta", "ogni tanto"),
           "often": ("spesso",), "always": ("sempre",)},
}
FIXED_ANSWERS = (YES, NO, DONT_KNOW, *FREQUENCY_LEVELS)


def answer_key(text: str) -> str:
    """``text`` as the words above are compared: lower case, no accents, no spaces or _ - ' ’."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if c.isalnum() or c == "?")


_WORD_VALUES: dict[str, str] = {answer_key(word): value for words in ANSWER_WORDS.values()
                                for value, spellings in words.items() for word in (value, *spellings)}


def written_answer(value: str, language: str) -> str:
    """How a fixed answer is written in ``language``'s templates ("a volte"); others as they are."""
    return ANSWER_WORDS.get(language, ANSWER_WORDS["en"]).get(value, (value,))[0]


def _fixed_answer(raw: Scalar) -> str | None:
    """The fixed answer (yes, no, dont_know, a frequency) that ``raw`` spells, in any language."""
    return _WORD_VALUES.get(answer_key(raw)) if isinstance(raw, str) else None


class InvalidAnswer(ValueError):
    """An answer that does not fit its question; the message says what would."""


def normalise_answer(question: Question, raw: Scalar) -> AnswerValue:
    """Turn what a person wrote into the canonical answer, or raise InvalidAnswer."""
    fixed = _fixed_answer(raw)
    if fixed == DONT_KNOW:
        return DONT_KNOW
    match question.type:
        case QuestionType.YES_NO:
            if isinstance(raw, bool):
                return YES if raw else NO
            if fixed in (YES, NO):
                return fixed
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
            if fixed in allowed:
                return fixed
            by_key = _choice_keys(question)
            if answer_key(word) in by_key:
                return by_key[answer_key(word)]
            suggestion = did_you_mean(word, allowed) if word else ""
            raise InvalidAnswer(f"answer one of {one_of(allowed)} (or dont_know)"
                                + (f"; {suggestion}" if suggestion else ""))
    raise TypeError(question.type)  # pragma: no cover


def _choice_keys(question: Question) -> dict[str, str]:
    """A choice's option ids and labels, in every language, as compared; a spelling two options share
    is left out (it would be a guess)."""
    found: dict[str, set[str]] = {}
    for option in question.options:
        for spelling in (option.id, *(text for _, text in option.label.by_language)):
            found.setdefault(answer_key(spelling), set()).add(option.id)
    return {key: next(iter(ids)) for key, ids in found.items() if len(ids) == 1 and key}


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
