"""A verdict raised by a dealbreaker speaks with the raised level's label and steps."""

from __future__ import annotations

from clientcheck.assessment.scoring import assess
from clientcheck.bank.loader import load_bank
from clientcheck.bank.model import AnswerValue
from clientcheck.levels import Level
from clientcheck.ui.result import result_document
from tests.conftest import QUESTIONS, TEST_BANKS

LATE_WITHOUT_CONTRACT: dict[str, AnswerValue] = {
    "pays_late": "often", "has_contract": "no", "free_advice": "never", "not_listened": "never",
    "odd_hours": "never", "goals_clear": "yes", "drained": "never", "revenue_share": 0.0,
}

# Rude and late on tests/banks/full.yaml. starter.yaml cannot show a raised verdict any more: its
# only dealbreaker (renegotiate) needs pays_late often (2x75x0.2 = 30) + no contract (20) = 50,
# already in its renegotiate band (45-69).
RUDE_AND_LATE: dict[str, AnswerValue] = {
    "pays_late": "often", "chase_effort": "no", "has_contract": "yes", "revenue_share": 10.0, "margin": 40.0,
    "tone": "rude", "apologises": "yes", "weekend_calls": "never", "enjoys_work": "always",
}


def test_raised_verdict_takes_steps_and_label_of_its_level() -> None:
    bank = load_bank(TEST_BANKS / "full.yaml")
    assessment = assess(bank, RUDE_AND_LATE)
    # pays_late often 2x75x0.2 = 30 + tone rude 1.5x100x0.2 = 30 = 60 -> the "renegotiate" band;
    # rude_and_late lifts it to let_go, whose band has its own label ("Goodbye") and steps.
    assert assessment.risk == 60
    assert assessment.verdict.band.level is Level.RENEGOTIATE
    assert assessment.verdict.level is Level.LET_GO
    let_go_band = next(b for b in bank.bands if b.level is Level.LET_GO)
    assert assessment.verdict.outcome == let_go_band
    document = result_document(assessment, "en", "2026-01-01T00:00:00Z")
    assert document["verdict"]["steps"] == [step.get("en") for step in let_go_band.steps]
    assert document["verdict"]["steps"] != [step.get("en") for step in assessment.verdict.band.steps]
    assert document["verdict"]["band"] == {"min": 50, "max": 74, "level": "renegotiate"}
    assert document["verdict"]["label"] == "Goodbye"
    assert document["verdict"]["raised_by"] == ["rude_and_late"]


def test_unraised_verdict_keeps_its_band() -> None:
    bank = load_bank(QUESTIONS / "starter.yaml")
    answers = dict(LATE_WITHOUT_CONTRACT, has_contract="yes")
    assessment = assess(bank, answers)
    assert assessment.verdict.raised_by == ()
    assert assessment.verdict.outcome == assessment.verdict.band
    # late_without_contract holds on its own answers, but 30 + 20 = 50 is already in its level's band
    matched = assess(bank, LATE_WITHOUT_CONTRACT)
    assert [d.id for d in matched.dealbreakers] == ["late_without_contract"]
    assert matched.risk == 50 and matched.verdict.band.level is Level.RENEGOTIATE
    assert matched.verdict.raised_by == () and matched.verdict.outcome == matched.verdict.band
