"""The installed command in a real pseudo-terminal (pexpect): prompts on the terminal, JSON on stdout."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

from clientcheck.i18n import tr  # noqa: E402
from clientcheck.ui.quiz import QMARK  # noqa: E402

pytestmark = pytest.mark.slow

CLIENTCHECK = Path(sys.executable).with_name("clientcheck")
DOWN, ENTER = "\x1b[B", "\r"


def spawn(command: str, tmp_path: Path):
    if not CLIENTCHECK.exists():
        pytest.skip(f"clientcheck is not installed next to {sys.executable}")
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "80", "LINES": "24",
           # nothing here answers prompt_toolkit's cursor-position requests: it would wait for them
           "PROMPT_TOOLKIT_NO_CPR": "1"}
    env.pop("NO_COLOR", None)  # a real terminal, with colours: they must stay off stdout all the same
    child = pexpect.spawn("/bin/sh", ["-c", command], cwd=str(tmp_path), env=env, encoding="utf-8",
                          dimensions=(24, 80), timeout=30)
    child.logfile_read = io.StringIO()  # everything the terminal showed
    return child


def answer(child, index: int, keys: str) -> None:
    """Wait for question ``index`` and for its prompt (drawn once the terminal is in raw mode,
    so that Enter arrives as Enter), then press ``keys``."""
    child.expect_exact(tr("en", "quiz.progress", index=index, total=8))
    child.expect_exact(QMARK)
    child.send(keys)


def test_a_whole_quiz_in_a_terminal_prints_only_json_on_stdout(tmp_path: Path) -> None:
    child = spawn(f"exec '{CLIENTCHECK}' assess --bank starter --json > out.json", tmp_path)
    child.expect_exact(tr("en", "save.ask_name_hint")[:20])
    child.send(ENTER)  # blank: don't save
    answer(child, 1, DOWN * 3 + ENTER)   # pays_late: often
    answer(child, 2, DOWN + ENTER)       # has_contract: no
    answer(child, 3, DOWN * 2 + ENTER)   # free_advice: sometimes
    answer(child, 4, DOWN + ENTER)       # not_listened: rarely
    answer(child, 5, ENTER)              # odd_hours: never
    answer(child, 6, ENTER)              # goals_clear: yes
    answer(child, 7, DOWN * 4 + ENTER)   # drained: always
    answer(child, 8, "35" + ENTER)       # revenue_share: 35
    child.expect_exact(tr("en", "quiz.review_hint"))
    child.expect_exact(QMARK)
    child.send(ENTER)                    # the review of the answers: straight to the verdict
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    stdout = (tmp_path / "out.json").read_text(encoding="utf-8")
    document = json.loads(stdout)
    assert [(a["question"], a["answer"]) for a in document["answers"]] == [
        ("pays_late", "often"), ("has_contract", "no"), ("free_advice", "sometimes"), ("not_listened", "rarely"),
        ("odd_hours", "never"), ("goals_clear", "yes"), ("drained", "always"), ("revenue_share", 35)]
    # pays_late often and no contract: the dealbreaker raises the verdict to at least renegotiate
    assert [d["id"] for d in document["dealbreakers"]] == ["late_without_contract"]
    for prompt_text in (tr("en", "quiz.progress", index=1, total=8), "Arrows to choose", tr("en", "quiz.back"),
                        tr("en", "answer.dont_know"), tr("en", "save.ask_name"), "\x1b", "\r"):
        assert prompt_text not in stdout
    # the prompts did reach the terminal
    terminal = child.logfile_read.getvalue()
    assert "How often do you have to chase a payment" in terminal
    assert tr("en", "quiz.back") in terminal


@pytest.mark.parametrize("where", ["client name", "first question"])
def test_ctrl_c_at_the_first_prompt_exits_130_with_one_line(tmp_path: Path, where: str) -> None:
    child = spawn(f"exec '{CLIENTCHECK}' assess --bank starter --json > out.json", tmp_path)
    child.expect_exact(tr("en", "save.ask_name"))
    if where == "first question":
        child.send(ENTER)
        child.expect_exact(tr("en", "quiz.progress", index=1, total=8))
        child.expect_exact(tr("en", "answer.dont_know"))  # drawn by the prompt: the terminal is in raw mode
    else:
        child.expect_exact(tr("en", "save.ask_name_hint")[:20])
    child.send("\x03")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    after = child.before.replace("\r\n", "\n")
    message = f"clientcheck: {tr('en', 'quiz.interrupted')}"
    lines = [line for line in after.split("\n") if "clientcheck:" in line or "Traceback" in line or "Error" in line]
    assert lines == [message]
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == ""
