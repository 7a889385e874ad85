"""The question bank as typed, immutable data. Loading builds it; scoring reads it.

Records are ``typing.NamedTuple``s rather than frozen dataclasses: just as typed and
immutable, and several times cheaper to define, which matters because every command
imports this module at start-up. Equality compares every field, ``origin`` included; use
``_replace`` to derive a changed copy.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from typing import NamedTuple

from clientcheck.levels import Level
from clientcheck.text import Text


class QuestionType(StrEnum):
    YES_NO = "yes_no"
    FREQUENCY = "frequency"
    CHOICE = "choice"
    NUMBER = "number"


YES, NO = "yes", "no"
DONT_KNOW = "dont_know"
FREQUENCY_LEVELS = ("never", "rarely", "sometimes", "often", "always")
SIGNAL_THRESHOLD = 50.0  # an answer with at least this much risk triggers its signal
SERIOUS_SIGNAL = 75.0  # "often" or worse on a frequency question
POINTS_PER_RISK = 0.2  # a serious signal adds weight x its risk x this: "often" 15, "always" or yes 20

AnswerValue = str | float
"""An answer: ``yes``/``no``, a frequency level, an option id, a number, or ``dont_know``."""


# --- conditions: structured data, evaluated by scoring, never as strings -----------------


class AnswerCondition(NamedTuple):
    """Holds when the answer to ``question`` compares as ``operator`` to ``value``."""

    question: str
    operator: str  # "equals" | "in" | "at_least" | "at_most"
    value: AnswerValue | tuple[AnswerValue, ...]


class RiskCondition(NamedTuple):
    """Holds when the overall risk, or one dimension's, is at least / at most ``value``."""

    scope: str  # "overall" or a dimension id
    operator: str  # "at_least" | "at_most"
    value: float


class SignalsCondition(NamedTuple):
    """Holds when the number of signals, overall or in one dimension, is at least / at most ``value``."""

    scope: str  # "overall" or a dimension id
    operator: str  # "at_least" | "at_most"
    value: int
    serious: bool = False  # count only serious signals (answer risk 75 or more: "often" or worse)


class AllOf(NamedTuple):
    items: tuple[Condition, ...]


class AnyOf(NamedTuple):
    items: tuple[Condition, ...]


class Not(NamedTuple):
    item: Condition


Condition = AnswerCondition | RiskCondition | SignalsCondition | AllOf | AnyOf | Not


# --- the bank ----------------------------------------------------------------------------


class Source(NamedTuple):
    """Where a bank's ideas come from: the article it was written from."""

    title: str
    author: Text  # a person or a publisher; translatable, e.g. "a LinkedIn consultant"
    date: str
    publisher: str = ""
    url: str = ""


class Dimension(NamedTuple):
    id: str
    label: Text
    description: Text | None = None


class Option(NamedTuple):
    id: str
    label: Text
    risk: float
    advice: Text | None = None


