"""The verdict, the exit plan and the console they are drawn on, for people, with Rich.

Every bank or user text goes through ``rich.text.Text`` (never markup), so a bracket or an
escape sequence in a bank prints as itself. The same result as data is ``ui.result``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TextIO

from rich.console import Console
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from clientcheck.assessment.exit_plan import ExitPlan, plan_for
from clientcheck.assessment.scoring import Assessment
from clientcheck.bank.answer_values import format_answer
from clientcheck.bank.model import DONT_KNOW, AnswerValue
from clientcheck.i18n import tr, trn
from clientcheck.levels import Level
from clientcheck.ui import MAX_WIDTH
from clientcheck.ui.result import headline, level_label

BAR_WIDTH = 20


# --- the verdict, for people -------------------------------------------------------------


def make_console(stream: TextIO, environ: Mapping[str, str], *, no_color: bool = False,
                 width: int | None = None) -> Console:
    """A Console that honours NO_COLOR, --no-color and TERM=dumb and never colours a pipe."""
    dumb = environ.get("TERM", "") == "dumb"
    colourless = no_color or "NO_COLOR" in environ
    console = Console(file=stream, highlight=False, markup=False, emoji=False, no_color=colourless,
                      color_system=None if dumb else "auto", width=width,
                      _environ=dict(environ))
    if width is None and console.width > MAX_WIDTH:
        console.width = MAX_WIDTH
    return console


def render_verdict(assessment: Assessment, language: str, console: Console) -> None:
    lang = language
    verdict = assessment.verdict
    colour = verdict.level.colour
    heading = Text()
    heading.append(level_label(assessment, lang).upper(), style=f"bold {colour}")
    heading.append(f"  ·  {tr(lang, 'verdict.risk', risk=assessment.risk)}", style="bold")
    body = Text()
    body.append_text(heading)
    body.append("\n")
    body.append(headline(assessment, lang))
    for sentence in explanation_lines(assessment, lang):
        body.append("\n")
        body.append(sentence, style="italic")
    console.print(Panel(body, title=tr(lang, "verdict.title"), title_align="left", border_style=colour,
                        expand=True))

    console.print(Text(tr(lang, "verdict.dimensions"), style="bold"))
    table = Table.grid(padding=(0, 2))
    table.add_column(overflow="fold", ratio=1)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    for dimension in assessment.dimensions:
        if dimension.asked == 0:
            continue
        label = Text(dimension.label.get(lang))
        if dimension.risk is None:
            table.add_row(label, Text("·" * BAR_WIDTH, style="dim"),
                          Text(tr(lang, "verdict.not_answered"), style="dim"))
            continue
        filled = round(dimension.risk * BAR_WIDTH / 100)
        bar = Text("█" * filled, style=_risk_colour(dimension.risk))
        bar.append("░" * (BAR_WIDTH - filled), style="dim")
        table.add_row(label, bar, Text(f"{dimension.risk:>3}"))
    console.print(Padding(table, (0, 0, 1, 2)))

    console.print(Text(tr(lang, "verdict.signals"), style="bold"))
    if not assessment.signals:
        console.print(Padding(Text(tr(lang, "verdict.no_signals")), (0, 0, 1, 2)))
    else:
        signals = Table.grid(padding=(0, 1))
        signals.add_column(no_wrap=True, justify="right")
        signals.add_column(overflow="fold", ratio=1)
        for position, signal in enumerate(assessment.signals, start=1):
            cell = Text(signal.question.text.get(lang), style="bold")
            answer = _answer_label(signal.question.type.value, signal.answer, assessment, signal.question.id, lang)
            cell.append(f"\n{tr(lang, 'verdict.answer', answer=answer)}", style="dim")
            if signal.advice is not None:
                cell.append("\n→ ")
                cell.append(signal.advice.get(lang))
            signals.add_row(Text(f"{position}.", style=_risk_colour(signal.risk)), cell)
            if position < len(assessment.signals):
                signals.add_row("", "")
        console.print(Padding(signals, (0, 0, 1, 2)))

    if assessment.profiles:
        console.print(Text(tr(lang, "verdict.profiles"), style="bold"))
        items = []
        for profile in assessment.profiles:
            line = Text(profile.label.get(lang), style="bold")
            line.append(" — ", style="")
            line.append(profile.advice.get(lang), style="")
            items.append(line)
        _bullets(console, items)

    if verdict.raised_by:
        console.print(Text(tr(lang, "verdict.raised"), style="bold"))
        _bullets(console, [Text(d.reason.get(lang)) for d in verdict.raised_by])
    if verdict.outcome.steps:
        console.print(Text(tr(lang, "verdict.steps"), style="bold"))
        _bullets(console, [Text(step.get(lang)) for step in verdict.outcome.steps])

    plan = plan_for(assessment)
    if plan is not None:
        render_exit_plan(plan, lang, console)
        console.print()

    unknown = assessment.unknown
    if unknown:
        console.print(Text(trn(lang, "verdict.confidence", len(unknown), percent=round(assessment.confidence * 100)),
                           style="yellow"))
    source = assessment.bank.source
    console.print(Text(tr(lang, "verdict.source", title=assessment.bank.title.get(lang), source=source.title,
                          author=source.author.get(lang), date=source.date), style="dim"))


def render_saved(client: str, language: str, console: Console) -> None:
    """The line under a verdict that says which client it was saved under."""
    console.print(Text(tr(language, "save.saved", client=client), style="dim"))


def explanation_lines(assessment: Assessment, lang: str) -> list[str]:
    """What would change the verdict, and where the unknown answers could take it."""
    lines = []
    flip = assessment.flip
    if flip is not None:
        changes = "; ".join(
            tr(lang, "verdict.change", question=c.question.text.get(lang),
               before=_answer_label(c.question.type.value, c.before, assessment, c.question.id, lang),
               after=_answer_label(c.question.type.value, c.after, assessment, c.question.id, lang))
            for c in flip.changes)
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


def _bullets(console: Console, items: Sequence[Text]) -> None:
    """A bulleted list whose wrapped lines hang under the text, not under the bullet."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold", ratio=1)
    for item in items:
        table.add_row("•", item)
    console.print(Padding(table, (0, 0, 1, 2)))


