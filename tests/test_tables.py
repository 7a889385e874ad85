"""ui/clients' plain tables: display widths and alignment with wide, combining and format characters."""

from __future__ import annotations

import io
import unicodedata

from clientcheck.ui.clients import Column, Screen, cell_width, narrow, table


def test_cell_width_counts_columns_on_a_terminal() -> None:
    assert cell_width("Acme 00001") == 10
    assert cell_width("Caffè 00225") == 11
    assert cell_width("Studio Ōkami 大神") == 17  # two wide characters
    assert cell_width("Cafe\u0301") == 4  # a combining accent takes no column
    assert cell_width("a\u200db") == 2  # a zero-width joiner (format) neither
    assert cell_width("↑32") == 3


def test_a_table_aligns_every_column_by_display_width() -> None:
    names = ["Acme", "Studio Ōkami 大神", "Cafe\u0301 Bianchi"]
    screen = Screen(io.StringIO(), color=False, width=100)
    table(screen, [Column("Client", names, "bold"), Column("Risk", ["5", "100", "42"], right=True),
                   Column("Trend", ["↑3", "=", "↓12"])])
    lines = screen.stream.getvalue().splitlines()  # type: ignore[attr-defined]
    starts = {_columns(line[:line.index(risk)]) for line, risk in zip(lines[1:], ["  5", "100", " 42"], strict=True)}
    assert len(starts) == 1  # every risk starts in the same terminal column
    name, risk = 17, len("Risk")  # the widest name, the header
    assert [_columns(line) for line in lines[1:]] == [name + 2 + risk + 2 + width for width in (2, 1, 3)]


def _columns(text: str) -> int:
    return sum(0 if unicodedata.combining(c) or unicodedata.category(c) == "Cf"
               else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_a_text_is_narrow_when_each_character_takes_one_column() -> None:
    assert narrow("Acme 00001") and narrow("Caffè ↑3 ● –")
    assert not narrow("Studio 大神") and not narrow("Cafe\u0301") and not narrow("a\u200db")
    for text in ("Caffè ↑3 ● –", "Studio 大神", "Cafe\u0301", "a\u200db"):
        assert narrow(text) == (cell_width(text) == len(text) and all(cell_width(c) == 1 for c in text))
