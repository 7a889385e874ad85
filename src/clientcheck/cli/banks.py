"""``clientcheck banks ...`` and ``clientcheck schema``: list, show, check and start banks.

Each command gets its data from bank.catalog, bank.authoring or bank.schema and hands it to one
renderer; Rich is imported only by the commands that draw with it, and only when they do.
"""

from __future__ import annotations

import contextlib
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from clientcheck.cli.names import complete_bank
from clientcheck.cli.options import (
    BankFileOption,
    CommandLineGroup,
    FullOption,
    JsonOption,
    LangOption,
    NoColorOption,
    examples,
)
from clientcheck.cli.runner import command
from clientcheck.env import HOME_ENV, Environment
from clientcheck.errors import ExitCode, UsageError
from clientcheck.i18n import tr
from clientcheck.text import Language

banks_app = typer.Typer(
    name="banks",
    cls=CommandLineGroup,
    help="Find, read, check and start question banks (YAML files).",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class SchemaName(StrEnum):
    bank = "bank"
    result = "result"


@banks_app.command("list", epilog=examples("banks list", "banks list --json"))
@command
def list_banks(env: Environment, language: str, json_output: JsonOption = False, lang: LangOption = None,
               no_color: NoColorOption = False) -> int:
    """Every bank found: id, title, questions, languages, where it comes from, which one wins."""
    from clientcheck.bank.catalog import survey
    from clientcheck.documents import write_json
    from clientcheck.ui.bank_reports import banks_document

    entries = survey(env.environ, every_problem=json_output)  # the screen names a broken file's first error only
    if json_output:
        write_json(banks_document(entries, language), env.stdout)
    else:
        from clientcheck.ui.banks import render_bank_list
        from clientcheck.ui.verdict import make_console

        render_bank_list(entries, language, make_console(env.stdout, env.environ, no_color=no_color))
    return ExitCode.OK


@banks_app.command("show", epilog=examples("banks show checkup --lang it", "banks show --bank-file mybank.yaml --json"))
@command
def show_bank(
    env: Environment,
    language: str,
    bank_id: Annotated[str | None, typer.Argument(metavar="ID", help="Id of the bank (see 'banks list').",
                                                  show_default=False, autocompletion=complete_bank)] = None,
    bank_file: BankFileOption = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the bank as JSON, in the bank-file format.")]
    = False,
    lang: LangOption = None,
    no_color: NoColorOption = False,
    full: FullOption = False,
) -> int:
    """A bank, readably: a summary first (dimensions, bands, how much it holds); --full adds
    every question with its follow-ups, each band's steps, the dealbreakers and the profiles."""
    from clientcheck.assessment.session import resolve_bank
    from clientcheck.bank.authoring import bank_data
    from clientcheck.documents import Kind, envelope, write_json

    if not bank_id and bank_file is None:
        raise UsageError(tr(language, "show.need_bank"), tr(language, "show.need_bank_hint"))
    bank = resolve_bank(env, bank_id, bank_file)
    if json_output:
        write_json(envelope(Kind.BANK, path=bank.origin, bank=bank_data(bank)), env.stdout)
    else:
        from clientcheck.ui.banks import render_bank
        from clientcheck.ui.pager import show

        show(lambda console: render_bank(bank, language, console, full=full), env, no_color=no_color)
    return ExitCode.OK


@banks_app.command("validate", epilog=examples("banks validate mybank.yaml", "banks validate --strict --json"))
@command
def validate_banks(
    env: Environment,
    language: str,
    paths: Annotated[list[Path] | None, typer.Argument(
        metavar="PATH...", help="Bank files, folders of them, or bank ids (the file --bank ID reads). Default:"
                                " every bank in the search path.",
        show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Count warnings as errors.")] = False,
    json_output: JsonOption = False,
    lang: LangOption = None,
    no_color: NoColorOption = False,
) -> int:
    """Check bank files and report every problem at once, as FILE:LINE:COLUMN: message.

    Exit 0 when there is no error (warnings are allowed unless --strict), 2 otherwise.
    """
    from clientcheck.bank.authoring import expand_paths, validate_file, validation_document
    from clientcheck.bank.catalog import bank_files, named_file
    from clientcheck.documents import write_json
    from clientcheck.ui.bank_reports import write_validation

    files = expand_paths([named_file(path, env.environ) for path in paths]) if paths \
        else [found.path for found in bank_files(env.environ)]
    _refresh_schema_copy_if_kept(env)
    if not files:
        raise UsageError(tr(language, "validate.no_files"), tr(language, "validate.no_files_hint"))
    reports = [validate_file(path, strict=strict) for path in files]
    if json_output:
        write_json(validation_document(reports, strict, language), env.stdout)
    else:
        write_validation(reports, strict, language, env.stdout)
    return ExitCode.BAD_INPUT if any(report.errors for report in reports) else ExitCode.OK


@banks_app.command("new", epilog=examples("banks new my-clients --lang it", "assess --bank my-clients"))
@command
def new_bank(
    env: Environment,
    language: str,
    bank_id: Annotated[str, typer.Argument(metavar="ID", help="Id of the new bank, e.g. my-clients.",
                                           show_default=False)],
    force: Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")] = False,
    json_output: JsonOption = False,
    lang: Annotated[Language | None, typer.Option(
        "--lang", help="Language of the bank's texts and of these messages: it or en.",
        show_default=False)] = None,
    no_color: NoColorOption = False,
) -> int:
    """Write a commented starter bank into your bank folder: it works as it is; edit it from there."""
    from clientcheck.bank.authoring import (
        SCHEMA_COPY,
        check_new_id,
        new_bank_path,
        refresh_schema_copy,
        starter_text,
        write_new_bank,
    )
    from clientcheck.bank.catalog import builtin_folder, user_folder
    from clientcheck.documents import Kind, envelope, write_json

    check_new_id(bank_id)
    folder = user_folder(env.environ)
    path = new_bank_path(folder, bank_id)
    write_new_bank(path, starter_text(bank_id, language, SCHEMA_COPY, str(path), date.today().isoformat()),
                   force=force)
    refresh_schema_copy(folder)  # after the bank: a refused bank (it exists) writes nothing
    builtin = builtin_folder() / f"{bank_id}.yaml"
    overrides = str(builtin) if builtin.is_file() else None
    if json_output:
        write_json(envelope(Kind.NEW_BANK, id=bank_id, path=str(path), overrides=overrides), env.stdout)
    else:
        env.stdout.write(tr(language, "new.written", path=path) + "\n")
        if overrides:
            env.stdout.write(tr(language, "new.overrides") + "\n")
        env.stdout.write(tr(language, "new.next", id=bank_id, path=path) + "\n")
    return ExitCode.OK


@banks_app.command("path", epilog=examples("banks path", "banks path --json"))
@command
def bank_path(env: Environment, language: str, json_output: JsonOption = False, lang: LangOption = None,
              no_color: NoColorOption = False) -> int:
    """The folders searched for banks, in order (a later folder wins for the same id)."""
    from clientcheck.bank.catalog import BANKS_PATH_ENV, bank_folders
    from clientcheck.documents import write_json
    from clientcheck.ui.bank_reports import folders_document, write_folders

    folders = bank_folders(env.environ)
    home_set = bool(env.environ.get(HOME_ENV))
    sources = [None if f.origin == "built-in" else BANKS_PATH_ENV if f.origin == "path"
               else HOME_ENV if home_set else None for f in folders]
    if json_output:
        write_json(folders_document(folders, sources), env.stdout)
    else:
        write_folders(folders, sources, language, env.stdout)
    return ExitCode.OK


def _refresh_schema_copy_if_kept(env: Environment) -> None:
    """Bring the user's folder's schema copy (written by ``banks new``) up to this version, if there is one."""
    from clientcheck.bank.authoring import SCHEMA_COPY, refresh_schema_copy
    from clientcheck.bank.catalog import user_folder
    from clientcheck.errors import UsageError

    folder = user_folder(env.environ)
    if (folder / SCHEMA_COPY).is_file():
        with contextlib.suppress(UsageError):  # a folder we may not write: validate still says it is stale
            refresh_schema_copy(folder)


@command
def schema_command(
    env: Environment,
    language: str,
    name: Annotated[SchemaName, typer.Argument(help="bank: a question bank file; result: 'assess --json'.",
                                               show_default=False)],
    json_output: Annotated[bool, typer.Option("--json", help="Accepted, as everywhere: a schema is JSON.")] = False,
    lang: LangOption = None,
    no_color: NoColorOption = False,
) -> int:
    """Print a JSON Schema: for bank files (editors use it), or for the --json result."""
    from clientcheck.bank.schema import dumps, schema

    env.stdout.write(dumps(schema(name.value)))
    return ExitCode.OK


def register(app: typer.Typer) -> None:
    """Put this module's commands on ``app``: ``schema``, and ``banks`` with its sub-commands."""
    app.add_typer(banks_app, name="banks")
    app.command("schema", epilog=examples("schema bank > bank.schema.json", "schema result"))(schema_command)
