"""What people see: the quiz (the only importer of questionary and prompt_toolkit) and the Rich screens."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TextIO

MAX_WIDTH = 100
"""The widest any screen is drawn, however wide the terminal: long lines are hard to read."""


def terminal_width(stream: TextIO, environ: Mapping[str, str], *, isatty: bool) -> int:
    """How wide to draw on ``stream``: $COLUMNS, else the terminal's width, else 80; at most MAX_WIDTH."""
    width = 0
    if environ.get("COLUMNS", "").isdigit():
        width = int(environ["COLUMNS"])
    elif isatty:
        try:
            width = os.get_terminal_size(stream.fileno()).columns
        except (OSError, ValueError, AttributeError):
            width = 0
    return min(width or 80, MAX_WIDTH)
