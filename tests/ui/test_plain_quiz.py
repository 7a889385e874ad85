"""The quiz on a dumb terminal (TERM=dumb): plain lines, numbered choices, no escape sequence."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from clientcheck.bank.catalog import find_bank
from clientcheck.errors import Interrupted
from clientcheck.i18n import tr
from clientcheck.ui.cells import cell_width
from clientcheck.ui.plain_quiz import WIDTH, PlainPrompts, PlainQuiz
from tests.screens import WIDE_WORDS, terminal, wide_bank

CLIENTCHECK = Path(sys.executable).with_name("clientcheck")
STARTER_KEYS = ["4", "2", "3", "2", "1", "1", "5", "35"]  # often, no, sometimes, rarely, never, yes, always, 35
STARTER_ANSWERS = {"pays_late": "often", "has_contract": "no", "free_advice": "sometimes", "not_listened": "rarely",
                   "odd_hours": "never", "goals_clear": "yes", "drained": "always", "revenue_share": 35}


def plain_quiz(typed: str, **options: object) -> tuple[dict[str, object], str]:
    out = io.StringIO()
    prompts = PlainPrompts("en", io.StringIO(typed), out, review=False)
    bank = find_bank("starter", {"CLIENTCHECK_HOME": "/nonexistent"})
    answers = PlainQuiz(bank, "en", prompts.terminal, **options).run()
    return dict(answers), out.getvalue()


def test_each_question_is_a_numbered_list_answered_by_its_number() -> None:
    answers, shown = plain_quiz("\n".join(STARTER_KEYS) + "\n")
    assert answers == STARTER_ANSWERS
    assert "  1. Never" in shown and "\x1b" not in shown and "\r" not in shown
    assert tr("en", "plain.choose", count=6) in shown


def test_a_wrong_number_is_asked_again_and_back_goes_to_the_previous_question() -> None:
    # 9 is no choice, "abc" neither; then question 2's last choice is "back": question 1 is asked again
    answers, shown = plain_quiz("9\nabc\n4\n4\n1\n" + "\n".join(STARTER_KEYS[1:]) + "\n")
    assert tr("en", "plain.not_a_choice", typed="9", count=6) in shown
    assert tr("en", "plain.not_a_choice", typed="abc", count=6) in shown
    assert shown.count(tr("en", "quiz.progress", index=1, total=8)) == 2
    assert answers == {**STARTER_ANSWERS, "pays_late": "never"}


def test_the_end_of_input_stops_the_quiz_as_an_interruption() -> None:
    with pytest.raises(Interrupted) as stop:
        plain_quiz("4\n")
    assert stop.value.message == tr("en", "quiz.interrupted")


def test_questions_in_wide_characters_fit_the_terminal_as_written(tmp_path: Path) -> None:
    """A bank whose texts are CJK and emoji (two cells a character): every line written fits
    WIDTH cells, so a terminal 80 columns wide shows each on one row, never broken again by the
    terminal; the review's lines are shortened to one row each."""
    out = io.StringIO()
    prompts = PlainPrompts("en", io.StringIO("\n".join(["1", "1", "20", "5", "1", "2", "1", ""]) + "\n"), out)
    answers = PlainQuiz(wide_bank(tmp_path), "en", prompts.terminal, review=True).run()
    assert answers["tone"] == "curt"
    lines = out.getvalue().split("\n")
    assert any(WIDE_WORDS in line for line in lines)
    assert all(cell_width(line) <= WIDTH for line in lines), max(lines, key=cell_width)
    assert terminal(80, len(lines), out.getvalue()) == [line.rstrip() for line in lines]
    review = lines[lines.index("── Your answers ──") + 1:]
    for number in range(1, 8):  # each question's line says its answer (a long answer may go on below)
        assert "  →  " in next(line for line in review if line.startswith(f"{number:>3}. ")), review
    assert review[0].endswith("…  →  Never")  # the question shortened, to the cells left


def spawn(args: list[str], home: Path):
    pexpect = pytest.importorskip("pexpect")
    if not CLIENTCHECK.exists():
        pytest.skip(f"clientcheck is not installed next to {sys.executable}")
    env = {**os.environ, "TERM": "dumb", "CLIENTCHECK_HOME": str(home), "COLUMNS": "80", "LINES": "24"}
    child = pexpect.spawn(str(CLIENTCHECK), args, env=env, encoding="utf-8", dimensions=(24, 80), timeout=30)
    child.logfile_read = io.StringIO()
    return pexpect, child


@pytest.mark.slow
def test_a_whole_quiz_on_a_dumb_terminal_draws_no_escape_sequence(tmp_path: Path) -> None:
    pexpect, child = spawn(["assess", "--bank", "starter", "--json", "--no-review", "--client", "Acme"], tmp_path)
    for keys in STARTER_KEYS:
        child.expect_exact(">" if keys == "35" else ":")
        child.sendline(keys)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    shown = child.logfile_read.getvalue()
    assert "\x1b" not in shown and "\x9b" not in shown
    document = json.loads(shown[shown.index("{"):].replace("\r\n", "\n"))
    assert {a["question"]: a["answer"] for a in document["answers"]} == STARTER_ANSWERS


@pytest.mark.slow
@pytest.mark.parametrize("key", ["\x04", "\x03"], ids=["ctrl-d", "ctrl-c"])
def test_ctrl_d_or_ctrl_c_on_a_dumb_terminal_exits_130_with_one_line(tmp_path: Path, key: str) -> None:
    pexpect, child = spawn(["assess", "--bank", "starter", "--client", "Acme"], tmp_path)
    child.expect_exact(tr("en", "plain.choose", count=6))
    child.sendline("4")
    child.expect_exact(tr("en", "quiz.progress", index=2, total=8))
    child.expect_exact(tr("en", "plain.choose", count=4))
    child.send(key)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    shown = child.logfile_read.getvalue()
    assert "\x1b" not in shown
    lines = [line.strip() for line in shown.replace("\r\n", "\n").split("\n") if "clientcheck:" in line]
    assert lines == [f"clientcheck: {tr('en', 'quiz.interrupted')} "
                     f"{tr('en', 'save.resume_later', client='Acme')}"]


@pytest.mark.slow
def test_a_hostile_bank_in_the_quiz_reaches_the_terminal_without_its_escapes(tmp_path: Path) -> None:
    """The quiz's texts (title, description, questions, help, options) pass the output boundary:
    on a dumb terminal nothing else draws an escape, so any one seen came from the bank."""
    import yaml

    from tests.e2e.test_hostile import FORBIDDEN, PAYLOAD, dump, poison_bank

    questions = Path(__file__).resolve().parents[2] / "questions"
    folder = tmp_path / "banks"
    folder.mkdir()
    tree = poison_bank(yaml.safe_load((questions / "starter.yaml").read_text(encoding="utf-8")))
    (folder / "starter.yaml").write_text(dump(tree), encoding="utf-8")
    assert PAYLOAD[:4] in yaml.safe_load((folder / "starter.yaml").read_text(encoding="utf-8"))["title"]["en"]
    pexpect, child = spawn(["assess", "--bank", "starter", "--no-save", "--no-review"], tmp_path)
    for keys in STARTER_KEYS:
        child.expect_exact(">" if keys == "35" else tr("en", "plain.choose", count=6 if keys == "4" else 4)[:10])
        child.sendline(keys)
    child.expect(pexpect.EOF)
    child.close()
    shown = child.logfile_read.getvalue()
    assert child.exitstatus == 0, shown[-2000:]
    assert "pay here" in shown  # the texts are shown, cleaned
    assert [character for character in FORBIDDEN if character in shown] == []
