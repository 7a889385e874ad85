"""Charts for people who would rather look than read: risk over real time with the verdict
bands behind it, and the portfolio's share of revenue against risk with the whale corner.

Drawn as a grid of cells (a character and a style) that ``ui.clients.Screen`` paints when colour
is on and writes as plain characters otherwise: no escape sequence reaches a pipe. The geometry
(a date to a column, a risk to a row, a position to a fraction) is shared with the SVG charts of
the HTML report, so the two pictures agree. Pure Python, loaded only by the commands that draw.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import NamedTuple

from clientcheck.levels import Level
from clientcheck.saved.clients import AT_RISK, BIG_CLIENT_SHARE

Cell = tuple[str, str]  # text, style ("" for none; "bold red" for several)
Row = list[Cell]


class Band(NamedTuple):
    minimum: int
    maximum: int
    level: Level


BANDS = (Band(0, 19, Level.KEEP), Band(20, 44, Level.WATCH), Band(45, 69, Level.RENEGOTIATE),
         Band(70, 100, Level.LET_GO))
"""The bands every shipped bank declares. A history may mix banks, so the chart draws these
behind the points (when they fit them: ``drawn_bands``); each point keeps the colour of the
level its own bank gave it."""

NUMBERED = 20  # the riskiest clients marked by their rank; the others by OTHER_MARK
OTHER_MARK = "+"
WHALE_SHARE, WHALE_RISK = BIG_CLIENT_SHARE, AT_RISK  # the portfolio's whale corner: its own rule


class Point(NamedTuple):
    """One assessment on the time axis."""

    stamp: str  # the stored UTC timestamp
    risk: int
    level: str  # as saved: a level this version may not know is drawn uncoloured


class Dot(NamedTuple):
    """One client on the portfolio chart."""

    mark: str  # its rank in the portfolio table, or OTHER_MARK past the NUMBERED riskiest
    share: float
    risk: int
    level: str
    whale: bool


def seconds(stamp: str) -> float:
    """A stored UTC timestamp as seconds since the epoch (0 when it is not one)."""
    try:
        return datetime.fromisoformat(stamp[:19]).replace(tzinfo=UTC).timestamp()
    except ValueError:
        return 0.0


def time_fractions(points: Sequence[Point]) -> list[float]:
    """Where each point sits between the first and the last date, 0 to 1: real time, so a
    check a year ago sits far from one last week. A single date sits in the middle."""
    moments = [seconds(p.stamp) for p in points]
    first, last = min(moments, default=0.0), max(moments, default=0.0)
    if last <= first:
        return [0.5 for _ in moments]
    return [(moment - first) / (last - first) for moment in moments]


def drawn_bands(points: Sequence[Point]) -> tuple[Band, ...]:
    """The bands to draw behind ``points``: the shipped ones, or none when a point's verdict is
    below the shipped band at its risk. A dealbreaker only ever raises a verdict, so that happens
    only when the point's bank draws its bands elsewhere (a bank of the user's): the chart then
    names no band that a verdict did not give."""
    known = {level.value: level for level in Level}
    for point in points:
        level = known.get(point.level)
        if level is not None and level.rank < band_of(point.risk).level.rank:
            return ()
    return BANDS


def band_of(risk: float, bands: Sequence[Band] = BANDS) -> Band:
    for band in bands:
        if risk <= band.maximum:
            return band
    return bands[-1]


def band_rows(height: int, bands: Sequence[Band] = BANDS) -> list[tuple[float, float, Band]]:
    """The chart's rows, top first, each ``(low, high, band)``: rows share out the height in
    proportion to each band's span and never straddle two bands, so a row's colour is true."""
    spans = [band.maximum - band.minimum + 1 for band in bands]
    total = sum(spans)
    counts = [max(1, int(height * span / total)) for span in spans]
    shares = [height * span / total for span in spans]
    by_remainder = sorted(range(len(bands)), key=lambda i: int(shares[i]) - shares[i])
    for i in by_remainder[:max(0, height - sum(counts))]:
        counts[i] += 1
    rows: list[tuple[float, float, Band]] = []
    for band, count in zip(bands, counts, strict=True):
        step = (band.maximum + 1 - band.minimum) / count
        rows += [(band.minimum + k * step, band.minimum + (k + 1) * step, band) for k in range(count)]
    return rows[::-1]


def even_rows(height: int) -> list[tuple[float, float, Band | None]]:
    """The chart's rows when no band is drawn, top first: 0-100 in ``height`` equal steps."""
    step = 101 / height
    rows: list[tuple[float, float, Band | None]] = [(k * step, (k + 1) * step, None) for k in range(height)]
    return rows[::-1]


