"""The letter on a terminal: each paragraph wrapped between words at the terminal's width.

The letter is printed one line per paragraph so that it copies cleanly into an email; a terminal
would wrap those lines mid-word. On a terminal only, each is wrapped between words instead; a
pipe or a file gets the paragraphs as they are.
"""

from __future__ import annotations

from clientcheck.ui.cells import cell_width, wrap


def wrapped(text: str, width: int) -> str:
    """``text`` with each line longer than ``width`` wrapped between words (a word longer than the
    line, a long address, is left whole); blank lines and short lines as they are."""
    lines: list[str] = []
    for line in text.split("\n"):
        if cell_width(line) <= width:
            lines.append(line)
            continue
        lines.extend(wrap(line, width, break_long_words=False, break_on_hyphens=False) or [line])
    return "\n".join(lines)