# --- the exit kit: the end of a let-go verdict, and `clientcheck exit-plan` ------------


def render_exit_plan(plan: ExitPlan, language: str, console: Console, intro: str | None = None) -> None:
    console.print(Text(tr(language, "exit.title"), style="bold"))
    if intro:
        console.print(Padding(Text(intro), (0, 0, 1, 2)))
    steps = Table.grid(padding=(0, 1))
    steps.add_column(no_wrap=True, justify="right")
    steps.add_column(overflow="fold", ratio=1)
    for position, step in enumerate(plan.steps, start=1):
        cell = Text(step.title.get(language), style="bold")
        cell.append("\n")
        cell.append(step.detail.get(language))
        steps.add_row(Text(f"{position}."), cell)
        if position < len(plan.steps):
            steps.add_row("", "")
    console.print(Padding(steps, (0, 0, 1, 2)))
    console.print(Text(tr(language, "exit.letter_hint", lang=language), style="dim"))


def _answer_label(kind: str, value: AnswerValue, assessment: Assessment, question_id: str, lang: str) -> str:
    if value == DONT_KNOW:
        return tr(lang, "answer.dont_know")
    question = assessment.bank.question(question_id)
    if kind == "choice" and question is not None:
        option = question.option(str(value))
        return option.label.get(lang) if option else str(value)
    if kind == "number":
        unit = question.unit.get(lang) if question is not None and question.unit else ""
        return f"{format_answer(value)}{unit}"
    return tr(lang, f"answer.{value}")


def _risk_colour(risk: float) -> str:
    if risk >= 75:
        return "red"
    if risk >= 50:
        return "dark_orange"
    if risk >= 25:
        return "yellow"
    return "green"
