"""How ``banks list`` and ``banks show`` look to people, drawn with Rich. What the other
banks commands print, and every ``--json``, is plain text in ``ui.bank_reports``."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from clientcheck.bank.catalog import BankEntry
from clientcheck.bank.condition_text import condition_sentence
from clientcheck.bank.model import Bank, Question, QuestionType
from clientcheck.i18n import tr, trn
from clientcheck.i18n.numbers import number
from clientcheck.i18n.patterns import problem_message
from clientcheck.text import strip_control
from clientcheck.ui.bank_reports import count, origin_label
from clientcheck.ui.dates import calendar_date

# --- banks list --------------------------------------------------------------------------


def render_bank_list(entries: Sequence[BankEntry], language: str, console: Console) -> None:
    """One entry per file: id, then title and facts, then what overrides what, or why it is broken."""
    lang = language
    if not entries:
        console.print(Text(tr(lang, "banks.none")))
        return
    by_path = {entry.file.path: entry for entry in entries}
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold", ratio=1)
    for entry in entries:
        bank = entry.bank
        cell = Text()
        if bank is not None:
            cell.append(bank.title.get(lang), style="bold" if entry.wins else "dim")
            cell.append("  " + trn(lang, "banks.facts", len(bank.questions), languages=", ".join(bank.languages),
                                  origin=origin_label(entry.file.origin, lang)), style="dim")
        else:
            first = entry.errors[0] if entry.errors else None
            message = strip_control(problem_message(first.message, lang)) if first else ""
            if entry.every_problem or first is None:
                cell.append(tr(lang, "banks.broken", errors=count(lang, "error", len(entry.errors)),
                               line=first.line if first else "?", column=first.column if first else "?",
                               message=message), style="red")
            else:  # read up to its first error only, so that listing stays cheap: more may follow
                cell.append(tr(lang, "banks.broken_at", line=first.line, column=first.column, message=message),
                            style="red")
        notes: list[tuple[str, str]] = []
        if entry.file.origin != "built-in" and not entry.broken:
            notes.append((str(entry.file.path), "dim"))
        for path in entry.overrides:
            hidden = by_path.get(path)
            notes.append((tr(lang, "banks.overrides", origin=origin_label(hidden.file.origin, lang) if hidden else "",
                             path=str(path)), "cyan"))
        if entry.overridden_by is not None:
            winner = by_path.get(entry.overridden_by)
            notes.append((tr(lang, "banks.overridden", origin=origin_label(winner.file.origin, lang) if winner else "",
                             path=str(entry.overridden_by)), "yellow"))
        if entry.broken:
            notes.append((tr(lang, "banks.broken_hint", path=str(entry.file.path)), ""))
        for note, style in notes:
            cell.append("\n↳ " + note, style=style)
        table.add_row(Text(entry.bank_id, style="bold" if entry.wins and bank else ""), cell)
    console.print(table)


# --- banks show --------------------------------------------------------------------------


def render_bank(bank: Bank, language: str, console: Console, *, full: bool = False) -> None:
    """A bank for people. First a summary that fits one screen: what it is and where it comes
    from, its dimensions, its bands and how much it holds; ``full`` adds every question with its
    options and advice, each band's steps, the dealbreakers and the profiles."""
    lang = language
    head = Text(bank.description.get(lang))
    source = bank.source
    head.append("\n" + tr(lang, "show.source", title=source.title, author=source.author.get(lang),
                                    date=calendar_date(source.date, lang)),
                style="dim")
    head.append("\n" + tr(lang, "show.meta", languages=", ".join(bank.languages), path=bank.origin), style="dim")
    parts: list[RenderableType] = [
        Panel(head, title=Text(f"{bank.title.get(lang)}  ({bank.id} v{bank.version})", style="bold"),
              title_align="left", expand=True),
        Text(tr(lang, "show.dimensions"), style="bold"), _dimensions(bank, lang, full=full)]
    if full:
        questions = Table.grid(padding=(0, 1))
        questions.add_column(no_wrap=True, justify="right")
        questions.add_column(overflow="fold", ratio=1)
        for position, question in enumerate(bank.questions, start=1):
            questions.add_row(f"{position}.", _question_cell(question, bank, lang))
            if position < len(bank.questions):
                questions.add_row("", "")
        parts += [Text(tr(lang, "show.questions", count=len(bank.questions)), style="bold"),
                  Padding(questions, (0, 0, 1, 2))]
    bands = Table.grid(padding=(0, 2))
    bands.add_column(no_wrap=True, justify="right")
    bands.add_column(no_wrap=True)
    bands.add_column(overflow="fold", ratio=1)
    for band in bank.bands:
        name = band.label.get(lang) if band.label else tr(lang, band.level.label_key)
        cell = Text(band.summary.get(lang))
        for step in band.steps if full else ():
            cell.append("\n• " + step.get(lang), style="dim")
        bands.add_row(f"{band.minimum}–{band.maximum}", Text(name, style=band.level.colour), cell)
    parts += [Text(tr(lang, "show.bands"), style="bold"), Padding(bands, (0, 0, 1, 2))]
    if not full:
        parts += [Text(_contents(bank, lang)), Text(tr(lang, "show.rest"), style="dim")]
        console.print(Group(*parts))
        return
    if bank.dealbreakers:
        parts.append(Text(tr(lang, "show.dealbreakers"), style="bold"))
        for rule in bank.dealbreakers:
            cell = Text()
            cell.append(rule.id, style="cyan")
            cell.append("  " + tr(lang, "show.at_least", level=tr(lang, rule.level.label_key)),
                        style=rule.level.colour)
            cell.append("\n" + tr(lang, "show.when", condition=condition_sentence(rule.when, bank, lang)),
                        style="dim")
            cell.append("\n" + rule.reason.get(lang))
            parts.append(Padding(cell, (0, 0, 1, 2)))
    if bank.profiles:
        parts.append(Text(tr(lang, "show.profiles"), style="bold"))
        for profile in bank.profiles:
            cell = Text()
            cell.append(profile.id, style="cyan")
            cell.append("  " + profile.label.get(lang), style="bold")
            cell.append("\n" + tr(lang, "show.when", condition=condition_sentence(profile.when, bank, lang)),
                        style="dim")
            cell.append("\n" + profile.advice.get(lang))
            parts.append(Padding(cell, (0, 0, 1, 2)))
    console.print(Group(*parts))


