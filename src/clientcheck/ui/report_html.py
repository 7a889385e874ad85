"""The client report and the portfolio as one self-contained HTML page: inline CSS and SVG,
no script, no font, image or link that would leave the page (a Content-Security-Policy of
``default-src 'none'`` says so to the browser too), printable from the browser to PDF.

Every text from a bank, the user or the database goes through ``html.escape``; the charts use
the same geometry as the terminal's (``ui.charts``), so both show the same picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from clientcheck.i18n import tr, trn
from clientcheck.levels import Level
from clientcheck.saved.clients import AT_RISK, BIG_CLIENT_SHARE, Portfolio
from clientcheck.text import strip_control
from clientcheck.ui.charts import band_of, drawn_bands, time_fractions
from clientcheck.ui.clients import level_name, share_text
from clientcheck.ui.dates import long_date, short_date
from clientcheck.ui.reports import Report, changes_summary, generated_line, points_text

COLOURS = {Level.KEEP.value: "#2e7d32", Level.WATCH.value: "#b58900", Level.RENEGOTIATE.value: "#e65100",
           Level.LET_GO.value: "#c62828"}
BAND_FILLS = {Level.KEEP.value: "#e8f5e9", Level.WATCH.value: "#fff8e1", Level.RENEGOTIATE.value: "#fff3e0",
              Level.LET_GO.value: "#ffebee"}

CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.25rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-top: 1.5rem; }
.meta { color: #555; font-size: .9rem; }
.verdict { border-left: .5rem solid var(--level); padding: .6rem 1rem; background: #fafafa; }
.verdict .level { font-weight: 700; font-size: 1.3rem; color: var(--level); text-transform: uppercase; }
.raised { font-style: italic; }
ol.signals li { margin-bottom: .8rem; } .answer { color: #555; } .advice { margin-top: .2rem; }
.points { color: #555; font-size: .9rem; white-space: nowrap; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #ddd; } td.num { text-align: right; }
svg { display: block; max-width: 100%; height: auto; } svg text { font-size: 11px; fill: #333; }
.warning { color: #b71c1c; font-weight: 600; }
footer { margin-top: 2rem; color: #666; font-size: .85rem; }
@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; }
               li, tr, svg { break-inside: avoid; } }
"""


def _page(title: str, language: str, body: Sequence[str]) -> str:
    return "\n".join([
        "<!DOCTYPE html>", f'<html lang="{escape(language)}">', "<head>", '<meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">', f"<title>{escape(title)}</title>",
        f"<style>{CSS}</style>", "</head>", "<body>", *body, "</body>", "</html>", ""])


# --- charts ---------------------------------------------------------------------------------

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 720, 260, 40, 120, 10, 40


def _y(risk: float) -> float:
    return TOP + (100 - risk) * (HEIGHT - TOP - BOTTOM) / 100


