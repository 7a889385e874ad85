"""Saved clients on screen, in JSON and in a Markdown report.

The list screens format their own aligned text instead of using Rich: a Rich table lays a
thousand clients out slowly, and these commands must start as fast as ``--version``. Client
names are data: control characters were removed when saved, and here they are padded by
display width (wide and combining characters), never interpreted.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from itertools import repeat
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from clientcheck.documents import Kind, envelope
from clientcheck.i18n import tr, trn
from clientcheck.i18n.numbers import count as count_text
from clientcheck.i18n.numbers import percent
from clientcheck.levels import Level
from clientcheck.saved.store import ClientRow, ImportCounts, SignalRef, localized
from clientcheck.ui import terminal_width
from clientcheck.ui.cells import cell_width, fit, narrow
from clientcheck.ui.dates import short_dates

if TYPE_CHECKING:  # types only: the client list never loads what history, portfolio, export and import compute
    from clientcheck.saved.clients import History, HistoryEntry, Portfolio

NAME_MAX = 32
_SGR = {"bold": "1", "dim": "2", "italic": "3", "green": "32", "yellow": "33", "red": "31",
        "dark_orange": "38;5;208", "cyan": "36"}
_SAVED_LEVEL_COLOURS = {level.value: level.colour for level in Level}  # saved levels are strings

Cell = tuple[str, str]  # text, style ("" for none; "bold red" for several)


# --- the screen ------------------------------------------------------------------------------


class Screen:
    """Where the text goes, whether it may be coloured, and how wide it may be."""

    def __init__(self, stream: TextIO, color: bool, width: int) -> None:
        self.stream = stream
        self.color = color
        self.width = width

    @classmethod
    def for_stream(cls, stream: TextIO, environ: Mapping[str, str], *, isatty: bool, no_color: bool) -> Screen:
        color = isatty and not no_color and "NO_COLOR" not in environ and environ.get("TERM", "") != "dumb"
        return cls(stream, color, terminal_width(stream, environ, isatty=isatty))

    def paint(self, text: str, style: str) -> str:
        if not self.color or not style or not text:
            return text
        codes = ";".join(_SGR[part] for part in style.split() if part in _SGR)
        return f"\x1b[{codes}m{text}\x1b[0m" if codes else text

    def line(self, *cells: Cell) -> None:
        self.stream.write("".join(self.paint(text, style) for text, style in cells) + "\n")

    def blank(self) -> None:
        self.stream.write("\n")


class Column(NamedTuple):
    """One column of a table: its header, its cells' texts, and their style (one for every cell,
    or one each). Tables are given column by column: ten thousand clients make one list per
    column, not a tuple per cell."""

    header: str
    texts: Sequence[str]
    styles: str | Sequence[str] = ""
    right: bool = False  # aligned to the right (numbers)


def cells(column: Sequence[Cell]) -> tuple[list[str], list[str]]:
    """A column given as cells (text, style), as its texts and its styles."""
    return [text for text, _ in column], [style for _, style in column]


def table(screen: Screen, columns: Sequence[Column], *, flex: int = 0, indent: int = 0) -> None:
    """Aligned columns; column ``flex`` (the name) shrinks so a row fits the screen. Built column
    by column, so that a list of ten thousand clients still appears at once: a column of narrow
    characters (most are: ASCII, è, ↑) is measured by C string methods and padded as each line is
    formatted, others cell by cell."""
    texts = [[column.header, *column.texts] for column in columns]
    # then a character is a column on screen; each distinct text looked at once (a column of
    # verdicts, trends or shares holds a few hundred, however many rows)
    plain = [narrow("".join(set(column))) for column in texts]
    sizes = [list(map(len, column)) if ascii else [cell_width(text) for text in column]
             for column, ascii in zip(texts, plain, strict=True)]
    natural = [max(size) for size in sizes]
    widths = list(natural)
    spare = screen.width - indent - sum(widths) - 2 * (len(widths) - 1)
    if spare < 0:
        widths[flex] = max(sizes[flex][0], widths[flex] + spare, 8)
    laid_out: list[list[str]] = []
    formats = []  # each column's place in a line's format: padded there, or laid out already ("{}")
    for i, (column, size, width) in enumerate(zip(texts, sizes, widths, strict=True)):
        right = columns[i].right
        if natural[i] > width:
            column = [fit(text, width) if used > width else text for text, used in zip(column, size, strict=True)]
            plain[i] = narrow("".join(column))
            size = list(map(len, column)) if plain[i] else [cell_width(text) for text in column]
        if plain[i] and not screen.color:
            # padded by str.format as each line is written (as ljust and rjust pad): ten thousand
            # rows make one string a line, not a padded copy of every cell first
            laid_out.append(column)
            formats.append(f"{{:{'>' if right else '<'}{width}}}")
            continue
        if screen.color:
            given = columns[i].styles
            styles = ["", *(repeat(given, len(column) - 1) if isinstance(given, str) else given)]
            column = [screen.paint(text, style) for text, style in zip(column, styles, strict=True)]
        gaps = [" " * (width - used) for used in size]
        laid_out.append([gap + text for gap, text in zip(gaps, column, strict=True)] if right
                        else [text + gap for text, gap in zip(column, gaps, strict=True)])
        formats.append("{}")
    lead = " " * indent
    lines = list(map(str.rstrip, map((lead + "  ".join(formats)).format, *laid_out)))
    if screen.color:
        lines[0] = lead + screen.paint(lines[0][len(lead):], "bold")
    screen.stream.write("\n".join(lines))
    screen.stream.write("\n")


# --- small words ---------------------------------------------------------------------------


def level_name(level: str, language: str) -> str:
    return level_names(language).get(level, level)


def level_names(language: str, cache: dict[str, dict[str, str]] = {}) -> dict[str, str]:  # noqa: B006
    if language not in cache:
        cache[language] = {level.value: tr(language, level.label_key) for level in Level}
    return cache[language]


def trend(delta: int | None) -> Cell:
    if delta is None or delta == 0:
        return ("·" if delta is None else "=", "dim")
    return (f"↑{delta}", "red") if delta > 0 else (f"↓{-delta}", "green")


def trends(deltas: Iterable[int | None]) -> tuple[list[str], list[str]]:
    """``trend`` of each delta, as a column's texts and styles: ten thousand clients have a few
    hundred different deltas, each worked out once."""
    known: dict[int | None, Cell] = {}
    return cells([known[delta] if delta in known else known.setdefault(delta, trend(delta)) for delta in deltas])


def written(values: Sequence[Hashable], write: Callable[[Any], str]) -> list[str]:
    """A column's texts: ``write`` of each value, each distinct value written once and its text
    shared (ten thousand risks, counts or shares are a few hundred values: no new string a row)."""
    texts = {value: write(value) for value in set(values)}
    return list(map(texts.__getitem__, values))


def share_text(share: float | None, language: str) -> str:
    return "–" if share is None else percent(share, language)


# --- clients -------------------------------------------------------------------------------


def clients_document(rows: Sequence[ClientRow]) -> dict[str, Any]:
    return envelope(Kind.CLIENTS, clients=[
        {"name": r.name, "assessments": r.assessments, "revenue_share": r.revenue_share,
         "last": {"timestamp": r.last_created, "bank": r.last_bank_id, "risk": r.last_risk, "level": r.last_level},
         "previous_risk": r.previous_risk} for r in rows])


def write_clients(rows: Sequence[ClientRow], language: str, screen: Screen) -> None:
    lang = language
    if not rows:
        screen.line((tr(lang, "clients.none"), ""))
        return
    screen.line((tr(lang, "clients.title", count=count_text(len(rows), lang)), "bold"))
    names = level_names(lang)
    levels = [r.last_level for r in rows]
    table(screen, [
        Column(tr(lang, "col.client"), [r.name for r in rows], "bold"),
        Column(tr(lang, "col.verdict"), [names.get(level, level) for level in levels], list(map(level_style, levels))),
        Column(tr(lang, "col.risk"), written([r.last_risk for r in rows], str), right=True),
        Column(tr(lang, "col.trend"), *trends(None if r.previous_risk is None else r.last_risk - r.previous_risk
                                              for r in rows)),
        Column(tr(lang, "col.last"), short_dates((r.last_created for r in rows), lang)),
        Column(tr(lang, "col.count"), written([r.assessments for r in rows], str), right=True)])
    screen.line((tr(lang, "clients.more"), "dim"))


# --- history -------------------------------------------------------------------------------


def _signal_json(signal: SignalRef, language: str) -> dict[str, Any]:
    return {"question": signal.question, "number": signal.number, "text": localized(signal.text, language)}


def _entry_json(entry: HistoryEntry, language: str) -> dict[str, Any]:
    record, change = entry.record, entry.change
    return {
        "id": record.uid, "timestamp": record.created,
        "bank": {"id": record.bank_id, "version": record.bank_version, "title": localized(record.bank_title, language)},
        "risk": record.risk, "level": record.level, "confidence": record.confidence,
        "revenue_share": record.revenue_share, "signals": [s.question for s in record.signals],
        "changes": None if change is None else {
            "compared_to": change.previous.uid,
            "new": [_signal_json(s, language) for s in change.new],
            "resolved": [_signal_json(s, language) for s in change.resolved]},
    }


def history_document(history: History, language: str) -> dict[str, Any]:
    return envelope(Kind.HISTORY, client=history.client, sparkline=history.sparkline,
                     assessments=[_entry_json(e, language) for e in history.entries])


def changes_cell(entry: HistoryEntry, language: str) -> Cell:
    if entry.change is None:
        return (tr(language, "history.first"), "dim")
    new, resolved = len(entry.change.new), len(entry.change.resolved)
    if not new and not resolved:
        return (tr(language, "history.same"), "dim")
    style = "red" if new > resolved else "green"
    if not resolved:  # "+3 new", not "+3 new, −0 resolved"
        return (trn(language, "history.new_count", new), style)
    if not new:
        return (trn(language, "history.resolved_count", resolved), style)
    return (tr(language, "history.counts", new=trn(language, "history.new_count", new),
               resolved=trn(language, "history.resolved_count", resolved)), style)


def level_style(level: str) -> str:
    """The colour of a saved level; none for a level this version does not know."""
    return _SAVED_LEVEL_COLOURS.get(level, "")


# --- portfolio -----------------------------------------------------------------------------


def portfolio_document(portfolio: Portfolio) -> dict[str, Any]:
    largest = portfolio.largest
    return envelope(
        Kind.PORTFOLIO,
        clients=[{"rank": i, "name": e.client.name, "risk": e.client.last_risk, "level": e.client.last_level,
                  "revenue_share": e.client.revenue_share, "whale": e.whale, "trend": e.rising,
                  "timestamp": e.client.last_created, "bank": e.client.last_bank_id,
                  "assessments": e.client.assessments}
                 for i, e in enumerate(portfolio.entries, start=1)],
        concentration={"level": portfolio.concentration, "shares_known": portfolio.shares_known,
                       "shares_total": portfolio.shares_total,
                       "largest": None if largest is None else {"name": largest.client.name,
                                                                "revenue_share": largest.client.revenue_share}},
        act_first=[{"name": a.entry.client.name, "reason": a.reason, "risk": a.entry.client.last_risk,
                    "level": a.entry.client.last_level, "revenue_share": a.entry.client.revenue_share}
                   for a in portfolio.act_first])


# --- import, forget ------------------------------------------------------------------------


def import_document(name: str, counts: ImportCounts) -> dict[str, Any]:
    return envelope(Kind.IMPORT, file=name, clients_added=counts.clients_added,
                     assessments_added=counts.assessments_added, assessments_present=counts.assessments_present)


def forget_document(client: str, deleted: int) -> dict[str, Any]:
    return envelope(Kind.FORGET, client=client, assessments_deleted=deleted)


# --- the report as JSON ----------------------------------------------------------------------


def report_document(history: History, latest: Mapping[str, Any], language: str) -> dict[str, Any]:
    return envelope(Kind.REPORT, client=history.client, latest=dict(latest),
                     history=history_document(history, language)["assessments"], sparkline=history.sparkline)
