"""Problems and errors the core raises in English, read back in Italian at the error edge:
severity and hint labels, the answers file's messages, an unknown bank."""

from __future__ import annotations

from pathlib import Path

from clientcheck.errors import Problem
from clientcheck.i18n import tr
from clientcheck.i18n.patterns import PROBLEM_KEYS, english_pattern, problem_message, problem_text
from tests.conftest import CliInvoke

ENGLISH = ("answer", "error:", "hint:", "bank '", "no question", "see every", "the answers", "or dont_know",
           "available", "did you mean", "is outside", "has no question")


def test_a_problem_in_italian():
    problem = Problem("risposte.yaml", 3, 14, "'pays_late': answer yes or no (or dont_know)",
                      "see every question's answers with 'clientcheck answers-template --bank starter'")
    assert problem_text(problem, "it") == (
        "risposte.yaml:3:14: errore: 'pays_late': rispondi sì o no (oppure non so)\n"
        "    suggerimento: le risposte ammesse per ogni domanda: 'clientcheck answers-template --bank starter'")
    assert problem_text(problem, "en") == str(problem)
    warning = Problem("b.yaml", 1, 1, "something new", severity="warning")
    assert problem_text(warning, "it") == "b.yaml:1:1: avviso: something new"  # unknown: left as written


def test_a_repeated_part_must_be_the_same_text():
    assert english_pattern("problem.write_answer").fullmatch("write 'a: <answer>', or 'a: dont_know'")
    assert not english_pattern("problem.write_answer").fullmatch("write 'a: <answer>', or 'b: dont_know'")


def test_every_problem_pattern_reads_its_own_english_back():
    for key in PROBLEM_KEYS:
        english = tr("en", key)
        sample = english.format(**{name: f"<{name}>" for name in (
            "question", "message", "suggestion", "word", "min", "max", "value", "choices", "bank", "named",
            "file", "close", "known", "what", "found", "bounds", "places", "code", "byte", "position", "count",
            "codec", "total", "path", "place", "version", "newest", "uid", "client", "name", "typed", "italian",
            "english", "written", "language")})
        assert problem_message(sample, "it") != sample or tr("it", key) == english, key


def test_a_wrong_answers_file_in_italian(cli: CliInvoke, tmp_path: Path):
    answers = tmp_path / "risposte.yaml"
    answers.write_text("bank: starter\nanswers:\n  pays_late: spessissimo\n  has_contract: forse\n  nope: si\n"
                       "  revenue_share: 300\n", encoding="utf-8")
    result = cli("assess", "--bank", "starter", "--answers", str(answers), "--lang", "it")
    assert result.exit_code == 2
    assert "le risposte non corrispondono al questionario 'starter'" in result.stderr
    assert "errore: 'has_contract': rispondi sì o no (oppure non so)" in result.stderr
    assert "errore: il questionario 'starter' non ha la domanda 'nope'" in result.stderr
    assert "'revenue_share': 300 è fuori dall'intervallo 0–100" in result.stderr
    assert result.stderr.rstrip().endswith("Trovati 4 problemi.")
    lowered = result.stderr.replace(str(answers), "").replace("answers-template", "")
    assert [word for word in ENGLISH if word in lowered] == []


def test_an_unknown_bank_in_italian(cli: CliInvoke, tmp_path: Path):
    answers = tmp_path / "a.yaml"
    answers.write_text("answers: {}\n", encoding="utf-8")
    result = cli("assess", "--bank", "startr", "--answers", str(answers), "--lang", "it")
    assert result.stderr.splitlines()[:2] == [
        "clientcheck: errore: nessun questionario con l'id 'startr'",
        "  suggerimento: forse intendevi 'starter'? Disponibili: checkup, difficult-or-bad, farewell, let-go, "
        "signals, starter, whale; oppure indica un file con --bank-file PERCORSO"]