def history_svg(report: Report) -> str:
    """Risk over real time: the bands as coloured strips (``drawn_bands``), a line through the checks, a dot
    for each (its risk in ``data-risk``, its date in ``data-date``), dates under the first and last."""
    lang = report.language
    plot = WIDTH - LEFT - RIGHT
    parts = [f'<svg class="history" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-label="{escape(tr(lang, "history.spark"))}">']
    bands = drawn_bands(report.points)
    if not bands:
        parts.append(f'<text x="{LEFT - 6}" y="{_y(0) + 4:.1f}" text-anchor="end">0</text>')
    for band in bands:
        top, bottom = _y(band.maximum + (1 if band.maximum < 100 else 0)), _y(band.minimum)
        parts.append(f'<rect class="band" data-level="{band.level.value}" x="{LEFT}" y="{top:.1f}" width="{plot}" '
                     f'height="{bottom - top:.1f}" fill="{BAND_FILLS[band.level.value]}"/>')
        parts.append(f'<text x="{LEFT + plot + 6}" y="{(top + bottom) / 2 + 4:.1f}">'
                     f"{escape(level_name(band.level.value, lang))}</text>")
        parts.append(f'<text x="{LEFT - 6}" y="{bottom + 4:.1f}" text-anchor="end">{band.minimum}</text>')
    parts.append(f'<text x="{LEFT - 6}" y="{_y(100) + 4:.1f}" text-anchor="end">100</text>')
    xs = [LEFT + f * plot for f in time_fractions(report.points)]
    ys = [_y(p.risk) for p in report.points]
    if len(xs) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys, strict=True))
        parts.append(f'<polyline points="{path}" fill="none" stroke="#555" stroke-width="1.5"/>')
    for x, y, point in zip(xs, ys, report.points, strict=True):
        colour = COLOURS.get(point.level, "#333")
        parts.append(f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{colour}" '
                     f'data-risk="{point.risk}" data-date="{escape(point.stamp)}" data-level="{escape(point.level)}">'
                     f"<title>{escape(long_date(point.stamp, lang))}: {point.risk} "
                     f"({escape(level_name(point.level, lang))})</title></circle>")
    base = HEIGHT - BOTTOM
    parts.append(f'<line x1="{LEFT}" y1="{base}" x2="{LEFT + plot}" y2="{base}" stroke="#999"/>')
    if report.points:
        first, last = report.points[0], report.points[-1]
        parts.append(f'<text x="{LEFT}" y="{base + 16}">{escape(short_date(first.stamp, lang))}</text>')
        if len(report.points) > 1:
            parts.append(f'<text x="{LEFT + plot}" y="{base + 16}" text-anchor="end">'
                         f"{escape(short_date(last.stamp, lang))}</text>")
    parts.append("</svg>")
    return "".join(parts)


