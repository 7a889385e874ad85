"""Answers: normalising what people write, reading answer files (YAML, JSON, stdin), templates."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from clientcheck.assessment.answers import answers_template, read_answers
from clientcheck.bank.answer_values import InvalidAnswer, normalise_answer
from clientcheck.bank.loader import load_bank
from clientcheck.bank.model import DONT_KNOW, AnswerValue, QuestionType
from clientcheck.errors import AnswersError, Problem
from clientcheck.i18n import labels
from tests.conftest import TEST_BANKS, write

FULL = load_bank(TEST_BANKS / "full.yaml")
MIXED = {"pays_late": "sometimes", "has_contract": "no", "revenue_share": 30.0, "backup_clients": "no",
         "margin": 20.0, "tone": "curt", "enjoys_work": "sometimes", "last_straw": "yes"}


def question(question_id: str):  # a Question; unannotated, so its optional fields need no checks below
    found = FULL.question(question_id)
    assert found is not None
    return found


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files are read by a relative name, so problems are located as 'answers.yaml:LINE:COL'."""
    monkeypatch.chdir(tmp_path)


def problems(tmp_path: Path, text: str, name: str = "answers.yaml") -> tuple[Problem, ...]:
    write(tmp_path / name, text)
    with pytest.raises(AnswersError) as caught:
        read_answers(Path(name), FULL)
    for problem in caught.value.problems:
        assert problem.hint, f"no hint for: {problem}"
    assert caught.value.exit_code == 2
    return caught.value.problems


def healthy_lines(**changes: str) -> str:
    values = {"pays_late": "never", "has_contract": "yes", "revenue_share": "10", "margin": "40", "tone": "calm",
              "enjoys_work": "always", **changes}
    return "".join(f"  {key}: {value}\n" for key, value in values.items())


# --- normalise_answer --------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "expected"), [
    (True, "yes"), (False, "no"), ("yes", "yes"), ("Y", "yes"), ("sì", "yes"), ("Sì", "yes"), ("si", "yes"),
    ("sí", "yes"), ("true", "yes"), (" no ", "no"), ("n", "no"), ("false", "no"),
    ("dont_know", DONT_KNOW), ("?", DONT_KNOW), ("don't know", DONT_KNOW), ("Non so", DONT_KNOW),
])
def test_yes_no_words(raw: str | bool, expected: str) -> None:
    assert normalise_answer(question("has_contract"), raw) == expected


@pytest.mark.parametrize("raw", ["maybe", 1, None, "", "yess"])
def test_yes_no_refuses_other_words(raw: str | int | None) -> None:
    with pytest.raises(InvalidAnswer, match=r"^answer yes or no \(or dont_know\)$"):
        normalise_answer(question("has_contract"), raw)


@pytest.mark.parametrize(("raw", "expected"), [
    (30, 30.0), (12.5, 12.5), ("30", 30.0), ("30%", 30.0), ("12,5", 12.5), (" 0 ", 0.0), (100, 100.0),
])
def test_numbers(raw: str | int | float, expected: float) -> None:
    assert normalise_answer(question("revenue_share"), raw) == expected


@pytest.mark.parametrize(("raw", "message"), [
    (101, "101 is outside 0–100"),
    (-0.5, "-0.5 is outside 0–100"),
    ("lots", "answer a number from 0 to 100 (or dont_know)"),
    (True, "answer a number from 0 to 100 (or dont_know)"),
    (float("nan"), "answer a number from 0 to 100 (or dont_know)"),
    ("inf", "answer a number from 0 to 100 (or dont_know)"),
])
def test_numbers_outside_the_range_or_not_numbers(raw: str | float | bool, message: str) -> None:
    with pytest.raises(InvalidAnswer) as caught:
        normalise_answer(question("revenue_share"), raw)
    assert str(caught.value) == message


def test_frequency_and_choice_words_with_a_suggestion() -> None:
    assert normalise_answer(question("pays_late"), " often ") == "often"
    assert normalise_answer(question("pays_late"), "Often") == "often"  # any case (issue 13)
    assert normalise_answer(question("tone"), "rude") == "rude"
    with pytest.raises(InvalidAnswer) as caught:
        normalise_answer(question("pays_late"), "oftne")
    assert str(caught.value) == ("answer one of 'never', 'rarely', 'sometimes', 'often', 'always' (or dont_know); "
                                 "did you mean 'often'?")
    with pytest.raises(InvalidAnswer, match=r"^answer one of 'calm', 'curt', 'rude' \(or dont_know\)$"):
        normalise_answer(question("tone"), True)  # YAML 'yes' for a choice question


