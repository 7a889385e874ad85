"""The portfolio's warnings as a terminal 80 columns wide shows them (pyte): wrapped between words,
every later line under the first one's text, in both languages."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from clientcheck.i18n import tr
from clientcheck.saved.clients import history, portfolio
from clientcheck.ui.cells import cell_width
from clientcheck.ui.client_screens import write_changes, write_portfolio
from clientcheck.ui.clients import Screen
from tests.clients_helpers import open_store, record
from tests.screens import terminal


@pytest.mark.parametrize("language", ["it", "en"])
@pytest.mark.parametrize("columns", [80, 60])
def test_the_shares_warning_hangs_under_its_first_line(tmp_path: Path, language: str, columns: int) -> None:
    with open_store(tmp_path / "home") as store:
        store.add_records([record("Acme", "2026-03-01T09:00:00Z", risk=90, level="let_go", share=80),
                           record("Beta", "2026-03-01T09:00:00Z", risk=30, level="watch", share=60)])
        seen = portfolio(store.clients())
    out = io.StringIO()
    write_portfolio(seen, language, Screen(out, False, columns))
    rows = terminal(columns, 80, out.getvalue())
    first = next(y for y, row in enumerate(rows) if row.startswith("  ⚠ "))
    warning = rows[first:next(y for y in range(first + 1, len(rows)) if not rows[y].startswith("    "))]
    assert len(warning) >= 2  # long enough to wrap at these widths
    assert all(row.startswith("    ") and row[4] != " " for row in warning[1:]), warning
    assert all(len(row) <= columns for row in rows)
    said = " ".join(row.strip() for row in warning)
    assert said == tr(language, "portfolio.over_100", total="140%"), said
    assert not re.search(r"\w-$", warning[0])  # wrapped between words


def test_a_signal_in_wide_characters_is_wrapped_within_the_screen() -> None:
    """What changed since the last check, when the bank's signal is CJK and emoji (two cells a
    character): each line fits 60 columns in cells, so the terminal (pyte) shows each on its row,
    the later ones under the text, not broken again at column 0."""
    wide = "取引先は 請求書の 支払いを いつも 遅らせますか 🐋🧾 " * 3
    before = record("大神株式会社", "2026-03-01T09:00:00Z", signals=())
    after = record("大神株式会社", "2026-04-01T09:00:00Z", signals=("pays_late",))
    after = after._replace(signals=tuple(ref._replace(text={"en": wide, "it": wide}) for ref in after.signals))
    out = io.StringIO()
    write_changes(history("大神株式会社", [before, after]).latest, "en", Screen(out, False, 60))
    lines = out.getvalue().splitlines()
    signal = lines[lines.index("  Newly triggered:") + 1:]
    assert len(signal) >= 3 and " ".join(line.strip() for line in signal) == "+ " + " ".join(wide.split())
    assert all(cell_width(line) <= 60 for line in signal), signal
    shown = terminal(60, 2 * len(lines), out.getvalue())
    below = shown.index("  Newly triggered:") + 1
    assert shown[below:below + len(signal) + 1] == [*(line.rstrip() for line in signal), ""]  # one row each


@pytest.mark.parametrize("language", ["it", "en"])
def test_what_changed_says_since_when_within_a_narrow_screen(language: str) -> None:
    bank = "a-bank-of-my-own-with-a-long-name"
    before = record("Acme", "2026-03-01T09:00:00Z", bank=bank, signals=())
    after = record("Acme", "2026-04-01T09:00:00Z", bank=bank, signals=("pays_late",))
    out = io.StringIO()
    write_changes(history("Acme", [before, after]).latest, language, Screen(out, False, 60))
    assert all(cell_width(line) <= 60 for line in out.getvalue().splitlines())  # the terminal breaks none again
    rows = terminal(60, 20, out.getvalue())
    heading = rows[:next(y for y, row in enumerate(rows) if row.startswith("  "))]
    assert len(heading) >= 2 and all(cell_width(row) <= 60 for row in heading)
    assert bank in " ".join(heading) and " ".join(heading).endswith("40 → 40")  # said whole, in order
