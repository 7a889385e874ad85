"""ui/cells: how wide a text is on a terminal (wide, combining and format characters)."""

from __future__ import annotations

from clientcheck.ui.cells import cell_width, narrow


def test_cell_width_counts_columns_on_a_terminal() -> None:
    assert cell_width("Acme 00001") == 10
    assert cell_width("Caffè 00225") == 11
    assert cell_width("Studio Ōkami 大神") == 17  # two wide characters
    assert cell_width("Cafe\u0301") == 4  # a combining accent takes no column
    assert cell_width("a\u200db") == 2  # a zero-width joiner (format) neither
    assert cell_width("↑32") == 3


def test_a_text_is_narrow_when_each_character_takes_one_column() -> None:
    assert narrow("Acme 00001") and narrow("Caffè ↑3 ● –")
    assert not narrow("Studio 大神") and not narrow("Cafe\u0301") and not narrow("a\u200db")
    for text in ("Caffè ↑3 ● –", "Studio 大神", "Cafe\u0301", "a\u200db"):
        assert narrow(text) == (cell_width(text) == len(text) and all(cell_width(c) == 1 for c in text))
