"""History and portfolio on screen: the tables, what changed, and their charts.

Apart from ``ui.clients`` so that only the commands that draw a chart load one: the client
list and every ``--json`` stay as light as they were.
"""

from __future__ import annotations

from collections.abc import Sequence

from clientcheck.i18n import tr, trn
from clientcheck.saved.clients import History, HistoryEntry, Portfolio, PortfolioEntry
from clientcheck.saved.store import localized
from clientcheck.ui.cells import cell_width, fit, wrap
from clientcheck.ui.charts import NUMBERED, OTHER_MARK, Cell, Dot, Point, history_chart, portfolio_chart
from clientcheck.ui.clients import (
    NAME_MAX,
    Column,
    Screen,
    cells,
    changes_cell,
    level_name,
    level_names,
    level_style,
    share_text,
    table,
    trends,
    written,
)
from clientcheck.ui.dates import long_date, short_date, short_dates

# --- history -------------------------------------------------------------------------------


HISTORY_ROWS = 10
"""Rows of the history table by default: the chart above shows every assessment, the table the
latest ones, so a client with 120 checks still fits on one screen."""


def history_points(history: History) -> list[Point]:
    return [Point(e.record.created, e.record.risk, e.record.level) for e in history.entries]


def write_chart(rows: list[list[Cell]], screen: Screen) -> None:
    for row in rows:
        screen.line(*row)


CHANGES_SHOWN = 3
"""Signals listed per kind (new, resolved) under the history unless --full: the rest is counted."""


def write_history(history: History, language: str, screen: Screen, limit: int | None = HISTORY_ROWS, *,
                  full: bool = False) -> None:
    lang = language
    entries = history.entries
    screen.line((history.client, "bold"), (f" — {trn(lang, 'history.count', len(entries))}", ""))
    risks = [e.record.risk for e in entries]
    screen.line((tr(lang, "history.spark"), "bold"),
                (f"  {risks[0]} → {risks[-1]}" if len(risks) > 1 else f"  {risks[0]}", "dim"))
    write_chart(history_chart(history_points(history), screen.width,
                              level_label=lambda level: tr(lang, level.label_key),
                              date_label=lambda stamp: short_date(stamp, lang)), screen)
    screen.blank()
    shown = entries if limit is None else entries[-limit:]
    if len(shown) < len(entries):
        screen.line((trn(lang, "history.earlier", len(entries) - len(shown), total=len(entries)), "dim"))
    records = [e.record for e in shown]
    table(screen, [
        Column(tr(lang, "col.date"), short_dates((r.created for r in records), lang, with_time=True)),
        Column(tr(lang, "col.bank"), [f"{r.bank_id} v{r.bank_version}" for r in records], "dim"),
        Column(tr(lang, "col.risk"), [str(r.risk) for r in records], right=True),
        Column(tr(lang, "col.verdict"), [level_name(r.level, lang) for r in records],
               [level_style(r.level) for r in records]),
        Column(tr(lang, "col.changes"), *cells([changes_cell(e, lang) for e in shown]))], flex=4)
    screen.blank()
    write_changes(history.latest, language, screen, None if full else CHANGES_SHOWN)


def write_changes(entry: HistoryEntry, language: str, screen: Screen, most: int | None = None) -> None:
    """What changed since the previous check with the same bank: at most ``most`` signals of
    each kind, then how many more there are."""
    lang = language
    change = entry.change
    if change is None:
        first = tr(lang, "history.no_previous", bank=entry.record.bank_id)
        for line in wrap(first, screen.width, break_on_hyphens=False):
            screen.line((line, "dim"))
        return
    previous = change.previous
    since = tr(lang, "history.since", date=long_date(previous.created, lang), bank=previous.bank_id,
               before=previous.risk, after=entry.record.risk)
    for line in wrap(since, screen.width, break_on_hyphens=False):  # within a narrow terminal; a bank id kept whole
        screen.line((line, "bold"))
    if not change.new and not change.resolved:
        screen.line(("  " + tr(lang, "history.nothing_changed"), ""))
    for title, signals, mark, style in ((tr(lang, "history.new"), change.new, "+", "red"),
                                        (tr(lang, "history.resolved"), change.resolved, "−", "green")):
        if not signals:
            continue
        screen.line(("  " + title, style))
        shown = signals if most is None else signals[:most]
        for signal in shown:
            number = f"#{signal.number} " if signal.number is not None else ""
            lines = wrap(localized(signal.text, lang), max(20, screen.width - 6 - len(number))) or [""]
            screen.line((f"    {mark} ", style), (number, "dim"), (lines[0], ""))
            for more in lines[1:]:
                screen.line((" " * (6 + len(number)) + more, ""))
        if len(shown) < len(signals):
            screen.line(("      " + trn(lang, "history.more_changes", len(signals) - len(shown)), "dim"))


# --- portfolio -----------------------------------------------------------------------------


