"""``--help`` in the reader's language: Typer's and Click's headings and clientcheck's own texts.

The help texts are written in English in the code (docstrings, ``help=``, epilogs). Each of their
paragraphs that the catalogue holds as a ``help.text.*`` entry (its msgid the English paragraph,
its spaces collapsed) is shown translated; a paragraph with no entry (an example's command line)
is shown as written. Only a run that renders help in another language than English pays for
this: the command tree Typer built for the run is rewritten in place, and Typer's headings are
swapped in for the run and put back after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache

import typer.core
from typer import _click as click  # the Click that Typer bundles, whose help Typer renders
from typer import rich_utils
from typer._click.types import ParamType
from typer.core import TyperArgument, TyperGroup

from clientcheck.i18n import catalogue, tr
from clientcheck.text import DEFAULT_LANGUAGE

HELP_TEXT_PREFIX = "help.text."  # the family of the help texts, matched by their English
METAVAR_PREFIX = "help.metavar."  # and of the placeholders for a value (NAME, TEXT), likewise
HEADINGS = {  # Typer's help words (typer.rich_utils) and their keys
    "ARGUMENTS_PANEL_TITLE": "help.heading.arguments",
    "OPTIONS_PANEL_TITLE": "help.heading.options",
    "COMMANDS_PANEL_TITLE": "help.heading.commands",
    "DEFAULT_STRING": "help.heading.default",
    "REQUIRED_LONG_STRING": "help.heading.required",
    "ENVVAR_STRING": "help.heading.env_var",
    "DEPRECATED_STRING": "help.heading.deprecated",
}
PLAIN_WORDS = {  # the words of Typer's help without Rich (TYPER_USE_RICH=0), through its gettext
    "Arguments": "help.heading.arguments",
    "Options": "help.heading.options",
    "Commands": "help.heading.commands",
    "default: {default}": "help.plain.default",
    "required": "help.plain.required",
    "env var: {var}": "help.plain.env_var",
    "(dynamic)": "help.plain.dynamic",
}
TYPE_NAMES = {  # the names of the value types Typer shows as placeholders (<str>, <int range>)
    "str": "help.type.str",
    "int": "help.type.int",
    "int range": "help.type.int",
    "float": "help.type.float",
    "float range": "help.type.float",
    "file": "help.type.file",
    "filename": "help.type.file",
    "path": "help.type.path",
    "directory": "help.type.directory",
}
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_RICH_TAG = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")  # what Typer's Rich help would read as markup


def _plain(text: str) -> str:
    return " ".join(text.split())


@cache
def _translations(language: str, family: str = HELP_TEXT_PREFIX) -> dict[str, str]:
    """Each English text of ``family`` (spaces collapsed) and its text in ``language``."""
    english = catalogue(DEFAULT_LANGUAGE)
    if english is None:
        return {}
    return {_plain(english.text(key)): tr(language, key) for key in english.forms if key.startswith(family)}


def help_text(text: str, language: str) -> str:
    """``text``, a help text in English, with each paragraph the catalogue knows in ``language``."""
    if language == DEFAULT_LANGUAGE or not text:
        return text
    translations = _translations(language)
    return "\n\n".join(_markup_escaped(translations[_plain(paragraph)]) if _plain(paragraph) in translations
                       else paragraph for paragraph in _PARAGRAPH_BREAK.split(text.strip()))


def _markup_escaped(text: str) -> str:
    """A translation shown as written: a ``[placeholder]`` in it is not Rich markup."""
    return _RICH_TAG.sub(lambda match: f"{match[1]}{match[1]}\\{match[2]}", text)


def _value_types(command: click.Command) -> Iterator[ParamType]:
    """The types of the values ``command`` and every command under it take."""
    for param in command.params:
        yield param.type
    if isinstance(command, TyperGroup):
        for child in command.commands.values():
            yield from _value_types(child)


def translate_commands(command: click.Command, language: str, help_names: Sequence[str]) -> None:
    """Rewrite ``command`` and every command under it in ``language``: help, epilog, options'
    help (the help option's too), and the usage line's placeholders."""
    for name in ("help", "short_help", "epilog"):
        value = getattr(command, name, None)
        if isinstance(value, str):
            setattr(command, name, help_text(value, language))
    if command.options_metavar == "[OPTIONS]":
        command.options_metavar = tr(language, "help.usage.options")
    metavars = _translations(language, METAVAR_PREFIX)
    for param in command.params:
        if isinstance(getattr(param, "help", None), str):
            param.help = help_text(param.help, language)  # type: ignore[attr-defined]
        shown = param.metavar or (param.name if isinstance(param, TyperArgument) else None)
        if shown in metavars:
            param.metavar = metavars[shown]
    help_option = command.get_help_option(click.Context(command, help_option_names=list(help_names)))
    if help_option is not None:
        help_option.help = tr(language, "help.option.help")
    if isinstance(command, TyperGroup):
        if getattr(command, "subcommand_metavar", None) == "COMMAND [ARGS]...":
            command.subcommand_metavar = tr(language, "help.usage.command")
        for child in command.commands.values():
            translate_commands(child, language, help_names)


@contextmanager
def help_in(language: str, command: click.Command) -> Iterator[None]:
    """For the run inside: ``command``'s help, and Typer's and Click's words, in ``language``."""
    if language == DEFAULT_LANGUAGE:
        yield
        return
    help_names: list[str] = command.context_settings.get("help_option_names", ["--help"])
    translate_commands(command, language, help_names)
    before = {name: getattr(rich_utils, name) for name in HEADINGS}
    formatter = click.Context.formatter_class
    usage = tr(language, "help.heading.usage")
    plain_gettext = typer.core._  # type: ignore[attr-defined]  # Typer's gettext, not exported
    plain_words = {english: tr(language, key) for english, key in PLAIN_WORDS.items()}

    def plain_in_language(message: str) -> str:
        return plain_words.get(message, plain_gettext(message))

    # Click's types are shared (click.STRING is one object): each one's name is put back after the run
    named = {id(kind): (kind, kind.name) for kind in _value_types(command) if kind.name in TYPE_NAMES}

    class Formatter(formatter):  # type: ignore[valid-type,misc]
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, f"{usage}: " if prefix is None else prefix)

    try:
        for name, key in HEADINGS.items():
            setattr(rich_utils, name, tr(language, key))
        click.Context.formatter_class = Formatter
        typer.core._ = plain_in_language  # type: ignore[attr-defined]
        for kind, name in named.values():
            kind.name = tr(language, TYPE_NAMES[name])
        yield
    finally:
        for name, value in before.items():
            setattr(rich_utils, name, value)
        click.Context.formatter_class = formatter
        typer.core._ = plain_gettext  # type: ignore[attr-defined]
        for kind, name in named.values():
            kind.name = name
