"""Errors and problem lists as plain text on a stream.

Every command's error path goes through here, so it must not pay for importing Rich: a
command that fails on its first line answers as fast as one that succeeds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from clientcheck.errors import Interrupted, Problem
from clientcheck.i18n import tr
from clientcheck.i18n.patterns import problem_message, problem_text
from clientcheck.text import DEFAULT_LANGUAGE, strip_control


def write_error(stream: TextIO, language: str, message: str, hint: str = "") -> None:
    message, hint = problem_message(message, language), problem_message(hint, language)
    stream.write(f"clientcheck: {tr(language, 'error.prefix')}: {strip_control(message)}\n")
    if hint:
        label = tr(language, "error.hint")
        lines = strip_control(hint).splitlines()
        stream.write(f"  {label}: {lines[0]}\n")
        for line in lines[1:]:
            stream.write(f"  {' ' * len(label)}  {line}\n")
    stream.flush()


def write_problems(stream: TextIO, problems: Sequence[Problem], language: str = DEFAULT_LANGUAGE) -> None:
    for problem in problems:
        stream.write(strip_control(problem_text(problem, language)) + "\n")
    stream.flush()


def ask_line(stdin: TextIO, stderr: TextIO, prompt: str, interrupted: str) -> str:
    """One line typed at the terminal after ``prompt`` (on stderr), without its line break.
    Ctrl-D (the end of input) and Ctrl-C raise ``Interrupted`` with ``interrupted``: words that
    fit this prompt ("nothing was deleted", "nothing was scored")."""
    stderr.write(prompt)
    stderr.flush()
    try:
        line = stdin.readline()
    except KeyboardInterrupt:
        raise Interrupted(interrupted) from None
    if not line:
        raise Interrupted(interrupted)
    return line.rstrip("\r\n")
