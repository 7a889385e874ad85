"""A number answer read in the language it is written in: "1.000" is a thousand in Italian, one in
English; what stays ambiguous or malformed is refused, saying why."""

from __future__ import annotations

from pathlib import Path

import pytest
from prompt_toolkit.input.defaults import create_pipe_input
from prompt_toolkit.output import DummyOutput

from clientcheck.assessment.answers import read_answers
from clientcheck.bank.answer_values import (
    AMBIGUOUS,
    ANY_LANGUAGE,
    MALFORMED,
    NOT_A_NUMBER,
    OTHER_MARKS,
    UnreadableNumber,
    read_number,
)
from clientcheck.bank.loader import load_bank
from clientcheck.errors import AnswersError
from clientcheck.i18n.patterns import problem_text
from clientcheck.ui.quiz import Quiz
from tests.conftest import TEST_BANKS, write

FULL = load_bank(TEST_BANKS / "full.yaml")


@pytest.mark.parametrize(("typed", "language", "value"), [
    ("1.000", "it", 1000.0), ("12.500", "it", 12500.0), ("35,5", "it", 35.5), ("1.000.000", "it", 1e6),
    ("1.000,5", "it", 1000.5), ("1,000", "it", 1.0), ("-3", "it", -3.0), ("40%", "it", 40.0), (",5", "it", 0.5),
    ("1,000", "en", 1000.0), ("35.5", "en", 35.5), ("12,500.25", "en", 12500.25), ("1.000", "en", 1.0),
    ("35,5", ANY_LANGUAGE, 35.5), ("1.000.000", ANY_LANGUAGE, 1e6), ("12.5", ANY_LANGUAGE, 12.5),
    ("1000", ANY_LANGUAGE, 1000.0), ("1e3", ANY_LANGUAGE, 1000.0),
    ("1.125", None, 1.125), ("12,5", None, 12.5),  # as a program wrote it (a saved answer)
])
def test_a_number_is_read_as_its_language_writes_it(typed: str, language: str | None, value: float) -> None:
    assert read_number(typed, language) == value


@pytest.mark.parametrize(("typed", "language", "kind", "written"), [
    ("35.5", "it", OTHER_MARKS, "35,5"), ("1,000.5", "it", OTHER_MARKS, "1000,5"),
    ("35,5", "en", OTHER_MARKS, "35.5"), ("1.000,5", "en", OTHER_MARKS, "1000.5"),
    ("1.2.3", "it", MALFORMED, ""), ("1.2.3", "en", MALFORMED, ""), ("1.00.000", "it", MALFORMED, ""),
    ("1000.000", "it", OTHER_MARKS, "1000"),
    ("1.2.3", ANY_LANGUAGE, MALFORMED, ""),
    ("1.000", ANY_LANGUAGE, AMBIGUOUS, ""), ("12,500", ANY_LANGUAGE, AMBIGUOUS, ""),
    ("abc", "it", NOT_A_NUMBER, ""), ("1e3", "it", NOT_A_NUMBER, ""), ("", "en", NOT_A_NUMBER, ""),
    ("nan", None, NOT_A_NUMBER, ""),
])
def test_what_is_not_a_number_in_its_language_is_refused(typed: str, language: str | None, kind: str,
                                                          written: str) -> None:
    with pytest.raises(UnreadableNumber) as caught:
        read_number(typed, language)
    assert (caught.value.kind, caught.value.written) == (kind, written)


def test_an_ambiguous_number_says_both_readings() -> None:
    with pytest.raises(UnreadableNumber) as caught:
        read_number("1,000", ANY_LANGUAGE)
    assert str(caught.value) == ("'1,000' is 1 in Italian and 1000 in English: write 1 or 1000, or say the "
                                 "file's language with 'lang: it' or 'lang: en'")


# --- an answers file: its lang says how its numbers are written ---------------------------------------

FILE = """\
bank: full
{lang}
answers:
  revenue_share: {share}
  margin: {margin}
  pays_late: sometimes
  has_contract: no
  backup_clients: no
  tone: curt
  enjoys_work: sometimes
  last_straw: yes
  raise_price: no
"""


def answers(tmp_path: Path, share: str, margin: str = "10", lang: str = "") -> dict[str, object]:
    path = write(tmp_path / "answers.yaml", FILE.format(lang=f"lang: {lang}" if lang else "# no lang", share=share,
                                                        margin=margin))
    return dict(read_answers(path, FULL))


def problem(tmp_path: Path, share: str, lang: str = "", margin: str = "10") -> tuple[str, str]:
    with pytest.raises(AnswersError) as caught:
        answers(tmp_path, share, margin, lang)
    found = caught.value.problems[0]
    return f"{found.line}:{found.column}", found.message


def test_an_italian_file_reads_its_numbers_the_italian_way(tmp_path: Path) -> None:
    read = answers(tmp_path, "35,5", margin="-2,5", lang="it")
    assert (read["revenue_share"], read["margin"]) == (35.5, -2.5)


