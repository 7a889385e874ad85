"""Scoring: answers in, a verdict with its reasons out. Pure and deterministic.

Risk is a weighted average of each answer's risk (0-100), so it is easy to explain:
"don't know" and follow-ups that were not asked are left out of both sides of the
average, and lower the confidence instead of the risk.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import NamedTuple

from clientcheck.model import (
    DONT_KNOW,
    FREQUENCY_LEVELS,
    SIGNAL_THRESHOLD,
    AllOf,
    AnswerCondition,
    AnswerValue,
    AnyOf,
    Band,
    Bank,
    Condition,
    Dealbreaker,
    Level,
    Not,
    Profile,
    Question,
    RiskCondition,
)
from clientcheck.text import Text


class DimensionScore(NamedTuple):
    id: str
    label: Text
    risk: int | None  # None when no question of the dimension was answered
    confidence: float
    answered: int
    asked: int


class Signal(NamedTuple):
    """An answer that raises a concern, with how much it adds to the overall risk."""

    question: Question
    answer: AnswerValue
    risk: float
    contribution: float  # points of overall risk this answer accounts for
    advice: Text | None


class Verdict(NamedTuple):
    level: Level
    band: Band  # the band the overall risk falls in
    raised_by: tuple[Dealbreaker, ...]  # dealbreakers that lifted the level above the band's
    outcome: Band  # the band whose label and steps fit the final level (``band`` unless raised)

    @property
    def why(self) -> Text:
        """One sentence: the strongest dealbreaker's reason, else the band's summary."""
        return self.raised_by[0].reason if self.raised_by else self.band.summary


class Assessment(NamedTuple):
    bank: Bank
    answers: tuple[tuple[str, AnswerValue], ...]  # the questions asked, in order, with answers
    risk: int
    confidence: float
    dimensions: tuple[DimensionScore, ...]
    signals: tuple[Signal, ...]
    verdict: Verdict
    profiles: tuple[Profile, ...]
    dealbreakers: tuple[Dealbreaker, ...]  # every dealbreaker whose condition holds

    @property
    def unknown(self) -> tuple[str, ...]:
        return tuple(qid for qid, value in self.answers if value == DONT_KNOW)


def round_half_up(value: float) -> int:
    return math.floor(value + 0.5)


def applicable_questions(bank: Bank, answers: Mapping[str, AnswerValue]) -> list[Question]:
    """The questions asked, in order: follow-ups only when their condition holds."""
    return [q for q in bank.questions if q.when is None or holds(q.when, answers)]


def next_question(bank: Bank, answers: Mapping[str, AnswerValue], after: str | None) -> Question | None:
    """The first question after ``after`` (None: from the start) that applies now."""
    started = after is None
    for question in bank.questions:
        if not started:
            started = question.id == after
            continue
        if question.when is None or holds(question.when, answers):
            return question
    return None


def holds(condition: Condition, answers: Mapping[str, AnswerValue],
          risks: Mapping[str, int | None] | None = None) -> bool:
    """Evaluate a structured condition; unknown answers and unknown risks make it false."""
    match condition:
        case AllOf(items=items):
            return all(holds(item, answers, risks) for item in items)
        case AnyOf(items=items):
            return any(holds(item, answers, risks) for item in items)
        case Not(item=item):
            return not holds(item, answers, risks)
        case RiskCondition(scope=scope, operator=operator, value=value):
            risk = (risks or {}).get(scope)
            if risk is None:
                return False
            return risk >= value if operator == "at_least" else risk <= value
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


def assess(bank: Bank, answers: Mapping[str, AnswerValue]) -> Assessment:
    """Score ``answers`` against ``bank``. Answers to questions that do not apply are ignored;
    applicable questions without an answer count as unanswered."""
    asked = applicable_questions(bank, answers)
    given = tuple((q.id, answers[q.id]) for q in asked if q.id in answers)
    known = [(q, answers[q.id]) for q in asked if q.id in answers and answers[q.id] != DONT_KNOW]

    total_weight = sum(q.weight for q in asked)
    known_weight = sum(q.weight for q, _ in known)
    weighted_risk = sum(q.weight * q.answer_risk(a) for q, a in known)
    exact_risk = weighted_risk / known_weight if known_weight else 0.0
    risk = round_half_up(exact_risk)
    confidence = known_weight / total_weight if total_weight else 0.0

    dimensions = tuple(_dimension_score(bank, d.id, d.label, asked, known) for d in bank.dimensions)
    risks: dict[str, int | None] = {"overall": risk if known else None}
    risks.update({d.id: d.risk for d in dimensions})

    signals = []
    for question, answer in known:
        item_risk = question.answer_risk(answer)
        if item_risk >= SIGNAL_THRESHOLD:
            contribution = question.weight * item_risk / known_weight
            signals.append(Signal(question, answer, item_risk, contribution, question.advice_for(answer)))
    signals.sort(key=lambda s: (-s.contribution, bank.questions.index(s.question)))

    band = bank.band_for(risk)
    matched = tuple(d for d in bank.dealbreakers if holds(d.when, answers, risks))
    raising = tuple(sorted((d for d in matched if d.level.rank > band.level.rank),
                           key=lambda d: -d.level.rank))
    level = raising[0].level if raising else band.level
    # A raised verdict takes its label and next steps from the bank's band for that level:
    # "let go" must not come with the steps for "renegotiate".
    outcome = next((b for b in bank.bands if b.level is level), band) if raising else band
    verdict = Verdict(level, band, raising, outcome)
    profiles = tuple(p for p in bank.profiles if holds(p.when, answers, risks))
    return Assessment(bank, given, risk, round(confidence, 4), dimensions, tuple(signals), verdict,
                      profiles, matched)


def _dimension_score(bank: Bank, dimension_id: str, label: Text, asked: list[Question],
                     known: list[tuple[Question, AnswerValue]]) -> DimensionScore:
    mine_asked = [q for q in asked if q.dimension == dimension_id]
    mine_known = [(q, a) for q, a in known if q.dimension == dimension_id]
    asked_weight = sum(q.weight for q in mine_asked)
    known_weight = sum(q.weight for q, _ in mine_known)
    risk = None
    if known_weight:
        risk = round_half_up(sum(q.weight * q.answer_risk(a) for q, a in mine_known) / known_weight)
    confidence = known_weight / asked_weight if asked_weight else 0.0
    return DimensionScore(dimension_id, label, risk, round(confidence, 4), len(mine_known), len(mine_asked))


