"""How wide a text is on a terminal, in cells, and text wrapped or shortened to a number of cells.

Wide characters (CJK, most emoji) take two cells, combining marks and format characters none;
``textwrap`` counts one for each, so its lines overflow a terminal when a bank, a client's name or
the user writes such characters. Cheap on purpose: ``re``, ``unicodedata`` and ``textwrap``, which
every command but ``--version`` loads already (Rich's ``cell_len`` would load Rich on the client
list).
"""

from __future__ import annotations

import re
import textwrap
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


def _chars_within(text: str, cells: int) -> int:
    """How many characters of ``text``, from its start, take ``cells`` cells at most (marks that
    take none stay with the character before them)."""
    if text.isascii():
        return cells
    used = 0
    for index, char in enumerate(text):
        used += _char_width(char)
        if used > cells:
            return index
    return len(text)


class CellWrapper(textwrap.TextWrapper):
    """``textwrap.TextWrapper`` measuring in terminal cells instead of characters.

    textwrap measures with ``len`` inside ``_wrap_chunks`` and ``_handle_long_word``, with no
    hook, so these two are CPython's (the same in 3.11 to 3.13) with every length made a
    ``cell_width``: a text of one cell per character (ASCII, Italian) wraps exactly as textwrap
    wraps it, and tests/ui/test_cells.py holds the two to the same lines."""

    def _handle_long_word(self, reversed_chunks: list[str], cur_line: list[str], cur_len: int,
                          width: int) -> None:
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            chunk = reversed_chunks[-1]
            end = _chars_within(chunk, space_left)
            if end == 0 and not cur_line:  # a wide character on a line one cell wide: it goes whole
                end = 1
            if self.break_on_hyphens and cell_width(chunk) > space_left:
                hyphen = chunk.rfind("-", 0, end)
                if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks: list[str]) -> list[str]:
        lines: list[str] = []
        if self.width <= 0:
            raise ValueError(f"invalid width {self.width!r} (must be > 0)")
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if cell_width(indent) + cell_width(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            cur_line: list[str] = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - cell_width(indent)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]
            while chunks:
                size = cell_width(chunks[-1])
                if cur_len + size <= width:
                    cur_line.append(chunks.pop())
                    cur_len += size
                else:
                    break
            if chunks and cell_width(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(cell_width, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= cell_width(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                rest_is_blank = not chunks or (self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip())
                if (self.max_lines is None or len(lines) + 1 < self.max_lines
                        or (rest_is_blank and cur_len <= width)):
                    lines.append(indent + "".join(cur_line))
                else:
                    while cur_line:
                        if cur_line[-1].strip() and cur_len + cell_width(self.placeholder) <= width:
                            cur_line.append(self.placeholder)
                            lines.append(indent + "".join(cur_line))
                            break
                        cur_len -= cell_width(cur_line[-1])
                        del cur_line[-1]
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if cell_width(prev_line) + cell_width(self.placeholder) <= self.width:
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break
        return lines


def wrap(text: str, width: int, *, initial_indent: str = "", subsequent_indent: str = "",
         break_long_words: bool = True, break_on_hyphens: bool = True) -> list[str]:
    """``textwrap.wrap``, each line at most ``width`` cells (a word wider than a line, kept whole
    with ``break_long_words=False``, is the one exception, as in textwrap)."""
    return CellWrapper(width, initial_indent=initial_indent, subsequent_indent=subsequent_indent,
                       break_long_words=break_long_words, break_on_hyphens=break_on_hyphens).wrap(text)


def fill(text: str, width: int, *, initial_indent: str = "", subsequent_indent: str = "",
         break_long_words: bool = True, break_on_hyphens: bool = True) -> str:
    """``textwrap.fill``: ``wrap``'s lines, joined."""
    return "\n".join(wrap(text, width, initial_indent=initial_indent, subsequent_indent=subsequent_indent,
                          break_long_words=break_long_words, break_on_hyphens=break_on_hyphens))


def shorten(text: str, width: int, *, placeholder: str = " [...]") -> str:
    """``textwrap.shorten``: whitespace collapsed, then cut between words to ``width`` cells,
    ``placeholder`` saying so."""
    return CellWrapper(width, max_lines=1, placeholder=placeholder).fill(" ".join(text.strip().split()))