def test_a_yaml_number_under_lang_it_is_read_as_written(tmp_path: Path) -> None:
    """YAML reads 1.000 as one; with lang: it the file means a thousand (above the maximum here)."""
    assert problem(tmp_path, "1.000", lang="it") == ("4:18", "'revenue_share': 1000 is outside 0–100")
    assert problem(tmp_path, "35.5", lang="it") == (
        "4:18", "'revenue_share': '35.5' is not written as 'lang: it' writes numbers: write 35,5")
    assert answers(tmp_path, "35.5", lang="en")["revenue_share"] == 35.5


def test_without_lang_yaml_numbers_stay_yaml_and_text_is_read_where_unambiguous(tmp_path: Path) -> None:
    assert answers(tmp_path, "35.5")["revenue_share"] == 35.5
    assert answers(tmp_path, "'35,5'")["revenue_share"] == 35.5
    assert problem(tmp_path, "'50,000'", margin="'1.000'") == (
        "4:18", "'revenue_share': '50,000' is 50 in Italian and 50000 in English: write 50 or 50000, "
                "or say the file's language with 'lang: it' or 'lang: en'")
    assert problem(tmp_path, "'1.2.3'")[1] == "'revenue_share': '1.2.3' is not a number"


def test_a_json_number_is_a_json_number_whatever_the_lang(tmp_path: Path) -> None:
    path = write(tmp_path / "answers.json", '{"bank": "full", "lang": "it", "answers": {"revenue_share": 35.5, '
                 '"margin": "-2,5", "pays_late": "sometimes", "has_contract": "no", "backup_clients": "no", '
                 '"tone": "curt", "enjoys_work": "sometimes", "last_straw": "yes", "raise_price": "no"}}')
    read = read_answers(path, FULL)
    assert (read["revenue_share"], read["margin"]) == (35.5, -2.5)


def test_an_unknown_lang_is_a_located_problem(tmp_path: Path) -> None:
    assert problem(tmp_path, "10", lang="fr") == ("2:7", "'lang' is 'fr', which is not one of 'it', 'en'")


def test_the_new_problems_read_in_italian(tmp_path: Path) -> None:
    with pytest.raises(AnswersError) as caught:
        answers(tmp_path, "35.5", lang="it")
    assert ("'revenue_share': '35.5' non è scritto come si scrivono i numeri con 'lang: it': scrivi 35,5"
            in problem_text(caught.value.problems[0], "it"))
    with pytest.raises(AnswersError) as caught:
        answers(tmp_path, "'1.000'")
    assert ("'1.000' vale 1000 in italiano e 1 in inglese: scrivi 1000 oppure 1, o indica la lingua del file "
            "con 'lang: it' o 'lang: en'") in problem_text(caught.value.problems[0], "it")


# --- the quiz: the quiz's language ----------------------------------------------------------------------

@pytest.mark.parametrize(("language", "share", "margin"), [("it", "35,5", "-1.000"), ("en", "35.5", "-1,000")])
def test_the_quiz_reads_numbers_in_its_language(language: str, share: str, margin: str) -> None:
    """-1.000 (Italian) is below the margin's minimum, -100, so it is refused; then -5 is taken."""
    with create_pipe_input() as pipe:
        pipe.send_text("\r" + "\r" + share + "\r" + margin + "\r" + "\x7f" * len(margin) + "-5\r" + "\r\r\r")
        pipe.close()
        read = Quiz(FULL, language, input=pipe, output=DummyOutput()).run()
    assert (read["revenue_share"], read["margin"]) == (35.5, -5.0)


def test_the_template_says_its_language_and_writes_its_ranges_that_way(tmp_path: Path) -> None:
    """An Italian template's numbers are read the Italian way, and its ranges are written so."""
    from clientcheck.assessment.answers import answers_template
    from clientcheck.i18n import labels

    bank = FULL._replace(questions=tuple(q._replace(minimum=-2.5) if q.id == "margin" else q
                                         for q in FULL.questions))
    words = labels("it", "template_title", "template_how", "template_followup", "template_allowed", "template_lang")
    text = answers_template(bank, "it", words)
    assert "\nlang: it  # numeri scritti all'italiana: 12.500 e 35,5\nanswers:\n" in text
    assert "  # risposte: -2,5..100% di margine | non so\n  margin:\n" in text
    filled = text.replace("  revenue_share:\n", "  revenue_share: 35,5\n").replace("  margin:\n", "  margin: -2,5\n")
    for line in ("pays_late: a volte", "has_contract: no", "backup_clients: no", "tone: curt",
                 "enjoys_work: a volte", "last_straw: sì", "raise_price: no"):
        question_id = line.split(":")[0]
        filled = filled.replace(f"  {question_id}:\n", f"  {line}\n")
    read = read_answers(write(tmp_path / "risposte.yaml", filled), bank)
    assert (read["revenue_share"], read["margin"]) == (35.5, -2.5)