# --- reading files -----------------------------------------------------------------------


def test_a_yaml_answers_file() -> None:
    assert read_answers(TEST_BANKS / "full-mixed.yaml", FULL) == MIXED


def test_a_json_answers_file_with_json_booleans(tmp_path: Path) -> None:
    document = {"bank": "full", "answers": {**MIXED, "has_contract": False, "backup_clients": False,
                                            "last_straw": True, "revenue_share": 30}}
    path = write(tmp_path / "answers.json", json.dumps(document))
    assert read_answers(path, FULL) == MIXED


def test_answers_from_stdin_bytes() -> None:
    data = ("answers:\n" + healthy_lines(has_contract="sì", tone="dont_know")).encode()
    answers = read_answers(None, FULL, stdin_text=data)
    assert answers["has_contract"] == "yes"
    assert answers["tone"] == DONT_KNOW


def test_empty_stdin_is_an_empty_answers_file() -> None:
    with pytest.raises(AnswersError) as caught:
        read_answers(None, FULL, stdin_text=b"")
    (problem,) = caught.value.problems
    assert problem.location() == "<stdin>:1:1"
    assert problem.message == "the answers file is empty"
    assert "clientcheck answers-template --bank full > answers.yaml" in problem.hint


def test_yaml_booleans_are_yes_and_no(tmp_path: Path) -> None:
    path = write(tmp_path / "a.yaml", "answers:\n" + healthy_lines(has_contract="on"))
    assert read_answers(path, FULL)["has_contract"] == "yes"
    path = write(tmp_path / "b.yaml", "answers:\n" + healthy_lines(has_contract="false"))
    assert read_answers(path, FULL)["has_contract"] == "no"


def test_the_bank_line_may_name_the_bank_and_client_and_lang_are_allowed(tmp_path: Path) -> None:
    path = write(tmp_path / "a.yaml", "bank: full\nclient: ACME\nlang: it\nanswers:\n" + healthy_lines())
    assert read_answers(path, FULL)["pays_late"] == "never"


def test_a_bank_line_naming_another_bank(tmp_path: Path) -> None:
    (problem,) = problems(tmp_path, "bank: starter\nanswers:\n" + healthy_lines())
    assert problem.location() == "answers.yaml:1:7"
    assert problem.message == "these answers are for bank 'starter', not 'full'"
    assert problem.hint == "use --bank starter, or change the 'bank:' line"


def test_unknown_question_ids_with_did_you_mean(tmp_path: Path) -> None:
    text = "answers:\n" + healthy_lines() + "  pays_lat: often\n  colour: blue\n"
    found = problems(tmp_path, text)
    assert [(p.location(), p.message, p.hint) for p in found] == [
        ("answers.yaml:8:3", "bank 'full' has no question 'pays_lat'", "did you mean 'pays_late'?"),
        ("answers.yaml:9:3", "bank 'full' has no question 'colour'",
         "see the ids with 'clientcheck answers-template --bank full'"),
    ]


def test_control_characters_in_an_unknown_id_are_not_echoed(tmp_path: Path) -> None:
    found = problems(tmp_path, 'answers:\n  "evil\\e]0;title\\a": yes\n' + healthy_lines())
    assert found[0].message == "bank 'full' has no question 'evil'"


def test_invalid_values_are_all_reported(tmp_path: Path) -> None:
    text = "answers:\n" + healthy_lines(pays_late="sometime", revenue_share="150", tone="[rude, calm]")
    found = problems(tmp_path, text)
    assert [(p.location(), p.message) for p in found] == [
        ("answers.yaml:2:14", "'pays_late': answer one of 'never', 'rarely', 'sometimes', 'often', 'always' "
                              "(or dont_know); did you mean 'sometimes'?"),
        ("answers.yaml:4:18", "'revenue_share': 150 is outside 0–100"),
        ("answers.yaml:6:9", "the answer to 'tone' should be a single value, found a list"),
    ]
    assert "clientcheck answers-template --bank full" in found[0].hint


