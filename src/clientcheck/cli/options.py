"""The options that several commands share, declared once.

Typer reads a parameter's ``Annotated`` metadata, so a command declares ``lang: LangOption = None``
and gets the same flag, help and choices as every other command.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from typer import _click as click  # the Click that Typer bundles, whose errors it raises
from typer._click.exceptions import MissingParameter
from typer.core import TyperGroup

from clientcheck.cli.names import ClientNameType, complete_bank
from clientcheck.errors import ExitCode
from clientcheck.i18n import detect_language, tr
from clientcheck.text import DEFAULT_LANGUAGE, LANGUAGES, Language

LangOption = Annotated[Language | None, typer.Option(
    "--lang", help="Language: it or en. Default: CLIENTCHECK_LANG, then the locale, then en.",
    show_default=False)]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]
NoColorOption = Annotated[bool, typer.Option("--no-color", help="No colours (NO_COLOR works too).")]
FullOption = Annotated[bool, typer.Option(
    "--full", help="Show everything, not only what fits on one screen (long screens go through $PAGER).")]
BankOption = Annotated[str | None, typer.Option("--bank", "-b", help="Id of the question bank to use.",
                                                show_default=False, autocompletion=complete_bank)]
BankFileOption = Annotated[Path | None, typer.Option("--bank-file", help="Path of a bank file to use instead.",
                                                     show_default=False, dir_okay=False)]


def examples(*command_lines: str) -> str:
    """A command's help epilog: one or two command lines to copy, each as typed at a prompt."""
    return "\n\n".join(f"$ clientcheck {line}" for line in command_lines)


# --- one command line: shared options anywhere, one error style --------------------------

SHARED_FLAGS = frozenset({"--json", "--no-color"})
SHARED_VALUED = frozenset({"--lang"})
HELP_OPTIONS = ("-h", "--help")


def relocate_shared_options(args: Sequence[str]) -> list[str]:
    """``--lang it clients`` as ``clients --lang it``: the options every command shares may come
    before the name of the command (or group) that reads them. Other leading options
    (``--help``, ``--version``) stay where they are; with no command named, nothing moves."""
    leading: list[str] = []
    shared: list[str] = []
    index = 0
    while index < len(args) and args[index].startswith("-") and args[index] != "--":
        token = args[index]
        if token in SHARED_FLAGS or (token.split("=", 1)[0] in SHARED_VALUED and "=" in token):
            shared.append(token)
        elif token in SHARED_VALUED and index + 1 < len(args):
            shared += args[index:index + 2]
            index += 1
        else:
            leading.append(token)
        index += 1
    if not shared or index >= len(args) or args[index] == "--":
        return list(args)
    return [*leading, args[index], *shared, *args[index + 1:]]


def _language_of(args: Sequence[str]) -> str:
    """The language a command line asks for, read before Click has parsed it (for its errors)."""
    for index, token in enumerate(args):
        value = token[len("--lang="):] if token.startswith("--lang=") else (
            args[index + 1] if token == "--lang" and index + 1 < len(args) else None)
        if value in LANGUAGES:
            return value
    return detect_language(os.environ)


class CommandLineGroup(TyperGroup):
    """Typer's group with clientcheck's command line: shared options before or after a command's
    name, and Click's usage errors written as clientcheck's own (``clientcheck: error: ...``, a
    hint, exit 2) instead of Rich panels."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, relocate_shared_options(args))

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Typer's Rich list of commands keeps a docstring's line breaks: each command is listed
        # by its first paragraph as one line of text, wrapped to the terminal's width instead
        for command in self.commands.values():
            if not command.short_help and command.help:
                command.short_help = " ".join(command.help.strip().split("\n\n")[0].split())
        super().format_help(ctx, formatter)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, windows_expand_args: bool = True,
             **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        given = list(sys.argv[1:] if args is None else args)
        parsed = without_language_for_help(given, self)
        help_language = _language_of(given) if wants_help(parsed, self) else DEFAULT_LANGUAGE
        try:
            code = self._main_in_language(parsed, help_language, prog_name, complete_var, windows_expand_args,
                                          **extra)
        except click.exceptions.NoArgsIsHelpError as error:
            if error.format_message().strip():  # Rich has drawn the help already; plain Click has not
                click.echo(error.format_message())
            code = ExitCode.BAD_INPUT
        except click.ClickException as error:
            code = _write_usage_error(error, _language_of(given))
        except typer.Abort:
            code = ExitCode.INTERRUPTED
        sys.exit(code if isinstance(code, int) else ExitCode.OK)


    def _main_in_language(self, given: list[str], language: str, prog_name: str | None, complete_var: str | None,
                          windows_expand_args: bool, **extra: Any) -> Any:
        """Click's main, with the help in ``language`` (the reader's when help is what it shows)."""
        if language == DEFAULT_LANGUAGE:  # English help needs nothing more: Typer's start-up stays as it is
            return super().main(given, prog_name, complete_var, False, windows_expand_args, **extra)
        from clientcheck.cli.help_words import help_in

        with help_in(language, self):
            return super().main(given, prog_name, complete_var, False, windows_expand_args, **extra)


def wants_help(args: Sequence[str], root: TyperGroup | None = None) -> bool:
    """Whether a command line shows help: no arguments, -h / --help, or (knowing the ``root``
    group) a group's name with no command after it (``banks``, whose help Click then shows)."""
    if not args or any(arg in HELP_OPTIONS for arg in args):
        return True
    return root is not None and _names_a_group(root, args)


def _names_a_group(root: TyperGroup, args: Sequence[str]) -> bool:
    """Whether ``args`` are the names of nested groups and nothing else (``banks``)."""
    command: click.Command = root
    for arg in args:
        if not isinstance(command, TyperGroup) or arg not in command.commands:
            return False
        command = command.commands[arg]
    return isinstance(command, TyperGroup) and not command.invoke_without_command


def without_language(args: Sequence[str]) -> list[str]:
    """``args`` without ``--lang it`` / ``--lang=it``."""
    kept: list[str] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in SHARED_VALUED:
            skip = True
        elif arg.split("=", 1)[0] not in SHARED_VALUED:
            kept.append(arg)
    return kept


def without_language_for_help(args: list[str], root: TyperGroup | None = None) -> list[str]:
    """``--lang it --help``, ``banks --help --lang it`` or ``banks --lang it`` as ``--help``,
    ``banks --help``, ``banks``: the root and the groups have no --lang, and for help the language
    is read from the command line before Click parses it (``_language_of``). Any other command
    line is left as it is."""
    bare = without_language(args)
    return bare if args and wants_help(bare, root) else args


def _write_usage_error(error: click.ClickException, language: str) -> int:
    from clientcheck.cli.usage_words import usage_message
    from clientcheck.ui.plain import write_error

    context = getattr(error, "ctx", None)
    path = context.command_path if context is not None else "clientcheck"
    param = getattr(error, "param", None)
    missing_client = isinstance(error, MissingParameter) and isinstance(getattr(param, "type", None),
                                                                               ClientNameType)
    write_error(sys.stderr, language, usage_message(error.format_message(), language),
                tr(language, "error.missing_client_hint" if missing_client else "error.usage_hint", command=path))
    return int(ExitCode.BAD_INPUT)
