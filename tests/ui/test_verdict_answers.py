"""What would change the verdict names the answers as an editor would (ui/verdict.py): in lower case,
and on their own in quotes in Italian ("passasse da «a volte» a «raramente»": "da a volte a" would not
read). An answer inside a condition's sentence is tests/bank/test_condition_text.py's."""

from __future__ import annotations

import re

import pytest

from clientcheck.assessment.scoring import assess
from clientcheck.bank.loader import load_bank
from clientcheck.i18n import tr
from clientcheck.ui.verdict import explanation_lines, render_verdict
from tests.conftest import QUESTIONS
from tests.screens import drawn, terminal

STARTER = load_bank(QUESTIONS / "starter.yaml")
ANSWERS: dict[str, str | float] = {
    "pays_late": "often", "has_contract": "no", "free_advice": "sometimes", "not_listened": "rarely",
    "odd_hours": "never", "goals_clear": "yes", "drained": "always", "revenue_share": 35.0}
FIXED = ("yes", "no", "dont_know", "never", "rarely", "sometimes", "often", "always")


@pytest.mark.parametrize("language", ["it", "en"])
def test_what_would_change_the_verdict_writes_answers_in_lower_case(language: str) -> None:
    assessment = assess(STARTER, ANSWERS)
    assert assessment.flip is not None and assessment.flip.changes
    lines = explanation_lines(assessment, language)
    labels = [tr(language, f"answer.{value}") for value in FIXED]
    for change in assessment.flip.changes:
        before, after = (tr(language, f"answer.{value}") for value in (change.before, change.after))
        said = tr(language, "verdict.change", question=change.question.text.get(language),
                  before=tr(language, "verdict.answer_named", text=before.lower()),
                  after=tr(language, "verdict.answer_named", text=after.lower()))
        assert said in lines[0], lines[0]
    mid_sentence = lines[0].split(":", 1)[1]  # after "It would become … if:"
    assert not [label for label in labels if re.search(rf'(?<![«"])\b{re.escape(label)}\b', mid_sentence)], lines[0]


def test_on_screen_the_change_reads_in_lower_case_in_italian() -> None:
    rows = terminal(80, 60, drawn(lambda console: render_verdict(assess(STARTER, ANSWERS), "it", console), 80,
                                  on_terminal=False))
    shown = " ".join(row.strip() for row in rows)
    words = "spesso|sempre|a volte|no|sì|mai|raramente"
    assert re.search(rf"la risposta a «[^»]+» passasse da «({words})» a «", shown), shown
