"""The verdict, the exit plan and the console they are drawn on, for people, with Rich.

Every bank or user text goes through ``rich.text.Text`` (never markup), so a bracket or an
escape sequence in a bank prints as itself. The same result as data is ``ui.result``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.segment import Segments
from rich.table import Table
from rich.text import Text

from clientcheck.assessment.exit_plan import ExitPlan, plan_for
from clientcheck.assessment.scoring import Assessment, Signal
from clientcheck.bank.answer_values import format_answer
from clientcheck.bank.condition_text import answer_quoted
from clientcheck.bank.model import DONT_KNOW, AnswerValue
from clientcheck.i18n import tr, trn
from clientcheck.i18n.numbers import number
from clientcheck.levels import Level
from clientcheck.ui import MAX_WIDTH
from clientcheck.ui.dates import calendar_date
from clientcheck.ui.result import headline, level_label
from clientcheck.ui.safe_console import GuardedConsole

BAR_WIDTH = 20


# --- the verdict, for people -------------------------------------------------------------


def make_console(stream: TextIO, environ: Mapping[str, str], *, no_color: bool = False,
                 width: int | None = None) -> Console:
    """A Console that honours NO_COLOR, --no-color and TERM=dumb and never colours a pipe."""
    dumb = environ.get("TERM", "") == "dumb"
    colourless = no_color or "NO_COLOR" in environ
    console = GuardedConsole(file=stream, highlight=False, markup=False, emoji=False, no_color=colourless,
                      color_system=None if dumb else "auto", width=width,
                      _environ=dict(environ))
    if width is None and console.width > MAX_WIDTH:
        console.width = MAX_WIDTH
    return console


SIGNALS_ON_ONE_SCREEN = 3
"""How many signals the one-screen verdict shows: the ones that add the most risk."""

CHANGES_ON_ONE_SCREEN = 2
"""How many of the changes that would move the verdict the one-screen verdict spells out."""

SCREEN_ROWS = 37
"""The one-screen verdict's height at most: a 40-row terminal keeps it whole with the line
saying where it was saved and the shell's prompt below."""


def render_verdict(assessment: Assessment, language: str, console: Console, *, full: bool = False,
                   saved_as: str | None = None) -> None:
    """The verdict. By default one screen (``SCREEN_ROWS`` at 80 columns): level, risk and why,
    what would change it, the signals that weigh most with their advice and contribution, the
    next steps and a line naming the rest; when that is too tall, the gaps between signals go
    first, then all but one change that would move the verdict. ``full`` shows everything:
    the dimensions, every signal, the profiles, the dealbreakers, the exit plan and the source.
    ``saved_as``: the client it was saved under, said on the last line."""
    saved = [Text(tr(language, "save.saved", client=saved_as), style="dim")] if saved_as else []
    if full:
        console.print(Group(*verdict_parts(assessment, language, console, full=True), *saved))
        return
    options = console.options.update(height=None)
    tries = [(CHANGES_ON_ONE_SCREEN, True), (CHANGES_ON_ONE_SCREEN, False), (1, False)]
    for most_changes, gaps in tries:  # each drawn once: the one that fits is printed as drawn
        parts = verdict_parts(assessment, language, console, most_changes=most_changes, gaps=gaps)
        lines = console.render_lines(Group(*parts), options, pad=False, new_lines=True)
        if len(lines) <= SCREEN_ROWS:
            break
    console.print(Segments(segment for line in lines for segment in line), *saved, end="" if not saved else "\n")


def verdict_parts(assessment: Assessment, language: str, console: Console, *, full: bool = False,
                  most_changes: int | None = CHANGES_ON_ONE_SCREEN, gaps: bool = True) -> list[RenderableType]:
    """The verdict's pieces, top to bottom (see ``render_verdict``)."""
    lang = language
    verdict = assessment.verdict
    plan = plan_for(assessment)
    parts: list[RenderableType] = [_verdict_panel(assessment, lang, most_changes=None if full else most_changes)]
    if full:
        parts += _dimension_bars(assessment, lang, plain=console.is_dumb_terminal)
    parts.append(Text(tr(lang, "verdict.signals"), style="bold"))
    if not assessment.signals:
        parts.append(Padding(Text(tr(lang, "verdict.no_signals")), (0, 0, 1, 2)))
    else:
        shown = assessment.signals if full else assessment.signals[:SIGNALS_ON_ONE_SCREEN]
        parts.append(_signal_list(assessment, shown, lang, plain=console.is_dumb_terminal, gaps=gaps or full))
    if full and assessment.profiles:
        items = []
        for profile in assessment.profiles:
            line = Text(profile.label.get(lang), style="bold")
            line.append(" — ", style="")
            line.append(profile.advice.get(lang), style="")
            items.append(line)
        parts += [Text(tr(lang, "verdict.profiles"), style="bold"), _bullets(items)]
    if full and verdict.raised_by:
        parts += [Text(tr(lang, "verdict.raised"), style="bold"),
                  _bullets([Text(d.reason.get(lang)) for d in verdict.raised_by])]
    if verdict.outcome.steps:
        parts += [Text(tr(lang, "verdict.steps"), style="bold"),
                  _bullets([Text(step.get(lang)) for step in verdict.outcome.steps])]
    if not full:
        hidden_changes = assessment.flip is not None and most_changes is not None \
            and len(assessment.flip.changes) > most_changes
        rest = _the_rest(assessment, lang, has_plan=plan is not None, hidden_changes=hidden_changes)
        if rest:
            parts.append(Text(rest, style="dim"))
        return parts
    if plan is not None:
        parts += [*exit_plan_parts(plan, lang), Text()]
    unknown = assessment.unknown
    if unknown:
        parts.append(Text(trn(lang, "verdict.confidence", len(unknown), percent=round(assessment.confidence * 100)),
                          style="yellow"))
    source = assessment.bank.source
    parts.append(Text(tr(lang, "verdict.source", title=assessment.bank.title.get(lang), source=source.title,
                         author=source.author.get(lang), date=calendar_date(source.date, lang)), style="dim"))
    return parts


