"""bank/authoring.py: the starter bank ``banks new`` writes says truly how a bank is scored."""

from __future__ import annotations

from pathlib import Path

import pytest

from clientcheck.assessment.scoring import assess
from clientcheck.bank.authoring import starter_text
from clientcheck.bank.loader import load_bank
from clientcheck.bank.model import DONT_KNOW


@pytest.mark.parametrize("language", ["en", "it"])
def test_the_starter_banks_comments_on_points_are_what_scoring_does(tmp_path: Path, language: str) -> None:
    text = starter_text("mine", language, "file:///bank.schema.json", "/x/mine.yaml", "2026-01-31")
    comments = " ".join(line.strip(" #") for line in text.splitlines() if line.lstrip().startswith("#"))
    assert "adds weight x risk / 5 points" in comments and '("often" 15, "always" 20)' in comments
    assert '("sometimes") adds half that' in comments and "average" not in comments
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    bank = load_bank(path)
    question = next(q for q in bank.questions if q.type.value == "frequency" and q.weight == 2)
    others = {q.id: DONT_KNOW for q in bank.questions if q.id != question.id}  # adds nothing
    risks = {answer: assess(bank, {**others, question.id: answer}, explain=False).risk
             for answer in ("never", "rarely", "sometimes", "often", "always")}
    # at weight 2: twice 15 for "often", twice 20 for "always", half of 2 x 50 / 5 for "sometimes"
    assert risks == {"never": 0, "rarely": 0, "sometimes": 10, "often": 30, "always": 40}
