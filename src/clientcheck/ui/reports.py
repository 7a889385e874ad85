"""A client report, once as data and then in Markdown: the latest verdict with its reasons, the
signals with the answers given and their advice, what changed in words, and risk over time.

``Report`` is what every format shows (Markdown here, HTML in ``ui.report_html``, the terminal
in ``ui.report_screen``), so the three cannot drift apart. Every text from a bank, the user or
the database stays data: escaped for the format that prints it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from clientcheck.bank.model import DONT_KNOW, FREQUENCY_LEVELS, Bank
from clientcheck.i18n import tr, trn
from clientcheck.i18n.numbers import number
from clientcheck.levels import Level
from clientcheck.saved.clients import AT_RISK, BIG_CLIENT_SHARE, History, Portfolio
from clientcheck.saved.store import localized
from clientcheck.text import markdown_text, strip_control
from clientcheck.ui.charts import Point, drawn_bands
from clientcheck.ui.clients import changes_cell, level_name, share_text
from clientcheck.ui.dates import long_date, short_date

_WORDED = frozenset(("yes", "no", *FREQUENCY_LEVELS))  # answers the catalogue names


class Signal(NamedTuple):
    text: str
    number: int | None
    answer: str  # as the person chose it, in words
    advice: str
    contribution: float  # points of overall risk


class Dimension(NamedTuple):
    label: str
    risk: int | None


class Changes(NamedTuple):
    """What differs from the previous assessment with the same bank, in words."""

    previous: str  # its timestamp
    before: int
    after: int
    before_level: str
    after_level: str
    new: tuple[Signal, ...]  # the concerns this check revealed
    resolved: tuple[str, ...]  # the concerns gone since


class Report(NamedTuple):
    client: str
    language: str
    generated: str
    bank_title: str
    bank_version: int
    created: str
    level: str
    label: str
    risk: int
    confidence: float
    why: str
    raised: str  # why the verdict is above the risk's band ("" when it is not)
    dimensions: tuple[Dimension, ...]
    signals: tuple[Signal, ...]  # by points of overall risk, largest first
    profiles: tuple[tuple[str, str], ...]
    steps: tuple[str, ...]
    points: tuple[Point, ...]
    rows: tuple[tuple[str, str, int, str, str], ...]  # date, bank, risk, verdict, what changed
    changes: Changes | None


def _text(value: object) -> str:
    return strip_control(str(value)) if value is not None else ""


def answer_words(value: object, question_id: str, bank: Bank | None, language: str) -> str:
    """An answer as the person chose it: "Often", "No", an option's label, "35%"."""
    if value == DONT_KNOW:
        return tr(language, "answer.dont_know")
    question = bank.question(question_id) if bank is not None else None
    if question is not None and question.type.value == "choice":
        option = question.option(str(value))
        return option.label.get(language) if option is not None else _text(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        unit = question.unit.get(language) if question is not None and question.unit else ""
        return f"{number(float(value), language)}{unit}"
    if value in _WORDED:
        return tr(language, f"answer.{value}")
    return _text(value)


def _signal(item: Mapping[str, Any], bank: Bank | None, language: str) -> Signal:
    number = item.get("number")
    contribution = item.get("contribution")
    return Signal(_text(item.get("text")), number if isinstance(number, int) else None,
                  answer_words(item.get("answer"), str(item.get("question")), bank, language)
                  if "answer" in item else "", _text(item.get("advice")),
                  float(contribution) if isinstance(contribution, int | float) else 0.0)


def _raised(latest: Mapping[str, Any], level: str, risk: int, language: str) -> str:
    """The sentence that says a dealbreaker raised the verdict above the risk's own band."""
    verdict = latest.get("verdict", {})
    band = verdict.get("band") if isinstance(verdict, dict) else None
    raised_by = verdict.get("raised_by", []) if isinstance(verdict, dict) else []
    if not isinstance(band, dict) or not raised_by or band.get("level") == level:
        return ""
    reasons = [_text(d.get("reason")) for d in latest.get("dealbreakers", [])
               if isinstance(d, dict) and d.get("id") in raised_by]
    return tr(language, "report.raised", risk=risk, band=level_name(str(band.get("level")), language),
              low=band.get("min"), high=band.get("max"), level=level_name(level, language),
              reasons="; ".join(r for r in reasons if r) or ", ".join(str(r) for r in raised_by))


def build_report(history: History, latest: Mapping[str, Any], language: str, generated: str,
                 bank: Bank | None = None) -> Report:
    """The report's content from a client's history and its latest result document."""
    lang = language
    record = history.latest.record
    verdict = latest.get("verdict", {}) if isinstance(latest.get("verdict"), dict) else {}
    signals = sorted((_signal(s, bank, lang) for s in latest.get("signals", []) if isinstance(s, dict)),
                     key=lambda s: -s.contribution)
    by_question = {str(s.get("question")): _signal(s, bank, lang) for s in latest.get("signals", [])
                   if isinstance(s, dict)}
    change = history.latest.change
    changes = None
    if change is not None:
        new = tuple(by_question.get(s.question) or Signal(localized(s.text, lang), s.number, "", "", s.risk)
                    for s in change.new)
        changes = Changes(change.previous.created, change.previous.risk, record.risk, change.previous.level,
                          record.level, new, tuple(localized(s.text, lang) for s in change.resolved))
    confidence = latest.get("confidence", record.confidence)
    return Report(
        client=strip_control(history.client), language=lang, generated=generated,
        bank_title=localized(record.bank_title, lang), bank_version=record.bank_version, created=record.created,
        level=record.level, label=_text(verdict.get("label")) or level_name(record.level, lang), risk=record.risk,
        confidence=float(confidence) if isinstance(confidence, int | float) else record.confidence,
        why=_text(verdict.get("why")), raised=_raised(latest, record.level, record.risk, lang),
        dimensions=tuple(Dimension(_text(d.get("label", d.get("id"))), d.get("risk"))
                         for d in latest.get("dimensions", []) if isinstance(d, dict) and d.get("asked")),
        signals=tuple(signals),
        profiles=tuple((_text(p.get("label")), _text(p.get("advice"))) for p in latest.get("profiles", [])
                       if isinstance(p, dict)),
        steps=tuple(_text(step) for step in verdict.get("steps", [])),
        points=tuple(Point(e.record.created, e.record.risk, e.record.level) for e in history.entries),
        rows=tuple((e.record.created, e.record.bank_id, e.record.risk, e.record.level, changes_cell(e, lang)[0])
                   for e in history.entries),
        changes=changes)


def changes_summary(changes: Changes, language: str) -> str:
    """One sentence: how risk and verdict moved, and how many concerns came and went."""
    lang = language
    if changes.after > changes.before:
        key = "report.change.up"
    elif changes.after < changes.before:
        key = "report.change.down"
    else:
        key = "report.change.same"
    level = (tr(lang, "report.change.level", before=level_name(changes.before_level, lang),
                after=level_name(changes.after_level, lang))
             if changes.before_level != changes.after_level else level_name(changes.after_level, lang))
    return tr(lang, key, date=long_date(changes.previous, lang), before=changes.before, after=changes.after,
              level=level, new=trn(lang, "report.change.new", len(changes.new)),
              resolved=trn(lang, "report.change.resolved", len(changes.resolved)))


def generated_line(report: Report) -> str:
    lang = report.language
    return trn(lang, "report.generated", len(report.points), date=long_date(report.generated, lang),
               first=long_date(report.points[0].stamp, lang))


def points_text(value: float, language: str) -> str:
    """Points as the language writes them: 22.5 in English, 22,5 in Italian."""
    return number(value, language)


def level_of(value: str) -> Level | None:
    try:
        return Level(value)
    except ValueError:
        return None


# --- Markdown -------------------------------------------------------------------------------

def md(text: str) -> str:
    """Text from a user or a bank, escaped so Markdown shows it as written (one line, no link,
    markup, HTML or autolink): ``text.markdown_text``, the one escaping for Markdown."""
    return markdown_text(text)


def _mermaid_text(text: str) -> str:
    """A label inside a Mermaid block: no quotes, brackets or line breaks to end it early."""
    return " ".join("".join(c if c.isalnum() or c in ".,-'%/" else " " for c in text).split())


def report_markdown(report: Report) -> str:
    """The report in Markdown that CommonMark, GFM and Obsidian all render alike: ATX headings,
    blank lines around every block, advice as its own paragraph under its signal, Mermaid for
    the chart (GitHub and Obsidian draw it; elsewhere it reads as the numbers it holds)."""
    lang = report.language
    out: list[str] = [f"# {tr(lang, 'report.title', client=md(report.client))}", ""]
    out += [f"*{generated_line(report)}*", ""]
    out += [f"## {tr(lang, 'report.latest', date=long_date(report.created, lang, with_time=True), bank=md(report.bank_title), version=report.bank_version)}", ""]  # noqa: E501
    out += [f"**{md(report.label)}** · {tr(lang, 'verdict.risk', risk=report.risk)} · "
            f"{tr(lang, 'report.confidence', percent=round(report.confidence * 100))}", ""]
    if report.why:
        out += [f"> {md(report.why)}", ""]
    if report.raised:
        out += [f"**{tr(lang, 'verdict.raised')}** {md(report.raised)}", ""]
    if report.dimensions:
        out += [f"### {tr(lang, 'verdict.dimensions')}", "", f"| {tr(lang, 'report.dimension')} | "
                f"{tr(lang, 'col.risk')} |", "| --- | ---: |"]
        out += [f"| {md(d.label)} | {d.risk if d.risk is not None else tr(lang, 'verdict.not_answered')} |"
                for d in report.dimensions]
        out.append("")
    out += [f"### {tr(lang, 'verdict.signals')}", ""]
    if not report.signals:
        out += [tr(lang, "verdict.no_signals"), ""]
    else:
        out += [f"*{tr(lang, 'report.order')}*", ""]
        for i, signal in enumerate(report.signals, start=1):
            out += _signal_item(i, signal, lang)
    if report.profiles:
        out += [f"### {tr(lang, 'verdict.profiles')}", ""]
        out += [f"- **{md(label)}**: {md(advice)}" for label, advice in report.profiles]
        out.append("")
    if report.steps:
        out += [f"### {tr(lang, 'verdict.steps')}", ""]
        out += [f"- {md(step)}" for step in report.steps]
        out.append("")
    out += [f"## {tr(lang, 'report.trend')}", ""]
    out += _mermaid_history(report)
    out += [f"| {tr(lang, 'col.date')} | {tr(lang, 'col.bank')} | {tr(lang, 'col.risk')} | {tr(lang, 'col.verdict')} | "
            f"{tr(lang, 'col.changes')} |", "| --- | --- | ---: | --- | --- |"]
    out += [f"| {long_date(stamp, lang, with_time=True)} | {md(bank)} | {risk} | {level_name(level, lang)} | "
            f"{md(changed)} |" for stamp, bank, risk, level, changed in report.rows]
    out.append("")
    if report.changes is not None:
        out += _changes_markdown(report.changes, lang)
    out += ["---", "", f"*{tr(lang, 'report.footer')}*"]
    return "\n".join(out) + "\n"


def _signal_item(position: int, signal: Signal, language: str) -> list[str]:
    """One numbered item: the question in bold with its weight, then the answer and the advice
    as paragraphs of the same item (indented, blank lines between: never joined to the question)."""
    lang = language
    number = f"#{signal.number} " if signal.number is not None else ""
    points = tr(lang, "report.points", points=points_text(signal.contribution, lang))
    marker = f"{position}. "
    indent = " " * len(marker)  # under the item's text: 10. needs four spaces, not three
    lines = [f"{marker}**{number}{md(signal.text)}** ({points})", ""]
    if signal.answer:
        lines += [f"{indent}{tr(lang, 'verdict.answer', answer=md(signal.answer))}", ""]
    if signal.advice:
        lines += [f"{indent}→ {md(signal.advice)}", ""]
    return lines


def _changes_markdown(changes: Changes, language: str) -> list[str]:
    lang = language
    out = [f"### {tr(lang, 'report.since')}", "", md(changes_summary(changes, lang)), ""]
    if changes.new:
        out += [f"**{tr(lang, 'report.revealed')}**", ""]
        for signal in changes.new:
            answer = f" ({tr(lang, 'verdict.answer', answer=md(signal.answer))})" if signal.answer else ""
            out.append(f"- {md(signal.text)}{answer}")
        out.append("")
    if changes.resolved:
        out += [f"**{tr(lang, 'report.gone')}**", ""]
        out += [f"- {md(text)}" for text in changes.resolved]
        out.append("")
    return out


def _mermaid_history(report: Report) -> list[str]:
    """Risk over time as a Mermaid xychart: one bar per assessment, dated; the numbers stay
    readable as text where Mermaid is not drawn."""
    lang = report.language
    labels = ", ".join(f'"{_mermaid_text(short_date(p.stamp, lang))}"' for p in report.points)
    risks = ", ".join(str(p.risk) for p in report.points)
    bands = " · ".join(f"{level_name(band.level.value, lang)} {band.minimum}–{band.maximum}"
                       for band in drawn_bands(report.points))  # none when the shipped ones do not fit
    return ["```mermaid", "xychart-beta", f'    title "{_mermaid_text(tr(lang, "history.spark"))}"',
            f"    x-axis [{labels}]", f'    y-axis "{_mermaid_text(tr(lang, "col.risk"))}" 0 --> 100',
            f"    line [{risks}]", "```", "", *([f"*{tr(lang, 'report.bands', bands=bands)}*", ""] if bands else [])]


# --- the portfolio in Markdown ----------------------------------------------------------------


def _quadrant_x(share: float | None) -> float:
    """Mermaid splits its quadrants at the middle; the whale line is at BIG_CLIENT_SHARE, so the
    share axis is drawn in two linear halves: 0 to that share, then on to 100%."""
    value = min(100.0, max(0.0, share or 0.0))
    if value <= BIG_CLIENT_SHARE:
        return 0.5 * value / BIG_CLIENT_SHARE
    return 0.5 + 0.5 * (value - BIG_CLIENT_SHARE) / (100 - BIG_CLIENT_SHARE)


def portfolio_markdown(portfolio: Portfolio, language: str, generated: str) -> str:
    """The portfolio as a table and a Mermaid quadrant chart (share of revenue against risk, the
    whale corner top right), with the warning when the known shares pass 100%."""
    lang = language
    out = [f"# {trn(lang, 'portfolio.title', len(portfolio.entries))}", "", f"*{long_date(generated, lang)}*", ""]
    if portfolio.shares_total > 100:
        out += [f"> **{md(tr(lang, 'portfolio.over_100', total=share_text(portfolio.shares_total, lang)))}**", ""]
    names = [strip_control(e.client.name) for e in portfolio.entries]
    known = [(rank, e) for rank, e in enumerate(portfolio.entries, start=1) if e.client.revenue_share is not None]
    if known:
        out += [f"## {tr(lang, 'portfolio.chart')}", "", "```mermaid", "quadrantChart",
                f'    x-axis "{_mermaid_text(tr(lang, "col.share"))} 0%" --> "100%"',
                f'    y-axis "{_mermaid_text(tr(lang, "col.risk"))} 0" --> "100"',
                f"    quadrant-1 {_mermaid_text(tr(lang, 'portfolio.whale_zone'))}", "```", ""]
        out[-2:-2] = [f"    {rank} {_mermaid_text(names[rank - 1]) or rank}: "
                      f"[{_quadrant_x(e.client.revenue_share):.3f}, {e.client.last_risk / 100:.2f}]"
                      for rank, e in known]
        out += [f"*{tr(lang, 'report.quadrant_note', share=f'{BIG_CLIENT_SHARE:g}', risk=AT_RISK)}*", ""]
    out += [f"| # | {tr(lang, 'col.client')} | {tr(lang, 'col.verdict')} | {tr(lang, 'col.risk')} | "
            f"{tr(lang, 'col.share')} | {tr(lang, 'col.last')} |", "| ---: | --- | --- | ---: | ---: | --- |"]
    whale = f" ({tr(lang, 'portfolio.whale')})"
    out += [f"| {rank} | {md(names[rank - 1])}{whale if e.whale else ''} | "
            f"{level_name(e.client.last_level, lang)} | {e.client.last_risk} | "
            f"{share_text(e.client.revenue_share, lang)} | "
            f"{long_date(e.client.last_created, lang)} |" for rank, e in enumerate(portfolio.entries, start=1)]
    out.append("")
    if portfolio.act_first:
        out += [f"## {tr(lang, 'portfolio.act_first')}", ""]
        for i, action in enumerate(portfolio.act_first, start=1):
            client = action.entry.client
            why = tr(lang, f"portfolio.why.{action.reason}", risk=client.last_risk,
                     share=share_text(client.revenue_share, lang), delta=action.entry.rising or 0)
            out.append(f"{i}. **{md(strip_control(client.name))}**: {md(why)}")
        out.append("")
    out += ["---", "", f"*{tr(lang, 'report.footer')}*"]
    return "\n".join(out) + "\n"
