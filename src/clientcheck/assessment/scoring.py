"""Scoring: answers in, a verdict with its reasons out. Pure and deterministic.

The overall risk is a sum of points: every answer that signals a problem (answer risk 50 or
more) adds its weight x its risk / 5, halved under 75: at weight 1 "always" adds 20, "sometimes" 5.
Healthy answers, "don't know" and context questions (``scored: false``, such as revenue
share) add nothing, so they can neither hide a signal nor raise one; unknowns lower the
confidence. The total, capped at 100, falls in a band; dealbreakers can raise the level.
A dimension's risk is different on purpose: the weighted mean of its answers, the share of
that area in trouble, which is what conditions on one dimension ask. docs/scoring.md says why.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from itertools import combinations
from typing import NamedTuple

from clientcheck.bank.conditions import holds
from clientcheck.bank.model import (
    DONT_KNOW,
    FREQUENCY_LEVELS,
    SERIOUS_SIGNAL,
    SIGNAL_THRESHOLD,
    AnswerValue,
    Band,
    Bank,
    Dealbreaker,
    Profile,
    Question,
)
from clientcheck.levels import LEVELS, Level
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
    contribution: float  # points of overall risk this answer adds
    advice: Text | None


class Change(NamedTuple):
    """One answer changed: what it is now and what it would become."""

    question: Question
    before: AnswerValue
    after: AnswerValue


class Flip(NamedTuple):
    """The fewest changes to answers the user can act on that move the verdict one level.

    Down for every level but keep (what would make it better); up for keep (what to watch).
    ``minimal`` is False when the search was cut short and a greedy set is given instead.
    """

    direction: str  # "down" | "up"
    level: Level  # the level the changes lead to
    risk: int
    changes: tuple[Change, ...]
    minimal: bool = True


class Bounds(NamedTuple):
    """The levels the "don't know" answers could lead to, answered in the best and worst way."""

    best: Level
    worst: Level
    best_risk: int
    worst_risk: int


class Verdict(NamedTuple):
    level: Level
    band: Band  # the band the overall risk falls in
    raised_by: tuple[Dealbreaker, ...]  # dealbreakers that lifted the level above the band's
    outcome: Band  # the band whose label and steps fit the final level (``band`` unless raised)
    partial: bool = False  # not raised, and too little is known to claim the band's summary

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
    flip: Flip | None = None  # what would change the verdict (None: nothing the user can act on)
    bounds: Bounds | None = None  # None when every answer is known

    @property
    def unknown(self) -> tuple[str, ...]:
        return tuple(qid for qid, value in self.answers if value == DONT_KNOW)


def round_half_up(value: float) -> int:
    return math.floor(value + 0.5)


def _walk(bank: Bank, answers: Mapping[str, AnswerValue]) -> Iterator[tuple[Question, bool]]:
    """Every question in order, with whether it is asked. A follow-up's condition sees only the
    answers to questions asked before it: an answer kept for a question no longer asked (an answers
    file, or a changed answer in the quiz) must not bring in that question's own follow-ups."""
    asked: dict[str, AnswerValue] = {}
    for question in bank.questions:
        applies = question.when is None or holds(question.when, asked)
        if applies and question.id in answers:
            asked[question.id] = answers[question.id]
        yield question, applies


def applicable_questions(bank: Bank, answers: Mapping[str, AnswerValue]) -> list[Question]:
    """The questions asked, in order: follow-ups only when their condition holds."""
    return [question for question, applies in _walk(bank, answers) if applies]


def next_question(bank: Bank, answers: Mapping[str, AnswerValue], after: str | None) -> Question | None:
    """The first question after ``after`` (None: from the start) that applies now."""
    started = after is None
    for question, applies in _walk(bank, answers):
        if not started:
            started = question.id == after
            continue
        if applies:
            return question
    return None


CONFIDENT = 0.6  # below this share of the weight answered, a band's summary is not claimed
SEARCH_BUDGET = 4000  # re-scorings the search for a flip may spend before it settles for greedy


