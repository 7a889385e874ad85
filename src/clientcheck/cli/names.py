"""Names typed on the command line, made trustworthy: a client name that nearly matches a saved
one gets "did you mean …?" (a choice, on a terminal), and the shell completes client names and
bank ids.

Completion runs on every Tab, so its callbacks import only the store (sqlite3) or the catalogue
of bank files, never Rich, questionary or a bank loader.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from typer._click import Context, Parameter  # the Click that Typer bundles
from typer._click.shell_completion import CompletionItem
from typer._click.types import StringParamType

from clientcheck.env import Environment
from clientcheck.errors import ClientcheckError
from clientcheck.i18n import tr
from clientcheck.suggest import nearest

if TYPE_CHECKING:
    from clientcheck.assessment.session import Prompts


_SHELL_SPECIAL = re.compile(r"[^\w@%+=:,./-]")
BASH_COMPLETION = "_CLIENTCHECK_COMPLETE"  # Click's variable for this program; "complete_bash" from bash


class UnsureClient(ClientcheckError):
    """A new client name that nearly matches a saved one, with no terminal to ask which is meant."""


def did_you_mean(language: str, candidates: list[str]) -> str:
    """The hint for names that nearly match: one, or up to three."""
    quoted = ", ".join(f"'{name}'" for name in candidates)
    return tr(language, "client.did_you_mean", names=quoted) if candidates else ""


def settle_client(env: Environment, language: str, typed: str, prompts: Prompts | None, *,
                  new_client: bool = False) -> str:
    """The client ``assess`` saves under: ``typed`` when it is saved already, new and like no
    saved name, or ``new_client`` says so; otherwise the person chooses on a terminal between the
    saved names it nearly matches and a new client, and without one it is an error that names them."""
    if new_client or not typed.strip():
        return typed
    from clientcheck.saved.store import Store, database_path

    try:
        store = Store.open_existing(database_path(env.environ))
        if store is None:
            return typed
        try:
            if store.client_name(typed) is not None or store.progress(typed) is not None:
                return typed
            candidates = nearest(typed, store.client_names())
        finally:
            store.close()
    except ClientcheckError:
        return typed  # a store that cannot be read is reported by saving, after the verdict is shown
    if not candidates:
        return typed
    if prompts is not None and env.stdin_isatty:
        return prompts.which_client(typed, candidates)
    raise UnsureClient(tr(language, "client.unsure", client=typed, names=", ".join(f"'{c}'" for c in candidates)),
                       tr(language, "client.unsure_hint", client=typed, first=candidates[0]))


# --- shell completion ----------------------------------------------------------------------


def _environment() -> Environment:
    from clientcheck.cli import app

    return app.make_environment()


def complete_client(incomplete: str) -> list[str]:
    """Saved client names that begin with what is typed (any case or accents), for the shell."""
    from clientcheck.saved.store import Store, database_path
    from clientcheck.suggest import comparable

    try:
        store = Store.open_existing(database_path(_environment().environ))
        if store is None:
            return []
        try:
            names = store.client_names()
        finally:
            store.close()
    except ClientcheckError:
        return []  # a damaged or locked database: nothing to offer, never an error on Tab
    typed = comparable(incomplete.lstrip("'\""))
    found = [name for name in names if comparable(name).startswith(typed)]
    if os.environ.get(BASH_COMPLETION, "") == "complete_bash":
        # bash puts a candidate on the line as it is: "Rossi & Figli srl" unquoted would run
        # 'clientcheck history Rossi' in the background. zsh and fish quote what they insert.
        # Backslashes rather than quotes: Typer keeps only candidates that begin with what is typed.
        found = [_SHELL_SPECIAL.sub(r"\\\g<0>", name) for name in found]
    return found


class ClientNameType(StringParamType):
    """A client name on the command line: Tab offers the saved names it begins, in any case or
    accents (``ac`` offers "Acme"). Typer's ``autocompletion`` keeps only the names that begin
    with what was typed, case and all, so the type completes them itself."""

    def shell_complete(self, ctx: Context, param: Parameter, incomplete: str) -> list[CompletionItem]:
        return [CompletionItem(name) for name in complete_client(incomplete)]


CLIENT_NAME = ClientNameType()


def complete_bank(incomplete: str) -> list[str]:
    """The ids of the banks found (their file names, as ``banks new`` writes them) that begin
    with what is typed, for the shell."""
    from clientcheck.bank.catalog import bank_files

    ids = sorted({found.path.stem for found in bank_files(_environment().environ)})
    return [bank_id for bank_id in ids if bank_id.startswith(incomplete)]

