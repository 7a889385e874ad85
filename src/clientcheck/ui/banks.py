"""How the ``banks`` commands look to people: Rich for the list and a bank, plain text for
validation reports (``file:line:column: message``, which editors and CI can jump to)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from clientcheck.bank.authoring import FileReport, problem_data
from clientcheck.bank.conditions import describe_condition
from clientcheck.bank.model import Bank, Condition, Question, QuestionType
from clientcheck.documents import Kind, envelope
from clientcheck.i18n import labels, tr
from clientcheck.text import format_number, strip_control
from clientcheck.ui.plain import write_problems

if TYPE_CHECKING:
    from rich.console import Console

    from clientcheck.bank.catalog import BankEntry, BankFolder


def count(language: str, noun: str, number: int) -> str:
    """'1 error', '2 errors' (the nouns are i18n keys count.error / count.errors)."""
    return tr(language, f"count.{noun}" if number == 1 else f"count.{noun}s", count=number)


def _condition(condition: Condition, language: str) -> str:
    words = {key.split(".")[1]: value for key, value in
             labels(language, "cond.and", "cond.or", "cond.not", "cond.risk", "cond.signals",
                    "cond.serious_signals").items()}
    return describe_condition(condition, words)


def origin_label(origin: str, language: str) -> str:
    return tr(language, f"origin.{origin}")


# --- banks list --------------------------------------------------------------------------


def entry_status(entry: BankEntry) -> str:
    if entry.broken:
        return "broken"
    return "active" if entry.wins else "overridden"


def banks_document(entries: Sequence[BankEntry], language: str) -> dict[str, Any]:
    return envelope(Kind.BANKS, language=language, banks=[
        {
            "id": entry.bank_id,
            "title": entry.bank.title.get(language) if entry.bank else None,
            "questions": len(entry.bank.questions) if entry.bank else None,
            "languages": list(entry.bank.languages) if entry.bank else [],
            "origin": entry.file.origin,
            "path": str(entry.file.path),
            "status": entry_status(entry),
            "wins": entry.wins,
            "overridden_by": str(entry.overridden_by) if entry.overridden_by else None,
            "overrides": [str(path) for path in entry.overrides],
            "errors": [problem_data(p) for p in entry.errors],
            "warnings": len(entry.problems) - len(entry.errors),
        }
        for entry in entries
    ])


def render_bank_list(entries: Sequence[BankEntry], language: str, console: Console) -> None:
    """One entry per file: id, then title and facts, then what overrides what, or why it is broken."""
    from rich.table import Table
    from rich.text import Text

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
            cell.append("  " + tr(lang, "banks.facts", count=len(bank.questions), languages=", ".join(bank.languages),
                                  origin=origin_label(entry.file.origin, lang)), style="dim")
        else:
            first = entry.errors[0] if entry.errors else None
            where = f"{first.line}:{first.column}: {strip_control(first.message)}" if first else ""
            cell.append(tr(lang, "banks.broken", errors=count(lang, "error", len(entry.errors)), error=where),
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


def render_bank(bank: Bank, language: str, console: Console) -> None:
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    lang = language
    head = Text(bank.description.get(lang))
    source = bank.source
    head.append("\n" + tr(lang, "show.source", title=source.title, author=source.author.get(lang), date=source.date),
                style="dim")
    head.append("\n" + tr(lang, "show.meta", languages=", ".join(bank.languages), path=bank.origin), style="dim")
    console.print(Panel(head, title=Text(f"{bank.title.get(lang)}  ({bank.id} v{bank.version})", style="bold"),
                        title_align="left", expand=True))

    console.print(Text(tr(lang, "show.dimensions"), style="bold"))
    dimensions = Table.grid(padding=(0, 2))
    dimensions.add_column(no_wrap=True)
    dimensions.add_column(overflow="fold", ratio=1)
    for dimension in bank.dimensions:
        cell = Text(dimension.label.get(lang))
        if dimension.description is not None:
            cell.append(" — " + dimension.description.get(lang), style="dim")
        count = sum(1 for q in bank.questions if q.dimension == dimension.id)
        cell.append(" " + tr(lang, "show.dimension_count", count=count), style="dim")
        dimensions.add_row(Text(dimension.id, style="cyan"), cell)
    console.print(Padding(dimensions, (0, 0, 1, 2)))

    console.print(Text(tr(lang, "show.questions", count=len(bank.questions)), style="bold"))
    questions = Table.grid(padding=(0, 1))
    questions.add_column(no_wrap=True, justify="right")
    questions.add_column(overflow="fold", ratio=1)
    for position, question in enumerate(bank.questions, start=1):
        questions.add_row(f"{position}.", _question_cell(question, lang))
        if position < len(bank.questions):
            questions.add_row("", "")
    console.print(Padding(questions, (0, 0, 1, 2)))

    console.print(Text(tr(lang, "show.bands"), style="bold"))
    bands = Table.grid(padding=(0, 2))
    bands.add_column(no_wrap=True, justify="right")
    bands.add_column(no_wrap=True)
    bands.add_column(overflow="fold", ratio=1)
    for band in bank.bands:
        name = band.label.get(lang) if band.label else tr(lang, band.level.label_key)
        cell = Text(band.summary.get(lang))
        for step in band.steps:
            cell.append("\n• " + step.get(lang), style="dim")
        bands.add_row(f"{band.minimum}–{band.maximum}", Text(name, style=band.level.colour), cell)
    console.print(Padding(bands, (0, 0, 1, 2)))

    if bank.dealbreakers:
        console.print(Text(tr(lang, "show.dealbreakers"), style="bold"))
        for rule in bank.dealbreakers:
            cell = Text(rule.id, style="cyan")
            cell.append("  " + tr(lang, "show.at_least", level=tr(lang, rule.level.label_key)),
                        style=rule.level.colour)
            cell.append("\n" + tr(lang, "show.when", condition=_condition(rule.when, lang)), style="dim")
            cell.append("\n" + rule.reason.get(lang))
            console.print(Padding(cell, (0, 0, 1, 2)))
    if bank.profiles:
        console.print(Text(tr(lang, "show.profiles"), style="bold"))
        for profile in bank.profiles:
            cell = Text(profile.id, style="cyan")
            cell.append("  " + profile.label.get(lang), style="bold")
            cell.append("\n" + tr(lang, "show.when", condition=_condition(profile.when, lang)), style="dim")
            cell.append("\n" + profile.advice.get(lang))
            console.print(Padding(cell, (0, 0, 1, 2)))


def _question_cell(question: Question, lang: str) -> Any:
    from rich.text import Text

    cell = Text(question.id, style="cyan")
    facts = [tr(lang, f"type.{question.type.value}"), question.dimension]
    if question.weight != 1:
        facts.append(tr(lang, "show.weight", weight=format_number(question.weight)))
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
        cell.append("\n" + tr(lang, "show.follow_up", condition=_condition(question.when, lang)), style="magenta")
    if question.type is QuestionType.CHOICE:
        for option in question.options:
            cell.append(f"\n  {option.id}", style="cyan")
            cell.append(f" ({format_number(option.risk)}) ", style="dim")
            cell.append(option.label.get(lang))
    if question.type is QuestionType.NUMBER:
        unit = question.unit.get(lang) if question.unit else ""
        cell.append("\n" + tr(lang, "show.range", min=format_number(question.minimum),
                              max=format_number(question.maximum), unit=unit,
                              safe=format_number(question.safe_at), risky=format_number(question.risky_at)),
                    style="dim")
    if question.advice is not None:
        cell.append("\n→ " + question.advice.get(lang), style="green")
    return cell


# --- banks validate ----------------------------------------------------------------------


def write_validation(reports: Sequence[FileReport], strict: bool, language: str, stream: TextIO) -> None:
    """Errors then warnings of each file, as ``file:line:column: severity: message`` and a hint."""
    for report in reports:
        if report.problems:
            write_problems(stream, report.problems)
        else:
            stream.write(tr(language, "validate.ok", path=strip_control(report.path)) + "\n")
    errors = sum(len(r.errors) for r in reports)
    warnings = sum(len(r.warnings) for r in reports)
    broken = sum(1 for r in reports if r.errors)
    stream.write("\n" + tr(language, "validate.summary", files=count(language, "file", len(reports)),
                           errors=count(language, "error", errors), warnings=count(language, "warning", warnings)))
    if len(reports) > 1 and broken:
        stream.write(" " + tr(language, "validate.broken", count=broken))
    stream.write("\n")
    if warnings and not strict:
        stream.write(tr(language, "validate.warnings_pass") + "\n")
    stream.flush()


# --- banks path --------------------------------------------------------------------------


def folders_document(folders: Sequence[BankFolder], sources: Sequence[str | None]) -> dict[str, Any]:
    return envelope(Kind.BANK_PATH, folders=[
        {"path": str(folder.path), "origin": folder.origin, "exists": folder.path.is_dir(), "set_by": source}
        for folder, source in zip(folders, sources, strict=True)
    ])


def write_folders(folders: Sequence[BankFolder], sources: Sequence[str | None], language: str,
                  stream: TextIO) -> None:
    stream.write(tr(language, "path.intro") + "\n")
    width = max(len(origin_label(f.origin, language)) for f in folders)
    for position, (folder, source) in enumerate(zip(folders, sources, strict=True), start=1):
        notes = []
        if source:
            notes.append(tr(language, "path.set_by", variable=source))
        if not folder.path.is_dir():
            notes.append(tr(language, "path.missing"))
        suffix = f"  ({'; '.join(notes)})" if notes else ""
        stream.write(f"{position}. {origin_label(folder.origin, language):<{width}}  {folder.path}{suffix}\n")
    stream.write(tr(language, "path.bank_file") + "\n")
    stream.flush()