def assess(bank: Bank, answers: Mapping[str, AnswerValue], *, explain: bool = True) -> Assessment:
    """Score ``answers`` against ``bank``. Answers to questions that do not apply are ignored;
    applicable questions without an answer count as unanswered.

    ``explain`` also works out what would change the verdict and where the unknowns could
    lead, by scoring changed answers again (exact, never estimated).
    """
    asked = applicable_questions(bank, answers)
    given = tuple((q.id, answers[q.id]) for q in asked if q.id in answers)
    known = [(q, answers[q.id]) for q in asked if q.id in answers and answers[q.id] != DONT_KNOW]

    total_weight = sum(q.weight for q in asked if q.scored)
    known_weight = sum(q.weight for q, _ in known if q.scored)
    scored_known = any(q.scored for q, _ in known)
    risk = min(100, round_half_up(sum(q.points(a) for q, a in known)))
    confidence = known_weight / total_weight if total_weight else 0.0

    order = {q.id: position for position, q in enumerate(bank.questions)}
    signals = [Signal(q, a, q.answer_risk(a), q.points(a), q.advice_for(a))
               for q, a in known if q.scored and q.answer_risk(a) >= SIGNAL_THRESHOLD]
    signals.sort(key=lambda s: (-s.contribution, order[s.question.id]))

    asked_in: dict[str, list[Question]] = {}  # each dimension's scored questions, grouped in one pass over them
    known_in: dict[str, list[tuple[Question, AnswerValue]]] = {}
    for question in asked:
        if question.scored:
            asked_in.setdefault(question.dimension, []).append(question)
    for question, answer in known:
        if question.scored:
            known_in.setdefault(question.dimension, []).append((question, answer))
    dimensions = tuple(_dimension_score(d.id, d.label, asked_in.get(d.id, []), known_in.get(d.id, []))
                       for d in bank.dimensions)
    risks: dict[str, int | None] = {"overall": risk if scored_known else None}
    risks.update({d.id: d.risk for d in dimensions})
    counts: dict[tuple[str, bool], int] = {}  # (scope, serious only) -> how many signals
    for signal in signals:
        for scope in ("overall", signal.question.dimension):
            counts[scope, False] = counts.get((scope, False), 0) + 1
            if signal.risk >= SERIOUS_SIGNAL:
                counts[scope, True] = counts.get((scope, True), 0) + 1

    band = bank.band_for(risk)
    answered = dict(given)  # conditions see only the questions asked: an unasked follow-up's answer is ignored
    matched = tuple(d for d in bank.dealbreakers if holds(d.when, answered, risks, counts))
    raising = tuple(sorted((d for d in matched if d.level.rank > band.level.rank),
                           key=lambda d: -d.level.rank))
    level = raising[0].level if raising else band.level
    # A raised verdict takes its label and next steps from the bank's band for that level:
    # "let go" must not come with the steps for "renegotiate".
    outcome = next((b for b in bank.bands if b.level is level), band) if raising else band
    verdict = Verdict(level, band, raising, outcome, partial=not raising and confidence < CONFIDENT)
    profiles = tuple(p for p in bank.profiles if holds(p.when, answered, risks, counts))
    assessment = Assessment(bank, given, risk, round(confidence, 4), dimensions, tuple(signals), verdict,
                            profiles, matched)
    if not explain:
        return assessment
    return assessment._replace(flip=find_flip(bank, answers, assessment),
                               bounds=unknown_bounds(bank, answers, assessment))


def _dimension_score(dimension_id: str, label: Text, mine_asked: list[Question],
                     mine_known: list[tuple[Question, AnswerValue]]) -> DimensionScore:
    """``mine_asked``, ``mine_known``: the dimension's scored questions asked, and those answered."""
    asked_weight = sum(q.weight for q in mine_asked)
    known_weight = sum(q.weight for q, _ in mine_known)
    risk = None
    if known_weight:  # a dimension's risk is the share of it in trouble: its answers' weighted mean
        risk = round_half_up(sum(q.weight * q.answer_risk(a) for q, a in mine_known) / known_weight)
    confidence = known_weight / asked_weight if asked_weight else 0.0
    return DimensionScore(dimension_id, label, risk, round(confidence, 4), len(mine_known), len(mine_asked))


# --- explanations: exact, by scoring changed answers again ----------------------------------


def _ordered_answers(question: Question) -> list[AnswerValue]:
    """Every answer the question allows (numbers: its safe and risky ends), healthiest first."""
    if question.type.value == "number":
        assert question.safe_at is not None and question.risky_at is not None
        candidates: list[AnswerValue] = [question.safe_at, question.risky_at]
    else:
        candidates = list(question.allowed_answers())
    return sorted(candidates, key=question.answer_risk)


def milder_answer(question: Question, answer: AnswerValue) -> AnswerValue | None:
    """The answer nearest to ``answer`` that is no longer a signal (None: it is not one)."""
    if answer == DONT_KNOW or question.answer_risk(answer) < SIGNAL_THRESHOLD:
        return None
    healthy = [a for a in _ordered_answers(question) if question.answer_risk(a) < SIGNAL_THRESHOLD]
    if not healthy:
        return None
    if question.type.value == "frequency":
        position = FREQUENCY_LEVELS.index(str(answer))
        return min(healthy, key=lambda a: abs(FREQUENCY_LEVELS.index(str(a)) - position))
    return healthy[-1]  # the mildest healthy answer: the smallest step away from the signal