class Question(NamedTuple):
    id: str
    dimension: str
    type: QuestionType
    text: Text
    weight: float = 1.0
    reverse: bool = False
    help: Text | None = None
    advice: Text | None = None
    number: int | None = None
    when: Condition | None = None
    options: tuple[Option, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    unit: Text | None = None
    safe_at: float | None = None
    risky_at: float | None = None
    scored: bool = True  # False: asked for context (profiles, exit plan); adds no risk
    actionable: bool = False  # the answer is something the user can change (terms, scope, brief)

    def allowed_answers(self) -> tuple[str, ...]:
        """The words an answer may be, besides ``dont_know`` (and a number for NUMBER)."""
        match self.type:
            case QuestionType.YES_NO:
                return (YES, NO)
            case QuestionType.FREQUENCY:
                return FREQUENCY_LEVELS
            case QuestionType.CHOICE:
                return tuple(option.id for option in self.options)
            case QuestionType.NUMBER:
                return ()
        raise TypeError(self.type)  # pragma: no cover

    def option(self, option_id: str) -> Option | None:
        return next((option for option in self.options if option.id == option_id), None)

    def answer_risk(self, answer: AnswerValue) -> float:
        """Risk 0-100 carried by one (valid, known) answer to this question."""
        match self.type:
            case QuestionType.YES_NO:
                risk = 100.0 if answer == YES else 0.0
                return 100.0 - risk if self.reverse else risk
            case QuestionType.FREQUENCY:
                risk = FREQUENCY_LEVELS.index(str(answer)) * 25.0
                return 100.0 - risk if self.reverse else risk
            case QuestionType.CHOICE:
                option = self.option(str(answer))
                assert option is not None, f"{answer!r} is not an option of {self.id}"
                return option.risk
            case QuestionType.NUMBER:
                assert self.safe_at is not None and self.risky_at is not None
                span = self.risky_at - self.safe_at
                share = (float(answer) - self.safe_at) / span
                return min(100.0, max(0.0, share * 100.0))
        raise TypeError(self.type)  # pragma: no cover

    def points(self, answer: AnswerValue) -> float:
        """What this answer adds to the risk: only signals add, so healthy answers cannot dilute them."""
        if not self.scored:
            return 0.0
        risk = self.answer_risk(answer)
        if risk < SIGNAL_THRESHOLD:
            return 0.0
        # A signal short of serious ("sometimes") counts half: a recurring friction, not yet a pattern.
        strength = 1.0 if risk >= SERIOUS_SIGNAL else 0.5
        return self.weight * risk * POINTS_PER_RISK * strength

    def advice_for(self, answer: AnswerValue) -> Text | None:
        """The advice for this answer: the chosen option's own, else the question's."""
        if self.type is QuestionType.CHOICE:
            option = self.option(str(answer))
            if option is not None and option.advice is not None:
                return option.advice
        return self.advice


class Band(NamedTuple):
    """A range of overall risk (whole numbers, inclusive) and what it means."""

    minimum: int
    maximum: int
    level: Level
    summary: Text
    label: Text | None = None
    steps: tuple[Text, ...] = ()


class Dealbreaker(NamedTuple):
    """A rule that raises the verdict to at least ``level`` whatever the total."""

    id: str
    when: Condition
    level: Level
    reason: Text


class ExitPlanKind(StrEnum):
    """What a matched profile asks of the exit plan on a let-go verdict."""

    STANDARD = "standard"  # notice, a proper channel, handover, a colleague, thanks, an open door
    PLANNED = "planned"  # a big client: replace the income first, then the standard steps
    NONE = "none"  # nothing to exit (e.g. a prospect you decline)


class Profile(NamedTuple):
    """A named pattern the answers can match (the whale, the bad client, ...)."""

    id: str
    when: Condition
    label: Text
    advice: Text
    exit_plan: ExitPlanKind | None = None  # None: the profile says nothing about the exit plan


class BankKind(StrEnum):
    """What the verdict judges: a relationship you may leave, or your reaction to a client who left."""

    RELATIONSHIP = "relationship"
    FAREWELL = "farewell"  # "let go" rates your reaction: there is nothing to exit


class _BankRecord(NamedTuple):
    id: str
    version: int
    languages: tuple[str, ...]
    title: Text
    description: Text
    source: Source
    dimensions: tuple[Dimension, ...]
    questions: tuple[Question, ...]
    bands: tuple[Band, ...]
    dealbreakers: tuple[Dealbreaker, ...] = ()
    profiles: tuple[Profile, ...] = ()
    origin: str = ""  # the file it was read from
    kind: BankKind = BankKind.RELATIONSHIP
    prospect: Condition | None = None  # holds when the client is only a prospect: declined, never given notice
    revenue_question: str | None = None  # the number question giving this client's share of your revenue
    menu_order: int | None = None  # place in the quiz menu (lower first); banks without it come after


class Bank(_BankRecord):
    """A question bank: the record above, whose questions are also found by id.

    The index is built on first use and kept beside the fields (a subclass of a NamedTuple
    has an instance dict), so equality, hashing and ``_replace`` see only the fields, and a
    copy made with ``_replace`` builds its own."""

    @cached_property
    def _questions_by_id(self) -> dict[str, Question]:
        index: dict[str, Question] = {}
        for question in self.questions:
            index.setdefault(question.id, question)  # the first of a (hand-made) duplicate, as a search finds
        return index

    def question(self, question_id: str) -> Question | None:
        return self._questions_by_id.get(question_id)  # a dict, not a search: answers look up every question

    def dimension(self, dimension_id: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.id == dimension_id), None)

    def band_for(self, risk: int) -> Band:
        for band in self.bands:
            if band.minimum <= risk <= band.maximum:
                return band
        raise ValueError(f"no band holds risk {risk}")  # validated away at load time