def test_missing_answers_for_questions_that_apply(tmp_path: Path) -> None:
    # line 3 leaves margin blank, as a template would; pays_late often makes two follow-ups apply
    text = "answers:\n  pays_late: often\n  margin:\n  has_contract: yes\n"
    found = problems(tmp_path, text)
    assert [(p.location(), p.message) for p in found] == [
        ("answers.yaml:2:3", "no answer for 'chase_effort'"),   # the 'answers' mapping
        ("answers.yaml:2:3", "no answer for 'revenue_share'"),
        ("answers.yaml:3:3", "no answer for 'margin'"),         # its own blank line
        ("answers.yaml:2:3", "no answer for 'tone'"),
        ("answers.yaml:2:3", "no answer for 'weekend_calls'"),
        ("answers.yaml:2:3", "no answer for 'enjoys_work'"),
    ]
    assert found[0].hint == "write 'chase_effort: <answer>', or 'chase_effort: dont_know'"


def test_follow_ups_that_do_not_apply_may_be_left_out_or_blank(tmp_path: Path) -> None:
    path = write(tmp_path / "a.yaml", "answers:\n" + healthy_lines() + "  chase_effort:\n  last_straw:\n")
    answers = read_answers(path, FULL)
    assert "chase_effort" not in answers and "last_straw" not in answers


@pytest.mark.parametrize(("text", "location", "message", "hint"), [
    ("", "answers.yaml:1:1", "the answers file is empty", "answers-template"),
    ("bank: full\nanswers:\n", "answers.yaml:2:9", "'answers' is empty", "one 'question_id: answer' per line"),
    ("answers:\n  - pays_late\n", "answers.yaml:2:3",
     "'answers' should be a mapping of 'key: value' lines, found a list", "indent the keys"),
    ("bank: full\n", "answers.yaml:1:1", "the answers file is missing 'answers'", "add it"),
    ("bnk: full\nanswers:\n" + healthy_lines(), "answers.yaml:1:1", "unknown key 'bnk' in the answers file",
     "did you mean 'bank'?"),
    ("- pays_late: often\n", "answers.yaml:1:1", "the answers file should be a mapping", "indent the keys"),
    ("answers: {pays_late: often\n", "answers.yaml:2:1", "YAML syntax", "indentation, quotes and colons"),
    ("answers: &a\n  pays_late: often\n", "answers.yaml:1:10", "anchor '&a' is not allowed", "in full"),
])
def test_files_that_are_not_answers(tmp_path: Path, text: str, location: str, message: str, hint: str) -> None:
    found = problems(tmp_path, text)
    assert found[0].location() == location
    assert message in found[0].message
    assert hint in found[0].hint


def test_binary_input_is_refused_with_its_position() -> None:
    with pytest.raises(AnswersError) as caught:
        read_answers(None, FULL, stdin_text=b"answers:\n  pays_late: \xff\n")
    (problem,) = caught.value.problems
    assert problem.location() == "<stdin>:2:14"
    assert problem.message == "is not valid UTF-8 text"
    assert caught.value.message == "<stdin>: cannot read the answers"


def test_a_missing_answers_file(tmp_path: Path) -> None:
    with pytest.raises(AnswersError) as caught:
        read_answers(tmp_path / "nope.yaml", FULL)
    assert [p.message for p in caught.value.problems] == ["no such file"]


@pytest.mark.parametrize(("old", "new", "location", "message", "hint"), [
    ("revenue_share: 10", "revenue_share: 010", "5:18", "'010' would be read as 8 (octal)", "write 10"),
    ("revenue_share: 10", "revenue_share: 1:30", "5:18", "'1:30' would be read as 90 (base 60, like a time)",
     "write 90"),
    ("revenue_share: 10", "revenue_share: 0x28", "5:18", "'0x28' would be read as 40 (hexadecimal)", "write 40"),
    ("revenue_share: 10", "revenue_share: !!float x", "5:18", "'x' is not a number, as its tag '!!float' says",
     "remove the '!!float' tag"),
    ("revenue_share: 10", 'revenue_share: !!int "abc"', "5:18", "'abc' is not a whole number", "remove the '!!int'"),
    ("has_contract: yes", "has_contract: !!bool maybe", "4:17", "'maybe' is not true or false", "remove the '!!bool'"),
    ("revenue_share: 10", "revenue_share: " + "9" * 4301, "5:18", "a number of 4,301 digits is too large to use",
     "at most 300 digits"),
])
def test_odd_values_in_answers_are_located_with_a_hint(tmp_path: Path, old: str, new: str, location: str,
                                                        message: str, hint: str) -> None:
    text = "bank: full\nanswers:\n" + healthy_lines()
    assert text.count(old) == 1
    (problem,) = problems(tmp_path, text.replace(old, new))
    assert problem.location() == f"answers.yaml:{location}"
    assert problem.message.startswith(message)
    assert hint in problem.hint


