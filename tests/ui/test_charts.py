"""The terminal charts: risk over real time with the bands, and the portfolio's share-by-risk
scatter. Geometry is tested as numbers; the screens as a terminal draws them (a pty read by
pyte, at 80 and 100 columns), and what a pipe gets as plain characters."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyte
import pytest

from clientcheck.levels import Level
from clientcheck.saved.store import AssessmentRecord
from clientcheck.ui.charts import (
    BANDS,
    Dot,
    Point,
    band_rows,
    drawn_bands,
    history_chart,
    portfolio_chart,
    row_of,
    time_fractions,
)
from tests.clients_helpers import open_store, record
from tests.conftest import CliInvoke

pexpect = pytest.importorskip("pexpect")

CLIENTCHECK = Path(sys.executable).with_name("clientcheck")
ACME = [("2025-04-10T09:00:00Z", 8, "keep"), ("2026-03-01T09:00:00Z", 50, "renegotiate"),
        ("2026-03-08T09:00:00Z", 75, "let_go"), ("2026-03-15T09:00:00Z", 100, "let_go")]


def text_of(rows: Sequence[Sequence[tuple[str, str]]]) -> list[str]:
    return ["".join(text for text, _ in row) for row in rows]


# --- geometry -------------------------------------------------------------------------------


@pytest.mark.parametrize("height", [4, 6, 11, 17, 30])
def test_rows_share_the_height_and_never_straddle_a_band(height: int) -> None:
    rows = band_rows(height)
    assert len(rows) == height
    for low, high, band in rows:
        assert band.minimum <= low < high <= band.maximum + 1
    assert {band for _, _, band in rows} == set(BANDS)  # every band has at least a row
    for risk in range(101):
        low, high, band = rows[row_of(risk, rows)]
        assert low <= risk < high or (risk == 100 and high == 101)
        assert band.minimum <= risk <= band.maximum



def test_the_bands_are_drawn_only_when_every_verdict_fits_them() -> None:
    shipped = [Point(stamp, risk, level) for stamp, risk, level in ACME]
    later = "2026-03-20T09:00:00Z"
    raised = [*shipped, Point(later, 30, "let_go")]  # a dealbreaker raises a verdict: the bands still hold
    unknown = [*shipped, Point(later, 90, "someday")]  # a level this version does not know says nothing
    own = [*shipped, Point(later, 25, "keep")]  # a bank of the user's that keeps up to 29
    assert drawn_bands(shipped) == drawn_bands(raised) == drawn_bands(unknown) == drawn_bands([]) == BANDS
    assert drawn_bands(own) == ()


def test_a_history_scored_by_other_bands_names_no_band_its_verdicts_did_not_give() -> None:
    points = [Point("2026-03-01T09:00:00Z", 25, "keep"), Point("2026-03-08T09:00:00Z", 60, "watch")]
    lines = text_of(history_chart(points, 80, level_label=lambda level: level.value, date_label=lambda s: s[:10]))
    plot = lines[:11]
    assert not any(level.value in line for line in plot for level in Level)  # no band named on the right
    assert not any("╌" in line for line in plot)  # and no band's floor drawn
    assert [line[:4] for line in plot if not line.startswith("   │")] == ["100┤", " 50┤", "  0┤"]  # the scale alone
    marks = [(row, line.index("●")) for row, line in enumerate(plot) if "●" in line]
    # each check at its risk, on an even scale from the top (100) to the bottom row (0): 25, then 60
    assert [row for row, _ in sorted(marks, key=lambda mark: mark[1])] == [8, 4]
    assert len(lines[0]) <= 80 and lines[-1].split() == ["2026-03-01", "2026-03-08"]

def test_time_is_real_time_not_one_step_per_check() -> None:
    fractions = time_fractions([Point(stamp, risk, level) for stamp, risk, level in ACME])
    assert fractions[0] == 0 and fractions[-1] == 1
    # a check eleven months before the others sits far from them; the last three are a week apart
    assert fractions[1] > 0.9 and fractions[2] - fractions[1] == pytest.approx(fractions[3] - fractions[2])
    assert time_fractions([Point("2026-03-01T09:00:00Z", 10, "keep")]) == [0.5]


def test_history_chart_marks_each_check_where_it_happened() -> None:
    points = [Point(stamp, risk, level) for stamp, risk, level in ACME]
    lines = text_of(history_chart(points, 80, level_label=lambda level: level.value, date_label=lambda s: s[:10]))
    plot_start, plot_width = 4, 80 - 4 - len("renegotiate") - 2
    marks = [(y, x - plot_start) for y, line in enumerate(lines) for x, char in enumerate(line) if char == "●"]
    rows = band_rows(11)
    assert [y for y, _ in sorted(marks, key=lambda mark: mark[1])] == [row_of(risk, rows) for _, risk, _ in ACME]
    columns = sorted(x for _, x in marks)
    assert columns[0] == 0 and columns[-1] == plot_width - 1
    assert columns[1] > 0.9 * plot_width  # real time: the recent three are bunched at the right
    assert all(len(line) <= 80 for line in lines)
    assert lines[-2].count("┴") == 4 and lines[-1].startswith("2025-04-10") and lines[-1].endswith("2026-03-15")


# --- on a terminal --------------------------------------------------------------------------


def save(home: Path, records: Sequence[AssessmentRecord]) -> None:
    with open_store(home) as store:
        store.add_records(records)


def drawn(home: Path, *args: str, columns: int = 80, lines: int = 60, term: str = "xterm-256color",
          extra: dict[str, str] | None = None) -> tuple[pyte.Screen, str]:
    """The command as a terminal of ``columns`` shows it (pyte), and the raw bytes it wrote."""
    if not CLIENTCHECK.exists():
        pytest.skip(f"clientcheck is not installed next to {sys.executable}")
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "COLUMNS", "LINES")}
    env.update({"CLIENTCHECK_HOME": str(home), "TERM": term, "TZ": "UTC", **(extra or {})})
    child = pexpect.spawn(str(CLIENTCHECK), list(args), env=env, encoding="utf-8", dimensions=(lines, columns),
                          timeout=30)
    output = child.read()
    child.close()
    assert child.exitstatus == 0, output
    screen = pyte.Screen(columns, lines)
    pyte.Stream(screen).feed(output)
    return screen, output


def chart_rows(screen: pyte.Screen) -> list[int]:
    """The screen rows of the chart: from the one with the 100 tick to the axis."""
    top = next(y for y, line in enumerate(screen.display) if line.startswith("100┤"))
    axis = next(y for y, line in enumerate(screen.display) if line.startswith("   └"))
    return list(range(top, axis + 1))


@pytest.mark.slow
@pytest.mark.parametrize("columns", [80, 100])
def test_history_on_a_terminal_fits_the_width_with_bands_and_coloured_marks(tmp_path: Path, columns: int) -> None:
    home = tmp_path / "home"
    save(home, [record("Acme", stamp, risk=risk, level=level) for stamp, risk, level in ACME])
    screen, output = drawn(home, "history", "Acme", columns=columns)
    rows = chart_rows(screen)
    assert len(rows) == 12  # eleven rows of risk and the axis, none wrapped onto another line
    for y in rows[:-1]:
        assert screen.display[y][3] in "┤│"  # each row starts with the axis: nothing wrapped onto it
    display = "\n".join(screen.display)
    for name in ("Keep", "Watch", "Renegotiate", "Let go"):
        assert name in display
    marks = [(y, x) for y in rows for x in range(columns) if screen.buffer[y][x].data == "●"]
    assert len(marks) == 4
    colours = {screen.buffer[y][x].fg for y, x in marks}
    assert {"green", "red"} <= colours  # keep is green, let go red: the level is seen, not only read
    dashed = next(y for y in rows if screen.display[y].startswith(" 70┤"))
    assert "╌" in screen.display[dashed]  # the let-go band's floor
    assert "10 Apr 2025" in display and "15 Mar 2026" in display
    assert max(len(line.rstrip()) for line in screen.display) <= columns
    assert "\x1b[" in output  # coloured on a terminal


@pytest.mark.slow
def test_history_of_120_checks_fits_80_columns_and_lists_the_latest(tmp_path: Path) -> None:
    home = tmp_path / "home"
    start = datetime(2024, 1, 1, 9, tzinfo=UTC)
    save(home, [record("Acme", (start + timedelta(days=6 * i)).isoformat().replace("+00:00", "Z"),
                       risk=(i * 7) % 101, level="watch") for i in range(120)])
    screen, _ = drawn(home, "history", "Acme", lines=80)
    assert len(chart_rows(screen)) == 12
    display = "\n".join(screen.display)
    assert "… 110 earlier assessments in the chart only (--limit 120 lists them all)" in display
    assert display.count(" whale v1 ") == 10


@pytest.mark.slow
@pytest.mark.parametrize("term", ["dumb", "xterm"])
def test_history_is_plain_with_term_dumb_or_no_color(tmp_path: Path, term: str) -> None:
    home = tmp_path / "home"
    save(home, [record("Acme", stamp, risk=risk, level=level) for stamp, risk, level in ACME])
    _, output = drawn(home, "history", "Acme", term=term, extra={"NO_COLOR": "1"} if term == "xterm" else {})
    assert "\x1b" not in output and "●" in output


def test_history_piped_is_escape_free(cli: CliInvoke, isolated_home: Path) -> None:
    save(isolated_home, [record("Acme", stamp, risk=risk, level=level) for stamp, risk, level in ACME])
    result = cli("history", "Acme", env={"NO_COLOR": "", "TERM": "xterm-256color"})
    assert result.exit_code == 0 and "●" in result.stdout and "\x1b" not in result.stdout


# --- the portfolio --------------------------------------------------------------------------


def test_portfolio_chart_puts_each_client_at_its_share_and_risk_and_shades_the_whale_corner() -> None:
    dots = [Dot("1", 45, 100, "let_go", True), Dot("2", 15, 41, "watch", False), Dot("3", 0, 0, "keep", False)]
    lines = text_of(portfolio_chart(dots, 80, whale_label="whales"))
    plot = 80 - 4 - 1
    where = {char: (y, x - 4) for y, line in enumerate(lines[:10]) for x, char in enumerate(line) if char in "123"}
    assert where == {"1": (0, round(45 * (plot - 1) / 100)), "2": (5, round(15 * (plot - 1) / 100)), "3": (9, 0)}
    corner = round(30 * (plot - 1) / 100) + 4
    assert all(set(lines[y][corner:].replace("1", "").replace(" whales", "")) == {"·"} for y in range(5))
    assert all("·" not in lines[y] for y in range(5, 10))  # below a risk of 50: not a whale
    assert "whales" in lines[0] and lines[-1].split() == ["0%", "30%", "50%", "100%"]


@pytest.mark.slow
def test_portfolio_on_a_terminal_shows_the_scatter_and_warns_when_shares_pass_100(tmp_path: Path) -> None:
    home = tmp_path / "home"
    save(home, [record("Acme", "2026-03-01T09:00:00Z", risk=90, level="let_go", share=80),
                record("Beta", "2026-03-01T09:00:00Z", risk=30, level="watch", share=60),
                record("Gamma", "2026-03-01T09:00:00Z", risk=10, level="keep", share=None)])
    screen, _ = drawn(home, "portfolio")
    rows = chart_rows(screen)
    display = "\n".join(screen.display)
    marks = {screen.buffer[y][x].data: (y, x) for y in rows for x in range(80) if screen.buffer[y][x].data in "12"}
    assert set(marks) == {"1", "2"} and marks["1"][0] < marks["2"][0] and marks["1"][1] > marks["2"][1]
    assert screen.buffer[marks["1"][0]][marks["1"][1]].fg == "red"
    assert "Not in the chart (share of revenue unknown): 3" in display
    assert "⚠ The known shares add up to 140%, more than 100%" in display
    assert max(len(line.rstrip()) for line in screen.display) <= 80


def test_portfolio_warning_in_italian_and_none_under_100(cli: CliInvoke, isolated_home: Path) -> None:
    save(isolated_home, [record("Acme", "2026-03-01T09:00:00Z", risk=90, level="let_go", share=80),
                         record("Beta", "2026-03-01T09:00:00Z", risk=30, level="watch", share=60)])
    assert "⚠ Le quote note sommano a 140%, più del 100%" in cli("portfolio", "--lang", "it").stdout
    cli("forget", "Beta", "--yes")
    assert "⚠" not in cli("portfolio").stdout


def test_levels_have_a_band_each() -> None:
    assert [band.level for band in BANDS] == list(Level)


# --- start-up: only the commands that draw a chart load it ----------------------------------

LOADS_CHARTS = (
    "import sys\n"
    "from clientcheck.cli.app import main\n"
    "sys.argv = ['clientcheck', *sys.argv[1:]]\n"
    "try:\n    main()\n"
    "except SystemExit:\n    pass\n"
    "print('CHARTS', 'clientcheck.ui.charts' in sys.modules, file=sys.stderr)\n"
)


@pytest.mark.parametrize(("args", "loads"), [
    (["clients"], False), (["clients", "--json"], False), (["banks", "list"], False), (["--version"], False),
    (["history", "Acme"], True), (["portfolio"], True),
])
def test_charts_load_only_in_the_commands_that_draw_them(tmp_path: Path, args: list[str], loads: bool) -> None:
    import subprocess

    home = tmp_path / "home"
    save(home, [record("Acme", "2026-03-01T09:00:00Z", share=20)])
    result = subprocess.run([sys.executable, "-c", LOADS_CHARTS, *args], capture_output=True, text=True, check=False,
                            env={"CLIENTCHECK_HOME": str(home), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"})
    assert f"CHARTS {loads}" in result.stderr, result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("columns", [80, 100])
def test_history_of_120_checks_with_many_changes_fits_one_screen(tmp_path: Path, columns: int) -> None:
    home = tmp_path / "home"
    start = datetime(2024, 1, 1, 9, tzinfo=UTC)
    many = [f"q{i}" for i in range(12)]
    save(home, [record("Acme", (start + timedelta(days=6 * i)).isoformat().replace("+00:00", "Z"),
                       risk=(i * 7) % 101, level="watch", signals=many[:2] if i == 119 else many[2:])
                for i in range(120)])
    screen, _ = drawn(home, "history", "Acme", columns=columns, lines=40)
    display = "\n".join(screen.display)
    assert screen.display[0].startswith("Acme — 120 assessments")  # nothing scrolled off the top
    assert "+2 new, −10 resolved" in display
    assert "… and 7 more (--full shows them all)" in display  # three of the ten resolved, and a count
    assert display.count("    − Signal q") == 3
    full, _ = drawn(home, "history", "Acme", "--full", columns=columns, lines=400)
    shown = "\n".join(full.display)
    assert shown.count("    − Signal q") == 10 and shown.count(" whale v1 ") == 120


def test_past_the_twenty_riskiest_clients_are_crosses_and_never_hide_a_number() -> None:
    dots = [Dot("+", 10, 20, "keep", False), Dot("7", 10, 20, "watch", False), Dot("+", 90, 10, "keep", False)]
    lines = text_of(portfolio_chart(dots, 80, whale_label="whales"))
    row = 9 - 2  # risk 20: the third row from the bottom of ten
    column = 4 + round(10 * 74 / 100)
    assert lines[row][column] == "7"  # the numbered client wins its cell
    assert lines[8][4 + round(90 * 74 / 100)] == "+"  # risk 10: the second row from the bottom


def test_a_big_portfolio_numbers_the_riskiest_twenty(cli: CliInvoke, isolated_home: Path) -> None:
    save(isolated_home, [record(f"Client {i:02d}", "2026-03-01T09:00:00Z", risk=100 - 3 * i, level="watch",
                                share=3 * i) for i in range(30)])
    out = cli("portfolio").stdout
    chart = out[out.index("100┤"):out.index("   └")]
    assert "20" in chart and "21" not in chart and "+" in chart
    assert "+: the other clients (the 20 riskiest are numbered)" in out


def test_portfolio_concentration_line_fits_80_columns_in_italian(tmp_path: Path) -> None:
    home = tmp_path / "home"
    save(home, [record("Acme", "2026-03-01T09:00:00Z", risk=90, level="let_go", share=45),
                record("Beta", "2026-03-01T09:00:00Z", risk=30, level="watch", share=24)])
    screen, _ = drawn(home, "portfolio", "--lang", "it")
    lines = [line.rstrip() for line in screen.display]
    judgement = next(line for line in lines if "concentrato" in line)
    assert judgement.endswith("conviene diversificare."), lines  # whole, not wrapped at the 80th column


def test_the_portfolio_chart_of_thousands_draws_one_cross_per_place_and_every_numbered_client() -> None:
    from clientcheck.saved.clients import PortfolioEntry
    from clientcheck.saved.store import ClientRow
    from clientcheck.ui.charts import NUMBERED, OTHER_MARK
    from clientcheck.ui.client_screens import portfolio_dots

    entries = [PortfolioEntry(ClientRow(f"C{i}", f"c{i}", 1, "2026-01-01T00:00:00Z", "starter", 100 - i % 97,
                                        ["keep", "watch", "let_go"][i % 3], None,
                                        None if i % 5 == 0 else float(i % 7 * 10)), False) for i in range(3000)]
    dots = portfolio_dots(entries)
    every = [Dot(str(rank) if rank <= NUMBERED else OTHER_MARK, e.client.revenue_share or 0.0, e.client.last_risk,
                 e.client.last_level, e.whale) for rank, e in enumerate(entries, start=1)
             if e.client.revenue_share is not None]
    assert [d for d in dots if d.mark != OTHER_MARK] == [d for d in every if d.mark != OTHER_MARK]
    crosses = [(d.share, d.risk) for d in dots if d.mark == OTHER_MARK]
    places = {(d.share, d.risk) for d in every if d.mark == OTHER_MARK}
    assert len(crosses) == len(set(crosses)) == len(places) < len(every) // 3  # one per place
    assert text_of(portfolio_chart(dots, 80, whale_label="w")) == text_of(portfolio_chart(every, 80, whale_label="w"))