def row_of(risk: float, rows: Sequence[tuple[float, float, Band | None]]) -> int:
    """The index (from the top) of the row that holds ``risk``."""
    for index, (low, _high, _band) in enumerate(rows):
        if risk >= low:
            return index
    return len(rows) - 1


def _blank(width: int, height: int) -> list[list[Cell]]:
    return [[(" ", "") for _ in range(width)] for _ in range(height)]


def _runs(cells: Sequence[Cell]) -> Row:
    """Neighbouring cells of one style joined, so a painted line carries few escapes; no
    trailing blanks."""
    out: Row = []
    for text, style in cells:
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + text, style)
        elif text:
            out.append((text, style))
    while out and not out[-1][0].rstrip():
        out.pop()
    if out:
        out[-1] = (out[-1][0].rstrip(), out[-1][1])
    return out


def _labels_line(width: int, offset: int, labels: Sequence[tuple[int, str]]) -> str:
    """Labels centred under their columns (sorted), left to right, each kept only when it does
    not touch the one before; the last one is always kept, dropping those it would touch."""
    kept: list[tuple[int, str]] = []
    for i, (column, label) in enumerate(labels):
        start = min(max(0, offset + column - len(label) // 2), max(0, width - len(label)))
        if i == len(labels) - 1:
            while kept and kept[-1][0] + len(kept[-1][1]) >= start:
                kept.pop()
        elif kept and kept[-1][0] + len(kept[-1][1]) >= start:
            continue
        kept.append((start, label))
    line = [" "] * width
    for start, label in kept:
        line[start:start + len(label)] = list(label)
    return "".join(line).rstrip()


def history_chart(points: Sequence[Point], width: int, *, level_label: Callable[[Level], str],
                  date_label: Callable[[str], str], height: int = 11) -> list[Row]:
    """Risk over real time: a ``●`` at each assessment, dots between them, the bands behind
    (a dashed floor line, and the band's name on the right), dates under the marks."""
    bands = drawn_bands(points)
    labels = {band.level: level_label(band.level) for band in bands}
    right = max((len(label) for label in labels.values()), default=0) + 1
    left = 4  # "100┤"
    plot = max(10, width - left - right - 1)
    rows: list[tuple[float, float, Band | None]] = [*band_rows(height, bands)] if bands else even_rows(height)
    floors = {index: band for index, (_, _, band) in enumerate(rows)
              if band is not None and (index + 1 == len(rows) or rows[index + 1][2] is not band)}  # lowest rows
    grid = _blank(plot, height)
    for index, band in floors.items():
        if band.minimum > 0:
            grid[index] = [("╌", f"dim {band.level.colour}") for _ in range(plot)]
    columns = [round(fraction * (plot - 1)) for fraction in time_fractions(points)]
    placed = [(column, row_of(p.risk, rows)) for column, p in zip(columns, points, strict=True)]
    for (x0, _), (x1, _), a, b in zip(placed, placed[1:], points, points[1:], strict=False):
        for x in range(x0 + 1, x1):
            risk = a.risk + (b.risk - a.risk) * (x - x0) / (x1 - x0)
            grid[row_of(risk, rows)][x] = ("·", "dim")
    for (x, y), point in zip(placed, points, strict=True):
        grid[y][x] = ("●", f"bold {_colour(point.level)}".strip())
    middles = {}
    for band in bands:
        band_indexes = [i for i, row in enumerate(rows) if row[2] is band]
        middles[band_indexes[len(band_indexes) // 2]] = band
    floor_ticks = ({index: band.minimum for index, band in floors.items()} if bands
                   else {row_of(50, rows): 50, len(rows) - 1: 0})  # no band: the scale's middle and floor
    out: list[Row] = []
    for index in range(len(rows)):
        tick = "100┤" if index == 0 else f"{floor_ticks[index]:>3}┤" if index in floor_ticks else "   │"
        name = middles.get(index)
        out.append(_runs([(tick, "dim"), *grid[index],
                          (" " + labels[name.level] if name else "", name.level.colour if name else "")]))
    axis = ["─"] * plot
    for x in columns:
        axis[x] = "┴"
    out.append([("   └" + "".join(axis), "dim")])
    seen: set[int] = set()
    ticks = []
    for x, point in zip(columns, points, strict=True):
        if x not in seen:
            seen.add(x)
            ticks.append((x, date_label(point.stamp)))
    ticks.sort()
    out.append([(_labels_line(left + plot + right, left, ticks), "dim")])
    return out


def portfolio_chart(dots: Sequence[Dot], width: int, *, whale_label: str, height: int = 10) -> list[Row]:
    """Share of revenue (x, 0-100%) against risk (y, 0-100): each client its rank number, the
    whale corner (big share and high risk) shaded, so the one to worry about stands out."""
    left = 4
    plot = max(20, min(width - left - 1, 101))
    grid = _blank(plot, height)

    def column(share: float) -> int:
        return round(min(100.0, max(0.0, share)) * (plot - 1) / 100)

    def row(risk: float) -> int:
        return height - 1 - min(height - 1, int(risk * height / 100))

    whale_column, whale_row = column(WHALE_SHARE), row(WHALE_RISK)
    for y in range(whale_row + 1):
        for x in range(whale_column, plot):
            grid[y][x] = ("·", "dim red")
    placed: set[tuple[float, int]] = set()
    for dot in dots:  # unnumbered clients first, where nothing else is: the numbered ones win
        if not dot.mark.isdigit() and (dot.share, dot.risk) not in placed:  # a later one there changes nothing
            placed.add((dot.share, dot.risk))
            y, x = row(dot.risk), column(dot.share)
            if grid[y][x][0] in " ·":
                grid[y][x] = (OTHER_MARK, _colour(dot.level))
    label = f" {whale_label} "
    if plot - whale_column > len(label) + 1:
        start = plot - len(label)
        for i, char in enumerate(label):
            grid[0][start + i] = (char, "red")
    for dot in sorted((d for d in dots if d.mark.isdigit()), key=lambda d: d.risk):
        y, x = row(dot.risk), column(dot.share)
        x = min(x, plot - len(dot.mark))
        for _ in range(3):  # a little to the right of a neighbour, never far from its place
            if x + len(dot.mark) >= plot or all(grid[y][x + i][0] in " ·+" for i in range(len(dot.mark))):
                break
            x += 1
        for i, char in enumerate(dot.mark):
            grid[y][x + i] = (char, f"bold {_colour(dot.level)}".strip())
    out: list[Row] = []
    for y in range(height):
        tick = "100┤" if y == 0 else f"{WHALE_RISK:>3}┤" if y == whale_row else "  0┤" if y == height - 1 else "   │"
        out.append(_runs([(tick, "dim"), *grid[y]]))
    axis = ["─"] * plot
    for share in (0, WHALE_SHARE, 50, 100):
        axis[column(share)] = "┬"
    out.append([("   └" + "".join(axis), "dim")])
    ticks = [(column(share), f"{share:g}%") for share in (0, WHALE_SHARE, 50, 100)]
    out.append([(_labels_line(left + plot + 1, left, ticks), "dim")])
    return out


def _colour(level: str) -> str:
    try:
        return Level(level).colour
    except ValueError:
        return ""
