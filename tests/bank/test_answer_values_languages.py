"""Answers files in Italian: every frequency word, yes/no and "non so", with and without accents,
in any case; what answers-template --lang it writes is read back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clientcheck.assessment.answers import answers_template, read_answers
from clientcheck.bank.answer_values import (
    FIXED_ANSWERS,
    OTHER_SPELLINGS,
    InvalidAnswer,
    answer_key,
    answer_spellings,
    normalise_answer,
    written_answer,
)
from clientcheck.bank.catalog import builtin_folder
from clientcheck.bank.loader import load_bank
from clientcheck.bank.model import DONT_KNOW, NO, YES, QuestionType
from clientcheck.i18n import answer_word, labels, tr
from clientcheck.text import LANGUAGES
from tests.conftest import TEST_BANKS

FULL = load_bank(TEST_BANKS / "full.yaml")
TEMPLATE_LABELS = ("template_title", "template_how", "template_followup", "template_allowed", "template_lang")


def question(question_id: str):
    found = FULL.question(question_id)
    assert found is not None
    return found


@pytest.mark.parametrize(("written", "expected"), [
    ("mai", "never"), ("Mai", "never"), ("raramente", "rarely"), ("di rado", "rarely"),
    ("a volte", "sometimes"), ("A volte", "sometimes"), ("avolte", "sometimes"), ("a_volte", "sometimes"),
    ("A-VOLTE", "sometimes"), ("qualche volta", "sometimes"), ("spesso", "often"), ("SPESSO", "often"),
    ("sempre", "always"), (" Sempre ", "always"), ("often", "often"), ("Never", "never"),
    ("non so", DONT_KNOW), ("Non so", DONT_KNOW), ("nonso", DONT_KNOW), ("non_so", DONT_KNOW),
    ("NON SO", DONT_KNOW), ("?", DONT_KNOW), ("don't know", DONT_KNOW), ("dont_know", DONT_KNOW),
])
def test_frequency_words_in_italian_and_english(written, expected):
    assert normalise_answer(question("pays_late"), written) == expected


@pytest.mark.parametrize(("written", "expected"), [
    ("sì", YES), ("si", YES), ("Sì", YES), ("SÌ", YES), ("sí", YES), ("s", YES), ("yes", YES), (True, YES),
    ("no", NO), ("No", NO), ("n", NO), (False, NO), ("non so", DONT_KNOW), ("nonso", DONT_KNOW),
])
def test_yes_no_words(written, expected):
    assert normalise_answer(question("has_contract"), written) == expected


def test_a_choice_by_its_label_in_either_language():
    assert normalise_answer(question("tone"), "In modo brusco") == "curt"
    assert normalise_answer(question("tone"), "curtly") == "curt"
    assert normalise_answer(question("tone"), "CURT") == "curt"
    with pytest.raises(InvalidAnswer):
        normalise_answer(question("tone"), "spesso")


def test_a_word_for_another_question_type_is_still_refused():
    with pytest.raises(InvalidAnswer):
        normalise_answer(question("has_contract"), "spesso")
    with pytest.raises(InvalidAnswer):
        normalise_answer(question("pays_late"), "sì")


def test_every_language_has_a_word_for_every_fixed_answer():
    for language in LANGUAGES:
        assert set(OTHER_SPELLINGS.get(language, {})) <= set(FIXED_ANSWERS)
        for value in FIXED_ANSWERS:
            assert written_answer(value, language), (language, value)
    assert written_answer("sometimes", "it") == "a volte"
    assert written_answer(DONT_KNOW, "it") == "non so"
    assert written_answer(DONT_KNOW, "en") == DONT_KNOW  # English templates write the id


def test_the_catalogues_answer_words_are_the_ones_an_answers_file_takes():
    """One home: the words are the catalogue's answer.* entries, read back whatever they say."""
    for language in LANGUAGES:
        for value in FIXED_ANSWERS:
            shown = tr(language, f"answer.{value}")
            asked = question("has_contract" if value in (YES, NO) else "pays_late")
            assert answer_word(value, language) in (value, shown.lower())
            assert normalise_answer(asked, shown) == value, (language, shown)
            assert normalise_answer(asked, shown.upper()) == value, (language, shown)


def test_no_spelling_means_two_answers():
    seen: dict[str, str] = {}
    for value in FIXED_ANSWERS:
        for language in LANGUAGES:
            for spelling in answer_spellings(value, language):
                assert seen.setdefault(answer_key(spelling), value) == value, spelling


def fill_template(template: str, pick: int) -> str:
    """Each empty answer line filled with the ``pick``-th word its comment lists (a number: the minimum)."""
    lines, allowed = [], ""
    for line in template.splitlines():
        comment = re.match(r"\s*# [^:]+: (.*\|.*)$", line)
        if comment:
            allowed = comment.group(1)
        answer = re.match(r"(\s+)([a-z0-9_]+):$", line)
        if answer and allowed:
            words = [word.strip() for word in allowed.split("|")]
            word = words[min(pick, len(words) - 1)]
            word = word.split("..")[0] if ".." in word else word.split(" (")[0]
            line = f'{answer.group(1)}{answer.group(2)}: "{word}"'
        lines.append(line)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("bank_file", sorted(builtin_folder().glob("*.yaml")), ids=lambda path: path.stem)
@pytest.mark.parametrize("pick", [0, 1, 2, 5])
def test_the_italian_template_filled_in_is_read_back(bank_file: Path, pick: int, tmp_path: Path):
    bank = load_bank(bank_file)
    template = answers_template(bank, "it", labels("it", *TEMPLATE_LABELS))
    assert "never" not in template and "dont_know" not in template
    filled = tmp_path / "risposte.yaml"
    filled.write_text(fill_template(template, pick), encoding="utf-8")
    answers = read_answers(filled, bank)
    asked = [q for q in bank.questions if q.type is not QuestionType.NUMBER or pick == 0]
    assert answers and all(q.id in answers for q in asked)