def _dimensions(bank: Bank, lang: str, *, full: bool) -> Padding:
    """One row per dimension: its id, its name (and, in full, what it covers), its questions."""
    dimensions = Table.grid(padding=(0, 2))
    dimensions.add_column(no_wrap=True)
    dimensions.add_column(overflow="fold", ratio=1)
    for dimension in bank.dimensions:
        cell = Text(dimension.label.get(lang))
        if full and dimension.description is not None:
            cell.append(" — " + dimension.description.get(lang), style="dim")
        count = sum(1 for q in bank.questions if q.dimension == dimension.id)
        cell.append(" " + tr(lang, "show.dimension_count", count=count), style="dim")
        dimensions.add_row(Text(dimension.id, style="cyan"), cell)
    return Padding(dimensions, (0, 0, 1, 2))


def _contents(bank: Bank, lang: str) -> str:
    """How much the bank holds, in one sentence."""
    follow_ups = sum(1 for q in bank.questions if q.when is not None)
    pieces = [trn(lang, "show.count_questions", len(bank.questions))]
    if follow_ups:
        pieces[0] += " " + trn(lang, "show.count_follow_ups", follow_ups)
    pieces.append(trn(lang, "show.count_dealbreakers", len(bank.dealbreakers)))
    pieces.append(trn(lang, "show.count_profiles", len(bank.profiles)))
    return tr(lang, "show.contents", contents="; ".join(pieces))


def _question_cell(question: Question, bank: Bank, lang: str) -> Text:
    cell = Text()
    cell.append(question.id, style="cyan")
    facts = [tr(lang, f"type.{question.type.value}"), question.dimension]
    if question.weight != 1:
        facts.append(tr(lang, "show.weight", weight=number(question.weight, lang)))
    if question.reverse:
        facts.append(tr(lang, "show.reverse"))
    if not question.scored:
        facts.append(tr(lang, "show.unscored"))
    if question.actionable:
        facts.append(tr(lang, "show.actionable"))
    if question.number is not None:
        facts.append(f"#{question.number}")
    cell.append("  " + " · ".join(facts), style="dim")
    cell.append("\n" + question.text.get(lang))
    if question.help is not None:
        cell.append("\n" + question.help.get(lang), style="italic dim")
    if question.when is not None:
        cell.append("\n" + tr(lang, "show.follow_up", condition=condition_sentence(question.when, bank, lang)),
                    style="magenta")
    if question.type is QuestionType.CHOICE:
        for option in question.options:
            cell.append(f"\n  {option.id}", style="cyan")
            cell.append(f" ({number(option.risk, lang)}) ", style="dim")
            cell.append(option.label.get(lang))
    if question.type is QuestionType.NUMBER:
        unit = question.unit.get(lang) if question.unit else ""
        cell.append("\n" + tr(lang, "show.range", min=number(question.minimum, lang),
                              max=number(question.maximum, lang), unit=unit,
                              safe=number(question.safe_at, lang), risky=number(question.risky_at, lang)),
                    style="dim")
    if question.advice is not None:
        cell.append("\n→ " + question.advice.get(lang), style="green")
    return cell
