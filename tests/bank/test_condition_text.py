"""Conditions read as sentences in banks show and the answers template: a question by its text, an
answer by its label, a dimension by its name; no ids, no bank-format words, no symbols. An answer
inside a sentence is written as an editor would: a fixed answer in lower case ("è spesso o sempre"),
a choice's label in quotes; the quiz and the tables keep the labels as they are ("Spesso")."""

from __future__ import annotations

import re

import pytest

from clientcheck.bank.catalog import builtin_folder
from clientcheck.bank.condition_text import answer_in_sentence, condition_sentence, short_question
from clientcheck.bank.loader import load_bank
from clientcheck.bank.model import AllOf, AnswerCondition, AnyOf, Not, RiskCondition, SignalsCondition
from tests.conftest import TEST_BANKS

CHECKUP = load_bank(builtin_folder() / "checkup.yaml")
FULL = load_bank(TEST_BANKS / "full.yaml")


def test_the_issues_example():
    condition = AnswerCondition("treated_as_employee", "in", ("sometimes", "often", "always"))
    assert condition_sentence(condition, CHECKUP, "it") == \
        "«Ti tratta come personale dipendente o come un…» è a volte, spesso o sempre"
    assert condition_sentence(condition, CHECKUP, "en").endswith("\" is sometimes, often or always")


@pytest.mark.parametrize(("condition", "italian", "english"), [
    (AnswerCondition("pays_late", "at_least", "often"), "«Paga in ritardo» è spesso o sempre",
     "\"Does the client pay late\" is often or always"),
    (AnswerCondition("pays_late", "at_most", "rarely"), "«Paga in ritardo» è mai o raramente",
     "\"Does the client pay late\" is never or rarely"),
    (AnswerCondition("revenue_share", "at_least", 30.0), "«Quota del fatturato» è almeno 30%",
     "\"Share of your revenue\" is at least 30%"),
    (Not(AnswerCondition("revenue_share", "at_least", 30.0)), "«Quota del fatturato» è meno di 30%",
     "\"Share of your revenue\" is less than 30%"),
    (Not(AnswerCondition("pays_late", "in", ("often", "always"))), "«Paga in ritardo» non è spesso né sempre",
     "\"Does the client pay late\" is not often or always"),
    (AnswerCondition("tone", "equals", "rude"), "«Come ti parla» è «In modo maleducato»",
     "\"How does the client speak to you\" is \"Rudely\""),
    (RiskCondition("overall", "at_least", 60), "il rischio complessivo è almeno 60", "the overall risk is at least 60"),
    (RiskCondition("money", "at_most", 39), "il rischio in «Soldi» è al massimo 39",
     "the risk in \"Money\" is at most 39"),
    (SignalsCondition("overall", "at_least", 1, serious=False), "c'è almeno 1 segnale", "there is at least 1 signal"),
    (SignalsCondition("money", "at_least", 2, serious=True), "ci sono almeno 2 segnali seri in «Soldi»",
     "there are at least 2 serious signals in \"Money\""),
    (AllOf((AnswerCondition("pays_late", "equals", "always"), AnyOf((RiskCondition("overall", "at_least", 50),
                                                                     RiskCondition("money", "at_least", 70))))),
     "«Paga in ritardo» è sempre e (il rischio complessivo è almeno 50 o il rischio in «Soldi» è almeno 70)",
     "\"Does the client pay late\" is always and (the overall risk is at least 50 or the risk in \"Money\" is "
     "at least 70)"),
])
def test_each_kind_of_condition(condition, italian, english):
    assert condition_sentence(condition, FULL, "it") == italian
    assert condition_sentence(condition, FULL, "en") == english


def test_a_long_question_is_cut_at_a_word():
    assert short_question("Breve?") == "Breve"
    cut = short_question("Una domanda molto lunga che continua ben oltre il limite dei caratteri ammessi?")
    assert cut == "Una domanda molto lunga che continua ben oltre…"


CODE_LIKE = re.compile(r"[∈≥≤{}]|\b(at_least|at_most|equals|overall|signals|serious_signals|all|any|not)\(|"
                       r"\b(at_least|at_most|equals|in)\b \[|rischio\(")


@pytest.mark.parametrize("bank_file", sorted(builtin_folder().glob("*.yaml")), ids=lambda path: path.stem)
def test_no_shipped_condition_reads_as_code(bank_file):
    bank = load_bank(bank_file)
    conditions = [q.when for q in bank.questions if q.when is not None]
    conditions += [rule.when for rule in bank.dealbreakers] + [profile.when for profile in bank.profiles]
    ids = {q.id for q in bank.questions} | {d.id for d in bank.dimensions}
    for condition in conditions:
        for language in ("it", "en"):
            text = condition_sentence(condition, bank, language)
            assert not CODE_LIKE.search(text), text
            assert not set(re.findall(r"[a-z_]+", text)) & {i for i in ids if "_" in i}, text


@pytest.mark.parametrize(("language", "value", "written"), [
    ("it", "often", "spesso"), ("it", "dont_know", "non so"), ("it", "yes", "sì"), ("en", "dont_know", "don't know"),
    ("en", "sometimes", "sometimes")])
def test_a_fixed_answer_mid_sentence(language: str, value: str, written: str) -> None:
    assert answer_in_sentence(FULL.question("pays_late"), value, language) == written


@pytest.mark.parametrize(("language", "written"), [("it", "«In modo brusco»"), ("en", '"Curtly"')])
def test_a_choice_mid_sentence_is_quoted_as_the_bank_wrote_it(language: str, written: str) -> None:
    assert answer_in_sentence(FULL.question("tone"), "curt", language) == written
