"""'-' at a terminal: the answers (or an export) typed or pasted end at one Ctrl-D, as the hint says.

A terminal does not keep its end of input: once Ctrl-D has ended a read, the next read waits for
more typing. Reading on after the first short read of a buffered stream waited for a second Ctrl-D."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import Any, cast

import pytest

from clientcheck.i18n import tr
from clientcheck.reading import BoundedStream, read_bounded

CLIENTCHECK = Path(sys.executable).with_name("clientcheck")
ANSWERS = Path(__file__).resolve().parents[1] / "answers" / "ci-starter.yaml"


class TypedAtATerminal(io.RawIOBase):
    """A terminal's raw reads: each typed line, then b'' for Ctrl-D, then whatever comes next."""

    def __init__(self, *reads: bytes) -> None:
        self.reads = list(reads)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if not self.reads:
            raise AssertionError("read after the end: a second Ctrl-D would be waited for")
        data = self.reads.pop(0)
        buffer[:len(data)] = data
        return len(data)


def typed_at_a_terminal(*reads: bytes) -> io.BufferedReader:
    """stdin on a terminal: buffered, over the terminal's reads."""
    return io.BufferedReader(cast(Any, TypedAtATerminal(*reads)))


def test_a_read_of_everything_stops_at_the_first_ctrl_d() -> None:
    typed = typed_at_a_terminal(b"bank: starter\n", b"answers: {}\n", b"")
    assert read_bounded(typed, "<stdin>", 1000) == b"bank: starter\nanswers: {}\n"


def test_reads_piece_by_piece_end_at_the_first_ctrl_d() -> None:
    stream = BoundedStream(typed_at_a_terminal(b'{"kind": ', b"1}\n", b""), "<stdin>", 1000)
    pieces = []
    while piece := stream.read(4):
        pieces.append(piece)
    assert b"".join(pieces) == b'{"kind": 1}\n' and stream.read(4) == b""


def test_a_pipe_read_in_pieces_is_read_to_its_end() -> None:
    """A raw stream (a FIFO opened unbuffered) may return short reads before its end: they are not the end."""
    assert read_bounded(TypedAtATerminal(b"ab", b"cd", b""), "fifo", 1000) == b"abcd"


@pytest.mark.slow
@pytest.mark.parametrize("language", ["it", "en"])
def test_answers_typed_at_a_terminal_end_at_one_ctrl_d(tmp_path: Path, language: str) -> None:
    pexpect = pytest.importorskip("pexpect")
    if not CLIENTCHECK.exists():
        pytest.skip(f"clientcheck is not installed next to {sys.executable}")
    env = {**os.environ, "TERM": "xterm", "CLIENTCHECK_HOME": str(tmp_path), "NO_COLOR": "1"}
    child = pexpect.spawn(str(CLIENTCHECK), ["assess", "--bank", "starter", "--answers", "-", "--json",
                                             "--lang", language],
                          env=env, encoding="utf-8", dimensions=(40, 80), timeout=20)
    child.expect_exact(tr(language, "stdin.answers")[:40])
    for line in ANSWERS.read_text(encoding="utf-8").splitlines():
        child.sendline(line)
    child.sendeof()  # once
    child.expect_exact('"kind"')
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
