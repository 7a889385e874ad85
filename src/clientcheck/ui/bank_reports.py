"""What the ``banks`` commands print for editors, CI and scripts: validation reports
(``file:line:column: message``, which an editor can jump to), the folder list, and their JSON.

Plain text, no Rich: ``banks validate``, ``banks path`` and every ``--json`` start without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from clientcheck.bank.authoring import FileReport, problem_data
from clientcheck.bank.catalog import BankEntry, BankFolder
from clientcheck.documents import Kind, envelope
from clientcheck.i18n import tr, trn
from clientcheck.text import strip_control
from clientcheck.ui.plain import write_problems


def count(language: str, noun: str, number: int) -> str:
    """'1 error', '2 errors' (the i18n keys count.errors, count.warnings, count.files)."""
    return trn(language, f"count.{noun}s", number)


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
            "errors": [problem_data(p, language) for p in entry.errors],
            "warnings": len(entry.problems) - len(entry.errors),
        }
        for entry in entries
    ])


# --- banks validate ----------------------------------------------------------------------


def write_validation(reports: Sequence[FileReport], strict: bool, language: str, stream: TextIO) -> None:
    """Errors then warnings of each file, as ``file:line:column: severity: message`` and a hint."""
    for report in reports:
        if report.problems:
            write_problems(stream, report.problems, language)
        else:
            stream.write(tr(language, "validate.ok", path=strip_control(report.path)) + "\n")
    errors = sum(len(r.errors) for r in reports)
    warnings = sum(len(r.warnings) for r in reports)
    broken = sum(1 for r in reports if r.errors)
    stream.write("\n" + tr(language, "validate.summary", files=count(language, "file", len(reports)),
                           errors=count(language, "error", errors), warnings=count(language, "warning", warnings)))
    if len(reports) > 1 and broken:
        stream.write(" " + trn(language, "validate.broken", broken))
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
