"""Loading banks: every validation error is found, located exactly, explained, and fixable.

Each case edits one line of tests/banks/mini.yaml (52 lines, numbered in the comments of
the cases below) and checks the exact ``file:line:column`` of the problem it causes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clientcheck.bank.catalog import menu_banks
from clientcheck.bank.loader import check_bank, check_bank_bytes, check_bank_text, load_bank
from clientcheck.bank.model import AllOf, AnswerCondition, AnyOf, Bank, Not, QuestionType, RiskCondition
from clientcheck.errors import BankError, Problem
from clientcheck.levels import Level
from tests.conftest import QUESTIONS, TEST_BANKS, write

MINI = (TEST_BANKS / "mini.yaml").read_text(encoding="utf-8")
NAME = "mini.yaml"


def edit(*changes: tuple[str, str]) -> str:
    """MINI with each (old, new) replaced; every old text must occur exactly once."""
    text = MINI
    for old, new in changes:
        assert text.count(old) == 1, f"{old!r} should occur once in mini.yaml"
        text = text.replace(old, new)
    return text


def check(tmp_path: Path, text: str) -> tuple[Bank | None, tuple[Problem, ...]]:
    path = tmp_path / NAME
    path.write_text(text, encoding="utf-8")
    return check_bank(path, NAME)


def errors(tmp_path: Path, text: str) -> list[Problem]:
    bank, problems = check(tmp_path, text)
    found = [p for p in problems if p.severity == "error"]
    assert bank is None and found, "a bank with errors must not load"
    for problem in found:
        assert problem.hint, f"no hint for: {problem}"
    return found


def one(tmp_path: Path, text: str, fragment: str) -> Problem:
    """The single error whose message contains ``fragment``."""
    matching = [p for p in errors(tmp_path, text) if fragment in p.message]
    assert len(matching) == 1, [str(p) for p in errors(tmp_path, text)]
    return matching[0]


def test_mini_bank_is_valid_and_has_the_lines_the_cases_count_on(tmp_path: Path) -> None:
    bank, problems = check(tmp_path, MINI)
    assert problems == ()
    assert bank is not None
    lines = MINI.splitlines()
    assert len(lines) == 52
    assert lines[13] == "    weight: 2"  # line 14
    assert lines[36] == "    when: {question: pays_late, at_least: often}"  # line 37
    assert lines[41] == '  - {min: 50, max: 100, level: let_go, summary: "Go."}'  # line 42


# --- the whole file --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "message", "hint"), [
    ("", "the file is empty", "clientcheck banks new ID"),
    ("# nothing but a comment\n", "the file is empty", "docs/bank-format.md"),
    ("- id: mini\n", "the file is a list; a bank is a mapping", "start with 'id: ...'"),
    ("just words\n", "the bank should be a mapping of 'key: value' lines, found the text 'just words'",
     "indent the keys"),
])
def test_a_file_that_is_not_a_bank_mapping(tmp_path: Path, text: str, message: str, hint: str) -> None:
    (problem,) = errors(tmp_path, text)
    assert problem.location() == "mini.yaml:1:1"
    assert problem.message == message
    assert hint in problem.hint


def test_yaml_problems_come_through_located(tmp_path: Path) -> None:
    problem = one(tmp_path, edit(("version: 1", "version: &v 1")), "anchor")
    assert problem.location() == "mini.yaml:2:10"


def test_binary_bytes_are_refused_with_their_position() -> None:
    bank, problems = check_bank_bytes(b"id: mini\nversion: \x00\n", "upload.yaml")
    assert bank is None
    (problem,) = problems
    assert problem.location() == "upload.yaml:2:10"
    assert "binary" in problem.message


def test_a_missing_file_is_a_located_problem(tmp_path: Path) -> None:
    bank, problems = check_bank(tmp_path / "nope.yaml", "nope.yaml")
    assert bank is None
    assert [(p.location(), p.message) for p in problems] == [("nope.yaml:1:1", "no such file")]


# --- top-level keys --------------------------------------------------------------------


@pytest.mark.parametrize(("changes", "fragment", "location", "hint"), [
    # line 43: dealbreakers:
    ((("dealbreakers:", "dealbreaker:"),), "unknown key 'dealbreaker' in the bank", "43:1",
     "did you mean 'dealbreakers'?"),
    # line 5: description
    ((('description: "A small bank."', "# no description"),), "the bank is missing 'description'", "1:1",
     "add it"),
    ((('description: "A small bank."', "# none"), ('version: 1', "# none")),
     "the bank is missing 'version', 'description'", "1:1", "add them"),
    # appended as line 53
    (((MINI[-30:], MINI[-30:] + "id: again\n"),), "duplicate key 'id' in the bank (first at line 1)", "53:1",
     "keep one of the two"),
    (((MINI[-30:], MINI[-30:] + "<<: {x: 1}\n"),), "merge keys ('<<') are not allowed", "53:1", "in full"),
    (((MINI[-30:], MINI[-30:] + "1: one\n"),), "keys in the bank must be words, found a number (1)", "53:1",
     "quote the key"),
])
def test_top_level_keys(tmp_path: Path, changes: tuple[tuple[str, str], ...], fragment: str, location: str,
                        hint: str) -> None:
    problem = one(tmp_path, edit(*changes), fragment)
    assert problem.location() == f"mini.yaml:{location}"
    assert hint in problem.hint


# --- id, version, languages, texts, source, dimensions -------------------------------------


@pytest.mark.parametrize(("old", "new", "fragment", "location", "hint"), [
    # line 1
    ("id: mini", "id: Mini", "'id' should be an id like 'whale', found the text 'Mini'", "1:5", "lowercase"),
    # line 2
    ("version: 1", "version: 0", "'version' is 0, it should be at least 1", "2:10", "whole number"),
    ("version: 1", 'version: "1"', "'version' should be a whole number, found the text '1'", "2:10", "digits"),
    ("version: 1", "version: 1.5", "'version' should be a whole number, found a number (1.5)", "2:10", "digits"),
    # line 3: languages: [it, en] -- the second item is at column 17
    ("languages: [it, en]", "languages: [it, fr]", "unknown language 'fr'", "3:17", "languages are 'it', 'en'"),
    ("languages: [it, en]", "languages: [it, it]", "language 'it' is listed twice", "3:17", "remove one"),
    ("languages: [it, en]", "languages: it", "'languages' should be a list ('- ' items), found the text 'it'",
     "3:12", "'- '"),
    # line 4: title: {it: "Mini", en: "Mini"}
    ('title: {it: "Mini", en: "Mini"}', 'title: {it: "Mini"}', "'title' is missing its 'en' translation",
     "4:8", "add a line 'en: ...'"),
    ('title: {it: "Mini", en: "Mini"}', 'title: {it: "Mini", en: "Mini", fr: "Mini"}',
     "unknown language 'fr' in 'title'", "4:33", "languages are"),
    ('title: {it: "Mini", en: "Mini"}', 'title: {it: "Mini", eng: "Mini"}',
     "unknown language 'eng' in 'title'", "4:21", "did you mean 'en'?"),
    ('title: {it: "Mini", en: "Mini"}', 'title: {it: "Mini", en: ""}',
     "'title' (en) should be text, found the text ''", "4:25", "write the text"),
    ('title: {it: "Mini", en: "Mini"}', "title: [Mini]",
     "'title' should be text or a mapping by language, found a list", "4:8", "one line per language"),
    ('title: {it: "Mini", en: "Mini"}', "title:", "'title' should be text or a mapping by language, "
     "found nothing (an empty value)", "4:7", "write a string"),
    # line 6: source: {title: "Article", author: "Someone", date: "2020"}
    ('author: "Someone", ', "", "'source' is missing 'author'", "6:9", "add it"),
    ('date: "2020"', 'date: "2020/01"', "'source.date' is '2020/01', not a date", "6:53", "YYYY-MM-DD"),
    ('date: "2020"', 'date: "2020", colour: red', "unknown key 'colour' in 'source'", "6:61",
     "the keys allowed here are 'title', 'author', 'date', 'publisher', 'url'"),
    ('title: "Article"', "title: [Article]", "'source.title' should be text, found a list", "6:17", "write some text"),
    # lines 8-9: the dimension
    ("  - id: money\n    label", "  - id: Money\n    label", "the dimension id should be an id like 'payment'",
     "8:9", "lowercase"),
    ('    label: {it: "Soldi", en: "Money"}', '    description: "x"', "a dimension is missing 'label'", "8:5",
     "add it"),
    ('  - id: money\n    label: {it: "Soldi", en: "Money"}', "  - {id: money, label: Money}\n  - {id: money, "
     "label: Money}", "dimension 'money' is defined twice", "9:10", "give each a different id"),
    ('dimensions:\n  - id: money\n    label: {it: "Soldi", en: "Money"}', "dimensions: money\n  # 8\n  # 9",
     "'dimensions' should be a list", "7:13", "'- '"),
])
def test_metadata(tmp_path: Path, old: str, new: str, fragment: str, location: str, hint: str) -> None:
    problem = one(tmp_path, edit((old, new)), fragment)
    assert problem.location() == f"mini.yaml:{location}"
    assert hint in problem.hint


def test_a_language_the_bank_does_not_declare_is_reported_in_every_text(tmp_path: Path) -> None:
    found = errors(tmp_path, edit(("languages: [it, en]", "languages: [en]")))
    undeclared = [p.location() for p in found if "has 'it', which the bank does not declare" in p.message]
    # title (line 4), the dimension label (line 9), the first question's text (line 15)
    assert undeclared == ["mini.yaml:4:9", "mini.yaml:9:13", "mini.yaml:15:12"]
    assert all("add 'it' to the bank's 'languages'" in p.hint for p in found if "does not declare" in p.message)


def test_the_source_date_may_be_a_year_month_or_day(tmp_path: Path) -> None:
    for date in ('"2020"', '"2020-02"', '"2020-02-29"', "2020"):
        bank, problems = check(tmp_path, edit(('date: "2020"', f"date: {date}")))
        assert bank is not None, problems


# --- questions -------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new", "fragment", "location", "hint"), [
    # line 14 of pays_late (lines 11-16)
    ("    weight: 2", "    wieght: 2", "unknown key 'wieght' in a question", "14:5", "did you mean 'weight'?"),
    ("    weight: 2", "    weight: 0", "the 'weight' of question 'pays_late' is 0; it must be above 0", "14:13",
     "remove the question rather than weighing it 0"),
    ("    weight: 2", "    weight: -1.5", "the 'weight' of question 'pays_late' is -1.5; it must be above 0", "14:13",
     "use 1 for an ordinary question"),
    ("    weight: 2", "    weight: heavy", "the 'weight' of question 'pays_late' should be a number, found the text "
     "'heavy'", "14:13", "write digits"),
    ("    weight: 2", "    weight: .nan", "the 'weight' of question 'pays_late' should be a finite number", "14:13",
     "write digits"),
    ("    weight: 2", "    weight: .inf", "the 'weight' of question 'pays_late' should be a finite number", "14:13",
     "write digits"),
    ("    weight: 2", "    reverse: maybe", "'reverse' in question 'pays_late' should be true or false, found the "
     "text 'maybe'", "14:14", "write true or false"),
    ("    weight: 2", "    options: []", "'options' does not apply to a frequency question (question 'pays_late')",
     "14:14", "'options' is for choice questions; remove it"),
    ("    weight: 2", '    unit: "%"', "'unit' does not apply to a frequency question (question 'pays_late')",
     "14:11", "'unit' is for number questions"),
    ("    weight: 2", "    min: 0", "'min' does not apply to a frequency question", "14:10", "remove it"),
    ('    text: {it: "Paga tardi?", en: "Pays late?"}', '    help: "x"', "a question is missing 'text'", "11:5",
     "add it"),
    ("  - id: pays_late", "  - id: Pays_late", "the question id should be an id like 'pays_late'", "11:9",
     "lowercase"),
    ("    dimension: money\n    type: frequency", "    dimension: mony\n    type: frequency",
     "question 'pays_late' names dimension 'mony', which the bank does not define", "12:16",
     "did you mean 'money'?"),
    ("    type: frequency", "    type: frequence", "question 'pays_late' has type 'frequence', which is not a question "
     "type", "13:11", "did you mean 'frequency'?"),
    ("    type: frequency", "    type: slider", "has type 'slider'", "13:11",
     "types are 'yes_no', 'frequency', 'choice', 'number'"),
    ('    advice: "Ask for a deposit."', "    number: 0", "the 'number' of question 'pays_late' is 0, it should be "
     "at least 1", "16:13", "whole number"),
    ('    advice: "Ask for a deposit."', "    help: [x]", "the 'help' of question 'pays_late' should be text",
     "16:11", "write a string"),
    # line 17: the second question's id
    ("  - id: share", "  - id: pays_late", "question id 'pays_late' is used twice", "17:9",
     "give each question its own id"),
    # the number question 'share' (lines 17-25)
    ("    safe_at: 10", "    # no safe_at", "question 'share' is a number question and needs 'safe_at'", "17:5",
     "see docs/bank-format.md"),
    ("    min: 0\n", "    min: 100\n", "'max' of question 'share' (100) is not above 'min' (100)", "21:10",
     "swap them"),
    ("    min: 0\n", "    min: low\n", "'min' of question 'share' should be a number, found the text 'low'", "20:10",
     "write digits"),
    ("    risky_at: 50", "    risky_at: 10", "'safe_at' and 'risky_at' of question 'share' are equal", "23:15",
     "make them differ"),
    ("    risky_at: 50", "    risky_at: -.inf", "'risky_at' of question 'share' should be a finite number", "23:15",
     "write digits"),
    # the choice question 'tone' (lines 26-33)
    ('    advice: "Talk."', "    reverse: true", "'reverse' does not apply to a choice question (question 'tone')",
     "30:14", "'reverse' is for yes_no and frequency questions"),
    ("    options:\n      - {id: calm, label: \"Calm\", risk: 0}\n      - {id: rude, label: \"Rude\", risk: 100}",
     "    # 1\n    # 2\n    # 3", "question 'tone' is a choice question and needs 'options'", "26:5",
     "see docs/bank-format.md"),
    ("      - {id: rude, label: \"Rude\", risk: 100}", "      # only one option", "question 'tone' has a single option",
     "32:7", "at least two options"),
    ("    options:\n      - {id: calm, label: \"Calm\", risk: 0}\n      - {id: rude, label: \"Rude\", risk: 100}",
     "    options: calm\n    # 32\n    # 33", "the 'options' of question 'tone' should be a list ('- ' items), "
     "found the text 'calm'", "31:14", "'- '"),
    ("risk: 100}", "risk: 150}", "the option's 'risk' is 150; it must be from 0 to 100", "33:41", "0 is a healthy"),
    ("{id: rude,", "{id: calm,", "option id 'calm' is used twice in question 'tone'", "33:14", "its own id"),
    ("{id: rude,", "{id: dont_know,", "'dont_know' is offered on every question already", "33:14",
     "remove this option"),
    ("{id: rude,", "{id: Rude,", "the option id should be an id like 'monthly'", "33:14", "lowercase"),
    ('label: "Rude", ', "", "an option of question 'tone' is missing 'label'", "33:9", "add it"),
    ("risk: 100}", "risk: 100, advise: x}", "unknown key 'advise' in an option of question 'tone'", "33:46",
     "did you mean 'advice'?"),
])
def test_question_problems(tmp_path: Path, old: str, new: str, fragment: str, location: str, hint: str) -> None:
    problem = one(tmp_path, edit((old, new)), fragment)
    assert problem.location() == f"mini.yaml:{location}"
    assert hint in problem.hint


def test_a_duplicate_item_number_names_the_question_that_has_it(tmp_path: Path) -> None:
    text = edit(('    advice: "Ask for a deposit."', "    number: 1"), ('    advice: "Diversify."', "    number: 1"))
    problem = one(tmp_path, text, "number 1 is used by question 'pays_late' too")
    assert problem.location() == "mini.yaml:25:13"
    assert "keeps its own number" in problem.hint


def test_a_question_without_advice_is_a_warning_not_an_error(tmp_path: Path) -> None:
    bank, problems = check(tmp_path, edit(('    advice: "Ask for a deposit."', "    number: 1")))
    assert bank is not None
    (problem,) = problems
    assert problem.severity == "warning"
    assert problem.location() == "mini.yaml:11:9"
    assert problem.message == "question 'pays_late' has no 'advice'"
    assert "add one concrete thing to do" in problem.hint
    assert str(problem).startswith("mini.yaml:11:9: warning: ")


# --- conditions ------------------------------------------------------------------------

WHEN = "    when: {question: pays_late, at_least: often}"  # line 37, in question 'follow'


@pytest.mark.parametrize(("new", "fragment", "location", "hint"), [
    ("{question: pays_lte, at_least: often}", "the 'when' of question 'follow' refers to question 'pays_lte', "
     "which does not exist", "37:22", "did you mean 'pays_late'?"),
    ("{risk: overall, at_least: 50}", "the 'when' of question 'follow' cannot look at risk", "37:12",
     "use risk in dealbreakers and profiles"),
    ("{all: [], question: tone}", "the 'when' of question 'follow' mixes 'all', 'question'", "37:11",
     "nest the other conditions inside them"),
    ("{answer: tone}", "needs 'question', 'risk', 'signals', 'all', 'any' or 'not'", "37:11", "{question: pays_late"),
    ("{question: tone}", "needs exactly one of 'equals', 'in', 'at_least', 'at_most'", "37:11", "e.g."),
    ("{question: pays_late, at_least: often, at_most: always}", "needs exactly one of", "37:11", "e.g."),
    ("{question: tone, equal: rude}", "unknown key 'equal' in the 'when' of question 'follow'", "37:28",
     "did you mean 'equals'?"),
    ("{question: tone, at_least: rude}", "'at_least' needs a number or frequency question; 'tone' is choice",
     "37:28", "use 'equals' or 'in'"),
    ("{question: pays_late, equals: sometime}", "the 'when' of question 'follow': answer one of 'never', 'rarely', "
     "'sometimes', 'often', 'always' (or dont_know); did you mean 'sometimes'?", "37:41",
     "'pays_late' is a frequency question"),
    ("{question: pays_late, equals: dont_know}", "a condition cannot test for 'dont_know'", "37:41",
     "makes its conditions false"),
    ("{question: pays_late, in: often}", "the 'when' of question 'follow' ('in') should be a list", "37:37", "'- '"),
    ("{question: pays_late, in: [often, oftn]}", "did you mean 'often'?", "37:45", "frequency question"),
    ("{question: pays_late, equals: [often]}", "expected one answer of 'pays_late', found a collection", "37:41",
     "use 'in: [..., ...]'"),
    ("{question: share, at_least: lots}", "answer a number from 0 to 100 (or dont_know)", "37:39",
     "'share' is a number question"),
    ("{question: share, at_most: 120}", "120 is outside 0–100", "37:38", "'share' is a number question"),
    ("{question: tone, equals: angry}", "answer one of 'calm', 'rude' (or dont_know)", "37:36", "choice question"),
    ("{all: [{question: tone, equals: rude}, {question: nope, equals: yes}]}", "the 'when' of question 'follow' "
     "(all) refers to question 'nope', which does not exist", "37:61", "check the question id"),
    ("{any: []}", "the 'when' of question 'follow' (any) is empty", "37:17", "add at least one item"),
    ("{not: {question: nope, equals: yes}}", "(not) refers to question 'nope'", "37:28", "check the question id"),
    ("[pays_late]", "the 'when' of question 'follow' should be a mapping", "37:11", "'key: value'"),
])
def test_condition_problems(tmp_path: Path, new: str, fragment: str, location: str, hint: str) -> None:
    problem = one(tmp_path, edit((WHEN, f"    when: {new}")), fragment)
    assert problem.location() == f"mini.yaml:{location}"
    assert hint in problem.hint


def test_a_when_may_not_look_ahead(tmp_path: Path) -> None:
    # line 16 (pays_late, the first question) asks about 'share', which comes after it
    text = edit(('    advice: "Ask for a deposit."', "    when: {question: share, at_least: 30}"))
    problem = one(tmp_path, text, "refers to question 'share', which comes later")
    assert problem.location() == "mini.yaml:16:22"
    assert "move it below" in problem.hint


def test_a_condition_on_a_broken_question_does_not_claim_it_comes_later_or_does_not_exist(tmp_path: Path) -> None:
    text = edit(("    type: frequency", "    type: frequence"),                   # pays_late, line 13
                (RULE, "    when: {question: pays_late, equals: often}"))         # dealbreaker, line 45
    found = errors(tmp_path, text)
    assert [(p.location(), p.message) for p in found] == [
        ("mini.yaml:13:11", "question 'pays_late' has type 'frequence', which is not a question type"),
        ("mini.yaml:37:22", "the 'when' of question 'follow' refers to question 'pays_late', which has problems "
                            "of its own"),
        ("mini.yaml:45:22", "the 'when' of dealbreaker 'rude' refers to question 'pays_late', which has problems "
                            "of its own"),
    ]
    assert found[1].hint == "fix question 'pays_late' first"


# --- bands -----------------------------------------------------------------------------

LOW = '  - {min: 0, max: 49, level: keep, summary: "Fine."}'  # line 41
HIGH = '  - {min: 50, max: 100, level: let_go, summary: "Go."}'  # line 42


@pytest.mark.parametrize(("changes", "fragment", "location", "hint"), [
    (((HIGH, HIGH.replace("min: 50", "min: 51")),), "gap: risk 50–50 falls in no band", "42:5",
     "start this band at 'min: 50'"),
    (((HIGH, HIGH.replace("min: 50", "min: 40")),), "overlap: risk 40–49 is in two bands", "42:5",
     "start this band at 'min: 50'"),
    (((LOW, LOW.replace("min: 0", "min: 1")),), "risk 0–0 falls in no band", "41:5", "'min: 0'"),
    (((HIGH, HIGH.replace("max: 100", "max: 99")),), "risk 100–100 falls in no band", "42:5", "'max: 100'"),
    (((LOW, LOW.replace("keep", "let_go")), (HIGH, HIGH.replace("let_go", "keep"))),
     "level 'keep' follows 'let_go' at a higher risk", "42:5", "keep → watch → renegotiate → let_go"),
    (((LOW, LOW.replace("min: 0, max: 49", "min: 30, max: 20")),), "the band's 'max' (20) is below its 'min' (30)",
     "41:20", "swap them"),
    (((HIGH, HIGH.replace("max: 100", "max: 101")),), "the band's 'max' is 101, it should be from 0 to 100", "42:20",
     "whole number"),
    (((HIGH, HIGH.replace("level: let_go", "level: let-go")),), "the band's 'level' is 'let-go', not a verdict level",
     "42:32", "did you mean 'let_go'?"),
    (((LOW, LOW.replace(', summary: "Fine."', "")),), "a band is missing 'summary'", "41:5", "add it"),
    (((LOW, LOW.replace("}", ", steps: go}")),), "the band's 'steps' should be a list", "41:61", "'- '"),
    (((LOW, LOW.replace("}", ", steps: [{it: x}]}")),), "a step is missing its 'en' translation", "41:62",
     "add a line 'en: ...'"),
    ((("bands:\n", "bands: []\n"), (LOW, "  # 41"), (HIGH, "  # 42")), "'bands' is empty", "40:8", "add at least one"),
])
def test_band_problems(tmp_path: Path, changes: tuple[tuple[str, str], ...], fragment: str, location: str,
                       hint: str) -> None:
    problem = one(tmp_path, edit(*changes), fragment)
    assert problem.location() == f"mini.yaml:{location}"
    assert hint in problem.hint


def test_bands_in_any_order_are_checked_in_risk_order(tmp_path: Path) -> None:
    bank, problems = check(tmp_path, edit((LOW + "\n" + HIGH, HIGH + "\n" + LOW)))
    assert problems == ()
    assert bank is not None


# --- dealbreakers and profiles ---------------------------------------------------------

RULE = "    when: {question: tone, equals: rude}"  # line 45, dealbreaker 'rude'
PROFILE_WHEN = "    when: {risk: overall, at_least: 50}"  # line 50, profile 'big'


@pytest.mark.parametrize(("old", "new", "fragment", "location", "hint"), [
    (RULE, "    when: {risk: mony, at_least: 50}", "the 'when' of dealbreaker 'rude' looks at the risk of 'mony', "
     "which is not a dimension", "45:18", "did you mean 'money'?"),
    (RULE, "    when: {risk: overall, at_least: 150}", "the 'when' of dealbreaker 'rude': risk is from 0 to 100, "
     "not 150", "45:37", "100 the most worrying"),
    (RULE, "    when: {risk: overall, equals: 50}", "unknown key 'equals' in the 'when' of dealbreaker 'rude'",
     "45:27", "use one of 'at_least', 'at_most'"),
    (RULE, "    when: {risk: overall, at_least: high}", "the 'when' of dealbreaker 'rude' (at_least) should be a "
     "number, found the text 'high'", "45:37", "write digits"),
    # a 'reason' inserted as line 46 pushes the original one to line 48
    (RULE, "    when: {question: tone, equals: rude}\n    reason: x", "duplicate key 'reason' in a dealbreaker "
     "(first at line 46)", "48:5", "keep one"),
    ("    level: let_go\n    reason", "    level: fire\n    reason", "the 'level' of dealbreaker 'rude' is 'fire', "
     "not a verdict level", "46:12", "levels are 'keep', 'watch', 'renegotiate', 'let_go'"),
    ('    reason: "Rude."', "    # no reason", "a dealbreaker is missing 'reason'", "44:5", "add it"),
    ("  - id: rude", "  - id: Rude", "the dealbreaker id should be an id like 'late_and_no_contract'", "44:9",
     "lowercase"),
    ("dealbreakers:\n  - id: rude\n    when: {question: tone, equals: rude}\n    level: let_go\n    reason: \"Rude.\"",
     "dealbreakers: {}\n  # 44\n  # 45\n  # 46\n  # 47", "'dealbreakers' should be a list", "43:15", "'- '"),
    (PROFILE_WHEN, "    when: {risk: money, at_most: -1}", "the 'when' of profile 'big': risk is from 0 to 100, "
     "not -1", "50:34", "100 the most worrying"),
    (PROFILE_WHEN, "    when: {question: share, at_least: 30, at_most: 20}", "the 'when' of profile 'big' needs "
     "exactly one of", "50:11", "e.g."),
    ('    advice: "Careful."', "    # no advice", "a profile is missing 'advice'", "49:5", "add it"),
    ('    label: "Big"', "    label: {it: Grande}", "the 'label' of profile 'big' is missing its 'en' translation",
     "51:12", "add a line 'en: ...'"),
])
def test_outcome_problems(tmp_path: Path, old: str, new: str, fragment: str, location: str, hint: str) -> None:
    problem = one(tmp_path, edit((old, new)), fragment)
    assert problem.location() == f"mini.yaml:{location}"
    assert hint in problem.hint


def test_duplicate_dealbreaker_and_profile_ids(tmp_path: Path) -> None:
    rule = '  - {id: rude, when: {question: tone, equals: rude}, level: let_go, reason: "Rude."}'
    profile = '  - {id: big, when: {risk: overall, at_least: 50}, label: "Big", advice: "Careful."}'
    text = edit(
        ('  - id: rude\n    when: {question: tone, equals: rude}\n    level: let_go\n    reason: "Rude."',
         f"{rule}\n{rule}\n  # 46\n  # 47"),
        ('  - id: big\n    when: {risk: overall, at_least: 50}\n    label: "Big"\n    advice: "Careful."',
         f"{profile}\n{profile}\n  # 51\n  # 52"),
    )
    found = errors(tmp_path, text)
    assert [(p.location(), p.message) for p in found] == [
        ("mini.yaml:45:10", "dealbreaker id 'rude' is used twice"),
        ("mini.yaml:50:10", "profile id 'big' is used twice"),
    ]


def test_empty_dealbreakers_and_profiles_are_allowed(tmp_path: Path) -> None:
    text = MINI.split("dealbreakers:")[0] + "dealbreakers: []\nprofiles: []\n"
    bank, problems = check(tmp_path, text)
    assert problems == ()
    assert bank is not None and bank.dealbreakers == () and bank.profiles == ()


# --- bank keys: kind, prospect, revenue_question, menu_order, a profile's exit_plan --------


@pytest.mark.parametrize(("added", "fragment", "location", "hint"), [
    # appended as line 53, after the profile's 'advice' (so a key with four spaces is the profile's)
    ("kind: farewel", "'kind' is 'farewel', which is not one of 'relationship', 'farewell'", "53:7",
     "did you mean 'farewell'?"),
    ("kind: 3", "'kind' is 3, which is not one of 'relationship', 'farewell'", "53:7",
     "write one of 'relationship', 'farewell'"),
    ("    exit_plan: plan", "the 'exit_plan' of profile 'big' is 'plan', which is not one of 'standard', 'planned', "
     "'none'", "53:16", "did you mean 'planned'?"),
    ("revenue_question: tone", "'revenue_question' names 'tone', which is not a number question of this bank",
     "53:19", "name the number question that asks the client's share of your revenue"),
    ("revenue_question: shares", "'revenue_question' names 'shares', which is not a number question of this bank",
     "53:19", "did you mean 'share'?"),
    ("revenue_question: [share]", "'revenue_question' should be text, found a list", "53:19", "write some text"),
    ("menu_order: -1", "'menu_order' is -1, it should be at least 0", "53:13", "write a whole number at least 0"),
    ("prospect: {risk: overall, at_least: 50}", "'prospect' cannot look at risk", "53:12", "known only at the end"),
])
def test_bank_key_problems(tmp_path: Path, added: str, fragment: str, location: str, hint: str) -> None:
    problem = one(tmp_path, MINI + added + "\n", fragment)
    assert problem.message == fragment
    assert problem.location() == f"mini.yaml:{location}"
    assert hint in problem.hint


def test_bank_keys_are_read_into_the_bank() -> None:
    text = MINI + ("    exit_plan: planned\nkind: farewell\nprospect: {question: share, at_most: 5}\n"
                   "revenue_question: share\nmenu_order: 0\n")
    bank, problems = check_bank_text(text, NAME)
    assert problems == () and bank is not None
    assert (bank.kind, bank.prospect, bank.revenue_question, bank.menu_order) == (
        "farewell", AnswerCondition("share", "at_most", 5.0), "share", 0)
    assert [p.exit_plan for p in bank.profiles] == ["planned"]


# --- many problems at once -------------------------------------------------------------


def test_every_problem_is_reported_in_one_go(tmp_path: Path) -> None:
    text = edit(
        ("version: 1", "version: 0"),                                   # line 2
        ("    weight: 2", "    weight: 0"),                             # line 14
        ("    type: number", "    type: numbr"),                        # line 19
        ("    level: let_go\n    reason", "    level: fire\n    reason"),  # line 46
        ('    advice: "Careful."', "    # no advice"),                 # profile at line 49
    )
    found = errors(tmp_path, text)
    # (37, 22): the follow-up's condition on pays_late, which cannot be checked while pays_late is broken
    assert [(p.line, p.column) for p in found] == [(2, 10), (14, 13), (19, 11), (37, 22), (46, 12), (49, 5)]
    assert found[2].message == "question 'share' has type 'numbr', which is not a question type"
    assert found[2].hint == "did you mean 'number'?"


def test_load_bank_raises_with_every_error_and_no_warning(tmp_path: Path) -> None:
    path = tmp_path / NAME
    path.write_text(edit(("version: 1", "version: 0"), ("    min: 0\n", "    min: 100\n"),
                         ('    advice: "Ask for a deposit."', "    number: 4")), encoding="utf-8")  # a warning
    _, problems = check_bank(path, NAME)
    assert [p.severity for p in problems] == ["error", "warning", "error"]  # in file order
    with pytest.raises(BankError) as caught:
        load_bank(path, NAME)
    assert caught.value.message == "mini.yaml: the question bank has 2 problems"
    assert [p.location() for p in caught.value.problems] == ["mini.yaml:2:10", "mini.yaml:21:10"]
    assert caught.value.exit_code == 2


def test_load_bank_counts_a_single_problem_in_the_singular(tmp_path: Path) -> None:
    path = tmp_path / NAME
    path.write_text(edit(("version: 1", "version: 0")), encoding="utf-8")
    with pytest.raises(BankError, match=r"^mini.yaml: the question bank has 1 problem$"):
        load_bank(path, NAME)


# --- valid banks -----------------------------------------------------------------------


def test_full_bank_builds_the_model_the_format_describes() -> None:
    bank = load_bank(TEST_BANKS / "full.yaml")
    assert (bank.id, bank.version, bank.languages) == ("full", 3, ("it", "en"))
    assert bank.source.publisher == "clientcheck tests" and bank.source.url == "https://example.org/bank-format"
    assert [d.id for d in bank.dimensions] == ["money", "people"]
    assert bank.dimensions[0].description is not None and bank.dimensions[1].description is None
    types = {q.id: q.type for q in bank.questions}
    assert set(types.values()) == set(QuestionType)
    pays_late = bank.question("pays_late")
    assert pays_late is not None and (pays_late.weight, pays_late.number) == (2.0, 1)
    assert pays_late.help is not None and pays_late.help.get("it") == "Pensa agli ultimi sei mesi."
    margin = bank.question("margin")
    assert margin is not None
    assert (margin.minimum, margin.maximum, margin.safe_at, margin.risky_at) == (-100.0, 100.0, 40.0, 0.0)
    assert margin.unit is not None and margin.unit.get("en") == "% margin"  # texts are trimmed
    assert margin.help is not None and margin.help.is_plain()
    tone = bank.question("tone")
    assert tone is not None and [(o.id, o.risk, o.advice is not None) for o in tone.options] == [
        ("calm", 0.0, False), ("curt", 60.0, True), ("rude", 100.0, True)]
    has_contract = bank.question("has_contract")
    assert has_contract is not None and has_contract.reverse
    whens = {q.id: q.when for q in bank.questions if q.when is not None}
    assert whens == {
        "chase_effort": AnswerCondition("pays_late", "in", ("often", "always")),
        "backup_clients": AnswerCondition("revenue_share", "at_least", 30.0),
        "raise_price": AnswerCondition("margin", "at_most", 10.0),
        "apologises": AnswerCondition("tone", "equals", "rude"),
        "weekend_calls": AnswerCondition("pays_late", "at_least", "often"),
        # YAML reads 'equals: yes' as true: it must become the answer 'yes'
        "last_straw": AllOf((AnyOf((AnswerCondition("tone", "in", ("curt", "rude")),
                                    AnswerCondition("pays_late", "equals", "always"))),
                             Not(AnswerCondition("has_contract", "equals", "yes")))),
    }
    assert [(b.minimum, b.maximum, b.level) for b in bank.bands] == [
        (0, 24, Level.KEEP), (25, 49, Level.WATCH), (50, 74, Level.RENEGOTIATE), (75, 100, Level.LET_GO)]
    assert bank.bands[0].label is not None and bank.bands[1].label is None
    assert [len(b.steps) for b in bank.bands] == [1, 0, 2, 1]
    assert [(d.id, d.level) for d in bank.dealbreakers] == [("rude_and_late", Level.LET_GO),
                                                            ("no_contract", Level.WATCH)]
    assert [p.when for p in bank.profiles] == [
        AllOf((AnswerCondition("revenue_share", "at_least", 30.0), RiskCondition("overall", "at_least", 40.0))),
        RiskCondition("people", "at_least", 75.0),
    ]


def test_texts_with_control_sequences_are_cleaned_when_read(tmp_path: Path) -> None:
    text = edit(('description: "A small bank."', 'description: "A \\x1b[31mred\\x1b[0m \\x07bank."'))
    bank, problems = check(tmp_path, text)
    assert problems == () and bank is not None
    assert bank.description.get("en") == "A red bank."


@pytest.mark.parametrize("path", sorted(QUESTIONS.glob("*.yaml")), ids=lambda p: p.name)
def test_every_shipped_bank_loads_without_problems(path: Path) -> None:
    bank, problems = check_bank(path)
    assert [str(p) for p in problems] == []
    assert bank is not None and bank.id == path.stem


# --- menu order --------------------------------------------------------------------------


def test_the_menu_lists_banks_by_their_menu_order_then_those_without_it_by_id(tmp_path: Path) -> None:
    home = tmp_path / "home"
    for bank_id, extra in (("aaa-mine", ""), ("zzz-first", "menu_order: 0\n"), ("a-tie", "menu_order: 1\n"),
                           ("b-mine", "")):
        write(home / "banks" / f"{bank_id}.yaml", MINI.replace("id: mini", f"id: {bank_id}", 1) + extra)
    order = [bank.id for bank in menu_banks({"CLIENTCHECK_HOME": str(home)})]
    assert order == ["zzz-first", "a-tie", "checkup", "starter", "whale", "signals", "let-go", "difficult-or-bad",
                     "farewell", "aaa-mine", "b-mine"]


# --- large banks: the work that grows with the bank stays linear ---------------------------


def test_a_bank_finds_its_questions_by_id_and_a_copy_finds_its_own() -> None:
    bank = load_bank(TEST_BANKS / "mini.yaml")
    assert bank.question("share") is bank.questions[1]
    assert bank.question("nope") is None
    fewer = bank._replace(questions=bank.questions[2:])  # the copy must not answer from the original's index
    assert fewer.question("share") is None and fewer.question("tone") is bank.questions[2]
    renamed = bank._replace(questions=tuple(q._replace(id=f"new_{q.id}") for q in bank.questions))
    assert renamed.question("new_share") is not None and renamed.question("share") is None


def test_the_question_index_is_no_part_of_equality_or_hashing() -> None:
    looked_up, fresh = load_bank(TEST_BANKS / "mini.yaml"), load_bank(TEST_BANKS / "mini.yaml")
    looked_up.question("share")
    assert looked_up == fresh and hash(looked_up) == hash(fresh)
    assert looked_up._replace(version=2) != fresh


def test_a_hand_made_bank_with_a_duplicate_id_finds_the_first_as_a_search_would() -> None:
    bank = load_bank(TEST_BANKS / "mini.yaml")
    first, second = bank.questions[0], bank.questions[1]._replace(id=bank.questions[0].id)
    assert bank._replace(questions=(first, second)).question(first.id) is first


def _many_questions(count: int, misspelt: int = 0) -> str:
    """mini.yaml with ``count`` more yes/no questions, the last ``misspelt`` of them following 'extra_0x'."""
    lines = []
    for i in range(count):
        when = ", when: {question: extra_0x, equals: 'yes'}" if i >= count - misspelt else ""
        lines.append(f"  - {{id: extra_{i}, dimension: money, type: yes_no, text: 'Extra {i}?', "
                     f"advice: 'Do.'{when}}}\n")
    return MINI.replace("bands:\n", "".join(lines) + "bands:\n", 1)


def test_a_large_bank_loads_whole_and_in_order(tmp_path: Path) -> None:
    bank, problems = check(tmp_path, _many_questions(3000))
    assert problems == () and bank is not None
    assert [q.id for q in bank.questions[4:]] == [f"extra_{i}" for i in range(3000)]
    assert bank.question("extra_2999") is bank.questions[-1]


def test_misspelt_references_get_a_suggestion_until_the_files_budget_is_spent(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import clientcheck.bank.reader as reader

    text = _many_questions(40, misspelt=5)  # each misspelt reference compares about 40 ids
    hints = [p.hint for p in errors(tmp_path, text)]
    assert hints == ["did you mean 'extra_0'?"] * 5
    monkeypatch.setattr(reader, "SUGGESTION_BUDGET", 80)  # enough for the first two references only
    hints = [p.hint for p in errors(tmp_path, text)]
    assert hints == ["did you mean 'extra_0'?"] * 2 + ["check the question id"] * 3


def test_problems_added_without_a_node_count_as_errors(tmp_path: Path) -> None:
    from clientcheck.bank.reader import NodeReader

    reader = NodeReader("f.yaml")
    reader.add([Problem("f.yaml", 1, 1, "a warning", "hint", "warning")])
    assert not reader.has_errors and reader.error_count == 0
    reader.add([Problem("f.yaml", 2, 1, "an error", "hint"), Problem("f.yaml", 3, 1, "another", "hint")])
    assert reader.has_errors and reader.error_count == 2


def test_a_list_where_one_word_belongs_is_named_by_its_shape_not_by_an_internal_object() -> None:
    text = (QUESTIONS / "starter.yaml").read_text(encoding="utf-8")
    text = text.replace("    level: keep\n", "    level: [keep]\n", 1)
    text = text.replace("\nversion: 1\n", "\nversion: 1\nkind: [x]\n", 1)
    bank, problems = check_bank_text(text, "broken.yaml")
    messages = [p.message for p in problems if p.severity == "error"]
    assert bank is None
    assert "the band's 'level' is a list, not a verdict level" in messages
    assert "'kind' is a list, which is not one of 'relationship', 'farewell'" in messages
    assert not any("object at 0x" in message for message in messages)


# --- odd but plausible values: located errors, exit 2, never a crash -------------------------


@pytest.mark.parametrize(("old", "new", "fragment", "location"), [
    ("version: 1", 'version: !!int "abc"', "'abc' is not a whole number, as its tag '!!int' says", "2:10"),
    ("weight: 2", "weight: !!float x", "'x' is not a number, as its tag '!!float' says", "14:13"),
    ("weight: 2", "weight: !!bool maybe", "'maybe' is not true or false, as its tag '!!bool' says", "14:13"),
    ("version: 1", "version: " + "9" * 4301, "a number of 4,301 digits is too large to use", "2:10"),
    ("version: 1", "version: 9223372036854775808",
     "'version' is 9223372036854775808, it should be at most 9,223,372,036,854,775,807", "2:10"),
    ("version: 1", "version: 010", "'010' would be read as 8 (octal)", "2:10"),
    ("    max: 100\n", "    max: 0x28\n", "'0x28' would be read as 40 (hexadecimal)", "21:10"),
    ("risky_at: 50", "risky_at: 1:30", "'1:30' would be read as 90 (base 60, like a time)", "23:15"),
])
def test_odd_values_in_a_bank_are_located_errors(tmp_path: Path, old: str, new: str, fragment: str,
                                                 location: str) -> None:
    problem = one(tmp_path, edit((old, new)), fragment)
    assert problem.location() == f"mini.yaml:{location}"
    assert problem.hint


def test_the_largest_storable_version_is_accepted(tmp_path: Path) -> None:
    bank, _ = check(tmp_path, edit(("version: 1", "version: 9223372036854775807")))
    assert bank is not None and bank.version == 2**63 - 1


@pytest.mark.parametrize("value", ['!!int "abc"', "!!float x", "!!bool maybe", "9" * 4301, "99999999999999999999",
                                   "010", "1:30", "0x28"])
def test_a_bank_with_an_odd_version_exits_2_and_saves_nothing(tmp_path: Path, value: str) -> None:
    """The version above SQLite's range used to validate, then crash the save (exit 70)."""
    from typer.testing import CliRunner

    from clientcheck.cli.app import load_commands

    bank = write(tmp_path / "odd.yaml", (TEST_BANKS / "full.yaml").read_text(encoding="utf-8")
                 .replace("version: 3", f"version: {value}"))
    runner = CliRunner()
    app = load_commands()
    for command in (["banks", "validate", str(bank)],
                    ["assess", "--bank-file", str(bank), "--answers", str(TEST_BANKS / "full-healthy.yaml"),
                     "--client", "Acme"]):
        result = runner.invoke(app, command, catch_exceptions=False)
        assert result.exit_code == 2, result.output
        assert f"{bank}:14:10: error: " in result.output
        assert "bug" not in result.output and "Traceback" not in result.output
    listed = runner.invoke(app, ["clients", "--json"], catch_exceptions=False)
    assert json.loads(listed.output)["clients"] == []
