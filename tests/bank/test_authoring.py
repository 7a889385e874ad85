"""bank/authoring.py: the starter bank ``banks new`` writes says truly how a bank is scored, in
the language of its texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from clientcheck.assessment.scoring import assess
from clientcheck.bank.authoring import starter_text
from clientcheck.bank.loader import load_bank
from clientcheck.bank.model import DONT_KNOW

POINTS = {  # what the comment on `weight` says, in each language
    "en": ["adds weight x risk / 5 points", '("often" 15, "always" 20)', '("sometimes") adds half that'],
    "it": ["aggiunge weight x rischio / 5 punti", '("spesso" 15, "sempre" 20)', '("a volte") ne aggiunge la metà'],
}


def starter(language: str) -> str:
    return starter_text("mine", language, "file:///bank.schema.json", "/x/mine.yaml", "2026-01-31")


def comment_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.lstrip().startswith("#")]


@pytest.mark.parametrize("language", ["en", "it"])
def test_the_starter_banks_comments_on_points_are_what_scoring_does(tmp_path: Path, language: str) -> None:
    text = starter(language)
    comments = " ".join(line.strip(" #") for line in comment_lines(text))
    assert all(claim in comments for claim in POINTS[language]), comments
    assert "average" not in comments and "media" not in comments
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    bank = load_bank(path)
    question = next(q for q in bank.questions if q.type.value == "frequency" and q.weight == 2)
    others = {q.id: DONT_KNOW for q in bank.questions if q.id != question.id}  # adds nothing
    risks = {answer: assess(bank, {**others, question.id: answer}, explain=False).risk
             for answer in ("never", "rarely", "sometimes", "often", "always")}
    # at weight 2: twice 15 for "often", twice 20 for "always", half of 2 x 50 / 5 for "sometimes"
    assert risks == {"never": 0, "rarely": 0, "sometimes": 10, "often": 30, "always": 40}


def test_the_italian_starter_bank_is_commented_in_italian_line_for_line() -> None:
    english, italian = comment_lines(starter("en")), comment_lines(starter("it"))
    left_in_english = set(italian) & set(english) - {"#", "# yaml-language-server: $schema=file:///bank.schema.json"}
    assert not left_in_english
    assert len(italian) >= len(english)  # every block said, none dropped
