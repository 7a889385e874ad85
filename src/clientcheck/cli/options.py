"""The options that several commands share, declared once.

Typer reads a parameter's ``Annotated`` metadata, so a command declares ``lang: LangOption = None``
and gets the same flag, help and choices as every other command.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from clientcheck.text import Language

LangOption = Annotated[Language | None, typer.Option(
    "--lang", help="Language: it or en. Default: CLIENTCHECK_LANG, then the locale, then en.",
    show_default=False)]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]
NoColorOption = Annotated[bool, typer.Option("--no-color", help="No colours (NO_COLOR works too).")]
BankOption = Annotated[str | None, typer.Option("--bank", "-b", help="Id of the question bank to use.",
                                                show_default=False)]
BankFileOption = Annotated[Path | None, typer.Option("--bank-file", help="Path of a bank file to use instead.",
                                                     show_default=False, dir_okay=False)]
