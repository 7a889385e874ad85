"""Every input clientcheck reads (a bank, an answers file, an import) goes through here, bounded.

A size from ``stat`` says nothing about ``/dev/zero``, a FIFO or a pipe on stdin, so reading
stops at the cap plus one byte whatever the file is: past that the input is refused, naming
the file and the cap, and nothing more is read or kept in memory.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Protocol, TextIO

from clientcheck.errors import Problem, ProblemsError

STDIN_NAME = "<stdin>"
"""How messages name standard input, given as '-'."""

CHUNK = 65_536


class ByteSource(Protocol):
    """What is read from: an open binary file or stream (``sys.stdin.buffer``, ``io.BytesIO``)."""

    def read(self, size: int = -1, /) -> bytes: ...


class InputError(ProblemsError):
    """An input that cannot be read, or is over its cap: one problem at its first line."""

    def __init__(self, name: str, message: str, hint: str) -> None:
        super().__init__(f"{name}: cannot be read", (Problem(name, 1, 1, message, hint),))
        self.name = name


TOO_LARGE_HINT = "is this the right file? clientcheck stops reading it at the limit"


def too_large(name: str, cap: int, size: int | None = None, hint: str = TOO_LARGE_HINT) -> InputError:
    """The error for an input over ``cap`` bytes (``size`` when it is known without reading)."""
    what = f"file is {size:,} bytes" if size is not None else f"is more than {cap:,} bytes"
    return InputError(name, f"{what}, over the {cap:,}-byte limit", hint)


class BoundedStream:
    """A stream that raises ``too_large`` once more than ``cap`` bytes have come out of it, having
    asked its source for at most ``cap + 1``: for readers that go piece by piece (an import)."""

    def __init__(self, source: ByteSource, name: str, cap: int, hint: str = TOO_LARGE_HINT) -> None:
        self._source = source
        self.name = name
        self.cap = cap
        self.hint = hint  # what the refusal suggests: the kind of file that was expected
        self.bytes_read = 0
        # A buffered stream's short read is its end. On a terminal the end (Ctrl-D) is not kept:
        # reading on would wait for a second Ctrl-D, so the end is remembered here.
        self._buffered = isinstance(source, io.BufferedIOBase)
        self._ended = False

    def read(self, size: int = -1, /) -> bytes:
        """Up to ``size`` bytes (all that is left when negative), never past the cap plus one."""
        if size == 0 or self._ended:
            return b""
        left = self.cap + 1 - self.bytes_read
        wanted = left if size < 0 else min(size, left)
        if wanted <= 0:
            raise too_large(self.name, self.cap, hint=self.hint)
        pieces: list[bytes] = []
        while wanted > 0:
            asked = min(wanted, CHUNK)
            piece = _read_piece(self._source, asked, self.name)
            if len(piece) < asked and (self._buffered or not piece):
                self._ended = True
            if not piece:
                break
            pieces.append(piece)
            self.bytes_read += len(piece)
            wanted -= len(piece)
            if size >= 0 or self._ended:
                break  # one piece answers a sized read, as a file's read does
        if self.bytes_read > self.cap:
            raise too_large(self.name, self.cap, hint=self.hint)
        return b"".join(pieces)


def read_bounded(source: Path | ByteSource, name: str, cap: int, hint: str = TOO_LARGE_HINT) -> bytes:
    """All of ``source`` (a path, or an open binary stream such as stdin), at most ``cap`` bytes;
    ``InputError`` when it cannot be read or holds more (``hint`` then says what was expected)."""
    if isinstance(source, Path):
        with open_input(source, name, cap, hint) as stream:
            return stream.read()
    return BoundedStream(source, name, cap, hint).read()


@contextmanager
def open_input(path: Path, name: str, cap: int, hint: str = TOO_LARGE_HINT) -> Iterator[BoundedStream]:
    """``path`` opened for a bounded read: a regular file over the cap is refused from its size,
    any other kind (device, FIFO, pipe) by reading; a missing file, a folder or a file one may
    not read is an ``InputError`` saying so."""
    try:
        handle: BinaryIO = path.open("rb", buffering=0)
    except IsADirectoryError:
        raise InputError(name, "is a folder, not a file", "give the path of a file") from None
    except FileNotFoundError:
        raise InputError(name, "no such file", "check the path and its spelling") from None
    except OSError as error:
        raise _unreadable(name, error) from None
    with handle:
        try:
            status = os.fstat(handle.fileno())
        except OSError as error:  # pragma: no cover - fstat of an open file hardly fails
            raise _unreadable(name, error) from None
        if stat.S_ISDIR(status.st_mode):  # pragma: no cover - open() refuses folders on Linux and macOS
            raise InputError(name, "is a folder, not a file", "give the path of a file")
        if stat.S_ISREG(status.st_mode) and status.st_size > cap:
            raise too_large(name, cap, status.st_size, hint)
        yield BoundedStream(handle, name, cap, hint)


class TextSource:
    """A text stream read as UTF-8 bytes: stdin where it has no binary buffer (tests swap it)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def read(self, size: int = -1, /) -> bytes:
        return self._stream.read(size).encode("utf-8")


def stdin_source(stdin: TextIO) -> ByteSource:
    """Standard input as bytes: its binary buffer when it has one."""
    buffer: ByteSource | None = getattr(stdin, "buffer", None)
    return buffer if buffer is not None else TextSource(stdin)


def _read_piece(source: ByteSource, size: int, name: str) -> bytes:
    try:
        return source.read(size)
    except OSError as error:
        raise _unreadable(name, error) from None


def _unreadable(name: str, error: OSError) -> InputError:
    return InputError(name, f"cannot be read: {error.strerror or error}",
                      "check that the file exists and that you may read it")
