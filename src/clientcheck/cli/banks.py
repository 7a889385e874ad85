"""``clientcheck banks ...`` and ``clientcheck schema ...``: list, show, check and start banks.

Thin like cli.py: each command gets its data from catalog/authoring/schemas and hands it to
one renderer. Heavy modules are imported inside the commands.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

import clientcheck.cli.app as cli
from clientcheck.cli.app import BankFileOption, LangOption, _language, _run
from clientcheck.env import HOME_ENV
from clientcheck.errors import ExitCode
from clientcheck.text import Language

banks_app = typer.Typer(
    name="banks",
    help="Find, read, check and start question banks (YAML files).",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]
NoColorOption = Annotated[bool, typer.Option("--no-color", help="No colours (NO_COLOR works too).")]


class SchemaName(StrEnum):
    bank = "bank"
    result = "result"


@banks_app.command("list")
def list_banks(json_output: JsonOption = False, lang: LangOption = None, no_color: NoColorOption = False) -> None:
    """Every bank found: id, title, questions, languages, where it comes from, which one wins."""
    env = cli.make_environment()
    language = _language(env, lang)

    def action() -> int:
        from clientcheck.bank.catalog import survey
        from clientcheck.ui.banks import banks_document, render_bank_list

        entries = survey(env.environ)
        if json_output:
            from clientcheck.documents import write_json

            write_json(banks_document(entries, language), env.stdout)
        else:
            from clientcheck.ui.verdict import make_console

            render_bank_list(entries, language, make_console(env.stdout, env.environ, no_color=no_color))
        return ExitCode.OK

    _run(env, language, action)


@banks_app.command("show")
def show_bank(
    bank_id: Annotated[str | None, typer.Argument(metavar="ID", help="Id of the bank (see 'banks list').",
                                                  show_default=False)] = None,
    bank_file: BankFileOption = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the bank as JSON, in the bank-file format.")]
    = False,
    lang: LangOption = None,
    no_color: NoColorOption = False,
) -> None:
    """The whole bank, readably: dimensions, questions, follow-ups, bands, dealbreakers, profiles."""
    env = cli.make_environment()
    language = _language(env, lang)

    def action() -> int:
        from clientcheck.assessment.session import resolve_bank
        from clientcheck.errors import UsageError
        from clientcheck.i18n import tr

        if not bank_id and bank_file is None:
            raise UsageError(tr(language, "show.need_bank"), tr(language, "show.need_bank_hint"))
        bank = resolve_bank(env, bank_id, bank_file)
        if json_output:
            from clientcheck.bank.authoring import bank_data
            from clientcheck.documents import Kind, envelope, write_json

            write_json(envelope(Kind.BANK, path=bank.origin, bank=bank_data(bank)), env.stdout)
        else:
            from clientcheck.ui.banks import render_bank
            from clientcheck.ui.verdict import make_console

            render_bank(bank, language, make_console(env.stdout, env.environ, no_color=no_color))
        return ExitCode.OK

    _run(env, language, action)


@banks_app.command("validate")
def validate_banks(
    paths: Annotated[list[Path] | None, typer.Argument(
        metavar="PATH...", help="Bank files, or folders of them. Default: every bank in the search path.",
        show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Count warnings as errors.")] = False,
    json_output: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Check bank files and report every problem at once, as FILE:LINE:COLUMN: message.

    Exit 0 when there is no error (warnings are allowed unless --strict), 2 otherwise.
    """
    env = cli.make_environment()
    language = _language(env, lang)

    def action() -> int:
        from clientcheck.bank.authoring import expand_paths, validate_file
        from clientcheck.errors import UsageError
        from clientcheck.i18n import tr

        if paths:
            files = expand_paths(paths)
        else:
            from clientcheck.bank.catalog import bank_files

            files = [bank_file.path for bank_file in bank_files(env.environ)]
        if not files:
            raise UsageError(tr(language, "validate.no_files"), tr(language, "validate.no_files_hint"))
        reports = [validate_file(path, strict=strict) for path in files]
        if json_output:
            from clientcheck.bank.authoring import validation_document
            from clientcheck.documents import write_json

            write_json(validation_document(reports, strict), env.stdout)
        else:
            from clientcheck.ui.banks import write_validation

            write_validation(reports, strict, language, env.stdout)
        return ExitCode.BAD_INPUT if any(report.errors for report in reports) else ExitCode.OK

    _run(env, language, action)


@banks_app.command("new")
def new_bank(
    bank_id: Annotated[str, typer.Argument(metavar="ID", help="Id of the new bank, e.g. my-clients.",
                                           show_default=False)],
    force: Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")] = False,
    json_output: JsonOption = False,
    lang: Annotated[Language | None, typer.Option(
        "--lang", help="Language of the bank's texts and of these messages: it or en.",
        show_default=False)] = None,
) -> None:
    """Write a commented starter bank into your bank folder: it works as it is; edit it from there."""
    env = cli.make_environment()
    language = _language(env, lang)

    def action() -> int:
        from datetime import date

        from clientcheck.bank.authoring import check_new_id, new_bank_path, starter_text, write_new_bank
        from clientcheck.bank.catalog import builtin_folder, user_folder
        from clientcheck.bank.schema import schema_file

        check_new_id(bank_id)
        path = new_bank_path(user_folder(env.environ), bank_id)
        write_new_bank(path, starter_text(bank_id, language, schema_file("bank").as_uri(), str(path),
                                          date.today().isoformat()), force=force)
        builtin = builtin_folder() / f"{bank_id}.yaml"
        overrides = str(builtin) if builtin.is_file() else None
        if json_output:
            from clientcheck.documents import Kind, envelope, write_json

            write_json(envelope(Kind.NEW_BANK, id=bank_id, path=str(path), overrides=overrides), env.stdout)
        else:
            from clientcheck.i18n import tr

            env.stdout.write(tr(language, "new.written", path=path) + "\n")
            if overrides:
                env.stdout.write(tr(language, "new.overrides") + "\n")
            env.stdout.write(tr(language, "new.next", id=bank_id, path=path) + "\n")
        return ExitCode.OK

    _run(env, language, action)


@banks_app.command("path")
def bank_path(json_output: JsonOption = False, lang: LangOption = None) -> None:
    """The folders searched for banks, in order (a later folder wins for the same id)."""
    env = cli.make_environment()
    language = _language(env, lang)

    def action() -> int:
        from clientcheck.bank.catalog import BANKS_PATH_ENV, bank_folders
        from clientcheck.ui.banks import folders_document, write_folders

        folders = bank_folders(env.environ)
        home_set = bool(env.environ.get(HOME_ENV))
        sources = [None if f.origin == "built-in" else BANKS_PATH_ENV if f.origin == "path"
                   else HOME_ENV if home_set else None for f in folders]
        if json_output:
            from clientcheck.documents import write_json

            write_json(folders_document(folders, sources), env.stdout)
        else:
            write_folders(folders, sources, language, env.stdout)
        return ExitCode.OK

    _run(env, language, action)


def schema_command(
    name: Annotated[SchemaName, typer.Argument(help="bank: a question bank file; result: 'assess --json'.",
                                               show_default=False)],
) -> None:
    """Print a JSON Schema: for bank files (editors use it), or for the --json result."""
    env = cli.make_environment()

    def action() -> int:
        from clientcheck.bank.schema import dumps, schema

        env.stdout.write(dumps(schema(name.value)))
        return ExitCode.OK

    _run(env, "en", action)


cli.app.add_typer(banks_app, name="banks")
cli.app.command("schema")(schema_command)
