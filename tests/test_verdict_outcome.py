"""A verdict raised by a dealbreaker speaks with the raised level's label and steps."""

from __future__ import annotations

from clientcheck.loading import load_bank
from clientcheck.model import Level
from clientcheck.render import result_document
from clientcheck.scoring import assess
from tests.conftest import QUESTIONS

LATE_WITHOUT_CONTRACT = {
    "pays_late": "often", "has_contract": "no", "free_advice": "never", "not_listened": "never",
    "odd_hours": "never", "goals_clear": "yes", "drained": "never", "revenue_share": 0.0,
}


def test_raised_verdict_takes_steps_and_label_of_its_level() -> None:
    bank = load_bank(QUESTIONS / "starter.yaml")
    assessment = assess(bank, LATE_WITHOUT_CONTRACT)
    # (2*75 + 2*100) / 12 weight = 29.2 -> the "watch" band; the dealbreaker lifts it.
    assert assessment.risk == 29
    assert assessment.verdict.band.level is Level.WATCH
    assert assessment.verdict.level is Level.RENEGOTIATE
    renegotiate_band = next(b for b in bank.bands if b.level is Level.RENEGOTIATE)
    assert assessment.verdict.outcome == renegotiate_band
    document = result_document(assessment, "en", "2026-01-01T00:00:00Z")
    assert document["verdict"]["steps"] == [step.get("en") for step in renegotiate_band.steps]
    assert document["verdict"]["band"] == {"min": 25, "max": 44, "level": "watch"}
    assert document["verdict"]["label"] == "Renegotiate"
    assert document["verdict"]["raised_by"] == ["late_without_contract"]


def test_unraised_verdict_keeps_its_band() -> None:
    bank = load_bank(QUESTIONS / "starter.yaml")
    answers = dict(LATE_WITHOUT_CONTRACT, has_contract="yes")
    assessment = assess(bank, answers)
    assert assessment.verdict.raised_by == ()
    assert assessment.verdict.outcome == assessment.verdict.band
