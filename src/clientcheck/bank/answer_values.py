"""One answer value for one question: how what a person wrote is read, and how it is written back.

The bank loader reads condition values with these rules and the answers file, the quiz and
saved results read answers with them, so a value means the same wherever it is written.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import cache

from clientcheck.bank.model import DONT_KNOW, FREQUENCY_LEVELS, NO, YES, AnswerValue, Question, QuestionType
from clientcheck.bank.reader import did_you_mean, one_of
from clientcheck.bank.yamlsafe import Scalar
from clientcheck.i18n import answer_word, tr
from clientcheck.i18n.numbers import SEPARATORS, typeable
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


class OutOfRange(InvalidAnswer):
    """A number below the question's minimum or above its maximum."""

    def __init__(self, value: float, minimum: float, maximum: float) -> None:
        super().__init__(f"{format_number(value)} is outside {format_number(minimum)}–{format_number(maximum)}")
        self.value, self.minimum, self.maximum = value, minimum, maximum


# How a number written as text was not one (UnreadableNumber.kind).
NOT_A_NUMBER = "not_a_number"  # no digits to speak of: "abc"
MALFORMED = "malformed"  # digits and marks that no language groups that way: "1.2.3"
OTHER_MARKS = "other_marks"  # the other language's marks: "35.5" read in Italian
AMBIGUOUS = "ambiguous"  # a thousand in one language, a unit in the other: "1.000" with no language said

# ``normalise_answer``'s ``written_in`` for text a person wrote without saying its language (an
# answers file without ``lang:``): read it the way either language does, refused where they disagree.
ANY_LANGUAGE = "*"


class UnreadableNumber(InvalidAnswer):
    """Text at a number question that is not a number as its language writes one; ``written``
    is the number it most likely means, written that language's way, for OTHER_MARKS."""

    def __init__(self, message: str, kind: str, typed: str, written: str = "") -> None:
        super().__init__(message)
        self.kind, self.typed, self.written = kind, typed, written


def _grouped_pattern(decimal: str, group: str) -> re.Pattern[str]:
    """A number as a language writes it: digits grouped by three (or not at all), then decimals."""
    d, g = re.escape(decimal), re.escape(group)
    return re.compile(rf"[+-]?(?:(?:\d{{1,3}}(?:{g}\d{{3}})+|\d+)(?:{d}\d+)?|{d}\d+)")


_WRITTEN = {language: (_grouped_pattern(decimal, group), decimal, group)
            for language, (decimal, group) in SEPARATORS.items()}
_DIGITS_AND_MARKS = re.compile(r"[+-]?[\d.,]*\d[\d.,]*")


def _read_as(text: str, language: str) -> float | None:
    """``text`` read as ``language`` writes numbers ("1.000,5" in Italian), or None."""
    pattern, decimal, group = _WRITTEN[language]
    return float(text.replace(group, "").replace(decimal, ".")) if pattern.fullmatch(text) else None


def read_number(text: str, written_in: str | None) -> float:
    """A number written as text, read as ``written_in`` writes numbers: in Italian "." groups
    thousands and "," marks decimals ("1.000" is a thousand, "35,5" thirty-five and a half), in
    English the other way round. ``ANY_LANGUAGE``: whichever language reads it, refused when they
    read it differently ("1.000"). ``None``: as a program writes it ("35.5"; "35,5" also read).
    Raises UnreadableNumber, saying why."""
    typed = text.strip()
    bare = typed.removesuffix("%").strip()
    if written_in is None:
        try:
            value = float(bare.replace(",", "."))
        except ValueError:
            raise _unreadable(typed, NOT_A_NUMBER) from None
        return _finite(value, typed)
    if written_in in _WRITTEN:
        read = _read_as(bare, written_in)
        if read is not None:
            return read
        other = next((read for language in _WRITTEN if (read := _read_as(bare, language)) is not None), None)
        if other is not None:
            written = typeable(other, written_in)
            raise UnreadableNumber(f"'{typed}' is not written as 'lang: {written_in}' writes numbers: write {written}",
                                   OTHER_MARKS, typed, written)
    else:
        readings = {language: read for language in _WRITTEN if (read := _read_as(bare, language)) is not None}
        if len(set(readings.values())) == 1:
            return next(iter(readings.values()))
        if readings:
            italian, english = format_number(readings["it"]), format_number(readings["en"])
            raise UnreadableNumber(f"'{typed}' is {italian} in Italian and {english} in English: write "
                                   f"{italian} or {english}, or say the file's language with 'lang: it' or "
                                   "'lang: en'", AMBIGUOUS, typed)
        try:
            return _finite(float(bare), typed)  # what else a program writes: 1e3
        except ValueError:
            pass
    raise _unreadable(typed, MALFORMED if _DIGITS_AND_MARKS.fullmatch(bare) else NOT_A_NUMBER)


def _unreadable(typed: str, kind: str) -> UnreadableNumber:
    return UnreadableNumber(f"'{typed}' is not a number", kind, typed)


def _finite(value: float, typed: str) -> float:
    if not math.isfinite(value):
        raise _unreadable(typed, NOT_A_NUMBER)
    return value


def normalise_answer(question: Question, raw: Scalar, written_in: str | None = None) -> AnswerValue:
    """Turn what a person wrote into the canonical answer, or raise InvalidAnswer. A number written
    as text is read as ``written_in`` writes numbers (see ``read_number``)."""
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
            assert question.minimum is not None and question.maximum is not None
            number = _as_number(raw, written_in, question)
            if not question.minimum <= number <= question.maximum:
                raise OutOfRange(number, question.minimum, question.maximum)
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


def _as_number(raw: Scalar, written_in: str | None, question: Question) -> float:
    """``raw`` as a number: a number as it is, text read as ``written_in`` writes numbers."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and math.isfinite(raw):
        return float(raw)
    try:
        if isinstance(raw, str):
            return read_number(raw, written_in)
    except UnreadableNumber as error:
        if error.kind in (OTHER_MARKS, AMBIGUOUS, MALFORMED):
            raise
        typed = error.typed
    else:
        typed = str(raw)
    raise UnreadableNumber(f"answer a number from {format_number(question.minimum)} to "
                           f"{format_number(question.maximum)} (or dont_know)", NOT_A_NUMBER, typed)


def format_answer(value: AnswerValue) -> str:
    """How an answer is written back, in files and JSON."""
    return format_number(value) if isinstance(value, float) else value
