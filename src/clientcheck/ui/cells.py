"""How wide a text is on a terminal, in cells: wide characters (CJK, most emoji) take two,
combining marks and format characters none.

Cheap on purpose: it needs only ``re`` and ``unicodedata``, so the client list, which measures
every name, loads nothing more to do it.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
_CHAR_WIDTHS: dict[str, int] = {}


def _char_width(char: str) -> int:
    """Columns one character takes: wide 2, combining and format 0, others 1."""
    width = _CHAR_WIDTHS.get(char)
    if width is None:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            width = 0
        else:
            width = 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
        _CHAR_WIDTHS[char] = width
    return width


def cell_width(text: str) -> int:
    """Columns a string takes on a terminal: wide characters 2, combining and format 0. Only the
    characters beyond ASCII are looked at (found by a regular expression, in C): a name such as
    "Caffè 00225" costs one look-up, not eleven."""
    if text.isascii():
        return len(text)
    others = _NOT_ASCII.findall(text)
    return len(text) - len(others) + sum(map(_char_width, others))


def narrow(text: str) -> bool:
    """Whether every character of ``text`` takes one column (ASCII, or narrow ones such as è, ↑
    and ●): then its length is its width. Looks at each character beyond ASCII once."""
    return text.isascii() or all(_char_width(char) == 1 for char in set(_NOT_ASCII.findall(text)))


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns, with an ellipsis when cut."""
    if cell_width(text) <= width:
        return text
    out, used = [], 0
    for char in text:
        size = cell_width(char)
        if used + size > width - 1:
            break
        out.append(char)
        used += size
    return "".join(out) + "…"
