"""One family of errors, each carrying its exit code; the CLI edge turns them into messages.

The core raises these and never prints: that keeps it usable as a library and testable.
"""

from __future__ import annotations

import copy
from enum import IntEnum
from typing import Literal, NamedTuple


class ExitCode(IntEnum):
    """Exit codes, documented in the README; scripts rely on them."""

    OK = 0
    VERDICT_AT_OR_ABOVE = 1  # --fail-on LEVEL was reached
    BAD_INPUT = 2  # bad bank, bad answers, bad usage
    INTERNAL_ERROR = 70  # a bug in clientcheck (EX_SOFTWARE)
    HANGUP = 129  # SIGHUP: the terminal went away (128 + 1, as a shell reports a signal)
    INTERRUPTED = 130  # Ctrl-C / Ctrl-D at a prompt
    BROKEN_PIPE = 141  # the reader of stdout went away (`| head -1`): 128 + SIGPIPE, quietly
    TERMINATED = 143  # SIGTERM (128 + 15)


Severity = Literal["error", "warning"]


class Problem(NamedTuple):
    """One thing wrong in a file, at a 1-based line and column, with a way to fix it."""

    path: str
    line: int
    column: int
    message: str
    hint: str = ""
    severity: Severity = "error"

    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    def __str__(self) -> str:
        text = f"{self.location()}: {self.severity}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class ClientcheckError(Exception):
    """Base of every error the user can cause; carries its exit code and a hint."""

    exit_code: ExitCode = ExitCode.BAD_INPUT

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class ProblemsError(ClientcheckError):
    """A file with one or more located problems: all of them are reported at once."""

    def __init__(self, message: str, problems: tuple[Problem, ...]) -> None:
        super().__init__(message)
        self.problems = problems


class BankError(ProblemsError):
    """A question bank that cannot be used as it is."""


class AnswersError(ProblemsError):
    """An answers file that does not fit its bank."""


class BankNotFound(ClientcheckError):
    """No bank with the requested id."""


class UsageError(ClientcheckError):
    """Options that do not go together, or a request that cannot be met here."""


class Interrupted(ClientcheckError):
    """The user pressed Ctrl-C or Ctrl-D at a prompt."""

    exit_code = ExitCode.INTERRUPTED

    def adding(self, text: str) -> Interrupted:
        """The same stop (same kind, same exit code), its message followed by ``text``: what was kept."""
        extended = copy.copy(self)
        extended.message = f"{self.message} {text}"
        extended.args = (extended.message,)
        return extended


class Stopped(Interrupted):
    """A signal (SIGTERM, SIGHUP) stopped the run: the answers saved so far stay saved."""

    def __init__(self, message: str, exit_code: ExitCode = ExitCode.TERMINATED) -> None:
        super().__init__(message)
        self.exit_code = exit_code
