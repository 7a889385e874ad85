"""Signals, prompts and pipes: SIGTERM/SIGHUP mid-quiz, Ctrl-C/Ctrl-D at forget's question,
and a reader that goes away (``| head -1``). The installed command, in a real pseudo-terminal."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from clientcheck.errors import ExitCode
from clientcheck.i18n import tr, trn
from clientcheck.saved.store import Store, database_path

pexpect = pytest.importorskip("pexpect")

pytestmark = pytest.mark.slow

CLIENTCHECK = Path(sys.executable).with_name("clientcheck")
ANSWERS = Path(__file__).resolve().parents[1] / "answers" / "ci-starter.yaml"
DOWN, ENTER = "\x1b[B", "\r"
SHOW_CURSOR, HIDE_CURSOR = "\x1b[?25h", "\x1b[?25l"


def installed() -> str:
    if not CLIENTCHECK.exists():
        pytest.skip(f"clientcheck is not installed next to {sys.executable}")
    return str(CLIENTCHECK)


def spawn(args: list[str], home: Path, **extra: str):
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "80", "LINES": "24", "PROMPT_TOOLKIT_NO_CPR": "1",
           "CLIENTCHECK_HOME": str(home), **extra}
    child = pexpect.spawn(installed(), args, env=env, encoding="utf-8", dimensions=(24, 80), timeout=30)
    child.logfile_read = io.StringIO()
    return child


def message_lines(child) -> list[str]:
    shown = child.logfile_read.getvalue().replace("\r\n", "\n")
    return [line.strip() for line in shown.split("\n") if "clientcheck:" in line or "Traceback" in line]


@pytest.mark.parametrize(("name", "code"), [("SIGTERM", ExitCode.TERMINATED), ("SIGHUP", ExitCode.HANGUP)])
def test_a_signal_mid_quiz_restores_the_terminal_keeps_the_answers_and_says_so(
        tmp_path: Path, name: str, code: ExitCode) -> None:
    child = spawn(["assess", "--bank", "starter", "--client", "Acme"], tmp_path)
    child.expect_exact(tr("en", "quiz.progress", index=1, total=8))
    child.expect_exact(tr("en", "answer.dont_know"))  # drawn: the terminal is in raw mode
    child.send(DOWN * 3 + ENTER)  # pays_late: often
    child.expect_exact(tr("en", "quiz.progress", index=2, total=8))
    child.expect_exact(tr("en", "quiz.back"))
    assert not termios.tcgetattr(child.child_fd)[3] & termios.ECHO  # raw mode, as the signal will find it
    child.kill(getattr(signal, name))
    child.expect(pexpect.EOF)
    settings = termios.tcgetattr(child.child_fd)
    child.close()
    assert child.exitstatus == code and child.signalstatus is None  # exited, not killed by the signal
    assert settings[3] & termios.ECHO and settings[3] & termios.ICANON  # echo and line editing back
    shown = child.logfile_read.getvalue()
    assert shown.rfind(SHOW_CURSOR) > shown.rfind(HIDE_CURSOR)  # the cursor is visible again
    stopped = tr("en", "run.stopped", signal=name)
    assert message_lines(child) == [f"clientcheck: {stopped} {tr('en', 'save.resume_later', client='Acme')}"]
    store = Store.open_existing(database_path({"CLIENTCHECK_HOME": str(tmp_path)}))
    assert store is not None
    with store:
        progress = store.progress("Acme")
    assert progress is not None and dict(progress.answers) == {"pays_late": "often"}


@pytest.fixture
def saved_client(tmp_path: Path) -> Path:
    result = subprocess.run([installed(), "assess", "--answers", str(ANSWERS), "--client", "Acme"],
                            env={**os.environ, "CLIENTCHECK_HOME": str(tmp_path)}, capture_output=True, check=False)
    assert result.returncode == 0, result.stderr
    return tmp_path


@pytest.mark.parametrize("key", ["\x04", "\x03"], ids=["ctrl-d", "ctrl-c"])
def test_ctrl_d_or_ctrl_c_at_forgets_question_exits_130_and_deletes_nothing(saved_client: Path, key: str) -> None:
    child = spawn(["forget", "Acme"], saved_client)
    child.expect_exact(trn("en", "forget.confirm", 1, client="Acme"))
    child.send(key)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == ExitCode.INTERRUPTED
    assert message_lines(child) == [f"clientcheck: {tr('en', 'forget.interrupted')}"]
    assert tr("en", "quiz.interrupted") not in child.logfile_read.getvalue()
    store = Store.open_existing(database_path({"CLIENTCHECK_HOME": str(saved_client)}))
    assert store is not None
    with store:
        assert store.client_name("Acme") == "Acme"


def test_no_at_forgets_question_deletes_nothing_and_exits_0(saved_client: Path) -> None:
    child = spawn(["forget", "Acme"], saved_client)
    child.expect_exact(trn("en", "forget.confirm", 1, client="Acme"))
    child.send("n" + ENTER)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert tr("en", "forget.cancelled") in child.logfile_read.getvalue()


@pytest.mark.parametrize("args", [
    ["banks", "show", "starter", "--full"], ["banks", "list"], ["answers-template"], ["schema", "bank"],
    ["--help"], ["--version"], ["assess", "--answers", str(ANSWERS)], ["assess", "--answers", str(ANSWERS), "--json"],
    ["clients"], ["export"], ["history", "Acme"], ["report", "Acme"], ["portfolio"],
], ids=lambda args: " ".join(args[:2]))
def test_a_reader_gone_away_exits_quietly_with_the_broken_pipe_code(saved_client: Path, args: list[str]) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # like `| head -1` once head has its line: every write fails with EPIPE
    try:
        result = subprocess.run([installed(), *args], stdout=writer, stderr=subprocess.PIPE, timeout=60,
                                env={**os.environ, "CLIENTCHECK_HOME": str(saved_client)}, check=False)
    finally:
        os.close(writer)
    assert result.returncode == ExitCode.BROKEN_PIPE, result.stderr
    assert result.stderr == b""


def test_fail_on_keeps_exit_1_when_stdout_is_dev_null(tmp_path: Path) -> None:
    result = subprocess.run([installed(), "assess", "--answers", str(ANSWERS), "--fail-on", "watch"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False,
                            env={**os.environ, "CLIENTCHECK_HOME": str(tmp_path)})
    assert result.returncode == ExitCode.VERDICT_AT_OR_ABOVE, result.stderr