def harsher_answer(question: Question, answer: AnswerValue) -> AnswerValue | None:
    """The mildest answer that is a serious signal, when ``answer`` is not one yet."""
    if answer != DONT_KNOW and question.answer_risk(answer) >= SERIOUS_SIGNAL:
        return None
    serious = [a for a in _ordered_answers(question) if question.answer_risk(a) >= SERIOUS_SIGNAL]
    return serious[0] if serious else None


def find_flip(bank: Bank, answers: Mapping[str, AnswerValue], assessment: Assessment) -> Flip | None:
    """The smallest set of changes to actionable answers that moves the verdict one level.

    Sets are tried smallest first (ties: the lower resulting risk, then bank order), within
    ``SEARCH_BUDGET`` scorings; past it, changes are added greedily and ``minimal`` is False.
    """
    level = assessment.verdict.level
    going_down = level is not Level.KEEP
    target = LEVELS[level.rank - 1] if going_down else LEVELS[level.rank + 1]
    change_to = milder_answer if going_down else harsher_answer
    asked = {question_id for question_id, _ in assessment.answers}
    candidates: list[Change] = []
    for question in bank.questions:
        if not question.actionable or question.id not in asked:
            continue
        after = change_to(question, answers[question.id])
        if after is not None:
            candidates.append(Change(question, answers[question.id], after))
    if not candidates:
        return None

    def reaches(result: Assessment) -> bool:
        rank = result.verdict.level.rank
        return rank <= target.rank if going_down else rank >= target.rank

    def rescore(changes: tuple[Change, ...]) -> Assessment:
        changed = dict(answers)
        changed.update({c.question.id: c.after for c in changes})
        return assess(bank, changed, explain=False)

    spent = 0
    for size in range(1, len(candidates) + 1):
        found: list[tuple[int, tuple[Change, ...], Assessment]] = []
        for changes in combinations(candidates, size):
            spent += 1
            if spent > SEARCH_BUDGET:
                return _greedy_flip(candidates, rescore, reaches, going_down, target)
            result = rescore(changes)
            if reaches(result):
                found.append((result.risk if going_down else -result.risk, changes, result))
        if found:
            _, changes, result = min(found, key=lambda item: item[0])  # stable: bank order on ties
            return Flip("down" if going_down else "up", result.verdict.level, result.risk, changes)
    return None


def _greedy_flip(candidates: list[Change], rescore: Callable[[tuple[Change, ...]], Assessment],
                 reaches: Callable[[Assessment], bool], going_down: bool, target: Level) -> Flip | None:
    """Add the change that helps most until the verdict moves: not always the fewest."""
    chosen: tuple[Change, ...] = ()
    left = list(candidates)
    while left:
        scored = [(rescore((*chosen, change)), change) for change in left]
        best, change = min(scored, key=lambda item: (item[0].verdict.level.rank, item[0].risk)) if going_down \
            else max(scored, key=lambda item: (item[0].verdict.level.rank, item[0].risk))
        chosen = (*chosen, change)
        left.remove(change)
        if reaches(best):
            return Flip("down" if going_down else "up", best.verdict.level, best.risk, chosen, minimal=False)
    return None


def unknown_bounds(bank: Bank, answers: Mapping[str, AnswerValue], assessment: Assessment) -> Bounds | None:
    """Answer every "don't know" (and any follow-up that then applies) in the best and worst way."""
    if not assessment.unknown:
        return None
    asked = dict(assessment.answers)  # answers to questions that were not asked stay unanswered
    best = _filled(bank, asked, healthiest=True)
    worst = _filled(bank, asked, healthiest=False)
    return Bounds(best.verdict.level, worst.verdict.level, best.risk, worst.risk)


def _filled(bank: Bank, answers: Mapping[str, AnswerValue], *, healthiest: bool) -> Assessment:
    filled = dict(answers)
    while True:
        open_questions = [q for q in applicable_questions(bank, filled) if filled.get(q.id, DONT_KNOW) == DONT_KNOW]
        if not open_questions:
            return assess(bank, filled, explain=False)
        for question in open_questions:
            ordered = _ordered_answers(question)
            filled[question.id] = ordered[0] if healthiest else ordered[-1]