def bars_svg(rows: Sequence[tuple[str, float | None, str]], css_class: str, language: str,
             maximum: float = 100) -> str:
    """Horizontal bars, one per ``(label, value, colour)``, the value written at the bar's end
    as the language writes numbers."""
    row, label_width, bar_width = 22, 300, 330
    height = row * len(rows) + 4
    parts = [f'<svg class="{css_class}" viewBox="0 0 {label_width + bar_width + 60} {height}" role="img">']
    for i, (label, value, colour) in enumerate(rows):
        y = i * row + 4
        shown = label if len(label) <= 48 else label[:47] + "…"
        parts.append(f'<text x="0" y="{y + 12}">{escape(shown)}<title>{escape(label)}</title></text>')
        width = 0.0 if value is None else max(1.0, min(1.0, value / maximum) * bar_width)
        parts.append(f'<rect x="{label_width}" y="{y}" width="{bar_width}" height="14" fill="#eee"/>')
        parts.append(f'<rect class="bar" x="{label_width}" y="{y}" width="{width:.1f}" height="14" fill="{colour}" '
                     f'data-value="{"" if value is None else f"{value:g}"}"/>')
        parts.append(f'<text x="{label_width + bar_width + 6}" y="{y + 12}">'
                     f'{"–" if value is None else points_text(value, language)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _risk_colour(risk: float | None) -> str:
    return "#bbb" if risk is None else COLOURS[band_of(risk).level.value]


# --- the client report ----------------------------------------------------------------------


def report_html(report: Report) -> str:
    lang = report.language
    e = escape
    title = tr(lang, "report.title", client=report.client)
    body = [f"<h1>{e(title)}</h1>",
            f'<p class="meta">{e(generated_line(report))}</p>',
            f'<h2>{e(tr(lang, "report.latest", date=long_date(report.created, lang, with_time=True), bank=report.bank_title, version=report.bank_version))}</h2>',  # noqa: E501
            f'<section class="verdict" style="--level: {COLOURS.get(report.level, "#333")}">',
            f'<div><span class="level">{e(report.label)}</span> · {e(tr(lang, "verdict.risk", risk=report.risk))} · '
            f'{e(tr(lang, "report.confidence", percent=round(report.confidence * 100)))}</div>']
    if report.why:
        body.append(f'<p class="why">{e(report.why)}</p>')
    if report.raised:
        body.append(f'<p class="raised"><strong>{e(tr(lang, "verdict.raised"))}</strong> {e(report.raised)}</p>')
    body.append("</section>")
    body += [f'<h2>{e(tr(lang, "report.trend"))}</h2>', history_svg(report)]
    if report.dimensions:
        body += [f'<h3>{e(tr(lang, "verdict.dimensions"))}</h3>',
                 bars_svg([(d.label, d.risk, _risk_colour(d.risk)) for d in report.dimensions], "dimensions", lang)]
    body.append(f'<h3>{e(tr(lang, "verdict.signals"))}</h3>')
    if not report.signals:
        body.append(f"<p>{e(tr(lang, 'verdict.no_signals'))}</p>")
    else:
        top = max(s.contribution for s in report.signals) or 1
        bars = [(f"{i}. {s.text}", s.contribution, "#8d6e63") for i, s in enumerate(report.signals, start=1)]
        body += [f'<p class="meta">{e(tr(lang, "report.order"))}</p>', bars_svg(bars, "contributions", lang, top),
                 '<ol class="signals">']
        for signal in report.signals:
            number = f"#{signal.number} " if signal.number is not None else ""
            points = tr(lang, "report.points", points=points_text(signal.contribution, lang))
            item = [f'<li><strong>{e(number + signal.text)}</strong> <span class="points">({e(points)})</span>']
            if signal.answer:
                item.append(f'<div class="answer">{e(tr(lang, "verdict.answer", answer=signal.answer))}</div>')
            if signal.advice:
                item.append(f'<div class="advice">→ {e(signal.advice)}</div>')
            body.append("".join(item) + "</li>")
        body.append("</ol>")
    if report.profiles:
        body += [f'<h3>{e(tr(lang, "verdict.profiles"))}</h3>', "<ul>"]
        body += [f"<li><strong>{e(label)}</strong>: {e(advice)}</li>" for label, advice in report.profiles]
        body.append("</ul>")
    if report.steps:
        body += [f'<h3>{e(tr(lang, "verdict.steps"))}</h3>', "<ul>"]
        body += [f"<li>{e(step)}</li>" for step in report.steps]
        body.append("</ul>")
    if report.changes is not None:
        changes = report.changes
        body += [f'<h3>{e(tr(lang, "report.since"))}</h3>', f"<p>{e(changes_summary(changes, lang))}</p>"]
        if changes.new:
            body += [f"<p><strong>{e(tr(lang, 'report.revealed'))}</strong></p>", "<ul>"]
            body += [f"<li>{e(s.text)}" + (f' <span class="answer">({e(tr(lang, "verdict.answer", answer=s.answer))})'
                                          "</span>" if s.answer else "") + "</li>" for s in changes.new]
            body.append("</ul>")
        if changes.resolved:
            body += [f"<p><strong>{e(tr(lang, 'report.gone'))}</strong></p>", "<ul>"]
            body += [f"<li>{e(text)}</li>" for text in changes.resolved]
            body.append("</ul>")
    body += ["<table>", "<thead><tr>" + "".join(f"<th>{e(tr(lang, key))}</th>" for key in
                                                  ("col.date", "col.bank", "col.risk", "col.verdict", "col.changes"))
             + "</tr></thead>", "<tbody>"]
    body += [f"<tr><td>{e(long_date(stamp, lang, with_time=True))}</td><td>{e(bank)}</td>"
             f'<td class="num">{risk}</td><td>{e(level_name(level, lang))}</td><td>{e(changed)}</td></tr>'
             for stamp, bank, risk, level, changed in report.rows]
    body += ["</tbody>", "</table>", f"<footer>{e(tr(lang, 'report.footer'))}</footer>"]
    return _page(title, lang, body)


# --- the portfolio --------------------------------------------------------------------------


def portfolio_svg(portfolio: Portfolio, language: str) -> str:
    """Share of revenue (x) against risk (y), the whale corner shaded; a dot per client with a
    known share (``data-share``, ``data-risk``), numbered as in the table."""
    plot_w, plot_h = WIDTH - LEFT - 20, HEIGHT - TOP - BOTTOM
    parts = [f'<svg class="portfolio" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-label="{escape(tr(language, "portfolio.chart"))}">',
             f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="#fafafa" stroke="#ccc"/>']
    wx, wy = LEFT + BIG_CLIENT_SHARE * plot_w / 100, _y(100)
    parts.append(f'<rect class="whales" x="{wx:.1f}" y="{wy:.1f}" width="{LEFT + plot_w - wx:.1f}" '
                 f'height="{_y(AT_RISK) - wy:.1f}" fill="#ffebee"/>')
    parts.append(f'<text x="{LEFT + plot_w - 6}" y="{wy + 14:.1f}" text-anchor="end">'
                 f'{escape(tr(language, "portfolio.whale_zone"))}</text>')
    for share in (0, BIG_CLIENT_SHARE, 50, 100):
        parts.append(f'<text x="{LEFT + share * plot_w / 100:.1f}" y="{HEIGHT - BOTTOM + 16}" '
                     f'text-anchor="middle">{share:g}%</text>')
    for risk in (0, AT_RISK, 100):
        parts.append(f'<text x="{LEFT - 6}" y="{_y(risk) + 4:.1f}" text-anchor="end">{risk}</text>')
    for rank, entry in enumerate(portfolio.entries, start=1):
        client = entry.client
        if client.revenue_share is None:
            continue
        x, y = LEFT + min(100.0, client.revenue_share) * plot_w / 100, _y(client.last_risk)
        colour = COLOURS.get(client.last_level, "#333")
        parts.append(f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{colour}" '
                     f'data-share="{client.revenue_share:g}" data-risk="{client.last_risk}">'
                     f"<title>{escape(strip_control(client.name))}: {share_text(client.revenue_share, language)}, "
                     f"{client.last_risk}</title>"
                     f'</circle><text x="{x + 8:.1f}" y="{y + 4:.1f}">{rank}</text>')
    parts.append("</svg>")
    return "".join(parts)


def portfolio_html(portfolio: Portfolio, language: str, generated: str) -> str:
    lang = language
    e = escape
    title = trn(lang, "portfolio.title", len(portfolio.entries))
    body = [f"<h1>{e(title)}</h1>", f'<p class="meta">{e(long_date(generated, lang))}</p>']
    if portfolio.shares_total > 100:
        warning = tr(lang, "portfolio.over_100", total=share_text(portfolio.shares_total, lang))
        body.append(f'<p class="warning">{e(warning)}</p>')
    body += [f'<h2>{e(tr(lang, "portfolio.chart"))}</h2>', portfolio_svg(portfolio, lang),
             f'<p class="meta">{e(tr(lang, "portfolio.chart_axes"))}</p>', "<table>", "<thead><tr>"
             + "".join(f"<th>{e(h)}</th>" for h in ("#", tr(lang, "col.client"), tr(lang, "col.verdict"),
                                                    tr(lang, "col.risk"), tr(lang, "col.share"), tr(lang, "col.last"),
                                                    ""))
             + "</tr></thead>", "<tbody>"]
    for rank, entry in enumerate(portfolio.entries, start=1):
        client = entry.client
        body.append(f'<tr><td class="num">{rank}</td><td>{e(strip_control(client.name))}</td>'
                    f"<td>{e(level_name(client.last_level, lang))}</td>"
                    f'<td class="num">{client.last_risk}</td>'
                    f'<td class="num">{e(share_text(client.revenue_share, lang))}</td>'
                    f"<td>{e(long_date(client.last_created, lang))}</td>"
                    f"<td>{e(tr(lang, 'portfolio.whale')) if entry.whale else ''}</td></tr>")
    body += ["</tbody>", "</table>"]
    if portfolio.act_first:
        body += [f'<h2>{e(tr(lang, "portfolio.act_first"))}</h2>', "<ol>"]
        for action in portfolio.act_first:
            client = action.entry.client
            why = tr(lang, f"portfolio.why.{action.reason}", risk=client.last_risk,
                     share=share_text(client.revenue_share, lang), delta=action.entry.rising or 0)
            body.append(f"<li><strong>{e(strip_control(client.name))}</strong>: {e(why)}</li>")
        body.append("</ol>")
    body.append(f"<footer>{e(tr(lang, 'report.footer'))}</footer>")
    return _page(title, lang, body)