def test_quoted_or_plain_numbers_are_still_answers(tmp_path: Path) -> None:
    path = write(tmp_path / "a.yaml", "answers:\n" + healthy_lines(revenue_share='"10"', margin="40.0"))
    answers = read_answers(path, FULL)
    assert answers["revenue_share"] == 10.0 and answers["margin"] == 40.0


def test_answers_on_a_stream_are_read_up_to_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    from clientcheck.assessment.answers import parse_answers
    from clientcheck.bank import yamlsafe

    monkeypatch.setattr(yamlsafe, "MAX_BYTES", 100)
    stream = io.BytesIO(b"answers:\n" + b"#" * 1000)
    with pytest.raises(AnswersError) as caught:
        parse_answers(None, stdin=stream)
    assert stream.tell() == 101
    assert caught.value.problems[0].message == "is more than 100 bytes, over the 100-byte limit"
    assert parse_answers(None, stdin=io.BytesIO(b"answers: {}\n")).root is not None


# --- the template ------------------------------------------------------------------------

TEMPLATE_LABELS = ("template_title", "template_how", "template_followup", "template_allowed", "template_lang")


def template(language: str) -> str:
    return answers_template(FULL, language, labels(language, *TEMPLATE_LABELS))


def test_the_template_lists_every_question_with_its_allowed_answers() -> None:
    text = template("en")
    ids = re.findall(r"^  ([a-z_]+):$", text, flags=re.MULTILINE)
    assert ids == [q.id for q in FULL.questions]
    assert "bank: full\n" in text
    assert "  # answers: never | rarely | sometimes | often | always | dont_know\n  pays_late:\n" in text
    assert "  # answers: yes | no | dont_know\n  has_contract:\n" in text
    assert "  # answers: 0..100% | dont_know\n  revenue_share:\n" in text
    assert "  # answers: -100..100% margin | dont_know\n  margin:\n" in text
    assert "  # answers: calm (Calmly) | curt (Curtly) | rude (Rudely) | dont_know\n  tone:\n" in text
    assert "  # Does the client pay late?\n" in text


def test_the_template_says_when_a_follow_up_applies() -> None:
    text = template("en")
    assert "  # follow-up: answer only if asked when \"Does the client pay late\" is often or always\n" in text
    assert "  # follow-up: answer only if asked when \"Share of your revenue\" is at least 30%\n" in text
    assert ('  # follow-up: answer only if asked when ("How does the client speak to you" is "Curtly" or "Rudely" '
            'or "Does the client pay late" is always) and "Is there a signed contract" is not yes\n') in text
    followups = [q.id for q in FULL.questions if q.when is not None]
    assert text.count("# follow-up:") == len(followups) == 6


def test_the_template_in_italian() -> None:
    text = template("it")
    assert text.startswith("# Risposte per: Banca di prova completa (full v3)\n")
    assert "  # Paga in ritardo?\n" in text
    assert "  # risposte: calm (Con calma) | curt (In modo brusco) | rude (In modo maleducato) | non so\n" in text
    assert ("  # domanda di approfondimento: rispondi solo se «Come ti parla» è «In modo maleducato»\n"
            "  # risposte") in text


def test_a_filled_in_template_validates(tmp_path: Path) -> None:
    """Fill each blank with the first allowed answer (numbers: the minimum), as a person would."""
    filled: list[str] = []
    first: dict[str, AnswerValue] = {}
    for line in template("en").splitlines():
        match = re.fullmatch(r"  ([a-z_]+):", line)
        if match:
            q = question(match.group(1))
            value = str(int(q.minimum)) if q.type is QuestionType.NUMBER else q.allowed_answers()[0]
            first[q.id] = float(value) if q.type is QuestionType.NUMBER else value
            line = f"{line} {value}"
        filled.append(line)
    path = write(tmp_path / "filled.yaml", "\n".join(filled) + "\n")
    answers = read_answers(path, FULL)
    assert answers == first


def test_an_untouched_template_reports_the_questions_that_apply(tmp_path: Path) -> None:
    path = write(tmp_path / "blank.yaml", template("en"))
    with pytest.raises(AnswersError) as caught:
        read_answers(path, FULL)
    missing = [p.message.removeprefix("no answer for ").strip("'") for p in caught.value.problems]
    assert missing == [q.id for q in FULL.questions if q.when is None]
