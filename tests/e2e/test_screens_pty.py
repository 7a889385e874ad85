"""The verdict in a real pseudo-terminal: one screen as drawn (pyte), and --full through $PAGER
on a terminal only, as git does (LESS=FRX unless set)."""

from __future__ import annotations

import io
import json
import os
import stat
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

from tests.conftest import REPO  # noqa: E402
from tests.screens import terminal  # noqa: E402

pytestmark = pytest.mark.slow

CLIENTCHECK = Path(sys.executable).with_name("clientcheck")
LONGEST = REPO / "tests" / "scenarios" / "checkup-signals-001.yaml"  # 22 signals, let go, an exit plan


def recording_pager(tmp_path: Path) -> Path:
    """A pager that keeps what it was given and the LESS it saw."""
    script = tmp_path / "pager.sh"
    script.write_text('#!/bin/sh\nprintf %s "$LESS" > "$(dirname "$0")/less.txt"\n'
                      'cat > "$(dirname "$0")/paged.txt"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def run(command: str, tmp_path: Path, *, rows: int = 40, columns: int = 80, **environ: str) -> str:
    """``command`` in a pty of that size; everything the terminal was sent."""
    if not CLIENTCHECK.exists():
        pytest.skip(f"clientcheck is not installed next to {sys.executable}")
    env = {**os.environ, "TERM": "xterm-256color", "PAGER": str(recording_pager(tmp_path)), **environ}
    for name in ("NO_COLOR", "COLUMNS", "LINES", "LESS", "FORCE_COLOR"):
        if name not in environ:
            env.pop(name, None)
    child = pexpect.spawn("/bin/sh", ["-c", command], cwd=str(tmp_path), env=env, encoding="utf-8",
                          dimensions=(rows, columns), timeout=30)
    child.logfile_read = io.StringIO()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.logfile_read.getvalue()[-2000:]
    output: str = child.logfile_read.getvalue()
    return output


@pytest.mark.parametrize("language", ["en", "it"])
def test_the_longest_verdict_fits_an_80x40_terminal_and_is_not_paged(tmp_path: Path, language: str) -> None:
    raw = run(f"'{CLIENTCHECK}' assess --answers '{LONGEST}' --no-save --lang {language}; printf '$ '", tmp_path)
    shown = terminal(80, 40, raw, through_pty=True)
    assert shown[0].startswith("╭─ " + ("Verdict" if language == "en" else "Verdetto"))
    assert shown[1].startswith("│ " + ("LET GO" if language == "en" else "LASCIA ANDARE"))
    assert [line for line in shown if line][-1] == "$"
    assert "\x1b[" in raw  # drawn in colour on a terminal
    assert not (tmp_path / "paged.txt").exists()


def test_full_on_a_terminal_goes_through_the_pager_with_less_frx(tmp_path: Path) -> None:
    run(f"'{CLIENTCHECK}' assess --answers '{LONGEST}' --no-save --lang en --full", tmp_path)
    paged = (tmp_path / "paged.txt").read_text(encoding="utf-8")
    assert (tmp_path / "less.txt").read_text(encoding="utf-8") == "FRX"
    assert "Exit plan" in paged and "By dimension" in paged and "22." in paged
    assert "\x1b[" in paged  # colours for less -R
    assert paged.count("\n") > 40


def test_a_less_of_ones_own_is_kept(tmp_path: Path) -> None:
    run(f"'{CLIENTCHECK}' assess --answers '{LONGEST}' --no-save --full", tmp_path, LESS="S")
    assert (tmp_path / "less.txt").read_text(encoding="utf-8") == "S"


def test_full_through_a_pipe_is_never_paged_and_has_no_escapes(tmp_path: Path) -> None:
    run(f"'{CLIENTCHECK}' assess --answers '{LONGEST}' --no-save --lang en --full | cat > out.txt", tmp_path)
    assert not (tmp_path / "paged.txt").exists()
    out = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert "Exit plan" in out and "\x1b" not in out


@pytest.mark.parametrize("pager", ["cat", ""])
def test_pager_cat_or_empty_prints_directly(tmp_path: Path, pager: str) -> None:
    raw = run(f"'{CLIENTCHECK}' assess --answers '{LONGEST}' --no-save --lang en --full", tmp_path, PAGER=pager)
    assert "Exit plan" in raw
    assert not (tmp_path / "paged.txt").exists()


# --- prompts on the terminal itself ----------------------------------------------------------


def test_the_quiz_shows_with_stderr_redirected_and_stdout_stays_pure_json(tmp_path: Path) -> None:
    """``assess --json 2>/dev/null | jq .``: the prompts draw on /dev/tty, as git and fzf do."""
    if not CLIENTCHECK.exists():
        pytest.skip(f"clientcheck is not installed next to {sys.executable}")
    env = {**os.environ, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}
    child = pexpect.spawn("/bin/sh", ["-c", f"'{CLIENTCHECK}' assess --bank starter --json --no-save --lang en "
                                            "2>/dev/null | cat > out.json"],
                          cwd=str(tmp_path), env=env, encoding="utf-8", dimensions=(40, 80), timeout=30)
    child.logfile_read = io.StringIO()
    for index in range(1, 9):
        child.expect_exact(f"question {index} of 8")
        child.expect_exact("›")  # the prompt itself, drawn once the terminal is in raw mode
        child.send("35\r" if index == 8 else "\r")
    child.expect_exact("Enter: see the verdict")  # the review, on the terminal too
    child.expect_exact("›")
    child.send("\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert document["kind"] == "clientcheck.result" and len(document["answers"]) == 8
    assert "How often do you have to chase a payment" in child.logfile_read.getvalue()


# --- the review before the verdict, in a real terminal ---------------------------------------


def test_the_review_lists_the_answers_and_a_changed_one_reaches_the_verdict(tmp_path: Path) -> None:
    if not CLIENTCHECK.exists():
        pytest.skip(f"clientcheck is not installed next to {sys.executable}")
    env = {**os.environ, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1", "PAGER": "cat"}
    env.pop("NO_COLOR", None)
    child = pexpect.spawn("/bin/sh", ["-c", f"'{CLIENTCHECK}' assess --bank starter --no-save --lang en --json "
                                            "> out.json"],
                          cwd=str(tmp_path), env=env, encoding="utf-8", dimensions=(40, 80), timeout=30)
    child.logfile_read = io.StringIO()
    for index, keys in enumerate(["\x1b[B" * 3 + "\r", "\r", "\r", "\r", "\r", "\r", "\r", "35\r"], start=1):
        child.expect_exact(f"question {index} of 8")
        child.expect_exact("›")
        child.send(keys)  # pays_late often, has_contract yes, the rest the first choice, 35%
    child.expect_exact("Enter: see the verdict · a number: change that answer")
    child.expect_exact("›")
    shown = terminal(80, 40, child.logfile_read.getvalue(), through_pty=True)
    listed = [line for line in shown if line[:4].strip().rstrip(".").isdigit()]
    assert [line.split(".")[0].strip() for line in listed] == [str(n) for n in range(1, 9)]
    assert listed[1] == "  2. Is there a signed contract that sets out the work, the timing …  →  Yes"  # one line
    assert all(len(line) <= 80 for line in shown)
    child.send("2\r")                       # open has_contract …
    child.expect_exact("question 2 of 8")
    child.expect_exact("← Back to your answers")  # drawn by the prompt: the terminal is in raw mode
    child.send("\x1b[B\r")                  # … Yes -> No
    child.expect_exact("the timing and …  →  No")  # listed again, changed
    child.expect_exact("›")
    child.send("\r")                        # confirm: the verdict
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert dict((a["question"], a["answer"]) for a in document["answers"])["has_contract"] == "no"
    assert [d["id"] for d in document["dealbreakers"]] == ["late_without_contract"]  # often and no contract
