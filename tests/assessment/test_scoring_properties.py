"""The verdict's promises (docs/scoring.md), as properties over every shipped bank.

Each property draws whole sets of answers (any allowed answer, "don't know" included) for a
real bank and checks what the issue of the judgment asks: signals add up, healthy answers
elsewhere cannot hide them, size alone never decides, unknowns stay between their best and
worst readings, and what would change the verdict is exact and minimal.
"""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clientcheck.assessment.scoring import applicable_questions, assess
from clientcheck.bank.loader import load_bank
from clientcheck.bank.model import DONT_KNOW, SERIOUS_SIGNAL, SIGNAL_THRESHOLD, AnswerValue, Bank, Question
from clientcheck.levels import Level
from tests.conftest import QUESTIONS

BANKS = {path.stem: load_bank(path) for path in sorted(QUESTIONS.glob("*.yaml"))}
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def choices(question: Question) -> list[AnswerValue]:
    if question.type.value == "number":
        assert question.minimum is not None and question.maximum is not None
        low, high = question.minimum, question.maximum
        return [low, high, (low + high) / 2, *(v for v in (question.safe_at, question.risky_at)
                                               if v is not None and low <= v <= high)]
    return list(question.allowed_answers())


def answer_sets(bank: Bank, unknown: float = 0.15) -> st.SearchStrategy[dict[str, AnswerValue]]:
    """An answer (or don't know) for every question of the bank; follow-ups that don't apply are ignored."""
    per_question = {
        q.id: st.one_of(st.sampled_from(choices(q)), st.just(DONT_KNOW)) if unknown else st.sampled_from(choices(q))
        for q in bank.questions
    }
    return st.fixed_dictionaries(per_question)


def healthiest(question: Question) -> AnswerValue:
    return min(choices(question), key=question.answer_risk)


def rank(bank: Bank, answers: dict[str, AnswerValue]) -> int:
    return assess(bank, answers, explain=False).verdict.level.rank


@pytest.mark.parametrize("bank_id", sorted(BANKS))
@PROPERTY
@given(data=st.data())
def test_one_more_signal_never_lowers_the_level(bank_id: str, data: st.DataObject) -> None:
    bank = BANKS[bank_id]
    answers = data.draw(answer_sets(bank))
    asked = applicable_questions(bank, answers)
    healthy = [q for q in asked if q.scored and (answers[q.id] == DONT_KNOW
                                                 or q.answer_risk(answers[q.id]) < SIGNAL_THRESHOLD)]
    if not healthy:
        return
    question = data.draw(st.sampled_from(healthy))
    signal = data.draw(st.sampled_from([a for a in choices(question) if question.answer_risk(a) >= SIGNAL_THRESHOLD]))
    assert rank(bank, {**answers, question.id: signal}) >= rank(bank, answers)


@pytest.mark.parametrize("bank_id", sorted(BANKS))
@PROPERTY
@given(data=st.data())
def test_two_serious_signals_are_never_keep(bank_id: str, data: st.DataObject) -> None:
    bank = BANKS[bank_id]
    answers = data.draw(answer_sets(bank))
    scored = [q for q in bank.questions if q.scored and q.weight >= 1 and q.when is None]
    first, second = data.draw(st.lists(st.sampled_from(scored), min_size=2, max_size=2, unique=True))
    for question in (first, second):
        answers[question.id] = max(choices(question), key=question.answer_risk)
        assert question.answer_risk(answers[question.id]) >= SERIOUS_SIGNAL
    assert assess(bank, answers, explain=False).verdict.level is not Level.KEEP


