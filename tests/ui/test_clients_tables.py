"""ui/clients' plain tables: display widths and alignment with wide, combining and format characters;
the history table's cells."""

from __future__ import annotations

import io
import unicodedata

import pytest

from clientcheck.saved.clients import Change, HistoryEntry
from clientcheck.saved.store import AssessmentRecord, SignalRef
from clientcheck.ui.cells import cell_width
from clientcheck.ui.clients import Column, Screen, changes_cell, table


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


def _reference_table(screen: Screen, columns: list[Column], flex: int, indent: int) -> None:
    """The layout cell by cell, measured with cell_width alone: what table() must write."""
    from clientcheck.ui.cells import fit

    texts = [[c.header, *c.texts] for c in columns]
    widths = [max(cell_width(t) for t in column) for column in texts]
    spare = screen.width - indent - sum(widths) - 2 * (len(widths) - 1)
    if spare < 0:
        widths[flex] = max(cell_width(texts[flex][0]), widths[flex] + spare, 8)
    laid: list[list[str]] = []
    for column, width, given in zip(texts, widths, columns, strict=True):
        styles = ["", *([given.styles] * len(given.texts) if isinstance(given.styles, str) else given.styles)]
        cells = []
        for text, style in zip(column, styles, strict=True):
            shown = fit(text, width) if cell_width(text) > width else text
            gap = " " * (width - cell_width(shown))
            painted = screen.paint(shown, style)
            cells.append(gap + painted if given.right else painted + gap)
        laid.append(cells)
    lines = [(" " * indent + "  ".join(parts)).rstrip() for parts in zip(*laid, strict=True)]
    if screen.color:
        lines[0] = " " * indent + screen.paint(lines[0][indent:], "bold")
    screen.stream.write("\n".join(lines) + "\n")


def test_a_table_is_laid_out_as_cell_by_cell_measuring_would() -> None:
    import random

    rng = random.Random(5)
    alphabet = ["a", "B", "è", "大", "\u0301", "\u200d", "↑", "●", " ", "Z", "9", "{", "}", "{0}", "{:>9}"]
    for _ in range(120):
        count, size = rng.randint(0, 30), rng.randint(1, 6)
        columns = [Column("".join(rng.choices(alphabet, k=rng.randint(0, 6))),
                          ["".join(rng.choices(alphabet, k=rng.randint(0, 40))) for _ in range(count)],
                          [rng.choice(["", "bold", "red", "dim green"]) for _ in range(count)]
                          if rng.random() < 0.5 else rng.choice(["", "bold"]), right=rng.random() < 0.4)
                   for _ in range(size)]
        flex, width, indent = rng.randrange(size), rng.choice([20, 40, 80, 100]), rng.choice([0, 2])
        for color in (False, True):
            fast, slow = Screen(io.StringIO(), color, width), Screen(io.StringIO(), color, width)
            table(fast, columns, flex=flex, indent=indent)
            _reference_table(slow, columns, flex, indent)
            assert fast.stream.getvalue() == slow.stream.getvalue()  # type: ignore[attr-defined]


def test_a_column_written_once_a_value_reads_as_each_value_written() -> None:
    from clientcheck.i18n.numbers import percent
    from clientcheck.ui.clients import share_text, written

    shares = [None, 22.5, 5.0, 22.5, None, 100.0]
    texts = written(shares, lambda share: share_text(share, "it"))
    assert texts == ["–", "22,5%", "5%", "22,5%", "–", "100%"] == [share_text(s, "it") for s in shares]
    assert texts[1] is texts[3]  # one string for a value, however many rows hold it
    assert written([], str) == [] and written([7, 70, 7], str) == ["7", "70", "7"]
    assert percent(22.5, "en") == written([22.5], lambda share: percent(share, "en"))[0]


# --- the history table's Signals cell --------------------------------------------------------


def _signals(count: int) -> tuple[SignalRef, ...]:
    return tuple(SignalRef(f"q{n}", n, 10.0, {"en": f"Q{n}", "it": f"D{n}"}) for n in range(count))


RECORD = AssessmentRecord("uid00000001", "Acme", "2026-01-05T09:00:00Z", "whale", 1, {"en": "Whale"}, 40, "watch",
                          1.0, None, (), "{}")


@pytest.mark.parametrize(("new", "resolved", "language", "expected"), [
    (3, 0, "en", ("+3 new", "red")),
    (0, 1, "en", ("−1 resolved", "green")),
    (2, 1, "en", ("+2 new, −1 resolved", "red")),
    (1, 2, "it", ("+1 nuovo, −2 risolti", "green")),
    (3, 0, "it", ("+3 nuovi", "red")),
    (0, 1, "it", ("−1 risolto", "green")),
    (0, 0, "it", ("nessun cambiamento", "dim")),
])
def test_the_signals_cell_names_only_the_counts_that_changed(new: int, resolved: int, language: str,
                                                             expected: tuple[str, str]) -> None:
    entry = HistoryEntry(RECORD, Change(RECORD, _signals(new), _signals(resolved)))
    assert changes_cell(entry, language) == expected
