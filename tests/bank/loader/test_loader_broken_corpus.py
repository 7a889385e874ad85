"""The broken-bank corpus (tests/broken/): every file yields located, hinted messages and exit 2,
never a traceback — through validate, assess and banks list. How long they take is measured by
the benchmarks, not here (pytest-timeout stops one that would never end: an alias bomb, say)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, CliInvoke, write

BROKEN = REPO / "tests" / "broken"

# file -> every error it must produce, in order: (line, column, start of the message, in the hint)
EXPECTED: dict[str, list[tuple[int, int, str, str]]] = {
    "syntax-unclosed-quote.yaml": [
        (18, 11, "YAML syntax: the quote opened here is not closed on its line, so the text runs on into line 19",
         "close the quote at the end of the text on line 18")],
    "syntax-bad-indentation.yaml": [
        (22, 4, "YAML syntax: while parsing a block collection: did not find expected '-' indicator",
         "line 22 starts at column 4, the lines above at column 5 (line 21)")],
    "syntax-missing-colon.yaml": [
        (24, 5, "YAML syntax: while scanning a simple key: could not find expected ':'", "missing its ':'")],
    "tabs.yaml": [
        (16, 1, "YAML syntax: while scanning a plain scalar: found a tab character that violates indentation",
         "YAML indents with spaces only"),
        (17, 1, "YAML syntax: a tab in the indentation", "YAML indents with spaces only")],
    "wrong-types.yaml": [
        (3, 10, "'version' should be a whole number, found the text 'one'", "write digits"),
        (4, 12, "'languages' should be a list ('- ' items), found the text 'en'", "'- '"),
        (6, 14, "'description' should be text or a mapping by language, found a list", "write a string"),
        (23, 14, "'reverse' in question 'has_contract' should be true or false, found the text 'sometimes'",
         "true or false"),
        (24, 13, "the 'weight' of question 'has_contract' should be a number, found the text 'heavy'", "digits"),
        (29, 10, "the band's 'max' should be a whole number, found the text 'forty-nine'", "digits")],
    "unknown-keys.yaml": [
        (18, 5, "unknown key 'txt' in a question", "did you mean 'text'?"),
        (25, 5, "unknown key 'advise' in a question", "did you mean 'advice'?"),
        (34, 5, "unknown key 'sumary' in a band", "did you mean 'summary'?")],
    "misspelt-required-key.yaml": [(32, 5, "unknown key 'risky' in a question", "did you mean 'risky_at'?")],
    "duplicate-ids.yaml": [
        (14, 9, "dimension 'money' is defined twice", "different id"),
        (22, 9, "question id 'pays_late' is used twice", "its own id")],
    "duplicate-keys.yaml": [
        (4, 1, "duplicate key 'version' in the bank (first at line 3)", "keep one of the two"),
        (26, 5, "duplicate key 'text' in a question (first at line 24)", "keep one of the two")],
    "when-missing-question.yaml": [
        (24, 22, "the 'when' of question 'has_contract' refers to question 'pays_lat', which does not exist",
         "did you mean 'pays_late'?")],
    "when-later-question.yaml": [
        (18, 22, "the 'when' of question 'pays_late' refers to question 'has_contract', which comes later",
         "move it below")],
    "band-gap.yaml": [(31, 5, "gap: risk 50–59 falls in no band", "start this band at 'min: 50'")],
    "band-overlap.yaml": [(31, 5, "overlap: risk 40–49 is in two bands", "start this band at 'min: 50'")],
    "missing-translation.yaml": [
        (13, 12, "the dimension's 'label' is missing its 'it' translation", "add a line 'it: ...'"),
        (27, 7, "unknown language 'fr' in the 'text' of question 'has_contract'", "'it', 'en'")],
    "empty.yaml": [(1, 1, "the file is empty", "clientcheck banks new ID")],
    "only-comments.yaml": [(1, 1, "the file is empty", "clientcheck banks new ID")],
    "list.yaml": [(2, 1, "the file is a list; a bank is a mapping", "start with 'id: ...'")],
    "scalar.yaml": [(2, 1, "the bank should be a mapping of 'key: value' lines, found the text", "key: value")],
    "binary.yaml": [(3, 1, "looks like a binary file (it contains a NUL byte)", "plain UTF-8 text")],
    "latin1.yaml": [(3, 14, "is not valid UTF-8 text", "save the file as UTF-8")],
    "alias-bomb.yaml": [(2, 4, "anchor '&a' is not allowed", "anchors and aliases are refused")],
    "python-tag.yaml": [(5, 8, "the tag '!!python/object/apply:os.system' is not allowed", "remove the tag")],
    "deep-nesting.yaml": [(3, 39, "nested more than 32 levels deep", "check the indentation")],
    "two-documents.yaml": [(26, 1, "more than one YAML document in the file", "remove the '---' line")],
}


def test_the_corpus_and_the_expectations_list_the_same_files() -> None:
    assert sorted(p.name for p in BROKEN.glob("*.yaml")) == sorted(EXPECTED)


def error_lines(stdout: str, path: Path) -> list[tuple[str, str]]:
    """(problem line, its hint line) for every reported error."""
    lines = stdout.splitlines()
    return [(line, lines[i + 1] if i + 1 < len(lines) else "") for i, line in enumerate(lines)
            if line.startswith(f"{path}:") and ": error: " in line]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_reports_every_error_located_with_a_hint(cli: CliInvoke, name: str) -> None:
    path = BROKEN / name
    result = cli("banks", "validate", str(path))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr == ""
    reported = error_lines(result.stdout, path)
    expected = EXPECTED[name]
    assert len(reported) == len(expected), result.stdout
    for (line, hint), (row, column, message, in_hint) in zip(reported, expected, strict=True):
        assert line.startswith(f"{path}:{row}:{column}: error: {message}"), line
        assert hint.startswith("    hint: ") and in_hint in hint, hint
    assert f"{len(expected)} error" in result.stdout.splitlines()[-1]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_json_carries_the_same_problems(cli: CliInvoke, name: str) -> None:
    result = cli("banks", "validate", "--json", str(BROKEN / name))
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["kind"] == "clientcheck.validation" and document["schema_version"] == 1
    assert document["ok"] is False
    (report,) = document["files"]
    errors = [p for p in report["problems"] if p["severity"] == "error"]
    assert [(p["line"], p["column"]) for p in errors] == [(row, column) for row, column, _, _ in EXPECTED[name]]
    assert all(p["message"] and p["hint"] for p in errors)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_assess_with_a_broken_bank_file_stops_with_the_problems(cli: CliInvoke, tmp_path: Path, name: str) -> None:
    answers = write(tmp_path / "answers.yaml", "answers:\n  pays_late: never\n  has_contract: yes\n")
    path = BROKEN / name
    result = cli("assess", "--bank-file", str(path), "--answers", str(answers), "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"clientcheck: error: {path}")
    row, column, message, _ = EXPECTED[name][0]
    assert f"{path}:{row}:{column}: error: {message}" in result.stderr


def test_banks_list_marks_every_broken_bank_and_loads_the_others(cli: CliInvoke, isolated_home: Path) -> None:
    folder = isolated_home / "banks"
    folder.mkdir(parents=True)
    for name in EXPECTED:
        shutil.copy(BROKEN / name, folder / name)
    result = cli("banks", "list", "--json")
    assert result.exit_code == 0, result.stderr
    banks = json.loads(result.stdout)["banks"]
    broken = {Path(b["path"]).name: b for b in banks if b["status"] == "broken"}
    assert sorted(broken) == sorted(EXPECTED)
    for name, entry in broken.items():
        row, column, message, _ = EXPECTED[name][0]
        assert entry["id"] == Path(name).stem and entry["origin"] == "user" and entry["wins"]
        assert (entry["errors"][0]["line"], entry["errors"][0]["column"]) == (row, column)
        assert entry["errors"][0]["message"].startswith(message)
    working = [b["id"] for b in banks if b["status"] == "active"]
    assert {"starter", "whale", "checkup"} <= set(working)

    human = cli("banks", "list")
    assert human.exit_code == 0
    assert "BROKEN (1 error); the first at 2:4: anchor '&a' is not allowed" in " ".join(human.stdout.split())
    assert "clientcheck banks validate" in human.stdout


def test_broken_banks_in_the_folder_are_not_checked_for_a_command_that_asks_another_bank(
        cli: CliInvoke, isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from clientcheck.bank import catalog
    from clientcheck.bank.loader import load_bank

    command = ("assess", "--bank", "starter", "--answers", str(REPO / "tests" / "answers" / "ci-starter.yaml"),
               "--json", "--no-save")
    monkeypatch.setenv("CLIENTCHECK_NOW", "2026-01-31T09:30:00Z")  # both runs print the same time, however slow
    clean = cli(*command)
    folder = isolated_home / "banks"
    folder.mkdir(parents=True)
    for name in EXPECTED:
        shutil.copy(BROKEN / name, folder / name)
    loaded: list[str] = []

    def spy(path: Path, display: str | None = None) -> object:
        loaded.append(path.name)
        return load_bank(path, display)

    monkeypatch.setattr(catalog, "load_bank", spy)
    result = cli(*command)
    assert (result.exit_code, result.stdout, result.stderr) == (clean.exit_code, clean.stdout, clean.stderr)
    # The files that say 'id: corpus' at the top are never read whole; the others have no id to see there
    # (their check stops at once: not a mapping, empty, binary, or an anchor first).
    assert sorted(name for name in loaded if name in EXPECTED) == [
        "alias-bomb.yaml", "binary.yaml", "empty.yaml", "latin1.yaml", "list.yaml", "only-comments.yaml",
        "scalar.yaml"]


def test_a_50_mb_file_is_refused_at_once(cli: CliInvoke, tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("w", encoding="utf-8") as stream:
        line = "# " + "x" * 1021 + "\n"
        for _ in range(50 * 1024):
            stream.write(line)
    assert path.stat().st_size == 50 * 1024 * 1024
    result = cli("banks", "validate", str(path))
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{path}:1:1: error: file is 52,428,800 bytes, over the 1,000,000-byte limit\n"
                                    "    hint: a question bank or answers file is a few kilobytes")

    assess = cli("assess", "--bank-file", str(path), "--answers", "-", input="answers: {}\n")
    assert assess.exit_code == 2 and "over the 1,000,000-byte limit" in assess.stderr


def test_a_huge_alias_bomb_is_refused_without_expanding_it(cli: CliInvoke, tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 30)]
    path = write(tmp_path / "bomb.yaml", "\n".join(lines) + "\n")
    result = cli("banks", "validate", str(path))
    assert result.exit_code == 2
    assert f"{path}:1:5: error: anchor '&a0' is not allowed" in result.stdout


def test_very_deep_nesting_in_block_style_is_refused(cli: CliInvoke, tmp_path: Path) -> None:
    text = "id: deep\n" + "".join(f"{'  ' * depth}k{depth}:\n" for depth in range(100))
    path = write(tmp_path / "deep.yaml", text)
    result = cli("banks", "validate", str(path))
    assert result.exit_code == 2
    assert "error: nested more than 32 levels deep" in result.stdout


def test_a_missing_bank_file_is_reported_as_a_problem(cli: CliInvoke, tmp_path: Path) -> None:
    path = tmp_path / "missing.yaml"
    result = cli("assess", "--bank-file", str(path), "--answers", "-", input="answers: {}\n")
    assert result.exit_code == 2
    assert f"{path}:1:1: error: no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_folder_given_as_bank_file_is_a_usage_error(cli: CliInvoke, tmp_path: Path) -> None:
    result = cli("assess", "--bank-file", str(tmp_path), "--answers", "-", input="answers: {}\n")
    assert result.exit_code == 2
    assert "directory" in result.stderr and "--bank-file" in result.stderr
