"""One object for the outside world: streams, terminal facts and environment variables.

Commands receive it instead of reaching for ``sys`` and ``os``, so tests can swap any part.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import BinaryIO, TextIO

HOME_ENV = "CLIENTCHECK_HOME"
"""The variable that moves clientcheck's own folder (saved clients, the user's banks)."""


def file_in_the_way(folder: Path) -> Path | None:
    """The file standing where ``folder`` or one of its parents should be, or None: what the
    'file exists' or 'not a directory' of making the folder means (CLIENTCHECK_HOME set to a file)."""
    for place in (folder, *folder.parents):
        try:
            if place.exists():
                return None if place.is_dir() else place
        except OSError:
            return None
    return None


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


STOPPERS: list[Callable[[BaseException], bool]] = []
"""What stops a run gracefully when SIGTERM or SIGHUP comes (``cli/runner.py`` calls them in
turn): a full-screen prompt registers one that makes it exit with the error, so its own clean-up
restores the terminal; one that returns False had nothing running. With none, the error is
raised where the run is."""


def degrade_unencodable(stream: TextIO) -> None:
    """A character the terminal's encoding cannot show (``ISO-8859-1``, ``C``/ASCII) becomes ``?``
    instead of a UnicodeEncodeError after half the output: the verdict is always printed. Done
    once, at the edge, for the real streams (a test's own streams are left as they are)."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and (getattr(stream, "errors", None) or "strict") == "strict":
        with contextlib.suppress(ValueError, OSError):  # closed or detached: nothing is written there
            reconfigure(errors="replace")


class Environment:
    """A plain class rather than a dataclass: every command line imports this module, ``--version``
    included, and nothing else on that path needs the dataclasses module."""

    def __init__(self, stdin: TextIO, stdout: TextIO, stderr: TextIO, environ: Mapping[str, str] | None = None,
                 stdin_isatty: bool = False, stdout_isatty: bool = False, stderr_isatty: bool = False) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.environ: Mapping[str, str] = dict(os.environ) if environ is None else environ
        self.stdin_isatty = stdin_isatty
        self.stdout_isatty = stdout_isatty
        self.stderr_isatty = stderr_isatty

    @classmethod
    def from_system(cls) -> Environment:
        for stream in (sys.stdout, sys.stderr):
            degrade_unencodable(stream)
        return cls(sys.stdin, sys.stdout, sys.stderr, dict(os.environ),
                   _isatty(sys.stdin), _isatty(sys.stdout), _isatty(sys.stderr))

    @property
    def stdin_bytes(self) -> BinaryIO | None:
        return getattr(self.stdin, "buffer", None)

    @property
    def debug(self) -> bool:
        return self.environ.get("CLIENTCHECK_DEBUG", "") not in ("", "0")