def _verdict_panel(assessment: Assessment, lang: str, *, most_changes: int | None) -> Panel:
    """Level, risk and why, and what would change it: the box at the top of every verdict."""
    colour = assessment.verdict.level.colour
    body = Text()
    body.append(level_label(assessment, lang).upper(), style=f"bold {colour}")
    body.append(f"  ·  {tr(lang, 'verdict.risk', risk=assessment.risk)}", style="bold")
    body.append("\n")
    body.append(headline(assessment, lang))
    for sentence in explanation_lines(assessment, lang, most_changes=most_changes):
        body.append("\n")
        body.append(sentence, style="italic")
    return Panel(body, title=tr(lang, "verdict.title"), title_align="left", border_style=colour, expand=True)


def _dimension_bars(assessment: Assessment, lang: str, *, plain: bool) -> list[RenderableType]:
    table = Table.grid(padding=(0, 2))
    table.add_column(overflow="fold", ratio=1)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    for dimension in assessment.dimensions:
        if dimension.asked == 0:
            continue
        label = Text(dimension.label.get(lang))
        if dimension.risk is None:
            table.add_row(label, Text(("." if plain else "·") * BAR_WIDTH, style="dim"),
                          Text(tr(lang, "verdict.not_answered"), style="dim"))
            continue
        table.add_row(label, risk_bar(dimension.risk, _risk_colour(dimension.risk), plain=plain),
                      Text(f"{dimension.risk:>3}"))
    return [Text(tr(lang, "verdict.dimensions"), style="bold"), Padding(table, (0, 0, 1, 2))]


def _signal_list(assessment: Assessment, signals: Sequence[Signal], lang: str, *, plain: bool,
                 gaps: bool) -> Padding:
    """Each signal: its question; a bar of the points of overall risk it adds, and the answer
    given; its advice. ``gaps``: a blank line between signals."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, justify="right")
    table.add_column(overflow="fold", ratio=1)
    for position, signal in enumerate(signals, start=1):
        cell = Text()
        cell.append(signal.question.text.get(lang), style="bold")  # the question only: not the lines below
        cell.append("\n")
        cell.append_text(risk_bar(signal.contribution, _risk_colour(signal.risk), plain=plain))
        points = _points(signal.contribution, lang)
        cell.append(" " + trn(lang, "verdict.points", 1 if points == "1" else 2, points=points))
        answer = _answer_label(signal.question.type.value, signal.answer, assessment, signal.question.id, lang)
        cell.append(" · " + tr(lang, "verdict.answer", answer=answer), style="dim")
        if signal.advice is not None:
            cell.append("\n→ ")
            cell.append(signal.advice.get(lang))
        table.add_row(Text(f"{position}.", style=_risk_colour(signal.risk)), cell)
        if gaps and position < len(signals):
            table.add_row("", "")
    return Padding(table, (0, 0, 1, 2))


def risk_bar(value: float, style: str, *, plain: bool = False, width: int = BAR_WIDTH) -> Text:
    """``value`` on the 0-100 risk scale as a bar ``width`` characters long: block characters
    with eighths for the fraction, or ``#`` and ``.`` on a plain (dumb) terminal."""
    value = min(max(value, 0.0), 100.0)
    if plain:
        filled = round(value * width / 100)
        bar = Text("#" * filled, style=style)
        bar.append("." * (width - filled), style="dim")
        return bar
    eighths = round(value * width * 8 / 100)
    whole, part = divmod(eighths, 8)
    bar = Text("█" * whole + (_EIGHTHS[part] if part else ""), style=style)
    bar.append("░" * (width - whole - (1 if part else 0)), style="dim")
    return bar


