"""An answer quoted inside a sentence is written as an editor would: a fixed answer in lower case
("è spesso o sempre"), a choice's label in quotes; an answer named on its own, as in what would
change the verdict, in quotes in Italian ("passasse da «a volte» a «raramente»": "da a volte a" would not
read); the quiz and the tables keep the labels as they are ("Spesso")."""

from __future__ import annotations

import re

import pytest

from clientcheck.assessment.scoring import assess
from clientcheck.bank.condition_text import answer_in_sentence
from clientcheck.bank.loader import load_bank
from clientcheck.i18n import tr
from clientcheck.ui.verdict import explanation_lines, render_verdict
from tests.conftest import QUESTIONS, TEST_BANKS
from tests.screens import drawn, terminal

STARTER = load_bank(QUESTIONS / "starter.yaml")
FULL = load_bank(TEST_BANKS / "full.yaml")
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


@pytest.mark.parametrize(("language", "value", "written"), [
    ("it", "often", "spesso"), ("it", "dont_know", "non so"), ("it", "yes", "sì"), ("en", "dont_know", "don't know"),
    ("en", "sometimes", "sometimes")])
def test_a_fixed_answer_mid_sentence(language: str, value: str, written: str) -> None:
    assert answer_in_sentence(FULL.question("pays_late"), value, language) == written


@pytest.mark.parametrize(("language", "written"), [("it", "«In modo brusco»"), ("en", '"Curtly"')])
def test_a_choice_mid_sentence_is_quoted_as_the_bank_wrote_it(language: str, written: str) -> None:
    assert answer_in_sentence(FULL.question("tone"), "curt", language) == written
