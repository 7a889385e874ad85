"""Bank validation in Italian: every problem the bank readers raise (yamlsafe.py, reader.py,
loader/*) reaches an Italian user in Italian with its hint, through the patterns at the error edge
(i18n/patterns.py); English stays as it was written (tests/bank/loader/test_loader_broken_corpus.py pins it)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from clientcheck.bank.answer_values import FIXED_ANSWERS, written_answer
from clientcheck.bank.loader import check_bank, check_bank_text
from clientcheck.i18n.patterns import answer_words, problem_message
from clientcheck.text import DEFAULT_LANGUAGE, LANGUAGES
from tests.conftest import REPO, TEST_BANKS, CliInvoke
from tests.i18n.test_i18n_no_english import ENGLISH_WORDS, ITALIAN_WORDS, data_removed, words_of

BROKEN = [*sorted((REPO / "tests" / "broken").glob("*.yaml")), TEST_BANKS / "many-problems.yaml"]
# Words of the bank messages' English that the shared list lacks.
BANK_WORDS = ("should", "line", "unknown", "key", "keys", "band", "bands", "list", "mapping", "number", "is",
              "are", "twice", "which", "does", "must", "write", "add", "remove", "use", "see", "nested",
              "allowed", "empty", "option", "dealbreaker", "profile", "dimension", "syntax", "indentation")
QUOTED = re.compile(r"(?<!\w)'[^'\n]*'(?!\w)|\"[^\"\n]*\"|«[^»\n]*»|\{[^{}\n]*\}")  # the file's own words, quoted
# back, and YAML to write as it is ('{question: pays_late, equals: yes}')


def shown(text: str, home: Path) -> str:
    return QUOTED.sub(" ", data_removed(text, home))


@pytest.mark.parametrize("path", BROKEN, ids=lambda path: path.name)
def test_a_broken_bank_in_italian(cli: CliInvoke, isolated_home: Path, path: Path):
    result = cli("banks", "validate", "--lang", "it", str(path))
    assert result.exit_code == 2, result.stderr
    output = result.stdout + result.stderr
    assert "errore:" in output and "suggerimento:" in output
    output = shown(output, isolated_home)
    assert words_of(output, ENGLISH_WORDS + BANK_WORDS) == [], output


@pytest.mark.parametrize("path", BROKEN, ids=lambda path: path.name)
def test_a_broken_bank_in_english(cli: CliInvoke, isolated_home: Path, path: Path):
    result = cli("banks", "validate", "--lang", "en", str(path))
    assert result.exit_code == 2, result.stderr
    output = shown(result.stdout + result.stderr, isolated_home)
    assert words_of(output, ITALIAN_WORDS) == [], output


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_json_documents_problems_are_in_their_language(cli: CliInvoke, isolated_home: Path, language: str):
    """``banks validate --json`` and ``banks list --json`` write each message and hint in the document's
    language, which the document names: a script may show them to the person who ran it."""
    validated = cli("banks", "validate", "--json", "--lang", language, *map(str, BROKEN))
    assert validated.exit_code == 2, validated.stderr
    document = json.loads(validated.stdout)
    assert document["language"] == language
    problems = [problem for file in document["files"] for problem in file["problems"]]
    assert len(problems) > len(BROKEN)
    texts = " ".join(f"{p['message']} {p['hint'] or ''}" for p in problems)
    foreign = ITALIAN_WORDS if language == DEFAULT_LANGUAGE else ENGLISH_WORDS + BANK_WORDS
    assert words_of(shown(texts, isolated_home), foreign) == [], texts
    (isolated_home / "banks").mkdir(parents=True, exist_ok=True)
    (isolated_home / "banks" / "broken.yaml").write_text(BROKEN[0].read_text(encoding="utf-8"), encoding="utf-8")
    listed = json.loads(cli("banks", "list", "--json", "--lang", language,
                            env={"CLIENTCHECK_BANKS_PATH": str(isolated_home / "banks")}).stdout)
    errors = [problem for bank in listed["banks"] for problem in bank["errors"]]
    assert errors, listed
    assert words_of(shown(" ".join(p["message"] for p in errors), isolated_home), foreign) == []


@pytest.mark.parametrize("path", BROKEN, ids=lambda path: path.name)
def test_every_message_and_hint_has_its_italian(path: Path):
    _bank, problems = check_bank(path)
    assert problems
    for problem in problems:
        assert problem_message(problem.message, "it") != problem.message, problem.message
        if problem.hint:
            assert problem_message(problem.hint, "it") != problem.hint, problem.hint
        assert problem_message(problem.message, "en") == problem.message


def test_what_a_message_is_about_is_italian_too():
    assert problem_message("the 'when' of question 'a' (at_least) should be a number, found the text 'x'", "it") \
        == "il campo 'when' della domanda 'a' (at_least) dovrebbe essere un numero, invece è il testo 'x'"
    assert problem_message("e.g. {question: pays_late, equals: yes}", "it") \
        == "per esempio {question: pays_late, equals: yes}"


def test_assess_with_a_broken_bank_file_in_italian(cli: CliInvoke, isolated_home: Path):
    result = cli("assess", "--bank-file", str(REPO / "tests" / "broken" / "wrong-types.yaml"), "--lang", "it")
    assert result.exit_code == 2
    assert "il questionario ha 6 problemi" in result.stderr
    assert "'version' dovrebbe essere un numero intero, invece è il testo 'one'" in result.stderr
    assert words_of(shown(result.stderr, isolated_home), ENGLISH_WORDS + BANK_WORDS) == [], result.stderr


def test_the_italian_hint_lists_the_italian_answer_words(cli: CliInvoke, isolated_home: Path, tmp_path: Path):
    answers = tmp_path / "risposte.yaml"
    answers.write_text("bank: starter\nanswers:\n  pays_late: oftn\n", encoding="utf-8")
    italian = cli("assess", "--bank", "starter", "--answers", str(answers), "--lang", "it").stderr
    assert "rispondi con una di queste: 'mai', 'raramente', 'a volte', 'spesso', 'sempre' (oppure non so); " \
           "forse intendevi 'spesso'?" in italian
    english = cli("assess", "--bank", "starter", "--answers", str(answers), "--lang", "en").stderr
    assert "answer one of 'never', 'rarely', 'sometimes', 'often', 'always' (or dont_know); " \
           "did you mean 'often'?" in english


def test_the_words_shown_are_the_words_an_answers_file_takes():
    for language in LANGUAGES:
        if language != DEFAULT_LANGUAGE:
            for value in FIXED_ANSWERS:
                assert answer_words(f"'{value}'", language) == f"'{written_answer(value, language)}'", value
    assert answer_words("'calm', 'often'", "it") == "'calm', 'spesso'"  # a choice's own ids stay


def test_a_broken_bank_in_the_users_folder_listed_in_italian(cli: CliInvoke, isolated_home: Path):
    folder = isolated_home / "banks"
    folder.mkdir(parents=True)
    (folder / "wrong-types.yaml").write_bytes((REPO / "tests" / "broken" / "wrong-types.yaml").read_bytes())
    listed = " ".join(cli("banks", "list", "--lang", "it").stdout.split())
    # the listing reads a broken bank up to the first error it finds ('languages' is read first)
    assert ("un errore alla riga 4, colonna 12: 'languages' dovrebbe essere un elenco (voci che cominciano con '- '), "
            "invece è il testo 'en'") in listed
    english = " ".join(cli("banks", "list", "--lang", "en").stdout.split())
    assert "an error at 4:12: 'languages' should be a list" in english


@pytest.mark.parametrize("text", ["id: a\n  b: c\n", "id: [a, b\n", "id: {a: b\n", 'id: "a\\q"\n', "id: @a\n",
                                  "a: b: c\n", "id: 'a\n", "x:\n  - a\n  b: c\n", "id: a\n%YAML 1.1\n"])
def test_yaml_syntax_in_italian(text: str):
    _bank, problems = check_bank_text(text, "b.yaml")
    for problem in problems:
        italian = problem_message(problem.message, "it")
        assert italian.startswith("sintassi YAML: "), italian
        assert words_of(QUOTED.sub(" ", italian), ENGLISH_WORDS + BANK_WORDS) == [], italian
        assert problem_message(problem.hint, "it") != problem.hint