def write_portfolio(portfolio: Portfolio, language: str, screen: Screen, limit: int | None = None) -> None:
    lang = language
    entries = portfolio.entries
    if not entries:
        screen.line((tr(lang, "clients.none"), ""))
        return
    screen.line((trn(lang, "portfolio.title", len(entries)), "bold"))
    shown = entries if limit is None else entries[:limit]
    names, whale = level_names(lang), "● " + tr(lang, "portfolio.whale")
    rows = [e.client for e in shown]
    levels = [r.last_level for r in rows]
    table(screen, [
        Column("#", [str(i) for i in range(1, len(shown) + 1)], "dim", right=True),
        Column(tr(lang, "col.client"), [r.name for r in rows], "bold"),
        Column(tr(lang, "col.verdict"), [names.get(level, level) for level in levels], list(map(level_style, levels))),
        Column(tr(lang, "col.risk"), written([r.last_risk for r in rows], str), right=True),
        Column(tr(lang, "col.trend"), *trends(e.rising for e in shown)),
        Column(tr(lang, "col.share"), written([r.revenue_share for r in rows], lambda share: share_text(share, lang)),
               right=True),
        Column(tr(lang, "col.last"), short_dates((r.last_created for r in rows), lang)),
        Column("", [whale if e.whale else "" for e in shown], "red")], flex=1)
    if len(shown) < len(entries):
        screen.line((trn(lang, "portfolio.more", len(entries) - len(shown)), "dim"))
    write_portfolio_chart(portfolio, shown, language, screen)
    screen.blank()
    screen.line((tr(lang, "portfolio.concentration"), "bold"))
    largest = portfolio.largest
    if largest is None:
        screen.line(("  " + tr(lang, "portfolio.no_shares"), ""))
    else:
        style = {"high": "red", "medium": "yellow"}.get(portfolio.concentration, "green")
        largest_text = "  " + tr(lang, "portfolio.largest", client=largest.client.name,
                                 share=share_text(largest.client.revenue_share, lang))
        judgement = "  " + tr(lang, f"portfolio.level.{portfolio.concentration}")
        if cell_width(largest_text + judgement) <= screen.width:
            screen.line((largest_text, ""), (judgement, style))
        else:  # too wide together (a long name, the Italian): the judgement on a line of its own
            screen.line((largest_text, ""))
            screen.line((judgement, style))
        screen.line(("  " + trn(lang, "portfolio.known", portfolio.shares_known, clients=len(entries),
                                total=share_text(portfolio.shares_total, lang)), "dim"))
        if portfolio.shares_total > 100:
            over = tr(lang, "portfolio.over_100", total=share_text(portfolio.shares_total, lang))
            write_warning(over, screen, "bold red")
    screen.blank()
    screen.line((tr(lang, "portfolio.act_first"), "bold"))
    if not portfolio.act_first:
        screen.line(("  " + tr(lang, "portfolio.nothing"), "green"))
    for i, action in enumerate(portfolio.act_first, start=1):
        client = action.entry.client
        why = tr(lang, f"portfolio.why.{action.reason}", risk=client.last_risk,
                 share=share_text(client.revenue_share, lang), delta=action.entry.rising or 0)
        screen.line((f"  {i}. ", ""), (fit(client.name, NAME_MAX), "bold"), (" — " + why, ""))


def write_warning(warning: str, screen: Screen, style: str, indent: int = 2) -> None:
    """A warning ("⚠ ...") wrapped at the screen's width, its later lines under its first word,
    not under the sign, so that it reads as one block (a terminal would wrap it at column 0)."""
    sign, _, words = warning.partition(" ")
    first = " " * indent + sign + " "
    for line in wrap(words, max(screen.width, 24), break_long_words=False, break_on_hyphens=False,
                     initial_indent=first, subsequent_indent=" " * cell_width(first)):
        screen.line((line, style))


def portfolio_dots(entries: Sequence[PortfolioEntry]) -> list[Dot]:
    """The clients with a known share, marked with their rank in the portfolio table; past the
    NUMBERED riskiest, only the first at each place (share, risk): the chart draws nothing for the
    others there, and ten thousand clients take a few hundred places."""
    dots, taken = [], set()
    for rank, entry in enumerate(entries, start=1):
        client = entry.client
        if client.revenue_share is None:
            continue
        if rank > NUMBERED:
            place = (client.revenue_share, client.last_risk)
            if place in taken:
                continue
            taken.add(place)
        dots.append(Dot(str(rank) if rank <= NUMBERED else OTHER_MARK, client.revenue_share, client.last_risk,
                        client.last_level, entry.whale))
    return dots


def write_portfolio_chart(portfolio: Portfolio, shown: Sequence[PortfolioEntry], language: str,
                          screen: Screen) -> None:
    """The scatter under the table: share (x) against risk (y), whales in the shaded corner."""
    lang = language
    dots = portfolio_dots(shown)
    if not dots:
        return
    screen.blank()
    screen.line((tr(lang, "portfolio.chart"), "bold"))
    write_chart(portfolio_chart(dots, screen.width, whale_label=tr(lang, "portfolio.whale_zone")), screen)
    screen.line((tr(lang, "portfolio.chart_axes"), "dim"))
    if any(dot.mark == OTHER_MARK for dot in dots):
        screen.line((tr(lang, "portfolio.chart_others", mark=OTHER_MARK, count=NUMBERED), "dim"))
    unknown = [str(rank) for rank, e in enumerate(shown, start=1) if e.client.revenue_share is None]
    if unknown:
        screen.line((tr(lang, "portfolio.off_chart", ranks=", ".join(unknown)), "dim"))
