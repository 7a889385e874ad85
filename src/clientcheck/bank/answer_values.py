"""One answer value for one question: how what a person wrote is read, and how it is written back.

The bank loader reads condition values with these rules and the answers file, the quiz and
saved results read answers with them, so a value means the same wherever it is written.
"""

from __future__ import annotations

import math
import unicodedata
from functools import cache

from clientcheck.bank.model import DONT_KNOW, FREQUENCY_LEVELS, NO, YES, AnswerValue, Question, QuestionType
from clientcheck.bank.reader import did_you_mean, one_of
from clientcheck.bank.yamlsafe import Scalar
from clientcheck.i18n import answer_word, tr
from clientcheck.text import LANGUAGES, format_number

FIXED_ANSWERS = (YES, NO, DONT_KNOW, *FREQUENCY_LEVELS)

# A fixed answer is read from its id ("dont_know") and from every language's word for it, the
# catalogue's answer.* entries ("Sì", "A volte", "Don't know": one home for those words, which the
# quiz and the screens show too), whatever --lang says, ignoring case, accents, spaces, "_", "-" and
# apostrophes ("a_volte", "avolte"; "si", "SÌ"; "nonso"). These are the other spellings people write.
OTHER_SPELLINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {YES: ("y", "true"), NO: ("n", "false"), DONT_KNOW: ("?",), "rarely": ("seldom",)},
    "it": {YES: ("s", "vero"), NO: ("n", "falso"), "rarely": ("di rado", "quasi mai"),
           "sometimes": ("qualche volta", "talvolta", "ogni tanto")},
}


def answer_key(text: str) -> str:
    """``text`` as the words above are compared: lower case, no accents, no spaces or _ - ' ’."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if c.isalnum() or c == "?")


def answer_spellings(value: str, language: str) -> tuple[str, ...]:
    """Every way ``language`` writes the fixed answer ``value``, the way templates write it first."""
    return (answer_word(value, language), tr(language, f"answer.{value}"),
            *OTHER_SPELLINGS.get(language, {}).get(value, ()))


@cache
def _word_values() -> dict[str, str]:
    """Each spelling, as compared, to its fixed answer (built on first use: it reads every catalogue)."""
    return {answer_key(word): value for value in FIXED_ANSWERS
            for word in (value, *(w for language in LANGUAGES for w in answer_spellings(value, language)))}


def written_answer(value: str, language: str) -> str:
    """How a fixed answer is written in ``language``'s templates ("a volte"); others as they are."""
    return answer_word(value, language) if value in FIXED_ANSWERS else value


def _fixed_answer(raw: Scalar) -> str | None:
    """The fixed answer (yes, no, dont_know, a frequency) that ``raw`` spells, in any language; an
    id as it is (banks and most files) without reading the catalogues."""
    if not isinstance(raw, str):
        return None
    return raw if raw in FIXED_ANSWERS else _word_values().get(answer_key(raw))


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