_EIGHTHS = " ▏▎▍▌▋▊▉"


def _points(value: float, lang: str) -> str:
    return number(value, lang, decimals=1)


def _the_rest(assessment: Assessment, lang: str, *, has_plan: bool, hidden_changes: bool = False) -> str | None:
    """The line under a one-screen verdict naming what ``--full`` adds (None: nothing);
    ``hidden_changes``: the panel counted some answers that would change the verdict, unnamed."""
    parts = [tr(lang, "verdict.rest_changes")] if hidden_changes else []
    if any(d.asked for d in assessment.dimensions):
        parts.append(tr(lang, "verdict.rest_dimensions"))
    if len(assessment.signals) > SIGNALS_ON_ONE_SCREEN:
        parts.append(tr(lang, "verdict.rest_signals", count=len(assessment.signals)))
    if assessment.profiles:
        parts.append(tr(lang, "verdict.rest_profiles"))
    if has_plan:
        parts.append(tr(lang, "verdict.rest_exit_plan"))
    if not parts:
        return None
    return tr(lang, "verdict.rest", parts=", ".join(parts))


def explanation_lines(assessment: Assessment, lang: str, *, most_changes: int | None = None) -> list[str]:
    """What would change the verdict, and where the unknown answers could take it; beyond
    ``most_changes`` changes, only how many more."""
    lines = []
    flip = assessment.flip
    if flip is not None:
        spelled = flip.changes if most_changes is None else flip.changes[:most_changes]
        described = [
            tr(lang, "verdict.change", question=c.question.text.get(lang),
               before=answer_quoted(c.question, c.before, lang), after=answer_quoted(c.question, c.after, lang))
            for c in spelled]
        if len(spelled) < len(flip.changes):
            described.append(trn(lang, "verdict.changes_more", len(flip.changes) - len(spelled)))
        changes = "; ".join(described)
        key = "verdict.flip_down" if flip.direction == "down" else "verdict.flip_up"
        lines.append(tr(lang, key, level=tr(lang, flip.level.label_key), changes=changes))
    elif assessment.verdict.level is not Level.KEEP:
        lines.append(tr(lang, "verdict.no_flip"))
    bounds = assessment.bounds
    if bounds is not None:
        if bounds.best is bounds.worst:
            lines.append(tr(lang, "verdict.bounds_same", level=tr(lang, bounds.best.label_key)))
        else:
            lines.append(tr(lang, "verdict.bounds", best=tr(lang, bounds.best.label_key),
                            worst=tr(lang, bounds.worst.label_key)))
    return lines


def _bullets(items: Sequence[Text]) -> Padding:
    """A bulleted list whose wrapped lines hang under the text, not under the bullet."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold", ratio=1)
    for item in items:
        table.add_row("•", item)
    return Padding(table, (0, 0, 1, 2))


# --- the exit kit: the end of a let-go verdict, and `clientcheck exit-plan` ------------


def render_exit_plan(plan: ExitPlan, language: str, console: Console, intro: str | None = None) -> None:
    console.print(Group(*exit_plan_parts(plan, language, intro)))


def exit_plan_parts(plan: ExitPlan, language: str, intro: str | None = None) -> list[RenderableType]:
    parts: list[RenderableType] = [Text(tr(language, "exit.title"), style="bold")]
    if intro:
        parts.append(Padding(Text(intro), (0, 0, 1, 2)))
    steps = Table.grid(padding=(0, 1))
    steps.add_column(no_wrap=True, justify="right")
    steps.add_column(overflow="fold", ratio=1)
    for position, step in enumerate(plan.steps, start=1):
        cell = Text()
        cell.append(step.title.get(language), style="bold")
        cell.append("\n")
        cell.append(step.detail.get(language))
        steps.add_row(Text(f"{position}."), cell)
        if position < len(plan.steps):
            steps.add_row("", "")
    parts += [Padding(steps, (0, 0, 1, 2)), Text(tr(language, "exit.letter_hint", lang=language), style="dim")]
    return parts


def _answer_label(kind: str, value: AnswerValue, assessment: Assessment, question_id: str, lang: str) -> str:
    if value == DONT_KNOW:
        return tr(lang, "answer.dont_know")
    question = assessment.bank.question(question_id)
    if kind == "choice" and question is not None:
        option = question.option(str(value))
        return option.label.get(lang) if option else str(value)
    if kind == "number":
        unit = question.unit.get(lang) if question is not None and question.unit else ""
        shown = number(value, lang) if isinstance(value, float) else format_answer(value)
        return f"{shown}{unit}"
    return tr(lang, f"answer.{value}")


def _risk_colour(risk: float) -> str:
    if risk >= 75:
        return "red"
    if risk >= 50:
        return "dark_orange"
    if risk >= 25:
        return "yellow"
    return "green"