@pytest.mark.parametrize("bank_id", sorted(BANKS))
@PROPERTY
@given(data=st.data())
def test_healthy_answers_elsewhere_lower_the_level_by_one_step_at_most(bank_id: str, data: st.DataObject) -> None:
    bank = BANKS[bank_id]
    answers = data.draw(answer_sets(bank, unknown=0.5))
    asked = applicable_questions(bank, answers)
    troubled = {q.dimension for q in asked if answers[q.id] != DONT_KNOW
                and q.answer_risk(answers[q.id]) >= SIGNAL_THRESHOLD}
    diluted = dict(answers)
    for question in bank.questions:  # "don't know" in topics with no signal become healthy answers
        if question.dimension not in troubled and diluted[question.id] == DONT_KNOW:
            diluted[question.id] = healthiest(question)
    assert rank(bank, diluted) >= rank(bank, answers) - 1


@pytest.mark.parametrize("bank_id", sorted(BANKS))
@PROPERTY
@given(data=st.data())
def test_size_alone_never_lets_go_and_never_moves_the_risk(bank_id: str, data: st.DataObject) -> None:
    bank = BANKS[bank_id]
    sizes = [q for q in bank.questions if q.type.value == "number" and q.id.endswith("_share")]
    if not sizes:
        pytest.skip(f"{bank_id} asks no size question")
    assert all(not q.scored for q in sizes), "size questions are context: they add no risk"
    answers = data.draw(answer_sets(bank))
    small = dict(answers, **{q.id: q.minimum for q in sizes if q.minimum is not None})
    large = dict(answers, **{q.id: q.maximum for q in sizes if q.maximum is not None})
    small_result, large_result = assess(bank, small, explain=False), assess(bank, large, explain=False)
    assert small_result.risk == large_result.risk
    assert small_result.verdict.level is large_result.verdict.level
    only_size = {q.id: healthiest(q) for q in bank.questions} | {q.id: q.maximum for q in sizes
                                                               if q.maximum is not None}
    assert assess(bank, only_size, explain=False).verdict.level is not Level.LET_GO


@pytest.mark.parametrize("bank_id", sorted(BANKS))
@PROPERTY
@given(data=st.data())
def test_the_verdict_lies_between_the_best_and_worst_reading_of_the_unknowns(bank_id: str,
                                                                            data: st.DataObject) -> None:
    bank = BANKS[bank_id]
    answers = data.draw(answer_sets(bank, unknown=0.4))
    result = assess(bank, answers)
    if result.bounds is None:
        assert not result.unknown
        return
    assert result.bounds.best.rank <= result.verdict.level.rank <= result.bounds.worst.rank
    assert result.bounds.best_risk <= result.risk <= result.bounds.worst_risk


@pytest.mark.parametrize("bank_id", sorted(BANKS))
@PROPERTY
@given(data=st.data())
def test_what_would_change_the_verdict_is_exact_and_minimal(bank_id: str, data: st.DataObject) -> None:
    bank = BANKS[bank_id]
    answers = data.draw(answer_sets(bank))
    result = assess(bank, answers)
    flip = result.flip
    if flip is None:
        return
    assert all(change.question.actionable for change in flip.changes)
    step = -1 if flip.direction == "down" else 1
    assert flip.direction == ("up" if result.verdict.level is Level.KEEP else "down")
    changed = {**answers, **{c.question.id: c.after for c in flip.changes}}
    after = assess(bank, changed, explain=False)
    assert after.verdict.level is flip.level and after.risk == flip.risk
    assert (after.verdict.level.rank - result.verdict.level.rank) * step >= 1
    if flip.minimal and len(flip.changes) > 1:
        for fewer in combinations(flip.changes, len(flip.changes) - 1):
            partly = {**answers, **{c.question.id: c.after for c in fewer}}
            moved = (assess(bank, partly, explain=False).verdict.level.rank - result.verdict.level.rank) * step
            assert moved < 1, "a smaller set of changes would have done"


def test_every_shipped_bank_marks_what_the_user_can_act_on() -> None:
    for bank_id, bank in BANKS.items():
        assert any(q.actionable for q in bank.questions), f"{bank_id}: no actionable question"
        assert not any(q.actionable and not q.scored for q in bank.questions), bank_id


def test_the_banks_exist() -> None:
    assert {"checkup", "whale", "signals", "let-go", "difficult-or-bad", "farewell", "starter"} <= set(BANKS)
