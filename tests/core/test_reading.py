"""Bounded reads: whatever the input is (a file, a device, a FIFO, a pipe on stdin), no more
than the cap plus one byte is read before it is refused, naming the file and the cap."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from clientcheck.bank import yamlsafe
from clientcheck.errors import ClientcheckError, ExitCode
from clientcheck.reading import BoundedStream, InputError, TextSource, open_input, read_bounded, stdin_source
from tests.conftest import REPO, TEST_BANKS, CliInvoke


class EndlessSource:
    """An input that never ends, counting what was asked of it."""

    def __init__(self, byte: bytes = b"a") -> None:
        self.byte = byte
        self.bytes_given = 0
        self.calls = 0

    def read(self, size: int = -1, /) -> bytes:
        assert size >= 0, "an unbounded read of an endless input"
        self.calls += 1
        self.bytes_given += size
        return self.byte * size


def test_an_endless_stream_is_refused_after_the_cap_plus_one_byte() -> None:
    source = EndlessSource()
    with pytest.raises(InputError) as caught:
        read_bounded(source, "<stdin>", 1000)
    assert source.bytes_given == 1001
    (problem,) = caught.value.problems
    assert problem.location() == "<stdin>:1:1"
    assert problem.message == "is more than 1,000 bytes, over the 1,000-byte limit"
    assert problem.hint
    assert caught.value.exit_code == ExitCode.BAD_INPUT
    assert isinstance(caught.value, ClientcheckError)


@pytest.mark.parametrize("size", [0, 1, 999, 1000])
def test_an_input_up_to_the_cap_is_read_whole(size: int) -> None:
    assert read_bounded(io.BytesIO(b"x" * size), "in", 1000) == b"x" * size


def test_a_stream_over_the_cap_by_one_byte_is_refused() -> None:
    with pytest.raises(InputError):
        read_bounded(io.BytesIO(b"x" * 1001), "in", 1000)


def test_a_bounded_stream_read_piece_by_piece_stops_at_the_cap() -> None:
    source = EndlessSource()
    stream = BoundedStream(source, "export.json", 10_000)
    with pytest.raises(InputError) as caught:
        while stream.read(4096):
            pass
    assert source.bytes_given == stream.bytes_read == 10_001
    assert "export.json" in caught.value.message
    assert stream.read(0) == b""


def test_a_sized_read_returns_at_most_the_size() -> None:
    stream = BoundedStream(io.BytesIO(b"abcdef"), "in", 100)
    assert stream.read(4) == b"abcd"
    assert stream.read(4) == b"ef"
    assert stream.read(4) == b""


def test_dev_zero_is_refused_after_the_cap_plus_one_byte() -> None:
    with open_input(Path("/dev/zero"), "/dev/zero", 5000) as stream, pytest.raises(InputError) as caught:
        stream.read()
    assert stream.bytes_read == 5001
    assert caught.value.problems[0].message == "is more than 5,000 bytes, over the 5,000-byte limit"
    assert caught.value.problems[0].path == "/dev/zero"


def test_a_regular_file_over_the_cap_is_refused_from_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * 3000)
    with pytest.raises(InputError) as caught:
        read_bounded(big, "big.yaml", 1000)
    assert caught.value.problems[0].message == "file is 3,000 bytes, over the 1,000-byte limit"


def test_a_fifo_fed_without_end_is_refused_after_the_cap_plus_one_byte(tmp_path: Path) -> None:
    fifo = tmp_path / "answers.fifo"
    os.mkfifo(fifo)
    written = [0]

    def feed() -> None:
        try:
            with fifo.open("wb", buffering=0) as writer:
                while written[0] < 50_000_000:
                    written[0] += writer.write(b"a" * 65_536)
        except BrokenPipeError:
            pass

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    with open_input(fifo, str(fifo), 100_000) as stream, pytest.raises(InputError):
        stream.read()
    assert stream.bytes_read == 100_001
    feeder.join(timeout=30)
    assert not feeder.is_alive()
    assert written[0] < 100_001 + 2_000_000  # what the pipe holds besides: never the 50 MB offered


@pytest.mark.parametrize(("make", "message"), [
    (lambda base: base / "missing.yaml", "no such file"),
    (lambda base: base, "is a folder, not a file"),
    (lambda base: base / "plain.txt" / "inside.yaml", "cannot be read: Not a directory"),
])
def test_unreadable_paths_say_why(tmp_path: Path, make: Callable[[Path], Path], message: str) -> None:
    (tmp_path / "plain.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_bounded(make(tmp_path), "shown", 100)
    assert caught.value.problems[0].message.startswith(message)
    assert caught.value.message == "shown: cannot be read"


def test_a_text_stdin_is_read_as_utf8_bytes() -> None:
    text = io.StringIO("città\n")
    assert isinstance(stdin_source(text), TextSource)
    assert read_bounded(stdin_source(text), "<stdin>", 100) == "città\n".encode()
    binary = io.TextIOWrapper(io.BytesIO(b"abc"))
    assert stdin_source(binary) is binary.buffer


# --- every command that reads a bank or an answers file ------------------------------------


@pytest.mark.parametrize("command", [
    ["assess", "--bank-file", "/dev/zero", "--answers", str(TEST_BANKS / "full-healthy.yaml")],
    ["assess", "--bank-file", str(TEST_BANKS / "full.yaml"), "--answers", "/dev/zero"],
    ["banks", "validate", "/dev/zero"],
    ["banks", "show", "--bank-file", "/dev/zero"],
    ["answers-template", "--bank-file", "/dev/zero"],
])
def test_commands_refuse_dev_zero(cli: CliInvoke, command: list[str]) -> None:
    result = cli(*command)
    assert result.exit_code == 2, result.output
    assert f"/dev/zero:1:1: error: is more than {yamlsafe.MAX_BYTES:,} bytes, over the " \
           f"{yamlsafe.MAX_BYTES:,}-byte limit" in result.output
    assert "Traceback" not in result.output


def test_answers_on_stdin_from_dev_zero_are_refused() -> None:
    with open("/dev/zero", "rb") as zero:
        done = subprocess.run([sys.executable, "-m", "clientcheck", "assess", "--bank-file",
                               str(TEST_BANKS / "full.yaml"), "--answers", "-"],
                              stdin=zero, capture_output=True, timeout=60, cwd=REPO)
    assert done.returncode == 2
    assert b"<stdin>:1:1: error: is more than 1,000,000 bytes" in done.stderr
    assert b"Traceback" not in done.stderr


def test_a_100_mb_pipe_on_stdin_is_refused_having_taken_at_most_the_cap_plus_the_pipe() -> None:
    """The pipe counts what the command took from it: the cap plus one byte plus what the pipe
    and a read-ahead buffer hold, never the 100 MB offered."""
    process = subprocess.Popen([sys.executable, "-m", "clientcheck", "assess", "--bank-file",
                                str(TEST_BANKS / "full.yaml"), "--answers", "-"],
                               stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO)
    assert process.stdin is not None and process.stderr is not None
    accepted = 0
    chunk = b"answers:\n" + b"#" * 65_527
    try:
        while accepted < 100_000_000:
            process.stdin.write(chunk)
            accepted += len(chunk)
    except BrokenPipeError:
        pass
    with contextlib.suppress(BrokenPipeError):
        process.stdin.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 2
    assert b"is more than 1,000,000 bytes, over the 1,000,000-byte limit" in stderr
    assert accepted < yamlsafe.MAX_BYTES + 1 + 3_000_000
