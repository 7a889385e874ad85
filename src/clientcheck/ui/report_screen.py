"""The client report on a terminal, with Rich: what ``report`` shows when nobody redirects it
(Markdown and HTML are for a file or a pipe). The same ``Report`` as the other formats; every
text is a ``rich.text.Text``, never markup.
"""

from __future__ import annotations

from rich.console import Console
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from clientcheck.i18n import tr
from clientcheck.ui.charts import Row, band_of, history_chart
from clientcheck.ui.dates import long_date, short_date
from clientcheck.ui.reports import Report, changes_summary, level_of, points_text

BAR_WIDTH = 20


def _chart_text(rows: list[Row]) -> Text:
    text = Text()
    for i, row in enumerate(rows):
        if i:
            text.append("\n")
        for cell, style in row:
            text.append(cell, style=style or None)
    return text


def _colour(level: str) -> str:
    known = level_of(level)
    return known.colour if known is not None else ""


def render_report(report: Report, console: Console) -> None:
    lang = report.language
    colour = _colour(report.level)
    console.print(Text(tr(lang, "report.title", client=report.client), style="bold"))
    console.print(Text(tr(lang, "report.latest", date=long_date(report.created, lang, with_time=True),
                          bank=report.bank_title, version=report.bank_version), style="dim"))
    body = Text()
    body.append(report.label.upper(), style=f"bold {colour}".strip())
    body.append(f"  ·  {tr(lang, 'verdict.risk', risk=report.risk)}", style="bold")
    body.append(f"  ·  {tr(lang, 'report.confidence', percent=round(report.confidence * 100))}")
    if report.why:
        body.append("\n" + report.why)
    if report.raised:
        body.append("\n" + report.raised, style="italic")
    console.print(Panel(body, title=tr(lang, "verdict.title"), title_align="left", border_style=colour or "none"))

    console.print(Text(tr(lang, "history.spark"), style="bold"))
    width = max(40, console.width - 2)
    chart = history_chart(list(report.points), width, level_label=lambda level: tr(lang, level.label_key),
                          date_label=lambda stamp: short_date(stamp, lang))
    console.print(Padding(_chart_text(chart), (0, 0, 1, 0)), no_wrap=True, overflow="crop")

    if report.dimensions:
        console.print(Text(tr(lang, "verdict.dimensions"), style="bold"))
        table = Table.grid(padding=(0, 2))
        table.add_column(overflow="fold", ratio=1)
        table.add_column(no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        for dimension in report.dimensions:
            if dimension.risk is None:
                table.add_row(Text(dimension.label), Text("·" * BAR_WIDTH, style="dim"),
                              Text(tr(lang, "verdict.not_answered"), style="dim"))
                continue
            filled = round(dimension.risk * BAR_WIDTH / 100)
            bar = Text("█" * filled, style=band_of(dimension.risk).level.colour)
            bar.append("░" * (BAR_WIDTH - filled), style="dim")
            table.add_row(Text(dimension.label), bar, Text(f"{dimension.risk:>3}"))
        console.print(Padding(table, (0, 0, 1, 2)))

    console.print(Text(tr(lang, "verdict.signals"), style="bold"))
    if not report.signals:
        console.print(Padding(Text(tr(lang, "verdict.no_signals")), (0, 0, 1, 2)))
    else:
        console.print(Padding(Text(tr(lang, "report.order"), style="dim"), (0, 0, 0, 2)))
        signals = Table.grid(padding=(0, 1))
        signals.add_column(no_wrap=True, justify="right")
        signals.add_column(overflow="fold", ratio=1)
        for position, signal in enumerate(report.signals, start=1):
            cell = Text(signal.text, style="bold")
            cell.append(f"  {tr(lang, 'report.points', points=points_text(signal.contribution, lang))}", style="dim")
            if signal.answer:
                cell.append(f"\n{tr(lang, 'verdict.answer', answer=signal.answer)}", style="dim")
            if signal.advice:
                cell.append("\n→ ")
                cell.append(signal.advice)
            signals.add_row(Text(f"{position}."), cell)
            if position < len(report.signals):
                signals.add_row("", "")
        console.print(Padding(signals, (0, 0, 1, 2)))

    for title, items in ((tr(lang, "verdict.profiles"), [f"{label} — {advice}" for label, advice in report.profiles]),
                         (tr(lang, "verdict.steps"), list(report.steps))):
        if items:
            console.print(Text(title, style="bold"))
            bullets = Table.grid(padding=(0, 1))  # wrapped lines hang under the text, not the bullet
            bullets.add_column(no_wrap=True)
            bullets.add_column(overflow="fold", ratio=1)
            for item in items:
                bullets.add_row("•", Text(item))
            console.print(Padding(bullets, (0, 0, 1, 2)))

    if report.changes is not None:
        changes = report.changes
        console.print(Text(tr(lang, "report.since"), style="bold"))
        console.print(Padding(Text(changes_summary(changes, lang)), (0, 0, 0, 2)))
        for title, texts, mark, style in ((tr(lang, "report.revealed"), [s.text for s in changes.new], "+", "red"),
                                          (tr(lang, "report.gone"), list(changes.resolved), "−", "green")):
            if texts:
                console.print(Padding(Text(title, style=style), (0, 0, 0, 2)))
                for text in texts:
                    line = Text(f"{mark} ", style=style)
                    line.append(text)
                    console.print(Padding(line, (0, 0, 0, 4)))
        console.print()
    console.print(Text(tr(lang, "report.footer"), style="dim"))

