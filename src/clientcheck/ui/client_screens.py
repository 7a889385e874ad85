"""History and portfolio on screen: the tables, what changed, and their charts.

Apart from ``ui.clients`` so that only the commands that draw a chart load one: the client
list and every ``--json`` stay as light as they were.
"""

from __future__ import annotations

import textwrap

from clientcheck.clock import local_time
from clientcheck.i18n import tr
from clientcheck.saved.clients import History, HistoryEntry, Portfolio, localized
from clientcheck.ui.clients import (
    NAME_MAX,
    Screen,
    changes_cell,
    fit,
    level_name,
    level_names,
    level_style,
    share_text,
    table,
    trend,
)

# --- history -------------------------------------------------------------------------------


def write_history(history: History, language: str, screen: Screen) -> None:
    lang = language
    entries = history.entries
    screen.line((history.client, "bold"), (f" — {tr(lang, 'history.count', count=len(entries))}", ""))
    risks = [e.record.risk for e in entries]
    screen.line((tr(lang, "history.spark") + "  ", ""), (history.sparkline, level_style(entries[-1].record.level)),
                (f"  {risks[0]} → {risks[-1]}" if len(risks) > 1 else f"  {risks[0]}", "dim"))
    screen.blank()
    table(screen, [tr(lang, "col.date"), tr(lang, "col.bank"), tr(lang, "col.risk"), tr(lang, "col.verdict"),
                   tr(lang, "col.changes")],
          [[(local_time(e.record.created, with_time=True), ""), (f"{e.record.bank_id} v{e.record.bank_version}", "dim"),
            (str(e.record.risk), ""), (level_name(e.record.level, lang), level_style(e.record.level)),
            changes_cell(e, lang)] for e in entries],
          right={2}, flex=1)
    screen.blank()
    write_changes(history.latest, language, screen)


def write_changes(entry: HistoryEntry, language: str, screen: Screen) -> None:
    lang = language
    change = entry.change
    if change is None:
        screen.line((tr(lang, "history.no_previous", bank=entry.record.bank_id), "dim"))
        return
    previous = change.previous
    screen.line((tr(lang, "history.since", date=local_time(previous.created), bank=previous.bank_id,
                    before=previous.risk, after=entry.record.risk), "bold"))
    if not change.new and not change.resolved:
        screen.line(("  " + tr(lang, "history.nothing_changed"), ""))
    for title, signals, mark, style in ((tr(lang, "history.new"), change.new, "+", "red"),
                                        (tr(lang, "history.resolved"), change.resolved, "−", "green")):
        if not signals:
            continue
        screen.line(("  " + title, style))
        for signal in signals:
            number = f"#{signal.number} " if signal.number is not None else ""
            lines = textwrap.wrap(localized(signal.text, lang), max(20, screen.width - 6 - len(number))) or [""]
            screen.line((f"    {mark} ", style), (number, "dim"), (lines[0], ""))
            for more in lines[1:]:
                screen.line((" " * (6 + len(number)) + more, ""))


# --- portfolio -----------------------------------------------------------------------------


def write_portfolio(portfolio: Portfolio, language: str, screen: Screen, limit: int | None = None) -> None:
    lang = language
    entries = portfolio.entries
    if not entries:
        screen.line((tr(lang, "clients.none"), ""))
        return
    screen.line((tr(lang, "portfolio.title", count=len(entries)), "bold"))
    shown = entries if limit is None else entries[:limit]
    names, whale = level_names(lang), "● " + tr(lang, "portfolio.whale")
    table(screen, ["#", tr(lang, "col.client"), tr(lang, "col.verdict"), tr(lang, "col.risk"), tr(lang, "col.trend"),
                   tr(lang, "col.share"), tr(lang, "col.last"), ""],
          [[(str(i), "dim"), (e.client.name, "bold"), (names.get(e.client.last_level, e.client.last_level),
                                                       level_style(e.client.last_level)),
            (str(e.client.last_risk), ""), trend(e.rising), (share_text(e.client.revenue_share), ""),
            (local_time(e.client.last_created), ""), (whale if e.whale else "", "red")]
           for i, e in enumerate(shown, start=1)],
          right={0, 3, 5}, flex=1)
    if len(shown) < len(entries):
        screen.line((tr(lang, "portfolio.more", count=len(entries) - len(shown)), "dim"))
    screen.blank()
    screen.line((tr(lang, "portfolio.concentration"), "bold"))
    largest = portfolio.largest
    if largest is None:
        screen.line(("  " + tr(lang, "portfolio.no_shares"), ""))
    else:
        style = {"high": "red", "medium": "yellow"}.get(portfolio.concentration, "green")
        screen.line(("  " + tr(lang, "portfolio.largest", client=largest.client.name,
                               share=share_text(largest.client.revenue_share)), ""),
                    ("  " + tr(lang, f"portfolio.level.{portfolio.concentration}"), style))
        screen.line(("  " + tr(lang, "portfolio.known", known=portfolio.shares_known, count=len(entries),
                               total=share_text(portfolio.shares_total)), "dim"))
    screen.blank()
    screen.line((tr(lang, "portfolio.act_first"), "bold"))
    if not portfolio.act_first:
        screen.line(("  " + tr(lang, "portfolio.nothing"), "green"))
    for i, action in enumerate(portfolio.act_first, start=1):
        client = action.entry.client
        why = tr(lang, f"portfolio.why.{action.reason}", risk=client.last_risk,
                 share=share_text(client.revenue_share), delta=action.entry.rising or 0)
        screen.line((f"  {i}. ", ""), (fit(client.name, NAME_MAX), "bold"), (" — " + why, ""))
